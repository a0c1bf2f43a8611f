import { ApexError } from '../apexErrors';
import { CockpitStore } from '../store';
import { loadAdoptionFixture } from './adoptionFixture';
import type { CockpitFixture } from './cockpitFixture';

type ExpansionMap = ApexTypes.ExpansionMapController_ExpansionMap;

const ACME = '001A00000000001AAA';
const GLOBEX = '001A00000000002AAA';
const INITECH = '001A00000000003AAA';

let fixture: CockpitFixture;

beforeEach(async () => {
  fixture = await loadAdoptionFixture();
});

afterEach(() => {
  fixture.cleanup();
});

async function call(method: string, params: Record<string, unknown>, user = 'csm'): Promise<unknown> {
  return fixture.app(user).invokeApex(`ExpansionMapController.${method}`, params);
}

async function map(accountId: string, user = 'csm'): Promise<ExpansionMap> {
  return (await call('getExpansionMap', { accountId }, user)) as ExpansionMap;
}

async function message(method: string, params: Record<string, unknown>, user = 'csm'): Promise<string> {
  try {
    await call(method, params, user);
  } catch (error) {
    if (error instanceof ApexError) {
      return error.message;
    }
    throw error;
  }
  throw new Error(`${method} succeeded, but a failure was expected.`);
}

function product(result: ExpansionMap, code: string): ApexTypes.ExpansionMapController_CatalogProduct {
  const found = result.catalog?.find((row) => row.productCode === code);
  if (found === undefined) {
    throw new Error(`Product ${code} is not in the catalog.`);
  }
  return found;
}

describe('ExpansionMapController.getExpansionMap offline', () => {
  it('shows the footprint and the whitespace of the catalog', async () => {
    const result = await map(ACME);

    expect([result.accountName, result.asOf, result.annualRecurringRevenue, result.adoptionMonth]).toEqual([
      'Acme Corp',
      '2026-11-30',
      100000,
      '2026-11-01'
    ]);
    expect(result.footprint?.map((owned) => [owned.productCode, owned.sources])).toEqual([
      ['HLP-AUTO', ['Asset']],
      ['HLP-INSIGHT', ['Closed Won Opportunity']],
      ['HLP-DESK', ['Asset']]
    ]);
    expect(result.catalog?.map((row) => [row.productCode, row.status, row.readiness])).toEqual([
      ['HLP-AUTO', 'Owned', null],
      ['HLP-FIELD', 'NotReady', 42],
      ['HLP-INSIGHT', 'Owned', null],
      ['HLP-DESK', 'Owned', null]
    ]);
    expect(result.adoption?.map((row) => [row.featureKey, row.adoptionPercent])).toEqual([
      ['KnowledgeDeflection', 50],
      ['PortalCaseSubmission', 50],
      ['SlaEscalations', 30],
      ['WorkflowDesigner', 0]
    ]);
    expect(result.canRecordTriggers).toBe(true);
    expect(result.canHandOff).toBe(true);
    expect(result.emptyMessage).toBeNull();
  });

  it('recommends an event-triggered approach with the hypothesis and its evidence', async () => {
    const field = product(await map(ACME), 'HLP-FIELD');

    expect(field.approach).toBe('EventTriggered');
    expect(field.listPrice).toBe(18000);
    expect(field.hypothesis).toContain('For Acme Corp, Helpline Field Service extends service to the field');
    expect(field.evidence).toContain('Champion: Ada Lovelace, Support Lead (source: account contacts)');
    expect(field.prerequisites?.map((row) => [row.featureKey, row.hasData])).toEqual([
      ['WorkflowDesigner', true],
      ['PortalCaseSubmission', true]
    ]);
    expect(field.canHandOff).toBe(true);
  });

  it('lists triggers newest first and marks the recent ones', async () => {
    const result = await map(ACME);

    expect(result.triggers?.map((trigger) => [trigger.type, trigger.occurredOn, trigger.isRecent])).toEqual([
      ['Funding', '2026-09-15', true],
      ['LeadershipChange', '2025-12-01', false]
    ]);
    expect(result.champions?.map((champion) => [champion.name, champion.sources])).toEqual([
      ['Ada Lovelace', ['Account champion']]
    ]);
  });

  it('shows an open hand-off and the champion of an Opportunity', async () => {
    const result = await map(GLOBEX);
    const automation = product(result, 'HLP-AUTO');

    expect(automation.openOpportunityName).toBe('Globex - Helpline Automation expansion');
    expect(automation.canHandOff).toBe(false);
    expect(result.champions?.[0]?.sources).toEqual(['Champion on opportunity Globex - Helpline Automation expansion']);
  });

  it('builds a map without adoption facts', async () => {
    const result = await map(INITECH);

    expect(result.adoptionMonth).toBeNull();
    expect(result.footprint).toEqual([]);
    expect(result.catalog?.every((row) => row.status !== 'Owned')).toBe(true);
  });

  it('shows a manager the map without its actions', async () => {
    const result = await map(ACME, 'manager');

    expect(result.canRecordTriggers).toBe(false);
    expect(result.canHandOff).toBe(false);
    expect(product(result, 'HLP-FIELD').canHandOff).toBe(false);
  });

  it.each([
    ['a missing account Id', {}, 'The account Id is missing. Open the expansion map from an Account record page.'],
    [
      'an Id of another object',
      { accountId: '003A00000000001AAA' },
      'Id 003A00000000001AAA is not an account Id. Place the expansion map component on an Account record page.'
    ],
    [
      'an unknown account',
      { accountId: '001A00000000009AAA' },
      'Access denied: account 001A00000000009AAA does not exist or is not shared with you. Ask the account owner ' +
        'or your admin for access.'
    ]
  ])('rejects %s', async (_name, params, expected) => {
    expect(await message('getExpansionMap', params)).toBe(expected);
  });

  it('denies a user without access', async () => {
    expect(await message('getExpansionMap', { accountId: ACME }, 'no-access')).toBe(
      'Access denied: you cannot read business triggers or products. Ask your admin to assign you the Success ' +
        'Cockpit User permission set.'
    );
  });
});

describe('ExpansionMapController.recordTrigger offline', () => {
  const trigger = {
    accountId: GLOBEX,
    type: 'Acquisition',
    occurredOn: '2026-11-20',
    description: '  Bought Initech.  '
  };

  it('records a trigger that turns the approach event-triggered', async () => {
    expect(product(await map(GLOBEX), 'HLP-INSIGHT').approach).toBe('ExecutiveSponsored');

    const id = (await call('recordTrigger', trigger)) as string;
    const result = await map(GLOBEX);

    expect(id.startsWith('a0U')).toBe(true);
    expect(result.triggers?.[0]).toEqual({
      id,
      type: 'Acquisition',
      occurredOn: '2026-11-20',
      description: 'Bought Initech.',
      isRecent: true
    });
    expect(product(result, 'HLP-INSIGHT').approach).toBe('EventTriggered');
    expect(CockpitStore.open(fixture.storeFile).store.get('businessTriggers', id)?.accountId).toBe(GLOBEX);
  });

  it('keeps two triggers recorded at the same moment', async () => {
    await call('recordTrigger', trigger);
    await call('recordTrigger', trigger);

    expect(fixture.store.list('businessTriggers')).toHaveLength(2);
  });

  it.each([
    [
      'a missing type',
      { type: '' },
      'Type is missing. Choose one of HeadcountGrowth, NewBusinessLine, Merger, Acquisition, Funding, ' +
        'LeadershipChange, Other.'
    ],
    [
      'a type in the wrong case',
      { type: 'acquisition' },
      'Type acquisition is not a valid value. Choose one of HeadcountGrowth,'
    ],
    ['a missing date', { occurredOn: null }, 'The date of the event is missing. Enter the day it happened.'],
    [
      'a date in the future',
      { occurredOn: '2026-12-01' },
      'Date 2026-12-01 is in the future. Record the event once it has happened, with a date up to 2026-11-30.'
    ],
    [
      'a description over 255 characters',
      { description: 'd'.repeat(256) },
      'Description is 256 characters long, more than the 255 allowed. Shorten it.'
    ]
  ])('rejects %s', async (_name, change, expected) => {
    expect(await message('recordTrigger', { ...trigger, ...change })).toContain(expected);
    expect(fixture.store.list('businessTriggers')).toEqual([]);
  });

  it('denies a user who cannot record triggers', async () => {
    expect(await message('recordTrigger', trigger, 'manager')).toBe(
      'Access denied: you cannot record business triggers. Ask your admin to assign you the Success Cockpit User ' +
        'permission set.'
    );
  });
});

describe('ExpansionMapController.handOff offline', () => {
  it('hand-off creates Opportunity and line item', async () => {
    const id = (await call('handOff', { accountId: ACME, productCode: 'HLP-FIELD', hypothesis: null })) as string;
    const stored = fixture.store.get('handOffs', id);
    const field = product(await map(ACME), 'HLP-FIELD');

    expect(id.startsWith('006')).toBe(true);
    expect(stored?.name).toBe('Acme Corp - Helpline Field Service expansion');
    expect([stored?.stageName, stored?.closeDate, stored?.approach]).toEqual([
      'Prospecting',
      '2027-02-28',
      'EventTriggered'
    ]);
    expect(stored?.hypothesis).toContain('For Acme Corp, Helpline Field Service');
    expect(stored?.evidence.split('\n')).toContain('Readiness 42%, status Not ready (source: whitespace grid)');
    expect([stored?.unitPrice, stored?.lineItemId?.startsWith('00k')]).toEqual([18000, true]);
    expect([field.openOpportunityId, field.canHandOff]).toEqual([id, false]);
  });

  it('keeps the hypothesis the user edited', async () => {
    const id = (await call('handOff', {
      accountId: ACME,
      productCode: ' HLP-FIELD ',
      hypothesis: '  Field teams waste an hour a day on paper.  '
    })) as string;

    expect(fixture.store.get('handOffs', id)?.hypothesis).toBe('Field teams waste an hour a day on paper.');
  });

  it('rejects a product handed off before', async () => {
    await call('handOff', { accountId: ACME, productCode: 'HLP-FIELD' });

    expect(await message('handOff', { accountId: ACME, productCode: 'HLP-FIELD' })).toBe(
      'Opportunity Acme Corp - Helpline Field Service expansion is already open for Helpline Field Service. Work ' +
        'that ' +
        'opportunity instead of handing the product off again.'
    );
  });

  it.each([
    [
      'an owned product',
      { productCode: 'HLP-AUTO' },
      'Account Acme Corp already owns Helpline Automation, so there is nothing to hand off. Choose a whitespace ' +
        'product.'
    ],
    [
      'a product outside the catalog',
      { productCode: 'HLP-CLASSIC' },
      'Product HLP-CLASSIC is not in the expansion catalog. Choose one of HLP-AUTO, HLP-FIELD, HLP-INSIGHT, HLP-DESK.'
    ],
    [
      'a missing product code',
      { productCode: '  ' },
      'The product code is missing. Choose a whitespace product of the map.'
    ],
    [
      'a hypothesis over 32768 characters',
      { productCode: 'HLP-FIELD', hypothesis: 'h'.repeat(32769) },
      'Hypothesis is 32769 characters long, more than the 32768 allowed. Shorten it.'
    ]
  ])('rejects %s', async (_name, change, expected) => {
    expect(await message('handOff', { accountId: ACME, ...change })).toBe(expected);
    expect(fixture.store.list('handOffs')).toEqual([]);
  });

  it('rejects a product with an open hand-off in the export', async () => {
    expect(await message('handOff', { accountId: GLOBEX, productCode: 'HLP-AUTO' })).toBe(
      'Opportunity Globex - Helpline Automation expansion is already open for Helpline Automation. Work that ' +
        'opportunity instead of handing the product off again.'
    );
  });

  it('denies a user who cannot create Opportunities', async () => {
    expect(await message('handOff', { accountId: ACME, productCode: 'HLP-FIELD' }, 'manager')).toBe(
      'Access denied: you cannot create Opportunities with the expansion hypothesis, evidence and approach. Ask ' +
        'your admin to assign you the Success Cockpit User permission set.'
    );
  });
});

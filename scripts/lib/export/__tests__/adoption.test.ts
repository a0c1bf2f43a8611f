import { join } from 'path';
import { defaultExportConfig, loadExportConfig } from '../config';
import { adoptionRecordsOf } from '../adoptionData';
import { formatProblem, readOrgExport, readOrgExportText } from '../read-export';
import type { OrgExport } from '../read-export';

const FIXTURES = join(__dirname, 'fixtures');
const ACME = '001A00000000001AAA';
const GLOBEX = '001A00000000002AAA';

const ACCOUNTS = [
  'Id,Name,LicensedSeats__c,Champion__c',
  `${ACME},Acme Corp,10,003A00000000001AAA`,
  `${GLOBEX},Globex,20,`
].join('\n');

/** Reads an export of Account.csv and the given files, held in memory. */
function read(files: Record<string, string[]>): OrgExport {
  const texts = new Map<string, string>([['Account.csv', ACCOUNTS]]);
  for (const [name, lines] of Object.entries(files)) {
    texts.set(name, lines.join('\n'));
  }
  return readOrgExportText(texts, defaultExportConfig());
}

function problems(result: OrgExport): string[] {
  return result.problems.map(formatProblem);
}

describe('adoption files missing', () => {
  it('mean no adoption data', async () => {
    const result = await readOrgExport(
      join(FIXTURES, 'full-export'),
      loadExportConfig(join(FIXTURES, 'full-export.config.json'))
    );

    expect(result.adoption.accounts.size).toBeGreaterThan(0);
    expect(Object.values(result.adoption.loaded).every((loaded) => !loaded)).toBe(true);
    expect(result.problems.some((problem) => problem.file.includes('Feature'))).toBe(false);
    for (const records of result.adoption.accounts.values()) {
      expect(records.usage).toEqual([]);
      expect(records.playbooks).toEqual([]);
    }
  });

  it('give empty records for an account', () => {
    const result = read({});

    expect(adoptionRecordsOf(result.adoption, ACME)).toEqual({
      usage: [],
      entitlements: [],
      users: [],
      assets: [],
      lineItems: [],
      openOpportunities: [],
      championRoles: [],
      triggers: [],
      playbooks: []
    });
  });
});

describe('FeatureUsage__c.csv', () => {
  const header = 'Account__c,FeatureKey__c,SegmentType__c,Segment__c,UsageMonth__c,AssignedUsers__c,ActiveUsers__c';

  it('reads rows by account with the month and the segment', () => {
    const result = read({
      'FeatureUsage__c.csv': [header, `${ACME},Sla,,,2026-11-15,9,3`, `${ACME},Sla,Role,Agent,2026-11-01,5,2`]
    });

    expect(result.problems).toEqual([]);
    expect(result.adoption.loaded.featureUsage).toBe(true);
    expect(adoptionRecordsOf(result.adoption, ACME).usage).toEqual([
      {
        featureKey: 'Sla',
        segmentType: 'All',
        segment: 'All',
        month: '2026-11-01',
        assigned: 9,
        active: 3,
        tried: null
      },
      {
        featureKey: 'Sla',
        segmentType: 'Role',
        segment: 'Agent',
        month: '2026-11-01',
        assigned: 5,
        active: 2,
        tried: null
      }
    ]);
  });

  it('rejects bad rows with line and column and keeps the good ones', () => {
    const result = read({
      'FeatureUsage__c.csv': [
        header,
        `${ACME},Sla,All,All,2026-11-01,9,-1`,
        `${ACME},Sla,Role,,2026-11-01,5,2`,
        `${ACME},Sla,Team,X,2026-11-01,5,2`,
        `${ACME},Sla,All,All,2026-13-01,5,2`,
        `${ACME},Sla,All,All,2026-11-01,5,2.5`,
        `${ACME},Sla,All,All,2026-11-01,5,2`,
        `${ACME},Sla,,,2026-11-20,5,2`
      ]
    });

    expect(problems(result)).toEqual([
      'FeatureUsage__c.csv line 2, column ActiveUsers__c: invalid count -1; use a whole number of users, 0 or more',
      'FeatureUsage__c.csv line 3, column Segment__c: missing segment name for segment type Role; name the segment',
      'FeatureUsage__c.csv line 4, column SegmentType__c: unknown value "Team"; use one of All, Role, Profile, ' +
        'Department, BusinessUnit',
      'FeatureUsage__c.csv line 5, column UsageMonth__c: invalid date "2026-13-01"; use the format 2024-07-11',
      'FeatureUsage__c.csv line 6, column ActiveUsers__c: invalid count 2.5; use a whole number of users, 0 or more',
      `FeatureUsage__c.csv line 8, column UsageMonth__c: second row for feature Sla, segment All and month ` +
        `2026-11 of account ${ACME}; keep one row per UniqueKey__c`
    ]);
    expect(adoptionRecordsOf(result.adoption, ACME).usage).toHaveLength(1);
  });

  it('reports rows of unknown accounts once', () => {
    const result = read({
      'FeatureUsage__c.csv': [
        header,
        '001A00000000009AAA,Sla,,,2026-11-01,5,2',
        '001A00000000009AAA,Kb,,,2026-11-01,5,2'
      ]
    });

    expect(result.problems).toEqual([]);
    expect(result.notices).toContain(
      'FeatureUsage__c.csv: 2 rows refer through Account__c to accounts that are not in Account.csv (for example ' +
        '001A00000000009AAA) and were ignored; export those accounts too if they should be scored.'
    );
  });

  it('skips the file without a required column', () => {
    const result = read({ 'FeatureUsage__c.csv': ['Account__c,FeatureKey__c', `${ACME},Sla`] });

    expect(problems(result)).toEqual([
      'FeatureUsage__c.csv line 1: missing required column UsageMonth__c; add the column or re-export with it. The ' +
        'file was skipped.'
    ]);
    expect(result.adoption.loaded.featureUsage).toBe(false);
  });
});

describe('FeatureEntitlement__c.csv', () => {
  const header = 'Account__c,FeatureKey__c,SegmentType__c,Segment__c,EntitledUsers__c,StartDate__c,EndDate__c';

  it('reads blank segments and missing starts', () => {
    const result = read({
      'FeatureEntitlement__c.csv': [header, `${ACME},Chains,,,8,2026-01-01,`, `${ACME},Chains,Department,Support,5,,`]
    });

    expect(adoptionRecordsOf(result.adoption, ACME).entitlements.map((row) => [row.segmentType, row.segment])).toEqual([
      ['All', 'All'],
      ['Department', 'Support']
    ]);
    expect(result.notices).toContain(
      'FeatureEntitlement__c.csv: 1 row has no StartDate__c, so it entitles nobody, as in the org; set the day the ' +
        'entitlement began.'
    );
  });

  it('rejects an end before the start', () => {
    const result = read({ 'FeatureEntitlement__c.csv': [header, `${ACME},Chains,,,8,2026-05-01,2026-04-30`] });

    expect(problems(result)).toEqual([
      'FeatureEntitlement__c.csv line 2, column EndDate__c: end date 2026-04-30 is before the start date ' +
        '2026-05-01; fix one'
    ]);
  });
});

describe('products and footprint', () => {
  const products = [
    'Id,Name,ProductCode,IsActive',
    '01tA00000000001AAA,Desk,HLP-DESK,true',
    '01tA00000000002AAA,Old,,false'
  ];

  it('joins Assets and Opportunity products to the catalog', () => {
    const result = read({
      'Product2.csv': products,
      'PricebookEntry.csv': [
        'Id,Product2Id,UnitPrice,IsActive,Pricebook2.IsStandard',
        '01uA00000000001AAA,01tA00000000001AAA,24000,true,true'
      ],
      'Asset.csv': [
        'Id,AccountId,Product2Id,Status,InstallDate',
        `02iA00000000001AAA,${ACME},01tA00000000001AAA,Installed,2024-03-01`,
        `02iA00000000002AAA,${ACME},,Installed,2024-03-01`
      ],
      'Opportunity.csv': [
        'Id,AccountId,Name,CloseDate,IsClosed,StageName',
        `006A00000000001AAA,${ACME},Acme - Desk,2026-06-30,true,Closed Won`,
        `006A00000000002AAA,${GLOBEX},Globex - Helpline Automation expansion,2027-01-15,false,Prospecting`
      ],
      'OpportunityLineItem.csv': [
        'Id,OpportunityId,Product2Id,Product2.ProductCode,Product2.Name',
        '00kA00000000001AAA,006A00000000001AAA,01tA00000000001AAA,,',
        '00kA00000000002AAA,006A00000000002AAA,,HLP-AUTO,Helpline Automation',
        '00kA00000000003AAA,006A00000000009AAA,01tA00000000001AAA,,'
      ]
    });
    const acme = adoptionRecordsOf(result.adoption, ACME);
    const globex = adoptionRecordsOf(result.adoption, GLOBEX);

    expect(result.problems).toEqual([]);
    expect(acme.assets.map((asset) => [asset.productCode, asset.productName, asset.installDate])).toEqual([
      ['HLP-DESK', 'Desk', '2024-03-01']
    ]);
    expect(acme.lineItems.map((item) => [item.productCode, item.isWon, item.closeDate])).toEqual([
      ['HLP-DESK', true, '2026-06-30']
    ]);
    expect(globex.lineItems.map((item) => [item.productCode, item.isClosed, item.opportunityName])).toEqual([
      ['HLP-AUTO', false, 'Globex - Helpline Automation expansion']
    ]);
    expect(globex.openOpportunities.map((opportunity) => opportunity.id)).toEqual(['006A00000000002AAA']);
    expect(result.adoption.prices).toHaveLength(1);
    expect(result.notices).toContain(
      'Asset.csv: 1 row names no product with a ProductCode and is left out of the footprint; export Product2.csv or ' +
        'the column Product2.ProductCode.'
    );
    expect(result.notices).toContain(
      'OpportunityLineItem.csv: 1 row belongs to Opportunities that are not in Opportunity.csv or belong to accounts ' +
        'that are not in Account.csv (for example 006A00000000009AAA) and was ignored; export those Opportunities too.'
    );
  });

  it('takes every active entry as a standard price without Pricebook2.IsStandard', () => {
    const result = read({
      'Product2.csv': products,
      'PricebookEntry.csv': [
        'Id,Product2Id,UnitPrice',
        '01uA00000000001AAA,01tA00000000001AAA,24000',
        '01uA00000000002AAA,01tA00000000009AAA,100',
        '01uA00000000003AAA,01tA00000000001AAA,-5'
      ]
    });

    expect(problems(result)).toEqual([
      'PricebookEntry.csv line 4, column UnitPrice: price -5 is negative; fix the price'
    ]);
    expect(result.adoption.prices.map((price) => [price.id, price.isStandard])).toEqual([['01uA00000000001AAA', true]]);
    expect(result.notices).toContain(
      'PricebookEntry.csv has no Pricebook2.IsStandard column, so every active entry counts as a standard list ' +
        'price; ' +
        'export Pricebook2.IsStandard to leave out the other price books.'
    );
    expect(result.notices).toContain(
      'PricebookEntry.csv: 1 row names a Product2Id that is not in Product2.csv (for example 01tA00000000009AAA) and ' +
        'was ignored; export those products too.'
    );
  });

  it('rejects a duplicate product', () => {
    const result = read({ 'Product2.csv': [...products, '01tA00000000001AAA,Desk,HLP-DESK,true'] });

    expect(problems(result)).toEqual([
      'Product2.csv line 4, column Id: duplicate product Id 01tA00000000001AAA; keep one row per product'
    ]);
  });
});

describe('champions and triggers', () => {
  it('keeps the Champion roles of Opportunities and account relations', () => {
    const result = read({
      'Contact.csv': ['Id,AccountId,Name,Title', `003A00000000002AAA,${GLOBEX},Carl Jones,Ops`],
      'Opportunity.csv': [
        'Id,AccountId,Name,CloseDate,IsClosed',
        `006A00000000002AAA,${GLOBEX},Globex - Deal,2027-01-15,false`
      ],
      'OpportunityContactRole.csv': [
        'OpportunityId,ContactId,Role',
        '006A00000000002AAA,003A00000000002AAA,champion',
        '006A00000000002AAA,003A00000000003AAA,Decision Maker'
      ],
      'AccountContactRelation.csv': [
        'AccountId,ContactId,Roles,IsActive',
        `${GLOBEX},003A00000000004AAA,Technical Buyer;Champion,true`,
        `${GLOBEX},003A00000000005AAA,Champion,false`
      ]
    });

    expect(adoptionRecordsOf(result.adoption, GLOBEX).championRoles).toEqual([
      { contactId: '003A00000000002AAA', opportunityId: '006A00000000002AAA', opportunityName: 'Globex - Deal' },
      { contactId: '003A00000000004AAA', opportunityId: null, opportunityName: null }
    ]);
    expect(result.adoption.contacts.get('003A00000000002AAA')?.title).toBe('Ops');
  });

  it('reads business triggers and rejects an unknown type', () => {
    const result = read({
      'BusinessTrigger__c.csv': [
        'Account__c,Type__c,OccurredOn__c,Description__c',
        `${ACME},Funding,2026-09-15,"Series B, for service"`,
        `${ACME},Layoffs,2026-09-15,`
      ]
    });

    expect(problems(result)).toEqual([
      'BusinessTrigger__c.csv line 3, column Type__c: unknown value "Layoffs"; use one of HeadcountGrowth, ' +
        'NewBusinessLine, Merger, Acquisition, Funding, LeadershipChange, Other'
    ]);
    expect(adoptionRecordsOf(result.adoption, ACME).triggers).toEqual([
      { id: null, type: 'Funding', occurredOn: '2026-09-15', description: 'Series B, for service' }
    ]);
  });
});

describe('playbooks', () => {
  const playbookHeader = 'Id,Name,Account__c,FeatureKey__c,SegmentType__c,Segment__c,Status__c,TargetPercent__c';

  it('attaches barriers and sprint Tasks to their playbook', () => {
    const result = read({
      'User.csv': ['Id,Name', '005A00000000009AAA,Casey Morgan'],
      'AdoptionPlaybook__c.csv': [playbookHeader, `a0SA00000000001AAA,Sla - All,${ACME},Sla,All,All,Active,70`],
      'PlaybookBarrier__c.csv': [
        'Playbook__c,Barrier__c,Evidence__c,IsSuggested__c',
        'a0SA00000000001AAA,UX,Declined.,true',
        'a0SA00000000009AAA,UX,Declined.,true'
      ],
      'Task.csv': [
        'Id,WhatId,AccountId,OwnerId,Subject,ActivityDate,CreatedDate,Status,IsClosed',
        '00TA00000000001AAA,a0SA00000000001AAA,,005A00000000009AAA,Interview ' +
          'users,2026-10-07,2026-10-05T09:00:00.000+0000,Completed,true'
      ]
    });
    const [playbook] = adoptionRecordsOf(result.adoption, ACME).playbooks;

    expect(result.problems).toEqual([]);
    expect(playbook?.barriers).toEqual([
      { id: null, barrier: 'UX', evidence: 'Declined.', action: null, isSuggested: true }
    ]);
    expect(playbook?.tasks).toEqual([
      {
        id: '00TA00000000001AAA',
        subject: 'Interview users',
        dueDate: '2026-10-07',
        status: 'Completed',
        isClosed: true,
        ownerName: 'Casey Morgan'
      }
    ]);
    // The Task without AccountId counts for the playbook's account, as the org fills AccountId in.
    expect(result.accounts.find((signals) => signals.accountId === ACME)?.activities).toHaveLength(1);
    expect(result.notices.some((notice) => notice.startsWith('Task.csv: 1 row refers'))).toBe(false);
    expect(result.notices).toContain(
      'PlaybookBarrier__c.csv: 1 row belongs to playbooks that are not in AdoptionPlaybook__c.csv or were ignored ' +
        '(for example a0SA00000000009AAA); it was ignored. Export those playbooks too.'
    );
  });

  it('rejects a playbook with an unknown status or a duplicate Id', () => {
    const result = read({
      'AdoptionPlaybook__c.csv': [
        playbookHeader,
        `a0SA00000000001AAA,Sla,${ACME},Sla,All,All,Open,70`,
        `a0SA00000000002AAA,Sla,${ACME},Sla,All,All,Active,70`,
        `a0SA00000000002AAA,Sla,${ACME},Sla,All,All,Draft,70`
      ]
    });

    expect(problems(result)).toEqual([
      'AdoptionPlaybook__c.csv line 2, column Status__c: unknown value "Open"; use one of Draft, Active, ' +
        'Completed, Cancelled',
      'AdoptionPlaybook__c.csv line 4, column Id: duplicate playbook Id a0SA00000000002AAA; keep one row per playbook'
    ]);
  });
});

describe('license holders', () => {
  it('keeps users, licenses and license holders', () => {
    const result = read({
      'User.csv': [
        'Id,AccountId,IsActive,Profile.Name,Profile.UserLicense.Name',
        `005A00000000001AAA,${ACME},true,Customer Community User,Customer Community`,
        `005A00000000002AAA,${ACME},false,Customer Community User,Customer Community`
      ],
      'PermissionSetLicenseAssign.csv': [
        'AssigneeId,PermissionSetLicense.DeveloperName,PermissionSetLicense.MasterLabel',
        '005A00000000001AAA,HelplineAutomation,Helpline Automation',
        '005A00000000002AAA,,'
      ]
    });

    expect(problems(result)).toEqual([
      'PermissionSetLicenseAssign.csv line 3, column PermissionSetLicense.DeveloperName: missing license name; ' +
        'export ' +
        'PermissionSetLicense.DeveloperName or PermissionSetLicense.MasterLabel'
    ]);
    expect(result.adoption.loaded.userLicenses).toBe(true);
    expect(adoptionRecordsOf(result.adoption, ACME).users.map((user) => [user.userId, user.licenseName])).toEqual([
      ['005A00000000001AAA', 'Customer Community']
    ]);
    expect([...result.adoption.permissionSetLicenseHolders.keys()]).toEqual([
      'helplineautomation',
      'helpline automation'
    ]);
  });
});

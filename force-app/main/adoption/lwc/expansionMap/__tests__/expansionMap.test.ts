import { createElement } from '@lwc/engine-dom';
import ExpansionMap from 'c/expansionMap';
import { refreshApex } from '@salesforce/apex';
import getExpansionMap from '@salesforce/apex/ExpansionMapController.getExpansionMap';
import recordTrigger from '@salesforce/apex/ExpansionMapController.recordTrigger';
import handOff from '@salesforce/apex/ExpansionMapController.handOff';
import { renderExpansionMap } from 'c/adoptionEngine';
import { buildExpansionMapModel, validateHypothesis, validateTriggerForm } from '../mapView';
import mapData from './data/expansionMap.json';

const mockNavigate = jest.fn();
const mockGenerateUrl = jest.fn();

jest.mock('lightning/navigation', () => {
  const Navigate = Symbol('Navigate');
  const GenerateUrl = Symbol('GenerateUrl');
  const NavigationMixin = Object.assign(
    (Base: new () => object) =>
      class extends Base {
        [Navigate](pageReference: unknown): void {
          mockNavigate(pageReference);
        }

        [GenerateUrl](pageReference: unknown): Promise<string> {
          return Promise.resolve(mockGenerateUrl(pageReference));
        }
      },
    { Navigate, GenerateUrl }
  );
  return { NavigationMixin };
});
jest.mock(
  '@salesforce/apex/ExpansionMapController.getExpansionMap',
  () => {
    const { createApexTestWireAdapter } = jest.requireActual<typeof import('@salesforce/wire-service-jest-util')>(
      '@salesforce/wire-service-jest-util'
    );
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock('@salesforce/apex/ExpansionMapController.recordTrigger', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/ExpansionMapController.handOff', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });

type ExpansionMapView = ApexTypes.ExpansionMapController_ExpansionMap;
type CatalogProduct = ApexTypes.ExpansionMapController_CatalogProduct;

interface ApexWireAdapterMock {
  emit(value: unknown): void;
  error(body?: unknown, status?: number, statusText?: string): void;
  getLastConfig(): Record<string, unknown> | null;
}

interface Toast {
  title: string;
  message: string;
  messageData?: { url: string; label: string }[];
  variant: string;
}

type Rendered = HTMLElement & Record<string, unknown>;

const getMapAdapter = getExpansionMap as unknown as ApexWireAdapterMock;
const mockRecordTrigger = recordTrigger as unknown as jest.Mock;
const mockHandOff = handOff as unknown as jest.Mock;
const mockRefreshApex = refreshApex as unknown as jest.Mock;

const ACCOUNT_ID = '001000000000001AAA';
const MAP = mapData as ExpansionMapView;
const NEW_OPPORTUNITY_ID = '006000000000009AAA';

function flush(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function withChanges(changes: Partial<ExpansionMapView>): ExpansionMapView {
  return { ...MAP, ...changes };
}

function mount(): HTMLElement {
  const element = createElement('c-expansion-map', { is: ExpansionMap });
  (element as HTMLElement & { recordId: string }).recordId = ACCOUNT_ID;
  document.body.appendChild(element);
  return element;
}

async function mountWith(data: ExpansionMapView): Promise<HTMLElement> {
  const element = mount();
  getMapAdapter.emit(data);
  await flush();
  return element;
}

function byId(root: HTMLElement | null | undefined, id: string): Rendered | null {
  const scope = root?.shadowRoot ?? root;
  return (scope?.querySelector<HTMLElement>(`[data-id="${id}"]`) as Rendered | null) ?? null;
}

function allById(root: ParentNode | null | undefined, id: string): Rendered[] {
  return Array.from(root?.querySelectorAll<HTMLElement>(`[data-id="${id}"]`) ?? []) as Rendered[];
}

function textOf(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function field(element: HTMLElement, name: string): Rendered {
  const input = element.shadowRoot?.querySelector<HTMLElement>(`[data-form="trigger"][data-field="${name}"]`);
  if (!input) {
    throw new Error(`No field ${name} in the trigger form. Open the form first.`);
  }
  return input as Rendered;
}

function change(target: HTMLElement | null, value: string): void {
  if (!target) {
    throw new Error('The input to change is not rendered.');
  }
  target.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

function opportunity(element: HTMLElement, productCode: string): Rendered {
  const found = element.shadowRoot?.querySelector<HTMLElement>(
    `[data-id="opportunity"][data-product-code="${productCode}"]`
  );
  if (!found) {
    throw new Error(`No opportunity for product ${productCode}.`);
  }
  return found as Rendered;
}

function collectToasts(element: HTMLElement): Toast[] {
  const toasts: Toast[] = [];
  element.addEventListener('lightning__showtoast', (event) => toasts.push((event as CustomEvent<Toast>).detail));
  return toasts;
}

async function click(target: HTMLElement | null): Promise<void> {
  if (!target) {
    throw new Error('The element to click is not rendered.');
  }
  target.click();
  await flush();
}

/**
 * Records the elements that receive focus(). The stubs of the base components are not focusable in jsdom, so
 * document.activeElement cannot show where the component moved focus.
 */
function trackFocus(): HTMLElement[] {
  const focused: HTMLElement[] = [];
  jest.spyOn(HTMLElement.prototype, 'focus').mockImplementation(function (this: HTMLElement) {
    focused.push(this);
  });
  return focused;
}

function readBlob(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

function mockDownload(): { blobs: Blob[]; clicked: { href: string; download: string }[] } {
  const blobs: Blob[] = [];
  const clicked: { href: string; download: string }[] = [];
  Object.assign(URL, {
    createObjectURL: jest.fn((blob: Blob) => {
      blobs.push(blob);
      return `blob:expansion-map-${blobs.length}`;
    }),
    revokeObjectURL: jest.fn()
  });
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push({ href: this.href, download: this.download });
  });
  return { blobs, clicked };
}

/** Builds the map after the hand-off of HELP-AUTO, when an open Opportunity carries the product. */
function handedOffMap(): ExpansionMapView {
  const catalog = (MAP.catalog as CatalogProduct[]).map((product) => {
    if (product.productCode !== 'HELP-AUTO') {
      return product;
    }
    return {
      ...product,
      openOpportunityId: NEW_OPPORTUNITY_ID,
      openOpportunityName: 'Acme Health - Helpline Automation expansion',
      canHandOff: false
    };
  });
  return withChanges({ catalog });
}

describe('c-expansion-map', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
    jest.restoreAllMocks();
  });

  it('shows a spinner while loading', async () => {
    const element = mount();
    await flush();

    expect(byId(element, 'loading')).not.toBeNull();
    expect(byId(element, 'grid')).toBeNull();
    expect(getMapAdapter.getLastConfig()).toEqual({ accountId: ACCOUNT_ID });
    await expect(element).toBeAccessible();
  });

  it('shows the whitespace grid as a table', async () => {
    const element = await mountWith(MAP);
    const grid = byId(element, 'grid');
    const rows = allById(element.shadowRoot, 'grid-row');

    expect(textOf(grid?.querySelector('caption'))).toBe(
      'Whitespace: each product of the catalog with its status, readiness and reason. Readiness uses the adoption ' +
        'of 2026-05.'
    );
    expect(Array.from(grid?.querySelectorAll('th[scope="col"]') ?? []).map((th) => textOf(th))).toEqual([
      'Product',
      'Status',
      'Readiness',
      'Why'
    ]);
    expect(
      rows.map((row) => [
        textOf(byId(row, 'grid-product')),
        textOf(byId(row, 'grid-status')),
        textOf(byId(row, 'grid-readiness'))
      ])
    ).toEqual([
      ['Helpline Automation', 'Ready', '92%'],
      ['Helpline Field Service', 'Not ready', '30%'],
      ['Helpline Insights', 'DevelopingHanded off: Acme Health - Helpline Insights expansion', '65%'],
      ['Helpline Service Desk', 'Owned', 'Owned'],
      ['Helpline AI', 'Unknown', 'Not known']
    ]);
    expect(textOf(byId(rows[2], 'grid-handed-off'))).toBe('Handed off: Acme Health - Helpline Insights expansion');
    expect(byId(rows[0], 'grid-status')?.className).toContain('status_ready');
    expect(byId(rows[1], 'grid-status')?.className).toContain('status_not-ready');
    expect(textOf(byId(rows[1], 'grid-reason'))).toBe('Requires Helpline Insights, which the account does not own.');
    expect(grid?.querySelectorAll('tbody th[scope="row"]')).toHaveLength(5);
    await expect(element).toBeAccessible();
  });

  it('groups the whitespace grid by product family', async () => {
    const families: Record<string, string> = {
      'Helpline Automation': 'Service',
      'Helpline Field Service': 'Field',
      'Helpline Insights': 'Analytics',
      'Helpline Service Desk': 'Service'
    };
    const catalog = (MAP.catalog as CatalogProduct[]).map((product) => ({
      ...product,
      productFamily: families[product.productName ?? ''] ?? null
    }));

    const element = await mountWith(withChanges({ catalog }));

    const groups = allById(element.shadowRoot, 'grid-group').map((group) => [
      textOf(byId(group, 'grid-family')),
      ...allById(group, 'grid-product').map((product) => textOf(product))
    ]);
    expect(groups).toEqual([
      ['Analytics', 'Helpline Insights'],
      ['Field', 'Helpline Field Service'],
      ['Service', 'Helpline Automation', 'Helpline Service Desk'],
      ['No product family', 'Helpline AI']
    ]);
    expect(byId(element, 'grid')?.querySelectorAll('tbody th[scope="rowgroup"]')).toHaveLength(4);
    await expect(element).toBeAccessible();
  });

  it('shows no family headings when no product has a family', async () => {
    const element = await mountWith(MAP);

    expect(allById(element.shadowRoot, 'grid-family')).toHaveLength(0);
    expect(allById(element.shadowRoot, 'grid-group')).toHaveLength(1);
  });

  it('shows the footprint, triggers and champions', async () => {
    const element = await mountWith(MAP);

    expect(allById(element.shadowRoot, 'owned').map((item) => textOf(item))).toEqual([
      'Helpline Service Desk, Asset and Closed Won Opportunity, since 2024-02-01'
    ]);
    const [funding, merger] = allById(element.shadowRoot, 'trigger');
    expect(textOf(byId(funding, 'trigger-type'))).toBe('Funding round');
    expect(textOf(byId(funding, 'trigger-date'))).toBe(', 2026-04-15');
    expect(textOf(funding.querySelector('p'))).toBe('Funding round, 2026-04-15');
    expect(byId(funding, 'trigger-recent')?.label).toBe('Within 180 days');
    expect(textOf(byId(funding, 'trigger-description'))).toBe('Series C of 40 million <i>USD</i>.');
    expect(funding.querySelector('i')).toBeNull();
    expect(textOf(byId(merger, 'trigger-type'))).toBe('Merger');
    expect(byId(merger, 'trigger-recent')).toBeNull();
    expect(textOf(byId(merger, 'trigger-description'))).toBe('No description');
    const [champion] = allById(element.shadowRoot, 'champion');
    expect(allById(element.shadowRoot, 'champion')).toHaveLength(1);
    expect(textOf(byId(champion, 'champion-name'))).toBe('Sam Chen');
    expect(textOf(champion.querySelector('p'))).toBe('Account champion; Champion on opportunity Acme renewal');
    expect(textOf(champion)).toContain('Sam Chen, Support Operations Lead');
  });

  it('shows approach and hypothesis', async () => {
    const element = await mountWith(MAP);
    const automation = opportunity(element, 'HELP-AUTO');

    expect(allById(element.shadowRoot, 'opportunity').map((item) => item.dataset.productCode)).toEqual([
      'HELP-AUTO',
      'HELP-FIELD',
      'HELP-INS',
      'HELP-AI'
    ]);
    expect(textOf(byId(automation, 'opportunity-readiness'))).toBe('Readiness 92%, Ready');
    expect(textOf(byId(automation, 'opportunity-prerequisites'))).toBe(
      'Prerequisites: Workflow designer 55% of 60% target, SLA escalations 70% of 60% target'
    );
    expect(textOf(byId(automation, 'approach'))).toBe(
      'Approach: Event-triggered. A funding round on 2026-04-15 gives a reason to act now.'
    );
    expect(textOf(byId(automation, 'hypothesis-text'))).toBe(
      'Value hypothesis: Acme Health can cut manual steps by automating case follow-up, because its agents already ' +
        'use <b>workflows</b>.'
    );
    expect(automation.querySelector('b')).toBeNull();
    expect(Array.from(byId(automation, 'evidence')?.querySelectorAll('li') ?? []).map((li) => textOf(li))).toEqual([
      'Workflow designer adoption is 55% against a target of 60% (adoption facts, 2026-05).',
      'Funding round on 2026-04-15 (business trigger).'
    ]);
    expect(byId(automation, 'hand-off')?.title).toBe('Hand off Helpline Automation to sales');
    expect(textOf(byId(opportunity(element, 'HELP-FIELD'), 'opportunity-prerequisites'))).toBe(
      'Prerequisites: Mobile work orders not measured'
    );
    expect(byId(opportunity(element, 'HELP-FIELD'), 'evidence')).toBeNull();
  });

  it('links a product that is already handed off', async () => {
    const element = await mountWith(MAP);
    const insights = opportunity(element, 'HELP-INS');
    const link = byId(insights, 'handed-off') as unknown as HTMLAnchorElement;

    expect(byId(insights, 'hand-off')).toBeNull();
    expect(textOf(byId(insights, 'handed-off'))).toBe('Acme Health - Helpline Insights expansion');
    expect(link.getAttribute('href')).toBe('/lightning/r/Opportunity/006000000000001AAA/view');

    await click(link);

    expect(mockNavigate).toHaveBeenCalledWith({
      type: 'standard__recordPage',
      attributes: { recordId: '006000000000001AAA', objectApiName: 'Opportunity', actionName: 'view' }
    });
  });

  it('hides actions without permissions', async () => {
    const element = await mountWith(withChanges({ canRecordTriggers: false, canHandOff: false }));

    expect(byId(element, 'record-trigger')).toBeNull();
    expect(byId(element, 'hand-off')).toBeNull();
  });

  it('explains an empty catalog', async () => {
    const message =
      'No expansion product is configured. Ask your admin to add active Expansion Product records whose ProductCode ' +
      'matches an active product.';
    const element = await mountWith(withChanges({ catalog: [], emptyMessage: message }));

    expect(textOf(byId(element, 'empty-text'))).toBe(message);
    expect(byId(element, 'grid')).toBeNull();
    expect(byId(element, 'opportunities')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('says when nothing is recorded yet', async () => {
    const element = await mountWith(withChanges({ footprint: [], triggers: [], champions: [] }));

    expect(byId(element, 'no-footprint')).not.toBeNull();
    expect(textOf(byId(element, 'no-triggers'))).toContain('No business trigger recorded.');
    expect(textOf(byId(element, 'no-champions'))).toBe(
      'No champion named: an executive sponsor should carry the expansion conversations.'
    );
  });

  it('shows an error panel when loading fails', async () => {
    const element = mount();
    getMapAdapter.error({ message: 'Loading the expansion map of account 001 failed: timed out.' });
    await flush();

    expect(byId(element, 'load-error')).not.toBeNull();
    expect(byId(element, 'grid')).toBeNull();
    expect(byId(element, 'export')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('explains a missing permission', async () => {
    const message =
      'Access denied: you cannot read business triggers. Ask your admin to assign you the Success Cockpit User ' +
      'permission set.';
    const element = mount();
    getMapAdapter.error({ message });
    await flush();

    expect(textOf(byId(element, 'access-denied'))).toContain(message);
    expect(byId(element, 'load-error')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('records a business trigger', async () => {
    mockRecordTrigger.mockResolvedValue('a0T000000000009AAA');
    const element = await mountWith(MAP);
    const toasts = collectToasts(element);

    await click(byId(element, 'record-trigger'));
    expect(field(element, 'occurredOn').value).toBe('2026-06-10');
    expect(field(element, 'occurredOn').max).toBe('2026-06-10');
    expect(field(element, 'type').options).toContainEqual({ label: 'Headcount growth', value: 'HeadcountGrowth' });
    await expect(element).toBeAccessible();

    change(field(element, 'type'), 'Acquisition');
    change(field(element, 'occurredOn'), '2026-05-20');
    change(field(element, 'description'), '  Bought a regional competitor with 300 agents.  ');
    await flush();
    await click(byId(element, 'submit-trigger'));

    expect(mockRecordTrigger).toHaveBeenCalledWith({
      accountId: ACCOUNT_ID,
      type: 'Acquisition',
      occurredOn: '2026-05-20',
      description: 'Bought a regional competitor with 300 agents.'
    });
    expect(toasts).toEqual([
      {
        title: 'Business trigger recorded',
        message: 'Acquisition on 2026-05-20 is recorded; the approach of each product is recalculated.',
        variant: 'success'
      }
    ]);
    expect(mockRefreshApex).toHaveBeenCalledTimes(1);
    expect(byId(element, 'trigger-form')).toBeNull();
  });

  it('checks the trigger before recording it', async () => {
    const element = await mountWith(MAP);
    await click(byId(element, 'record-trigger'));

    change(field(element, 'occurredOn'), '2026-06-11');
    change(field(element, 'description'), 'x'.repeat(256));
    await flush();
    await click(byId(element, 'submit-trigger'));

    expect(mockRecordTrigger).not.toHaveBeenCalled();
    expect(textOf(byId(element, 'trigger-errors'))).toBe(
      'Fix these problems: Choose the type of the event. 2026-06-11 is in the future. Record the event once it has ' +
        'happened, with a date up to 2026-06-10. The description is 256 characters long, more than the 255 allowed. ' +
        'Shorten it.'
    );
  });

  it('keeps the trigger form on failure', async () => {
    mockRecordTrigger.mockRejectedValue({ body: { message: 'Access denied: you cannot record business triggers.' } });
    const element = await mountWith(MAP);
    const toasts = collectToasts(element);
    await click(byId(element, 'record-trigger'));

    change(field(element, 'type'), 'Funding');
    await flush();
    await click(byId(element, 'submit-trigger'));

    expect(toasts).toEqual([
      {
        title: 'The business trigger was not recorded',
        message: 'Access denied: you cannot record business triggers.',
        variant: 'error'
      }
    ]);
    expect(byId(element, 'trigger-form')).not.toBeNull();
    expect(mockRefreshApex).not.toHaveBeenCalled();
  });

  it('cancels the trigger form', async () => {
    const focused = trackFocus();
    const element = await mountWith(MAP);
    await click(byId(element, 'record-trigger'));

    await click(byId(element, 'cancel-trigger'));

    expect(byId(element, 'trigger-form')).toBeNull();
    expect(focused.map((target) => target.dataset.id ?? target.dataset.field)).toEqual(['type', 'record-trigger']);
  });

  it('opens the hand-off dialog', async () => {
    const focused = trackFocus();
    const element = await mountWith(MAP);

    await click(byId(opportunity(element, 'HELP-AUTO'), 'hand-off'));

    const dialog = byId(element, 'handoff-dialog');
    expect(dialog?.getAttribute('role')).toBe('dialog');
    expect(dialog?.getAttribute('aria-modal')).toBe('true');
    expect(textOf(dialog?.querySelector('h2'))).toBe('Hand off Helpline Automation to sales');
    expect(byId(element, 'hypothesis')?.value).toBe(
      'Acme Health can cut manual steps by automating case follow-up, because its agents already use <b>workflows</b>.'
    );
    expect(allById(element.shadowRoot, 'handoff-evidence')[0].querySelectorAll('li')).toHaveLength(2);
    expect(focused.map((target) => target.dataset.id)).toEqual(['hypothesis']);
    expect(byId(opportunity(element, 'HELP-FIELD'), 'hand-off')?.disabled).toBe(true);
    await expect(element).toBeAccessible();
  });

  it('hands off a product', async () => {
    mockHandOff.mockResolvedValue(NEW_OPPORTUNITY_ID);
    mockGenerateUrl.mockReturnValue('/lightning/r/Opportunity/006000000000009AAA/view');
    mockRefreshApex.mockImplementation(() => {
      getMapAdapter.emit(handedOffMap());
      return Promise.resolve();
    });
    const focused = trackFocus();
    const element = await mountWith(MAP);
    const toasts = collectToasts(element);
    await click(byId(opportunity(element, 'HELP-AUTO'), 'hand-off'));

    change(byId(element, 'hypothesis'), ' Acme Health can automate follow-up for its 300 agents. ');
    await flush();
    await click(byId(element, 'confirm-handoff'));
    await flush();

    expect(mockHandOff).toHaveBeenCalledWith({
      accountId: ACCOUNT_ID,
      productCode: 'HELP-AUTO',
      hypothesis: 'Acme Health can automate follow-up for its 300 agents.'
    });
    expect(mockGenerateUrl).toHaveBeenCalledWith({
      type: 'standard__recordPage',
      attributes: { recordId: NEW_OPPORTUNITY_ID, objectApiName: 'Opportunity', actionName: 'view' }
    });
    expect(toasts).toEqual([
      {
        title: 'Helpline Automation handed off to sales',
        message: 'Opportunity {0} carries the value hypothesis, the evidence and the recommended approach.',
        messageData: [
          {
            url: '/lightning/r/Opportunity/006000000000009AAA/view',
            label: 'Acme Health - Helpline Automation expansion'
          }
        ],
        variant: 'success'
      }
    ]);
    expect(byId(element, 'handoff-dialog')).toBeNull();
    const automation = opportunity(element, 'HELP-AUTO');
    expect(byId(automation, 'hand-off')).toBeNull();
    expect(textOf(byId(automation, 'handed-off'))).toBe('Acme Health - Helpline Automation expansion');
    expect(focused[focused.length - 1]).toBe(byId(automation, 'handed-off'));
  });

  it('requires a hypothesis before handing off', async () => {
    const element = await mountWith(MAP);
    await click(byId(opportunity(element, 'HELP-AUTO'), 'hand-off'));

    change(byId(element, 'hypothesis'), '   ');
    await flush();
    await click(byId(element, 'confirm-handoff'));

    expect(mockHandOff).not.toHaveBeenCalled();
    expect(byId(element, 'handoff-dialog')).not.toBeNull();
  });

  it('keeps the dialog on failure', async () => {
    mockHandOff.mockRejectedValue({
      body: { message: 'Opportunity Acme expansion already carries HELP-AUTO. Update it instead.' }
    });
    const element = await mountWith(MAP);
    const toasts = collectToasts(element);
    await click(byId(opportunity(element, 'HELP-AUTO'), 'hand-off'));

    await click(byId(element, 'confirm-handoff'));

    expect(toasts).toEqual([
      {
        title: 'Helpline Automation was not handed off',
        message: 'Opportunity Acme expansion already carries HELP-AUTO. Update it instead.',
        variant: 'error'
      }
    ]);
    expect(byId(element, 'handoff-dialog')).not.toBeNull();
    expect(mockRefreshApex).not.toHaveBeenCalled();
  });

  it('closes the dialog with Escape and with Cancel', async () => {
    const focused = trackFocus();
    const element = await mountWith(MAP);
    await click(byId(opportunity(element, 'HELP-AUTO'), 'hand-off'));

    byId(element, 'handoff-dialog')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await flush();

    expect(byId(element, 'handoff-dialog')).toBeNull();
    expect(focused[focused.length - 1]).toBe(byId(opportunity(element, 'HELP-AUTO'), 'hand-off'));

    await click(byId(opportunity(element, 'HELP-AI'), 'hand-off'));
    await click(byId(element, 'cancel-handoff'));

    expect(byId(element, 'handoff-dialog')).toBeNull();
    expect(mockHandOff).not.toHaveBeenCalled();
  });

  it('exports the map as Markdown', async () => {
    const { blobs, clicked } = mockDownload();
    const element = await mountWith(MAP);
    const toasts = collectToasts(element);

    await click(byId(element, 'export'));

    expect(clicked).toEqual([{ href: 'blob:expansion-map-1', download: 'acme-health-expansion-map.md' }]);
    const markdown = await readBlob(blobs[0]);
    expect(markdown).toBe(renderExpansionMap(buildExpansionMapModel(MAP)));
    expect(markdown).toContain('# Acme Health: expansion map');
    expect(markdown).toContain(
      '| Helpline Automation | Ready | 92% | Adoption of the prerequisite features reaches 92 of 100. |'
    );
    expect(markdown).toContain('| Helpline Service Desk | Owned | Owned | The account owns the product. |');
    expect(markdown).toContain('| 2026-04-15 | Funding round | Series C of 40 million \\<i\\>USD\\</i\\>. |');
    expect(markdown).toContain('- Sam Chen, Support Operations Lead');
    expect(markdown).toContain('### Helpline Insights');
    expect(markdown).toContain('- Opportunity: Acme Health - Helpline Insights expansion');
    expect(markdown).toContain('- Approach: Event-triggered. A funding round on 2026-04-15 gives a reason to act now.');
    expect(markdown).not.toContain('### Helpline Service Desk');
    expect(toasts).toEqual([
      { title: 'Expansion map exported', message: 'Downloaded acme-health-expansion-map.md.', variant: 'success' }
    ]);
  });

  it('reports an export that fails', async () => {
    Object.assign(URL, {
      createObjectURL: jest.fn(() => {
        throw new Error('The browser blocked the download.');
      }),
      revokeObjectURL: jest.fn()
    });
    const element = await mountWith(MAP);
    const toasts = collectToasts(element);

    await click(byId(element, 'export'));

    expect(toasts).toEqual([
      { title: 'The expansion map was not exported', message: 'The browser blocked the download.', variant: 'error' }
    ]);
  });
});

describe('expansion map view', () => {
  it('accepts a trigger of today', () => {
    expect(validateTriggerForm({ type: 'Other', occurredOn: '2026-06-10', description: '' }, '2026-06-10')).toEqual({});
  });

  it('rejects an unknown type and date', () => {
    expect(validateTriggerForm({ type: 'Rumour', occurredOn: '2026-02-30', description: '' }, '2026-06-10')).toEqual({
      type: 'Rumour is not a trigger type. Choose one from the list.',
      occurredOn: '2026-02-30 is not a date. Enter a date such as 2026-06-10.'
    });
  });

  it('checks the length of the hypothesis', () => {
    expect(validateHypothesis('x'.repeat(32768))).toBe('');
    expect(validateHypothesis('x'.repeat(32769))).toBe(
      'The hypothesis is 32769 characters long, more than the 32768 allowed. Shorten it.'
    );
  });

  it('names missing required products', () => {
    const fieldService = buildExpansionMapModel(MAP).grid.find((cell) => cell.productCode === 'HELP-FIELD');

    expect(fieldService?.missingProductNames).toEqual(['Helpline Insights']);
    expect(fieldService?.prerequisites).toEqual([
      { featureKey: 'MobileWorkOrders', percent: null, target: 70, hasData: false }
    ]);
  });
});

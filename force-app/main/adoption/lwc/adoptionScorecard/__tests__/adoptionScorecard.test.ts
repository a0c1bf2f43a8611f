import { createElement } from '@lwc/engine-dom';
import AdoptionScorecard from 'c/adoptionScorecard';
import getScorecard from '@salesforce/apex/AdoptionScorecardController.getScorecard';
import { renderAdoptionScorecard } from 'c/adoptionEngine';
import { buildMatrix, buildScorecardModel, defaultSegmentType, monthLabel, targetStatus } from '../scorecardView';
import scorecardData from './data/scorecard.json';
import scorecardEmpty from './data/scorecardEmpty.json';

const mockNavigate = jest.fn();

jest.mock('lightning/navigation', () => {
  const Navigate = Symbol('Navigate');
  const GenerateUrl = Symbol('GenerateUrl');
  const NavigationMixin = Object.assign(
    (Base: new () => object) =>
      class extends Base {
        [Navigate](pageReference: unknown): void {
          mockNavigate(pageReference);
        }

        [GenerateUrl](): Promise<string> {
          return Promise.resolve('');
        }
      },
    { Navigate, GenerateUrl }
  );
  return { NavigationMixin };
});
jest.mock(
  '@salesforce/apex/AdoptionScorecardController.getScorecard',
  () => {
    const { createApexTestWireAdapter } = jest.requireActual<typeof import('@salesforce/wire-service-jest-util')>(
      '@salesforce/wire-service-jest-util'
    );
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);

type Scorecard = ApexTypes.AdoptionScorecardController_Scorecard;
type MatrixCell = ApexTypes.AdoptionScorecardController_MatrixCell;

interface ApexWireAdapterMock {
  emit(value: unknown): void;
  error(body?: unknown, status?: number, statusText?: string): void;
  getLastConfig(): Record<string, unknown> | null;
}

interface Toast {
  title: string;
  message: string;
  variant: string;
}

interface Option {
  label: string;
  value: string;
}

type Rendered = HTMLElement & Record<string, unknown>;

const getScorecardAdapter = getScorecard as unknown as ApexWireAdapterMock;

const ACCOUNT_ID = '001000000000001AAA';
const SCORECARD = scorecardData as Scorecard;
const EMPTY = scorecardEmpty as Scorecard;

function flush(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function withChanges(changes: Partial<Scorecard>): Scorecard {
  return { ...SCORECARD, ...changes };
}

function mount(): HTMLElement {
  const element = createElement('c-adoption-scorecard', { is: AdoptionScorecard });
  (element as HTMLElement & { recordId: string }).recordId = ACCOUNT_ID;
  document.body.appendChild(element);
  return element;
}

async function mountWith(data: Scorecard): Promise<HTMLElement> {
  const element = mount();
  getScorecardAdapter.emit(data);
  await flush();
  return element;
}

function byId(element: HTMLElement, id: string): Rendered | null {
  return (element.shadowRoot?.querySelector<HTMLElement>(`[data-id="${id}"]`) as Rendered | null) ?? null;
}

function allById(root: ParentNode | null | undefined, id: string): Rendered[] {
  return Array.from(root?.querySelectorAll<HTMLElement>(`[data-id="${id}"]`) ?? []) as Rendered[];
}

function textOf(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function columnLabels(element: HTMLElement): string[] {
  return allById(element.shadowRoot, 'column').map((column) => textOf(column));
}

function row(element: HTMLElement, featureKey: string): Rendered {
  const found = element.shadowRoot?.querySelector<HTMLElement>(
    `[data-id="matrix-row"][data-feature-key="${featureKey}"]`
  );
  if (!found) {
    throw new Error(`No matrix row for feature ${featureKey}.`);
  }
  return found as Rendered;
}

function cell(element: HTMLElement, featureKey: string, segmentKey: string): Rendered {
  const found = row(element, featureKey).querySelector<HTMLElement>(`[data-segment-key="${segmentKey}"]`);
  if (!found) {
    throw new Error(`No cell for feature ${featureKey} and segment ${segmentKey}.`);
  }
  return found as Rendered;
}

function change(target: HTMLElement | null, value: string): void {
  if (!target) {
    throw new Error('The input to change is not rendered.');
  }
  target.dispatchEvent(new CustomEvent('change', { detail: { value } }));
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
      return `blob:adoption-scorecard-${blobs.length}`;
    }),
    revokeObjectURL: jest.fn()
  });
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push({ href: this.href, download: this.download });
  });
  return { blobs, clicked };
}

describe('c-adoption-scorecard', () => {
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
    expect(byId(element, 'matrix')).toBeNull();
    expect(getScorecardAdapter.getLastConfig()).toEqual({ accountId: ACCOUNT_ID, month: null });
    await expect(element).toBeAccessible();
  });

  it('shows the matrix by role', async () => {
    const element = await mountWith(SCORECARD);
    const table = byId(element, 'matrix');

    expect(byId(element, 'loading')).toBeNull();
    expect(table?.tagName).toBe('TABLE');
    expect(textOf(table?.querySelector('caption'))).toBe(
      'Adoption of each feature against entitlement in May 2026, for all users and by role'
    );
    expect(byId(element, 'segment-type')?.value).toBe('Role');
    expect(columnLabels(element)).toEqual(['All users', 'Role: Support Agent', 'Role: Team Lead']);
    const rows = allById(element.shadowRoot, 'matrix-row');
    expect(rows.map((item) => textOf(item.querySelector('[data-id="feature-label"]')))).toEqual([
      'AI triage',
      'Knowledge deflection',
      'Mobile work orders',
      'Scheduled reports | <b>beta</b>'
    ]);
    expect(rows.map((item) => textOf(item.querySelector('[data-id="feature-target"]')))).toEqual([
      'Target 60%',
      'Target 50%',
      'Target 70%',
      'Target 40%'
    ]);
    expect(table?.querySelectorAll('th[scope="col"]')).toHaveLength(4);
    expect(table?.querySelectorAll('tbody th[scope="row"]')).toHaveLength(4);
    expect(table?.querySelector('b')).toBeNull();
    expect(byId(element, 'matrix-note')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('colours each cell by its target', async () => {
    const element = await mountWith(SCORECARD);

    const farBelow = cell(element, 'AiTriage', 'All|All');
    expect(farBelow.className).toContain('cell_far-below');
    expect(textOf(farBelow.querySelector('[data-id="percent"]'))).toBe('25%');
    expect(textOf(farBelow.querySelector('[data-id="cell-status"]'))).toBe('Far below target');

    const below = cell(element, 'AiTriage', 'Role|Support Agent');
    expect(below.className).toContain('cell_below');
    expect(textOf(below.querySelector('[data-id="cell-status"]'))).toBe('Below target');

    const met = cell(element, 'KnowledgeDeflection', 'All|All');
    expect(met.className).toContain('cell_met');
    expect(textOf(met.querySelector('[data-id="cell-status"]'))).toBe('Target met');

    const noEntitlement = cell(element, 'MobileWorkOrders', 'All|All');
    expect(textOf(noEntitlement.querySelector('[data-id="percent"]'))).toBe('n/a');
    expect(textOf(noEntitlement.querySelector('[data-id="cell-status"]'))).toBe('No entitlement');
    expect(noEntitlement.className).not.toMatch(/cell_(met|below|far-below)/);
  });

  it('tells missing usage from missing entitlement', async () => {
    const unmeasuredCell = (item: MatrixCell): MatrixCell => {
      if (item.segmentKey !== 'All|All') {
        return item;
      }
      return { ...item, entitledUsers: 6, activeUsers: null, adoptionPercent: null };
    };
    const features = (SCORECARD.features ?? []).map((feature) => {
      if (feature.featureKey !== 'MobileWorkOrders') {
        return feature;
      }
      return { ...feature, cells: (feature.cells ?? []).map(unmeasuredCell) };
    });
    const element = await mountWith(withChanges({ features }));
    const unmeasured = cell(element, 'MobileWorkOrders', 'All|All');

    expect(textOf(unmeasured.querySelector('[data-id="percent"]'))).toBe('n/a');
    expect(textOf(unmeasured.querySelector('[data-id="cell-status"]'))).toBe('No usage data');

    const noData = cell(element, 'ScheduledReports', 'Role|Team Lead');
    expect(textOf(noData)).toBe('No data');
    expect(noData.querySelector('[data-id="trend-arrow"]')).toBeNull();
  });

  it('shows trend arrows with text for screen readers', async () => {
    const element = await mountWith(SCORECARD);

    const declining = cell(element, 'AiTriage', 'All|All');
    expect(textOf(declining.querySelector('[data-id="trend-arrow"]'))).toBe('↓');
    expect(declining.querySelector('[data-id="trend-arrow"]')?.getAttribute('aria-hidden')).toBe('true');
    expect(textOf(declining.querySelector('[data-id="trend-text"]'))).toBe('declining, -3.5 points per month');
    expect(declining.querySelector('[data-id="trend-text"]')?.className).toContain('slds-assistive-text');

    const improving = cell(element, 'KnowledgeDeflection', 'All|All');
    expect(textOf(improving.querySelector('[data-id="trend-arrow"]'))).toBe('↑');
    expect(textOf(improving.querySelector('[data-id="trend-text"]'))).toBe('improving, +4.25 points per month');

    const stable = cell(element, 'AiTriage', 'Role|Support Agent');
    expect(textOf(stable.querySelector('[data-id="trend-arrow"]'))).toBe('→');
    expect(textOf(stable.querySelector('[data-id="trend-text"]'))).toBe('stable, +0.5 points per month');

    const insufficient = cell(element, 'AiTriage', 'Role|Team Lead');
    expect(textOf(insufficient.querySelector('[data-id="trend-text"]'))).toBe('too few months for a trend');
  });

  it('switches the columns to another segment type', async () => {
    const element = await mountWith(SCORECARD);
    const options = byId(element, 'segment-type')?.options as Option[];

    expect(options).toEqual([
      { label: 'Role (2 segments)', value: 'Role' },
      { label: 'Profile (no data)', value: 'Profile' },
      { label: 'Department (1 segment)', value: 'Department' },
      { label: 'Business unit (no data)', value: 'BusinessUnit' }
    ]);

    change(byId(element, 'segment-type'), 'Department');
    await flush();

    expect(columnLabels(element)).toEqual(['All users', 'Department: Field Operations']);
    expect(textOf(cell(element, 'MobileWorkOrders', 'Department|Field Operations'))).toContain('50%');
    expect(textOf(byId(element, 'matrix')?.querySelector('caption'))).toContain('by department');

    change(byId(element, 'segment-type'), 'Profile');
    await flush();

    expect(columnLabels(element)).toEqual(['All users']);
    expect(textOf(byId(element, 'matrix-note'))).toBe(
      'No profile segments have adoption facts in May 2026, so the matrix shows all users only. Choose another ' +
        'segment type.'
    );
    await expect(element).toBeAccessible();
  });

  it('shows all users without segments', async () => {
    const accountOnly = withChanges({
      segments: SCORECARD.segments?.filter((column) => column.segmentType === 'All') ?? []
    });
    const element = await mountWith(accountOnly);

    expect(byId(element, 'segment-type')).toBeNull();
    expect(columnLabels(element)).toEqual(['All users']);
    expect(textOf(byId(element, 'matrix-note'))).toBe(
      'No segment of any type has adoption facts in May 2026, so the matrix shows all users only.'
    );
    await expect(element).toBeAccessible();
  });

  it('loads another month from the picker', async () => {
    const element = await mountWith(SCORECARD);
    const picker = byId(element, 'month');

    expect(picker?.value).toBe('2026-05-01');
    expect(picker?.options).toEqual([
      { label: 'May 2026', value: '2026-05-01' },
      { label: 'April 2026', value: '2026-04-01' },
      { label: 'March 2026', value: '2026-03-01' }
    ]);

    change(picker, '2026-04-01');
    await flush();

    expect(getScorecardAdapter.getLastConfig()).toEqual({ accountId: ACCOUNT_ID, month: '2026-04-01' });
    expect(byId(element, 'changing-month')).not.toBeNull();
    expect(byId(element, 'matrix')).not.toBeNull();

    getScorecardAdapter.emit(withChanges({ month: '2026-04-01' }));
    await flush();

    expect(byId(element, 'changing-month')).toBeNull();
    expect(byId(element, 'month')?.value).toBe('2026-04-01');
    expect(textOf(byId(element, 'matrix')?.querySelector('caption'))).toContain('in April 2026');
  });

  it('shows license utilization with accessible bars', async () => {
    const element = await mountWith(SCORECARD);
    const licenses = allById(element.shadowRoot, 'license');

    expect(licenses.map((item) => textOf(item.querySelector('[data-id="license-label"]')))).toEqual([
      'AI triage',
      'Knowledge deflection',
      'Mobile work orders',
      'Scheduled reports | <b>beta</b>'
    ]);
    const [triage, , mobile] = licenses;
    expect(textOf(triage.querySelector('p'))).toBe('AI triage, 200 entitled');
    expect(textOf(triage.querySelector('[data-id="license-source"]'))).toBe(
      'Entitlement from the permission set license AiTriageLicense'
    );
    const [assigned, active] = Array.from(triage.querySelectorAll('[role="progressbar"]'));
    expect(assigned.getAttribute('aria-valuenow')).toBe('60');
    expect(assigned.getAttribute('aria-label')).toBe('AI triage, assigned users: 120 of 200 (60%)');
    expect(active.getAttribute('aria-valuenow')).toBe('25');
    expect(active.getAttribute('aria-label')).toBe('AI triage, active users: 50 of 200 (25%)');

    const mobileBar = mobile.querySelector('[role="progressbar"]');
    expect(mobileBar?.getAttribute('aria-valuenow')).toBe('0');
    expect(mobileBar?.getAttribute('aria-label')).toBe(
      'Mobile work orders, assigned users: 12 assigned, share not known'
    );
  });

  it('shows the org licenses and why one is missing', async () => {
    const element = await mountWith(SCORECARD);
    const orgLicenses = allById(element.shadowRoot, 'org-license');

    expect(orgLicenses).toHaveLength(1);
    expect(textOf(orgLicenses[0].querySelector('[data-id="org-license-label"]'))).toBe(
      'Permission set license AI Triage'
    );
    expect(textOf(orgLicenses[0].querySelector('[data-id="org-license-detail"]'))).toBe(', status Active');
    const used = orgLicenses[0].querySelector('[role="progressbar"]');
    expect(used?.getAttribute('aria-valuenow')).toBe('48');
    expect(used?.getAttribute('aria-label')).toBe('Permission set license AI Triage, used: 120 of 250 (48%)');
    expect(allById(element.shadowRoot, 'org-license-message').map((item) => textOf(item))).toEqual([
      "The org's user licenses could not be read: insufficient access rights. The row shows the account's " +
        "utilization without the org's license counts."
    ]);
  });

  it('flags under-used features with actions', async () => {
    const element = await mountWith(SCORECARD);
    const rows = allById(element.shadowRoot, 'underused-row');

    expect(textOf(byId(element, 'underused-summary'))).toBe(
      '2 features are below target for all users, ranked by value rank times the points missing. The 2 of highest ' +
        'priority are flagged for enablement.'
    );
    expect(rows.map((item) => textOf(item.querySelector('[data-id="underused-label"]')))).toEqual([
      '1. AI triage',
      '2. Scheduled reports | <b>beta</b>'
    ]);
    const [triage, reports] = rows;
    expect(triage.querySelector('[data-id="flagged"]')).not.toBeNull();
    expect(textOf(triage.querySelector('[data-id="underused-adoption"]'))).toBe(
      'Adoption 25% against a target of 60%. Value rank 5, priority 175.'
    );
    expect(textOf(triage.querySelector('[data-id="value-statement"]'))).toBe(
      'Cuts case handling time by routing work to the right agent.'
    );
    expect(textOf(triage.querySelector('[data-id="action"]'))).toBe(
      'Recommended action: Run a triage clinic with the support leads.'
    );
    expect(textOf(reports)).toContain('Default action for the Training barrier');
    expect(reports.querySelector('[data-id="value-statement"]')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('leaves the fourth feature unflagged', async () => {
    const underused = [
      ...(SCORECARD.underused ?? []),
      {
        featureKey: 'MobileWorkOrders',
        label: 'Mobile work orders',
        valueStatement: null,
        adoptionPercent: 65,
        targetPercent: 70,
        valueRank: 1,
        priority: 5,
        isFlagged: false,
        action: null,
        actionBarrier: null,
        activePlaybookId: null
      }
    ];
    const element = await mountWith(withChanges({ underused }));
    const last = allById(element.shadowRoot, 'underused-row')[2];

    expect(last.querySelector('[data-id="flagged"]')).toBeNull();
    expect(last.querySelector('[data-id="start-playbook"]')).toBeNull();
    expect(textOf(last.querySelector('[data-id="action"]'))).toBe(
      'Recommended action: No action configured: start a playbook to diagnose the barriers.'
    );
  });

  it('starts a playbook from a flag', async () => {
    const element = await mountWith(SCORECARD);
    const start = element.shadowRoot?.querySelector<HTMLElement>(
      '[data-id="start-playbook"][data-feature-key="AiTriage"]'
    );

    expect(start?.getAttribute('title')).toBe('Start a playbook for AI triage, all users');
    await click(start ?? null);

    expect(mockNavigate).toHaveBeenCalledTimes(1);
    expect(mockNavigate).toHaveBeenCalledWith({
      type: 'standard__recordPage',
      attributes: { recordId: ACCOUNT_ID, objectApiName: 'Account', actionName: 'view' },
      state: { c__playbookFeature: 'AiTriage', c__playbookSegmentType: 'All', c__playbookSegment: 'All' }
    });
  });

  it('offers to open an Active playbook', async () => {
    const underused = (SCORECARD.underused ?? []).map((item) => {
      return item.featureKey === 'AiTriage' ? { ...item, activePlaybookId: 'a0S000000000001AAA' } : item;
    });
    const element = await mountWith(withChanges({ underused }));
    const open = element.shadowRoot?.querySelector<HTMLElement>(
      '[data-id="open-playbook"][data-feature-key="AiTriage"]'
    );

    expect(element.shadowRoot?.querySelector('[data-id="start-playbook"][data-feature-key="AiTriage"]')).toBeNull();
    expect(open?.getAttribute('title')).toBe('Open the Active playbook for AI triage, all users');
    await click(open ?? null);

    expect(mockNavigate).toHaveBeenCalledWith({
      type: 'standard__recordPage',
      attributes: { recordId: ACCOUNT_ID, objectApiName: 'Account', actionName: 'view' },
      state: { c__playbookFeature: 'AiTriage', c__playbookSegmentType: 'All', c__playbookSegment: 'All' }
    });
    await expect(element).toBeAccessible();
  });

  it('hides Start playbook without access', async () => {
    const element = await mountWith(withChanges({ canCreatePlaybooks: false }));

    expect(allById(element.shadowRoot, 'underused-row')).toHaveLength(2);
    expect(byId(element, 'start-playbook')).toBeNull();
  });

  it('says when no feature is under-used', async () => {
    const element = await mountWith(withChanges({ underused: [] }));

    expect(textOf(byId(element, 'no-underused'))).toBe('No feature is below its target for all users in May 2026.');
    expect(byId(element, 'underused-summary')).toBeNull();
  });

  it('explains the empty state', async () => {
    const element = await mountWith(EMPTY);

    expect(textOf(byId(element, 'empty-text'))).toBe(EMPTY.emptyMessage);
    expect(byId(element, 'matrix')).toBeNull();
    expect(byId(element, 'export')).toBeNull();
    expect(byId(element, 'month')).toBeNull();
    expect(byId(element, 'segment-type')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('keeps the picker for an empty month', async () => {
    const message =
      'Account Acme Health has no adoption facts for 2026-02. Choose one of the months that have facts, the latest ' +
      'being 2026-05.';
    const element = await mountWith({
      ...EMPTY,
      month: '2026-02-01',
      monthsAvailable: ['2026-05-01', '2026-04-01'],
      emptyMessage: message
    });

    expect(textOf(byId(element, 'empty-text'))).toBe(message);
    expect(byId(element, 'month')?.options).toEqual([
      { label: 'February 2026', value: '2026-02-01' },
      { label: 'May 2026', value: '2026-05-01' },
      { label: 'April 2026', value: '2026-04-01' }
    ]);
  });

  it('shows an error panel when loading fails', async () => {
    const element = mount();
    getScorecardAdapter.error({ message: 'Loading the adoption scorecard of account 001 failed: timed out.' });
    await flush();

    expect(byId(element, 'load-error')).not.toBeNull();
    expect(byId(element, 'access-denied')).toBeNull();
    expect(byId(element, 'matrix')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('explains a missing permission', async () => {
    const message =
      'Access denied: you cannot read adoption facts. Ask your admin to assign you the Success Cockpit User ' +
      'permission set.';
    const element = mount();
    getScorecardAdapter.error({ message });
    await flush();

    expect(textOf(byId(element, 'access-denied'))).toContain(message);
    expect(byId(element, 'load-error')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('exports the scorecard as Markdown', async () => {
    const { blobs, clicked } = mockDownload();
    const element = await mountWith(SCORECARD);
    const toasts = collectToasts(element);

    await click(byId(element, 'export'));

    expect(clicked).toEqual([{ href: 'blob:adoption-scorecard-1', download: 'acme-health-adoption-scorecard.md' }]);
    expect(blobs[0].type).toBe('text/markdown;charset=utf-8');
    const markdown = await readBlob(blobs[0]);
    expect(markdown).toBe(renderAdoptionScorecard(buildScorecardModel(SCORECARD)));
    expect(markdown).toContain('# Acme Health: adoption scorecard');
    expect(markdown).toContain('As of 2026-06-10, adoption in 2026-05.');
    expect(markdown).toContain(
      '| Feature | Target | All users | Support Agent (role) | Team Lead (role) | Field Operations (department) |'
    );
    expect(markdown).toContain('| AI triage | 60% | 25% ↓ declining | 30% → stable | 10% too few months | no data |');
    expect(markdown).toContain('| Mobile work orders | 70% | n/a too few months | no data | no data | 50% → stable |');
    expect(markdown).toContain('| AI triage | 200 | 120 | 60% | 50 | 25% |');
    expect(markdown).toContain(
      '| 1 | AI triage | 25% | 60% | 5 | 175 | Yes | Run a triage clinic with the support leads. |'
    );
    expect(markdown).toContain('Scheduled reports \\| \\<b\\>beta\\</b\\>');
    expect(toasts).toEqual([
      {
        title: 'Adoption scorecard exported',
        message: 'Downloaded acme-health-adoption-scorecard.md for May 2026.',
        variant: 'success'
      }
    ]);
  });

  it('reports an export that fails', async () => {
    Object.assign(URL, {
      createObjectURL: jest.fn(() => {
        throw new Error('The browser blocked the download.');
      }),
      revokeObjectURL: jest.fn()
    });
    const element = await mountWith(SCORECARD);
    const toasts = collectToasts(element);

    await click(byId(element, 'export'));

    expect(toasts).toEqual([
      {
        title: 'The adoption scorecard was not exported',
        message: 'The browser blocked the download.',
        variant: 'error'
      }
    ]);
    expect(byId(element, 'export')?.disabled).toBe(false);
  });
});

describe('scorecard view', () => {
  it('compares adoption with the target', () => {
    expect(targetStatus(60, 60)).toBe('met');
    expect(targetStatus(59.9, 60)).toBe('below');
    expect(targetStatus(30, 60)).toBe('below');
    expect(targetStatus(29.9, 60)).toBe('farBelow');
    expect(targetStatus(null, 60)).toBe('unknown');
    expect(targetStatus(10, 0)).toBe('unknown');
  });

  it('names months in words', () => {
    expect(monthLabel('2026-01-01')).toBe('January 2026');
    expect(monthLabel('2026-12-31')).toBe('December 2026');
    expect(monthLabel('2026-13-01')).toBe('2026-13-01');
    expect(monthLabel(null)).toBe('');
  });

  it('chooses the first segment type with data', () => {
    const departmentsOnly = {
      ...SCORECARD,
      segments: SCORECARD.segments?.filter((column) => column.segmentType !== 'Role') ?? []
    };

    expect(defaultSegmentType(SCORECARD)).toBe('Role');
    expect(defaultSegmentType(departmentsOnly)).toBe('Department');
  });

  it('shows missing cells as no data', () => {
    const features = [{ ...(SCORECARD.features ?? [])[0], cells: [] }];
    const matrix = buildMatrix({ ...SCORECARD, features }, 'Role');

    expect(matrix.rows[0].cells.map((item) => item.percentText)).toEqual(['No data', 'No data', 'No data']);
  });

  it('exports every segment of the month', () => {
    const model = buildScorecardModel(SCORECARD);

    expect(model.segments).toEqual([
      { segmentType: 'All', segment: 'All' },
      { segmentType: 'Role', segment: 'Support Agent' },
      { segmentType: 'Role', segment: 'Team Lead' },
      { segmentType: 'Department', segment: 'Field Operations' }
    ]);
    expect(model.facts).toHaveLength(10);
    expect(model.facts[0]).toEqual({
      featureKey: 'AiTriage',
      segmentType: 'All',
      segment: 'All',
      month: '2026-05-01',
      entitledUsers: 200,
      assignedUsers: 120,
      activeUsers: 50,
      triedUsers: 90,
      adoptionPercent: 25,
      trend: 'Declining',
      trendSlope: -3.5
    });
    expect(buildScorecardModel(EMPTY).month).toBeNull();
  });
});

import { createElement } from '@lwc/engine-dom';
import AdoptionPlaybook from 'c/adoptionPlaybook';
import { refreshApex } from '@salesforce/apex';
import { CurrentPageReference } from 'lightning/navigation';
import getPlaybooks from '@salesforce/apex/AdoptionPlaybookController.getPlaybooks';
import suggestPlaybook from '@salesforce/apex/AdoptionPlaybookController.suggestPlaybook';
import createPlaybook from '@salesforce/apex/AdoptionPlaybookController.createPlaybook';
import setStatus from '@salesforce/apex/AdoptionPlaybookController.setStatus';
import { renderAdoptionPlaybook } from 'c/adoptionEngine';
import { buildPlaybookModel, parseSegmentKey, segmentLabel } from '../playbookView';
import { createParamsOf, draftsOf, validateCreateForm } from '../playbookForms';
import playbooksData from './data/playbooks.json';
import suggestionData from './data/suggestion.json';

jest.mock(
  '@salesforce/apex/AdoptionPlaybookController.getPlaybooks',
  () => {
    const { createApexTestWireAdapter } = jest.requireActual<typeof import('@salesforce/wire-service-jest-util')>(
      '@salesforce/wire-service-jest-util'
    );
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock('@salesforce/apex/AdoptionPlaybookController.suggestPlaybook', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/AdoptionPlaybookController.createPlaybook', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/AdoptionPlaybookController.setStatus', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });

type PlaybookList = ApexTypes.AdoptionPlaybookController_PlaybookList;
type PlaybookView = ApexTypes.AdoptionPlaybookController_PlaybookView;
type PlaybookSuggestion = ApexTypes.AdoptionPlaybookController_PlaybookSuggestion;

interface WireAdapterMock {
  emit(value: unknown): void;
  error(body?: unknown, status?: number, statusText?: string): void;
  getLastConfig(): Record<string, unknown> | null;
}

interface Toast {
  title: string;
  message: string;
  variant: string;
}

type Rendered = HTMLElement & Record<string, unknown>;

const getPlaybooksAdapter = getPlaybooks as unknown as WireAdapterMock;
const pageReferenceAdapter = CurrentPageReference as unknown as WireAdapterMock;
const mockSuggestPlaybook = suggestPlaybook as unknown as jest.Mock;
const mockCreatePlaybook = createPlaybook as unknown as jest.Mock;
const mockSetStatus = setStatus as unknown as jest.Mock;
const mockRefreshApex = refreshApex as unknown as jest.Mock;

const ACCOUNT_ID = '001000000000001AAA';
const LIST = playbooksData as PlaybookList;
const SUGGESTION = suggestionData as PlaybookSuggestion;
const ACTIVE_ID = 'a0P000000000001AAA';
const COMPLETED_ID = 'a0P000000000002AAA';
const NEW_ID = 'a0P000000000009AAA';
const ACTIVE = (LIST.playbooks as PlaybookView[])[0];
const COMPLETED = (LIST.playbooks as PlaybookView[])[1];

function flush(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function withChanges(changes: Partial<PlaybookList>): PlaybookList {
  return { ...LIST, ...changes };
}

function mount(): HTMLElement {
  const element = createElement('c-adoption-playbook', { is: AdoptionPlaybook });
  (element as HTMLElement & { recordId: string }).recordId = ACCOUNT_ID;
  document.body.appendChild(element);
  return element;
}

async function mountWith(data: PlaybookList): Promise<HTMLElement> {
  const element = mount();
  getPlaybooksAdapter.emit(data);
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
  const input = element.shadowRoot?.querySelector<HTMLElement>(`[data-form="create"][data-field="${name}"]`);
  if (!input) {
    throw new Error(`No field ${name} in the create form. Open the form and load a diagnosis first.`);
  }
  return input as Rendered;
}

function change(target: HTMLElement | null, detail: Record<string, unknown>): void {
  if (!target) {
    throw new Error('The input to change is not rendered.');
  }
  target.dispatchEvent(new CustomEvent('change', { detail }));
}

function card(element: HTMLElement, playbookId: string): Rendered {
  const found = element.shadowRoot?.querySelector<HTMLElement>(
    `[data-id="playbook"][data-playbook-id="${playbookId}"]`
  );
  if (!found) {
    throw new Error(`No card for playbook ${playbookId}.`);
  }
  return found as Rendered;
}

function draft(element: HTMLElement, barrier: string): Rendered {
  const found = element.shadowRoot?.querySelector<HTMLElement>(`[data-id="draft"][data-barrier="${barrier}"]`);
  if (!found) {
    throw new Error(`No draft for barrier ${barrier}.`);
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

/** Opens the create form and chooses AI triage for all users, which loads the diagnosis. */
async function openWithDiagnosis(suggestion: PlaybookSuggestion = SUGGESTION): Promise<HTMLElement> {
  mockSuggestPlaybook.mockResolvedValue(suggestion);
  const element = await mountWith(LIST);
  await click(byId(element, 'new-playbook'));
  change(field(element, 'featureKey'), { value: 'AiTriage' });
  await flush();
  change(field(element, 'segmentKey'), { value: 'All|All' });
  await flush();
  return element;
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
      return `blob:adoption-playbook-${blobs.length}`;
    }),
    revokeObjectURL: jest.fn()
  });
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push({ href: this.href, download: this.download });
  });
  return { blobs, clicked };
}

describe('c-adoption-playbook', () => {
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
    expect(byId(element, 'playbooks')).toBeNull();
    expect(getPlaybooksAdapter.getLastConfig()).toEqual({ accountId: ACCOUNT_ID });
    await expect(element).toBeAccessible();
  });

  it('shows each playbook with its progress', async () => {
    const element = await mountWith(LIST);
    const active = card(element, ACTIVE_ID);

    expect(allById(element.shadowRoot, 'playbook')).toHaveLength(2);
    expect(textOf(byId(active, 'playbook-name'))).toBe('Knowledge deflection - Role: Support Agent');
    expect(byId(active, 'status')?.label).toBe('Active');
    expect(byId(active, 'status')?.className).toContain('slds-theme_success');
    expect(textOf(byId(active, 'feature'))).toBe('Knowledge deflection');
    expect(textOf(byId(active, 'segment'))).toBe('Role: Support Agent');
    expect(textOf(byId(active, 'dates'))).toBe('2026-03-01 to 2026-05-30');
    expect(textOf(byId(active, 'current'))).toBe(
      'Current 35% (latest adoption fact, 2026-05), baseline 20%. Target 50% by 2026-05-30.'
    );
    const bar = byId(active, 'progress');
    expect(bar?.getAttribute('role')).toBe('progressbar');
    expect(bar?.getAttribute('aria-valuenow')).toBe('50');
    expect(bar?.getAttribute('aria-label')).toBe(
      'Progress of Knowledge deflection - Role: Support Agent: 50% of the way from the baseline to the target'
    );
    expect(textOf(byId(active, 'overdue'))).toBe('Overdue: the target date 2026-05-30 has passed.');
    expect(active.className).toContain('playbook_overdue');
    await expect(element).toBeAccessible();
  });

  it('shows barriers and sprint Tasks as text', async () => {
    const element = await mountWith(LIST);
    const active = card(element, ACTIVE_ID);
    const [training, relevance] = allById(active, 'barrier');

    expect(textOf(byId(training, 'barrier-name'))).toBe('Training');
    expect(textOf(byId(training, 'barrier-evidence'))).toContain(': 45 of 100 assigned users');
    expect(textOf(training.querySelector('p'))).toMatch(/^Training: 45 of 100 assigned users/);
    expect(textOf(byId(training, 'barrier-action'))).toBe('Action: Run office hours <b>every</b> Tuesday.');
    expect(training.querySelector('b')).toBeNull();
    expect(textOf(training)).toContain('Suggested by the data');
    expect(textOf(byId(relevance, 'barrier-evidence'))).toBe(': no evidence recorded');
    expect(textOf(relevance)).toContain('Added by a user');
    expect(textOf(byId(active, 'evidence-note'))).toBe(
      'Evidence as the data showed it on 2026-03-01, when the playbook started.'
    );

    expect(textOf(byId(active, 'open-heading'))).toBe('Open Tasks (1)');
    expect(allById(active, 'open-task').map((task) => textOf(task))).toEqual([
      'Review use cases with the Support Agent lead, Overdue: was due on 2026-03-16, Not Started, Casey Morgan'
    ]);
    expect(allById(active, 'open-task')[0].className).toContain('task_overdue');
    expect(textOf(byId(active, 'done-heading'))).toBe('Done Tasks (1)');
    expect(allById(active, 'done-task').map((task) => textOf(task))).toEqual([
      'Hold a hands-on session for Support Agent, Due 2026-03-09, Completed, Casey Morgan'
    ]);
    expect(byId(active, 'task-note')).toBeNull();
  });

  it('shows a closed playbook without a status menu', async () => {
    const element = await mountWith(LIST);
    const completed = card(element, COMPLETED_ID);

    expect(byId(completed, 'status')?.label).toBe('Completed');
    expect(byId(completed, 'status-menu')).toBeNull();
    expect(textOf(completed)).toContain('Closed playbooks do not change.');
    expect(textOf(byId(completed, 'current'))).toBe(
      'Current 42% (stored on the playbook), baseline 10%. Target 40% by 2026-01-30.'
    );
    expect(textOf(byId(completed, 'no-barriers'))).toBe('No barrier recorded.');
    expect(textOf(byId(completed, 'task-note'))).toBe('No sprint Task is visible to you.');
  });

  it('offers the other statuses of an open playbook', async () => {
    const element = await mountWith(LIST);
    const menu = byId(card(element, ACTIVE_ID), 'status-menu');
    const items = Array.from(menu?.querySelectorAll('lightning-menu-item') ?? []) as Rendered[];

    expect(menu?.alternativeText).toBe('Change the status of Knowledge deflection - Role: Support Agent');
    expect(items.map((item) => [item.value, item.label])).toEqual([
      ['Draft', 'Set back to Draft'],
      ['Completed', 'Complete (closes the playbook)'],
      ['Cancelled', 'Cancel (closes the playbook)']
    ]);
  });

  it('hides the status menu from users who cannot edit', async () => {
    const element = await mountWith(withChanges({ canEdit: false }));

    expect(byId(element, 'status-menu')).toBeNull();
  });

  it('changes the status of a playbook', async () => {
    mockSetStatus.mockResolvedValue(undefined);
    const element = await mountWith(LIST);
    const toasts = collectToasts(element);
    const menu = byId(card(element, ACTIVE_ID), 'status-menu');

    menu?.dispatchEvent(new CustomEvent('select', { detail: { value: 'Completed' } }));
    await flush();

    expect(mockSetStatus).toHaveBeenCalledWith({ playbookId: ACTIVE_ID, status: 'Completed' });
    expect(toasts).toEqual([
      {
        title: 'Playbook status changed',
        message: 'Knowledge deflection - Role: Support Agent is Completed and closed; its status no longer changes.',
        variant: 'success'
      }
    ]);
    expect(mockRefreshApex).toHaveBeenCalledTimes(1);
  });

  it('reports a status change that fails', async () => {
    mockSetStatus.mockRejectedValue({
      body: {
        message:
          'Adoption playbook AI triage - All users is already Active for this feature and segment. Complete or ' +
          'cancel it before starting another.'
      }
    });
    const element = await mountWith(LIST);
    const toasts = collectToasts(element);

    byId(card(element, ACTIVE_ID), 'status-menu')?.dispatchEvent(
      new CustomEvent('select', { detail: { value: 'Draft' } })
    );
    await flush();

    expect(toasts).toEqual([
      {
        title: 'The playbook status was not changed',
        message:
          'Adoption playbook AI triage - All users is already Active for this feature and segment. Complete or ' +
          'cancel it before starting another.',
        variant: 'error'
      }
    ]);
    expect(mockRefreshApex).not.toHaveBeenCalled();
  });

  it('explains how to start', async () => {
    const element = await mountWith(withChanges({ playbooks: [] }));

    expect(textOf(byId(element, 'empty-text'))).toBe(
      'This account has no adoption playbook yet. Start one from a flagged feature of the adoption scorecard, or ' +
        'with New playbook.'
    );
    expect(byId(element, 'new-playbook')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('hides New playbook without access', async () => {
    const element = await mountWith(withChanges({ playbooks: [], canCreate: false }));

    expect(byId(element, 'new-playbook')).toBeNull();
    expect(textOf(byId(element, 'empty-text'))).toContain('Ask a user who can create adoption playbooks');
  });

  it('shows an error panel when loading fails', async () => {
    const element = mount();
    getPlaybooksAdapter.error({ message: 'Loading the adoption playbooks of account 001 failed: timed out.' });
    await flush();

    expect(byId(element, 'load-error')).not.toBeNull();
    expect(byId(element, 'playbooks')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('explains a missing permission', async () => {
    const message =
      'Access denied: you cannot read adoption playbooks or their barriers. Ask your admin to assign you the Success ' +
      'Cockpit User permission set.';
    const element = mount();
    getPlaybooksAdapter.error({ message });
    await flush();

    expect(textOf(byId(element, 'access-denied'))).toContain(message);
    expect(byId(element, 'load-error')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('offers features and segments', async () => {
    const element = await mountWith(LIST);

    await click(byId(element, 'new-playbook'));

    expect(byId(element, 'new-playbook')).toBeNull();
    expect(field(element, 'featureKey').options).toEqual([
      { label: 'AI triage', value: 'AiTriage' },
      { label: 'Knowledge deflection', value: 'KnowledgeDeflection' }
    ]);
    expect(field(element, 'segmentKey').disabled).toBe(true);

    change(field(element, 'featureKey'), { value: 'AiTriage' });
    await flush();

    expect(field(element, 'segmentKey').options).toEqual([
      { label: 'All users: 25% against a target of 60%', value: 'All|All' },
      { label: 'Role: Team Lead: 10% against a target of 60%', value: 'Role|Team Lead' }
    ]);
    expect(mockSuggestPlaybook).not.toHaveBeenCalled();
    await expect(element).toBeAccessible();
  });

  it('shows the suggested diagnosis', async () => {
    const element = await openWithDiagnosis();

    expect(mockSuggestPlaybook).toHaveBeenCalledWith({
      accountId: ACCOUNT_ID,
      featureKey: 'AiTriage',
      segmentType: 'All',
      segment: 'All'
    });
    expect(textOf(byId(element, 'suggest-value'))).toBe('Cuts case handling time by routing work to the right agent.');
    const facts = allById(element.shadowRoot, 'suggest-fact').map((fact) => [fact.dataset.fact, textOf(fact)]);
    expect(facts).toEqual([
      ['month', '2026-05'],
      ['current', '25%'],
      ['target', '60%'],
      ['entitled', '200'],
      ['assigned', '120'],
      ['tried', '70'],
      ['active', '50'],
      ['trend', 'Declining, -3.5 points per month'],
      ['peers', 'No other segment of this type to compare with']
    ]);
    expect(textOf(byId(draft(element, 'Access'), 'draft-evidence'))).toBe(
      'Only 120 of 200 entitled users (60%) are assigned the feature; at least 80% should be.'
    );
    expect(byId(draft(element, 'Training'), 'keep')?.checked).toBe(true);
    expect(field(element, 'action:Access').value).toBe(
      'Assign the license or permission set to the entitled users who do not have it yet.'
    );
    expect(field(element, 'targetPercent').value).toBe('60');
    expect(field(element, 'targetDate').value).toBe('2026-09-08');
    expect(allById(element.shadowRoot, 'sprint-task').map((task) => textOf(task))).toEqual([
      'Due 2026-06-10: Compare license assignments for AI triage with entitlement (Access)',
      'Due 2026-06-17: Run a hands-on AI triage session for All users (Training)'
    ]);
    expect(byId(element, 'active-playbook')).toBeNull();
    expect(byId(element, 'submit-create')?.disabled).toBe(false);
    await expect(element).toBeAccessible();
  });

  it('creates a playbook with edited barriers', async () => {
    mockCreatePlaybook.mockResolvedValue(NEW_ID);
    const element = await openWithDiagnosis();
    const toasts = collectToasts(element);

    change(byId(draft(element, 'Training'), 'keep'), { checked: false });
    await flush();
    expect(allById(element.shadowRoot, 'sprint-task')).toHaveLength(1);
    expect(element.shadowRoot?.querySelector('[data-field="action:Training"]')).toBeNull();

    change(field(element, 'action:Access'), { value: 'Assign the AI Triage license to the 80 agents without it.' });
    change(byId(element, 'barrier-to-add'), { value: 'Relevance' });
    await flush();
    await click(byId(element, 'add-barrier'));
    change(field(element, 'evidence:Relevance'), { value: 'Team leads say triage does not fit their queue.' });
    change(field(element, 'targetPercent'), { value: '55.5' });
    change(field(element, 'targetDate'), { value: '2026-10-01' });
    await flush();
    await click(byId(element, 'submit-create'));

    expect(mockCreatePlaybook).toHaveBeenCalledWith({
      accountId: ACCOUNT_ID,
      featureKey: 'AiTriage',
      segmentType: 'All',
      segment: 'All',
      targetPercent: 55.5,
      targetDate: '2026-10-01',
      barriers: [
        {
          barrier: 'Access',
          evidence: 'Only 120 of 200 entitled users (60%) are assigned the feature; at least 80% should be.',
          action: 'Assign the AI Triage license to the 80 agents without it.',
          isSuggested: true
        },
        {
          barrier: 'Relevance',
          evidence: 'Team leads say triage does not fit their queue.',
          action: "Review the segment's use cases with its leader and map the feature to a task they do every week.",
          isSuggested: false
        }
      ]
    });
    expect(toasts).toEqual([
      {
        title: 'Adoption playbook created',
        message: 'The AI triage playbook for All users is Active with 2 barriers and its sprint Tasks.',
        variant: 'success'
      }
    ]);
    expect(mockRefreshApex).toHaveBeenCalledTimes(1);
    expect(byId(element, 'create-form')).toBeNull();
  });

  it('removes a barrier the user added', async () => {
    const element = await openWithDiagnosis();

    change(byId(element, 'barrier-to-add'), { value: 'UX' });
    await flush();
    await click(byId(element, 'add-barrier'));
    expect(textOf(byId(element, 'added-sprint-note'))).toContain('Tasks of the barriers you added');

    await click(byId(draft(element, 'UX'), 'remove-barrier'));

    expect(element.shadowRoot?.querySelector('[data-id="draft"][data-barrier="UX"]')).toBeNull();
    expect(byId(element, 'added-sprint-note')).toBeNull();
  });

  it('validates the create form', async () => {
    const element = await openWithDiagnosis();
    const toasts = collectToasts(element);

    change(field(element, 'targetPercent'), { value: '25' });
    change(field(element, 'targetDate'), { value: '2026-06-10' });
    change(byId(draft(element, 'Access'), 'keep'), { checked: false });
    change(byId(draft(element, 'Training'), 'keep'), { checked: false });
    await flush();
    await click(byId(element, 'submit-create'));

    expect(mockCreatePlaybook).not.toHaveBeenCalled();
    expect(toasts).toEqual([]);
    expect(textOf(byId(element, 'form-errors'))).toBe(
      'Fix these problems: Keep or add at least one barrier, so the playbook has something to work on. The target ' +
        'must be above the current adoption of 25%. Enter a higher target. The target date must be after today, ' +
        '2026-06-10. Choose a later day.'
    );
    expect(textOf(byId(element, 'barrier-error'))).toBe(
      'Keep or add at least one barrier, so the playbook has something to work on.'
    );
    await expect(element).toBeAccessible();
  });

  it('keeps the form open when creating fails', async () => {
    mockCreatePlaybook.mockRejectedValue({
      body: { message: 'Access denied: you cannot create adoption playbooks, their barriers or Tasks.' }
    });
    const element = await openWithDiagnosis();
    const toasts = collectToasts(element);

    await click(byId(element, 'submit-create'));

    expect(toasts).toEqual([
      {
        title: 'The adoption playbook was not created',
        message: 'Access denied: you cannot create adoption playbooks, their barriers or Tasks.',
        variant: 'error'
      }
    ]);
    expect(byId(element, 'create-form')).not.toBeNull();
    expect(mockRefreshApex).not.toHaveBeenCalled();
  });

  it('blocks a second Active playbook', async () => {
    mockSuggestPlaybook.mockResolvedValue({
      ...SUGGESTION,
      featureKey: 'KnowledgeDeflection',
      featureLabel: 'Knowledge deflection',
      segmentType: 'Role',
      segment: 'Support Agent',
      activePlaybookId: ACTIVE_ID
    });
    const element = await mountWith(LIST);
    await click(byId(element, 'new-playbook'));

    change(field(element, 'featureKey'), { value: 'KnowledgeDeflection' });
    await flush();

    expect(field(element, 'segmentKey').value).toBe('Role|Support Agent');
    expect(mockSuggestPlaybook).toHaveBeenCalledWith({
      accountId: ACCOUNT_ID,
      featureKey: 'KnowledgeDeflection',
      segmentType: 'Role',
      segment: 'Support Agent'
    });
    expect(textOf(byId(element, 'active-playbook'))).toContain('An Active playbook already covers');
    expect(byId(element, 'submit-create')?.disabled).toBe(true);
  });

  it('adds barriers without data', async () => {
    const element = await openWithDiagnosis({
      ...SUGGESTION,
      hasData: false,
      month: null,
      currentPercent: null,
      barriers: [],
      sprint: []
    });

    expect(textOf(byId(element, 'suggest-no-data'))).toContain('No adoption fact exists for this feature');
    expect(byId(element, 'no-drafts')).not.toBeNull();
    expect(byId(element, 'barrier-to-add')?.options).toHaveLength(5);
  });

  it('shows why the diagnosis could not be loaded', async () => {
    mockSuggestPlaybook.mockRejectedValue({ body: { message: 'Feature AiTriage is not active. Choose one of X.' } });
    const element = await mountWith(LIST);
    await click(byId(element, 'new-playbook'));

    change(field(element, 'featureKey'), { value: 'AiTriage' });
    await flush();
    change(field(element, 'segmentKey'), { value: 'All|All' });
    await flush();

    expect(byId(element, 'suggest-error')).not.toBeNull();
    expect(byId(element, 'submit-create')?.disabled).toBe(true);
  });

  it('opens the create flow from a link', async () => {
    mockSuggestPlaybook.mockResolvedValue(SUGGESTION);
    const element = await mountWith(LIST);

    pageReferenceAdapter.emit({
      type: 'standard__recordPage',
      attributes: { recordId: ACCOUNT_ID, objectApiName: 'Account', actionName: 'view' },
      state: { c__playbookFeature: 'AiTriage', c__playbookSegmentType: 'All', c__playbookSegment: 'All' }
    });
    await flush();
    await flush();

    expect(byId(element, 'create-form')).not.toBeNull();
    expect(field(element, 'featureKey').value).toBe('AiTriage');
    expect(field(element, 'segmentKey').value).toBe('All|All');
    expect(mockSuggestPlaybook).toHaveBeenCalledTimes(1);
    expect(mockSuggestPlaybook).toHaveBeenCalledWith({
      accountId: ACCOUNT_ID,
      featureKey: 'AiTriage',
      segmentType: 'All',
      segment: 'All'
    });
    expect(element.shadowRoot?.activeElement?.getAttribute('data-id')).toBe('create-heading');

    await click(byId(element, 'cancel-create'));
    pageReferenceAdapter.emit({
      type: 'standard__recordPage',
      state: { c__playbookFeature: 'AiTriage', c__playbookSegmentType: 'All', c__playbookSegment: 'All' }
    });
    await flush();

    expect(byId(element, 'create-form')).toBeNull();
    expect(mockSuggestPlaybook).toHaveBeenCalledTimes(1);
  });

  it('opens an early link after loading', async () => {
    mockSuggestPlaybook.mockResolvedValue({ ...SUGGESTION, segmentType: 'Role', segment: 'Team Lead' });
    const element = mount();

    pageReferenceAdapter.emit({
      type: 'standard__recordPage',
      state: { c__playbookFeature: 'AiTriage', c__playbookSegmentType: 'Role', c__playbookSegment: 'Team Lead' }
    });
    await flush();
    expect(mockSuggestPlaybook).not.toHaveBeenCalled();

    getPlaybooksAdapter.emit(LIST);
    await flush();
    await flush();

    expect(field(element, 'segmentKey').value).toBe('Role|Team Lead');
    expect(mockSuggestPlaybook).toHaveBeenCalledWith({
      accountId: ACCOUNT_ID,
      featureKey: 'AiTriage',
      segmentType: 'Role',
      segment: 'Team Lead'
    });
  });

  it('focuses the Active playbook of a link', async () => {
    const element = await mountWith(withChanges({ canCreate: false }));

    pageReferenceAdapter.emit({
      type: 'standard__recordPage',
      state: {
        c__playbookFeature: 'KnowledgeDeflection',
        c__playbookSegmentType: 'Role',
        c__playbookSegment: 'Support Agent'
      }
    });
    await flush();

    expect(byId(element, 'create-form')).toBeNull();
    expect(mockSuggestPlaybook).not.toHaveBeenCalled();
    const focused = element.shadowRoot?.activeElement;
    expect(focused?.getAttribute('data-id')).toBe('playbook-name');
    expect(focused?.getAttribute('data-playbook-id')).toBe(ACTIVE_ID);
  });

  it('ignores a link without create access', async () => {
    const element = await mountWith(withChanges({ canCreate: false }));

    pageReferenceAdapter.emit({ type: 'standard__recordPage', state: { c__playbookFeature: 'AiTriage' } });
    await flush();

    expect(byId(element, 'create-form')).toBeNull();
    expect(mockSuggestPlaybook).not.toHaveBeenCalled();
  });

  it('exports a playbook as Markdown', async () => {
    const current = {
      ...SUGGESTION,
      featureKey: 'KnowledgeDeflection',
      featureLabel: 'Knowledge deflection',
      valueStatement: 'Deflects cases with answers customers find themselves.',
      segmentType: 'Role',
      segment: 'Support Agent',
      entitledUsers: 100,
      assignedUsers: 100,
      activeUsers: 35,
      triedUsers: 55,
      currentPercent: 35,
      trend: 'Improving',
      trendSlope: 5
    };
    mockSuggestPlaybook.mockResolvedValue(current);
    const { blobs, clicked } = mockDownload();
    const element = await mountWith(LIST);
    const toasts = collectToasts(element);

    await click(byId(card(element, ACTIVE_ID), 'export'));

    expect(mockSuggestPlaybook).toHaveBeenCalledWith({
      accountId: ACCOUNT_ID,
      featureKey: 'KnowledgeDeflection',
      segmentType: 'Role',
      segment: 'Support Agent'
    });
    expect(clicked).toEqual([
      { href: 'blob:adoption-playbook-1', download: 'acme-health-knowledge-deflection-adoption-playbook.md' }
    ]);
    const markdown = await readBlob(blobs[0]);
    expect(markdown).toBe(renderAdoptionPlaybook(buildPlaybookModel(LIST, ACTIVE, current)));
    expect(markdown).toContain('# Acme Health: Knowledge deflection adoption playbook');
    expect(markdown).toContain('| Segment | Support Agent (role) |');
    expect(markdown).toContain('| Value | Deflects cases with answers customers find themselves. |');
    expect(markdown).toContain('| Users who tried it in the last 90 days | 55 |');
    expect(markdown).toContain('| Trend | ↑ improving (5 points per month) |');
    expect(markdown).toContain('- Progress: 50% of the way from the baseline to the target');
    expect(markdown).toContain('| Training |');
    expect(markdown).toContain('Run office hours \\<b\\>every\\</b\\> Tuesday.');
    expect(markdown.indexOf('| 2026-03-09 |')).toBeLessThan(markdown.indexOf('| 2026-03-16 |'));
    expect(toasts).toEqual([
      {
        title: 'Adoption playbook exported',
        message: 'Downloaded acme-health-knowledge-deflection-adoption-playbook.md.',
        variant: 'success'
      }
    ]);
  });

  it('exports a closed playbook without the latest fact', async () => {
    mockSuggestPlaybook.mockResolvedValue({ ...SUGGESTION, featureKey: 'ScheduledReports' });
    const { blobs } = mockDownload();
    const element = await mountWith(LIST);

    await click(byId(card(element, COMPLETED_ID), 'export'));

    const markdown = await readBlob(blobs[0]);
    expect(markdown).toContain('| Status | Completed |');
    expect(markdown).toContain('No adoption data for this feature and segment yet.');
    expect(markdown).toContain('- Current: 42%');
  });

  it('exports without an unreadable adoption', async () => {
    mockSuggestPlaybook.mockRejectedValue({ body: { message: 'Feature KnowledgeDeflection is not active.' } });
    const { blobs } = mockDownload();
    const element = await mountWith(LIST);
    const toasts = collectToasts(element);

    await click(byId(card(element, ACTIVE_ID), 'export'));

    const markdown = await readBlob(blobs[0]);
    expect(markdown).toContain('| Value | not set |');
    expect(markdown).toContain('No adoption data for this feature and segment yet.');
    expect(toasts).toEqual([
      {
        title: 'Adoption playbook exported without the current adoption',
        message:
          'Downloaded acme-health-knowledge-deflection-adoption-playbook.md. The latest adoption of the feature ' +
          'could not be read: Feature KnowledgeDeflection is not active.',
        variant: 'warning'
      }
    ]);
  });

  it('reports an export that fails', async () => {
    mockSuggestPlaybook.mockResolvedValue(SUGGESTION);
    Object.assign(URL, {
      createObjectURL: jest.fn(() => {
        throw new Error('The browser blocked the download.');
      }),
      revokeObjectURL: jest.fn()
    });
    const element = await mountWith(LIST);
    const toasts = collectToasts(element);

    await click(byId(card(element, ACTIVE_ID), 'export'));

    expect(toasts).toEqual([
      {
        title: 'The adoption playbook was not exported',
        message: 'The browser blocked the download.',
        variant: 'error'
      }
    ]);
    expect(byId(card(element, ACTIVE_ID), 'export')?.disabled).toBe(false);
  });
});

describe('playbook forms', () => {
  const drafts = draftsOf(SUGGESTION);
  const valid = { featureKey: 'AiTriage', segmentKey: 'All|All', targetPercent: '60', targetDate: '2026-09-08' };

  it('accepts a valid form', () => {
    expect(validateCreateForm(valid, drafts, SUGGESTION, '2026-06-10')).toEqual({});
  });

  it('checks the target range and places', () => {
    const check = (targetPercent: string): string | undefined =>
      validateCreateForm({ ...valid, targetPercent }, drafts, SUGGESTION, '2026-06-10').targetPercent;

    expect(check('')).toBe('Enter the adoption percent to reach, above 0 and at most 100.');
    expect(check('abc')).toBe('abc is not a number. Enter a percent such as 60.');
    expect(check('0')).toBe('0% is out of range. Enter a percent above 0 and at most 100.');
    expect(check('100.1')).toBe('100.1% is out of range. Enter a percent above 0 and at most 100.');
    expect(check('100')).toBeUndefined();
    expect(check('25.05')).toBe('25.05 has more than one decimal place. Round it to one place, such as 25.1.');
    expect(check('25.1')).toBeUndefined();
  });

  it('accepts any target above 0 without a current adoption', () => {
    const noData = { ...SUGGESTION, currentPercent: null };

    expect(validateCreateForm({ ...valid, targetPercent: '0.1' }, drafts, noData, '2026-06-10')).toEqual({});
  });

  it('checks the target date range', () => {
    const check = (targetDate: string): string | undefined =>
      validateCreateForm({ ...valid, targetDate }, drafts, SUGGESTION, '2026-06-10').targetDate;

    expect(check('')).toBe('Enter the day the target should be reached.');
    expect(check('2026-02-30')).toBe('2026-02-30 is not a date. Enter a date such as 2026-09-08.');
    expect(check('2026-06-11')).toBeUndefined();
    expect(check('2027-06-10')).toBeUndefined();
    expect(check('2027-06-11')).toBe(
      'The target date must be at most 365 days from today. Choose a day up to 2027-06-10.'
    );
  });

  it('checks the length of barrier texts', () => {
    const long = drafts.map((item) => (item.barrier === 'Access' ? { ...item, action: 'x'.repeat(256) } : item));

    expect(validateCreateForm(valid, long, SUGGESTION, '2026-06-10')).toEqual({
      'action:Access': 'The Access action is 256 characters long, more than the 255 allowed. Shorten it.'
    });
  });

  it('sends a blank action and evidence as null', () => {
    const blank = drafts.map((item) => ({ ...item, action: ' ', evidence: '' }));

    expect(createParamsOf(valid, blank, ACCOUNT_ID).barriers).toEqual([
      { barrier: 'Access', evidence: null, action: null, isSuggested: true },
      { barrier: 'Training', evidence: null, action: null, isSuggested: true }
    ]);
  });

  it('keeps a segment that contains the separator', () => {
    expect(parseSegmentKey('Department|R|D')).toEqual({ segmentType: 'Department', segment: 'R|D' });
    expect(parseSegmentKey('|x')).toBeNull();
    expect(segmentLabel('BusinessUnit', 'EMEA')).toBe('Business unit: EMEA');
  });

  it('leaves the current fact out of a closed playbook', () => {
    expect(buildPlaybookModel(LIST, COMPLETED, SUGGESTION).current).toBeNull();
    expect(buildPlaybookModel(LIST, ACTIVE, SUGGESTION).current?.adoptionPercent).toBe(25);
  });
});

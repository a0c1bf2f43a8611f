import { createElement } from '@lwc/engine-dom';
import { LightningElement, api } from 'lwc';
import SuccessPlan from 'c/successPlan';
import { refreshApex } from '@salesforce/apex';
import getPlan from '@salesforce/apex/SuccessPlanController.getPlan';
import getTemplates from '@salesforce/apex/SuccessPlanController.getTemplates';
import createFromTemplate from '@salesforce/apex/SuccessPlanController.createFromTemplate';
import updatePlan from '@salesforce/apex/SuccessPlanController.updatePlan';
import updateObjective from '@salesforce/apex/SuccessPlanController.updateObjective';
import setMilestoneCompleted from '@salesforce/apex/SuccessPlanController.setMilestoneCompleted';
import getCountdown from '@salesforce/apex/RenewalCountdownController.getCountdown';
import {
  addDays,
  buildMilestoneRows,
  buildObjectiveRows,
  buildPlanHeader,
  contactOptions,
  formatValue,
  isIsoDate,
  templateOptions
} from '../planView';
import {
  createParamsOf,
  objectiveFormOf,
  objectiveParamsOf,
  planFormOf,
  planParamsOf,
  validateCreateForm,
  validateObjectiveForm,
  validatePlanForm
} from '../planForms';
import { buildReportInput, measureValuesOf, toCheckpointViews, toPlanRecord } from '../planReport';
import { planReadinessContextOf, planReadinessOf, readinessPanelOf } from '../planReadiness';
import { renderReadiness } from 'c/qbrEngine';
import type { ReadinessResult } from 'c/qbrEngine';
import planData from './data/plan.json';
import planEmpty from './data/planEmpty.json';
import templatesData from './data/templates.json';
import countdownData from './data/countdown.json';

jest.mock(
  '@salesforce/apex/SuccessPlanController.getPlan',
  () => {
    const { createApexTestWireAdapter } = jest.requireActual<typeof import('@salesforce/wire-service-jest-util')>(
      '@salesforce/wire-service-jest-util'
    );
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock(
  '@salesforce/apex/SuccessPlanController.getTemplates',
  () => {
    const { createApexTestWireAdapter } = jest.requireActual<typeof import('@salesforce/wire-service-jest-util')>(
      '@salesforce/wire-service-jest-util'
    );
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock('@salesforce/apex/SuccessPlanController.createFromTemplate', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/SuccessPlanController.updatePlan', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/SuccessPlanController.updateObjective', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/SuccessPlanController.setMilestoneCompleted', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/RenewalCountdownController.getCountdown', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });
// The sfdx-lwc-jest stub of lightning-progress-bar lacks the ariaLabel property of the base component, so an aria-label
// set in the template would land on the stub's host element, where the accessibility check rejects it. This double
// declares the public properties of the base component, ariaLabel included.
class MockProgressBar extends LightningElement {
  @api value?: number;
  @api size?: string;
  @api variant?: string;
  private label: string | null = null;

  @api
  override get ariaLabel(): string | null {
    return this.label;
  }
  override set ariaLabel(value: string | null) {
    this.label = value;
  }
}
jest.mock('lightning/progressBar', () => ({
  __esModule: true,
  // A getter, because the factory runs while the component's template is imported, before the class above exists.
  get default() {
    return MockProgressBar;
  }
}));

type PlanView = ApexTypes.SuccessPlanController_PlanView;
type PlanDetail = ApexTypes.SuccessPlanController_PlanDetail;
type TemplateOption = ApexTypes.SuccessPlanController_TemplateOption;
type CountdownView = ApexTypes.RenewalCountdownController_CountdownView;

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

type Rendered = HTMLElement & Record<string, unknown>;

const getPlanAdapter = getPlan as unknown as ApexWireAdapterMock;
const getTemplatesAdapter = getTemplates as unknown as ApexWireAdapterMock;
const mockCreateFromTemplate = createFromTemplate as unknown as jest.Mock;
const mockUpdatePlan = updatePlan as unknown as jest.Mock;
const mockUpdateObjective = updateObjective as unknown as jest.Mock;
const mockSetMilestoneCompleted = setMilestoneCompleted as unknown as jest.Mock;
const mockGetCountdown = getCountdown as unknown as jest.Mock;
const mockRefreshApex = refreshApex as unknown as jest.Mock;

const ACCOUNT_ID = '001000000000001AAA';
const PLAN = planData as PlanView;
const EMPTY = planEmpty as PlanView;
const TEMPLATES = templatesData as TemplateOption[];
const COUNTDOWN = countdownData as CountdownView;
const DETAIL = PLAN.plan as PlanDetail;
const KNOWLEDGE_OBJECTIVE_ID = 'a0Q000000000002AAA';
const OVERDUE_MILESTONE_ID = 'a0R000000000002AAA';
const KICKOFF_MILESTONE_ID = 'a0R000000000001AAA';

function flush(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function withChanges(changes: Partial<PlanView>): PlanView {
  return { ...PLAN, ...changes };
}

function withPlanChanges(changes: Partial<PlanDetail>): PlanView {
  return { ...PLAN, plan: { ...DETAIL, ...changes } };
}

function mount(): HTMLElement {
  const element = createElement('c-success-plan', { is: SuccessPlan });
  (element as HTMLElement & { recordId: string }).recordId = ACCOUNT_ID;
  document.body.appendChild(element);
  return element;
}

async function mountWith(data: PlanView, templates: TemplateOption[] = TEMPLATES): Promise<HTMLElement> {
  const element = mount();
  getPlanAdapter.emit(data);
  getTemplatesAdapter.emit(templates);
  await flush();
  return element;
}

function byId(element: HTMLElement, id: string): Rendered | null {
  return (element.shadowRoot?.querySelector<HTMLElement>(`[data-id="${id}"]`) as Rendered | null) ?? null;
}

function allById(element: HTMLElement, id: string): Rendered[] {
  return Array.from(element.shadowRoot?.querySelectorAll<HTMLElement>(`[data-id="${id}"]`) ?? []) as Rendered[];
}

function textOf(element: HTMLElement | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function field(element: HTMLElement, form: string, name: string): Rendered {
  const input = element.shadowRoot?.querySelector<HTMLElement>(`[data-form="${form}"][data-field="${name}"]`);
  if (!input) {
    throw new Error(`No field ${name} in the ${form} form. Open the form first.`);
  }
  return input as Rendered;
}

function change(element: HTMLElement, form: string, name: string, value: string): void {
  field(element, form, name).dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

function objectiveButton(element: HTMLElement, objectiveId: string): Rendered | null {
  return (
    (element.shadowRoot?.querySelector<HTMLElement>(
      `[data-id="edit-objective"][data-objective-id="${objectiveId}"]`
    ) as Rendered | null) ?? null
  );
}

function milestoneButton(element: HTMLElement, milestoneId: string): Rendered | null {
  return (
    (element.shadowRoot?.querySelector<HTMLElement>(
      `[data-id="milestone-toggle"][data-milestone-id="${milestoneId}"]`
    ) as Rendered | null) ?? null
  );
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
      return `blob:success-plan-${blobs.length}`;
    }),
    revokeObjectURL: jest.fn()
  });
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push({ href: this.href, download: this.download });
  });
  return { blobs, clicked };
}

describe('c-success-plan', () => {
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
    expect(byId(element, 'header')).toBeNull();
    expect(getPlanAdapter.getLastConfig()).toEqual({ accountId: ACCOUNT_ID });
    await expect(element).toBeAccessible();
  });

  it('shows the plan header', async () => {
    const element = await mountWith(PLAN);

    expect(textOf(byId(element, 'plan-name'))).toBe('Acme onboarding plan');
    expect(byId(element, 'status')?.label).toBe('Active');
    expect(byId(element, 'status')?.className).toContain('slds-theme_success');
    expect(byId(element, 'stage')?.label).toBe('Onboarding');
    expect(textOf(byId(element, 'template'))).toBe('Created from the Onboarding template');
    expect(textOf(byId(element, 'dates'))).toBe('2026-10-01 to 2026-12-30');
    expect(textOf(byId(element, 'sponsor'))).toBe('Maria Lopez, CIO');
    expect(textOf(byId(element, 'champion'))).toBe('Sam Chen');
    expect(textOf(byId(element, 'cadence'))).toBe('Every 30 days');
    expect(textOf(byId(element, 'progress-summary'))).toBe(
      '1 of 3 objectives met. Mean progress 80%. 3 of 7 milestones completed, 1 overdue.'
    );
  });

  it('marks an overdue review with text', async () => {
    const element = await mountWith(PLAN);
    const nextReview = byId(element, 'next-review');

    expect(textOf(nextReview)).toBe('Overdue: review was due on 2026-11-28');
    expect(nextReview?.querySelector('span')?.className).toContain('review-overdue');
    expect(nextReview?.querySelector('lightning-icon')).not.toBeNull();
  });

  it('shows a review on time without warning', async () => {
    const element = await mountWith(withPlanChanges({ nextReview: '2026-12-20', isReviewOverdue: false }));
    const nextReview = byId(element, 'next-review');

    expect(textOf(nextReview)).toBe('2026-12-20');
    expect(nextReview?.querySelector('lightning-icon')).toBeNull();
    expect(nextReview?.querySelector('span')?.className).not.toContain('review-overdue');
  });

  it('renders the escalation path as text', async () => {
    const element = await mountWith(PLAN);
    const path = byId(element, 'escalation-path');

    expect(path?.textContent).toContain('2. Lee Park, CS manager <b>urgent</b>');
    expect(path?.querySelector('b')).toBeNull();
  });

  it('shows each objective with its progress', async () => {
    const element = await mountWith(PLAN);
    const objectives = allById(element, 'objective');

    expect(objectives).toHaveLength(3);
    const [onboarding, knowledge, legacy] = objectives;
    expect(textOf(onboarding.querySelector('[data-id="outcome"]'))).toBe('Cut onboarding time for new agents');
    expect(textOf(onboarding.querySelector('[data-id="metric"]'))).toBe('Days to first resolved case (days)');
    const bar = onboarding.querySelector('[data-id="progress"]') as Rendered;
    expect(bar.value).toBe(60);
    expect(bar.ariaLabel).toBe(
      'Progress of Cut onboarding time for new agents: 60% of the way to target. Baseline 20 days, current 11 days, ' +
        'target 5 days.'
    );
    expect(textOf(onboarding.querySelector('[data-id="values"]'))).toBe(
      '60% of the way to target. Baseline 20 days, current 11 days, target 5 days.'
    );
    expect((onboarding.querySelector('[data-id="objective-status"]') as Rendered).label).toBe('On track');
    expect(textOf(onboarding.querySelector('[data-id="due"]'))).toBe('Due 2027-01-31');
    expect(textOf(onboarding.querySelector('[data-id="capability"]'))).toBe('Service Cloud Console');

    expect((knowledge.querySelector('[data-id="progress"]') as Rendered).value).toBe(0);
    expect(textOf(knowledge.querySelector('[data-id="values"]'))).toBe(
      'No measured progress. Baseline 10%, current not set, target 80%.'
    );
    expect(textOf(knowledge.querySelector('[data-id="due"]'))).toBe('Overdue: was due on 2026-11-30');
    expect(knowledge.querySelector('[data-id="due"] span')?.className).toContain('due-overdue');
    expect(knowledge.className).toContain('objective_overdue');
    expect(textOf(knowledge.querySelector('[data-id="capability"]'))).toBe('Not named');

    expect((legacy.querySelector('[data-id="objective-status"]') as Rendered).label).toBe('Achieved');
    expect(textOf(legacy.querySelector('[data-id="due"]'))).toBe('Due 2026-11-15');
    expect(legacy.className).not.toContain('objective_overdue');
  });

  it('lists milestones by target date with their state', async () => {
    const element = await mountWith(PLAN);
    const milestones = allById(element, 'milestone');

    expect(milestones.map((item) => textOf(item.querySelector('[data-id="milestone-name"]')))).toEqual([
      'Kickoff held',
      'Admins trained',
      'Weekly active use',
      'Licences in use',
      'No open P1 cases',
      'Executive business review',
      'Expansion workshop'
    ]);
    expect(milestones.map((item) => textOf(item.querySelector('[data-id="milestone-state"]')))).toEqual([
      'Completed on 2026-10-30',
      'Overdue by 17 days',
      'Completed automatically on 2026-11-18',
      'Completed automatically on 2026-11-24',
      'Due soon, in 8 days',
      'Upcoming, in 75 days',
      'Upcoming, no target date'
    ]);
    expect(milestones.map((item) => (item.querySelector('[data-id="milestone-icon"]') as Rendered).iconName)).toEqual([
      'utility:success',
      'utility:warning',
      'utility:automate',
      'utility:automate',
      'utility:clock',
      'utility:event',
      'utility:event'
    ]);
    expect(milestones[1].className).toContain('milestone_overdue');
    expect(milestones[1].querySelector('[data-id="milestone-state"]')?.className).toContain('slds-text-color_error');
  });

  it('shows milestone criteria with the tied measure', async () => {
    const element = await mountWith(PLAN);
    const [kickoff, admins, weekly, , cases, , workshop] = allById(element, 'milestone');

    expect(textOf(kickoff.querySelector('[data-id="milestone-when"]'))).toBe('2026-11-01, phase 30 days');
    expect(textOf(kickoff.querySelector('[data-id="criteria"]'))).toBe(
      'Kickoff call with the sponsor and the champion'
    );
    expect(kickoff.querySelector('[data-id="measure"]')).toBeNull();
    expect(textOf(admins.querySelector('[data-id="milestone-owner"]'))).toBe('Owner: Lee Park');
    expect(textOf(weekly.querySelector('[data-id="measure"]'))).toBe(
      'Measure ActiveDayShare30d at least 40 (current value 46.5)'
    );
    expect(textOf(cases.querySelector('[data-id="measure"]'))).toBe(
      'Measure OpenHighPriorityCases at most 0 (current value 2)'
    );
    expect(textOf(cases.querySelector('[data-id="completion-hint"]'))).toBe(
      'Completes automatically when the criteria are met.'
    );
    expect(textOf(workshop.querySelector('[data-id="milestone-when"]'))).toBe('No target date, phase Quarter');
    expect(textOf(workshop.querySelector('[data-id="criteria"]'))).toBe('No criteria written');
    expect(textOf(workshop.querySelector('[data-id="milestone-owner"]'))).toBe('Owner: Unassigned');
  });

  it('offers complete and reopen where Apex allows them', async () => {
    const element = await mountWith(PLAN);

    const toggles = allById(element, 'milestone-toggle').map((button) => [button.dataset.milestoneId, button.label]);
    expect(toggles).toEqual([
      [KICKOFF_MILESTONE_ID, 'Reopen'],
      [OVERDUE_MILESTONE_ID, 'Mark complete'],
      ['a0R000000000004AAA', 'Reopen'],
      ['a0R000000000006AAA', 'Mark complete'],
      ['a0R000000000007AAA', 'Mark complete']
    ]);
    expect(milestoneButton(element, OVERDUE_MILESTONE_ID)?.title).toBe('Mark complete: Admins trained');
    const weekly = allById(element, 'milestone')[2];
    expect(textOf(weekly.querySelector('[data-id="completion-hint"]'))).toBe(
      'The criteria are still met, so it cannot be reopened.'
    );
  });

  it('passes the accessibility check with a plan', async () => {
    const element = await mountWith(PLAN);

    await expect(element).toBeAccessible();
  });

  it('shows the readiness of the plan', async () => {
    const element = await mountWith(PLAN);

    expect(textOf(byId(element, 'readiness-score'))).toBe('66 of 100');
    expect(byId(element, 'readiness-band')?.label).toBe('Needs deeper analysis');
    expect(textOf(byId(element, 'readiness-advice'))).toContain('Score 50 to 69');
    expect(byId(element, 'readiness-note')).toBeNull();
    const bars = allById(element, 'readiness-category').map((category) =>
      category.querySelector('[role="progressbar"]')?.getAttribute('aria-label')
    );
    expect(bars).toEqual([
      'Customer centricity: 19 of 25 points',
      'Actionability: 16 of 20 points',
      'Data-driven insight: 8 of 20 points',
      'Proactive risk management: 13 of 20 points',
      'Expansion awareness: 10 of 15 points'
    ]);
    const checks = allById(element, 'readiness-check');
    expect(checks).toHaveLength(11);
    const severe = checks.find((check) => check.dataset.check === 'severeRisksMitigated');
    expect(textOf(severe?.querySelector('[data-id="readiness-finding"]'))).toBe(
      '1 of 2 active critical or high risks has a mitigation and a rung.'
    );
    expect(textOf(severe?.querySelector('[data-id="readiness-check-missing"]'))).toBe(
      'To add: Give 1 critical or high risk a mitigation and an escalation rung.'
    );
    const feedback = checks.find((check) => check.dataset.check === 'customerFeedbackReferenced');
    expect(textOf(feedback?.querySelector('[data-id="readiness-finding"]'))).toBe(
      '3 customer feedback items referenced.'
    );
    expect(feedback?.querySelector('[data-id="readiness-check-missing"]')).toBeNull();
    const missing = byId(element, 'readiness-missing');
    expect(missing?.querySelectorAll('li')).toHaveLength(6);
    expect(textOf(missing)).toContain('Address the renewal: add a goal or an action item for it.');
  });

  it('scores risks as not reviewed without risk access', async () => {
    const element = await mountWith(withChanges({ openRisks: null, feedbackCount: null }));

    expect(textOf(byId(element, 'readiness-score'))).toBe('48 of 100');
    expect(byId(element, 'readiness-band')?.label).toBe('Back to discovery');
    expect(textOf(byId(element, 'readiness-note'))).toBe(
      "You cannot read the account's risks or feedback, so the score counts them as not reviewed or none."
    );
    const reviewed = allById(element, 'readiness-check').find((check) => check.dataset.check === 'risksReviewed');
    expect(textOf(reviewed?.querySelector('[data-id="readiness-finding"]'))).toBe('Risks were not reviewed.');
    await expect(element).toBeAccessible();
  });

  it('shows no readiness panel without an open plan', async () => {
    const element = await mountWith(EMPTY);

    expect(byId(element, 'readiness')).toBeNull();
  });

  it('hides edit controls from a read-only user', async () => {
    const element = await mountWith(withChanges({ canEdit: false, canCreate: false }));

    expect(byId(element, 'edit-plan')).toBeNull();
    expect(allById(element, 'edit-objective')).toHaveLength(0);
    expect(allById(element, 'milestone-toggle')).toHaveLength(0);
    expect(byId(element, 'export')).not.toBeNull();
    expect(allById(element, 'objective')).toHaveLength(3);
    await expect(element).toBeAccessible();
  });

  it('shows the create form when there is no open plan', async () => {
    const element = await mountWith(EMPTY);

    expect(textOf(byId(element, 'empty-text'))).toBe(
      'This account has no Draft, Active or On hold success plan. 2 earlier plans were completed or cancelled. ' +
        'Create one from a template below.'
    );
    expect(field(element, 'create', 'templateName').options).toEqual([
      { label: 'Onboarding to first value: Onboarding, 90 days, 3 objectives, 4 milestones', value: 'Onboarding' },
      { label: 'Adoption: Adoption, 180 days, 2 objectives, 1 milestone', value: 'Adoption' },
      { label: 'Pre-renewal: Pre-renewal, 180 days, 1 objective, 5 milestones', value: 'PreRenewal' }
    ]);
    expect(field(element, 'create', 'startDate').value).toBe('2026-12-02');
    expect(field(element, 'create', 'executiveSponsorId').options).toEqual([
      { label: 'None', value: '' },
      { label: 'Maria Lopez, CIO', value: '003000000000001AAA' },
      { label: 'Sam Chen', value: '003000000000002AAA' }
    ]);
    expect(byId(element, 'export')).toBeNull();
    expect(byId(element, 'header')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('describes the chosen template', async () => {
    const element = await mountWith(EMPTY);
    change(element, 'create', 'templateName', 'Adoption');
    await flush();

    expect(textOf(byId(element, 'template-description'))).toBe('Broadens daily use across teams and licences.');
  });

  it('shows no create form to a user who cannot create', async () => {
    const element = await mountWith({ ...EMPTY, canCreate: false, pastPlanCount: 1 });

    expect(byId(element, 'create-form')).toBeNull();
    expect(textOf(byId(element, 'empty-text'))).toBe(
      'This account has no Draft, Active or On hold success plan. 1 earlier plan was completed or cancelled. ' +
        'Ask a user who can create success plans to start one from a template.'
    );
    await expect(element).toBeAccessible();
  });

  it('shows why the templates did not load', async () => {
    const element = mount();
    getPlanAdapter.emit(EMPTY);
    getTemplatesAdapter.error({ message: 'Loading the plan templates failed: timed out.' });
    await flush();

    const panel = byId(element, 'templates-error');
    expect(panel?.friendlyMessage).toBe('The plan templates could not be loaded.');
    expect(byId(element, 'submit-create')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('says when no template is active', async () => {
    const element = await mountWith(EMPTY, []);

    expect(textOf(byId(element, 'no-templates'))).toContain('No plan template is active.');
    expect(byId(element, 'submit-create')).toBeNull();
  });

  it('blocks a plan without a template', async () => {
    const element = await mountWith(EMPTY);
    const templateField = field(element, 'create', 'templateName');
    const setCustomValidity = jest.fn();
    templateField.setCustomValidity = setCustomValidity;
    change(element, 'create', 'startDate', '2028-01-01');
    await flush();

    await click(byId(element, 'submit-create'));

    expect(mockCreateFromTemplate).not.toHaveBeenCalled();
    const errors = textOf(byId(element, 'create-errors'));
    expect(errors).toContain('Choose the template the plan starts from.');
    expect(errors).toContain('Choose a start date from 2025-12-02 to 2027-12-02, within a year of today.');
    expect(setCustomValidity).toHaveBeenCalledWith('Choose the template the plan starts from.');
    await expect(element).toBeAccessible();
  });

  it('creates a plan from a template and refreshes', async () => {
    mockCreateFromTemplate.mockResolvedValue('a0P000000000009AAA');
    const element = await mountWith(EMPTY);
    const toasts = collectToasts(element);
    change(element, 'create', 'templateName', 'Onboarding');
    change(element, 'create', 'startDate', '2026-12-07');
    change(element, 'create', 'executiveSponsorId', '003000000000001AAA');
    await flush();

    await click(byId(element, 'submit-create'));

    expect(mockCreateFromTemplate).toHaveBeenCalledWith({
      accountId: ACCOUNT_ID,
      templateName: 'Onboarding',
      startDate: '2026-12-07',
      executiveSponsorId: '003000000000001AAA',
      championId: null
    });
    expect(toasts).toEqual([
      {
        title: 'Success plan created',
        message: 'The Onboarding to first value plan starts on 2026-12-07 and is Active.',
        variant: 'success'
      }
    ]);
    expect(mockRefreshApex).toHaveBeenCalledTimes(1);
  });

  it('shows the Apex message when creating fails', async () => {
    const message =
      'Account Acme | Widgets, Inc. already has an open success plan (Acme onboarding plan). Complete or cancel it ' +
      'before creating another.';
    mockCreateFromTemplate.mockRejectedValue({ body: { message } });
    const element = await mountWith(EMPTY);
    const toasts = collectToasts(element);
    change(element, 'create', 'templateName', 'Adoption');
    await flush();

    await click(byId(element, 'submit-create'));

    expect(toasts).toEqual([{ title: 'The success plan was not created', message, variant: 'error' }]);
    expect(mockRefreshApex).not.toHaveBeenCalled();
    expect(byId(element, 'submit-create')?.disabled).toBe(false);
  });

  it('checks the plan form on its fields', async () => {
    const element = await mountWith(PLAN);
    await click(byId(element, 'edit-plan'));
    const cadence = field(element, 'plan', 'reviewCadenceDays');
    const setCustomValidity = jest.fn();
    cadence.setCustomValidity = setCustomValidity;
    change(element, 'plan', 'reviewCadenceDays', '400');
    change(element, 'plan', 'nextReview', '2026-12-01');
    await flush();

    await click(byId(element, 'submit-plan'));

    expect(mockUpdatePlan).not.toHaveBeenCalled();
    const errors = textOf(byId(element, 'plan-errors'));
    expect(errors).toContain('400 is not a whole number of days from 1 to 365.');
    expect(errors).toContain('The next review of an Active plan cannot be in the past. Choose 2026-12-02 or later.');
    expect(setCustomValidity).toHaveBeenCalledWith(
      '400 is not a whole number of days from 1 to 365. Enter the days between reviews, for example 30.'
    );
    await expect(element).toBeAccessible();
  });

  it('saves the plan and refreshes', async () => {
    mockUpdatePlan.mockResolvedValue(undefined);
    const element = await mountWith(PLAN);
    const toasts = collectToasts(element);
    await click(byId(element, 'edit-plan'));
    expect(field(element, 'plan', 'status').value).toBe('Active');
    expect(field(element, 'plan', 'reviewCadenceDays').value).toBe('30');
    change(element, 'plan', 'stage', 'Adoption');
    change(element, 'plan', 'championId', '003000000000003AAA');
    change(element, 'plan', 'reviewCadenceDays', '14');
    change(element, 'plan', 'nextReview', '2026-12-16');
    change(element, 'plan', 'escalationPath', '  CSM, then CS manager  ');
    await flush();

    await click(byId(element, 'submit-plan'));

    expect(mockUpdatePlan).toHaveBeenCalledWith({
      planId: 'a0P000000000001AAA',
      status: 'Active',
      stage: 'Adoption',
      executiveSponsorId: '003000000000001AAA',
      championId: '003000000000003AAA',
      reviewCadenceDays: 14,
      nextReview: '2026-12-16',
      escalationPath: 'CSM, then CS manager'
    });
    expect(toasts).toEqual([
      { title: 'Success plan saved', message: 'The plan header is up to date.', variant: 'success' }
    ]);
    expect(byId(element, 'plan-form')).toBeNull();
    expect(mockRefreshApex).toHaveBeenCalledTimes(1);
  });

  it('warns that a closing status closes the plan', async () => {
    mockUpdatePlan.mockResolvedValue(undefined);
    const element = await mountWith(PLAN);
    const toasts = collectToasts(element);
    await click(byId(element, 'edit-plan'));
    change(element, 'plan', 'status', 'Completed');
    change(element, 'plan', 'nextReview', '');
    await flush();

    expect(textOf(byId(element, 'closing-note'))).toContain('Saving with status Completed closes the plan');

    await click(byId(element, 'submit-plan'));

    expect(mockUpdatePlan.mock.calls[0][0]).toMatchObject({ status: 'Completed', nextReview: null });
    expect(toasts[0].message).toBe(
      'The plan is Completed and closed. Create a new plan from a template when the customer needs one.'
    );
  });

  it('cancels the plan form', async () => {
    const element = await mountWith(PLAN);
    await click(byId(element, 'edit-plan'));

    expect(byId(element, 'edit-plan')).toBeNull();
    expect(objectiveButton(element, KNOWLEDGE_OBJECTIVE_ID)?.disabled).toBe(true);

    await click(byId(element, 'cancel-plan'));

    expect(byId(element, 'plan-form')).toBeNull();
    expect(byId(element, 'edit-plan')).not.toBeNull();
    expect(objectiveButton(element, KNOWLEDGE_OBJECTIVE_ID)?.disabled).toBe(false);
  });

  it('rejects a current value that is not a number', async () => {
    const element = await mountWith(PLAN);
    await click(objectiveButton(element, KNOWLEDGE_OBJECTIVE_ID));
    change(element, 'objective', 'currentValue', 'forty');
    await flush();

    await click(byId(element, 'submit-objective'));

    expect(mockUpdateObjective).not.toHaveBeenCalled();
    expect(textOf(byId(element, 'objective-errors'))).toContain('forty is not a number.');
    await expect(element).toBeAccessible();
  });

  it('updates an objective in place', async () => {
    mockUpdateObjective.mockResolvedValue(undefined);
    const element = await mountWith(PLAN);
    const toasts = collectToasts(element);
    await click(objectiveButton(element, KNOWLEDGE_OBJECTIVE_ID));
    expect(byId(element, 'edit-plan')?.disabled).toBe(true);
    const editor = byId(element, 'objective-form');
    expect(editor?.getAttribute('aria-label')).toBe(
      'Update progress of Every support agent uses the knowledge base weekly'
    );
    expect(field(element, 'objective', 'status').value).toBe('AtRisk');
    expect(field(element, 'objective', 'dueDate').value).toBe('2026-11-30');
    change(element, 'objective', 'currentValue', ' 35.5 ');
    change(element, 'objective', 'status', 'OnTrack');
    change(element, 'objective', 'dueDate', '2027-01-15');
    await flush();

    await click(byId(element, 'submit-objective'));

    expect(mockUpdateObjective).toHaveBeenCalledWith({
      objectiveId: KNOWLEDGE_OBJECTIVE_ID,
      currentValue: 35.5,
      status: 'OnTrack',
      dueDate: '2027-01-15'
    });
    expect(toasts[0].title).toBe('Objective updated');
    expect(byId(element, 'objective-form')).toBeNull();
    expect(mockRefreshApex).toHaveBeenCalledTimes(1);
  });

  it('disables the buttons while saving', async () => {
    let resolveSave: () => void = () => undefined;
    mockUpdateObjective.mockReturnValue(
      new Promise<void>((resolve) => {
        resolveSave = resolve;
      })
    );
    const element = await mountWith(PLAN);
    await click(objectiveButton(element, KNOWLEDGE_OBJECTIVE_ID));
    change(element, 'objective', 'currentValue', '20');
    await flush();

    await click(byId(element, 'submit-objective'));

    expect(byId(element, 'submit-objective')?.disabled).toBe(true);
    expect(byId(element, 'cancel-objective')?.disabled).toBe(true);
    expect(milestoneButton(element, OVERDUE_MILESTONE_ID)?.disabled).toBe(true);
    resolveSave();
    await flush();
    expect(byId(element, 'objective-form')).toBeNull();
    expect(milestoneButton(element, OVERDUE_MILESTONE_ID)?.disabled).toBe(false);
  });

  it('keeps the objective editor open when Apex rejects it', async () => {
    mockUpdateObjective.mockRejectedValue({
      body: { message: 'Updating objective a0Q000000000002AAA failed: the plan is closed.' }
    });
    const element = await mountWith(PLAN);
    const toasts = collectToasts(element);
    await click(objectiveButton(element, KNOWLEDGE_OBJECTIVE_ID));

    await click(byId(element, 'submit-objective'));

    expect(mockUpdateObjective).toHaveBeenCalledWith({
      objectiveId: KNOWLEDGE_OBJECTIVE_ID,
      currentValue: null,
      status: 'AtRisk',
      dueDate: '2026-11-30'
    });
    expect(toasts).toEqual([
      {
        title: 'The objective was not saved',
        message: 'Updating objective a0Q000000000002AAA failed: the plan is closed.',
        variant: 'error'
      }
    ]);
    expect(byId(element, 'objective-form')).not.toBeNull();
    expect(mockRefreshApex).not.toHaveBeenCalled();
  });

  it('completes a manual milestone', async () => {
    mockSetMilestoneCompleted.mockResolvedValue(undefined);
    const element = await mountWith(PLAN);
    const toasts = collectToasts(element);

    await click(milestoneButton(element, OVERDUE_MILESTONE_ID));

    expect(mockSetMilestoneCompleted).toHaveBeenCalledWith({ milestoneId: OVERDUE_MILESTONE_ID, completed: true });
    expect(toasts).toEqual([
      { title: 'Milestone completed', message: 'Admins trained is marked complete as of today.', variant: 'success' }
    ]);
    expect(mockRefreshApex).toHaveBeenCalledTimes(1);
  });

  it('reopens a completed milestone', async () => {
    mockSetMilestoneCompleted.mockResolvedValue(undefined);
    const element = await mountWith(PLAN);
    const toasts = collectToasts(element);

    await click(milestoneButton(element, KICKOFF_MILESTONE_ID));

    expect(mockSetMilestoneCompleted).toHaveBeenCalledWith({ milestoneId: KICKOFF_MILESTONE_ID, completed: false });
    expect(toasts[0]).toEqual({
      title: 'Milestone reopened',
      message: 'Kickoff held is open again.',
      variant: 'success'
    });
  });

  it('shows why a milestone could not be reopened', async () => {
    const message = 'Milestone Licences in use completed itself and its criteria are still met, so it stays completed.';
    mockSetMilestoneCompleted.mockRejectedValue({ body: { message } });
    const element = await mountWith(PLAN);
    const toasts = collectToasts(element);

    await click(milestoneButton(element, 'a0R000000000004AAA'));

    expect(toasts).toEqual([{ title: 'The milestone was not reopened', message, variant: 'error' }]);
    expect(mockRefreshApex).not.toHaveBeenCalled();
  });

  it('exports the plan as Markdown with the renewal checkpoints', async () => {
    mockGetCountdown.mockResolvedValue(COUNTDOWN);
    const { blobs, clicked } = mockDownload();
    const element = await mountWith(PLAN);
    const toasts = collectToasts(element);

    await click(byId(element, 'export'));

    expect(mockGetCountdown).toHaveBeenCalledWith({ accountId: ACCOUNT_ID });
    expect(clicked).toEqual([{ href: 'blob:success-plan-1', download: 'acme-widgets-inc-success-plan.md' }]);
    expect(blobs[0].type).toBe('text/markdown;charset=utf-8');
    const markdown = await readBlob(blobs[0]);
    expect(markdown).toContain('# Acme \\| Widgets, Inc.: success plan');
    expect(markdown).toContain('As of 2026-12-02.');
    expect(markdown).toContain('| Executive sponsor | Maria Lopez, CIO |');
    expect(markdown).toContain('next review 2026-11-28 (**overdue** by 4 days)');
    expect(markdown).toContain(
      '| 1 | Cut onboarding time for new agents | Days to first resolved case (days) | Service Cloud Console | 20 | ' +
        '11 | 5 | 60% | OnTrack | 2027-01-31 |'
    );
    expect(markdown).toContain('ActiveDayShare30d at least 40 (now 46.5)');
    expect(markdown).toContain('Auto-completed on 2026-11-18');
    expect(markdown).toContain('**Overdue** by 17 days');
    expect(markdown).toContain('Renewal on 2027-03-31, 119 days away.');
    expect(markdown).toContain('Wants two more teams \\| soon');
    expect(markdown.indexOf('| 2026-10-02 | 180 |')).toBeLessThan(markdown.indexOf('| 2026-12-31 | 90 |'));
    expect(toasts).toEqual([
      { title: 'Success plan exported', message: 'Downloaded acme-widgets-inc-success-plan.md.', variant: 'success' }
    ]);
  });

  it('exports the Readiness section after the plan', async () => {
    mockGetCountdown.mockResolvedValue(COUNTDOWN);
    const { blobs } = mockDownload();
    const element = await mountWith(PLAN);

    await click(byId(element, 'export'));

    const markdown = await readBlob(blobs[0]);
    const readiness = planReadinessOf(PLAN, '2026-12-02');
    expect(readiness).not.toBeNull();
    const section =
      renderReadiness(readiness as ReadinessResult)
        .join('\n')
        .trimEnd() + '\n';
    expect(markdown).toContain('\n\n## Readiness\n\nScore: 66 of 100, needs deeper analysis (50 to 69).\n');
    expect(markdown.endsWith(`\n\n${section}`)).toBe(true);
    expect(markdown.indexOf('## Renewal checkpoints')).toBeLessThan(markdown.indexOf('## Readiness'));
    expect(markdown.match(/^## Readiness$/gm)).toHaveLength(1);
  });

  it('exports without the renewal checkpoints when they cannot be read', async () => {
    mockGetCountdown.mockRejectedValue({
      body: { message: 'Access denied: you cannot read Renewal Checkpoint records.' }
    });
    const { blobs } = mockDownload();
    const element = await mountWith(PLAN);
    const toasts = collectToasts(element);

    await click(byId(element, 'export'));

    const markdown = await readBlob(blobs[0]);
    expect(markdown).toContain('## Milestones');
    expect(markdown).not.toContain('## Renewal checkpoints');
    expect(toasts).toEqual([
      {
        title: 'Success plan exported without the renewal checkpoints',
        message:
          'Downloaded acme-widgets-inc-success-plan.md. The renewal countdown could not be read: Access denied: you ' +
          'cannot read Renewal Checkpoint records.',
        variant: 'warning'
      }
    ]);
  });

  it('releases the previous export URL', async () => {
    mockGetCountdown.mockResolvedValue(COUNTDOWN);
    mockDownload();
    const element = await mountWith(PLAN);

    await click(byId(element, 'export'));
    await click(byId(element, 'export'));
    document.body.removeChild(element);

    expect((URL.revokeObjectURL as jest.Mock).mock.calls).toEqual([['blob:success-plan-1'], ['blob:success-plan-2']]);
  });

  it('shows the error panel when loading fails', async () => {
    const element = mount();
    getPlanAdapter.error({ message: 'Loading the success plan of account 001 failed: timed out.' });
    await flush();

    const panel = byId(element, 'load-error');
    expect(panel?.friendlyMessage).toBe('The success plan could not be loaded.');
    expect((panel?.errors as { body: { message: string } }).body.message).toContain('timed out');
    expect(byId(element, 'access-denied')).toBeNull();
    expect(byId(element, 'export')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows the Apex message when access is denied', async () => {
    const message =
      'Access denied: you cannot read Success Plan records. Ask your admin to assign you the Success Cockpit User ' +
      'permission set.';
    const element = mount();
    getPlanAdapter.error({ message });
    await flush();

    expect(textOf(byId(element, 'access-denied'))).toContain(message);
    expect(byId(element, 'load-error')).toBeNull();
    expect(byId(element, 'create-form')).toBeNull();
    await expect(element).toBeAccessible();
  });
});

describe('planView', () => {
  it('formats values with their unit', () => {
    expect(formatValue(40, '%')).toBe('40%');
    expect(formatValue(12.345, 'hours')).toBe('12.35 hours');
    expect(formatValue(3, '  ')).toBe('3');
    expect(formatValue(null, 'days')).toBe('not set');
    expect(formatValue(1, 'teams')).toBe('1 team');
    expect(formatValue(1, 'entries')).toBe('1 entry');
    expect(formatValue(1, 'class')).toBe('1 class');
    expect(formatValue(1.5, 'teams')).toBe('1.5 teams');
  });

  it('builds the header of a sparse plan', () => {
    const header = buildPlanHeader({
      ...DETAIL,
      status: 'OnHold',
      stage: null,
      startDate: null,
      endDate: null,
      reviewCadenceDays: null,
      nextReview: null,
      isReviewOverdue: true,
      escalationPath: '  ',
      templateName: null,
      executiveSponsor: null,
      progressPercent: null,
      milestonesOverdue: 0
    });

    expect(header.statusLabel).toBe('On hold');
    expect(header.statusClass).toBe('slds-theme_warning');
    expect(header.stageLabel).toBe('No stage');
    expect(header.datesText).toBe('No dates set');
    expect(header.cadenceText).toBe('No review cadence');
    expect(header.nextReviewText).toBe('No review planned');
    expect(header.isReviewOverdue).toBe(false);
    expect(header.escalationPath).toBe('Not set');
    expect(header.sponsorText).toBe('Not named');
    expect(header.progressText).toBe('No measured progress yet');
    expect(header.milestonesText).toBe('3 of 7 milestones completed');
    expect(header.templateText).toBe('');
  });

  it('clamps progress bars to 0..100', () => {
    const rows = buildObjectiveRows({
      ...DETAIL,
      objectives: [{ ...(DETAIL.objectives ?? [])[0], progressPercent: 130 }]
    });

    expect(rows[0].progressValue).toBe(100);
    expect(buildObjectiveRows(null)).toEqual([]);
  });

  it('offers no toggles without edit access', () => {
    const rows = buildMilestoneRows(DETAIL, false);

    expect(rows.every((row) => !row.canComplete && !row.canReopen)).toBe(true);
    expect(rows.map((row) => row.stateLabel)).toEqual([
      'Completed',
      'Overdue',
      'Completed automatically',
      'Completed automatically',
      'Due soon',
      'Upcoming',
      'Upcoming'
    ]);
  });

  it('describes due-today and incomplete criteria', () => {
    const [row] = buildMilestoneRows(
      {
        ...DETAIL,
        milestones: [
          {
            ...(DETAIL.milestones ?? [])[0],
            state: 'DueSoon',
            daysUntilDue: 0,
            criteriaOperator: null,
            measureValue: null
          }
        ]
      },
      true
    );

    expect(row.stateText).toBe('Due soon, today');
    expect(row.measureText).toBe(
      'Measure OpenHighPriorityCases: the operator or value is missing, so it cannot complete automatically'
    );
    expect(row.canComplete).toBe(true);
    expect(row.completionHint).toBe('Manual milestone: mark it complete when the criteria are met.');
  });

  it('lists template and contact options', () => {
    expect(
      templateOptions([
        { ...TEMPLATES[0], name: null },
        { ...TEMPLATES[1], durationDays: null }
      ])
    ).toEqual([{ label: 'Adoption: Adoption, no set length, 2 objectives, 1 milestone', value: 'Adoption' }]);
    const outsider = { id: '003000000000009AAA', name: 'Ola Berg', title: 'CFO' };
    expect(contactOptions(EMPTY.contacts, [outsider, null, EMPTY.contacts?.[0]])).toEqual([
      { label: 'None', value: '' },
      { label: 'Maria Lopez, CIO', value: '003000000000001AAA' },
      { label: 'Sam Chen', value: '003000000000002AAA' },
      { label: 'Ola Berg, CFO', value: '003000000000009AAA' }
    ]);
  });

  it('checks the create form', () => {
    const templates = templateOptions(TEMPLATES);
    const contacts = contactOptions(EMPTY.contacts);
    const valid = { templateName: 'Adoption', startDate: '2026-12-02', executiveSponsorId: '', championId: '' };

    expect(validateCreateForm(valid, '2026-12-02', templates, contacts)).toEqual({});
    expect(validateCreateForm({ ...valid, startDate: '2027-12-02' }, '2026-12-02', templates, contacts)).toEqual({});
    expect(validateCreateForm({ ...valid, startDate: '2027-12-03' }, '2026-12-02', templates, contacts).startDate).toBe(
      'Choose a start date from 2025-12-02 to 2027-12-02, within a year of today.'
    );
    expect(validateCreateForm({ ...valid, startDate: '' }, '2026-12-02', templates, contacts).startDate).toBe(
      'Enter the day the plan starts.'
    );
    expect(validateCreateForm({ ...valid, startDate: '2026-02-30' }, '2026-12-02', templates, contacts).startDate).toBe(
      '2026-02-30 is not a date. Enter a date such as 2026-12-02.'
    );
    expect(
      validateCreateForm({ ...valid, templateName: 'Retired' }, '2026-12-02', templates, contacts).templateName
    ).toBe('Template Retired is not active any more. Choose another template.');
    expect(
      validateCreateForm({ ...valid, championId: '003000000000009AAA' }, '2026-12-02', templates, contacts).championId
    ).toBe('The chosen champion is not a contact of this account. Choose one from the list, or None.');
  });

  it('checks the plan form', () => {
    const contacts = contactOptions(PLAN.contacts);
    const valid = planFormOf(DETAIL);
    const today = '2026-12-02';

    expect(validatePlanForm({ ...valid, nextReview: today }, today, contacts)).toEqual({});
    expect(validatePlanForm({ ...valid, nextReview: '', reviewCadenceDays: '' }, today, contacts)).toEqual({});
    expect(validatePlanForm({ ...valid, nextReview: '2026-12-01' }, today, contacts).nextReview).toBe(
      'The next review of an Active plan cannot be in the past. Choose 2026-12-02 or later.'
    );
    expect(
      validatePlanForm({ ...valid, status: 'OnHold', nextReview: '2026-12-01' }, today, contacts).nextReview
    ).toBeUndefined();
    for (const cadence of ['0', '366', '7.5', 'weekly']) {
      expect(
        validatePlanForm({ ...valid, nextReview: today, reviewCadenceDays: cadence }, today, contacts).reviewCadenceDays
      ).toContain('is not a whole number of days from 1 to 365');
    }
    expect(
      validatePlanForm({ ...valid, nextReview: today, reviewCadenceDays: '365' }, today, contacts).reviewCadenceDays
    ).toBeUndefined();
    expect(validatePlanForm({ ...valid, nextReview: today, status: 'Open' }, today, contacts).status).toBe(
      'Choose the status of the plan.'
    );
    expect(validatePlanForm({ ...valid, nextReview: today, stage: 'Renewal' }, today, contacts).stage).toBe(
      'Choose the stage of the plan, or No stage.'
    );
    expect(
      validatePlanForm({ ...valid, nextReview: today, escalationPath: 'x'.repeat(2001) }, today, contacts)
        .escalationPath
    ).toBe('The escalation path is 2001 characters long, more than the 2000 allowed. Shorten it.');
  });

  it('checks the objective form', () => {
    const valid = objectiveFormOf((DETAIL.objectives ?? [])[0]);

    expect(valid).toEqual({ currentValue: '11', status: 'OnTrack', dueDate: '2027-01-31' });
    expect(validateObjectiveForm(valid)).toEqual({});
    expect(validateObjectiveForm({ ...valid, currentValue: '' })).toEqual({});
    expect(validateObjectiveForm({ ...valid, currentValue: '-2.25' })).toEqual({});
    expect(validateObjectiveForm({ ...valid, currentValue: '1e3' }).currentValue).toContain('1e3 is not a number.');
    expect(validateObjectiveForm({ ...valid, currentValue: '1.234' }).currentValue).toBe(
      '1.234 has more than 2 decimal places. Round it to 2 places.'
    );
    expect(validateObjectiveForm({ ...valid, currentValue: '100000000000000' }).currentValue).toContain('too large');
    expect(validateObjectiveForm({ ...valid, status: '' }).status).toBe('Choose the status of the objective.');
    expect(validateObjectiveForm({ ...valid, dueDate: '31/01/2027' }).dueDate).toBe(
      '31/01/2027 is not a date. Enter a date in the form YYYY-MM-DD, or leave it blank.'
    );
  });

  it('builds Apex parameters with nulls for blanks', () => {
    expect(
      createParamsOf(
        { templateName: 'Adoption', startDate: '2026-12-02', executiveSponsorId: '', championId: '' },
        'acc'
      )
    ).toEqual({
      accountId: 'acc',
      templateName: 'Adoption',
      startDate: '2026-12-02',
      executiveSponsorId: null,
      championId: null
    });
    expect(
      planParamsOf(
        {
          status: 'OnHold',
          stage: '',
          executiveSponsorId: '',
          championId: '',
          reviewCadenceDays: ' ',
          nextReview: '',
          escalationPath: ' '
        },
        'plan'
      )
    ).toEqual({
      planId: 'plan',
      status: 'OnHold',
      stage: null,
      executiveSponsorId: null,
      championId: null,
      reviewCadenceDays: null,
      nextReview: null,
      escalationPath: null
    });
    expect(objectiveParamsOf({ currentValue: '0', status: 'Missed', dueDate: '' }, 'obj')).toEqual({
      objectiveId: 'obj',
      currentValue: 0,
      status: 'Missed',
      dueDate: null
    });
  });

  it('maps the plan view to the engine record', () => {
    const record = toPlanRecord(PLAN);

    expect(record.id).toBe('a0P000000000001AAA');
    expect(record.accountId).toBe(ACCOUNT_ID);
    expect(record.status).toBe('Active');
    expect(record.stage).toBe('Onboarding');
    expect(record.executiveSponsor).toEqual({ id: '003000000000001AAA', name: 'Maria Lopez', title: 'CIO' });
    expect(record.champion).toEqual({ id: '003000000000002AAA', name: 'Sam Chen', title: null });
    expect(record.templateName).toBe('Onboarding');
    expect(record.objectives.map((objective) => objective.sortOrder)).toEqual([1, 2, 3]);
    expect(record.objectives[1]).toEqual({
      id: KNOWLEDGE_OBJECTIVE_ID,
      outcome: 'Every support agent uses the knowledge base weekly',
      successMetric: 'Weekly knowledge users',
      unit: '%',
      baseline: 10,
      target: 80,
      currentValue: null,
      dueDate: '2026-11-30',
      status: 'AtRisk',
      capability: null,
      sortOrder: 2
    });
    expect(record.milestones.map((milestone) => milestone.name)).toEqual([
      'Kickoff held',
      'Admins trained',
      'Weekly active use',
      'Licences in use',
      'No open P1 cases',
      'Executive business review',
      'Expansion workshop'
    ]);
    expect(record.milestones[2]).toEqual({
      id: 'a0R000000000003AAA',
      name: 'Weekly active use',
      objectiveId: KNOWLEDGE_OBJECTIVE_ID,
      phase: 'Days60',
      targetDate: '2026-11-20',
      criteria: 'Agents active on at least 40% of days',
      criteriaMeasure: 'ActiveDayShare30d',
      criteriaOperator: 'AtLeast',
      criteriaValue: 40,
      completedDate: '2026-11-18',
      completionSource: 'Automatic',
      ownerId: '005000000000001AAA',
      ownerName: 'Dana Kim',
      sortOrder: 3
    });
    expect(() => toPlanRecord(EMPTY)).toThrow('The account has no open success plan to export.');
  });

  it('collects measure values and checkpoints for the report', () => {
    expect(measureValuesOf(DETAIL)).toEqual({
      OpenHighPriorityCases: 2,
      ActiveDayShare30d: 46.5,
      LicenseUtilization30d: 52
    });
    expect(measureValuesOf(null)).toEqual({});
    const checkpoints = toCheckpointViews(COUNTDOWN);
    expect(checkpoints.map((checkpoint) => checkpoint.daysBefore)).toEqual([180, 90]);
    expect(checkpoints[0]).toEqual({
      daysBefore: 180,
      dueDate: '2026-10-02',
      playbook: 'QBR',
      taskSubject: 'Hold the renewal QBR',
      guidance: null,
      requiresCall: true,
      state: 'Done',
      opensOn: '2026-09-18',
      call: 'Upside',
      callNote: 'Wants two more teams | soon',
      dataBand: 'Red',
      isDisagreement: true
    });
    expect(toCheckpointViews(null)).toEqual([]);
  });

  it('builds the report input', () => {
    const withRenewal = buildReportInput(PLAN, COUNTDOWN);
    const withoutRenewal = buildReportInput(PLAN, null);

    expect(withRenewal.accountName).toBe('Acme | Widgets, Inc.');
    expect(withRenewal.asOf).toBe('2026-12-02');
    expect(withRenewal.renewalDate).toBe('2027-03-31');
    expect(withRenewal.countdown).toHaveLength(2);
    expect(withoutRenewal.renewalDate).toBeNull();
    expect(withoutRenewal.countdown).toEqual([]);
  });

  it('builds the readiness context from the view', () => {
    const record = toPlanRecord(PLAN);

    const context = planReadinessContextOf(PLAN, record, '2030-01-01');

    expect(context.asOf).toBe('2026-12-02');
    expect(context.isRiskReviewed).toBe(true);
    expect(context.risks.map((risk) => risk.severity)).toEqual(['Critical', 'High', 'Medium']);
    expect(context.risks[0]).toEqual({
      title: 'Adoption risk: Logins fell 45% in 28 days',
      severity: 'Critical',
      hasMitigation: true,
      rung: 'CSM',
      status: 'Mitigating'
    });
    expect(context.customerFeedbackCount).toBe(3);
    expect(context.renewalDate).toBe('2027-03-31');
    expect(context.progress?.objectivesMet).toBe(1);
  });

  it('reviews risks when none is open', () => {
    const view = withChanges({ openRisks: [], asOf: null, renewalDate: null });

    const context = planReadinessContextOf(view, toPlanRecord(view), '2026-12-05');
    const result = planReadinessOf(view, '2026-12-05');

    expect(context.asOf).toBe('2026-12-05');
    expect(context.isRiskReviewed).toBe(true);
    expect(result?.checks.find((check) => check.id === 'severeRisksMitigated')?.points).toBe(15);
    expect(result?.checks.find((check) => check.id === 'renewalAddressed')?.finding).toBe('No renewal date on record.');
  });

  it('scores an unknown severity like Low', () => {
    const view = withChanges({
      openRisks: [{ title: null, severity: 'Severe', hasMitigation: null, rung: null, status: null }]
    });

    const context = planReadinessContextOf(view, toPlanRecord(view), '2026-12-02');

    expect(context.risks).toEqual([
      { title: 'Unnamed risk', severity: 'Low', hasMitigation: false, rung: null, status: 'Open' }
    ]);
  });

  it('labels every band of the readiness panel', () => {
    const result = planReadinessOf(PLAN, '2026-12-02');
    if (result === null) {
      throw new Error('The plan fixture should score.');
    }
    const labels = (['ReadyToPresent', 'Refine', 'DeeperAnalysis', 'BackToDiscovery'] as const).map(
      (band) => readinessPanelOf({ ...result, band }, PLAN).bandLabel
    );

    expect(labels).toEqual(['Ready to present', 'Refine', 'Needs deeper analysis', 'Back to discovery']);
    expect(planReadinessOf(EMPTY)).toBeNull();
  });

  it('validates and shifts ISO dates', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2027-1-05')).toBe(false);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});

import { createElement } from '@lwc/engine-dom';
import RiskRegister from 'c/riskRegister';
import { refreshApex } from '@salesforce/apex';
import getRegister from '@salesforce/apex/RiskRegisterController.getRegister';
import createRisk from '@salesforce/apex/RiskRegisterController.createRisk';
import escalate from '@salesforce/apex/RiskRegisterController.escalate';
import logCheckIn from '@salesforce/apex/RiskRegisterController.logCheckIn';
import closeRisk from '@salesforce/apex/RiskRegisterController.closeRisk';
import {
  buildPlanInput,
  buildRiskRows,
  localDateOf,
  validateCheckInForm,
  validateCloseForm,
  validateCreateForm,
  validateEscalateForm
} from '../registerView';
import registerData from './data/register.json';
import registerEmpty from './data/registerEmpty.json';

jest.mock(
  '@salesforce/apex/RiskRegisterController.getRegister',
  () => {
    const { createApexTestWireAdapter } = jest.requireActual<typeof import('@salesforce/wire-service-jest-util')>(
      '@salesforce/wire-service-jest-util'
    );
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock('@salesforce/apex/RiskRegisterController.createRisk', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/RiskRegisterController.escalate', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/RiskRegisterController.logCheckIn', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/RiskRegisterController.closeRisk', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });

type Register = ApexTypes.RiskRegisterController_Register;

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

const getRegisterAdapter = getRegister as unknown as ApexWireAdapterMock;
const mockCreateRisk = createRisk as unknown as jest.Mock;
const mockEscalate = escalate as unknown as jest.Mock;
const mockLogCheckIn = logCheckIn as unknown as jest.Mock;
const mockCloseRisk = closeRisk as unknown as jest.Mock;
const mockRefreshApex = refreshApex as unknown as jest.Mock;

const ACCOUNT_ID = '001000000000001AAA';
const REGISTER = registerData as Register;
const EMPTY = registerEmpty as Register;
const CASE_RISK_ID = 'a0R000000000002AAA';

function flush(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function withChanges(changes: Partial<Register>): Register {
  return { ...REGISTER, ...changes };
}

function mount(): HTMLElement {
  const element = createElement('c-risk-register', { is: RiskRegister });
  (element as HTMLElement & { recordId: string }).recordId = ACCOUNT_ID;
  document.body.appendChild(element);
  return element;
}

async function mountWith(data: Register): Promise<HTMLElement> {
  const element = mount();
  getRegisterAdapter.emit(data);
  await flush();
  return element;
}

function byId(element: HTMLElement, id: string): HTMLElement | null {
  return element.shadowRoot?.querySelector<HTMLElement>(`[data-id="${id}"]`) ?? null;
}

function allById(element: HTMLElement, id: string): HTMLElement[] {
  return Array.from(element.shadowRoot?.querySelectorAll<HTMLElement>(`[data-id="${id}"]`) ?? []);
}

function action(element: HTMLElement, kind: string, riskId: string): HTMLElement | null {
  return element.shadowRoot?.querySelector<HTMLElement>(`[data-action="${kind}"][data-risk-id="${riskId}"]`) ?? null;
}

function field(element: HTMLElement, name: string): HTMLElement & Record<string, unknown> {
  const input = element.shadowRoot?.querySelector<HTMLElement>(`[data-field="${name}"]`);
  if (!input) {
    throw new Error(`No form field ${name}. Open its form first.`);
  }
  return input as HTMLElement & Record<string, unknown>;
}

function change(element: HTMLElement, name: string, value: string): void {
  field(element, name).dispatchEvent(new CustomEvent('change', { detail: { value } }));
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

describe('c-risk-register', () => {
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
    expect(byId(element, 'risks')).toBeNull();
    expect(getRegisterAdapter.getLastConfig()).toEqual({ accountId: ACCOUNT_ID });
    await expect(element).toBeAccessible();
  });

  it('lists risks in the order Apex sorted them', async () => {
    const element = await mountWith(REGISTER);

    const names = allById(element, 'risk-name').map((heading) => heading.textContent);
    expect(names).toEqual(['Renewal while red', 'High-priority case spike', 'Adoption risk: Training backlog']);
    const severities = allById(element, 'severity') as (HTMLElement & { label: string })[];
    expect(severities.map((badge) => badge.label)).toEqual(['Critical', 'High', 'Low']);
    expect(severities[0].className).toContain('slds-theme_error');
    expect(byId(element, 'summary')?.textContent).toBe('3 open risks, 1 with an overdue check-in, most severe first.');
    await expect(element).toBeAccessible();
  });

  it('shows evidence, indicator, owner, rung and check-in', async () => {
    const element = await mountWith(REGISTER);
    const risk = allById(element, 'risk')[1];

    expect(risk.querySelector('[data-id="evidence"]')?.textContent).toBe(
      '3 high-priority Cases created in the 30 days to 2026-11-30.'
    );
    expect(risk.querySelector('[data-id="indicator"]')?.textContent).toBe('P1 case volume');
    expect(risk.querySelector('[data-id="owner"]')?.textContent).toBe('Lee Park');
    expect(risk.querySelector('[data-id="rung"]')?.textContent).toBe('Manager, deadline 2026-11-30 passed');
    expect(risk.querySelector('[data-id="criteria"]')?.textContent).toBe(
      'Score at least 75 for 2 snapshots and no open high-priority Case'
    );
    expect(risk.querySelector('[data-id="status"]')?.textContent).toContain(
      'Support risk, Mitigating, detected by rule HighPrioritySpike on 2026-11-20'
    );
    expect(risk.querySelector('[data-id="closure-proposed"]')).not.toBeNull();
    const links = Array.from(risk.querySelectorAll<HTMLAnchorElement>('[data-id="evidence-link"] a'));
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      '/lightning/r/500000000000001AAA/view',
      '/lightning/r/500000000000002AAA/view'
    ]);
    const tasks = Array.from(risk.querySelectorAll('[data-id="task"]')).map((task) => task.textContent);
    expect(tasks[0]).toContain('Agree a mitigation plan with the customer');
    expect(tasks[0]).toContain('(Lee Park, due 2026-11-27, overdue)');
    expect(tasks[1]).toContain('(Unassigned, no due date)');
  });

  it('highlights an overdue check-in', async () => {
    const element = await mountWith(REGISTER);
    const [critical, support] = allById(element, 'risk');

    const overdue = support.querySelector('[data-id="check-in"] span');
    expect(overdue?.textContent).toBe('Overdue since 2026-11-29 (every 3 days)');
    expect(overdue?.className).toContain('check-in-overdue');
    expect(support.className).toContain('risk_overdue');
    const onTime = critical.querySelector('[data-id="check-in"] span');
    expect(onTime?.textContent).toBe('Next on 2026-12-05 (every 7 days)');
    expect(onTime?.className).not.toContain('check-in-overdue');
    expect(critical.className).not.toContain('risk_overdue');
  });

  it('renders evidence markup as text', async () => {
    const element = await mountWith(REGISTER);
    const evidence = allById(element, 'evidence')[0];

    expect(evidence.textContent).toContain('Red <b>since</b> 2026-11-16');
    expect(evidence.querySelector('b')).toBeNull();
  });

  it('shows unknown values of a manual risk', async () => {
    const element = await mountWith(REGISTER);
    const manual = allById(element, 'risk')[2];

    expect(manual.querySelector('[data-id="indicator"]')?.textContent).toBe('None recorded');
    expect(manual.querySelector('[data-id="rung"]')?.textContent).toBe('CSM, no deadline');
    expect(manual.querySelector('[data-id="check-in"]')?.textContent?.trim()).toBe('No check-in planned (no cadence)');
    expect(manual.querySelector('[data-id="arr"]')?.textContent?.trim()).toBe('Unknown');
    expect(manual.querySelector('[data-id="status"]')?.textContent).toContain(
      'Champion loss risk, Open, recorded by hand'
    );
    expect(manual.querySelector('[data-id="no-tasks"]')).not.toBeNull();
  });

  it('shows the empty state with ended risks', async () => {
    const element = await mountWith(EMPTY);

    expect(byId(element, 'empty')?.textContent).toContain('No open risk on this account.');
    expect(byId(element, 'empty')?.textContent).toContain('1 earlier risk has ended.');
    expect(byId(element, 'export-plan')).toBeNull();
    expect(byId(element, 'new-risk')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows the error panel when loading fails', async () => {
    const element = mount();
    getRegisterAdapter.error({ message: 'Loading the risk register of account 001 failed: Timed out.' });
    await flush();

    const panel = byId(element, 'load-error') as HTMLElement & { errors: unknown; friendlyMessage: string };
    expect(panel).not.toBeNull();
    expect(panel.friendlyMessage).toBe('The risks could not be loaded.');
    expect((panel.errors as { body: { message: string } }).body.message).toContain('Timed out');
    expect(byId(element, 'access-denied')).toBeNull();
    expect(byId(element, 'new-risk')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows the Apex message when access is denied', async () => {
    const message =
      'Access denied: you cannot read Risk records. Ask your admin to assign you the Success Cockpit User ' +
      'permission set.';
    const element = mount();
    getRegisterAdapter.error({ message });
    await flush();

    expect(byId(element, 'access-denied')?.textContent).toContain(message);
    expect(byId(element, 'load-error')).toBeNull();
    expect(byId(element, 'risks')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('hides actions the user may not take', async () => {
    const element = await mountWith(
      withChanges({ permissions: { canCreate: false, canEscalate: false, canLogCheckIn: false, canClose: true } })
    );

    expect(byId(element, 'new-risk')).toBeNull();
    expect(action(element, 'escalate', CASE_RISK_ID)).toBeNull();
    expect(action(element, 'checkIn', CASE_RISK_ID)).toBeNull();
    expect(action(element, 'close', CASE_RISK_ID)).not.toBeNull();
    expect(byId(element, 'export-plan')).not.toBeNull();
  });

  it('offers no escalation on the last rung', async () => {
    const element = await mountWith(REGISTER);

    expect(action(element, 'escalate', 'a0R000000000001AAA')).toBeNull();
    expect((action(element, 'escalate', CASE_RISK_ID) as HTMLElement & { label: string }).label).toBe('Escalate to VP');
  });

  it('blocks a new risk with missing fields', async () => {
    const element = await mountWith(REGISTER);
    await click(byId(element, 'new-risk'));
    const evidence = field(element, 'evidence');
    const setCustomValidity = jest.fn();
    evidence.setCustomValidity = setCustomValidity;

    await click(byId(element, 'submit-create'));

    expect(mockCreateRisk).not.toHaveBeenCalled();
    const errors = byId(element, 'form-errors')?.textContent ?? '';
    expect(errors).toContain('Choose the category of the risk.');
    expect(errors).toContain('Choose how severe the risk is.');
    expect(errors).toContain('Describe what you observed');
    expect(errors).toContain('Say what must be true to call the risk mitigated.');
    expect(setCustomValidity).toHaveBeenCalledWith('Describe what you observed, with numbers and dates.');
    await expect(element).toBeAccessible();
  });

  it('saves a new risk and refreshes', async () => {
    mockCreateRisk.mockResolvedValue('a0R000000000009AAA');
    const element = await mountWith(REGISTER);
    const toasts = collectToasts(element);
    await click(byId(element, 'new-risk'));
    change(element, 'category', 'Adoption');
    change(element, 'severity', 'High');
    change(element, 'evidence', '  Logins fell from 220 to 90 a week.  ');
    change(element, 'resolutionCriteria', ' Logins back to 200 a week ');
    await flush();

    await click(byId(element, 'submit-create'));

    expect(mockCreateRisk).toHaveBeenCalledWith({
      accountId: ACCOUNT_ID,
      category: 'Adoption',
      severity: 'High',
      evidence: 'Logins fell from 220 to 90 a week.',
      resolutionCriteria: 'Logins back to 200 a week'
    });
    expect(toasts).toEqual([
      {
        title: 'Risk recorded',
        message: 'The High risk is on the CSM rung with a weekly check-in.',
        variant: 'success'
      }
    ]);
    expect(byId(element, 'create-form')).toBeNull();
    expect(mockRefreshApex).toHaveBeenCalledTimes(1);
  });

  it('escalates a risk with a reason', async () => {
    mockEscalate.mockResolvedValue({
      riskId: CASE_RISK_ID,
      fromRung: 'Manager',
      toRung: 'VP',
      ownerName: 'Ari Vega',
      isOwnerChanged: true,
      rungDeadline: '2026-12-07'
    });
    const element = await mountWith(REGISTER);
    const toasts = collectToasts(element);
    await click(action(element, 'escalate', CASE_RISK_ID));
    change(element, 'reason', ' Two P1 Cases breach their SLA. ');
    await flush();

    await click(byId(element, 'submit-escalate'));

    expect(mockEscalate).toHaveBeenCalledWith({ riskId: CASE_RISK_ID, reason: 'Two P1 Cases breach their SLA.' });
    expect(toasts).toEqual([
      {
        title: 'Escalated to VP',
        message: 'Ari Vega now owns it. The rung deadline is 2026-12-07.',
        variant: 'success'
      }
    ]);
    expect(mockRefreshApex).toHaveBeenCalledTimes(1);
  });

  it('says when the owner stays after escalation', async () => {
    mockEscalate.mockResolvedValue({
      riskId: CASE_RISK_ID,
      fromRung: 'Manager',
      toRung: 'VP',
      ownerName: 'Lee Park',
      isOwnerChanged: false,
      rungDeadline: '2026-12-07'
    });
    const element = await mountWith(REGISTER);
    const toasts = collectToasts(element);
    await click(action(element, 'escalate', CASE_RISK_ID));
    change(element, 'reason', 'No answer from the sponsor.');
    await flush();

    await click(byId(element, 'submit-escalate'));

    expect(toasts[0].message).toBe(
      'Lee Park still owns it, because no active user holds the parent role. The rung deadline is 2026-12-07.'
    );
  });

  it('logs a check-in without a date', async () => {
    mockLogCheckIn.mockResolvedValue('00T000000000009AAA');
    const element = await mountWith(REGISTER);
    const toasts = collectToasts(element);
    await click(action(element, 'checkIn', CASE_RISK_ID));
    change(element, 'notes', ' Reviewed the Case backlog. ');
    await flush();

    await click(byId(element, 'submit-check-in'));

    expect(mockLogCheckIn).toHaveBeenCalledWith({ riskId: CASE_RISK_ID, notes: 'Reviewed the Case backlog.' });
    expect(toasts[0].message).toBe('The next check-in follows the cadence of the risk.');
    expect(byId(element, 'check-in-form')).toBeNull();
  });

  it('logs a check-in with a date', async () => {
    mockLogCheckIn.mockResolvedValue('00T000000000009AAA');
    const element = await mountWith(REGISTER);
    const toasts = collectToasts(element);
    await click(action(element, 'checkIn', CASE_RISK_ID));
    change(element, 'notes', 'Call held.');
    change(element, 'nextCheckIn', '2026-12-09');
    await flush();

    await click(byId(element, 'submit-check-in'));

    expect(mockLogCheckIn).toHaveBeenCalledWith({
      riskId: CASE_RISK_ID,
      notes: 'Call held.',
      nextCheckIn: '2026-12-09'
    });
    expect(toasts[0].message).toBe('Next check-in on 2026-12-09.');
    expect(byId(element, 'check-in-form')).toBeNull();
  });

  it('rejects a check-in date beyond 90 days', async () => {
    const element = await mountWith(REGISTER);
    await click(action(element, 'checkIn', CASE_RISK_ID));
    change(element, 'notes', 'Call held.');
    change(element, 'nextCheckIn', '2027-03-03');
    await flush();

    await click(byId(element, 'submit-check-in'));

    expect(mockLogCheckIn).not.toHaveBeenCalled();
    expect(byId(element, 'form-errors')?.textContent).toContain('Choose a date from 2026-12-03 to 2027-03-02');
    expect(field(element, 'nextCheckIn').min).toBe('2026-12-03');
    expect(field(element, 'nextCheckIn').max).toBe('2027-03-02');
  });

  it('closes a risk with an outcome and a note', async () => {
    mockCloseRisk.mockResolvedValue('00T000000000010AAA');
    const element = await mountWith(REGISTER);
    const toasts = collectToasts(element);
    await click(action(element, 'close', CASE_RISK_ID));
    expect(field(element, 'status').options).toEqual([
      { value: 'Mitigated', label: 'Mitigated: the resolution criteria were met' },
      { value: 'Realized', label: 'Realized: the risk happened (churn or downsell)' },
      { value: 'Closed', label: 'Closed: the risk no longer applies' }
    ]);
    change(element, 'status', 'Mitigated');
    change(element, 'note', 'No open P1 Case for a month.');
    await flush();

    await click(byId(element, 'submit-close'));

    expect(mockCloseRisk).toHaveBeenCalledWith({
      riskId: CASE_RISK_ID,
      status: 'Mitigated',
      note: 'No open P1 Case for a month.'
    });
    expect(toasts[0].title).toBe('Risk ended');
    expect(toasts[0].message).toContain('The risk is Mitigated.');
  });

  it('keeps the form open when Apex rejects the closing', async () => {
    mockCloseRisk.mockRejectedValue({
      body: { message: 'Risk High-priority case spike is already Closed. Reload the page to see the current risks.' }
    });
    const element = await mountWith(REGISTER);
    const toasts = collectToasts(element);
    await click(action(element, 'close', CASE_RISK_ID));
    change(element, 'status', 'Closed');
    change(element, 'note', 'Duplicate.');
    await flush();

    await click(byId(element, 'submit-close'));

    expect(toasts).toEqual([
      {
        title: 'The risk was not closed',
        message: 'Risk High-priority case spike is already Closed. Reload the page to see the current risks.',
        variant: 'error'
      }
    ]);
    expect(byId(element, 'close-form')).not.toBeNull();
    expect(mockRefreshApex).not.toHaveBeenCalled();
    await expect(element).toBeAccessible();
  });

  it('disables other actions while a form is open', async () => {
    const element = await mountWith(REGISTER);
    await click(action(element, 'close', CASE_RISK_ID));

    const checkIn = action(element, 'checkIn', 'a0R000000000001AAA') as HTMLElement & { disabled: boolean };
    expect(checkIn.disabled).toBe(true);

    await click(byId(element, 'cancel'));

    expect(byId(element, 'close-form')).toBeNull();
    expect((action(element, 'checkIn', 'a0R000000000001AAA') as HTMLElement & { disabled: boolean }).disabled).toBe(
      false
    );
  });

  it('downloads the risk plan as Markdown', async () => {
    const blobs: Blob[] = [];
    const createObjectURL = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:risk-plan';
    });
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const clicked: { href: string; download: string }[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    const element = await mountWith(REGISTER);
    const toasts = collectToasts(element);

    await click(byId(element, 'export-plan'));

    expect(clicked).toEqual([{ href: 'blob:risk-plan', download: 'acme-widgets-inc-risk-plan.md' }]);
    expect(revokeObjectURL).not.toHaveBeenCalled();
    expect(blobs[0].type).toBe('text/markdown;charset=utf-8');
    const markdown = await readBlob(blobs[0]);
    expect(markdown).toContain('# Acme \\| Widgets, Inc.: risk mitigation plan');
    expect(markdown).toContain('As of 2026-11-30: 3 open risks (1 Critical, 1 High, 1 Low)');
    expect(markdown).toContain('## 2. High-priority case spike: High, Support');
    expect(markdown).toContain('Red \\<b\\>since\\</b\\> 2026-11-16');
    expect(markdown).toContain('- Cases: 500000000000001AAA, 500000000000002AAA');
    expect(markdown).toContain('| Agree a mitigation plan with the customer | Lee Park | 2026-11-27 | Not Started |');
    expect(toasts).toEqual([
      { title: 'Risk plan exported', message: 'Downloaded acme-widgets-inc-risk-plan.md.', variant: 'success' }
    ]);
  });

  it('releases the previous plan URL', async () => {
    let count = 0;
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL: jest.fn(() => `blob:plan-${++count}`), revokeObjectURL });
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const element = await mountWith(REGISTER);

    await click(byId(element, 'export-plan'));
    await click(byId(element, 'export-plan'));
    document.body.removeChild(element);

    expect(revokeObjectURL.mock.calls).toEqual([['blob:plan-1'], ['blob:plan-2']]);
  });
});

describe('registerView', () => {
  it('checks the check-in date range', () => {
    const valid = { notes: 'Call held.', nextCheckIn: '' };

    expect(validateCheckInForm(valid, '2026-12-02')).toEqual({});
    expect(validateCheckInForm({ ...valid, nextCheckIn: '2026-12-03' }, '2026-12-02')).toEqual({});
    expect(validateCheckInForm({ ...valid, nextCheckIn: '2027-03-02' }, '2026-12-02')).toEqual({});
    expect(validateCheckInForm({ ...valid, nextCheckIn: '2026-12-02' }, '2026-12-02').nextCheckIn).toBe(
      'Choose a date from 2026-12-03 to 2027-03-02, or leave it blank to follow the check-in cadence.'
    );
    expect(validateCheckInForm({ ...valid, nextCheckIn: '2027-03-03' }, '2026-12-02').nextCheckIn).toContain(
      'Choose a date'
    );
    expect(validateCheckInForm({ ...valid, notes: '  ' }, '2026-12-02').notes).toBe(
      'Write what you reviewed and what you agreed.'
    );
  });

  it('checks text lengths', () => {
    const create = { category: 'Support', severity: 'Medium', evidence: 'Cases up.', resolutionCriteria: 'x' };

    expect(validateCreateForm(create)).toEqual({});
    expect(validateCreateForm({ ...create, resolutionCriteria: 'x'.repeat(255) })).toEqual({});
    expect(validateCreateForm({ ...create, resolutionCriteria: 'x'.repeat(256) }).resolutionCriteria).toBe(
      'Resolution criteria is 256 characters long, more than the 255 allowed. Shorten it.'
    );
    expect(validateCreateForm({ ...create, category: 'Weather' }).category).toBe('Choose the category of the risk.');
    expect(validateEscalateForm({ reason: 'x'.repeat(256) }).reason).toContain('more than the 255 allowed');
  });

  it('accepts only ending statuses', () => {
    expect(validateCloseForm({ status: 'Realized', note: 'Churned.' })).toEqual({});
    expect(validateCloseForm({ status: 'Open', note: 'Churned.' }).status).toBe(
      'Choose how the risk ends: Mitigated, Realized or Closed.'
    );
    expect(validateCloseForm({ status: 'Closed', note: '' }).note).toBe('Say why the risk ends.');
  });

  it('maps risks to plan entries', () => {
    const input = buildPlanInput(REGISTER);

    expect(input.customer).toBe('Acme | Widgets, Inc.');
    expect(input.asOf).toBe(localDateOf('2026-11-30T14:00:00.000Z'));
    expect(input.risks).toHaveLength(3);
    const support = input.risks[1];
    expect(support.title).toBe('High-priority case spike');
    expect(support.finding.rule).toBe('HighPrioritySpike');
    expect(support.finding.caseIds).toEqual(['500000000000001AAA', '500000000000002AAA']);
    expect(support.finding.detectedOn).toBe(localDateOf('2026-11-20T09:00:00.000Z'));
    expect(support.rung).toBe('Manager');
    expect(support.actions[1]).toEqual({
      subject: 'Review root causes with support',
      owner: null,
      dueDate: null,
      status: 'In Progress'
    });
    const manual = input.risks[2];
    expect(manual.finding.detectedOn).toBe('2026-12-02');
    expect(manual.finding.leadingIndicator).toBe('None recorded');
    expect(manual.finding.resolutionCriteria).toBe('Not set');
    expect(manual.arrAtRisk).toBeNull();
  });

  it('dates the plan by the data, not by the day of the export', () => {
    const risks = (REGISTER.risks ?? []).map((risk) => ({ ...risk, detectedAt: null }));

    expect(buildPlanInput({ ...REGISTER, risks: [] }).asOf).toBe('2026-12-02');
    expect(buildPlanInput({ ...REGISTER, risks }).asOf).toBe('2026-12-02');
    expect(buildPlanInput({ ...REGISTER, today: '2026-12-09' }).asOf).toBe(localDateOf('2026-11-30T14:00:00.000Z'));
  });

  it('builds no rows without a register', () => {
    expect(buildRiskRows(null)).toEqual([]);
    expect(buildRiskRows(EMPTY)).toEqual([]);
  });
});

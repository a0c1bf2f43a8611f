import { createElement } from '@lwc/engine-dom';
import RenewalCountdown from 'c/renewalCountdown';
import { refreshApex } from '@salesforce/apex';
import getCountdown from '@salesforce/apex/RenewalCountdownController.getCountdown';
import recordCall from '@salesforce/apex/RenewalCountdownController.recordCall';
import {
  buildCheckpointRows,
  callLabel,
  describeCallResult,
  describeDataSignal,
  describeDaysToRenewal,
  localDateTimeOf,
  playbookLabel,
  previewCall,
  recordUrl,
  summarizeCheckpoints,
  validateCallForm
} from '../countdownView';
import countdownData from './data/countdown.json';
import countdownNoRenewal from './data/countdownNoRenewal.json';

jest.mock(
  '@salesforce/apex/RenewalCountdownController.getCountdown',
  () => {
    const { createApexTestWireAdapter } = jest.requireActual<typeof import('@salesforce/wire-service-jest-util')>(
      '@salesforce/wire-service-jest-util'
    );
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock('@salesforce/apex/RenewalCountdownController.recordCall', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });

type Countdown = ApexTypes.RenewalCountdownController_CountdownView;
type Checkpoint = ApexTypes.RenewalCountdownController_CheckpointView;

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

const getCountdownAdapter = getCountdown as unknown as ApexWireAdapterMock;
const mockRecordCall = recordCall as unknown as jest.Mock;
const mockRefreshApex = refreshApex as unknown as jest.Mock;

const ACCOUNT_ID = '001000000000001AAA';
const COUNTDOWN = countdownData as Countdown;
const NO_RENEWAL = countdownNoRenewal as Countdown;

function flush(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function withChanges(changes: Partial<Countdown>): Countdown {
  return { ...COUNTDOWN, ...changes };
}

function mount(): HTMLElement {
  const element = createElement('c-renewal-countdown', { is: RenewalCountdown });
  (element as HTMLElement & { recordId: string }).recordId = ACCOUNT_ID;
  document.body.appendChild(element);
  return element;
}

async function mountWith(data: Countdown): Promise<HTMLElement> {
  const element = mount();
  getCountdownAdapter.emit(data);
  await flush();
  return element;
}

function byId(element: HTMLElement, id: string): HTMLElement | null {
  return element.shadowRoot?.querySelector<HTMLElement>(`[data-id="${id}"]`) ?? null;
}

function allById(element: HTMLElement, id: string): HTMLElement[] {
  return Array.from(element.shadowRoot?.querySelectorAll<HTMLElement>(`[data-id="${id}"]`) ?? []);
}

function textOf(element: ParentNode | null, id: string): string {
  return element?.querySelector(`[data-id="${id}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

function checkpoint(element: HTMLElement, daysBefore: number): HTMLElement {
  const item = allById(element, 'checkpoint').find((entry) =>
    textOf(entry, 'checkpoint-heading').startsWith(`${daysBefore} days before`)
  );
  if (!item) {
    throw new Error(`No checkpoint ${daysBefore} days before the renewal is rendered.`);
  }
  return item;
}

function callAction(
  element: HTMLElement,
  daysBefore: number
): (HTMLElement & { label: string; disabled: boolean }) | null {
  return (
    element.shadowRoot?.querySelector<HTMLElement & { label: string; disabled: boolean }>(
      `[data-action="call"][data-days-before="${daysBefore}"]`
    ) ?? null
  );
}

function field(element: HTMLElement, name: string): HTMLElement & Record<string, unknown> {
  const input = element.shadowRoot?.querySelector<HTMLElement>(`[data-field="${name}"]`);
  if (!input) {
    throw new Error(`No form field ${name}. Open the call form first.`);
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

describe('c-renewal-countdown', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('shows a spinner while loading', async () => {
    const element = mount();
    await flush();

    expect(byId(element, 'loading')).not.toBeNull();
    expect(byId(element, 'header')).toBeNull();
    expect(getCountdownAdapter.getLastConfig()).toEqual({ accountId: ACCOUNT_ID });
    await expect(element).toBeAccessible();
  });

  it('shows the renewal date, days and source', async () => {
    const element = await mountWith(COUNTDOWN);

    expect(byId(element, 'renewal-date')?.textContent).toBe('2027-03-02');
    expect(byId(element, 'days')?.textContent).toBe('90');
    expect(byId(element, 'days-caption')?.textContent).toBe('days to renewal');
    expect(textOf(element.shadowRoot, 'source')).toBe('Close date of the open renewal Opportunity: Acme renewal 2027');
    expect(byId(element, 'source-link')?.getAttribute('href')).toBe('/lightning/r/006000000000001AAA/view');
    expect(byId(element, 'as-of')?.textContent).toBe('Countdown as of 2026-12-02.');
    await expect(element).toBeAccessible();
  });

  it('shows the health band as the data signal', async () => {
    const element = await mountWith(COUNTDOWN);

    const band = byId(element, 'band') as HTMLElement & { label: string };
    expect(band.label).toBe('Yellow');
    expect(band.className).toContain('slds-theme_warning');
    expect(textOf(element.shadowRoot, 'score')).toBe('Score 58.5 out of 100');
  });

  it('explains a missing data signal', async () => {
    const element = await mountWith(withChanges({ dataBand: 'Insufficient', dataScore: null }));

    expect(byId(element, 'band')).toBeNull();
    expect(textOf(element.shadowRoot, 'data-signal')).toBe(
      'Insufficient data, so there is no data signal to compare a call with'
    );
  });

  it('names a Contract as the source', async () => {
    const element = await mountWith(
      withChanges({ renewalSource: 'Contract', sourceRecordId: '800000000000001AAA', sourceName: '00000107' })
    );

    expect(textOf(element.shadowRoot, 'source')).toBe('End date of the activated Contract: 00000107');
    expect(byId(element, 'source-link')?.getAttribute('href')).toBe('/lightning/r/800000000000001AAA/view');
  });

  it('lists checkpoints from 365 to 30 days', async () => {
    const element = await mountWith(COUNTDOWN);

    const headings = allById(element, 'checkpoint-heading').map((heading) => heading.textContent?.trim());
    expect(headings).toEqual([
      '365 days before: Value review',
      '270 days before: Sponsor touch',
      '180 days before: QBR',
      '120 days before: Value review',
      '90 days before: Proposal',
      '60 days before: Sponsor touch',
      '30 days before: Proposal'
    ]);
    expect(byId(element, 'summary')?.textContent).toBe(
      '7 checkpoints: 1 skipped, 1 overdue, 2 done, 1 due, 2 upcoming.'
    );
    await expect(element).toBeAccessible();
  });

  it('shows each state with icon and text', async () => {
    const element = await mountWith(COUNTDOWN);

    const states = allById(element, 'state').map((state) => state.textContent?.replace(/\s+/g, ' ').trim());
    expect(states).toEqual([
      'Skipped, renewal found after this checkpoint',
      'Overdue, was due on 2026-06-05, 180 days ago',
      'Done, was due on 2026-09-03',
      'Done, was due on 2026-11-02',
      'Due, due on 2026-12-02',
      'Upcoming, opens on 2026-12-18',
      'Upcoming, opens on 2027-01-17'
    ]);
    const icons = Array.from(element.shadowRoot?.querySelectorAll('lightning-icon') ?? []) as unknown as {
      iconName: string;
      variant: string;
    }[];
    expect(icons.map((icon) => icon.iconName)).toEqual([
      'utility:skip_forward',
      'utility:warning',
      'utility:success',
      'utility:success',
      'utility:clock',
      'utility:event',
      'utility:event'
    ]);
    expect(icons[1].variant).toBe('error');
    expect(checkpoint(element, 270).className).toContain('checkpoint_overdue');
    expect(checkpoint(element, 90).className).toContain('checkpoint_due');
  });

  it('shows due date, playbook, Task and guidance', async () => {
    const element = await mountWith(COUNTDOWN);
    const sponsor = checkpoint(element, 270);

    expect(textOf(sponsor, 'due')).toBe('Due date 2026-06-05');
    expect(textOf(sponsor, 'playbook')).toBe('Sponsor touch');
    const link = sponsor.querySelector<HTMLAnchorElement>('[data-id="task-link"]');
    expect(link?.textContent).toBe('Sponsor touch: meet the executive sponsor');
    expect(link?.getAttribute('href')).toBe('/lightning/r/00T000000000270AAA/view');
    const skipped = checkpoint(element, 365);
    expect(skipped.querySelector('[data-id="task-link"]')).toBeNull();
    expect(textOf(skipped, 'task')).toBe('Value review: outcomes delivered so far');
    expect(checkpoint(element, 60).querySelector('[data-id="guidance"]')).toBeNull();
  });

  it('renders guidance markup as text', async () => {
    const element = await mountWith(COUNTDOWN);
    const guidance = checkpoint(element, 270).querySelector('[data-id="guidance"]');

    expect(guidance?.textContent).toBe(
      '1. Confirm the sponsor still owns the budget.\n2. Share the <b>value summary</b>.'
    );
    expect(guidance?.querySelector('b')).toBeNull();
  });

  it('shows the recorded call beside the band', async () => {
    const element = await mountWith(COUNTDOWN);
    const qbr = checkpoint(element, 180);

    expect(textOf(qbr, 'call-value')).toBe('Commit');
    expect(textOf(qbr, 'call-band')).toBe('Red when the call was recorded');
    expect(qbr.querySelector('[data-id="call-note"]')?.textContent).toBe(
      'Sponsor confirmed the budget.\nProcurement starts in January.'
    );
    expect(textOf(qbr, 'call-recorded')).toBe(`Recorded by Dana Kim on ${localDateTimeOf('2026-09-01T10:30:00.000Z')}`);
    expect(textOf(qbr, 'call-disagreement')).toBe(
      'Flagged for the manager. The Commit call is 2 bands above the Red health band, more than one band apart: ' +
        'the manager should review the call with the CSM.'
    );
    expect(callAction(element, 180)?.label).toBe('Revise call');
  });

  it('offers a call only where one is taken', async () => {
    const element = await mountWith(COUNTDOWN);

    expect(textOf(checkpoint(element, 90), 'no-call')).toBe('No renewal call recorded yet.');
    expect(callAction(element, 90)?.label).toBe('Record call');
    for (const daysBefore of [365, 270, 120, 60, 30]) {
      expect(checkpoint(element, daysBefore).querySelector('[data-id="call"]')).toBeNull();
      expect(callAction(element, daysBefore)).toBeNull();
    }
  });

  it('hides the call section of an upcoming call checkpoint', async () => {
    const upcoming: Checkpoint = { ...(COUNTDOWN.checkpoints as Checkpoint[])[4], state: 'Upcoming' };
    const checkpoints = [...(COUNTDOWN.checkpoints as Checkpoint[])];
    checkpoints[4] = upcoming;
    const element = await mountWith(withChanges({ checkpoints }));

    expect(checkpoint(element, 90).querySelector('[data-id="call"]')).toBeNull();
    expect(callAction(element, 90)).toBeNull();
  });

  it('warns when a call disagrees', async () => {
    const element = await mountWith(COUNTDOWN);

    expect(textOf(element.shadowRoot, 'disagreement-banner')).toContain(
      'A renewal call disagrees with the health data.'
    );
    expect(byId(element, 'disagreement-banner')?.getAttribute('role')).toBe('status');
  });

  it('shows no banner without a disagreement', async () => {
    const element = await mountWith(withChanges({ hasDisagreement: false }));

    expect(byId(element, 'disagreement-banner')).toBeNull();
  });

  it('says when the renewal date has passed', async () => {
    const element = await mountWith(withChanges({ daysToRenewal: -12 }));

    expect(byId(element, 'days')).toBeNull();
    const caption = byId(element, 'days-caption');
    expect(caption?.textContent).toBe('Renewal date passed 12 days ago');
    expect(caption?.className).toContain('slds-text-color_error');
    await expect(element).toBeAccessible();
  });

  it('says when the renewal is today', async () => {
    const element = await mountWith(withChanges({ daysToRenewal: 0 }));

    expect(byId(element, 'days')).toBeNull();
    expect(byId(element, 'days-caption')?.textContent).toBe('The renewal is today');
  });

  it('explains where a renewal date comes from', async () => {
    const element = await mountWith(NO_RENEWAL);

    const text = textOf(element.shadowRoot, 'no-renewal');
    expect(text).toContain('No renewal date');
    expect(text).toContain('close date of an open renewal Opportunity');
    expect(text).toContain('end date of its latest activated Contract');
    expect(textOf(element.shadowRoot, 'no-renewal-signal')).toBe('Health: Green, score 81.');
    expect(byId(element, 'header')).toBeNull();
    expect(byId(element, 'checkpoints')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('says when no checkpoint is active', async () => {
    const element = await mountWith(withChanges({ checkpoints: [], hasDisagreement: false }));

    expect(byId(element, 'header')).not.toBeNull();
    expect(textOf(element.shadowRoot, 'no-checkpoints')).toContain('No renewal checkpoint is active.');
  });

  it('shows the error panel when loading fails', async () => {
    const element = mount();
    getCountdownAdapter.error({ message: 'Loading the renewal countdown of account 001 failed: Timed out.' });
    await flush();

    const panel = byId(element, 'load-error') as HTMLElement & { errors: unknown; friendlyMessage: string };
    expect(panel).not.toBeNull();
    expect(panel.friendlyMessage).toBe('The renewal countdown could not be loaded.');
    expect((panel.errors as { body: { message: string } }).body.message).toContain('Timed out');
    expect(byId(element, 'access-denied')).toBeNull();
    expect(byId(element, 'header')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows the Apex message when access is denied', async () => {
    const message =
      'Access denied: you cannot read Renewal Checkpoint records. Ask your admin to assign you the Success Cockpit ' +
      'User permission set.';
    const element = mount();
    getCountdownAdapter.error({ message });
    await flush();

    expect(textOf(element.shadowRoot, 'access-denied')).toContain(message);
    expect(byId(element, 'load-error')).toBeNull();
    expect(byId(element, 'checkpoints')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows calls but no form to a read-only user', async () => {
    const element = await mountWith(withChanges({ canRecordCall: false }));

    expect(callAction(element, 90)).toBeNull();
    expect(callAction(element, 180)).toBeNull();
    expect(byId(element, 'call-form')).toBeNull();
    expect(textOf(checkpoint(element, 180), 'call-value')).toBe('Commit');
    expect(textOf(checkpoint(element, 90), 'no-call')).toBe('No renewal call recorded yet.');
  });

  it('blocks a call without a choice or note', async () => {
    const element = await mountWith(COUNTDOWN);
    await click(callAction(element, 90));
    const note = field(element, 'note');
    const setCustomValidity = jest.fn();
    note.setCustomValidity = setCustomValidity;

    await click(byId(element, 'submit-call'));

    expect(mockRecordCall).not.toHaveBeenCalled();
    const errors = textOf(element.shadowRoot, 'form-errors');
    expect(errors).toContain('Choose your call: Commit, At risk or Upside.');
    expect(errors).toContain('Write why you make this call, for the manager who reviews it.');
    expect(setCustomValidity).toHaveBeenCalledWith('Write why you make this call, for the manager who reviews it.');
    expect(byId(element, 'call-form')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('previews the comparison as the call changes', async () => {
    const element = await mountWith(COUNTDOWN);
    await click(callAction(element, 90));

    expect(textOf(element.shadowRoot, 'call-preview')).toBe('');
    expect(textOf(element.shadowRoot, 'current-signal')).toBe('Health now: Yellow, score 58.5.');

    change(element, 'call', 'AtRisk');
    await flush();

    const preview = byId(element, 'call-preview');
    expect(textOf(element.shadowRoot, 'call-preview')).toBe(
      'The AtRisk call is 1 band below the Yellow health band, which is within one band.'
    );
    expect(preview?.getAttribute('aria-live')).toBe('polite');
    expect(preview?.querySelector('p')?.className).not.toContain('call-preview_disagreement');

    change(element, 'call', 'Upside');
    await flush();

    expect(textOf(element.shadowRoot, 'call-preview')).toBe(
      'The Upside call is 2 bands above the Yellow health band, more than one band apart: the manager should ' +
        'review the call with the CSM. Saving this call flags it for your manager.'
    );
    expect(preview?.querySelector('p')?.className).toContain('call-preview_disagreement');
  });

  it('records a call that disagrees', async () => {
    mockRecordCall.mockResolvedValue({
      isDisagreement: true,
      dataBand: 'Yellow',
      call: 'Upside',
      explanation: 'The Upside call is 2 bands above the Yellow health band, more than one band apart.'
    });
    const element = await mountWith(COUNTDOWN);
    const toasts = collectToasts(element);
    await click(callAction(element, 90));
    change(element, 'call', 'Upside');
    change(element, 'note', '  Expansion to two more teams is in the quote.  ');
    await flush();

    await click(byId(element, 'submit-call'));

    expect(mockRecordCall).toHaveBeenCalledWith({
      accountId: ACCOUNT_ID,
      daysBefore: 90,
      call: 'Upside',
      note: 'Expansion to two more teams is in the quote.'
    });
    expect(toasts).toEqual([
      {
        title: 'Renewal call flagged for your manager',
        message:
          'Upside recorded beside health band Yellow. The Upside call is 2 bands above the Yellow health band, more ' +
          'than one band apart. The call disagrees with the data, so it is flagged for your manager.',
        variant: 'warning'
      }
    ]);
    expect(byId(element, 'call-form')).toBeNull();
    expect(mockRefreshApex).toHaveBeenCalledTimes(1);
  });

  it('records a call that agrees', async () => {
    mockRecordCall.mockResolvedValue({
      isDisagreement: false,
      dataBand: 'Yellow',
      call: 'Commit',
      explanation: 'The Commit call is 1 band above the Yellow health band, which is within one band.'
    });
    const element = await mountWith(COUNTDOWN);
    const toasts = collectToasts(element);
    await click(callAction(element, 90));
    change(element, 'call', 'Commit');
    change(element, 'note', 'Quote accepted verbally.');
    await flush();

    await click(byId(element, 'submit-call'));

    expect(toasts).toEqual([
      {
        title: 'Renewal call recorded',
        message:
          'Commit recorded beside health band Yellow. The Commit call is 1 band above the Yellow health band, which ' +
          'is within one band.',
        variant: 'success'
      }
    ]);
    expect(mockRefreshApex).toHaveBeenCalledTimes(1);
  });

  it('revises a recorded call', async () => {
    mockRecordCall.mockResolvedValue({ isDisagreement: false, dataBand: 'Yellow', call: 'AtRisk', explanation: null });
    const element = await mountWith(COUNTDOWN);
    await click(callAction(element, 180));

    expect(field(element, 'call').value).toBe('Commit');
    expect(field(element, 'note').value).toBe('Sponsor confirmed the budget.\nProcurement starts in January.');
    expect(textOf(element.shadowRoot, 'call-form')).toContain('Renewal call at 180 days before (QBR)');

    change(element, 'call', 'AtRisk');
    await flush();
    await click(byId(element, 'submit-call'));

    expect(mockRecordCall).toHaveBeenCalledWith({
      accountId: ACCOUNT_ID,
      daysBefore: 180,
      call: 'AtRisk',
      note: 'Sponsor confirmed the budget.\nProcurement starts in January.'
    });
  });

  it('disables the buttons while saving', async () => {
    let resolveCall: (value: unknown) => void = () => undefined;
    mockRecordCall.mockReturnValue(
      new Promise((resolve) => {
        resolveCall = resolve;
      })
    );
    const element = await mountWith(COUNTDOWN);
    await click(callAction(element, 90));
    change(element, 'call', 'Commit');
    change(element, 'note', 'Quote accepted verbally.');
    await flush();

    await click(byId(element, 'submit-call'));

    expect((byId(element, 'submit-call') as HTMLElement & { disabled: boolean }).disabled).toBe(true);
    expect((byId(element, 'cancel') as HTMLElement & { disabled: boolean }).disabled).toBe(true);
    expect(callAction(element, 180)?.disabled).toBe(true);

    resolveCall({ isDisagreement: false, dataBand: 'Yellow', call: 'Commit', explanation: null });
    await flush();

    expect(byId(element, 'call-form')).toBeNull();
    expect(callAction(element, 180)?.disabled).toBe(false);
  });

  it('keeps the form open when Apex rejects the call', async () => {
    mockRecordCall.mockRejectedValue({
      body: { message: 'Checkpoint 90 days before is not open yet. It opens on 2026-11-18.' }
    });
    const element = await mountWith(COUNTDOWN);
    const toasts = collectToasts(element);
    await click(callAction(element, 90));
    change(element, 'call', 'Commit');
    change(element, 'note', 'Quote accepted verbally.');
    await flush();

    await click(byId(element, 'submit-call'));

    expect(toasts).toEqual([
      {
        title: 'The renewal call was not saved',
        message: 'Checkpoint 90 days before is not open yet. It opens on 2026-11-18.',
        variant: 'error'
      }
    ]);
    expect(byId(element, 'call-form')).not.toBeNull();
    expect((byId(element, 'submit-call') as HTMLElement & { disabled: boolean }).disabled).toBe(false);
    expect(mockRefreshApex).not.toHaveBeenCalled();
    await expect(element).toBeAccessible();
  });

  it('closes the form on cancel', async () => {
    const element = await mountWith(COUNTDOWN);
    await click(callAction(element, 90));

    expect(callAction(element, 90)).toBeNull();
    expect(callAction(element, 180)?.disabled).toBe(true);

    await click(byId(element, 'cancel'));

    expect(byId(element, 'call-form')).toBeNull();
    expect(callAction(element, 90)?.disabled).toBe(false);
    expect(mockRecordCall).not.toHaveBeenCalled();
  });
});

describe('countdownView', () => {
  it('describes the days to renewal', () => {
    expect(describeDaysToRenewal(90)).toEqual({ count: '90', caption: 'days to renewal', isPassed: false });
    expect(describeDaysToRenewal(1)).toEqual({ count: '1', caption: 'day to renewal', isPassed: false });
    expect(describeDaysToRenewal(0)).toEqual({ count: '', caption: 'The renewal is today', isPassed: false });
    expect(describeDaysToRenewal(-1)).toEqual({ count: '', caption: 'Renewal date passed 1 day ago', isPassed: true });
    expect(describeDaysToRenewal(null).caption).toBe('No renewal date');
  });

  it('labels playbooks and calls', () => {
    expect(playbookLabel('ValueReview')).toBe('Value review');
    expect(playbookLabel('SponsorTouch')).toBe('Sponsor touch');
    expect(playbookLabel('QBR')).toBe('QBR');
    expect(playbookLabel('Proposal')).toBe('Proposal');
    expect(playbookLabel('Workshop')).toBe('Workshop');
    expect(playbookLabel(null)).toBe('Playbook');
    expect(callLabel('AtRisk')).toBe('At risk');
    expect(callLabel('Upside')).toBe('Upside');
    expect(callLabel(null)).toBe('No call');
  });

  it('describes the data signal', () => {
    expect(describeDataSignal('Red', 31.04)).toBe('Red, score 31');
    expect(describeDataSignal('Green', null)).toBe('Green');
    expect(describeDataSignal('Insufficient', null)).toBe(
      'Insufficient data, so there is no data signal to compare a call with'
    );
    expect(describeDataSignal(null, null)).toBe('Not scored yet, so there is no data signal to compare a call with');
  });

  it('checks the call form', () => {
    const valid = { call: 'Commit', note: 'Budget confirmed.' };

    expect(validateCallForm(valid)).toEqual({});
    expect(validateCallForm({ ...valid, note: 'x'.repeat(2000) })).toEqual({});
    expect(validateCallForm({ ...valid, note: ` ${'x'.repeat(2000)} ` })).toEqual({});
    expect(validateCallForm({ ...valid, note: 'x'.repeat(2001) }).note).toBe(
      'Note is 2001 characters long, more than the 2000 allowed. Shorten it.'
    );
    expect(validateCallForm({ ...valid, note: '   ' }).note).toBe(
      'Write why you make this call, for the manager who reviews it.'
    );
    expect(validateCallForm({ ...valid, call: 'Maybe' }).call).toBe('Choose your call: Commit, At risk or Upside.');
    expect(validateCallForm({ ...valid, call: '' }).call).toBe('Choose your call: Commit, At risk or Upside.');
  });

  it('previews calls with the engine rule', () => {
    expect(previewCall('', 'Red')).toBeNull();
    expect(previewCall('Commit', 'Green')).toEqual({
      text: 'The Commit call matches the Green health band.',
      isDisagreement: false,
      className: 'slds-text-color_weak'
    });
    expect(previewCall('AtRisk', 'Green')?.isDisagreement).toBe(true);
    expect(previewCall('Upside', 'Green')?.isDisagreement).toBe(false);
    const withoutBand = previewCall('Commit', null);
    expect(withoutBand?.isDisagreement).toBe(false);
    expect(withoutBand?.text).toContain('There is no data signal to compare');
    expect(previewCall('AtRisk', 'Insufficient')?.isDisagreement).toBe(false);
  });

  it('words the call result', () => {
    expect(describeCallResult({ isDisagreement: false, dataBand: null, call: 'Commit', explanation: null })).toEqual({
      title: 'Renewal call recorded',
      message: 'Commit recorded beside no health band.',
      variant: 'success'
    });
    const flagged = describeCallResult({ isDisagreement: true, dataBand: 'Red', call: 'Commit', explanation: null });
    expect(flagged.variant).toBe('warning');
    expect(flagged.message).toContain('flagged for your manager');
  });

  it('builds rows from the countdown', () => {
    const rows = buildCheckpointRows(COUNTDOWN);

    expect(rows).toHaveLength(7);
    expect(rows.map((row) => row.isCallOpen)).toEqual([false, false, true, false, true, false, false]);
    expect(rows[2].call?.isDisagreement).toBe(true);
    expect(rows[4].call).toBeNull();
    expect(rows[4].hasTask).toBe(true);
    expect(buildCheckpointRows(null)).toEqual([]);
    expect(buildCheckpointRows(NO_RENEWAL)).toEqual([]);
  });

  it('keeps an unknown state as stored', () => {
    const stored: Checkpoint = { ...(COUNTDOWN.checkpoints as Checkpoint[])[5], state: 'Paused' };
    const [row] = buildCheckpointRows(withChanges({ checkpoints: [stored] }));

    expect(row.stateLabel).toBe('Paused');
    expect(row.iconName).toBe('utility:event');
    expect(summarizeCheckpoints([row])).toBe('1 checkpoint: 1 paused.');
    expect(summarizeCheckpoints([])).toBe('');
  });

  it('formats record links and times', () => {
    expect(recordUrl('00T000000000001AAA')).toBe('/lightning/r/00T000000000001AAA/view');
    expect(recordUrl(null)).toBe('');
    expect(localDateTimeOf(null)).toBe('');
    expect(localDateTimeOf('yesterday')).toBe('yesterday');
    expect(localDateTimeOf('2026-09-01T10:30:00.000Z')).toMatch(/^2026-09-0[12] \d{2}:\d{2}$/);
  });
});

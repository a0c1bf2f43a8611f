import { createElement } from '@lwc/engine-dom';
import HealthJobStatus from 'c/healthJobStatus';
import getStatus from '@salesforce/apex/HealthJobController.getStatus';
import ensureScheduled from '@salesforce/apex/HealthJobController.ensureScheduled';
import { buildWarnings, describeFailures, describeLastRun, formatDateTime } from '../jobStatusView';
import statusData from './data/status.json';
import statusProblems from './data/statusProblems.json';
import statusUnscheduled from './data/statusUnscheduled.json';

jest.mock('@salesforce/apex/HealthJobController.getStatus', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/HealthJobController.ensureScheduled', () => ({ default: jest.fn() }), {
  virtual: true
});

type JobStatus = ApexTypes.HealthJobStatus;

interface Toast {
  title: string;
  message: string;
  variant: string;
}

const mockGetStatus = getStatus as unknown as jest.Mock;
const mockEnsureScheduled = ensureScheduled as unknown as jest.Mock;

const HEALTHY = statusData as JobStatus;
const PROBLEMS = statusProblems as JobStatus;
const UNSCHEDULED = statusUnscheduled as JobStatus;
const PERMISSION_MESSAGE =
  'You do not have the Recalculate Health permission, so you cannot view or schedule the health job. Ask your ' +
  'Salesforce admin to assign you the Success Cockpit Admin permission set.';

function flush(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

async function mount(): Promise<HTMLElement> {
  const element = createElement('c-health-job-status', { is: HealthJobStatus });
  document.body.appendChild(element);
  await flush();
  return element;
}

function byId(element: HTMLElement, id: string): HTMLElement | null {
  return element.shadowRoot?.querySelector<HTMLElement>(`[data-id="${id}"]`) ?? null;
}

function textOf(element: HTMLElement, id: string): string {
  return (byId(element, id)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function warningKeys(element: HTMLElement): string[] {
  return Array.from(element.shadowRoot?.querySelectorAll<HTMLElement>('[data-id="warning"]') ?? []).map(
    (warning) => warning.dataset.key ?? ''
  );
}

function collectToasts(element: HTMLElement): Toast[] {
  const toasts: Toast[] = [];
  element.addEventListener('lightning__showtoast', (event) => toasts.push((event as CustomEvent<Toast>).detail));
  return toasts;
}

describe('c-health-job-status', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('shows a spinner while loading', async () => {
    mockGetStatus.mockReturnValue(new Promise(() => undefined));

    const element = await mount();

    expect(byId(element, 'loading')).not.toBeNull();
    expect(byId(element, 'ensure-scheduled')).toBeNull();
    expect(mockGetStatus).toHaveBeenCalledTimes(1);
    await expect(element).toBeAccessible();
  });

  it('shows schedule, last run, errors and run-as user', async () => {
    mockGetStatus.mockResolvedValue(HEALTHY);

    const element = await mount();

    expect(textOf(element, 'schedule')).toBe('Scheduled daily. Next run:');
    expect((byId(element, 'next-run') as HTMLElement & { value: string }).value).toBe('2026-04-01T09:00:00.000Z');
    expect((byId(element, 'last-run-time') as HTMLElement & { value: string }).value).toBe('2026-03-31T09:42:10.000Z');
    expect(textOf(element, 'last-run-text')).toBe('SnapshotRetentionBatch: Completed.');
    expect(byId(element, 'last-run-message')).toBeNull();
    expect(textOf(element, 'failures')).toBe('None');
    expect(textOf(element, 'run-as-name')).toBe('Ada Admin');
    const badge = byId(element, 'run-as-badge') as HTMLElement & { label: string };
    expect(badge.label).toBe('Active');
    expect(badge.className).toContain('slds-theme_success');
    expect(byId(element, 'warnings')).toBeNull();
    expect(byId(element, 'loading')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('warns about an inactive user and failures', async () => {
    mockGetStatus.mockResolvedValue(PROBLEMS);

    const element = await mount();

    expect(warningKeys(element)).toEqual(['inactive-user', 'last-run-failed', 'failures']);
    expect(textOf(element, 'warnings')).toContain(
      'The health job runs as Former <i>Admin</i>, who is inactive, so it does not run.'
    );
    expect(byId(element, 'warnings')?.querySelector('i')).toBeNull();
    expect(textOf(element, 'warnings')).toContain('The first error was: First error: Apex CPU time limit exceeded');
    expect(textOf(element, 'last-run-text')).toBe('HealthScoringBatch: Failed, 2 failed chunks.');
    expect(textOf(element, 'last-run-message')).toBe('First error: Apex CPU time limit exceeded');
    expect(textOf(element, 'failures')).toBe('3 errors. See the Cockpit Log records for the messages and record Ids.');
    const badge = byId(element, 'run-as-badge') as HTMLElement & { label: string };
    expect(badge.label).toBe('Inactive');
    expect(badge.className).toContain('slds-theme_error');
    await expect(element).toBeAccessible();
  });

  it('shows an unscheduled job', async () => {
    mockGetStatus.mockResolvedValue(UNSCHEDULED);

    const element = await mount();

    expect(warningKeys(element)).toEqual(['not-scheduled']);
    expect(textOf(element, 'schedule')).toBe('Not scheduled');
    expect(byId(element, 'next-run')).toBeNull();
    expect(textOf(element, 'last-run-text')).toBe('No batch job of the health job has run yet.');
    expect(textOf(element, 'run-as')).toBe('Nobody: the job is not scheduled');
    expect(byId(element, 'ensure-scheduled')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('schedules the job and shows the new status', async () => {
    mockGetStatus.mockResolvedValue(UNSCHEDULED);
    mockEnsureScheduled.mockResolvedValue(HEALTHY);
    const element = await mount();
    const toasts = collectToasts(element);

    byId(element, 'ensure-scheduled')?.click();
    await flush();

    expect(mockEnsureScheduled).toHaveBeenCalledTimes(1);
    expect(textOf(element, 'schedule')).toBe('Scheduled daily. Next run:');
    expect(warningKeys(element)).toEqual([]);
    expect(toasts).toHaveLength(1);
    expect(toasts[0].variant).toBe('success');
    expect(toasts[0].title).toBe('Health job scheduled');
    expect(toasts[0].message).toBe(
      `It runs next on ${formatDateTime(HEALTHY.nextRun)} as Ada Admin. Any earlier schedule was replaced.`
    );
  });

  it('reports a failed scheduling in a toast', async () => {
    mockGetStatus.mockResolvedValue(UNSCHEDULED);
    mockEnsureScheduled.mockRejectedValue({
      body: { message: 'The health job could not be scheduled: Too many scheduled jobs. Check that you can schedule.' }
    });
    const element = await mount();
    const toasts = collectToasts(element);

    byId(element, 'ensure-scheduled')?.click();
    await flush();

    expect(toasts).toEqual([
      {
        title: 'The health job was not scheduled',
        message: 'The health job could not be scheduled: Too many scheduled jobs. Check that you can schedule.',
        variant: 'error'
      }
    ]);
    expect(textOf(element, 'schedule')).toBe('Not scheduled');
    expect((byId(element, 'ensure-scheduled') as HTMLElement & { disabled: boolean }).disabled).toBe(false);
  });

  it('reloads the status on refresh', async () => {
    mockGetStatus.mockResolvedValueOnce(UNSCHEDULED).mockResolvedValueOnce(HEALTHY);
    const element = await mount();

    byId(element, 'refresh')?.click();
    await flush();

    expect(mockGetStatus).toHaveBeenCalledTimes(2);
    expect(textOf(element, 'run-as-name')).toBe('Ada Admin');
  });

  it('shows the Apex message when permission is missing', async () => {
    mockGetStatus.mockRejectedValue({ body: { message: PERMISSION_MESSAGE } });

    const element = await mount();

    expect(textOf(element, 'permission-denied')).toContain(PERMISSION_MESSAGE);
    expect(byId(element, 'ensure-scheduled')).toBeNull();
    expect(byId(element, 'load-error')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows the error panel when loading fails', async () => {
    mockGetStatus.mockRejectedValue({
      body: { message: 'The health job status could not be read: Timed out. Check that you can view Setup.' }
    });

    const element = await mount();

    const panel = byId(element, 'load-error') as HTMLElement & { errors: unknown; friendlyMessage: string };
    expect(panel).not.toBeNull();
    expect(panel.friendlyMessage).toBe('The health job status could not be loaded.');
    expect(byId(element, 'permission-denied')).toBeNull();
    expect(byId(element, 'ensure-scheduled')).toBeNull();
    await expect(element).toBeAccessible();
  });
});

describe('jobStatusView', () => {
  it('describes the last run', () => {
    expect(describeLastRun(HEALTHY)).toBe('SnapshotRetentionBatch: Completed.');
    expect(describeLastRun({ ...PROBLEMS, lastRunFailedChunks: 1 })).toBe(
      'HealthScoringBatch: Failed, 1 failed chunk.'
    );
    expect(describeLastRun(UNSCHEDULED)).toBe('No batch job of the health job has run yet.');
  });

  it('describes failures', () => {
    expect(describeFailures(0)).toBe('None');
    expect(describeFailures(null)).toBe('None');
    expect(describeFailures(1)).toBe('1 error. See the Cockpit Log records for the messages and record Ids.');
  });

  it('orders warnings by urgency', () => {
    expect(buildWarnings({ ...PROBLEMS, isScheduled: false }).map((warning) => warning.key)).toEqual([
      'not-scheduled',
      'last-run-failed',
      'failures'
    ]);
    expect(buildWarnings({ ...HEALTHY, lastRunStatus: 'Aborted' }).map((warning) => warning.key)).toEqual([
      'last-run-failed'
    ]);
    expect(buildWarnings(HEALTHY)).toEqual([]);
  });

  it('formats date and time', () => {
    // ICU versions differ in the space before AM (a narrow no-break space in newer ones).
    expect(formatDateTime('2026-04-01T09:00:00.000Z', 'en-US', 'UTC').replace(/\s/g, ' ')).toBe('Apr 1, 2026, 9:00 AM');
    expect(formatDateTime('not a date', 'en-US', 'UTC')).toBe('');
    expect(formatDateTime(null)).toBe('');
  });
});

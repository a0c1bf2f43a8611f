import { createElement } from '@lwc/engine-dom';
import HealthJobStatus, { POLL_INTERVAL_MS } from 'c/healthJobStatus';
import getStatus from '@salesforce/apex/HealthJobController.getStatus';
import ensureScheduled from '@salesforce/apex/HealthJobController.ensureScheduled';
import runNow from '@salesforce/apex/HealthJobController.runNow';
import unschedule from '@salesforce/apex/HealthJobController.unschedule';
import {
  buildErrorRows,
  buildRunRows,
  buildWarnings,
  describeErrorCount,
  describeFailures,
  describeLastRun,
  describeStartedRun,
  formatDateTime,
  hasActiveJob
} from '../jobStatusView';
import statusData from './data/status.json';
import statusProblems from './data/statusProblems.json';
import statusRunning from './data/statusRunning.json';
import statusUnscheduled from './data/statusUnscheduled.json';
import statusViewOnly from './data/statusViewOnly.json';

jest.mock('@salesforce/apex/HealthJobController.getStatus', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/HealthJobController.ensureScheduled', () => ({ default: jest.fn() }), {
  virtual: true
});
jest.mock('@salesforce/apex/HealthJobController.runNow', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/HealthJobController.unschedule', () => ({ default: jest.fn() }), { virtual: true });

type JobStatus = ApexTypes.HealthJobStatus;

interface Toast {
  title: string;
  message: string;
  variant: string;
}

const mockGetStatus = getStatus as unknown as jest.Mock;
const mockEnsureScheduled = ensureScheduled as unknown as jest.Mock;
const mockRunNow = runNow as unknown as jest.Mock;
const mockUnschedule = unschedule as unknown as jest.Mock;

const HEALTHY = statusData as JobStatus;
const PROBLEMS = statusProblems as JobStatus;
const RUNNING = statusRunning as JobStatus;
const UNSCHEDULED = statusUnscheduled as JobStatus;
const VIEW_ONLY = statusViewOnly as JobStatus;
const PERMISSION_MESSAGE =
  'Access denied: you need the Control Health Jobs or the Recalculate Health custom permission to view the health ' +
  'job. Ask your Salesforce admin to assign you the Success Cockpit Admin permission set.';

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

function allById(element: HTMLElement, id: string): HTMLElement[] {
  return Array.from(element.shadowRoot?.querySelectorAll<HTMLElement>(`[data-id="${id}"]`) ?? []);
}

function textOf(element: HTMLElement | null): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function textById(element: HTMLElement, id: string): string {
  return textOf(byId(element, id));
}

function warningKeys(element: HTMLElement): string[] {
  return allById(element, 'warning').map((warning) => warning.dataset.key ?? '');
}

function isDisabled(element: HTMLElement, id: string): boolean {
  return (byId(element, id) as (HTMLElement & { disabled: boolean }) | null)?.disabled === true;
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

    expect(textById(element, 'schedule')).toBe('Scheduled daily. Next run:');
    expect((byId(element, 'next-run') as HTMLElement & { value: string }).value).toBe('2026-04-01T09:00:00.000Z');
    expect((byId(element, 'last-run-time') as HTMLElement & { value: string }).value).toBe('2026-03-31T09:42:10.000Z');
    expect(textById(element, 'last-run-text')).toBe('SnapshotRetentionBatch: Completed.');
    expect(byId(element, 'last-run-message')).toBeNull();
    expect(textById(element, 'failures')).toBe('None');
    expect(textById(element, 'run-as-name')).toBe('Ada Admin');
    const badge = byId(element, 'run-as-badge') as HTMLElement & { label: string };
    expect(badge.label).toBe('Active');
    expect(badge.className).toContain('slds-theme_success');
    expect(byId(element, 'warnings')).toBeNull();
    expect(byId(element, 'loading')).toBeNull();
    expect(byId(element, 'running')).toBeNull();
    expect(byId(element, 'view-only')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('lists the latest job of each step', async () => {
    mockGetStatus.mockResolvedValue(HEALTHY);

    const element = await mount();

    const rows = allById(element, 'run-row');
    expect(rows.map((row) => row.dataset.className)).toEqual([
      'LoginRollupBatch',
      'HealthScoringBatch',
      'SnapshotRetentionBatch'
    ]);
    expect(textOf(rows[1].querySelector('[data-id="run-label"]'))).toBe('Health scoring');
    expect(textOf(rows[1].querySelector('th'))).toContain('HealthScoringBatch');
    expect(textOf(rows[1])).toContain('12 of 12');
    expect(textOf(rows[2])).toContain('None');
    expect(textById(element, 'no-run-errors')).toBe('The last run logged no errors.');
    expect(byId(element, 'errors-table')).toBeNull();
    expect(byId(element, 'runs-table')?.querySelector('caption')?.textContent).toBe('Latest batch job of each step');
  });

  it('warns about an inactive user and failures', async () => {
    mockGetStatus.mockResolvedValue(PROBLEMS);

    const element = await mount();

    expect(warningKeys(element)).toEqual(['inactive-user', 'last-run-failed', 'failures']);
    expect(textById(element, 'warnings')).toContain(
      'The health job runs as Former <i>Admin</i>, who is inactive, so it does not run.'
    );
    expect(byId(element, 'warnings')?.querySelector('i')).toBeNull();
    expect(textById(element, 'warnings')).toContain('The first error was: First error: Apex CPU time limit exceeded');
    expect(textById(element, 'last-run-text')).toBe('HealthScoringBatch: Failed, 2 failed chunks.');
    expect(textById(element, 'last-run-message')).toBe('First error: Apex CPU time limit exceeded');
    expect(textById(element, 'failures')).toBe(
      '3 errors. See the Cockpit Log records for the messages and record Ids.'
    );
    const badge = byId(element, 'run-as-badge') as HTMLElement & { label: string };
    expect(badge.label).toBe('Inactive');
    expect(badge.className).toContain('slds-theme_error');
    await expect(element).toBeAccessible();
  });

  it('lists the errors of the last run with record Ids', async () => {
    mockGetStatus.mockResolvedValue(PROBLEMS);

    const element = await mount();

    expect(textById(element, 'errors-caption')).toBe('Latest 2 of 23 errors of the last run');
    const rows = allById(element, 'error-row');
    expect(rows).toHaveLength(2);
    expect(textOf(rows[0])).toContain('HealthScoringBatch.execute');
    expect(textOf(rows[0])).toContain('Upsert of <b>snapshots</b> failed: REQUIRED_FIELD_MISSING');
    expect(rows[0].querySelector('b')).toBeNull();
    expect(allById(element, 'error-record-ids').map(textOf)).toEqual([
      '0015g00000AcMeAAAA, 0015g00000GlObXAAA',
      'None'
    ]);
    expect(textOf(allById(element, 'run-row')[1])).toContain('First error: Apex CPU time limit exceeded');
    expect(byId(element, 'no-run-errors')).toBeNull();
  });

  it('shows an unscheduled job without runs', async () => {
    mockGetStatus.mockResolvedValue(UNSCHEDULED);

    const element = await mount();

    expect(warningKeys(element)).toEqual(['not-scheduled']);
    expect(textById(element, 'schedule')).toBe('Not scheduled');
    expect(byId(element, 'next-run')).toBeNull();
    expect(textById(element, 'last-run-text')).toBe('No batch job of the health job has run yet.');
    expect(textById(element, 'run-as')).toBe('Nobody: the job is not scheduled');
    expect(byId(element, 'ensure-scheduled')).not.toBeNull();
    expect(byId(element, 'unschedule')).toBeNull();
    expect(byId(element, 'runs-table')).toBeNull();
    expect(byId(element, 'no-run-errors')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('disables run now while a run is in progress', async () => {
    mockGetStatus.mockResolvedValue(RUNNING);

    const element = await mount();

    expect(textById(element, 'running')).toContain('A run is in progress.');
    expect(isDisabled(element, 'run-now')).toBe(true);
    expect(isDisabled(element, 'ensure-scheduled')).toBe(false);
    expect(textOf(allById(element, 'run-row')[0])).toContain('Not yet');
    expect(textOf(allById(element, 'run-row')[0])).toContain('Not counted yet');
    await expect(element).toBeAccessible();
  });

  it('hides the actions from a user who may only view', async () => {
    mockGetStatus.mockResolvedValue(VIEW_ONLY);

    const element = await mount();

    expect(byId(element, 'refresh')).not.toBeNull();
    expect(byId(element, 'run-now')).toBeNull();
    expect(byId(element, 'ensure-scheduled')).toBeNull();
    expect(byId(element, 'unschedule')).toBeNull();
    expect(textById(element, 'view-only')).toContain('needs the Control Health Jobs custom permission');
    expect(textById(element, 'failures')).toBe('Unknown: you cannot read Cockpit Log records.');
    expect(byId(element, 'no-run-errors')).toBeNull();
    expect(byId(element, 'errors-table')).toBeNull();
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
    expect(textById(element, 'schedule')).toBe('Scheduled daily. Next run:');
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
    expect(textById(element, 'schedule')).toBe('Not scheduled');
    expect(isDisabled(element, 'ensure-scheduled')).toBe(false);
  });

  it('starts a run and shows it', async () => {
    mockGetStatus.mockResolvedValue(HEALTHY);
    mockRunNow.mockResolvedValue(RUNNING);
    const element = await mount();
    const toasts = collectToasts(element);

    byId(element, 'run-now')?.click();
    await flush();

    expect(mockRunNow).toHaveBeenCalledTimes(1);
    expect(toasts).toEqual([
      {
        title: 'Health job started',
        message:
          'The health job started. Login roll-up job 7075g00000AbCd6AAB is Processing. Scoring and snapshot ' +
          'retention follow when the roll-up has finished.',
        variant: 'success'
      }
    ]);
    expect(textById(element, 'running')).toContain('A run is in progress.');
    expect(isDisabled(element, 'run-now')).toBe(true);
  });

  it('reports a refused run in a toast', async () => {
    const rejection =
      'The health job is already running: HealthScoringBatch job 7075g00000AbCd2AAB is Processing since 3/31/2026, ' +
      '9:05 AM. Wait until it has finished, then select Run now again.';
    mockGetStatus.mockResolvedValue(HEALTHY);
    mockRunNow.mockRejectedValue({ body: { message: rejection } });
    const element = await mount();
    const toasts = collectToasts(element);

    byId(element, 'run-now')?.click();
    await flush();

    expect(toasts).toEqual([{ title: 'The health job was not started', message: rejection, variant: 'error' }]);
    expect(isDisabled(element, 'run-now')).toBe(false);
    expect(textById(element, 'last-run-text')).toBe('SnapshotRetentionBatch: Completed.');
  });

  it('asks before unscheduling and can cancel', async () => {
    mockGetStatus.mockResolvedValue(HEALTHY);
    const element = await mount();

    byId(element, 'unschedule')?.click();
    await flush();
    const confirmText = textById(element, 'unschedule-confirm');
    byId(element, 'unschedule-cancel')?.click();
    await flush();

    expect(confirmText).toContain('Unschedule the health job?');
    expect(confirmText).toContain('before you install a new package version');
    expect(byId(element, 'unschedule-confirm')).toBeNull();
    expect(mockUnschedule).not.toHaveBeenCalled();
  });

  it('keeps the confirmation accessible', async () => {
    mockGetStatus.mockResolvedValue(HEALTHY);
    const element = await mount();

    byId(element, 'unschedule')?.click();
    await flush();

    const headingId = byId(element, 'unschedule-heading')?.id;
    expect(headingId).toBeTruthy();
    expect(byId(element, 'unschedule-confirm')?.getAttribute('aria-labelledby')).toBe(headingId);
    await expect(element).toBeAccessible();
  });

  it('unschedules the job after confirmation', async () => {
    mockGetStatus.mockResolvedValue(HEALTHY);
    mockUnschedule.mockResolvedValue({ ...HEALTHY, isScheduled: false, nextRun: null, runAsUserName: null });
    const element = await mount();
    const toasts = collectToasts(element);

    byId(element, 'unschedule')?.click();
    await flush();
    byId(element, 'unschedule-confirm-button')?.click();
    await flush();

    expect(mockUnschedule).toHaveBeenCalledTimes(1);
    expect(textById(element, 'schedule')).toBe('Not scheduled');
    expect(byId(element, 'unschedule')).toBeNull();
    expect(toasts).toEqual([
      {
        title: 'Health job unscheduled',
        message: 'No run is scheduled any more, so you can upgrade the package. Select Ensure scheduled afterwards.',
        variant: 'success'
      }
    ]);
  });

  it('warns after unscheduling during a run', async () => {
    mockGetStatus.mockResolvedValue(RUNNING);
    mockUnschedule.mockResolvedValue({ ...RUNNING, isScheduled: false, nextRun: null });
    const element = await mount();
    const toasts = collectToasts(element);

    byId(element, 'unschedule')?.click();
    await flush();
    byId(element, 'unschedule-confirm-button')?.click();
    await flush();

    expect(toasts[0].message).toBe(
      'No run is scheduled any more. A run is still in progress; wait until it has finished before you upgrade.'
    );
  });

  it('reports a failed unscheduling in a toast', async () => {
    mockGetStatus.mockResolvedValue(HEALTHY);
    mockUnschedule.mockRejectedValue({
      body: { message: 'Access denied: you need the Control Health Jobs custom permission to unschedule the job.' }
    });
    const element = await mount();
    const toasts = collectToasts(element);

    byId(element, 'unschedule')?.click();
    await flush();
    byId(element, 'unschedule-confirm-button')?.click();
    await flush();

    expect(toasts).toEqual([
      {
        title: 'The health job was not unscheduled',
        message: 'Access denied: you need the Control Health Jobs custom permission to unschedule the job.',
        variant: 'error'
      }
    ]);
    expect(textById(element, 'schedule')).toBe('Scheduled daily. Next run:');
  });

  it('separates dates and names from text', async () => {
    mockGetStatus.mockResolvedValue(HEALTHY);

    const element = await mount();

    // Raw text, because trimming would hide a missing space before the date, the run status or the badge.
    expect(byId(element, 'schedule')?.textContent).toBe('Scheduled daily. Next run: ');
    expect(byId(element, 'last-run')?.textContent).toBe(' SnapshotRetentionBatch: Completed.');
    expect(byId(element, 'run-as')?.textContent).toBe('Ada Admin ');
  });

  it('polls the status while a run is in progress', async () => {
    jest.useFakeTimers();
    try {
      mockGetStatus.mockResolvedValueOnce(RUNNING).mockResolvedValueOnce(RUNNING).mockResolvedValue(HEALTHY);
      const element = createElement('c-health-job-status', { is: HealthJobStatus });
      document.body.appendChild(element);
      await jest.advanceTimersByTimeAsync(0);
      expect(byId(element, 'running')).not.toBeNull();

      await jest.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
      expect(mockGetStatus).toHaveBeenCalledTimes(2);
      expect(byId(element, 'running')).not.toBeNull();

      await jest.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
      expect(mockGetStatus).toHaveBeenCalledTimes(3);
      expect(byId(element, 'running')).toBeNull();
      expect(textById(element, 'last-run-text')).toBe('SnapshotRetentionBatch: Completed.');

      await jest.advanceTimersByTimeAsync(3 * POLL_INTERVAL_MS);
      expect(mockGetStatus).toHaveBeenCalledTimes(3);
    } finally {
      jest.useRealTimers();
    }
  });

  it('stops polling when removed', async () => {
    jest.useFakeTimers();
    try {
      mockGetStatus.mockResolvedValue(RUNNING);
      const element = createElement('c-health-job-status', { is: HealthJobStatus });
      document.body.appendChild(element);
      await jest.advanceTimersByTimeAsync(0);

      document.body.removeChild(element);
      await jest.advanceTimersByTimeAsync(3 * POLL_INTERVAL_MS);

      expect(mockGetStatus).toHaveBeenCalledTimes(1);
    } finally {
      jest.useRealTimers();
    }
  });

  it('does not poll a finished run', async () => {
    jest.useFakeTimers();
    try {
      mockGetStatus.mockResolvedValue(HEALTHY);
      const element = createElement('c-health-job-status', { is: HealthJobStatus });
      document.body.appendChild(element);
      await jest.advanceTimersByTimeAsync(3 * POLL_INTERVAL_MS);

      expect(byId(element, 'schedule')).not.toBeNull();
      expect(mockGetStatus).toHaveBeenCalledTimes(1);
    } finally {
      jest.useRealTimers();
    }
  });

  it('reloads the status on refresh', async () => {
    mockGetStatus.mockResolvedValueOnce(UNSCHEDULED).mockResolvedValueOnce(HEALTHY);
    const element = await mount();

    byId(element, 'refresh')?.click();
    await flush();

    expect(mockGetStatus).toHaveBeenCalledTimes(2);
    expect(textById(element, 'run-as-name')).toBe('Ada Admin');
  });

  it('shows the Apex message when permission is missing', async () => {
    mockGetStatus.mockRejectedValue({ body: { message: PERMISSION_MESSAGE } });

    const element = await mount();

    expect(textById(element, 'permission-denied')).toContain(PERMISSION_MESSAGE);
    expect(byId(element, 'ensure-scheduled')).toBeNull();
    expect(byId(element, 'refresh')).toBeNull();
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
  it('detects an active job', () => {
    expect(hasActiveJob(RUNNING)).toBe(true);
    const queuedRuns = (RUNNING.runs ?? []).map((run) => ({ ...run, status: 'Queued' }));
    expect(hasActiveJob({ ...HEALTHY, isRunning: false, runs: queuedRuns })).toBe(true);
    expect(hasActiveJob(HEALTHY)).toBe(false);
    expect(hasActiveJob(undefined)).toBe(false);
  });

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
    expect(describeFailures(null, false)).toBe('Unknown: you cannot read Cockpit Log records.');
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

  it('builds run rows', () => {
    const rows = buildRunRows(PROBLEMS);

    expect(rows.map((row) => [row.label, row.status, row.statusClass, row.chunksText, row.failedChunks])).toEqual([
      ['Login roll-up', 'Completed', 'slds-theme_success', '1 of 1', 0],
      ['Health scoring', 'Failed', 'slds-theme_error', '12 of 12', 2]
    ]);
    expect(buildRunRows(RUNNING)[0].statusClass).toBe('slds-theme_info');
    expect(buildRunRows({ ...HEALTHY, runs: null })).toEqual([]);
  });

  it('builds error rows and their caption', () => {
    expect(buildErrorRows(PROBLEMS).map((row) => row.recordIdsText)).toEqual([
      '0015g00000AcMeAAAA, 0015g00000GlObXAAA',
      'None'
    ]);
    expect(describeErrorCount(PROBLEMS)).toBe('Latest 2 of 23 errors of the last run');
    expect(describeErrorCount({ ...PROBLEMS, lastRunErrorCount: 2 })).toBe('2 errors of the last run');
    expect(
      describeErrorCount({
        ...PROBLEMS,
        lastRunErrors: (PROBLEMS.lastRunErrors ?? []).slice(0, 1),
        lastRunErrorCount: 1
      })
    ).toBe('1 error of the last run');
  });

  it('describes a started run', () => {
    expect(describeStartedRun(UNSCHEDULED)).toBe(
      'The health job started. Scoring and snapshot retention follow when the roll-up has finished.'
    );
  });

  it('formats date and time', () => {
    // ICU versions differ in the space before AM (a narrow no-break space in newer ones).
    expect(formatDateTime('2026-04-01T09:00:00.000Z', 'en-US', 'UTC').replace(/\s/g, ' ')).toBe('Apr 1, 2026, 9:00 AM');
    expect(formatDateTime('not a date', 'en-US', 'UTC')).toBe('');
    expect(formatDateTime(null)).toBe('');
  });
});

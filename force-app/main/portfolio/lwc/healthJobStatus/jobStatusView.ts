/**
 * Pure functions that turn the HealthJobStatus of HealthJobController into the texts, warnings and table rows of the
 * healthJobStatus card.
 */

type JobStatus = ApexTypes.HealthJobStatus;
type JobRun = ApexTypes.HealthJobStatus_JobRun;
type LoggedError = ApexTypes.HealthJobStatus_LoggedError;

/**
 * Start of the message HealthJobController sends to a user without the custom permission an action needs; the card
 * then shows its permission-denied state.
 */
export const ACCESS_DENIED_PREFIX = 'Access denied: ';

/** Statuses of a batch job that has not ended (AsyncApexJob.Status). */
export const ACTIVE_JOB_STATUSES: readonly string[] = ['Holding', 'Queued', 'Preparing', 'Processing'];

/**
 * Tells whether the health job is running or has a batch job that has not ended.
 * @param status State of the health job, or undefined before it loaded or after a failed load.
 * @returns True while a run is in progress, so the card keeps requesting the status.
 */
export function hasActiveJob(status: JobStatus | undefined): boolean {
  if (status === undefined) {
    return false;
  }
  return status.isRunning === true || (status.runs ?? []).some((run) => ACTIVE_JOB_STATUSES.includes(run.status ?? ''));
}

/** Name of each job class as the admin reads it. */
export const JOB_LABELS: Readonly<Record<string, string>> = {
  LoginRollupBatch: 'Login roll-up',
  HealthScoringBatch: 'Health scoring',
  SnapshotRetentionBatch: 'Snapshot retention'
};

/** One warning above the details. */
export interface JobWarning {
  key: string;
  text: string;
}

/** One row of the table of the latest batch job of each class. */
export interface RunRow {
  key: string;
  label: string;
  className: string;
  status: string;
  /** SLDS theme class of the status badge. */
  statusClass: string;
  startedAt: string | null;
  completedAt: string | null;
  hasCompleted: boolean;
  /** Such as `4 of 4`, or `Not started` before the job counted its chunks. */
  chunksText: string;
  failedChunks: number;
  message: string;
}

/** One row of the table of the errors of the last run. */
export interface ErrorRow {
  key: string;
  loggedAt: string | null;
  source: string;
  message: string;
  /** Record Ids separated by commas and spaces; `None` when the entry names no record. */
  recordIdsText: string;
}

/**
 * Formats a date and time in the user's locale, such as `Mar 31, 2026, 2:00 AM`.
 * @param iso ISO date-time from Apex, or null.
 * @param locale Locale to format for; the browser's locale when undefined.
 * @param timeZone IANA time zone to show the time in; the browser's when undefined.
 * @returns The text, or an empty string without a valid value.
 */
export function formatDateTime(iso: string | null | undefined, locale?: string, timeZone?: string): string {
  if (!iso) {
    return '';
  }
  const time = Date.parse(iso);
  if (Number.isNaN(time)) {
    return '';
  }
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(time);
}

/**
 * Describes how the latest batch job of the health job ended.
 * @param status State of the health job.
 * @returns One sentence, such as `HealthScoringBatch: Completed, 2 failed chunks.`
 */
export function describeLastRun(status: JobStatus): string {
  if (!status.lastRunStatus) {
    return 'No batch job of the health job has run yet.';
  }
  const failed = status.lastRunFailedChunks ?? 0;
  const chunks = failed === 0 ? '' : `, ${failed} failed ${failed === 1 ? 'chunk' : 'chunks'}`;
  return `${status.lastRunClassName ?? 'Batch job'}: ${status.lastRunStatus}${chunks}.`;
}

/**
 * Describes the errors the job logged in the last 7 days.
 * @param failures Number of ERROR log entries; null when unknown.
 * @param canReadLog False when the user cannot read Cockpit Log records, so the number is unknown.
 * @returns The count with a hint where to look when there are any.
 */
export function describeFailures(failures: number | null | undefined, canReadLog = true): string {
  if (!canReadLog) {
    return 'Unknown: you cannot read Cockpit Log records.';
  }
  const count = failures ?? 0;
  if (count === 0) {
    return 'None';
  }
  return `${count} ${count === 1 ? 'error' : 'errors'}. See the Cockpit Log records for the messages and record Ids.`;
}

/**
 * Lists what an admin must fix for the job to run and score correctly.
 * @param status State of the health job.
 * @returns One warning per problem, most urgent first; empty when the job is healthy.
 */
export function buildWarnings(status: JobStatus): JobWarning[] {
  const warnings: JobWarning[] = [];
  if (!status.isScheduled) {
    warnings.push({
      key: 'not-scheduled',
      text: 'The health job is not scheduled, so health scores are not updated. Select Ensure scheduled.'
    });
  } else if (status.isRunAsUserActive === false) {
    warnings.push({
      key: 'inactive-user',
      text:
        `The health job runs as ${status.runAsUserName ?? 'a user'}, who is inactive, so it does not run. ` +
        'Select Ensure scheduled to schedule it as yourself.'
    });
  }
  if (status.lastRunStatus === 'Failed' || status.lastRunStatus === 'Aborted') {
    const reason = status.lastRunMessage ? ` The first error was: ${status.lastRunMessage}` : '';
    warnings.push({
      key: 'last-run-failed',
      text: `The last batch job ended with status ${status.lastRunStatus}.${reason}`
    });
  }
  if ((status.failuresLast7Days ?? 0) > 0) {
    warnings.push({
      key: 'failures',
      text: `The health job logged ${describeFailures(status.failuresLast7Days)}`
    });
  }
  return warnings;
}

function statusClassOf(jobStatus: string): string {
  if (jobStatus === 'Completed') {
    return 'slds-theme_success';
  }
  if (jobStatus === 'Failed' || jobStatus === 'Aborted') {
    return 'slds-theme_error';
  }
  return ACTIVE_JOB_STATUSES.includes(jobStatus) ? 'slds-theme_info' : '';
}

function chunksTextOf(run: JobRun): string {
  const total = run.totalChunks ?? 0;
  if (total === 0) {
    return ACTIVE_JOB_STATUSES.includes(run.status ?? '') ? 'Not counted yet' : 'None';
  }
  return `${run.processedChunks ?? 0} of ${total}`;
}

/**
 * Builds the rows of the table of the latest batch job of each class.
 * @param status State of the health job.
 * @returns One row per class that ran, in the order a run starts them.
 */
export function buildRunRows(status: JobStatus): RunRow[] {
  return (status.runs ?? []).map((run, index) => {
    const className = run.className ?? 'Unknown class';
    const jobStatus = run.status ?? 'Unknown';
    return {
      key: run.jobId ?? `run-${index}`,
      label: JOB_LABELS[className] ?? className,
      className,
      status: jobStatus,
      statusClass: statusClassOf(jobStatus),
      startedAt: run.startedAt,
      completedAt: run.completedAt,
      hasCompleted: Boolean(run.completedAt),
      chunksText: chunksTextOf(run),
      failedChunks: run.failedChunks ?? 0,
      message: run.message ?? ''
    };
  });
}

/**
 * Builds the rows of the table of the errors of the last run.
 * @param status State of the health job.
 * @returns One row per listed error, newest first.
 */
export function buildErrorRows(status: JobStatus): ErrorRow[] {
  return (status.lastRunErrors ?? []).map((error: LoggedError, index) => {
    const recordIds = error.recordIds ?? [];
    return {
      key: error.logId ?? `error-${index}`,
      loggedAt: error.loggedAt,
      source: error.source ?? '',
      message: error.message ?? '',
      recordIdsText: recordIds.length ? recordIds.join(', ') : 'None'
    };
  });
}

/**
 * Describes how many errors of the last run the table lists.
 * @param status State of the health job.
 * @returns Caption of the error table, such as `Latest 20 of 57 errors of the last run`.
 */
export function describeErrorCount(status: JobStatus): string {
  const listed = status.lastRunErrors?.length ?? 0;
  const total = Math.max(status.lastRunErrorCount ?? 0, listed);
  if (total > listed) {
    return `Latest ${listed} of ${total} errors of the last run`;
  }
  return `${total} ${total === 1 ? 'error' : 'errors'} of the last run`;
}

/**
 * Describes the run that Run now started, for the toast.
 * @param status State of the health job after the start.
 * @returns One or two sentences naming the first job and what follows.
 */
export function describeStartedRun(status: JobStatus): string {
  const rollup = (status.runs ?? []).find((run) => run.className === 'LoginRollupBatch');
  const job = rollup?.jobId ? ` Login roll-up job ${rollup.jobId} is ${rollup.status ?? 'queued'}.` : '';
  return `The health job started.${job} Scoring and snapshot retention follow when the roll-up has finished.`;
}

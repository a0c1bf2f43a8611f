/**
 * Pure functions that turn the HealthJobStatus of HealthJobController into the texts and warnings of the
 * healthJobStatus card.
 */

type JobStatus = ApexTypes.HealthJobStatus;

/**
 * Start of the message HealthJobController sends to a user without the Recalculate Health custom permission; the
 * card then shows its permission-denied state.
 */
export const PERMISSION_DENIED_PREFIX = 'You do not have the Recalculate Health permission';

/** One warning above the details. */
export interface JobWarning {
  key: string;
  text: string;
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
 * @param failures Number of ERROR log entries.
 * @returns The count with a hint where to look when there are any.
 */
export function describeFailures(failures: number | null | undefined): string {
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

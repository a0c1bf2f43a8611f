/**
 * HealthJobController offline. No org runs the nightly job, so the status is derived from the export. The last run
 * is the scoring run on the as-of date, and each account that no model could score counts as one logged failure.
 * The schedule is the one "Ensure scheduled" stored, or a daily 02:00 schedule by default.
 */
import { ApexError } from './apexErrors';
import type { CockpitData } from './data';
import { scoredAtOf } from './records';
import type { CockpitStore, StoredJobSchedule } from './store';
import { RECALCULATE_HEALTH, hasCustomPermission } from './users';
import type { CockpitUser } from './users';

type HealthJobStatus = ApexTypes.HealthJobStatus;

/** Store id of the schedule record, the job name of HealthJobSchedulable. */
export const JOB_SCHEDULE_ID = 'Success Cockpit health job';
/** Hour of the daily run, local time, as HealthJobSchedulable.CRON_EXPRESSION sets it. */
export const JOB_HOUR = 2;

/** Data, store, user and clock of the job methods. */
export interface JobContext {
  data: CockpitData;
  store: CockpitStore;
  user: CockpitUser;
  now: () => Date;
}

function requirePermission(user: CockpitUser): void {
  if (!hasCustomPermission(user, RECALCULATE_HEALTH)) {
    throw new ApexError(
      'You do not have the Recalculate Health permission, so you cannot view or schedule the health job. Ask ' +
        'your Salesforce admin to assign you the Success Cockpit Admin permission set.'
    );
  }
}

/** Returns the next 02:00 local time after `now`. */
export function nextRunAfter(now: Date): Date {
  const next = new Date(now);
  next.setHours(JOB_HOUR, 0, 0, 0);
  if (next.getTime() <= now.getTime()) {
    next.setDate(next.getDate() + 1);
  }
  return next;
}

function schedule(context: JobContext): StoredJobSchedule {
  return (
    context.store.get('jobSchedule', JOB_SCHEDULE_ID) ?? {
      isScheduled: true,
      scheduledAt: `${context.data.asOf}T00:00:00.000Z`,
      scheduledBy: 'Integration User'
    }
  );
}

function buildStatus(context: JobContext): HealthJobStatus {
  const current = schedule(context);
  const failures = context.data.accountsByRisk().filter((state) => state.health === null).length;
  return {
    isScheduled: current.isScheduled,
    nextRun: current.isScheduled ? nextRunAfter(context.now()).toISOString() : null,
    lastRun: scoredAtOf(context.data.asOf),
    lastRunStatus: 'Completed',
    lastRunClassName: 'HealthScoringBatch',
    lastRunFailedChunks: 0,
    lastRunMessage: null,
    failuresLast7Days: failures,
    runAsUserName: current.isScheduled ? current.scheduledBy : null,
    isRunAsUserActive: current.isScheduled ? true : null
  };
}

/**
 * HealthJobController.getStatus.
 * @throws ApexError when the user lacks the Recalculate Health permission.
 */
export function getJobStatus(context: JobContext): HealthJobStatus {
  requirePermission(context.user);
  return buildStatus(context);
}

/**
 * HealthJobController.ensureScheduled: stores a daily 02:00 schedule owned by the current user, replacing any
 * earlier one, and returns the new state.
 * @throws ApexError when the user lacks the Recalculate Health permission.
 */
export function ensureScheduled(context: JobContext): HealthJobStatus {
  requirePermission(context.user);
  context.store.put('jobSchedule', JOB_SCHEDULE_ID, {
    isScheduled: true,
    scheduledAt: context.now().toISOString(),
    scheduledBy: context.user.name
  });
  return buildStatus(context);
}

/**
 * HealthJobController offline. No org runs the nightly job, so the runs are simulated from the export and the change
 * store. Without a stored run, the last run is the nightly run on the as-of date: the login roll-up, scoring and
 * snapshot retention, each completed. Run now stores a run that starts at the current time, and each of its three
 * batch jobs takes RUN_STEP_MS, so the page shows a run in progress for a few seconds and Run now is refused
 * meanwhile. Each account that no model could score is one ERROR entry of the scoring job, with the account's Id, as
 * HealthScoringService logs it. The schedule is the one "Ensure scheduled" stored, or a daily 02:00 schedule by
 * default; "Unschedule" stores it as not scheduled.
 */
import { createHash } from 'node:crypto';
import { toCaseSafeId } from '../demo/salesforce-ids';
import { ApexError } from './apexErrors';
import type { CockpitData } from './data';
import { currentLoginSources } from './settings';
import type { StoredJobRun } from './settingsRecords';
import type { CockpitStore, StoredJobSchedule } from './store';
import { CONTROL_HEALTH_JOBS, RECALCULATE_HEALTH, hasCustomPermission } from './users';
import type { CockpitUser } from './users';

type HealthJobStatus = ApexTypes.HealthJobStatus;
type JobRun = ApexTypes.HealthJobStatus_JobRun;
type LoggedError = ApexTypes.HealthJobStatus_LoggedError;

/** Store id of the schedule record, the job name of HealthJobSchedulable. */
export const JOB_SCHEDULE_ID = 'Success Cockpit health job';
/** Hour of the daily run, local time, as HealthJobSchedulable.CRON_EXPRESSION sets it. */
export const JOB_HOUR = 2;
/** Store id of the run that Run now started last. */
export const JOB_RUN_ID = 'latest';
/** Time each batch job of a run started offline takes, in milliseconds. */
export const RUN_STEP_MS = 2000;
/** Maximum number of ERROR entries of the last run in the status, as HealthJobService.MAX_RUN_ERRORS. */
export const MAX_RUN_ERRORS = 20;
/** Apex classes of a run, in the order a run starts them. */
export const JOB_CLASSES = ['LoginRollupBatch', 'HealthScoringBatch', 'SnapshotRetentionBatch'] as const;

const ACCESS_DENIED_PREFIX = 'Access denied: ';
const PERMISSION_SET_HINT = 'Ask your Salesforce admin to assign you the Success Cockpit Admin permission set.';
const ADMIN_PERMISSION_SET = 'SuccessCockpitAdmin';
const JOB_KEY_PREFIX = '707';
const LOG_KEY_PREFIX = 'a0Q';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
// A nightly run of the export: the minutes after JOB_HOUR at which each job starts and ends.
const NIGHTLY_MINUTES: Record<(typeof JOB_CLASSES)[number], [number, number]> = {
  LoginRollupBatch: [0, 1],
  HealthScoringBatch: [1, 4],
  SnapshotRetentionBatch: [4, 5]
};

type JobClass = (typeof JOB_CLASSES)[number];

/** Data, store, user and clock of the job methods. */
export interface JobContext {
  data: CockpitData;
  store: CockpitStore;
  user: CockpitUser;
  now: () => Date;
}

/** One batch job of a run: when it starts and ends. */
interface PlannedJob {
  className: JobClass;
  jobId: string;
  startedAt: Date;
  completedAt: Date;
}

function requireView(user: CockpitUser): void {
  if (!hasCustomPermission(user, CONTROL_HEALTH_JOBS) && !hasCustomPermission(user, RECALCULATE_HEALTH)) {
    throw new ApexError(
      `${ACCESS_DENIED_PREFIX}you need the Control Health Jobs or the Recalculate Health custom permission to view ` +
        `the health job. ${PERMISSION_SET_HINT}`
    );
  }
}

function requireControl(user: CockpitUser, action: string): void {
  if (!hasCustomPermission(user, CONTROL_HEALTH_JOBS)) {
    throw new ApexError(
      `${ACCESS_DENIED_PREFIX}you need the Control Health Jobs custom permission to ${action} the health job. ` +
        PERMISSION_SET_HINT
    );
  }
}

function offlineId(prefix: string, key: string): string {
  const digest = createHash('sha256').update(key).digest();
  let body = '';
  for (let index = 0; index < 12; index++) {
    body += BASE62.charAt(digest[index] % 62);
  }
  return toCaseSafeId(prefix + body);
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

function plannedJobs(context: JobContext): PlannedJob[] {
  const stored = context.store.get('jobRuns', JOB_RUN_ID);
  if (stored !== undefined) {
    const start = Date.parse(stored.startedAt);
    const ids: Record<JobClass, string> = {
      LoginRollupBatch: stored.rollupJobId,
      HealthScoringBatch: stored.scoringJobId,
      SnapshotRetentionBatch: stored.retentionJobId
    };
    return JOB_CLASSES.map((className, index) => ({
      className,
      jobId: ids[className],
      startedAt: new Date(start + index * RUN_STEP_MS),
      completedAt: new Date(start + (index + 1) * RUN_STEP_MS)
    }));
  }
  const [year, month, day] = context.data.asOf.split('-').map(Number);
  return JOB_CLASSES.map((className) => {
    const [startMinute, endMinute] = NIGHTLY_MINUTES[className];
    return {
      className,
      jobId: offlineId(JOB_KEY_PREFIX, `nightly:${context.data.asOf}:${className}`),
      startedAt: new Date(year, month - 1, day, JOB_HOUR, startMinute, 0, 0),
      completedAt: new Date(year, month - 1, day, JOB_HOUR, endMinute, 0, 0)
    };
  });
}

function totalChunks(context: JobContext, className: JobClass): number {
  if (className !== 'HealthScoringBatch') {
    return 1;
  }
  const accounts = context.data.accountsByRisk().length;
  return Math.max(1, Math.ceil(accounts / currentLoginSources(context.store).scoringBatchSize));
}

function toJobRun(context: JobContext, job: PlannedJob, now: number): JobRun {
  const hasEnded = job.completedAt.getTime() <= now;
  const total = totalChunks(context, job.className);
  return {
    jobId: job.jobId,
    className: job.className,
    status: hasEnded ? 'Completed' : 'Processing',
    startedAt: job.startedAt.toISOString(),
    completedAt: hasEnded ? job.completedAt.toISOString() : null,
    processedChunks: hasEnded ? total : 0,
    totalChunks: total,
    failedChunks: 0,
    message: null
  };
}

function scoringErrors(context: JobContext, scoring: PlannedJob): LoggedError[] {
  return context.data
    .accountsByRisk()
    .filter((state) => state.health === null)
    .map((state) => {
      const accountId = state.signals.accountId;
      return {
        logId: offlineId(LOG_KEY_PREFIX, `${scoring.jobId}:${accountId}`),
        loggedAt: scoring.completedAt.toISOString(),
        source: 'HealthScoringService.scoreAccounts',
        message: `Account ${accountId}: ${state.unscoredReason ?? 'it could not be scored'}.`,
        recordIds: [accountId],
        context: `${scoring.className} ${scoring.jobId}`
      };
    });
}

function buildStatus(context: JobContext): HealthJobStatus {
  const current = schedule(context);
  const now = context.now().getTime();
  const started = plannedJobs(context).filter((job) => job.startedAt.getTime() <= now);
  const runs = started.map((job) => toJobRun(context, job, now));
  const latest = runs[runs.length - 1];
  const scoring = started.find((job) => job.className === 'HealthScoringBatch');
  const errors = scoring !== undefined && scoring.completedAt.getTime() <= now ? scoringErrors(context, scoring) : [];
  const canReadLog = context.user.permissionSets.includes(ADMIN_PERMISSION_SET);
  const unscored = context.data.accountsByRisk().filter((state) => state.health === null).length;
  return {
    isScheduled: current.isScheduled,
    nextRun: current.isScheduled ? nextRunAfter(context.now()).toISOString() : null,
    lastRun: latest ? (latest.completedAt ?? latest.startedAt) : null,
    lastRunStatus: latest?.status ?? null,
    lastRunClassName: latest?.className ?? null,
    lastRunFailedChunks: latest?.failedChunks ?? null,
    lastRunMessage: null,
    failuresLast7Days: canReadLog ? unscored : null,
    runAsUserName: current.isScheduled ? current.scheduledBy : null,
    isRunAsUserActive: current.isScheduled ? true : null,
    isRunning: runs.some((run) => run.status !== 'Completed'),
    runs,
    lastRunErrors: canReadLog ? errors.slice(0, MAX_RUN_ERRORS) : [],
    lastRunErrorCount: canReadLog ? errors.length : 0,
    canReadLog,
    canControl: hasCustomPermission(context.user, CONTROL_HEALTH_JOBS)
  };
}

/**
 * HealthJobController.getStatus.
 * @throws ApexError when the user has neither the Control Health Jobs nor the Recalculate Health permission.
 */
export function getJobStatus(context: JobContext): HealthJobStatus {
  requireView(context.user);
  return buildStatus(context);
}

/**
 * HealthJobController.ensureScheduled: stores a daily 02:00 schedule owned by the current user, replacing any
 * earlier one, and returns the new state.
 * @throws ApexError when the user lacks the Control Health Jobs permission.
 */
export function ensureScheduled(context: JobContext): HealthJobStatus {
  requireControl(context.user, 'schedule');
  context.store.put('jobSchedule', JOB_SCHEDULE_ID, {
    isScheduled: true,
    scheduledAt: context.now().toISOString(),
    scheduledBy: context.user.name
  });
  return buildStatus(context);
}

/**
 * HealthJobController.unschedule: stores that the job is not scheduled and returns the new state. A run in progress
 * goes on.
 * @throws ApexError when the user lacks the Control Health Jobs permission.
 */
export function unschedule(context: JobContext): HealthJobStatus {
  requireControl(context.user, 'unschedule');
  context.store.put('jobSchedule', JOB_SCHEDULE_ID, {
    isScheduled: false,
    scheduledAt: context.now().toISOString(),
    scheduledBy: context.user.name
  });
  return buildStatus(context);
}

/**
 * HealthJobController.runNow: stores a run that starts now and returns the new state, in which the login roll-up is
 * processing.
 * @throws ApexError when the user lacks the Control Health Jobs permission, or a run is still in progress.
 */
export function runNow(context: JobContext): HealthJobStatus {
  requireControl(context.user, 'start');
  const now = context.now();
  const active = buildStatus(context).runs?.find((run) => run.status !== 'Completed');
  if (active) {
    throw new ApexError(
      `The health job is already running: ${active.className} job ${active.jobId} is ${active.status} since ` +
        `${new Date(active.startedAt ?? now).toLocaleString('en-US')}. Wait until it has finished, then select Run ` +
        'now again.'
    );
  }
  const startedAt = now.toISOString();
  const key = `run:${startedAt}:${context.user.id}`;
  const run: StoredJobRun = {
    id: JOB_RUN_ID,
    startedAt,
    startedBy: context.user.name,
    rollupJobId: offlineId(JOB_KEY_PREFIX, `${key}:LoginRollupBatch`),
    scoringJobId: offlineId(JOB_KEY_PREFIX, `${key}:HealthScoringBatch`),
    retentionJobId: offlineId(JOB_KEY_PREFIX, `${key}:SnapshotRetentionBatch`)
  };
  context.store.put('jobRuns', JOB_RUN_ID, run);
  return buildStatus(context);
}

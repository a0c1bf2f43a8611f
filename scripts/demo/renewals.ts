/**
 * Builds the renewal countdown of the demo org: the RenewalCheckpoint__c rows the nightly countdown job stored for each
 * account's open renewal, the playbook Tasks it created when checkpoints opened, and the CSMs' renewal calls at the
 * checkpoints that require one. The job has run since COUNTDOWN_START_DAYS before the as-of date.
 */

import { compareRenewalCall } from 'c/planEngine';
import type { CheckpointDefinition, RenewalCall } from 'c/planEngine';

import type { PendingTask } from './activities';
import { businessMoment, dayOfEpochSeconds, SECONDS_PER_DAY } from './calendar';
import type {
  CheckpointStatus,
  DemoAccount,
  DemoCheckpoint,
  DemoContext,
  DemoOpportunity,
  StoryName
} from './demo-org';
import type { DemoHealth } from './demo-health';
import { compareCodeUnits } from './ordering';
import type { Random } from './random';
import { CALL_NOTES } from './word-lists';

/** Days before the as-of date that the countdown job first ran; renewals it saw later start on their own date. */
export const COUNTDOWN_START_DAYS = 200;
/** Renewal calls the CSMs recorded against the data: more than one band from the health band of the day. */
export const DISAGREEING_CALLS = 7;
/** Hour (UTC) at which the nightly countdown job runs. */
const JOB_HOUR_UTC = 2;

/** One checkpoint of one account's open renewal, before its Id and its call are known. */
export interface ScheduledCheckpoint {
  account: DemoAccount;
  definition: CheckpointDefinition;
  opportunityId: string;
  renewalDay: number;
  dueDay: number;
  status: CheckpointStatus;
  /** Playbook Task the job created when the checkpoint opened. */
  task: PendingTask | null;
  /** Day the CSM recorded the renewal call; null when the checkpoint needs no call or none was recorded. */
  callDay: number | null;
  createdAt: number;
}

/** The stored checkpoints of every account and the playbook Tasks among them. */
export interface CountdownSchedule {
  checkpoints: ScheduledCheckpoint[];
  tasks: PendingTask[];
}

/** Chance that the CSM completes a checkpoint's playbook in time, by story. */
function diligence(story: StoryName): number {
  switch (story) {
    case 'Steady':
      return 0.95;
    case 'Declining':
    case 'SilentSponsor':
    case 'ChampionGone':
      return 0.6;
    default:
      return 0.8;
  }
}

function jobMoment(random: Random, day: number): number {
  return day * SECONDS_PER_DAY + JOB_HOUR_UTC * 3600 + random.int(0, 1800);
}

/** Picks a day from `first` to `last`, both included; `last` below `first` gives `first`. */
function dayBetween(random: Random, first: number, last: number): number {
  return last <= first ? first : random.int(first, last);
}

function scheduleOne(
  context: DemoContext,
  random: Random,
  account: DemoAccount,
  opportunity: DemoOpportunity,
  definition: CheckpointDefinition,
  firstSeenDay: number
): ScheduledCheckpoint {
  const asOf = context.asOfDay;
  const renewalDay = opportunity.closeDay;
  const dueDay = renewalDay - definition.daysBefore;
  const opensDay = dueDay - definition.leadDays;
  const checkpoint: ScheduledCheckpoint = {
    account,
    definition,
    opportunityId: opportunity.id,
    renewalDay,
    dueDay,
    status: 'Upcoming',
    task: null,
    callDay: null,
    createdAt: 0
  };
  if (dueDay < firstSeenDay) {
    checkpoint.status = 'Skipped';
    return checkpoint;
  }
  if (asOf < opensDay) {
    return checkpoint;
  }

  // The job creates the playbook Task on the night the checkpoint opens, or on its first night for a late renewal.
  const openedDay = Math.max(opensDay, firstSeenDay);
  const isPast = dueDay < asOf - 3;
  let doneDay: number | null = null;
  if (definition.requiresCall) {
    const chance = isPast ? diligence(account.story) + 0.05 : 0.35;
    if (random.chance(chance)) {
      // From the day after the Task opened, so that even in a time zone ahead of UTC the call follows the night run.
      checkpoint.callDay = dayBetween(random, Math.min(openedDay + 1, asOf), Math.min(asOf, dueDay + 10));
      doneDay = random.chance(0.85) ? checkpoint.callDay : null;
    }
  } else if (random.chance(isPast ? diligence(account.story) : 0.25)) {
    doneDay = dayBetween(random, openedDay, Math.min(asOf, dueDay + 7));
  }
  checkpoint.status = doneDay !== null || checkpoint.callDay !== null ? 'Done' : 'Due';
  checkpoint.task = {
    whoId: null,
    whatId: account.id,
    accountId: account.id,
    ownerId: account.ownerId,
    subject: definition.taskSubject,
    type: 'Other',
    activityDay: dueDay,
    createdAt: Math.min(jobMoment(random, openedDay), context.exportAt - 3600),
    status: doneDay === null ? 'Not Started' : 'Completed',
    isClosed: doneDay !== null
  };
  return checkpoint;
}

/**
 * Decides which checkpoints of each account's open renewal the countdown job stored, which opened, which playbook
 * Tasks the CSM completed and on which day each renewal call was recorded. The job first saw a renewal on the night
 * after its Opportunity was created, or on its own first night for an older Opportunity. Checkpoints due before that
 * night are Skipped.
 * @param definitions checkpoint definitions; only active ones are stored
 */
export function scheduleCountdown(
  context: DemoContext,
  accounts: readonly DemoAccount[],
  opportunities: readonly DemoOpportunity[],
  definitions: readonly CheckpointDefinition[]
): CountdownSchedule {
  const random = context.random.fork('countdown');
  const openRenewals = new Map(
    opportunities
      .filter((entry) => entry.type === 'Renewal' && !entry.isClosed)
      .map((entry) => [entry.accountId, entry])
  );
  const active = definitions.filter((definition) => definition.isActive);
  const checkpoints: ScheduledCheckpoint[] = [];
  for (const account of accounts) {
    const opportunity = openRenewals.get(account.id);
    if (opportunity === undefined) {
      continue;
    }
    const accountRandom = random.fork(account.id);
    const firstSeenDay = Math.max(context.asOfDay - COUNTDOWN_START_DAYS, dayOfEpochSeconds(opportunity.createdAt) + 1);
    const createdAt = jobMoment(accountRandom, firstSeenDay);
    for (const definition of active) {
      const checkpoint = scheduleOne(
        context,
        accountRandom.fork(definition.name),
        account,
        opportunity,
        definition,
        firstSeenDay
      );
      checkpoint.createdAt = createdAt;
      checkpoints.push(checkpoint);
    }
  }
  const tasks = checkpoints.flatMap((checkpoint) => (checkpoint.task === null ? [] : [checkpoint.task]));
  return { checkpoints, tasks };
}

/** A recorded call with the data it was recorded against. */
interface RecordedCall {
  checkpoint: ScheduledCheckpoint;
  band: string | null;
  score: number | null;
  call: RenewalCall;
}

/** Returns the call a CSM makes when it agrees with the data, within one band of the health band. */
function agreeingCall(
  random: Random,
  checkpoint: ScheduledCheckpoint,
  band: string | null,
  hasExpansion: boolean
): RenewalCall {
  switch (band) {
    case 'Green':
      return hasExpansion || random.chance(0.1) ? 'Upside' : 'Commit';
    case 'Yellow':
      return random.chance(0.65) ? 'Commit' : 'AtRisk';
    case 'Red':
      return 'AtRisk';
    default:
      return checkpoint.account.story === 'RenewalAtRisk' || random.chance(0.3) ? 'AtRisk' : 'Commit';
  }
}

/**
 * Ranks a call as a candidate for disagreeing with the data. Rank 0 is a story that explains the disagreement: a
 * silent sponsor or a lost champion behind a green score, or a customer who commits although the data is red. Rank 1
 * is any other green or red band. Null leaves the call as it is: a yellow band, or no band to compare with.
 */
function disagreementRank(recorded: RecordedCall): number | null {
  const story = recorded.checkpoint.account.story;
  if (recorded.band === 'Green') {
    return story === 'SilentSponsor' || story === 'ChampionGone' ? 0 : 1;
  }
  if (recorded.band === 'Red') {
    return story === 'Declining' || story === 'RenewalAtRisk' || story === 'CaseSpike' ? 0 : 1;
  }
  return null;
}

/** Turns DISAGREEING_CALLS recorded calls into calls that contradict the data, story-led candidates first. */
function addDisagreements(random: Random, calls: RecordedCall[]): void {
  const candidates = random
    .shuffle(calls.filter((recorded) => disagreementRank(recorded) !== null))
    .sort((first, second) => (disagreementRank(first) as number) - (disagreementRank(second) as number));
  for (const recorded of candidates.slice(0, DISAGREEING_CALLS)) {
    recorded.call = recorded.band === 'Green' ? 'AtRisk' : 'Commit';
  }
}

function callNote(random: Random, call: RenewalCall, isDisagreement: boolean, story: StoryName): string {
  if (!isDisagreement) {
    return random.pick(CALL_NOTES[call]);
  }
  if (call === 'AtRisk' && (story === 'SilentSponsor' || story === 'ChampionGone')) {
    return CALL_NOTES[story];
  }
  return random.pick(CALL_NOTES.Disagreeing[call]);
}

/**
 * Completes the scheduled checkpoints with Ids, playbook Task Ids and the renewal calls: each call is compared with
 * the account's health band on the day it was recorded, and DISAGREEING_CALLS of them contradict it.
 * @param taskIdOf Id given to each playbook Task
 * @param expansionAccounts accounts with an open expansion Opportunity, whose green calls are Upside
 * @returns the checkpoints in the order of RenewalCheckpoint__c.csv
 */
export function buildCheckpoints(
  context: DemoContext,
  schedule: CountdownSchedule,
  taskIdOf: ReadonlyMap<PendingTask, string>,
  health: DemoHealth,
  expansionAccounts: ReadonlySet<string>
): DemoCheckpoint[] {
  const random = context.random.fork('renewal-calls');
  const calls: RecordedCall[] = [];
  for (const checkpoint of schedule.checkpoints) {
    if (checkpoint.callDay === null) {
      continue;
    }
    const accountHealth = health.healthOn(checkpoint.account.id, checkpoint.callDay);
    const band = accountHealth?.band ?? null;
    const score = accountHealth?.score ?? null;
    const hasExpansion = expansionAccounts.has(checkpoint.account.id);
    calls.push({ checkpoint, band, score, call: agreeingCall(random, checkpoint, band, hasExpansion) });
  }
  addDisagreements(random.fork('disagreements'), calls);
  const callOf = new Map(calls.map((recorded) => [recorded.checkpoint, recorded]));

  const ordered = [...schedule.checkpoints].sort(
    (first, second) =>
      first.createdAt - second.createdAt ||
      compareCodeUnits(first.account.id, second.account.id) ||
      second.definition.daysBefore - first.definition.daysBefore
  );
  return ordered.map((checkpoint) => {
    const recorded = callOf.get(checkpoint);
    const account = checkpoint.account;
    let callFields: Pick<
      DemoCheckpoint,
      'call' | 'callNote' | 'callRecordedAt' | 'callRecordedById' | 'dataBand' | 'dataScore' | 'isDisagreement'
    > = {
      call: null,
      callNote: null,
      callRecordedAt: null,
      callRecordedById: null,
      dataBand: null,
      dataScore: null,
      isDisagreement: false
    };
    if (recorded !== undefined && checkpoint.callDay !== null) {
      const isDisagreement = compareRenewalCall(recorded.call, recorded.band).isDisagreement;
      callFields = {
        call: recorded.call,
        callNote: callNote(random, recorded.call, isDisagreement, account.story),
        callRecordedAt: Math.min(
          businessMoment(random, checkpoint.callDay, account.utcOffsetHours),
          context.exportAt - 1800
        ),
        callRecordedById: account.ownerId,
        dataBand: recorded.band,
        dataScore: recorded.score === null ? null : Math.round(recorded.score * 100) / 100,
        isDisagreement
      };
    }
    return {
      id: context.ids.next('RenewalCheckpoint'),
      accountId: account.id,
      renewalDay: checkpoint.renewalDay,
      daysBefore: checkpoint.definition.daysBefore,
      dueDay: checkpoint.dueDay,
      playbook: checkpoint.definition.playbook,
      status: checkpoint.status,
      taskId: checkpoint.task === null ? null : (taskIdOf.get(checkpoint.task) ?? null),
      opportunityId: checkpoint.opportunityId,
      ...callFields,
      createdAt: checkpoint.createdAt
    };
  });
}

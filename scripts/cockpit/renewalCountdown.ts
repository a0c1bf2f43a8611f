/**
 * RenewalCountdownController offline, with the checks and messages of RenewalCountdownService, computed with the
 * reference engine.
 *
 * The renewal date comes from the export's open renewal Opportunity or activated Contract (exportRecords.ts). The
 * checkpoints stored in the export's RenewalCheckpoint__c file give each checkpoint's progress and the day the
 * countdown first saw the renewal date. Calls recorded in the cockpit are kept in the change store by checkpoint key,
 * and they replace the call fields of the export's row. As in the org after the nightly countdown job, a checkpoint
 * that is Due or Overdue has a playbook Task.
 *
 * The as-of date is the export's scoring date, so checkpoint states agree with the health band of the same data.
 */
import { daysBetween, roundTo } from 'c/healthEngine';
import { compareRenewalCall, renewalCountdownOf, RENEWAL_CALLS } from 'c/planEngine';
import type { CheckpointDefinition, CheckpointProgress, CheckpointView, RenewalCall } from 'c/planEngine';
import type { RenewalCheckpointRow } from '../lib/export';
import { checkpointProgressOf, firstSeenOf } from '../lib/plans';
import { ApexError } from './apexErrors';
import type { AccountState, CockpitData } from './data';
import type { RenewalSource } from './exportRecords';
import { syntheticId } from './ids';
import type { CockpitStore, StoredRenewalCall } from './store';
import type { CockpitUser } from './users';

type CountdownView = ApexTypes.RenewalCountdownController_CountdownView;
type CheckpointItem = ApexTypes.RenewalCountdownController_CheckpointView;
type CallResult = ApexTypes.RenewalCountdownController_CallResult;

/** Start of every access-failure message. The renewalCountdown component checks for the same text. */
export const ACCESS_DENIED_PREFIX = 'Access denied: ';
/** Subject of the Task that a disagreeing call creates, followed by the account name. */
export const DISAGREEMENT_SUBJECT = 'Renewal call disagrees with health: ';
/** Length of RenewalCheckpoint__c.CallNote__c. */
export const CALL_NOTE_LENGTH = 2000;

const PERMISSION_SET_HINT = 'Ask your admin to assign you the Success Cockpit User permission set.';
const CALL_MEANINGS: Record<RenewalCall, string> = {
  Commit: 'renews in full',
  AtRisk: 'renewal in doubt',
  Upside: 'renews and grows'
};

/** Data, store, user and clock of the renewal countdown methods. */
export interface CountdownContext {
  data: CockpitData;
  store: CockpitStore;
  user: CockpitUser;
  today: () => string;
  now: () => Date;
}

/** The countdown of one account with what it was computed from. */
interface AccountCountdown {
  state: AccountState;
  source: RenewalSource | null;
  asOf: string;
  /** Stored rows of the current renewal date by days before, the export's row with the cockpit's call applied. */
  storedByDays: Map<number, StoredCheckpoint>;
  checkpoints: CheckpointView[];
  dataBand: string | null;
  dataScore: number | null;
}

/** One stored checkpoint: the export's row, a call recorded in the cockpit, or both. */
interface StoredCheckpoint {
  row: RenewalCheckpointRow | null;
  call: StoredRenewalCall | null;
  progress: CheckpointProgress;
}

function fail(message: string): never {
  throw new ApexError(message);
}

/**
 * Returns the checkpoint key of RenewalCheckpoint__c: `<18-character account Id>-<renewal date>-<days before>`.
 * @param accountId 18-character account Id.
 * @param renewalDate YYYY-MM-DD.
 * @param daysBefore Days before the renewal.
 */
export function checkpointKey(accountId: string, renewalDate: string, daysBefore: number): string {
  return `${accountId}-${renewalDate}-${daysBefore}`;
}

function requireAccountId(accountId: string | null): string {
  if (accountId === null) {
    fail('The account Id is missing. Open the renewal countdown from an Account record page.');
  }
  if (!accountId.startsWith('001')) {
    fail(`Id ${accountId} is not an account Id. Open the renewal countdown from an Account record page.`);
  }
  return accountId;
}

function requireAccount(data: CockpitData, accountId: string): AccountState {
  const state = data.account(accountId);
  if (!state) {
    fail(
      `${ACCESS_DENIED_PREFIX}account ${accountId} does not exist or is not shared with you. Ask the account owner ` +
        'or your admin for access.'
    );
  }
  return state;
}

/** Returns a Task Id, or null for a value that is no Task Id, as RenewalCountdownService.toTaskId does. */
function toTaskId(value: string | null): string | null {
  const trimmed = value?.trim() ?? '';
  return /^00T[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?$/.test(trimmed) ? trimmed : null;
}

/** Applies a call recorded in the cockpit to the stored progress of its checkpoint, as recordCall's upsert does. */
function withCall(progress: CheckpointProgress, call: StoredRenewalCall): CheckpointProgress {
  return {
    ...progress,
    status: 'Done',
    call: call.call,
    callNote: call.callNote,
    dataBand: call.dataBand,
    dataScore: call.dataScore,
    isDisagreement: call.isDisagreement,
    recordedAt: call.recordedAt,
    recordedByName: call.recordedByName
  };
}

function emptyProgress(daysBefore: number): CheckpointProgress {
  return {
    daysBefore,
    status: null,
    isTaskClosed: false,
    call: null,
    callNote: null,
    dataBand: null,
    dataScore: null,
    isDisagreement: false,
    recordedAt: null,
    recordedByName: null
  };
}

/** Merges the export's rows of one renewal date with the calls recorded in the cockpit, by days before. */
function storedCheckpoints(
  store: CockpitStore,
  accountId: string,
  rows: RenewalCheckpointRow[],
  renewalDate: string
): Map<number, StoredCheckpoint> {
  const byDays = new Map<number, StoredCheckpoint>();
  const progress = checkpointProgressOf(rows, renewalDate);
  rows
    .filter((row) => row.renewalDate === renewalDate)
    .forEach((row, index) => {
      // The first row of a day wins, as in RenewalCountdownService.
      if (!byDays.has(row.daysBefore)) {
        byDays.set(row.daysBefore, { row, call: null, progress: progress[index] });
      }
    });
  const calls = store
    .list('renewalCalls')
    .filter((call) => call.accountId === accountId && call.renewalDate === renewalDate);
  for (const call of calls) {
    const current = byDays.get(call.daysBefore);
    byDays.set(call.daysBefore, {
      row: current?.row ?? null,
      call,
      progress: withCall(current?.progress ?? emptyProgress(call.daysBefore), call)
    });
  }
  return byDays;
}

function countdownOf(context: CountdownContext, state: AccountState): AccountCountdown {
  const accountId = state.signals.accountId;
  const asOf = context.data.asOf;
  const source = context.data.renewalSource(accountId);
  const health = state.health;
  const countdown: AccountCountdown = {
    state,
    source,
    asOf,
    storedByDays: new Map(),
    checkpoints: [],
    // The band and score of the Account fields that the scoring job writes.
    dataBand: health?.band ?? null,
    dataScore: health?.score === null || health?.score === undefined ? null : roundTo(health.score, 2)
  };
  if (source === null) {
    return countdown;
  }
  const rows = context.data.renewalCheckpoints(accountId);
  countdown.storedByDays = storedCheckpoints(context.store, accountId, rows, source.renewalDate);
  countdown.checkpoints = renewalCountdownOf({
    renewalDate: source.renewalDate,
    asOf,
    firstSeen: firstSeenOf(rows, source.renewalDate),
    definitions: context.data.checkpointDefinitions,
    progress: [...countdown.storedByDays.values()].map((stored) => stored.progress)
  });
  return countdown;
}

function isOpen(state: string): boolean {
  return state === 'Due' || state === 'Overdue';
}

/**
 * Returns the playbook Task of a checkpoint: the stored one, or for an open checkpoint without one the Task that the
 * nightly countdown job creates.
 */
function playbookTaskId(countdown: AccountCountdown, checkpoint: CheckpointView): string | null {
  const stored = toTaskId(countdown.storedByDays.get(checkpoint.daysBefore)?.row?.taskId ?? null);
  if (stored !== null || !isOpen(checkpoint.state) || countdown.source === null) {
    return stored;
  }
  const key = checkpointKey(countdown.state.signals.accountId, countdown.source.renewalDate, checkpoint.daysBefore);
  return syntheticId('Task', `${key}|playbook`);
}

function toView(context: CountdownContext, countdown: AccountCountdown): CountdownView {
  const source = countdown.source;
  const checkpoints: CheckpointItem[] = countdown.checkpoints.map((checkpoint) => {
    const stored = countdown.storedByDays.get(checkpoint.daysBefore);
    return {
      daysBefore: checkpoint.daysBefore,
      dueDate: checkpoint.dueDate,
      opensOn: checkpoint.opensOn,
      playbook: checkpoint.playbook,
      taskSubject: checkpoint.taskSubject,
      guidance: checkpoint.guidance,
      requiresCall: checkpoint.requiresCall,
      state: checkpoint.state,
      taskId: playbookTaskId(countdown, checkpoint),
      call: checkpoint.call,
      callNote: checkpoint.callNote,
      dataBand: checkpoint.dataBand,
      isDisagreement: checkpoint.isDisagreement,
      recordedAt: stored?.progress.recordedAt ?? null,
      recordedByName: stored?.progress.recordedByName ?? null
    };
  });
  return {
    accountId: countdown.state.signals.accountId,
    accountName: countdown.state.signals.accountName,
    asOf: countdown.asOf,
    renewalDate: source?.renewalDate ?? null,
    renewalSource: source?.source ?? null,
    sourceRecordId: source?.recordId ?? null,
    sourceName: source?.name ?? null,
    daysToRenewal: source === null ? null : daysBetween(countdown.asOf, source.renewalDate),
    dataBand: countdown.dataBand,
    dataScore: countdown.dataScore,
    canRecordCall: context.user.canRecordRenewalCalls,
    hasDisagreement: checkpoints.some((checkpoint) => checkpoint.isDisagreement === true),
    checkpoints
  };
}

function loadForUser(context: CountdownContext, accountId: string): AccountCountdown {
  return countdownOf(context, requireAccount(context.data, accountId));
}

/**
 * RenewalCountdownController.getCountdown: the renewal date and its source, the health band, and one checkpoint per
 * active definition with its state, playbook Task and recorded call.
 * @throws ApexError with the service's messages.
 */
export function getCountdown(context: CountdownContext, accountIdParam: string | null): CountdownView {
  const accountId = requireAccountId(accountIdParam);
  if (!context.user.canReadPlans) {
    fail(`${ACCESS_DENIED_PREFIX}you cannot read Renewal Checkpoint records. ${PERMISSION_SET_HINT}`);
  }
  return toView(context, loadForUser(context, accountId));
}

function requireCall(call: string | null): RenewalCall {
  const trimmed = call?.trim() ?? '';
  const match = RENEWAL_CALLS.find((candidate) => candidate === trimmed);
  if (match !== undefined) {
    return match;
  }
  const problem = trimmed === '' ? 'The renewal call is missing.' : `Renewal call ${trimmed} is not valid.`;
  const choices = RENEWAL_CALLS.map((candidate) => `${candidate} (${CALL_MEANINGS[candidate]})`);
  fail(`${problem} Choose ${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}.`);
}

function requireNote(note: string | null): string {
  if (note === null || note.trim() === '') {
    fail('Note is missing. Say why you make this call, for example what the sponsor said about the budget.');
  }
  const trimmed = note.trim();
  if (trimmed.length > CALL_NOTE_LENGTH) {
    fail(`Note is ${trimmed.length} characters long, more than the ${CALL_NOTE_LENGTH} allowed. Shorten it.`);
  }
  return trimmed;
}

function requireCallDefinition(data: CockpitData, daysBefore: number | null): CheckpointDefinition {
  if (daysBefore === null) {
    fail('The checkpoint is missing. Choose the checkpoint of the call, for example the 180-day checkpoint.');
  }
  const active = data.checkpointDefinitions.filter((definition) => definition.isActive);
  const definition = active.find((candidate) => candidate.daysBefore === daysBefore);
  if (definition === undefined) {
    fail(
      `No active renewal checkpoint is due ${daysBefore} days before the renewal. Reload the page to see the ` +
        'current checkpoints.'
    );
  }
  if (!definition.requiresCall) {
    const days = active
      .filter((candidate) => candidate.requiresCall)
      .map((candidate) => `${candidate.daysBefore} days`);
    fail(
      `The ${daysBefore}-day checkpoint (${definition.playbook}) takes no renewal call. Record the call at a ` +
        `checkpoint that asks for one${days.length ? `: ${days.join(', ')}` : ''}.`
    );
  }
  return definition;
}

function requireOpenCheckpoint(countdown: AccountCountdown, definition: CheckpointDefinition): CheckpointView {
  const source = countdown.source;
  if (source === null) {
    fail(
      `Account ${countdown.state.signals.accountName} has no renewal date: no open renewal Opportunity and no ` +
        'activated Contract with an end date is visible to you. Add the renewal Opportunity, then record the call.'
    );
  }
  const checkpoint = countdown.checkpoints.find((candidate) => candidate.daysBefore === definition.daysBefore);
  const label = `The ${definition.daysBefore}-day checkpoint`;
  if (checkpoint === undefined) {
    fail(`${label} is not part of the countdown. Reload the page and try again.`);
  }
  if (checkpoint.state === 'Upcoming') {
    fail(`${label} opens on ${checkpoint.opensOn}. Record the call from that day on.`);
  }
  if (checkpoint.state === 'Skipped') {
    fail(
      `${label} was skipped, because its due date ${checkpoint.dueDate} had passed when the countdown started for ` +
        `the renewal on ${source.renewalDate}. Record the call at the next checkpoint that asks for one.`
    );
  }
  return checkpoint;
}

/**
 * RenewalCountdownController.recordCall: records the CSM's call at a checkpoint that requires one and is Due, Overdue
 * or Done, beside the account's health band, and marks the checkpoint Done. A call more than one band away from the
 * band is flagged, and a Task for the manager is created unless the same call was flagged already.
 * @throws ApexError with the service's messages.
 */
export function recordCall(
  context: CountdownContext,
  accountIdParam: string | null,
  daysBefore: number | null,
  callParam: string | null,
  noteParam: string | null
): CallResult {
  const accountId = requireAccountId(accountIdParam);
  if (!context.user.canRecordRenewalCalls) {
    fail(`${ACCESS_DENIED_PREFIX}you cannot record renewal calls. ${PERMISSION_SET_HINT}`);
  }
  const call = requireCall(callParam);
  const note = requireNote(noteParam);
  const definition = requireCallDefinition(context.data, daysBefore);

  const countdown = loadForUser(context, accountId);
  const checkpoint = requireOpenCheckpoint(countdown, definition);
  const source = countdown.source as RenewalSource;
  const comparison = compareRenewalCall(call, countdown.dataBand);
  const stored = countdown.storedByDays.get(checkpoint.daysBefore);
  const isAlreadyFlagged = stored?.progress.isDisagreement === true && stored.progress.call === call;

  const state = countdown.state;
  const key = checkpointKey(state.signals.accountId, source.renewalDate, checkpoint.daysBefore);
  const now = context.now().toISOString();
  context.store.put('renewalCalls', key, {
    id: key,
    accountId: state.signals.accountId,
    renewalDate: source.renewalDate,
    daysBefore: checkpoint.daysBefore,
    call,
    callNote: note,
    dataBand: countdown.dataBand,
    dataScore: countdown.dataScore,
    isDisagreement: comparison.isDisagreement,
    recordedAt: now,
    recordedById: context.user.id,
    recordedByName: context.user.name
  });
  if (comparison.isDisagreement && !isAlreadyFlagged) {
    addDisagreementTask(context, countdown, key, checkpoint, call, note, comparison.explanation);
  }
  return {
    call,
    dataBand: countdown.dataBand,
    isDisagreement: comparison.isDisagreement,
    explanation: comparison.explanation
  };
}

/**
 * Stores the Task that alerts the manager to a disagreeing call. NOTE: the export has no User.ManagerId, so the
 * Task goes to the account owner, as it does in the org when the owner has no active manager.
 */
function addDisagreementTask(
  context: CountdownContext,
  countdown: AccountCountdown,
  key: string,
  checkpoint: CheckpointView,
  call: RenewalCall,
  note: string,
  explanation: string
): void {
  const state = countdown.state;
  const source = countdown.source as RenewalSource;
  const id = syntheticId('Task', `${key}|disagreement|${context.now().toISOString()}`);
  const description =
    `${explanation}\n\nCall: ${call} at the ${checkpoint.daysBefore}-day checkpoint of the renewal on ` +
    `${source.renewalDate}, recorded by ${context.user.name}.\nHealth band: ${countdown.dataBand ?? 'none'}` +
    `${countdown.dataScore === null ? '' : `, score ${countdown.dataScore}`}.\nNote: ${note}`;
  const subject = `${DISAGREEMENT_SUBJECT}${state.signals.accountName}`;
  context.store.put('renewalTasks', id, {
    id,
    accountId: state.signals.accountId,
    checkpointKey: key,
    subject: subject.length <= 255 ? subject : `${subject.slice(0, 252)}...`,
    description,
    ownerId: state.info?.ownerId ?? null,
    ownerName: state.info?.ownerName ?? null,
    activityDate: countdown.asOf,
    status: 'Not Started'
  });
}

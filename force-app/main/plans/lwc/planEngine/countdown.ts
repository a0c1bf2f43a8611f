import { formatIsoDate, parseIsoDate } from 'c/healthEngine';
import type {
  CallComparison,
  CheckpointDefinition,
  CheckpointProgress,
  CheckpointState,
  CheckpointView,
  CountdownInput,
  RenewalCall
} from './types';

/** Levels of the renewal calls; Upside (more than a full renewal) sits above the level of a green band. */
const CALL_LEVELS: Record<RenewalCall, number> = { AtRisk: 0, Commit: 2, Upside: 3 };

/** Levels of the health bands that can be compared with a call; Insufficient has none. */
const BAND_LEVELS: Record<string, number> = { Red: 0, Yellow: 1, Green: 2 };

/**
 * Orders definitions by daysBefore descending, so the earliest checkpoint comes first. `Array.prototype.sort` is
 * stable, so definitions with the same daysBefore keep their input order, as in the Apex port.
 */
function compareDefinitions(left: CheckpointDefinition, right: CheckpointDefinition): number {
  return right.daysBefore - left.daysBefore;
}

function isDone(definition: CheckpointDefinition, progress: CheckpointProgress | undefined): boolean {
  if (progress === undefined) {
    return false;
  }
  return progress.status === 'Done' || progress.isTaskClosed || (definition.requiresCall && progress.call !== null);
}

/**
 * Builds the renewal countdown of one account: one checkpoint per active definition, ordered by daysBefore
 * descending (the earliest checkpoint first), with ties in input order. An empty list when the renewal date is null.
 * - dueDate = renewalDate - daysBefore; opensOn = dueDate - leadDays.
 * - Stored progress is matched by daysBefore.
 * - State, checked in this order:
 *   1. Done when the stored status is Done, the playbook Task is closed, or the definition requires a call and one
 *      is recorded.
 *   2. Skipped when dueDate is before firstSeen (asOf when firstSeen is null), because the renewal date became known
 *      too late for the checkpoint.
 *   3. Upcoming when asOf is before opensOn.
 *   4. Due when asOf is on or before dueDate.
 *   5. Overdue otherwise.
 *   A stored status other than Done is recomputed, never copied.
 * - call, callNote, dataBand and isDisagreement are copied from the stored progress (null and false without one).
 * A renewal date in the past gives Skipped checkpoints unless firstSeen is earlier than their due dates.
 * @param input Renewal date, as-of date, first-seen date, checkpoint definitions and stored progress.
 * @throws Error when a date is not an ISO date.
 */
export function renewalCountdownOf(input: CountdownInput): CheckpointView[] {
  if (input.renewalDate === null) {
    return [];
  }
  const renewalDay = parseIsoDate(input.renewalDate, 'renewalDate');
  const asOfDay = parseIsoDate(input.asOf, 'asOf');
  const firstSeenDay = input.firstSeen === null ? asOfDay : parseIsoDate(input.firstSeen, 'firstSeen');
  const progressByDays = new Map<number, CheckpointProgress>();
  for (const progress of input.progress) {
    if (!progressByDays.has(progress.daysBefore)) {
      progressByDays.set(progress.daysBefore, progress);
    }
  }
  return input.definitions
    .filter((definition) => definition.isActive)
    .sort(compareDefinitions)
    .map((definition) => {
      const progress = progressByDays.get(definition.daysBefore);
      const dueDay = renewalDay - definition.daysBefore;
      const opensDay = dueDay - definition.leadDays;
      let state: CheckpointState;
      if (isDone(definition, progress)) {
        state = 'Done';
      } else if (dueDay < firstSeenDay) {
        state = 'Skipped';
      } else if (asOfDay < opensDay) {
        state = 'Upcoming';
      } else if (asOfDay <= dueDay) {
        state = 'Due';
      } else {
        state = 'Overdue';
      }
      return {
        daysBefore: definition.daysBefore,
        dueDate: formatIsoDate(dueDay),
        playbook: definition.playbook,
        taskSubject: definition.taskSubject,
        guidance: definition.guidance,
        requiresCall: definition.requiresCall,
        state,
        opensOn: formatIsoDate(opensDay),
        call: progress?.call ?? null,
        callNote: progress?.callNote ?? null,
        dataBand: progress?.dataBand ?? null,
        isDisagreement: progress?.isDisagreement ?? false
      };
    });
}

function bandsApart(gap: number): string {
  const size = Math.abs(gap);
  return `${size} ${size === 1 ? 'band' : 'bands'} ${gap > 0 ? 'above' : 'below'}`;
}

/**
 * Compares a CSM's renewal call with the data signal, the account's health band. Levels: band Red 0, Yellow 1,
 * Green 2; call AtRisk 0, Commit 2, Upside 3 (more than a full renewal, so above green). gap = callLevel - dataLevel,
 * and the call disagrees when |gap| >= 2, that is more than one band apart. A band that is null, Insufficient or not
 * one of Red, Yellow and Green gives no data signal: dataLevel and gap are null and nothing disagrees.
 * @param call The CSM's call.
 * @param band Health band when the call is recorded.
 * @throws Error when the call is not Commit, AtRisk or Upside.
 */
export function compareRenewalCall(call: RenewalCall, band: string | null): CallComparison {
  const callLevel = Object.prototype.hasOwnProperty.call(CALL_LEVELS, call) ? CALL_LEVELS[call] : undefined;
  if (callLevel === undefined) {
    throw new Error(`Renewal call ${JSON.stringify(call)} is not valid; use Commit, AtRisk or Upside.`);
  }
  const dataLevel = band !== null && Object.prototype.hasOwnProperty.call(BAND_LEVELS, band) ? BAND_LEVELS[band] : null;
  if (band === null || dataLevel === null) {
    return {
      callLevel,
      dataLevel: null,
      gap: null,
      isDisagreement: false,
      explanation: `There is no data signal to compare with the ${call} call: the account has no health band with enough data.`
    };
  }
  const gap = callLevel - dataLevel;
  const isDisagreement = Math.abs(gap) >= 2;
  let explanation: string;
  if (gap === 0) {
    explanation = `The ${call} call matches the ${band} health band.`;
  } else if (isDisagreement) {
    explanation =
      `The ${call} call is ${bandsApart(gap)} the ${band} health band, more than one band apart: ` +
      'the manager should review the call with the CSM.';
  } else {
    explanation = `The ${call} call is ${bandsApart(gap)} the ${band} health band, which is within one band.`;
  }
  return { callLevel, dataLevel, gap, isDisagreement, explanation };
}

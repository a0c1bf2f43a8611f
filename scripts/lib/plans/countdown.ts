/**
 * Inputs of the renewal countdown built from the checkpoints an org export stored (RenewalCheckpoint__c), shared by
 * `npm run score` and the offline cockpit.
 */
import type { CheckpointDefinition, CheckpointProgress, CountdownInput } from 'c/planEngine';
import type { RenewalCheckpointRow } from '../export';

/** Returns the stored rows of one renewal date; rows of earlier renewal dates belong to past renewals. */
function rowsOfRenewal(rows: readonly RenewalCheckpointRow[], renewalDate: string): RenewalCheckpointRow[] {
  return rows.filter((row) => row.renewalDate === renewalDate);
}

/** Converts the stored checkpoints of one renewal date into the progress `renewalCountdownOf` reads. */
export function checkpointProgressOf(rows: readonly RenewalCheckpointRow[], renewalDate: string): CheckpointProgress[] {
  return rowsOfRenewal(rows, renewalDate).map((row) => ({
    daysBefore: row.daysBefore,
    status: row.status,
    isTaskClosed: row.taskClosed,
    call: row.call,
    callNote: row.callNote,
    dataBand: row.dataBand,
    dataScore: row.dataScore,
    isDisagreement: row.isDisagreement,
    recordedAt: row.recordedAt,
    recordedByName: row.recordedByName
  }));
}

/**
 * Returns the day the countdown first saw a renewal date: the earliest CreatedDate of the checkpoints stored for it,
 * or null when none is stored (or none has a CreatedDate), which `renewalCountdownOf` reads as the as-of date.
 */
export function firstSeenOf(rows: readonly RenewalCheckpointRow[], renewalDate: string): string | null {
  let earliest: string | null = null;
  for (const row of rowsOfRenewal(rows, renewalDate)) {
    if (row.createdDate !== null && (earliest === null || row.createdDate < earliest)) {
      earliest = row.createdDate;
    }
  }
  return earliest;
}

/**
 * Builds the countdown input of one account on an as-of date.
 * @param renewalDate ISO renewal date of the account; null when it has none.
 * @param rows Stored checkpoints of the account, of any renewal date.
 * @param definitions Checkpoint definitions from RenewalCheckpoint__mdt.
 */
export function countdownInputOf(
  renewalDate: string | null,
  asOf: string,
  rows: readonly RenewalCheckpointRow[],
  definitions: CheckpointDefinition[]
): CountdownInput {
  return {
    renewalDate,
    asOf,
    firstSeen: renewalDate === null ? null : firstSeenOf(rows, renewalDate),
    definitions,
    progress: renewalDate === null ? [] : checkpointProgressOf(rows, renewalDate)
  };
}

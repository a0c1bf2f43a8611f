/**
 * Pure functions that turn the countdown of RenewalCountdownController into what the renewalCountdown template shows,
 * check the renewal call form before it reaches Apex, and word the result of a recorded call.
 */
import { daysBetween } from 'c/healthEngine';
import { RENEWAL_CALLS, compareRenewalCall } from 'c/planEngine';
import type { RenewalCall } from 'c/planEngine';

type Countdown = ApexTypes.RenewalCountdownController_CountdownView;
type Checkpoint = ApexTypes.RenewalCountdownController_CheckpointView;
type CallResult = ApexTypes.RenewalCountdownController_CallResult;

/** Start of the Apex messages of access failures. */
export const ACCESS_DENIED_PREFIX = 'Access denied: ';

/** Length of RenewalCheckpoint__c.CallNote__c. */
export const MAX_CALL_NOTE = 2000;

/** Checkpoint states in which the CSM may record or revise a call, the same states in which Apex accepts one. */
const CALL_STATES = new Set(['Due', 'Overdue', 'Done']);

const PLAYBOOK_LABELS: Record<string, string> = {
  ValueReview: 'Value review',
  SponsorTouch: 'Sponsor touch',
  QBR: 'QBR',
  Proposal: 'Proposal'
};

const CALL_LABELS: Record<RenewalCall, string> = {
  Commit: 'Commit',
  AtRisk: 'At risk',
  Upside: 'Upside'
};

const CALL_MEANINGS: Record<RenewalCall, string> = {
  Commit: 'the customer renews in full',
  AtRisk: 'the customer may churn or renew for less',
  Upside: 'the customer renews and expands'
};

const BAND_BADGES: Record<string, string> = {
  Green: 'slds-theme_success',
  Yellow: 'slds-theme_warning',
  Red: 'slds-theme_error'
};

/** Icon, label and style of each checkpoint state. */
const STATE_STYLES: Record<string, { label: string; iconName: string; iconVariant: string; className: string }> = {
  Done: { label: 'Done', iconName: 'utility:success', iconVariant: 'success', className: 'checkpoint_done' },
  Due: { label: 'Due', iconName: 'utility:clock', iconVariant: 'warning', className: 'checkpoint_due' },
  Overdue: { label: 'Overdue', iconName: 'utility:warning', iconVariant: 'error', className: 'checkpoint_overdue' },
  Upcoming: { label: 'Upcoming', iconName: 'utility:event', iconVariant: '', className: 'checkpoint_upcoming' },
  Skipped: { label: 'Skipped', iconName: 'utility:skip_forward', iconVariant: '', className: 'checkpoint_skipped' }
};

/** Option of the call radio group. */
export interface Option {
  label: string;
  value: string;
}

/** Calls in the order of the Call__c picklist, each with what it means. */
export const CALL_OPTIONS: Option[] = RENEWAL_CALLS.map((call) => ({
  label: `${CALL_LABELS[call]}: ${CALL_MEANINGS[call]}`,
  value: call
}));

/** The days to renewal as the header shows them. */
export interface DaysToRenewal {
  /** Whole days as text, or an empty string when the renewal is today, has passed or is unknown. */
  count: string;
  /** Words under or instead of the number. */
  caption: string;
  isPassed: boolean;
}

/** The recorded call of a checkpoint, as the template lists it. */
export interface CallRow {
  callLabel: string;
  bandText: string;
  bandClass: string;
  note: string;
  recordedText: string;
  isDisagreement: boolean;
  disagreementText: string;
}

/** One checkpoint as the template lists it. */
export interface CheckpointRow {
  key: string;
  daysBefore: number;
  headingId: string;
  heading: string;
  dueText: string;
  playbookLabel: string;
  taskSubject: string;
  guidance: string;
  hasGuidance: boolean;
  state: string;
  stateLabel: string;
  stateDetail: string;
  iconName: string;
  iconVariant: string;
  className: string;
  taskUrl: string;
  hasTask: boolean;
  /** True when the checkpoint takes a call and its state lets the CSM record one. */
  isCallOpen: boolean;
  /** The recorded call, or null when none was recorded. */
  call: CallRow | null;
  hasCall: boolean;
  callActionLabel: string;
}

/** Values of the renewal call form. */
export interface CallForm {
  call: string;
  note: string;
}

/** Message per invalid field. A field without a message is valid. */
export type CallFormErrors = Partial<Record<keyof CallForm, string>>;

/** Comparison that the form shows while the CSM picks a call, made by the same rule the server applies on save. */
export interface CallPreview {
  text: string;
  isDisagreement: boolean;
  className: string;
}

/** Title, message and variant of the toast after a call was recorded. */
export interface ToastContent {
  title: string;
  message: string;
  variant: 'success' | 'warning';
}

/**
 * Returns true when the value is one of the calls a CSM may record.
 * @param value Call__c value or form input.
 */
export function isRenewalCall(value: string | null | undefined): value is RenewalCall {
  return (RENEWAL_CALLS as readonly string[]).includes(value ?? '');
}

/**
 * Returns the label of a playbook, with spaces where the stored value has none.
 * @param playbook Playbook__c value.
 * @returns The label. A playbook an admin added keeps its value, and a missing one gives `Playbook`.
 */
export function playbookLabel(playbook: string | null | undefined): string {
  if (!playbook) {
    return 'Playbook';
  }
  return PLAYBOOK_LABELS[playbook] ?? playbook;
}

/**
 * Returns the label of a renewal call.
 * @param call Call__c value.
 * @returns `Commit`, `At risk` or `Upside`. Any other value is returned as given, and a missing one gives `No call`.
 */
export function callLabel(call: string | null | undefined): string {
  if (!call) {
    return 'No call';
  }
  return isRenewalCall(call) ? CALL_LABELS[call] : call;
}

/**
 * Returns the SLDS theme class of the badge of a health band.
 * @param band Green, Yellow, Red, Insufficient or null.
 * @returns The class, or an empty string for a band without a colour.
 */
export function bandBadgeClass(band: string | null | undefined): string {
  return BAND_BADGES[band ?? ''] ?? '';
}

/**
 * Formats a health score with at most one decimal, such as `62.5`.
 * @param score Score from 0 to 100.
 * @returns The text, or an empty string when there is no score.
 */
export function formatScore(score: number | null | undefined): string {
  if (score === null || score === undefined || !Number.isFinite(score)) {
    return '';
  }
  return String(Math.round(score * 10) / 10);
}

/**
 * Words the current health band and score, the data signal that renewal calls are compared with.
 * @param band Health band of the latest snapshot.
 * @param score Health score of the latest snapshot.
 * @returns For example `Yellow, score 62.5`.
 */
export function describeDataSignal(band: string | null | undefined, score: number | null | undefined): string {
  if (!band) {
    return 'Not scored yet, so there is no data signal to compare a call with';
  }
  if (band === 'Insufficient') {
    return 'Insufficient data, so there is no data signal to compare a call with';
  }
  const scoreText = formatScore(score);
  return scoreText === '' ? band : `${band}, score ${scoreText}`;
}

function pluralDays(days: number): string {
  return `${days} ${days === 1 ? 'day' : 'days'}`;
}

/**
 * Describes the days from the as-of date to the renewal date.
 * @param days Days to renewal, negative once the date has passed, or null when unknown.
 * @returns The number and the words the header shows.
 */
export function describeDaysToRenewal(days: number | null | undefined): DaysToRenewal {
  if (days === null || days === undefined) {
    return { count: '', caption: 'No renewal date', isPassed: false };
  }
  if (days < 0) {
    return { count: '', caption: `Renewal date passed ${pluralDays(-days)} ago`, isPassed: true };
  }
  if (days === 0) {
    return { count: '', caption: 'The renewal is today', isPassed: false };
  }
  return { count: String(days), caption: days === 1 ? 'day to renewal' : 'days to renewal', isPassed: false };
}

/**
 * Returns the URL of a record's page in Lightning Experience.
 * @param recordId Salesforce Id.
 * @returns `/lightning/r/<Id>/view`, or an empty string without an Id.
 */
export function recordUrl(recordId: string | null | undefined): string {
  return recordId ? `/lightning/r/${recordId}/view` : '';
}

/**
 * Words where the renewal date comes from.
 * @param source Opportunity, Contract or null.
 * @returns For example `Close date of the open renewal Opportunity`.
 */
export function describeSource(source: string | null | undefined): string {
  if (source === 'Opportunity') {
    return 'Close date of the open renewal Opportunity';
  }
  if (source === 'Contract') {
    return 'End date of the activated Contract';
  }
  return 'Renewal record';
}

/**
 * Formats an Apex Datetime (ISO with time and zone) as the local date and time it falls on.
 * @param value ISO date-time. Null or empty gives an empty string.
 * @returns `YYYY-MM-DD HH:mm` in the browser's time zone, or the input as given when it is not a valid date-time.
 */
export function localDateTimeOf(value: string | null | undefined): string {
  if (!value) {
    return '';
  }
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) {
    return value;
  }
  const pad = (part: number): string => String(part).padStart(2, '0');
  const date = `${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())}`;
  return `${date} ${pad(time.getHours())}:${pad(time.getMinutes())}`;
}

/** Counts the days from `from` to `to`, or returns null when either is not an ISO date. */
function daysFrom(from: string | null, to: string | null): number | null {
  if (!from || !to) {
    return null;
  }
  try {
    return daysBetween(from, to);
  } catch {
    return null;
  }
}

function stateDetail(checkpoint: Checkpoint, asOf: string | null): string {
  const due = checkpoint.dueDate ?? 'an unknown date';
  switch (checkpoint.state) {
    case 'Done':
      return `was due on ${due}`;
    case 'Due':
      return `due on ${due}`;
    case 'Overdue': {
      const late = daysFrom(checkpoint.dueDate, asOf);
      return late !== null && late > 0 ? `was due on ${due}, ${pluralDays(late)} ago` : `was due on ${due}`;
    }
    case 'Upcoming':
      return `opens on ${checkpoint.opensOn ?? 'an unknown date'}`;
    case 'Skipped':
      return 'renewal found after this checkpoint';
    default:
      return `due on ${due}`;
  }
}

/**
 * Words the recorded call of a checkpoint, with the health band it was compared with and why it was flagged.
 * @param checkpoint The checkpoint.
 * @returns The call, or null when the checkpoint has none.
 */
export function buildCallRow(checkpoint: Checkpoint): CallRow | null {
  if (!checkpoint.call) {
    return null;
  }
  const band = checkpoint.dataBand;
  const recordedOn = localDateTimeOf(checkpoint.recordedAt);
  const recordedBy = checkpoint.recordedByName ?? 'an unknown user';
  const isDisagreement = checkpoint.isDisagreement === true;
  let disagreementText = '';
  if (isDisagreement) {
    const explanation = isRenewalCall(checkpoint.call)
      ? compareRenewalCall(checkpoint.call, band).explanation
      : 'The call and the health band are more than one band apart.';
    disagreementText = `Flagged for the manager. ${explanation}`;
  }
  return {
    callLabel: callLabel(checkpoint.call),
    bandText: band ? `${band} when the call was recorded` : 'No health band when the call was recorded',
    bandClass: bandBadgeClass(band),
    note: checkpoint.callNote ?? '',
    recordedText: recordedOn ? `Recorded by ${recordedBy} on ${recordedOn}` : `Recorded by ${recordedBy}`,
    isDisagreement,
    disagreementText
  };
}

/**
 * Builds the rows of the checkpoint timeline, in the order Apex sorted them (most days before first).
 * @param countdown The countdown. Null gives no rows.
 * @returns One row per checkpoint.
 */
export function buildCheckpointRows(countdown: Countdown | null | undefined): CheckpointRow[] {
  const asOf = countdown?.asOf ?? null;
  return (countdown?.checkpoints ?? []).map((checkpoint, index) => {
    const daysBefore = checkpoint.daysBefore ?? 0;
    const state = checkpoint.state ?? 'Upcoming';
    const style = STATE_STYLES[state] ?? STATE_STYLES.Upcoming;
    const label = playbookLabel(checkpoint.playbook);
    const call = buildCallRow(checkpoint);
    const taskUrl = recordUrl(checkpoint.taskId);
    return {
      key: `checkpoint-${daysBefore}`,
      daysBefore,
      headingId: `checkpoint-heading-${index}`,
      heading: `${pluralDays(daysBefore)} before: ${label}`,
      dueText: checkpoint.dueDate ? `Due date ${checkpoint.dueDate}` : 'No due date',
      playbookLabel: label,
      taskSubject: checkpoint.taskSubject ?? '',
      guidance: checkpoint.guidance ?? '',
      hasGuidance: Boolean(checkpoint.guidance),
      state,
      stateLabel: STATE_STYLES[state]?.label ?? state,
      stateDetail: stateDetail(checkpoint, asOf),
      iconName: style.iconName,
      iconVariant: style.iconVariant,
      className: `checkpoint ${style.className}`,
      taskUrl,
      hasTask: taskUrl !== '',
      isCallOpen: checkpoint.requiresCall === true && CALL_STATES.has(state),
      call,
      hasCall: call !== null,
      callActionLabel: call ? 'Revise call' : 'Record call'
    };
  });
}

/**
 * Summarises the checkpoints by state, such as `7 checkpoints: 2 done, 1 due, 4 upcoming.`
 * @param rows The checkpoint rows.
 * @returns The sentence, or an empty string without rows.
 */
export function summarizeCheckpoints(rows: CheckpointRow[]): string {
  if (rows.length === 0) {
    return '';
  }
  const counts = new Map<string, number>();
  for (const row of rows) {
    counts.set(row.state, (counts.get(row.state) ?? 0) + 1);
  }
  const parts = [...counts.entries()].map(([state, count]) => `${count} ${state.toLowerCase()}`);
  return `${rows.length} ${rows.length === 1 ? 'checkpoint' : 'checkpoints'}: ${parts.join(', ')}.`;
}

/**
 * Checks the renewal call form.
 * @param form Values as typed.
 * @returns A message per invalid field.
 */
export function validateCallForm(form: CallForm): CallFormErrors {
  const errors: CallFormErrors = {};
  if (!isRenewalCall(form.call)) {
    errors.call = 'Choose your call: Commit, At risk or Upside.';
  }
  const note = form.note.trim();
  if (note === '') {
    errors.note = 'Write why you make this call, for the manager who reviews it.';
  } else if (note.length > MAX_CALL_NOTE) {
    errors.note = `Note is ${note.length} characters long, more than the ${MAX_CALL_NOTE} allowed. Shorten it.`;
  }
  return errors;
}

/**
 * Compares the call being picked with the current health band, as the server does when it saves the call.
 * @param call Call picked in the form.
 * @param band Current health band of the account.
 * @returns The comparison in words, or null until a valid call is picked.
 */
export function previewCall(call: string, band: string | null | undefined): CallPreview | null {
  if (!isRenewalCall(call)) {
    return null;
  }
  const comparison = compareRenewalCall(call, band ?? null);
  if (!comparison.isDisagreement) {
    return { text: comparison.explanation, isDisagreement: false, className: 'slds-text-color_weak' };
  }
  return {
    text: `${comparison.explanation} Saving this call flags it for your manager.`,
    isDisagreement: true,
    className: 'call-preview_disagreement'
  };
}

/**
 * Words the toast after a call was recorded: a warning when it disagrees with the health band.
 * @param result What recordCall returned.
 * @returns The toast content.
 */
export function describeCallResult(result: CallResult): ToastContent {
  const band = result.dataBand ? `health band ${result.dataBand}` : 'no health band';
  const summary = `${callLabel(result.call)} recorded beside ${band}.`;
  const explanation = result.explanation ? ` ${result.explanation}` : '';
  if (result.isDisagreement === true) {
    return {
      title: 'Renewal call flagged for your manager',
      message: `${summary}${explanation} The call disagrees with the data, so it is flagged for your manager.`,
      variant: 'warning'
    };
  }
  return { title: 'Renewal call recorded', message: `${summary}${explanation}`, variant: 'success' };
}

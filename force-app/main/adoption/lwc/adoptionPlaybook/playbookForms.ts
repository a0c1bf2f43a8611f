/**
 * Values, checks and Apex parameters of the create flow of the adoptionPlaybook component. The form contains the chosen
 * feature and segment, the barriers the user keeps, adds and rewrites, the target and the target date. Each check
 * returns a message per invalid field that names the problem and what to enter instead.
 */
import { formatIsoDate, formatNumber, parseIsoDate } from 'c/healthEngine';
import { BARRIERS, BARRIER_ACTIONS } from 'c/adoptionEngine';
import type { Barrier } from 'c/adoptionEngine';
import { parseSegmentKey } from './playbookView';
import type { Option } from './playbookView';

type PlaybookSuggestion = ApexTypes.AdoptionPlaybookController_PlaybookSuggestion;

/** Latest target date of a playbook, in days after today, as AdoptionPlaybookService accepts it. */
export const MAX_TARGET_DAYS = 365;

/** Length of PlaybookBarrier__c.Evidence__c and Action__c. */
export const BARRIER_TEXT_LENGTH = 255;

/** Values of the create form. */
export interface CreateForm {
  featureKey: string;
  /** `<segmentType>|<segment>`, from segmentKeyOf. */
  segmentKey: string;
  targetPercent: string;
  targetDate: string;
}

/** A barrier of the new playbook as the user edits it. */
export interface BarrierDraft {
  barrier: Barrier;
  evidence: string;
  action: string;
  /** True when the proposal suggested the barrier; false when the user added it. */
  isSuggested: boolean;
  /** False when the user removed a suggested barrier; an added barrier is deleted instead. */
  isKept: boolean;
}

/**
 * Message per invalid field. Barrier fields are named `action:<Barrier>` and `evidence:<Barrier>`. A field without a
 * message is valid.
 */
export type FormErrors = Record<string, string>;

/** Parameters of AdoptionPlaybookController.createPlaybook. */
export interface CreateParams {
  accountId: string;
  featureKey: string;
  segmentType: string;
  segment: string;
  targetPercent: number;
  targetDate: string;
  barriers: { barrier: string; evidence: string | null; action: string | null; isSuggested: boolean }[];
}

/** A sprint Task the new playbook would create, as the preview shows it. */
export interface SprintPreviewRow {
  key: string;
  barrier: string;
  subject: string;
  dueText: string;
}

function isBarrier(value: string | null | undefined): value is Barrier {
  return (BARRIERS as readonly string[]).includes(value ?? '');
}

/**
 * Tells whether a text is a calendar date in the form `YYYY-MM-DD`.
 * @param value Text to check.
 */
export function isIsoDate(value: string): boolean {
  try {
    parseIsoDate(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Adds days to an ISO date.
 * @param iso Date as `YYYY-MM-DD`.
 * @param days Days to add; negative to go back.
 */
export function addDays(iso: string, days: number): string {
  return formatIsoDate(parseIsoDate(iso) + days);
}

/**
 * Returns the browser's current local date as `YYYY-MM-DD`.
 * @param now The current time; the current clock by default.
 */
export function localToday(now: Date = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

/**
 * Returns an empty create form for a feature and segment.
 * @param featureKey Feature key; empty for none.
 * @param segmentKey Segment key; empty for none.
 */
export function emptyCreateForm(featureKey = '', segmentKey = ''): CreateForm {
  return { featureKey, segmentKey, targetPercent: '', targetDate: '' };
}

/**
 * Fills the target and the target date of a form from a proposal.
 * @param form The form with the feature and segment chosen.
 * @param suggestion The proposal for them.
 */
export function withSuggestedTarget(form: CreateForm, suggestion: PlaybookSuggestion): CreateForm {
  return {
    ...form,
    targetPercent: typeof suggestion.targetPercent === 'number' ? formatNumber(suggestion.targetPercent) : '',
    targetDate: suggestion.targetDate ?? ''
  };
}

/**
 * Turns the barriers of a proposal into drafts, all kept, in diagnosis order.
 * @param suggestion The proposal.
 */
export function draftsOf(suggestion: PlaybookSuggestion): BarrierDraft[] {
  const drafts: BarrierDraft[] = [];
  for (const barrier of suggestion.barriers ?? []) {
    if (isBarrier(barrier.barrier)) {
      drafts.push({
        barrier: barrier.barrier,
        evidence: barrier.evidence ?? '',
        action: barrier.action ?? BARRIER_ACTIONS[barrier.barrier],
        isSuggested: true,
        isKept: true
      });
    }
  }
  return drafts;
}

/**
 * Builds the draft of a barrier the user adds, with the default action of the barrier and no evidence.
 * @param barrier The barrier.
 */
export function addedDraft(barrier: Barrier): BarrierDraft {
  return { barrier, evidence: '', action: BARRIER_ACTIONS[barrier], isSuggested: false, isKept: true };
}

/**
 * Puts drafts in diagnosis order (Access, Awareness, Training, UX, Relevance), as the playbook stores them.
 * @param drafts The drafts.
 */
export function sortDrafts(drafts: BarrierDraft[]): BarrierDraft[] {
  return [...drafts].sort((left, right) => BARRIERS.indexOf(left.barrier) - BARRIERS.indexOf(right.barrier));
}

/**
 * Lists the barriers the user can still add: those not among the drafts.
 * @param drafts The drafts.
 */
export function addableBarrierOptions(drafts: BarrierDraft[]): Option[] {
  return BARRIERS.filter((barrier) => !drafts.some((draft) => draft.barrier === barrier)).map((barrier) => ({
    label: barrier,
    value: barrier
  }));
}

function decimalPlaces(text: string): number {
  const match = /\.(\d+)$/.exec(text);
  return match ? match[1].length : 0;
}

function checkTargetPercent(text: string, current: number | null): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') {
    return 'Enter the adoption percent to reach, above 0 and at most 100.';
  }
  const value = Number(trimmed);
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(trimmed) || !Number.isFinite(value)) {
    return `${trimmed} is not a number. Enter a percent such as 60.`;
  }
  if (value <= 0 || value > 100) {
    return `${trimmed}% is out of range. Enter a percent above 0 and at most 100.`;
  }
  if (decimalPlaces(trimmed) > 1) {
    return `${trimmed} has more than one decimal place. Round it to one place, such as ${formatNumber(Math.round(value * 10) / 10)}.`;
  }
  if (current !== null && value <= current) {
    return `The target must be above the current adoption of ${formatNumber(current)}%. Enter a higher target.`;
  }
  return undefined;
}

function checkTargetDate(text: string, today: string): string | undefined {
  const last = addDays(today, MAX_TARGET_DAYS);
  if (text === '') {
    return 'Enter the day the target should be reached.';
  }
  if (!isIsoDate(text)) {
    return `${text} is not a date. Enter a date such as ${addDays(today, 90)}.`;
  }
  if (text <= today) {
    return `The target date must be after today, ${today}. Choose a later day.`;
  }
  if (text > last) {
    return `The target date must be at most ${MAX_TARGET_DAYS} days from today. Choose a day up to ${last}.`;
  }
  return undefined;
}

function checkBarrierText(label: string, text: string): string | undefined {
  const length = text.trim().length;
  return length > BARRIER_TEXT_LENGTH
    ? `${label} is ${length} characters long, more than the ${BARRIER_TEXT_LENGTH} allowed. Shorten it.`
    : undefined;
}

/**
 * Checks the create form.
 * @param form Values as entered.
 * @param drafts The barriers as edited.
 * @param suggestion The proposal for the chosen feature and segment; null while it loads or when it failed.
 * @param today The current day as `YYYY-MM-DD`.
 * @returns A message per invalid field, in the order the form shows them.
 */
export function validateCreateForm(
  form: CreateForm,
  drafts: BarrierDraft[],
  suggestion: PlaybookSuggestion | null,
  today: string
): FormErrors {
  const errors: FormErrors = {};

  if (form.featureKey === '') {
    errors.featureKey = 'Choose the feature the playbook is for.';
  }
  if (form.segmentKey === '' || parseSegmentKey(form.segmentKey) === null) {
    errors.segmentKey = 'Choose the segment the playbook is for.';
  } else if (suggestion?.activePlaybookId) {
    errors.segmentKey =
      'An Active playbook already covers this feature and segment. Complete or cancel it before starting another.';
  }

  const current = typeof suggestion?.currentPercent === 'number' ? suggestion.currentPercent : null;
  const target = checkTargetPercent(form.targetPercent, current);
  if (target !== undefined) {
    errors.targetPercent = target;
  }
  const date = checkTargetDate(form.targetDate, today);
  if (date !== undefined) {
    errors.targetDate = date;
  }

  const kept = drafts.filter((draft) => draft.isKept);
  if (kept.length === 0) {
    errors.barriers = 'Keep or add at least one barrier, so the playbook has something to work on.';
  }
  for (const draft of kept) {
    const action = checkBarrierText(`The ${draft.barrier} action`, draft.action);
    if (action !== undefined) {
      errors[`action:${draft.barrier}`] = action;
    }
    const evidence = checkBarrierText(`The ${draft.barrier} evidence`, draft.evidence);
    if (evidence !== undefined) {
      errors[`evidence:${draft.barrier}`] = evidence;
    }
  }
  return errors;
}

function blankToNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * Builds the parameters of createPlaybook from a valid form. A blank action takes the default action of its barrier in
 * Apex.
 * @param form Values as entered.
 * @param drafts The barriers as edited; removed ones are left out.
 * @param accountId Id of the account.
 */
export function createParamsOf(form: CreateForm, drafts: BarrierDraft[], accountId: string): CreateParams {
  const segment = parseSegmentKey(form.segmentKey) ?? { segmentType: '', segment: '' };
  return {
    accountId,
    featureKey: form.featureKey,
    segmentType: segment.segmentType,
    segment: segment.segment,
    targetPercent: Number(form.targetPercent.trim()),
    targetDate: form.targetDate,
    barriers: sortDrafts(drafts.filter((draft) => draft.isKept)).map((draft) => ({
      barrier: draft.barrier,
      evidence: blankToNull(draft.evidence),
      action: blankToNull(draft.action),
      isSuggested: draft.isSuggested
    }))
  };
}

/**
 * Lists the sprint Tasks of the proposal that belong to kept barriers. Tasks of added barriers come from their
 * templates when Apex creates the playbook, so the preview cannot list them.
 * @param suggestion The proposal.
 * @param drafts The barriers as edited.
 */
export function sprintPreview(suggestion: PlaybookSuggestion, drafts: BarrierDraft[]): SprintPreviewRow[] {
  const kept = new Set(drafts.filter((draft) => draft.isKept).map((draft) => draft.barrier as string));
  return (suggestion.sprint ?? [])
    .filter((task) => kept.has(task.barrier ?? ''))
    .map((task, index) => ({
      key: `sprint-${index}`,
      barrier: task.barrier ?? '',
      subject: task.subject ?? '',
      dueText: task.dueDate ? `Due ${task.dueDate}` : 'No due date'
    }));
}

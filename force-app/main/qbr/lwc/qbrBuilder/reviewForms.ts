/**
 * Forms of the qbrBuilder component: the action item form, the checks that run before a review is saved, and the
 * parameters of the QbrBuilderController methods. Each check returns a message that names the value and what to do.
 */
import { parseIsoDate } from 'c/healthEngine';
import { REVIEW_STATUSES, SECTION_KEYS, includedSlidesText, sectionText } from 'c/qbrEngine';
import type { QbrDraft, ReadinessResult, SectionKey } from 'c/qbrEngine';
import { sectionTitle, statusLabel } from './reviewView';
import type { Option } from './reviewView';

/** Characters a LongTextArea(32768) section of BusinessReview__c keeps. */
export const MAX_SECTION_LENGTH = 32768;

/** Characters the Subject of a Task keeps. */
export const MAX_SUBJECT_LENGTH = 255;

/** Values of the action item form as entered. */
export interface ActionItemForm {
  subject: string;
  ownerId: string;
  dueDate: string;
}

/** Message per invalid field. A field without a message is valid. */
export type FormErrors<T> = Partial<Record<keyof T, string>>;

/** Parameters of QbrBuilderController.addActionItem. */
export interface ActionItemParams {
  reviewId: string;
  subject: string;
  ownerId: string;
  dueDate: string;
}

/** Parameters of QbrBuilderController.saveReview. */
export interface SaveParams {
  accountId: string;
  quarter: string;
  status: string;
  wins: string;
  challenges: string;
  roadmapAlignment: string;
  insights: string;
  nextPeriodGoals: string;
  includedSlides: string;
  readinessScore: number;
  readinessBand: string;
}

/** Options of the review status combobox. */
export const STATUS_OPTIONS: Option[] = REVIEW_STATUSES.map((status) => ({
  label: statusLabel(status),
  value: status
}));

/**
 * Returns an empty action item form.
 */
export function emptyActionItemForm(): ActionItemForm {
  return { subject: '', ownerId: '', dueDate: '' };
}

/**
 * Tells whether a text is a valid ISO date `YYYY-MM-DD`.
 * @param value The text.
 */
export function isIsoDate(value: string): boolean {
  try {
    parseIsoDate(value);
    return true;
  } catch {
    return false;
  }
}

function withoutEmpty<T>(errors: FormErrors<T>): FormErrors<T> {
  const result: FormErrors<T> = {};
  for (const [field, message] of Object.entries(errors) as [keyof T, string | undefined][]) {
    if (message !== undefined) {
      result[field] = message;
    }
  }
  return result;
}

function checkSubject(subject: string): string | undefined {
  const length = subject.trim().length;
  if (length === 0) {
    return 'Enter what is to be done, for example "Send the adoption plan to the sponsor".';
  }
  if (length > MAX_SUBJECT_LENGTH) {
    return `The subject is ${length} characters long, more than the ${MAX_SUBJECT_LENGTH} a Task keeps. Shorten it.`;
  }
  return undefined;
}

function checkDueDate(dueDate: string, today: string): string | undefined {
  if (dueDate === '') {
    return 'Enter the day the action item is due.';
  }
  if (!isIsoDate(dueDate)) {
    return `${dueDate} is not a date. Enter a date such as ${today}.`;
  }
  if (dueDate < today) {
    return `The due date ${dueDate} is in the past. Choose ${today} or later.`;
  }
  return undefined;
}

/**
 * Checks the action item form.
 * @param form Values as entered.
 * @param owners Options of the owner combobox.
 * @param today The current local date as `YYYY-MM-DD`.
 * @returns A message per invalid field.
 */
export function validateActionItemForm(
  form: ActionItemForm,
  owners: Option[],
  today: string
): FormErrors<ActionItemForm> {
  let ownerId: string | undefined;
  if (form.ownerId === '') {
    ownerId = 'Choose who owns the action item.';
  } else if (!owners.some((option) => option.value === form.ownerId)) {
    ownerId = 'The chosen owner cannot be assigned action items any more. Choose another user from the list.';
  }
  return withoutEmpty<ActionItemForm>({
    subject: checkSubject(form.subject),
    ownerId,
    dueDate: checkDueDate(form.dueDate, today)
  });
}

/**
 * Builds the parameters of addActionItem from a valid form.
 * @param form Values as entered.
 * @param reviewId Id of the saved review.
 */
export function actionItemParamsOf(form: ActionItemForm, reviewId: string): ActionItemParams {
  return { reviewId, subject: form.subject.trim(), ownerId: form.ownerId, dueDate: form.dueDate };
}

/**
 * Checks the review before it is saved: every section fits its field and the status is one of the picklist's.
 * @param draft The draft with the CSM's edits.
 * @returns One message per problem, in section order; empty when the review may be saved.
 */
export function validateReview(draft: QbrDraft): string[] {
  const problems: string[] = [];
  for (const key of SECTION_KEYS) {
    const length = sectionText(draft.sections[key]).length;
    if (length > MAX_SECTION_LENGTH) {
      problems.push(
        `${sectionTitle(key)} is ${length} characters long, more than the ${MAX_SECTION_LENGTH} a review keeps. ` +
          'Shorten it.'
      );
    }
  }
  if (!(REVIEW_STATUSES as readonly string[]).includes(draft.status)) {
    problems.push(`Status ${draft.status} is unknown. Choose Draft, Ready or Presented.`);
  }
  return problems;
}

/**
 * Builds the parameters of saveReview: the sections as stored text (one bullet per line), the included slides and the
 * readiness score and band the component computed.
 * @param draft The draft with the CSM's edits.
 * @param readiness The readiness of that draft.
 */
export function saveParamsOf(draft: QbrDraft, readiness: ReadinessResult): SaveParams {
  const text = (key: SectionKey): string => sectionText(draft.sections[key]);
  return {
    accountId: draft.accountId,
    quarter: draft.quarter,
    status: draft.status,
    wins: text('wins'),
    challenges: text('challenges'),
    roadmapAlignment: text('roadmapAlignment'),
    insights: text('insights'),
    nextPeriodGoals: text('nextPeriodGoals'),
    includedSlides: includedSlidesText(draft),
    readinessScore: readiness.score,
    readinessBand: readiness.band
  };
}

/**
 * QbrBuilderController offline, with the checks and messages of QbrBuilderService and the review data that
 * QbrReviewDataLoader reads, assembled by scripts/lib/qbr from the scored export.
 *
 * The numbers of a quarter are read as of its last day, or as of the export's scoring date while the quarter runs,
 * because the export contains nothing later. A quarter that starts after that date is rejected, as the org rejects a
 * quarter that has not started. Saved reviews and their action items (Tasks) are kept in the change store. A saved
 * deck gets a ContentDocument record in the store, and its bytes go to `<id>.pptx` in the files folder beside the
 * store file (`_local/cockpit/files/` for the default store). Keeping them out of the store means the store file,
 * which every change rewrites, stays small. The server offers each deck at the download URL that saveDeck returns,
 * as the org does.
 *
 * NOTE: a risk created in the cockpit is detected on the machine's date. When that date is later than the export's
 * scoring date, the review of the running quarter leaves the risk out, because it was detected after the as-of date.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { AccountHealth } from 'c/healthEngine';
import { REVIEW_STATUSES, SLIDE_KEYS, readinessBandOf } from 'c/qbrEngine';
import type { QbrActionItemRow, QbrData, QbrReviewRecord, QbrRiskRow, QbrUserOption } from 'c/qbrEngine';
import { QbrPeriodError, QbrReviewSource, reviewPeriodOf } from '../lib/qbr';
import type { QbrAccount } from '../lib/qbr';
import { ApexError } from './apexErrors';
import type { AccountState, CockpitData } from './data';
import { COCKPIT_KEY_PREFIXES, syntheticId, toId18 } from './ids';
import { risksOf } from './riskRegister';
import { deckFilesDir } from './store';
import type { CockpitStore, StoredDeck, StoredReview, StoredReviewTask, StoredRisk } from './store';
import { plansOf } from './successPlan';
import type { CockpitUser } from './users';

type ReviewData = ApexTypes.QbrBuilderController_ReviewData;
type ReviewRecord = ApexTypes.QbrBuilderController_ReviewRecord;
type DeckFile = ApexTypes.QbrBuilderController_DeckFile;

/** Start of every access-failure message. The qbrBuilder component checks for the same text. */
export const ACCESS_DENIED_PREFIX = 'Access denied: ';
/** Largest deck saveDeck accepts, in bytes once decoded: 10 MB. */
export const MAX_DECK_BYTES = 10 * 1024 * 1024;
/** Extension a deck file name must end with. */
export const DECK_EXTENSION = '.pptx';
/** Relative URL that downloads a file, followed by its ContentDocument Id. */
export const DOWNLOAD_URL_PREFIX = '/sfc/servlet.shepherd/document/download/';
/** Media type of a .pptx file. */
export const PPTX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
/** Maximum number of users action items can be assigned to, as QbrBuilderSelector.getAssignableUsers returns. */
export const MAX_ASSIGNABLE_USERS = 200;

const PERMISSION_SET_HINT = 'Ask your admin to assign you the Success Cockpit User permission set.';
const EXPECTED_QUARTER_FORM = 'YYYY-Qn, for example 2026-Q4';
const QUARTER_PATTERN = /^([1-9][0-9]{3})-Q([1-4])$/;
const MAX_REVIEW_NAME_LENGTH = 80;
/** Length of the LongTextArea fields of BusinessReview__c. */
const SECTION_LENGTH = 32768;
/** Length of Task.Subject. */
const SUBJECT_LENGTH = 255;
/** Length of ContentVersion.PathOnClient. */
const PATH_ON_CLIENT_LENGTH = 500;
/** Status of a new Task: the default of the standard Task status picklist. */
const DEFAULT_TASK_STATUS = 'Not Started';
const MITIGATED_STATUSES = ['Mitigating', 'Mitigated'];
// A .pptx file is a ZIP package, whose first bytes "PK" encode to "UEs" in base64.
const ZIP_BASE64_START = 'UEs';
const BYTES_PER_KB = 1024;

/** Data, store, user and clock of the QBR builder methods. */
export interface QbrContext {
  data: CockpitData;
  store: CockpitStore;
  user: CockpitUser;
  /** Today's date YYYY-MM-DD, for due dates. */
  today: () => string;
  now: () => Date;
}

/** Values of a review to save, after conversion to the Apex types. */
export interface ReviewInput {
  accountId: string | null;
  quarter: string | null;
  status: string | null;
  wins: string | null;
  challenges: string | null;
  roadmapAlignment: string | null;
  insights: string | null;
  nextPeriodGoals: string | null;
  includedSlides: string | null;
  readinessScore: number | null;
  readinessBand: string | null;
}

/** A saved deck file and the name it downloads under. */
export interface DeckDownload {
  file: string;
  fileName: string;
}

/** Evaluations of past quarters per scored export, shared by every call on that export. */
const evaluationCaches = new WeakMap<CockpitData, Map<string, AccountHealth | null>>();

function fail(message: string): never {
  throw new ApexError(message);
}

/** Shortens text to a maximum length with a trailing ellipsis, as Apex String.abbreviate does. */
function abbreviate(text: string, maxLength: number): string {
  return text.length <= maxLength ? text : `${text.slice(0, maxLength - 3)}...`;
}

function isBlank(value: string | null): value is null {
  return value === null || value.trim() === '';
}

function deckFileOf(store: CockpitStore, documentId: string): string {
  return path.join(deckFilesDir(store.file), `${documentId}${DECK_EXTENSION}`);
}

function uniqueKey(accountId: string, quarter: string): string {
  return `${accountId}-${quarter}`;
}

function requireAccountId(accountId: string | null): string {
  if (accountId === null) {
    fail('The account Id is missing. Open the QBR builder from an Account record page.');
  }
  if (!accountId.startsWith('001')) {
    fail(`Record ${accountId} is not an account. Place the QBR builder on an Account record page only.`);
  }
  return accountId;
}

function requireReviewId(reviewId: string | null): string {
  if (reviewId === null) {
    fail('The review Id is missing. Save the review first, then try again.');
  }
  if (!reviewId.startsWith(COCKPIT_KEY_PREFIXES.BusinessReview)) {
    fail(`Record ${reviewId} is not a business review. Reload the page and save the review again.`);
  }
  return reviewId;
}

/** Checks a quarter as QbrPeriod.parse does: spaces around it are ignored, the Q must be upper case. */
function requireQuarter(quarter: string | null): string {
  if (isBlank(quarter)) {
    fail(`Quarter is missing. Choose a quarter in the form ${EXPECTED_QUARTER_FORM}.`);
  }
  const trimmed = quarter.trim();
  if (!QUARTER_PATTERN.test(trimmed)) {
    fail(`Quarter "${trimmed}" is not valid. Use the form ${EXPECTED_QUARTER_FORM}.`);
  }
  return trimmed;
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

function requireReview(store: CockpitStore, reviewId: string): StoredReview {
  const review = store.get('reviews', reviewId);
  if (review === undefined) {
    fail(
      `${ACCESS_DENIED_PREFIX}business review ${reviewId} does not exist or is not shared with you. Reload the ` +
        'page; if the review is still shown, ask its owner for access.'
    );
  }
  return review;
}

function findReview(store: CockpitStore, accountId: string, quarter: string): StoredReview | undefined {
  const key = uniqueKey(accountId, quarter);
  return store.list('reviews').find((review) => review.uniqueKey === key);
}

/** Returns an ISO date and time as the local date, as Apex Datetime.date() gives it in the user's time zone. */
function localDateOf(isoDateTime: string): string {
  const moment = new Date(isoDateTime);
  const month = String(moment.getMonth() + 1).padStart(2, '0');
  const day = String(moment.getDate()).padStart(2, '0');
  return `${moment.getFullYear()}-${month}-${day}`;
}

function toRiskRow(risk: StoredRisk): QbrRiskRow {
  return {
    id: risk.id,
    title: risk.name,
    severity: risk.severity,
    status: risk.status,
    rung: risk.rung,
    hasMitigation: risk.openTasks.length > 0 || MITIGATED_STATUSES.includes(risk.status),
    detectedOn: risk.detectedAt === '' ? null : localDateOf(risk.detectedAt),
    closedOn: risk.endedAt === null ? null : localDateOf(risk.endedAt)
  };
}

function compareText(left: string, right: string): number {
  if (left === right) {
    return 0;
  }
  return left < right ? -1 : 1;
}

/**
 * Returns the users action items can be assigned to, as QbrBuilderSelector.getAssignableUsers does: the active
 * internal users of the export and the cockpit user, by name, at most MAX_ASSIGNABLE_USERS.
 */
export function assignableUsers(context: QbrContext): QbrUserOption[] {
  const users = new Map<string, QbrUserOption>();
  for (const user of context.data.users()) {
    const isInternal = user.userType === 'Standard' || (user.userType === null && user.accountId === null);
    if (isInternal && user.isActive) {
      users.set(user.id, { id: user.id, name: user.name });
    }
  }
  users.set(context.user.id, { id: context.user.id, name: context.user.name });
  return [...users.values()]
    .sort((left, right) => compareText(left.name, right.name) || compareText(left.id, right.id))
    .slice(0, MAX_ASSIGNABLE_USERS);
}

function actionItemsOf(store: CockpitStore, reviewId: string): QbrActionItemRow[] {
  return store
    .list('reviewTasks')
    .filter((task) => task.reviewId === reviewId)
    .sort((left, right) => compareText(left.dueDate, right.dueDate) || compareText(left.createdAt, right.createdAt))
    .map((task) => ({
      id: task.id,
      subject: task.subject,
      ownerId: task.ownerId,
      ownerName: task.ownerName,
      dueDate: task.dueDate,
      status: task.status
    }));
}

function toReviewRecord(review: StoredReview): QbrReviewRecord {
  return {
    id: review.id,
    status: review.status,
    wins: review.wins,
    challenges: review.challenges,
    roadmapAlignment: review.roadmapAlignment,
    insights: review.insights,
    nextPeriodGoals: review.nextPeriodGoals,
    includedSlides: review.includedSlides,
    readinessScore: review.readinessScore,
    readinessBand: review.readinessBand,
    deckFileId: review.deckFileId,
    deckExportedAt: review.deckExportedAt
  };
}

/** Builds the review source of the scored export, with the store's plans of the account under review. */
function reviewSourceOf(context: QbrContext, reviewed: AccountState): QbrReviewSource {
  const data = context.data;
  const accounts: QbrAccount[] = data.accountsByRisk().map((state) => ({
    signals: state.signals,
    info: state.info,
    model: state.model,
    health: state.health,
    storedHistory: data.storedHistory(state.signals.accountId),
    plans: state === reviewed ? plansOf(context.store, state) : state.plans,
    renewalDate: data.renewalSource(state.signals.accountId)?.renewalDate ?? null
  }));
  let cache = evaluationCaches.get(data);
  if (cache === undefined) {
    // NOTE: an evaluation of a past quarter is kept for the life of the server, so a plan changed later does not
    // change the past quarter's scores, as stored snapshots in the org do not change either.
    cache = new Map();
    evaluationCaches.set(data, cache);
  }
  return new QbrReviewSource({ dataAsOf: data.asOf, models: data.models, accounts }, cache);
}

/** Maps the assembled data to the Apex DTO, leaving out what the user cannot read as QbrReviewDataLoader does. */
function toReviewData(data: QbrData, user: CockpitUser): ReviewData {
  const canReadHealth = user.canReadHealth;
  const canReadPlans = user.canReadPlans;
  return {
    accountId: data.accountId,
    accountName: data.accountName,
    segment: data.segment,
    arr: data.arr,
    asOf: data.asOf,
    quarter: data.quarter,
    periodStart: data.periodStart,
    periodEnd: data.periodEnd,
    canEdit: data.canEdit,
    review: data.review === null ? null : ({ ...data.review } satisfies ReviewRecord),
    healthPoints: canReadHealth ? data.healthPoints.map((point) => ({ ...point })) : null,
    currentBand: canReadHealth ? data.currentBand : null,
    currentScore: canReadHealth ? data.currentScore : null,
    usage: data.usage.map((point) => ({ ...point })),
    licensedSeats: data.licensedSeats,
    cases: data.cases === null ? null : { ...data.cases },
    risks: canReadHealth ? data.risks.map((risk) => ({ ...risk })) : null,
    objectives: canReadPlans
      ? data.objectives.map((objective) => ({ ...objective, dueDate: objective.dueDate ?? null }))
      : null,
    milestonesAchieved: canReadPlans ? data.milestonesAchieved.map((milestone) => ({ ...milestone })) : null,
    actionItems: data.actionItems.map((item) => ({ ...item })),
    measures: canReadHealth
      ? data.measures.map((measure) => ({
          measure: measure.measure,
          label: measure.label,
          value: measure.value,
          direction: measure.direction ?? null
        }))
      : null,
    peerMedians: canReadHealth ? data.peerMedians.map((median) => ({ ...median })) : null,
    peerCount: canReadHealth ? data.peerCount : 0,
    feedbackCount: data.feedbackCount,
    executiveSponsorName: data.executiveSponsorName,
    renewalDate: data.renewalDate,
    owners: data.owners.map((owner) => ({ ...owner }))
  };
}

/**
 * QbrBuilderController.getReviewData: the records of an account for a quarter, the saved review with its action
 * items, and the users action items can be assigned to.
 * @throws ApexError with the service's messages.
 */
export function getReviewData(
  context: QbrContext,
  accountIdParam: string | null,
  quarterParam: string | null
): ReviewData {
  const accountId = requireAccountId(accountIdParam);
  const quarter = requireQuarter(quarterParam);
  if (!context.user.canReadReviews) {
    fail(`${ACCESS_DENIED_PREFIX}you cannot read Business Review records. ${PERMISSION_SET_HINT}`);
  }
  try {
    reviewPeriodOf(quarter, context.data.asOf);
  } catch (error) {
    if (error instanceof QbrPeriodError) {
      fail(error.message);
    }
    throw error;
  }
  const state = requireAccount(context.data, accountId);
  const review = findReview(context.store, state.signals.accountId, quarter) ?? null;
  const data = reviewSourceOf(context, state).reviewData(state.signals.accountId, quarter, {
    risks: context.user.canReadHealth ? risksOf(context, state).map(toRiskRow) : [],
    review: review === null ? null : toReviewRecord(review),
    actionItems: review === null ? [] : actionItemsOf(context.store, review.id),
    owners: assignableUsers(context),
    canEdit: context.user.canEditReviews
  });
  return toReviewData(data, context.user);
}

function requirePicklistValue(label: string, value: string | null, allowed: readonly string[]): string {
  const trimmed = value?.trim() ?? '';
  if (allowed.includes(trimmed)) {
    return trimmed;
  }
  const problem = trimmed === '' ? `${label} is missing.` : `${label} ${trimmed} is not a valid value.`;
  fail(`${problem} Choose one of ${allowed.join(', ')}.`);
}

/** Checks the slide keys and returns them in deck order without duplicates, or null when no slide is included. */
function normalizeSlides(includedSlides: string | null): string | null {
  if (isBlank(includedSlides)) {
    return null;
  }
  const requested = new Set<string>();
  const unknown: string[] = [];
  for (const part of includedSlides.split(',')) {
    const key = part.trim();
    if (key === '') {
      continue;
    }
    // Keys compare with letter case, so "Wins" is not the key "wins".
    if ((SLIDE_KEYS as readonly string[]).includes(key)) {
      requested.add(key);
    } else if (!unknown.includes(key)) {
      unknown.push(key);
    }
  }
  if (unknown.length > 0) {
    fail(
      `Included slides contain unknown slide keys: ${unknown.join(', ')}. Use only these keys, separated by ` +
        `commas: ${SLIDE_KEYS.join(', ')}.`
    );
  }
  const ordered = SLIDE_KEYS.filter((key) => requested.has(key));
  return ordered.length === 0 ? null : ordered.join(',');
}

function requireMatchingBand(score: number | null, band: string | null): string | null {
  const bandText = isBlank(band) ? null : band.trim();
  if (score === null) {
    if (bandText !== null) {
      fail(`Readiness band ${bandText} was sent without a readiness score. Send the score with its band, or neither.`);
    }
    return null;
  }
  if (score < 0 || score > 100) {
    fail(`Readiness score ${score} is out of range. Send a score from 0 to 100.`);
  }
  const expected = readinessBandOf(score);
  if (bandText === null) {
    fail(`Readiness band is missing for score ${score}. Send ${expected}, the band of that score.`);
  }
  if (bandText !== expected) {
    fail(
      `Readiness band ${bandText} does not match score ${score}, whose band is ${expected}. Score the review ` +
        'again and save it.'
    );
  }
  return bandText;
}

/** Returns the text as written, with its line breaks and indentation, or null when it is blank. */
function optionalText(label: string, value: string | null): string | null {
  if (isBlank(value)) {
    return null;
  }
  if (value.length > SECTION_LENGTH) {
    fail(`${label} is ${value.length} characters long, more than the ${SECTION_LENGTH} allowed. Shorten it.`);
  }
  return value;
}

/**
 * QbrBuilderController.saveReview: creates or updates the review of an account and quarter, one per
 * `<account Id>-<quarter>`. Every text field is saved as sent, a blank one is cleared, and the deck fields keep
 * their values.
 * @returns Id of the review.
 * @throws ApexError with the service's messages.
 */
export function saveReview(context: QbrContext, input: ReviewInput): string {
  const accountId = requireAccountId(input.accountId);
  const quarter = requireQuarter(input.quarter);
  if (!context.user.canEditReviews) {
    fail(`${ACCESS_DENIED_PREFIX}you cannot create or edit business reviews. ${PERMISSION_SET_HINT}`);
  }
  const status = requirePicklistValue('Status', input.status, REVIEW_STATUSES);
  const slides = normalizeSlides(input.includedSlides);
  const band = requireMatchingBand(input.readinessScore, input.readinessBand);
  const sections = {
    wins: optionalText('Wins', input.wins),
    challenges: optionalText('Challenges', input.challenges),
    roadmapAlignment: optionalText('Roadmap alignment', input.roadmapAlignment),
    insights: optionalText('Insights', input.insights),
    nextPeriodGoals: optionalText('Next period goals', input.nextPeriodGoals)
  };
  const state = requireAccount(context.data, accountId);

  const [year, quarterNumber] = quarter.split('-Q').map(Number);
  const startMonth = (quarterNumber - 1) * 3 + 1;
  const key = uniqueKey(state.signals.accountId, quarter);
  const existing = findReview(context.store, state.signals.accountId, quarter);
  const id = existing?.id ?? syntheticId('BusinessReview', key);
  context.store.put('reviews', id, {
    id,
    accountId: state.signals.accountId,
    name: abbreviate(`${state.signals.accountName} QBR ${quarter}`, MAX_REVIEW_NAME_LENGTH),
    quarter,
    periodStart: `${year}-${String(startMonth).padStart(2, '0')}-01`,
    periodEnd: lastDayOfQuarter(year, quarterNumber),
    uniqueKey: key,
    status,
    ...sections,
    includedSlides: slides,
    readinessScore: input.readinessScore,
    readinessBand: band,
    deckFileId: existing?.deckFileId ?? null,
    deckExportedAt: existing?.deckExportedAt ?? null,
    changedAt: context.now().toISOString()
  });
  return id;
}

function lastDayOfQuarter(year: number, quarterNumber: number): string {
  const endMonth = quarterNumber * 3;
  // Day 0 of the next month is the last day of this one.
  const lastDay = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
  return `${year}-${String(endMonth).padStart(2, '0')}-${String(lastDay).padStart(2, '0')}`;
}

function requireText(label: string, value: string | null, maxLength: number, nextStep: string): string {
  if (isBlank(value)) {
    fail(`${label} is missing. ${nextStep}`);
  }
  const trimmed = value.trim();
  if (trimmed.length > maxLength) {
    fail(`${label} is ${trimmed.length} characters long, more than the ${maxLength} allowed. Shorten it.`);
  }
  return trimmed;
}

function requireOwnerId(ownerId: string | null): string {
  if (ownerId === null) {
    fail('Owner is missing. Choose who owns the action item.');
  }
  if (!ownerId.startsWith('005')) {
    fail(`Owner ${ownerId} is not a user. Choose a user as the owner of the action item.`);
  }
  return ownerId;
}

function requireDueDate(dueDate: string | null, today: string): string {
  if (dueDate === null) {
    fail(`Due date is missing. Choose a due date from ${today} on.`);
  }
  if (dueDate < today) {
    fail(`Due date ${dueDate} is in the past. Choose today (${today}) or a later date.`);
  }
  return dueDate;
}

/** Finds an active user by Id among the export's users and the cockpit user; Apex compares the first 15 characters. */
function findActiveUser(context: QbrContext, ownerId: string): { id: string; name: string } | null {
  const key = ownerId.slice(0, 15);
  if (context.user.id.slice(0, 15) === key) {
    return { id: context.user.id, name: context.user.name };
  }
  const user = context.data.users().find((candidate) => candidate.id.slice(0, 15) === key);
  return user !== undefined && user.isActive ? { id: user.id, name: user.name } : null;
}

/**
 * QbrBuilderController.addActionItem: an open Task on the review with the default Task status.
 * @returns Id of the Task.
 * @throws ApexError with the service's messages.
 */
export function addActionItem(
  context: QbrContext,
  reviewIdParam: string | null,
  subjectParam: string | null,
  ownerIdParam: string | null,
  dueDateParam: string | null
): string {
  const reviewId = requireReviewId(reviewIdParam);
  if (!context.user.canEditReviews) {
    fail(`${ACCESS_DENIED_PREFIX}you cannot create Tasks. ${PERMISSION_SET_HINT}`);
  }
  const subject = requireText(
    'Subject',
    subjectParam,
    SUBJECT_LENGTH,
    'Say what is to be done, for example "Send the adoption plan to the sponsor".'
  );
  const ownerId = requireOwnerId(ownerIdParam);
  const dueDate = requireDueDate(dueDateParam, context.today());
  const review = requireReview(context.store, reviewId);
  const owner = findActiveUser(context, ownerId);
  if (owner === null) {
    fail(`Owner ${ownerId} is not an active user you can see. Choose an active user as the owner of the action item.`);
  }

  const createdAt = context.now().toISOString();
  const count = context.store.list('reviewTasks').filter((task) => task.reviewId === review.id).length;
  const id = syntheticId('Task', `${review.id}|${createdAt}|${count}|${subject}`);
  const task: StoredReviewTask = {
    id,
    reviewId: review.id,
    subject,
    ownerId: owner.id,
    ownerName: owner.name,
    dueDate,
    status: DEFAULT_TASK_STATUS,
    createdAt
  };
  context.store.put('reviewTasks', id, task);
  return id;
}

function requireDeckName(fileName: string | null): string {
  if (isBlank(fileName)) {
    fail(`The deck file name is missing. Export the deck again; its name ends with ${DECK_EXTENSION}.`);
  }
  const name = fileName.trim();
  if (!name.toLowerCase().endsWith(DECK_EXTENSION)) {
    fail(`File name "${name}" does not end with ${DECK_EXTENSION}. Save the deck as a PowerPoint file.`);
  }
  if (name.length === DECK_EXTENSION.length) {
    fail(`File name "${name}" has no name before ${DECK_EXTENSION}. Export the deck again.`);
  }
  if (/[/\\]/.test(name)) {
    fail(`File name "${name}" contains a folder. Send the file name only.`);
  }
  if (name.length > PATH_ON_CLIENT_LENGTH) {
    fail(`File name "${name.slice(0, 40)}..." is longer than ${PATH_ON_CLIENT_LENGTH} characters. Shorten it.`);
  }
  return name;
}

/** Formats a size in bytes, KB (1,024 bytes) or MB (1,024 KB) with one decimal place, rounding halves up. */
export function sizeText(bytes: number): string {
  if (bytes < BYTES_PER_KB) {
    return `${bytes} bytes`;
  }
  const [divisor, unit] = bytes < BYTES_PER_KB * BYTES_PER_KB ? [BYTES_PER_KB, 'KB'] : [BYTES_PER_KB ** 2, 'MB'];
  return `${(Math.round((bytes * 10) / divisor) / 10).toFixed(1)} ${unit}`;
}

/** Checks the size on the encoded text before decoding, so that an oversized file is rejected first. */
function decodeDeck(name: string, base64Data: string | null): Buffer {
  if (isBlank(base64Data)) {
    fail(`The content of deck ${name} is missing. Export the deck again.`);
  }
  const encoded = base64Data.trim();
  if (encoded.length % 4 !== 0) {
    fail(`The content of deck ${name} is not valid base64. Export the deck again.`);
  }
  const padding = encoded.endsWith('==') ? 2 : encoded.endsWith('=') ? 1 : 0;
  const decodedBytes = (encoded.length / 4) * 3 - padding;
  if (decodedBytes > MAX_DECK_BYTES) {
    fail(
      `Deck ${name} is ${sizeText(decodedBytes)}, more than the ${sizeText(MAX_DECK_BYTES)} allowed. Leave out ` +
        'slides or charts and export it again.'
    );
  }
  if (!encoded.startsWith(ZIP_BASE64_START)) {
    fail(`The content of deck ${name} is not a PowerPoint file. Export the deck again as .pptx.`);
  }
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded)) {
    fail(
      `The content of deck ${name} is not valid base64: it contains characters outside the base64 alphabet. ` +
        'Export the deck again.'
    );
  }
  return Buffer.from(encoded, 'base64');
}

/** Writes a file through a temporary file and a rename, so a reader never sees part of it. */
function writeDeckFile(file: string, content: Buffer): void {
  const temporary = `${file}.tmp-${process.pid}`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const descriptor = openSync(temporary, 'w');
    try {
      writeSync(descriptor, content);
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    fail(
      `Saving the deck file ${file} failed (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). ` +
        'Check that the folder is writable and the disk is not full; nothing was saved.'
    );
  }
}

/**
 * QbrBuilderController.saveDeck: saves an exported deck as a file on the review's account, links it to the review
 * and records it on the review. Each export is a new file; earlier decks stay.
 * @returns Ids of the file and its download URL.
 * @throws ApexError with the service's messages.
 */
export function saveDeck(
  context: QbrContext,
  reviewIdParam: string | null,
  fileNameParam: string | null,
  base64Data: string | null
): DeckFile {
  const reviewId = requireReviewId(reviewIdParam);
  if (!context.user.canEditReviews) {
    fail(`${ACCESS_DENIED_PREFIX}you cannot save files on business reviews. ${PERMISSION_SET_HINT}`);
  }
  const name = requireDeckName(fileNameParam);
  const content = decodeDeck(name, base64Data);
  const review = requireReview(context.store, reviewId);

  const createdAt = context.now().toISOString();
  const digest = createHash('sha256').update(content).digest('hex');
  const documentId = syntheticId('ContentDocument', `${review.id}|${createdAt}|${digest}`);
  const versionId = syntheticId('ContentVersion', `${documentId}|1`);
  const file = deckFileOf(context.store, documentId);
  writeDeckFile(file, content);
  const deck: StoredDeck = {
    id: documentId,
    versionId,
    reviewId: review.id,
    accountId: review.accountId,
    fileName: name,
    size: content.length,
    createdAt,
    createdById: context.user.id
  };
  try {
    context.store.put('decks', documentId, deck);
    context.store.put('reviews', review.id, { ...review, deckFileId: documentId, deckExportedAt: createdAt });
  } catch (error) {
    context.store.remove('decks', documentId);
    rmSync(file, { force: true });
    throw error;
  }
  return {
    contentDocumentId: documentId,
    contentVersionId: versionId,
    downloadUrl: `${DOWNLOAD_URL_PREFIX}${documentId}`
  };
}

/**
 * Finds a saved deck for the download URL.
 * @param context Store and user.
 * @param documentId ContentDocument Id from the URL, 15 or 18 characters.
 * @returns The file and its name; null when the Id names no deck whose file exists, or the user cannot read reviews.
 */
export function deckDownload(context: Pick<QbrContext, 'store' | 'user'>, documentId: string): DeckDownload | null {
  const id = toId18(documentId);
  if (id === null || !context.user.canReadReviews) {
    return null;
  }
  const deck = context.store.get('decks', id);
  if (deck === undefined) {
    return null;
  }
  const file = deckFileOf(context.store, deck.id);
  return existsSync(file) ? { file, fileName: deck.fileName } : null;
}

/**
 * The cockpit's change store. It keeps what users change in the offline cockpit in one JSON file, as a keyed
 * collection per kind, so a restart keeps it: override requests, the job schedule, risks with their check-ins and
 * escalations, success plans, renewal calls with the Tasks they create, business reviews with their action items
 * and the records of their saved decks, and the health job runs, login-source settings and deployments of the admin
 * settings page. It also keeps adoption playbooks, business triggers and the Opportunities of hand-offs. The bytes of
 * a deck are kept in a file in `deckFilesDir`, because every change rewrites the whole store file.
 *
 * File layout: `{ "version": 1, "updatedAt": "<ISO time>", "collections": { "<kind>": { "<id>": record } } }`.
 * Every change rewrites the file atomically (a temporary file, then a rename), so a crash leaves the old file or the
 * new one. A file that is not valid JSON or not in this layout is moved aside to `<file>.corrupt-<n>` and never
 * overwritten. Records that fail their kind's check stay in the file untouched and are left out of reads.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync
} from 'node:fs';
import path from 'node:path';
import {
  CRITERIA_OPERATORS,
  MILESTONE_PHASES,
  OBJECTIVE_STATUSES,
  PLAN_STAGES,
  PLAN_STATUSES,
  RENEWAL_CALLS
} from 'c/planEngine';
import type { ContactRef, MilestoneRecord, ObjectiveRecord, PlanRecord, RenewalCall } from 'c/planEngine';
import { isStoredDeployment, isStoredJobRun, isStoredLoginSources } from './settingsRecords';
import type { StoredDeployment, StoredJobRun, StoredLoginSources } from './settingsRecords';
import { isStoredAdoptionPlaybook, isStoredBusinessTrigger, isStoredHandOff } from './adoptionRecords';
import type { StoredAdoptionPlaybook, StoredBusinessTrigger, StoredHandOff } from './adoptionRecords';

/** Version of the file layout that this code writes. */
export const STORE_VERSION = 1;

/** Statuses of a score override, as on ScoreOverride__c. */
export const OVERRIDE_STATUSES = ['Requested', 'Approved', 'Rejected', 'Expired'] as const;

/** A CSM's request to replace a measure's score, or the overall score, until a date. */
export interface StoredOverride {
  id: string;
  accountId: string;
  /** Developer name of the measure; null for the overall score. */
  measure: string | null;
  value: number;
  reason: string;
  /** Last day the override applies, YYYY-MM-DD. */
  expiresOn: string;
  status: (typeof OVERRIDE_STATUSES)[number];
  requestedBy: string;
  /** ISO date and time of the request. */
  requestedAt: string;
}

/** State of the nightly health job's schedule, after "Ensure scheduled". */
export interface StoredJobSchedule {
  isScheduled: boolean;
  /** ISO date and time it was scheduled. */
  scheduledAt: string;
  scheduledBy: string;
}

/** An open Task of a risk: a mitigation action. */
export interface StoredRiskTask {
  id: string;
  subject: string;
  ownerName: string | null;
  /** Due date YYYY-MM-DD; null when none is set. */
  dueDate: string | null;
  status: string;
}

/**
 * A risk the cockpit changed or created: a manual risk, or a detected risk once someone escalated it, logged a
 * check-in or closed it. Fields mirror Risk__c; dates are YYYY-MM-DD and times ISO.
 */
export interface StoredRisk {
  id: string;
  accountId: string;
  name: string;
  category: string;
  severity: string;
  /** Open, Mitigating, Mitigated, Realized or Closed. */
  status: string;
  /** Rule DeveloperName, or Manual. */
  source: string;
  /** `<AccountId>|<Rule>` while a detected risk is open; null once it ended or for a manual risk. */
  ruleKey: string | null;
  evidence: string;
  evidenceLinks: string;
  leadingIndicator: string | null;
  detectedAt: string;
  ownerId: string | null;
  ownerName: string | null;
  rung: string | null;
  rungStartedAt: string | null;
  rungDeadline: string | null;
  checkInCadenceDays: number | null;
  nextCheckIn: string | null;
  lastCheckInAt: string | null;
  resolutionCriteria: string | null;
  isClosureProposed: boolean;
  arrAtRisk: number | null;
  openTasks: StoredRiskTask[];
  /** ISO time the risk ended (Mitigated, Realized or Closed); null while it is active. */
  endedAt: string | null;
}

/** A completed Task on a risk: a check-in or the note that ended it. */
export interface StoredRiskActivity {
  id: string;
  riskId: string;
  subject: string;
  description: string;
  status: string;
  /** YYYY-MM-DD. */
  activityDate: string;
  ownerName: string;
}

/** One step up the escalation ladder, as RiskEscalation__c records it. */
export interface StoredRiskEscalation {
  id: string;
  riskId: string;
  fromRung: string | null;
  toRung: string;
  fromOwnerName: string | null;
  toOwnerName: string | null;
  escalatedAt: string;
  reason: string;
}

/**
 * A success plan the cockpit created or changed, whole with its objectives and milestones, with the fields of
 * SuccessPlan__c, SuccessObjective__c and SuccessMilestone__c. It replaces the export's plan of the same Id.
 */
export interface StoredPlan extends PlanRecord {
  /** ISO time of the last change. */
  changedAt: string;
}

/**
 * A renewal call the cockpit recorded: the fields of RenewalCheckpoint__c that recordCall sets. The Id is the
 * checkpoint key `<18-character account Id>-<renewal date>-<days before>`.
 */
export interface StoredRenewalCall {
  id: string;
  accountId: string;
  /** Renewal date YYYY-MM-DD that the checkpoint belongs to. */
  renewalDate: string;
  daysBefore: number;
  call: RenewalCall;
  callNote: string;
  /** Health band when the call was recorded; null when the account had no score. */
  dataBand: string | null;
  dataScore: number | null;
  isDisagreement: boolean;
  /** ISO date and time. */
  recordedAt: string;
  recordedById: string;
  recordedByName: string;
}

/** A Task that recording a renewal call created for the account owner's manager, because the call disagrees. */
export interface StoredRenewalTask {
  id: string;
  accountId: string;
  /** Key of the checkpoint whose call created the Task. */
  checkpointKey: string;
  subject: string;
  description: string;
  ownerId: string | null;
  ownerName: string | null;
  /** Due date YYYY-MM-DD. */
  activityDate: string;
  status: string;
}

/**
 * A business review the cockpit saved, one per account and quarter. Fields mirror BusinessReview__c; the text fields
 * hold what the user sent, null when blank.
 */
export interface StoredReview {
  id: string;
  accountId: string;
  name: string;
  /** Quarter as `2026-Q4`. */
  quarter: string;
  periodStart: string;
  periodEnd: string;
  /** `<account Id>-<quarter>`, as UniqueKey__c. */
  uniqueKey: string;
  /** Draft, Ready or Presented. */
  status: string;
  wins: string | null;
  challenges: string | null;
  roadmapAlignment: string | null;
  insights: string | null;
  nextPeriodGoals: string | null;
  /** Comma-separated slide keys in deck order; null when no slide is included. */
  includedSlides: string | null;
  readinessScore: number | null;
  readinessBand: string | null;
  /** Id of the ContentDocument of the last saved deck; null before the first. */
  deckFileId: string | null;
  /** ISO date and time of the last saved deck. */
  deckExportedAt: string | null;
  /** ISO date and time of the last save. */
  changedAt: string;
}

/** An action item of a business review: a Task on the review. */
export interface StoredReviewTask {
  id: string;
  reviewId: string;
  subject: string;
  ownerId: string;
  ownerName: string;
  /** Due date YYYY-MM-DD. */
  dueDate: string;
  status: string;
  /** ISO date and time the Task was created. */
  createdAt: string;
}

/**
 * A deck saved on an account and its review: the ContentDocument, its one ContentVersion and the link to the review.
 * The content is the file `<id>.pptx` in the cockpit's files folder.
 */
export interface StoredDeck {
  /** ContentDocument Id. */
  id: string;
  versionId: string;
  reviewId: string;
  accountId: string;
  /** File name ending in .pptx, as PathOnClient. */
  fileName: string;
  /** Size of the file in bytes. */
  size: number;
  /** ISO date and time the deck was saved. */
  createdAt: string;
  createdById: string;
}

/** Record type of each kind of the store. A new kind adds a line here and a check below. */
export interface StoreKinds {
  overrides: StoredOverride;
  jobSchedule: StoredJobSchedule;
  risks: StoredRisk;
  riskActivities: StoredRiskActivity;
  riskEscalations: StoredRiskEscalation;
  plans: StoredPlan;
  renewalCalls: StoredRenewalCall;
  renewalTasks: StoredRenewalTask;
  reviews: StoredReview;
  reviewTasks: StoredReviewTask;
  decks: StoredDeck;
  jobRuns: StoredJobRun;
  loginSources: StoredLoginSources;
  settingsDeployments: StoredDeployment;
  adoptionPlaybooks: StoredAdoptionPlaybook;
  businessTriggers: StoredBusinessTrigger;
  handOffs: StoredHandOff;
}

/** Name of a kind of record. */
export type StoreKind = keyof StoreKinds;

type Collections = Record<string, Record<string, unknown>>;

/** The store file cannot be used; the message names the file and what to do. */
export class StoreError extends Error {}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
}

function isText(value: unknown): value is string {
  return typeof value === 'string';
}

function isTextOrNull(value: unknown): value is string | null {
  return value === null || typeof value === 'string';
}

function isDateOrNull(value: unknown): value is string | null {
  return value === null || isIsoDate(value);
}

function isNumberOrNull(value: unknown): value is number | null {
  return value === null || (typeof value === 'number' && Number.isFinite(value));
}

function isRiskTask(value: unknown): value is StoredRiskTask {
  return (
    isObject(value) &&
    isText(value.id) &&
    isText(value.subject) &&
    isTextOrNull(value.ownerName) &&
    isDateOrNull(value.dueDate) &&
    isText(value.status)
  );
}

function isOneOf(allowed: readonly string[]) {
  return (value: unknown): boolean => typeof value === 'string' && allowed.includes(value);
}

function isOneOfOrNull(allowed: readonly string[]) {
  return (value: unknown): boolean => value === null || isOneOf(allowed)(value);
}

function isContactRefOrNull(value: unknown): value is ContactRef | null {
  return value === null || (isObject(value) && isText(value.id) && isText(value.name) && isTextOrNull(value.title));
}

function isObjective(value: unknown): value is ObjectiveRecord {
  return (
    isObject(value) &&
    isText(value.id) &&
    isText(value.outcome) &&
    [value.successMetric, value.unit, value.capability].every(isTextOrNull) &&
    [value.baseline, value.target, value.currentValue, value.sortOrder].every(isNumberOrNull) &&
    isDateOrNull(value.dueDate) &&
    isOneOf(OBJECTIVE_STATUSES)(value.status)
  );
}

function isMilestone(value: unknown): value is MilestoneRecord {
  return (
    isObject(value) &&
    isText(value.id) &&
    isText(value.name) &&
    [value.objectiveId, value.criteria, value.criteriaMeasure, value.ownerId, value.ownerName].every(isTextOrNull) &&
    isOneOfOrNull(MILESTONE_PHASES)(value.phase) &&
    isOneOfOrNull(CRITERIA_OPERATORS)(value.criteriaOperator) &&
    isOneOfOrNull(['Manual', 'Automatic'])(value.completionSource) &&
    [value.criteriaValue, value.sortOrder].every(isNumberOrNull) &&
    isDateOrNull(value.targetDate) &&
    isDateOrNull(value.completedDate)
  );
}

function isPlan(value: unknown): value is StoredPlan {
  return (
    isObject(value) &&
    [value.id, value.accountId, value.name, value.changedAt].every(isText) &&
    isOneOf(PLAN_STATUSES)(value.status) &&
    isOneOfOrNull(PLAN_STAGES)(value.stage) &&
    isContactRefOrNull(value.executiveSponsor) &&
    isContactRefOrNull(value.champion) &&
    isNumberOrNull(value.reviewCadenceDays) &&
    [value.nextReview, value.startDate, value.endDate].every(isDateOrNull) &&
    [value.escalationPath, value.templateName].every(isTextOrNull) &&
    Array.isArray(value.objectives) &&
    value.objectives.every(isObjective) &&
    Array.isArray(value.milestones) &&
    value.milestones.every(isMilestone)
  );
}

const RECORD_CHECKS: { [K in StoreKind]: (value: unknown) => value is StoreKinds[K] } = {
  overrides: (value): value is StoredOverride =>
    isObject(value) &&
    typeof value.id === 'string' &&
    typeof value.accountId === 'string' &&
    (value.measure === null || typeof value.measure === 'string') &&
    typeof value.value === 'number' &&
    Number.isFinite(value.value) &&
    typeof value.reason === 'string' &&
    isIsoDate(value.expiresOn) &&
    OVERRIDE_STATUSES.includes(value.status as StoredOverride['status']) &&
    typeof value.requestedBy === 'string' &&
    typeof value.requestedAt === 'string',
  jobSchedule: (value): value is StoredJobSchedule =>
    isObject(value) &&
    typeof value.isScheduled === 'boolean' &&
    typeof value.scheduledAt === 'string' &&
    typeof value.scheduledBy === 'string',
  risks: (value): value is StoredRisk =>
    isObject(value) &&
    [value.id, value.accountId, value.name, value.category, value.severity, value.status, value.source].every(isText) &&
    [value.evidence, value.evidenceLinks, value.detectedAt].every(isText) &&
    [value.ruleKey, value.leadingIndicator, value.ownerId, value.ownerName, value.rung].every(isTextOrNull) &&
    [value.rungStartedAt, value.lastCheckInAt, value.resolutionCriteria, value.endedAt].every(isTextOrNull) &&
    isDateOrNull(value.rungDeadline) &&
    isDateOrNull(value.nextCheckIn) &&
    isNumberOrNull(value.checkInCadenceDays) &&
    isNumberOrNull(value.arrAtRisk) &&
    typeof value.isClosureProposed === 'boolean' &&
    Array.isArray(value.openTasks) &&
    value.openTasks.every(isRiskTask),
  riskActivities: (value): value is StoredRiskActivity =>
    isObject(value) &&
    [value.id, value.riskId, value.subject, value.description, value.status, value.ownerName].every(isText) &&
    isIsoDate(value.activityDate),
  riskEscalations: (value): value is StoredRiskEscalation =>
    isObject(value) &&
    [value.id, value.riskId, value.toRung, value.escalatedAt, value.reason].every(isText) &&
    [value.fromRung, value.fromOwnerName, value.toOwnerName].every(isTextOrNull),
  plans: isPlan,
  renewalCalls: (value): value is StoredRenewalCall =>
    isObject(value) &&
    [value.id, value.accountId, value.callNote, value.recordedAt, value.recordedById, value.recordedByName].every(
      isText
    ) &&
    isIsoDate(value.renewalDate) &&
    typeof value.daysBefore === 'number' &&
    Number.isInteger(value.daysBefore) &&
    isOneOf(RENEWAL_CALLS)(value.call) &&
    isTextOrNull(value.dataBand) &&
    isNumberOrNull(value.dataScore) &&
    typeof value.isDisagreement === 'boolean',
  renewalTasks: (value): value is StoredRenewalTask =>
    isObject(value) &&
    [value.id, value.accountId, value.checkpointKey, value.subject, value.description, value.status].every(isText) &&
    [value.ownerId, value.ownerName].every(isTextOrNull) &&
    isIsoDate(value.activityDate),
  reviews: (value): value is StoredReview =>
    isObject(value) &&
    [value.id, value.accountId, value.name, value.quarter, value.uniqueKey, value.status, value.changedAt].every(
      isText
    ) &&
    isIsoDate(value.periodStart) &&
    isIsoDate(value.periodEnd) &&
    [value.wins, value.challenges, value.roadmapAlignment, value.insights, value.nextPeriodGoals].every(isTextOrNull) &&
    [value.includedSlides, value.readinessBand, value.deckFileId, value.deckExportedAt].every(isTextOrNull) &&
    isNumberOrNull(value.readinessScore),
  reviewTasks: (value): value is StoredReviewTask =>
    isObject(value) &&
    [value.id, value.reviewId, value.subject, value.ownerId, value.ownerName, value.status, value.createdAt].every(
      isText
    ) &&
    isIsoDate(value.dueDate),
  decks: (value): value is StoredDeck =>
    isObject(value) &&
    [value.id, value.versionId, value.reviewId, value.accountId, value.fileName, value.createdAt].every(isText) &&
    isText(value.createdById) &&
    typeof value.size === 'number' &&
    Number.isInteger(value.size) &&
    value.size >= 0,
  jobRuns: isStoredJobRun,
  loginSources: isStoredLoginSources,
  settingsDeployments: isStoredDeployment,
  adoptionPlaybooks: isStoredAdoptionPlaybook,
  businessTriggers: isStoredBusinessTrigger,
  handOffs: isStoredHandOff
};

/**
 * Returns the folder of the saved deck files of a store: `files` beside the store file.
 * @param storeFile Path of the store file.
 */
export function deckFilesDir(storeFile: string): string {
  return path.join(path.dirname(storeFile), 'files');
}

/** Result of opening the store. */
export interface OpenedStore {
  store: CockpitStore;
  /** Problems found in the file and what was done about them, for the terminal; empty when the file was valid. */
  notices: string[];
}

/**
 * Returns the first `<file>.corrupt-<n>` name that does not exist yet, so no earlier copy is overwritten.
 * @param file The store file.
 */
export function corruptCopyName(file: string): string {
  let n = 1;
  while (existsSync(`${file}.corrupt-${n}`)) {
    n++;
  }
  return `${file}.corrupt-${n}`;
}

function describeReadError(file: string, error: NodeJS.ErrnoException): StoreError {
  return new StoreError(
    `The cockpit store ${file} cannot be read (${error.code ?? error.message}). Fix its permissions, or move it ` +
      'away and run npm run cockpit:reset to start with an empty store.'
  );
}

/** Checks the layout; returns a description of the first problem, or null when the layout is valid. */
function layoutProblem(parsed: unknown): string | null {
  if (!isObject(parsed)) {
    return 'the file is not a JSON object';
  }
  if (!Number.isInteger(parsed.version) || (parsed.version as number) < 1) {
    return `"version" is ${JSON.stringify(parsed.version)}, not a whole number from 1`;
  }
  if (!isObject(parsed.collections)) {
    return '"collections" is missing or not an object';
  }
  for (const [kind, records] of Object.entries(parsed.collections)) {
    if (!isObject(records)) {
      return `collection "${kind}" is not an object keyed by record id`;
    }
  }
  return null;
}

/** The change store, loaded into memory; every change is written through to the file. */
export class CockpitStore {
  private collections: Collections;

  private constructor(
    readonly file: string,
    collections: Collections
  ) {
    this.collections = collections;
  }

  /**
   * Opens the store file, or starts an empty store when it does not exist (the file is created on the first change).
   * @param file Path of the store file.
   * @throws StoreError when the file exists but cannot be read, or a newer version of the cockpit wrote it.
   */
  static open(file: string): OpenedStore {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        return { store: new CockpitStore(file, {}), notices: [] };
      }
      throw describeReadError(file, error as NodeJS.ErrnoException);
    }

    let parsed: unknown;
    let problem: string | null;
    try {
      parsed = JSON.parse(text);
      problem = layoutProblem(parsed);
    } catch (error) {
      problem = `it is not valid JSON (${(error as Error).message})`;
    }
    if (problem !== null) {
      const copy = corruptCopyName(file);
      try {
        renameSync(file, copy);
      } catch (error) {
        throw new StoreError(
          `The cockpit store ${file} is unusable because ${problem}, and moving it to ${copy} failed ` +
            `(${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Move it away by hand, then start again.`
        );
      }
      return {
        store: new CockpitStore(file, {}),
        notices: [
          `The cockpit store ${file} was unusable because ${problem}. It was moved to ${copy}, and the cockpit ` +
            'starts with an empty store; copy anything you need back from that file.'
        ]
      };
    }

    const layout = parsed as { version: number; collections: Collections };
    if (layout.version > STORE_VERSION) {
      throw new StoreError(
        `The cockpit store ${file} has version ${layout.version}, newer than version ${STORE_VERSION} that this ` +
          'cockpit reads. Update the repository, or move the file away to start with an empty store.'
      );
    }
    const store = new CockpitStore(file, layout.collections);
    return { store, notices: store.invalidRecordNotices() };
  }

  private invalidRecordNotices(): string[] {
    const notices: string[] = [];
    for (const kind of Object.keys(RECORD_CHECKS) as StoreKind[]) {
      const records = this.collections[kind] ?? {};
      const invalid = Object.keys(records).filter((id) => !RECORD_CHECKS[kind](records[id]));
      if (invalid.length) {
        notices.push(
          `${invalid.length} ${kind} records in ${this.file} are invalid and are ignored (ids ${invalid.join(', ')}). ` +
            'They stay in the file; fix or delete them there.'
        );
      }
    }
    return notices;
  }

  /** Returns the valid records of a kind, in id order. */
  list<K extends StoreKind>(kind: K): StoreKinds[K][] {
    const records = this.collections[kind] ?? {};
    return Object.keys(records)
      .sort()
      .map((id) => records[id])
      .filter(RECORD_CHECKS[kind]);
  }

  /** Returns one record, or undefined when there is none or it is invalid. */
  get<K extends StoreKind>(kind: K, id: string): StoreKinds[K] | undefined {
    const value = this.collections[kind]?.[id];
    return RECORD_CHECKS[kind](value) ? value : undefined;
  }

  /** Counts the records of every kind, valid or not. */
  count(): number {
    return Object.values(this.collections).reduce((total, records) => total + Object.keys(records).length, 0);
  }

  /**
   * Adds or replaces a record and writes the file.
   * @throws StoreError when the file cannot be written; the store then keeps its previous content.
   */
  put<K extends StoreKind>(kind: K, id: string, value: StoreKinds[K]): void {
    if (!RECORD_CHECKS[kind](value)) {
      throw new StoreError(`Record ${id} is not a valid ${kind} record; it was not saved.`);
    }
    this.commit({ ...this.collections, [kind]: { ...(this.collections[kind] ?? {}), [id]: value } });
  }

  /**
   * Removes a record and writes the file.
   * @returns False when there was no such record.
   */
  remove(kind: StoreKind, id: string): boolean {
    const records = this.collections[kind];
    if (records === undefined || !(id in records)) {
      return false;
    }
    const rest = { ...records };
    delete rest[id];
    this.commit({ ...this.collections, [kind]: rest });
    return true;
  }

  private commit(collections: Collections): void {
    const content = `${JSON.stringify(
      { version: STORE_VERSION, updatedAt: new Date().toISOString(), collections },
      null,
      2
    )}\n`;
    writeFileAtomically(this.file, content);
    this.collections = collections;
  }
}

/**
 * Writes a file through a temporary file in the same folder and a rename, after flushing it to disk, so readers see
 * the old content or the new one and never a partial file.
 * @throws StoreError naming the file when writing fails.
 */
export function writeFileAtomically(file: string, content: string): void {
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
    throw new StoreError(
      `Saving the cockpit store ${file} failed (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). ` +
        'Check that the folder is writable and the disk is not full; the change was not saved.'
    );
  }
}

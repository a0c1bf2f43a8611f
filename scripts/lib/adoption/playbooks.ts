/**
 * Feature adoption playbooks of one account, built as the Apex classes AdoptionPlaybookService and
 * AdoptionPlaybookView build them: each playbook's current adoption and progress from the latest fact of its feature
 * and segment, the feature and segment pairs to start one for, and the proposal of a new playbook with its diagnosis,
 * target and sprint.
 */
import {
  ALL_SEGMENT,
  BARRIERS,
  diagnoseBarriers,
  monthStart,
  peerPercentOf,
  playbookProgress,
  playbookTarget,
  playbookTargetDate,
  sprintTasks
} from 'c/adoptionEngine';
import type {
  AdoptionFactRow,
  AdoptionFeature,
  AdoptionPlaybookModel,
  BarrierFinding,
  PlaybookStatus,
  PlaybookTaskTemplate,
  SegmentType,
  SprintTask
} from 'c/adoptionEngine';
import type { PlaybookBarrierRecord, PlaybookRecord, PlaybookTaskRecord } from '../export';
import { barrierInputOf, featureLabelOf } from './scorecard';

/** Statuses in the order the playbook list shows them. */
const STATUS_ORDER: readonly PlaybookStatus[] = ['Active', 'Draft', 'Completed', 'Cancelled'];

/** Statuses that close a playbook; a closed playbook keeps the adoption recorded when it closed. */
export const CLOSED_STATUSES: readonly PlaybookStatus[] = ['Completed', 'Cancelled'];

/** Feature and segment pairs the list offers at most. */
export const MAX_CHOICES = 200;

/** Sprint Tasks per playbook the list shows at most. */
export const MAX_TASKS_PER_PLAYBOOK = 100;

/** A playbook as the list shows it. */
export interface PlaybookView {
  record: PlaybookRecord;
  featureLabel: string;
  /** Adoption of the latest fact for an open playbook; the stored current percent for a closed one. */
  currentPercent: number | null;
  /** First day of the month of the latest fact; null when currentPercent is the stored value. */
  currentMonth: string | null;
  /** The latest fact of the feature and segment; null without one or for a closed playbook. */
  currentFact: AdoptionFactRow | null;
  progressPercent: number | null;
  isOverdue: boolean;
  openTaskCount: number;
  doneTaskCount: number;
  /** Barriers in diagnosis order; a value outside it keeps its place after them. */
  barriers: PlaybookBarrierRecord[];
  /** Sprint Tasks by due date (blank last), at most MAX_TASKS_PER_PLAYBOOK. */
  tasks: PlaybookTaskRecord[];
}

/** A feature and segment a playbook can be started for. */
export interface PlaybookChoice {
  featureKey: string;
  featureLabel: string;
  segmentType: SegmentType;
  segment: string;
  month: string;
  adoptionPercent: number | null;
  targetPercent: number;
  activePlaybookId: string | null;
}

/** The proposal of a new playbook for one feature and segment; nothing of it is saved. */
export interface PlaybookSuggestion {
  featureLabel: string;
  /** Latest fact of the segment; null when there is none. */
  fact: AdoptionFactRow | null;
  peerPercent: number | null;
  peerSegmentCount: number;
  barriers: BarrierFinding[];
  targetPercent: number;
  startDate: string;
  targetDate: string;
  sprint: SprintTask[];
}

function compareText(left: string, right: string): number {
  if (left === right) {
    return 0;
  }
  return left < right ? -1 : 1;
}

/** Returns `<featureKey>|<segmentType>|<segment>`, the key of a feature and segment pair. */
export function pairKey(featureKey: string, segmentType: string, segment: string): string {
  return `${featureKey}|${segmentType}|${segment}`;
}

/**
 * Writes a segment for the `{segment}` placeholder of Task subjects, which read "Announce {feature} to {segment}":
 * `the whole account` for segment All, else `the <segment> segment`, so that every template reads as a sentence.
 */
export function sprintSegmentLabel(segmentType: string, segment: string): string {
  return segmentType === ALL_SEGMENT ? 'the whole account' : `the ${segment} segment`;
}

/** Returns the facts of an account newest month first, keeping the order of each month's facts. */
export function newestFirst(facts: readonly AdoptionFactRow[]): AdoptionFactRow[] {
  return [...facts].sort((left, right) => compareText(monthStart(right.month), monthStart(left.month)));
}

/** Keeps the latest fact of each feature and segment pair, by pairKey. */
export function latestByPair(facts: readonly AdoptionFactRow[]): Map<string, AdoptionFactRow> {
  const latest = new Map<string, AdoptionFactRow>();
  for (const fact of newestFirst(facts)) {
    const key = pairKey(fact.featureKey, fact.segmentType, fact.segment);
    if (!latest.has(key)) {
      latest.set(key, fact);
    }
  }
  return latest;
}

function compareNullsLast(left: string | null, right: string | null): number {
  if (left === right) {
    return 0;
  }
  if (left === null) {
    return 1;
  }
  if (right === null) {
    return -1;
  }
  return compareText(left, right);
}

function sortedBarriers(barriers: readonly PlaybookBarrierRecord[]): PlaybookBarrierRecord[] {
  const known = BARRIERS.flatMap((name) => barriers.filter((barrier) => barrier.barrier === name));
  return [...known, ...barriers.filter((barrier) => !BARRIERS.includes(barrier.barrier))];
}

function toView(
  record: PlaybookRecord,
  latest: ReadonlyMap<string, AdoptionFactRow>,
  features: ReadonlyMap<string, AdoptionFeature>,
  asOf: string
): PlaybookView {
  const isClosed = CLOSED_STATUSES.includes(record.status);
  const fact = isClosed ? null : (latest.get(pairKey(record.featureKey, record.segmentType, record.segment)) ?? null);
  const currentPercent = fact === null ? record.currentPercent : fact.adoptionPercent;
  const tasks = [...record.tasks].sort((left, right) => compareNullsLast(left.dueDate, right.dueDate));
  return {
    record,
    featureLabel: featureLabelOf(features, record.featureKey),
    currentPercent,
    currentMonth: fact?.month ?? null,
    currentFact: fact,
    progressPercent: playbookProgress(record.baselinePercent, currentPercent, record.targetPercent),
    isOverdue: record.status === 'Active' && record.targetDate !== null && record.targetDate < asOf,
    openTaskCount: record.tasks.filter((task) => !task.isClosed).length,
    doneTaskCount: record.tasks.filter((task) => task.isClosed).length,
    barriers: sortedBarriers(record.barriers),
    tasks: tasks.slice(0, MAX_TASKS_PER_PLAYBOOK)
  };
}

/**
 * Builds the playbook list of an account: Active first, then Draft, Completed and Cancelled, each status newest start
 * first (blank start last) and then by Id, newest first.
 * @param playbooks Playbooks of the account, with barriers and Tasks.
 * @param facts Adoption facts of the account, any months.
 * @param features Every feature of the dictionary by key.
 * @param asOf ISO date the overdue state compares with.
 */
export function buildPlaybookViews(
  playbooks: readonly PlaybookRecord[],
  facts: readonly AdoptionFactRow[],
  features: ReadonlyMap<string, AdoptionFeature>,
  asOf: string
): PlaybookView[] {
  const latest = latestByPair(facts);
  const ordered = [...playbooks].sort((left, right) => {
    if (left.startDate === right.startDate) {
      return compareText(right.id, left.id);
    }
    if (left.startDate === null) return 1;
    if (right.startDate === null) return -1;
    return compareText(right.startDate, left.startDate);
  });
  const rank = (status: PlaybookStatus): number => {
    const index = STATUS_ORDER.indexOf(status);
    return index < 0 ? STATUS_ORDER.length : index;
  };
  return ordered
    .map((record, index) => ({ record, index }))
    .sort((left, right) => rank(left.record.status) - rank(right.record.status) || left.index - right.index)
    .map(({ record }) => toView(record, latest, features, asOf));
}

/**
 * Lists the feature and segment pairs of the account's latest month of facts, lowest adoption first (pairs without a
 * percent last), then by feature label without regard to letter case and by pair key, with the Active playbook of
 * each pair. Features that the dictionary does not contain, or that are not active, are left out.
 * @param facts Adoption facts of the account, any months.
 * @param playbooks Playbooks of the account.
 * @param features Every feature of the dictionary by key.
 */
export function buildPlaybookChoices(
  facts: readonly AdoptionFactRow[],
  playbooks: readonly PlaybookRecord[],
  features: ReadonlyMap<string, AdoptionFeature>
): PlaybookChoice[] {
  const latest = latestByPair(facts);
  let latestMonth: string | null = null;
  for (const fact of latest.values()) {
    if (latestMonth === null || fact.month > latestMonth) {
      latestMonth = fact.month;
    }
  }
  const activeByPair = new Map<string, string>();
  for (const playbook of playbooks) {
    if (playbook.status === 'Active') {
      activeByPair.set(pairKey(playbook.featureKey, playbook.segmentType, playbook.segment), playbook.id);
    }
  }
  const choices: (PlaybookChoice & { key: string })[] = [];
  for (const [key, fact] of latest) {
    const feature = features.get(fact.featureKey);
    if (fact.month !== latestMonth || feature === undefined || !feature.isActive) {
      continue;
    }
    choices.push({
      key,
      featureKey: fact.featureKey,
      featureLabel: featureLabelOf(features, fact.featureKey),
      segmentType: fact.segmentType,
      segment: fact.segment,
      month: fact.month,
      adoptionPercent: fact.adoptionPercent,
      targetPercent: feature.targetPercent,
      activePlaybookId: activeByPair.get(key) ?? null
    });
  }
  choices.sort((left, right) => {
    if (left.adoptionPercent !== right.adoptionPercent) {
      if (left.adoptionPercent === null) return 1;
      if (right.adoptionPercent === null) return -1;
      return left.adoptionPercent - right.adoptionPercent;
    }
    return (
      compareText(left.featureLabel.toLowerCase(), right.featureLabel.toLowerCase()) || compareText(left.key, right.key)
    );
  });
  return choices.slice(0, MAX_CHOICES).map(({ key: _key, ...choice }) => choice);
}

/**
 * Builds the proposal of a playbook for one feature and segment starting on `start`: the segment's latest fact, the
 * median of its peers of the same type and month, the barriers the data suggests, the target of `playbookTarget`, the
 * default target date, and the sprint of `sprintTasks`.
 * @param feature The feature.
 * @param segmentType Segment type.
 * @param segment Segment name; `All` for the whole account.
 * @param facts Adoption facts of the account, any months.
 * @param templates Sprint Task templates.
 * @param start ISO date the playbook starts.
 */
export function suggestPlaybookOf(
  feature: AdoptionFeature,
  segmentType: SegmentType,
  segment: string,
  facts: readonly AdoptionFactRow[],
  templates: readonly PlaybookTaskTemplate[],
  start: string
): PlaybookSuggestion {
  const typeFacts = newestFirst(facts).filter(
    (fact) => fact.featureKey === feature.key && fact.segmentType === segmentType
  );
  const fact = typeFacts.find((candidate) => candidate.segment === segment) ?? null;
  let peerPercent: number | null = null;
  let peerSegmentCount = 0;
  if (fact !== null) {
    peerPercent = peerPercentOf(typeFacts, feature.key, segmentType, segment, fact.month);
    if (segmentType !== ALL_SEGMENT) {
      const peers = new Set(
        typeFacts
          .filter((peer) => peer.month === fact.month && peer.adoptionPercent !== null && peer.segment !== segment)
          .map((peer) => peer.segment)
      );
      peerSegmentCount = peers.size;
    }
  }
  const barriers = diagnoseBarriers({ ...barrierInputOf(fact, feature, start), peerPercent });
  const featureLabel = feature.label.trim() === '' ? feature.key : feature.label;
  return {
    featureLabel,
    fact,
    peerPercent,
    peerSegmentCount,
    barriers,
    targetPercent: playbookTarget(fact?.adoptionPercent ?? null, feature.targetPercent),
    startDate: start,
    targetDate: playbookTargetDate(start),
    sprint: sprintTasks(
      barriers.map((finding) => ({ barrier: finding.barrier, action: finding.action })),
      [...templates],
      start,
      featureLabel,
      sprintSegmentLabel(segmentType, segment)
    )
  };
}

/**
 * Turns a playbook into the model of the Markdown renderer `renderAdoptionPlaybook`.
 * @param customer Account name.
 * @param asOf ISO date the playbook is written for.
 * @param view The playbook as the list shows it.
 * @param feature The feature; null when the dictionary does not contain it.
 */
export function playbookModelOf(
  customer: string,
  asOf: string,
  view: PlaybookView,
  feature: AdoptionFeature | null
): AdoptionPlaybookModel {
  const record = view.record;
  return {
    customer,
    asOf,
    featureKey: record.featureKey,
    featureLabel: view.featureLabel,
    valueStatement: feature?.valueStatement ?? null,
    segmentType: record.segmentType,
    segment: record.segment,
    status: record.status,
    current: view.currentFact,
    baselinePercent: record.baselinePercent,
    currentPercent: view.currentPercent,
    targetPercent: record.targetPercent,
    startDate: record.startDate,
    targetDate: record.targetDate,
    barriers: view.barriers.map((barrier) => ({
      barrier: barrier.barrier,
      evidence: barrier.evidence,
      action: barrier.action,
      isSuggested: barrier.isSuggested
    })),
    tasks: view.tasks.map((task) => ({
      subject: task.subject,
      dueDate: task.dueDate,
      status: task.status,
      ownerName: task.ownerName
    }))
  };
}

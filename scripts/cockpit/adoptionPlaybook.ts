/**
 * AdoptionPlaybookController offline, with the checks and messages of AdoptionPlaybookService and the views that
 * AdoptionPlaybookView builds, computed with the reference engine.
 *
 * Playbooks come from the export's AdoptionPlaybook__c and PlaybookBarrier__c files, with their sprint Tasks from
 * Task.csv. A playbook that someone created, or whose status someone changed, in the cockpit is kept whole in the
 * change store, and that copy replaces the export's playbook of the same Id. A new playbook starts on the export's
 * scoring date, and its sprint Tasks are owned by the cockpit user.
 */
import {
  BARRIER_ACTIONS,
  BARRIERS,
  PLAYBOOK_STATUSES,
  SEGMENT_TYPES,
  playbookTarget,
  sprintTasks
} from 'c/adoptionEngine';
import type { AdoptionFeature, Barrier, PlaybookStatus, SegmentType } from 'c/adoptionEngine';
import { formatIsoDate, formatNumber, parseIsoDate, roundTo } from 'c/healthEngine';
import {
  buildPlaybookChoices,
  buildPlaybookViews,
  CLOSED_STATUSES,
  latestByPair,
  pairKey,
  scorecardSegmentLabel,
  sprintSegmentLabel,
  suggestPlaybookOf
} from '../lib/adoption';
import type { PlaybookView } from '../lib/adoption';
import { adoptionRecordsOf } from '../lib/export';
import type { PlaybookBarrierRecord, PlaybookRecord } from '../lib/export';
import { ApexParameterError } from './apexErrors';
import {
  ACCESS_DENIED_PREFIX,
  adoptionStateOf,
  factsOf,
  fail,
  newRecordId,
  PERMISSION_SET_HINT,
  requireAccount,
  requireAccountId
} from './adoptionScorecard';
import type { AdoptionContext } from './adoptionScorecard';
import type { StoredAdoptionPlaybook } from './adoptionRecords';
import type { AccountState } from './data';
import { COCKPIT_KEY_PREFIXES, syntheticId } from './ids';

type PlaybookList = ApexTypes.AdoptionPlaybookController_PlaybookList;
type PlaybookViewDto = ApexTypes.AdoptionPlaybookController_PlaybookView;
type PlaybookSuggestion = ApexTypes.AdoptionPlaybookController_PlaybookSuggestion;
type BarrierInput = ApexTypes.AdoptionPlaybookController_BarrierInput;

/** Latest target date of a playbook, in days after its start. */
export const MAX_TARGET_DAYS = 365;
/** Default days from a playbook's start to its target date. */
const DEFAULT_TARGET_DAYS = 90;
/** Length of AdoptionPlaybook__c.Name. */
const NAME_LENGTH = 80;
/** Length of the text fields of PlaybookBarrier__c. */
const TEXT_LENGTH = 255;
/** Length of the Segment__c fields. */
const SEGMENT_LENGTH = 80;
/** Status of the sprint Tasks a new playbook creates. */
const NEW_TASK_STATUS = 'Not Started';

/** Parameters of createPlaybook after conversion to the Apex types. */
export interface NewPlaybook {
  accountId: string | null;
  featureKey: string | null;
  segmentType: string | null;
  segment: string | null;
  targetPercent: number | null;
  targetDate: string | null;
  barriers: (BarrierInput | null)[] | null;
}

/**
 * Converts the `List<AdoptionPlaybookController.BarrierInput>` parameter: null when absent, an entry null when it is
 * null in the list.
 * @throws ApexParameterError when the value is not a list of objects whose fields have their Apex types.
 */
export function barrierInputsParam(name: string, value: unknown): (BarrierInput | null)[] | null {
  if (value === undefined || value === null) {
    return null;
  }
  const invalid = (): never => {
    throw new ApexParameterError(name, 'List<AdoptionPlaybookController.BarrierInput>', value);
  };
  if (!Array.isArray(value)) {
    return invalid();
  }
  return value.map((entry: unknown) => {
    if (entry === null) {
      return null;
    }
    if (typeof entry !== 'object' || Array.isArray(entry)) {
      return invalid();
    }
    const fields = entry as Record<string, unknown>;
    const text = (field: unknown): string | null => {
      if (field === undefined || field === null) return null;
      return typeof field === 'string' ? field : invalid();
    };
    const isSuggested = fields.isSuggested;
    if (isSuggested !== undefined && isSuggested !== null && typeof isSuggested !== 'boolean') {
      return invalid();
    }
    return {
      barrier: text(fields.barrier),
      evidence: text(fields.evidence),
      action: text(fields.action),
      isSuggested: (isSuggested as boolean | null | undefined) ?? null
    };
  });
}

function toRecord(stored: StoredAdoptionPlaybook): PlaybookRecord {
  const record: PlaybookRecord & { changedAt?: string } = { ...stored };
  delete record.changedAt;
  return record;
}

/** Returns the playbooks of an account: the store's copies in place of the export's, then the cockpit's new ones. */
export function playbooksOf(context: AdoptionContext, state: AccountState): PlaybookRecord[] {
  const accountId = state.signals.accountId;
  const stored = new Map(
    context.store
      .list('adoptionPlaybooks')
      .filter((playbook) => playbook.accountId === accountId)
      .map((playbook) => [playbook.id, toRecord(playbook)])
  );
  const exported = adoptionRecordsOf(context.data.exportContent.adoption, accountId).playbooks;
  const merged = exported.map((playbook) => stored.get(playbook.id) ?? playbook);
  const exportedIds = new Set(exported.map((playbook) => playbook.id));
  return [...merged, ...[...stored.values()].filter((playbook) => !exportedIds.has(playbook.id))];
}

function toPlaybookDto(view: PlaybookView): PlaybookViewDto {
  const record = view.record;
  return {
    id: record.id,
    name: record.name,
    featureKey: record.featureKey,
    featureLabel: view.featureLabel,
    segmentType: record.segmentType,
    segment: record.segment,
    status: record.status,
    baselinePercent: record.baselinePercent,
    currentPercent: view.currentPercent,
    currentMonth: view.currentMonth,
    targetPercent: record.targetPercent,
    startDate: record.startDate,
    targetDate: record.targetDate,
    progressPercent: view.progressPercent,
    isOverdue: view.isOverdue,
    openTaskCount: view.openTaskCount,
    doneTaskCount: view.doneTaskCount,
    barriers: view.barriers.map((barrier) => ({
      id: barrier.id,
      barrier: barrier.barrier,
      evidence: barrier.evidence,
      action: barrier.action,
      isSuggested: barrier.isSuggested
    })),
    tasks: view.tasks.map((task) => ({
      id: task.id,
      subject: task.subject,
      dueDate: task.dueDate,
      status: task.status,
      isClosed: task.isClosed,
      ownerName: task.ownerName
    }))
  };
}

/**
 * Loads the adoption playbooks of an account, as AdoptionPlaybookController.getPlaybooks does.
 * @param context Data, store, user and clock.
 * @param accountIdParam Id of the account.
 */
export function getPlaybooks(context: AdoptionContext, accountIdParam: string | null): PlaybookList {
  const accountId = requireAccountId(accountIdParam, 'adoption playbook', 'Open the adoption playbooks');
  if (!context.user.canReadAdoption) {
    fail(`${ACCESS_DENIED_PREFIX}you cannot read adoption playbooks or their barriers. ${PERMISSION_SET_HINT}`);
  }
  const state = requireAccount(context.data, accountId);
  const { features } = adoptionStateOf(context.data);
  const facts = factsOf(context.data, state);
  const playbooks = playbooksOf(context, state);
  return {
    accountId: state.signals.accountId,
    accountName: state.signals.accountName,
    asOf: context.data.asOf,
    canCreate: context.user.canEditPlaybooks,
    canEdit: context.user.canEditPlaybooks,
    playbooks: buildPlaybookViews(playbooks, facts, features, context.data.asOf).map(toPlaybookDto),
    choices: buildPlaybookChoices(facts, playbooks, features)
  };
}

function requireFeature(context: AdoptionContext, featureKey: string | null): AdoptionFeature {
  const { features } = adoptionStateOf(context.data);
  const key = featureKey?.trim() ?? '';
  const feature = features.get(key);
  if (feature !== undefined && feature.isActive) {
    return feature;
  }
  const activeKeys = [...features.values()]
    .filter((candidate) => candidate.isActive)
    .map((candidate) => candidate.key)
    .sort();
  let problem = 'The feature key is missing.';
  if (key !== '') {
    problem = `Feature ${key} ${feature === undefined ? 'is not in the feature dictionary.' : 'is not active.'}`;
  }
  const next =
    activeKeys.length === 0
      ? ' No feature is active; ask your admin to activate an Adoption Feature record.'
      : ` Choose one of ${activeKeys.join(', ')}.`;
  fail(problem + next);
}

/** Checks a restricted picklist value as the Apex service does: exact letter case after trimming. */
function requirePicklistValue<T extends string>(label: string, value: string | null, allowed: readonly T[]): T {
  const trimmed = value?.trim() ?? '';
  const match = allowed.find((candidate) => candidate === trimmed);
  if (match !== undefined) {
    return match;
  }
  const problem = trimmed === '' ? `${label} is missing.` : `${label} ${trimmed} is not a valid value.`;
  fail(`${problem} Choose one of ${allowed.join(', ')}.`);
}

function requireSegment(segmentType: SegmentType, segment: string | null): string {
  if (segmentType === 'All') {
    return 'All';
  }
  const trimmed = segment?.trim() ?? '';
  if (trimmed === '') {
    fail(`The segment is missing. Enter the ${segmentType} the playbook is for, as the scorecard names it.`);
  }
  if (trimmed.toLowerCase() === 'all') {
    fail(
      `Segment All belongs to segment type All. Choose segment type All for the whole account, or name a ` +
        `${segmentType}.`
    );
  }
  if (trimmed.length > SEGMENT_LENGTH) {
    fail(`Segment is ${trimmed.length} characters long, more than the ${SEGMENT_LENGTH} allowed. Shorten it.`);
  }
  return trimmed;
}

function addDays(date: string, days: number): string {
  return formatIsoDate(parseIsoDate(date, 'date') + days);
}

function requireTargetDate(targetDate: string | null, start: string): string {
  if (targetDate === null) {
    return addDays(start, DEFAULT_TARGET_DAYS);
  }
  if (targetDate <= start || targetDate > addDays(start, MAX_TARGET_DAYS)) {
    fail(
      `Target date ${targetDate} is out of range. Choose a day after ${start} and at most ${MAX_TARGET_DAYS} days ` +
        `later, or leave it blank for ${addDays(start, DEFAULT_TARGET_DAYS)}.`
    );
  }
  return targetDate;
}

function requireTargetPercent(targetPercent: number | null, current: number | null, feature: AdoptionFeature): number {
  if (targetPercent === null) {
    return playbookTarget(current, feature.targetPercent);
  }
  const target = roundTo(targetPercent, 1);
  if (target <= 0 || target > 100) {
    fail(
      `Target ${formatNumber(targetPercent)}% is out of range. Enter a percent above 0 and at most 100, or leave it ` +
        'blank for the suggested target.'
    );
  }
  if (current !== null && target <= current) {
    fail(
      `Target ${formatNumber(target)}% is not above the current adoption of ${formatNumber(current)}%. Enter a ` +
        'higher target, or leave it blank for the suggested target.'
    );
  }
  return target;
}

function optionalText(label: string, value: string | null): string | null {
  const trimmed = value?.trim() ?? '';
  if (trimmed === '') {
    return null;
  }
  if (trimmed.length > TEXT_LENGTH) {
    fail(`${label} is ${trimmed.length} characters long, more than the ${TEXT_LENGTH} allowed. Shorten it.`);
  }
  return trimmed;
}

/** Checks the chosen barriers and returns them in diagnosis order, with the default action where it is blank. */
function requireBarriers(inputs: (BarrierInput | null)[] | null): PlaybookBarrierRecord[] {
  if (inputs === null || inputs.length === 0) {
    fail(`No barrier was chosen. Choose at least one of ${BARRIERS.join(', ')}.`);
  }
  const byBarrier = new Map<Barrier, PlaybookBarrierRecord>();
  inputs.forEach((input, index) => {
    if (input === null) {
      fail(`Barrier ${index + 1} is empty. Remove it or choose a barrier.`);
    }
    const barrier = requirePicklistValue(`Barrier ${index + 1}`, input.barrier, BARRIERS);
    if (byBarrier.has(barrier)) {
      fail(`Barrier ${barrier} is listed twice. Keep one entry per barrier.`);
    }
    byBarrier.set(barrier, {
      id: null,
      barrier,
      evidence: optionalText(`${barrier} evidence`, input.evidence),
      action: optionalText(`${barrier} action`, input.action) ?? BARRIER_ACTIONS[barrier],
      isSuggested: input.isSuggested === true
    });
  });
  return BARRIERS.flatMap((barrier) => {
    const found = byBarrier.get(barrier);
    return found === undefined ? [] : [found];
  });
}

function rejectActivePlaybook(playbooks: readonly PlaybookRecord[], pair: string, exceptId: string | null): void {
  for (const playbook of playbooks) {
    const isSamePair = pairKey(playbook.featureKey, playbook.segmentType, playbook.segment) === pair;
    if (isSamePair && playbook.status === 'Active' && playbook.id !== exceptId) {
      fail(
        `Adoption playbook ${playbook.name} is already Active for this feature and segment. Complete or cancel it ` +
          'before starting another.'
      );
    }
  }
}

/**
 * Builds a playbook proposal for one feature and segment, starting on the scoring date, as
 * AdoptionPlaybookController.suggestPlaybook does. Nothing is saved.
 */
export function suggestPlaybook(
  context: AdoptionContext,
  accountIdParam: string | null,
  featureKey: string | null,
  segmentTypeParam: string | null,
  segmentParam: string | null
): PlaybookSuggestion {
  const accountId = requireAccountId(accountIdParam, 'adoption playbook', 'Open the adoption playbooks');
  const feature = requireFeature(context, featureKey);
  const segmentType = requirePicklistValue('Segment type', segmentTypeParam, SEGMENT_TYPES);
  const segment = requireSegment(segmentType, segmentParam);
  if (!context.user.canReadAdoption) {
    fail(`${ACCESS_DENIED_PREFIX}you cannot read adoption facts. ${PERMISSION_SET_HINT}`);
  }
  const state = requireAccount(context.data, accountId);

  const start = context.data.asOf;
  const suggestion = suggestPlaybookOf(
    feature,
    segmentType,
    segment,
    factsOf(context.data, state),
    adoptionStateOf(context.data).metadata.templates,
    start
  );
  const pair = pairKey(feature.key, segmentType, segment);
  const active = playbooksOf(context, state).find(
    (playbook) =>
      playbook.status === 'Active' && pairKey(playbook.featureKey, playbook.segmentType, playbook.segment) === pair
  );

  const fact = suggestion.fact;
  return {
    accountId: state.signals.accountId,
    accountName: state.signals.accountName,
    featureKey: feature.key,
    featureLabel: suggestion.featureLabel,
    valueStatement: feature.valueStatement,
    segmentType,
    segment,
    hasData: fact !== null,
    month: fact?.month ?? null,
    entitledUsers: fact?.entitledUsers ?? null,
    assignedUsers: fact?.assignedUsers ?? null,
    activeUsers: fact?.activeUsers ?? null,
    triedUsers: fact?.triedUsers ?? null,
    currentPercent: fact?.adoptionPercent ?? null,
    featureTargetPercent: feature.targetPercent,
    trend: fact?.trend ?? null,
    trendSlope: fact?.trendSlope ?? null,
    peerPercent: suggestion.peerPercent,
    peerSegmentCount: suggestion.peerSegmentCount,
    barriers: suggestion.barriers.map((finding) => ({
      id: null,
      barrier: finding.barrier,
      evidence: finding.evidence,
      action: finding.action,
      isSuggested: true
    })),
    targetPercent: suggestion.targetPercent,
    startDate: suggestion.startDate,
    targetDate: suggestion.targetDate,
    sprint: suggestion.sprint.map((task) => ({
      barrier: task.barrier,
      subject: task.subject,
      description: task.description,
      dueDate: task.dueDate
    })),
    activePlaybookId: active?.id ?? null
  };
}

/** Cuts text to a maximum length with a trailing ellipsis, as Apex String.abbreviate does. */
function abbreviate(text: string, maxLength: number): string {
  return text.length <= maxLength ? text : `${text.slice(0, maxLength - 3)}...`;
}

/**
 * Creates an Active playbook with its barriers and sprint Tasks, as AdoptionPlaybookController.createPlaybook does,
 * and keeps it in the change store.
 * @returns Id of the new playbook.
 */
export function createPlaybook(context: AdoptionContext, request: NewPlaybook): string {
  const accountId = requireAccountId(request.accountId, 'adoption playbook', 'Open the adoption playbooks');
  if (!context.user.canEditPlaybooks) {
    fail(
      `${ACCESS_DENIED_PREFIX}you cannot create adoption playbooks, their barriers or Tasks. ${PERMISSION_SET_HINT}`
    );
  }
  const feature = requireFeature(context, request.featureKey);
  const segmentType = requirePicklistValue('Segment type', request.segmentType, SEGMENT_TYPES);
  const segment = requireSegment(segmentType, request.segment);
  const start = context.data.asOf;
  const targetDate = requireTargetDate(request.targetDate, start);
  const barriers = requireBarriers(request.barriers);

  const state = requireAccount(context.data, accountId);
  const pair = pairKey(feature.key, segmentType, segment);
  rejectActivePlaybook(playbooksOf(context, state), pair, null);
  const current = latestByPair(factsOf(context.data, state)).get(pair)?.adoptionPercent ?? null;
  const targetPercent = requireTargetPercent(request.targetPercent, current, feature);

  const { metadata } = adoptionStateOf(context.data);
  const featureLabel = feature.label.trim() === '' ? feature.key : feature.label;
  const changedAt = context.now().toISOString();
  const id = newRecordId(
    'AdoptionPlaybook',
    `${state.signals.accountId}:${pair}:${changedAt}`,
    (candidate) => context.store.get('adoptionPlaybooks', candidate) !== undefined
  );
  // The sprint follows the barriers and actions the user kept, which may differ from the proposal's.
  const tasks = sprintTasks(
    barriers.map((barrier) => ({ barrier: barrier.barrier, action: barrier.action })),
    [...metadata.templates],
    start,
    featureLabel,
    sprintSegmentLabel(segmentType, segment)
  );
  const playbook: StoredAdoptionPlaybook = {
    id,
    accountId: state.signals.accountId,
    name: abbreviate(`${featureLabel} - ${scorecardSegmentLabel(segmentType, segment)}`, NAME_LENGTH),
    featureKey: feature.key,
    segmentType,
    segment,
    status: 'Active',
    baselinePercent: current,
    currentPercent: current,
    targetPercent,
    startDate: start,
    targetDate,
    barriers: barriers.map((barrier) => ({
      ...barrier,
      id: syntheticId('PlaybookBarrier', `${id}:${barrier.barrier}`)
    })),
    tasks: tasks.map((task, index) => ({
      id: syntheticId('Task', `${id}:${index}`),
      subject: task.subject,
      dueDate: task.dueDate,
      status: NEW_TASK_STATUS,
      isClosed: false,
      ownerName: context.user.name
    })),
    changedAt
  };
  context.store.put('adoptionPlaybooks', id, playbook);
  return id;
}

/** Finds a playbook of any account by Id, with its account, in the store or the export. */
function findPlaybook(
  context: AdoptionContext,
  playbookId: string
): { state: AccountState; playbook: PlaybookRecord } | null {
  const stored = context.store.get('adoptionPlaybooks', playbookId);
  const exported = stored === undefined ? context.data.exportContent.adoption.playbooksById.get(playbookId) : undefined;
  const accountId = stored?.accountId ?? exported?.accountId;
  const state = accountId === undefined ? undefined : context.data.account(accountId);
  if (state === undefined) {
    return null;
  }
  const playbook = playbooksOf(context, state).find((candidate) => candidate.id === playbookId);
  return playbook === undefined ? null : { state, playbook };
}

/**
 * Checks that an Id names an adoption playbook, as the Apex service does with the Id's object type. Offline the object
 * of an Id is known from its key prefix: the cockpit's own, or the prefix of the export's playbooks.
 */
function requirePlaybookId(context: AdoptionContext, playbookId: string | null): string {
  if (playbookId === null) {
    fail('The playbook Id is missing. Reload the page and try again.');
  }
  const prefixes = new Set<string>([COCKPIT_KEY_PREFIXES.AdoptionPlaybook]);
  for (const id of context.data.exportContent.adoption.playbooksById.keys()) {
    prefixes.add(id.slice(0, 3));
  }
  if (!prefixes.has(playbookId.slice(0, 3))) {
    fail(`Id ${playbookId} is not the Id of an adoption playbook. Reload the page and try again.`);
  }
  return playbookId;
}

/**
 * Changes the status of a playbook, as AdoptionPlaybookController.setStatus does. Activating one checks that no other
 * Active playbook covers its feature and segment; Completed and Cancelled close it and record the adoption of the
 * latest fact of its feature and segment as its current percent.
 */
export function setStatus(context: AdoptionContext, playbookIdParam: string | null, statusParam: string | null): void {
  const playbookId = requirePlaybookId(context, playbookIdParam);
  if (!context.user.canEditPlaybooks) {
    fail(`${ACCESS_DENIED_PREFIX}you cannot edit adoption playbooks. ${PERMISSION_SET_HINT}`);
  }
  const status: PlaybookStatus = requirePicklistValue('Status', statusParam, PLAYBOOK_STATUSES);
  const found = findPlaybook(context, playbookId);
  if (found === null) {
    fail(
      `${ACCESS_DENIED_PREFIX}adoption playbook ${playbookId} does not exist or is not shared with you. Reload the ` +
        'page; if it is still listed, ask the account owner for access.'
    );
  }
  const { state, playbook } = found;

  if (CLOSED_STATUSES.includes(playbook.status)) {
    fail(
      `Adoption playbook ${playbook.name} is ${playbook.status}, so its status can no longer change. Start a new ` +
        'playbook for the feature and segment instead.'
    );
  }
  if (status === playbook.status) {
    return;
  }

  const pair = pairKey(playbook.featureKey, playbook.segmentType, playbook.segment);
  let currentPercent = playbook.currentPercent;
  if (status === 'Active') {
    rejectActivePlaybook(playbooksOf(context, state), pair, playbook.id);
  } else if (CLOSED_STATUSES.includes(status)) {
    const fact = latestByPair(factsOf(context.data, state)).get(pair);
    if (fact !== undefined) {
      currentPercent = fact.adoptionPercent;
    }
  }
  context.store.put('adoptionPlaybooks', playbook.id, {
    ...playbook,
    status,
    currentPercent,
    changedAt: context.now().toISOString()
  });
}

/**
 * Pure functions that turn the playbook list and the playbook proposal of AdoptionPlaybookController into what the
 * adoptionPlaybook template shows. They build the playbook cards with progress, barriers and sprint Tasks, the feature
 * and segment options of the create flow, the proposal's diagnosis, and the model of the Markdown export. The create
 * form and its checks live in playbookForms.ts.
 */
import { formatNumber } from 'c/healthEngine';
import { ADOPTION_TRENDS, PLAYBOOK_STATUSES, SEGMENT_TYPES, barrierEvidenceNote } from 'c/adoptionEngine';
import type {
  AdoptionFactRow,
  AdoptionPlaybookModel,
  AdoptionTrend,
  Barrier,
  PlaybookStatus,
  SegmentType
} from 'c/adoptionEngine';

type PlaybookList = ApexTypes.AdoptionPlaybookController_PlaybookList;
type PlaybookView = ApexTypes.AdoptionPlaybookController_PlaybookView;
type PlaybookChoice = ApexTypes.AdoptionPlaybookController_PlaybookChoice;
type PlaybookSuggestion = ApexTypes.AdoptionPlaybookController_PlaybookSuggestion;
type TaskView = ApexTypes.AdoptionPlaybookController_TaskView;

/** Start of the Apex messages of access failures. */
export const ACCESS_DENIED_PREFIX = 'Access denied: ';

/**
 * Page state keys that open the create flow for a feature and segment. The adoptionScorecard component sets them when
 * the user starts a playbook from a flagged feature, by navigating to the same Account page.
 */
export const PLAYBOOK_STATE_KEYS = {
  featureKey: 'c__playbookFeature',
  segmentType: 'c__playbookSegmentType',
  segment: 'c__playbookSegment'
} as const;

/** Statuses that close a playbook; a closed playbook no longer changes. */
export const CLOSED_STATUSES: readonly string[] = ['Completed', 'Cancelled'];

const SEGMENT_TYPE_LABELS: Record<SegmentType, string> = {
  All: 'All users',
  Role: 'Role',
  Profile: 'Profile',
  Department: 'Department',
  BusinessUnit: 'Business unit'
};

const STATUS_BADGES: Record<string, string> = {
  Active: 'slds-theme_success',
  Completed: 'slds-badge_inverse',
  Cancelled: 'slds-badge_lightest'
};

/** Menu label of each status a user can move a playbook to. */
const STATUS_ACTIONS: Record<PlaybookStatus, string> = {
  Draft: 'Set back to Draft',
  Active: 'Activate',
  Completed: 'Complete (closes the playbook)',
  Cancelled: 'Cancel (closes the playbook)'
};

const TREND_WORDS: Record<AdoptionTrend, string> = {
  Improving: 'Improving',
  Stable: 'Stable',
  Declining: 'Declining',
  Insufficient: 'Too few months for a trend'
};

/** Option of a combobox or a menu. */
export interface Option {
  label: string;
  value: string;
}

/** One barrier of a playbook as the template shows it. */
export interface BarrierRow {
  key: string;
  barrier: string;
  /** `: <evidence>`, to follow the barrier's name. */
  evidence: string;
  action: string;
  sourceText: string;
}

/** One sprint Task as the template shows it. */
export interface TaskRow {
  key: string;
  subject: string;
  dueText: string;
  statusText: string;
  ownerText: string;
  isOverdue: boolean;
  className: string;
}

/** One playbook as the template shows it. */
export interface PlaybookRow {
  key: string;
  id: string;
  headingId: string;
  name: string;
  featureLabel: string;
  segmentLabel: string;
  status: string;
  statusLabel: string;
  statusClass: string;
  isClosed: boolean;
  currentText: string;
  targetText: string;
  datesText: string;
  progressPercent: number;
  progressStyle: string;
  progressText: string;
  progressLabel: string;
  isOverdue: boolean;
  overdueText: string;
  barriers: BarrierRow[];
  hasBarriers: boolean;
  /** Dates the stored evidence: the data of the playbook's start, not of today. */
  evidenceNote: string;
  openTasks: TaskRow[];
  doneTasks: TaskRow[];
  hasOpenTasks: boolean;
  hasDoneTasks: boolean;
  openTasksHeading: string;
  doneTasksHeading: string;
  taskNote: string;
  statusActions: Option[];
  statusMenuLabel: string;
  exportTitle: string;
  className: string;
}

/** The diagnosis of a proposal as the create flow shows it. */
export interface SuggestionSummary {
  hasData: boolean;
  /** Facts of the current adoption, one line each. */
  lines: { key: string; label: string; value: string }[];
  valueStatement: string;
  noDataText: string;
}

function isNumber(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function percentText(value: number | null | undefined): string {
  return isNumber(value) ? `${formatNumber(value)}%` : 'n/a';
}

function countText(value: number | null | undefined): string {
  return isNumber(value) ? formatNumber(value) : 'n/a';
}

function isSegmentType(value: string | null | undefined): value is SegmentType {
  return (SEGMENT_TYPES as readonly string[]).includes(value ?? '');
}

function isPlaybookStatus(value: string | null | undefined): value is PlaybookStatus {
  return (PLAYBOOK_STATUSES as readonly string[]).includes(value ?? '');
}

function isTrend(value: string | null | undefined): value is AdoptionTrend {
  return (ADOPTION_TRENDS as readonly string[]).includes(value ?? '');
}

/**
 * Names a segment as the scorecard's column headers do: `All users` for the whole account, else `<type>: <segment>`,
 * such as `Role: Support Agent` or `Business unit: EMEA`.
 * @param segmentType SegmentType__c value.
 * @param segment Segment__c value.
 */
export function segmentLabel(segmentType: string | null | undefined, segment: string | null | undefined): string {
  if (segmentType === 'All') {
    return 'All users';
  }
  const typeLabel = isSegmentType(segmentType) ? SEGMENT_TYPE_LABELS[segmentType] : (segmentType ?? 'Segment');
  return `${typeLabel}: ${segment ?? ''}`;
}

/**
 * Builds the value of the segment combobox: `<segmentType>|<segment>`.
 * @param segmentType Segment type.
 * @param segment Segment value.
 */
export function segmentKeyOf(segmentType: string, segment: string): string {
  return `${segmentType}|${segment}`;
}

/**
 * Splits the value of the segment combobox into its type and segment. The segment may itself contain `|`.
 * @param key Value built by segmentKeyOf.
 * @returns Null when the value has no type.
 */
export function parseSegmentKey(key: string): { segmentType: string; segment: string } | null {
  const separator = key.indexOf('|');
  if (separator <= 0) {
    return null;
  }
  return { segmentType: key.slice(0, separator), segment: key.slice(separator + 1) };
}

/**
 * Returns the label of a playbook status.
 * @param status Status__c value.
 */
export function statusLabel(status: string | null | undefined): string {
  return status ? status : 'No status';
}

function taskRow(task: TaskView, fallbackKey: string, asOf: string): TaskRow {
  const isOverdue = task.isClosed !== true && Boolean(task.dueDate) && (task.dueDate as string) < asOf;
  let dueText = task.dueDate ? `Due ${task.dueDate}` : 'No due date';
  if (isOverdue) {
    dueText = `Overdue: was due on ${task.dueDate}`;
  }
  return {
    key: task.id ?? fallbackKey,
    subject: task.subject ?? 'Task without a subject',
    dueText,
    statusText: task.status ?? 'No status',
    ownerText: task.ownerName ?? 'No owner',
    isOverdue,
    className: isOverdue ? 'task task_overdue' : 'task'
  };
}

function currentText(playbook: PlaybookView): string {
  if (!isNumber(playbook.currentPercent)) {
    return 'Current adoption not measured yet';
  }
  const source = playbook.currentMonth
    ? `latest adoption fact, ${playbook.currentMonth.slice(0, 7)}`
    : 'stored on the playbook';
  return `Current ${percentText(playbook.currentPercent)} (${source}), baseline ${percentText(playbook.baselinePercent)}`;
}

function progressTextOf(playbook: PlaybookView): string {
  if (!isNumber(playbook.progressPercent)) {
    return 'Progress not measurable yet';
  }
  return `${formatNumber(playbook.progressPercent)}% of the way from the baseline to the target`;
}

function taskNote(playbook: PlaybookView, listed: number): string {
  const total = (playbook.openTaskCount ?? 0) + (playbook.doneTaskCount ?? 0);
  if (total === 0) {
    return 'No sprint Task is visible to you.';
  }
  return listed < total ? `Showing ${listed} of ${total} sprint Tasks.` : '';
}

/**
 * Builds the playbook cards in the order Apex returns them (Active first).
 * @param list The playbook list.
 * @param canEdit True when the user may change statuses.
 */
export function buildPlaybookRows(list: PlaybookList, canEdit: boolean): PlaybookRow[] {
  const asOf = list.asOf ?? '';
  return (list.playbooks ?? []).map((playbook, index) => {
    const id = playbook.id ?? `playbook-${index}`;
    const status = playbook.status ?? '';
    const isClosed = CLOSED_STATUSES.includes(status);
    const featureLabel = playbook.featureLabel ?? playbook.featureKey ?? 'Unnamed feature';
    const segment = segmentLabel(playbook.segmentType, playbook.segment);
    const name = playbook.name ?? `${featureLabel} - ${segment}`;
    const tasks = playbook.tasks ?? [];
    const openTasks = tasks
      .filter((task) => task.isClosed !== true)
      .map((task, at) => taskRow(task, `${id}-open-${at}`, asOf));
    const doneTasks = tasks
      .filter((task) => task.isClosed === true)
      .map((task, at) => taskRow(task, `${id}-done-${at}`, asOf));
    const progressText = progressTextOf(playbook);
    const progressPercent = isNumber(playbook.progressPercent)
      ? Math.min(100, Math.max(0, playbook.progressPercent))
      : 0;
    const isOverdue = playbook.isOverdue === true;
    const statusActions =
      canEdit && !isClosed
        ? PLAYBOOK_STATUSES.filter((value) => value !== status).map((value) => ({
            label: STATUS_ACTIONS[value],
            value
          }))
        : [];
    return {
      key: id,
      id,
      headingId: `playbook-heading-${index}`,
      name,
      featureLabel,
      segmentLabel: segment,
      status,
      statusLabel: statusLabel(status),
      statusClass: STATUS_BADGES[status] ?? '',
      isClosed,
      currentText: currentText(playbook),
      targetText: `Target ${percentText(playbook.targetPercent)} by ${playbook.targetDate ?? 'a date not set'}`,
      datesText: `${playbook.startDate ?? 'not set'} to ${playbook.targetDate ?? 'not set'}`,
      progressPercent,
      progressStyle: `width: ${progressPercent}%`,
      progressText,
      progressLabel: `Progress of ${name}: ${progressText}`,
      isOverdue,
      overdueText: isOverdue ? `Overdue: the target date ${playbook.targetDate} has passed.` : '',
      barriers: (playbook.barriers ?? []).map((barrier, barrierIndex) => ({
        key: barrier.id ?? `${id}-barrier-${barrierIndex}`,
        barrier: barrier.barrier ?? 'Barrier',
        evidence: `: ${barrier.evidence?.trim() ? barrier.evidence.trim() : 'no evidence recorded'}`,
        action: barrier.action?.trim() ? barrier.action.trim() : 'No action recorded',
        sourceText: barrier.isSuggested === true ? 'Suggested by the data' : 'Added by a user'
      })),
      hasBarriers: (playbook.barriers ?? []).length > 0,
      evidenceNote: barrierEvidenceNote(playbook.startDate ?? null),
      openTasks,
      doneTasks,
      hasOpenTasks: openTasks.length > 0,
      hasDoneTasks: doneTasks.length > 0,
      openTasksHeading: `Open Tasks (${playbook.openTaskCount ?? openTasks.length})`,
      doneTasksHeading: `Done Tasks (${playbook.doneTaskCount ?? doneTasks.length})`,
      taskNote: taskNote(playbook, tasks.length),
      statusActions,
      statusMenuLabel: `Change the status of ${name}`,
      exportTitle: `Export ${name} as Markdown`,
      className: isOverdue ? 'playbook playbook_overdue' : 'playbook'
    };
  });
}

/**
 * Lists the features of the choices, each once, in the order of the choices (lowest adoption first).
 * @param choices Feature and segment pairs of the latest facts.
 * @param extra A feature to add when the choices lack it, such as one a link asked for; null for none.
 */
export function featureOptions(choices: PlaybookChoice[] | null | undefined, extra: Option | null = null): Option[] {
  const options: Option[] = [];
  const seen = new Set<string>();
  for (const choice of choices ?? []) {
    const key = choice.featureKey ?? '';
    if (key !== '' && !seen.has(key)) {
      seen.add(key);
      options.push({ label: choice.featureLabel ?? key, value: key });
    }
  }
  if (extra && !seen.has(extra.value)) {
    options.push(extra);
  }
  return options;
}

/**
 * Lists the segments of one feature in the choices, each with its adoption and whether an Active playbook covers it.
 * @param choices Feature and segment pairs of the latest facts.
 * @param featureKey The chosen feature.
 * @param extra A segment key to add when the choices lack it; empty for none.
 */
export function segmentOptions(choices: PlaybookChoice[] | null | undefined, featureKey: string, extra = ''): Option[] {
  const options = (choices ?? [])
    .filter((choice) => choice.featureKey === featureKey && choice.segmentType)
    .map((choice) => {
      const adoption = isNumber(choice.adoptionPercent)
        ? `${percentText(choice.adoptionPercent)} against a target of ${percentText(choice.targetPercent)}`
        : 'adoption not measured';
      const active = choice.activePlaybookId ? ', Active playbook open' : '';
      return {
        label: `${segmentLabel(choice.segmentType, choice.segment)}: ${adoption}${active}`,
        value: segmentKeyOf(choice.segmentType as string, choice.segment ?? '')
      };
    });
  const parsed = parseSegmentKey(extra);
  if (parsed && !options.some((option) => option.value === extra)) {
    options.push({ label: segmentLabel(parsed.segmentType, parsed.segment), value: extra });
  }
  return options;
}

function trendText(suggestion: PlaybookSuggestion): string {
  const trend: AdoptionTrend = isTrend(suggestion.trend) ? suggestion.trend : 'Insufficient';
  const slope = suggestion.trendSlope;
  if (trend === 'Insufficient' || !isNumber(slope)) {
    return TREND_WORDS[trend];
  }
  return `${TREND_WORDS[trend]}, ${slope > 0 ? '+' : ''}${formatNumber(slope)} points per month`;
}

function peerText(suggestion: PlaybookSuggestion): string {
  if (!isNumber(suggestion.peerPercent)) {
    return 'No other segment of this type to compare with';
  }
  const count = suggestion.peerSegmentCount ?? 0;
  return `${percentText(suggestion.peerPercent)}, the median of ${count} other ${count === 1 ? 'segment' : 'segments'}`;
}

/**
 * Summarizes the current adoption behind a proposal.
 * @param suggestion The proposal.
 */
export function summarizeSuggestion(suggestion: PlaybookSuggestion): SuggestionSummary {
  const hasData = suggestion.hasData === true;
  const lines = hasData
    ? [
        { key: 'month', label: 'Month', value: (suggestion.month ?? '').slice(0, 7) || 'not known' },
        { key: 'current', label: 'Adoption', value: percentText(suggestion.currentPercent) },
        { key: 'target', label: 'Feature target', value: percentText(suggestion.featureTargetPercent) },
        { key: 'entitled', label: 'Entitled users', value: countText(suggestion.entitledUsers) },
        { key: 'assigned', label: 'Assigned users', value: countText(suggestion.assignedUsers) },
        { key: 'tried', label: 'Tried it in the last 90 days', value: countText(suggestion.triedUsers) },
        { key: 'active', label: 'Active users', value: countText(suggestion.activeUsers) },
        { key: 'trend', label: 'Trend', value: trendText(suggestion) },
        { key: 'peers', label: 'Peer segments', value: peerText(suggestion) }
      ]
    : [];
  return {
    hasData,
    lines,
    valueStatement: suggestion.valueStatement?.trim() ?? '',
    noDataText: hasData
      ? ''
      : 'No adoption fact exists for this feature and segment yet, so the data suggests no barrier. Add the ' +
        'barriers you see with the customer.'
  };
}

/**
 * Builds the fact of the current adoption for the export from a proposal.
 * @param suggestion The proposal of the playbook's feature and segment; its numbers are the latest fact.
 * @returns Null when the proposal has no data.
 */
export function currentFactOf(suggestion: PlaybookSuggestion): AdoptionFactRow | null {
  if (suggestion.hasData !== true || !suggestion.month || !isSegmentType(suggestion.segmentType)) {
    return null;
  }
  return {
    featureKey: suggestion.featureKey ?? '',
    segmentType: suggestion.segmentType,
    segment: suggestion.segment ?? '',
    month: suggestion.month,
    entitledUsers: suggestion.entitledUsers,
    assignedUsers: suggestion.assignedUsers,
    activeUsers: suggestion.activeUsers,
    triedUsers: suggestion.triedUsers,
    adoptionPercent: suggestion.currentPercent,
    trend: isTrend(suggestion.trend) ? suggestion.trend : 'Insufficient',
    trendSlope: suggestion.trendSlope
  };
}

/**
 * Builds the model of `renderAdoptionPlaybook` for one playbook, as `npm run score` exports it: an open playbook shows
 * the latest fact of its feature and segment, a closed one only its stored percents.
 * @param list The playbook list, for the customer and the as-of date.
 * @param playbook The playbook.
 * @param suggestion A proposal for the playbook's feature and segment, which carries the latest fact and the
 * feature's value statement. Null when it could not be read.
 */
export function buildPlaybookModel(
  list: PlaybookList,
  playbook: PlaybookView,
  suggestion: PlaybookSuggestion | null
): AdoptionPlaybookModel {
  const isClosed = CLOSED_STATUSES.includes(playbook.status ?? '');
  const segmentType: SegmentType = isSegmentType(playbook.segmentType) ? playbook.segmentType : 'All';
  return {
    customer: list.accountName ?? '',
    asOf: list.asOf ?? '',
    featureKey: playbook.featureKey ?? '',
    featureLabel: playbook.featureLabel ?? playbook.featureKey ?? '',
    valueStatement: suggestion?.valueStatement ?? null,
    segmentType,
    segment: playbook.segment ?? '',
    status: isPlaybookStatus(playbook.status) ? playbook.status : 'Draft',
    current: isClosed || suggestion === null ? null : currentFactOf(suggestion),
    baselinePercent: playbook.baselinePercent,
    currentPercent: playbook.currentPercent,
    targetPercent: playbook.targetPercent,
    startDate: playbook.startDate,
    targetDate: playbook.targetDate,
    barriers: (playbook.barriers ?? []).map((barrier) => ({
      // Barrier__c is a restricted picklist whose values are BARRIERS.
      barrier: (barrier.barrier ?? '') as Barrier,
      evidence: barrier.evidence,
      action: barrier.action,
      isSuggested: barrier.isSuggested === true
    })),
    tasks: (playbook.tasks ?? []).map((task) => ({
      subject: task.subject ?? '',
      dueDate: task.dueDate,
      status: task.status,
      ownerName: task.ownerName
    }))
  };
}

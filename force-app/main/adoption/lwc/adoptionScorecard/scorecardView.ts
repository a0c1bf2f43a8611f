/**
 * Pure functions that turn the scorecard of AdoptionScorecardController into what the adoptionScorecard template
 * shows. They build the month and segment type options, the feature by segment matrix with its target colours and
 * trend arrows, license utilization with its bars, the under-used features, and the model of the Markdown export.
 */
import { formatNumber } from 'c/healthEngine';
import { plural } from 'c/healthReport';
import { ADOPTION_TRENDS, ALL_SEGMENT, SEGMENT_TYPES } from 'c/adoptionEngine';
import type {
  AdoptionFactRow,
  AdoptionScorecardModel,
  AdoptionTrend,
  ScorecardSegment,
  SegmentType,
  UnderusedFeature
} from 'c/adoptionEngine';

type Scorecard = ApexTypes.AdoptionScorecardController_Scorecard;
type SegmentColumn = ApexTypes.AdoptionScorecardController_SegmentColumn;
type MatrixCell = ApexTypes.AdoptionScorecardController_MatrixCell;
type LicenseUtilization = ApexTypes.AdoptionScorecardController_LicenseUtilization;
type OrgLicense = ApexTypes.AdoptionScorecardController_OrgLicense;

/** Start of the Apex messages of access failures. */
export const ACCESS_DENIED_PREFIX = 'Access denied: ';

/** Share of the target under which a cell counts as far below it: under half the target. */
export const FAR_BELOW_SHARE = 0.5;

/**
 * Page state keys that open the create flow of the adoptionPlaybook component on the same Account page. The
 * adoptionPlaybook component reads the same keys from CurrentPageReference.
 */
export const PLAYBOOK_STATE_KEYS = {
  featureKey: 'c__playbookFeature',
  segmentType: 'c__playbookSegmentType',
  segment: 'c__playbookSegment'
} as const;

/** Segment types a user can choose for the matrix columns, after the whole-account column. */
export const MATRIX_SEGMENT_TYPES: readonly SegmentType[] = SEGMENT_TYPES.filter((type) => type !== ALL_SEGMENT);

const SEGMENT_TYPE_LABELS: Record<SegmentType, string> = {
  All: 'All users',
  Role: 'Role',
  Profile: 'Profile',
  Department: 'Department',
  BusinessUnit: 'Business unit'
};

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December'
];

/** Arrow and screen-reader word of each trend. The arrow is hidden from screen readers, which read the word. */
const TREND_DISPLAY: Record<AdoptionTrend, { arrow: string; word: string }> = {
  Improving: { arrow: '↑', word: 'improving' },
  Stable: { arrow: '→', word: 'stable' },
  Declining: { arrow: '↓', word: 'declining' },
  Insufficient: { arrow: '·', word: 'too few months for a trend' }
};

/** Comparison of a cell's adoption with the feature's target. */
export type TargetStatus = 'met' | 'below' | 'farBelow' | 'unknown';

const TARGET_STATUS_DISPLAY: Record<TargetStatus, { text: string; className: string }> = {
  met: { text: 'Target met', className: 'cell cell_met' },
  below: { text: 'Below target', className: 'cell cell_below' },
  farBelow: { text: 'Far below target', className: 'cell cell_far-below' },
  unknown: { text: 'No target set', className: 'cell' }
};

/** Option of a combobox. */
export interface Option {
  label: string;
  value: string;
}

/** One column header of the matrix. */
export interface MatrixColumn {
  key: string;
  label: string;
}

/** One cell of the matrix as the template shows it. */
export interface MatrixCellView {
  key: string;
  hasData: boolean;
  percentText: string;
  trendArrow: string;
  /** Trend in words with its slope, read by screen readers in place of the arrow. */
  trendText: string;
  statusText: string;
  className: string;
}

/** One feature row of the matrix. */
export interface MatrixRow {
  key: string;
  label: string;
  targetText: string;
  cells: MatrixCellView[];
}

/** The matrix for one segment type: the whole-account column, then the segments of the type. */
export interface Matrix {
  columns: MatrixColumn[];
  rows: MatrixRow[];
  caption: string;
  /** Sentence shown when the chosen type has no segment in the month; empty otherwise. */
  note: string;
}

/** A utilization bar: a value 0 to 100 for the bar, and the text that names it. */
export interface Bar {
  key: string;
  label: string;
  valueText: string;
  /** 0 to 100, clamped, for aria-valuenow and the bar width. */
  percent: number;
  style: string;
  ariaLabel: string;
}

/** License utilization of one feature. */
export interface LicenseRow {
  key: string;
  label: string;
  /** `, <n> entitled`, to follow the label. */
  entitledText: string;
  sourceText: string;
  bars: Bar[];
}

/** A user license or permission set license of the org with its use. */
export interface OrgLicenseRow {
  key: string;
  label: string;
  /** `, status <status>`, to follow the label. */
  detailText: string;
  bar: Bar | null;
}

/** One under-used feature as the template shows it. */
export interface UnderusedRow {
  key: string;
  featureKey: string;
  rankText: string;
  label: string;
  headingId: string;
  adoptionText: string;
  priorityText: string;
  isFlagged: boolean;
  action: string;
  actionSourceText: string;
  valueStatement: string;
  startLabel: string;
  /** True when the feature has an Active playbook for all users, so the row offers to open it, not to start one. */
  hasActivePlaybook: boolean;
  openLabel: string;
  className: string;
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

function isTrend(value: string | null | undefined): value is AdoptionTrend {
  return (ADOPTION_TRENDS as readonly string[]).includes(value ?? '');
}

/**
 * Writes the month of an ISO date in words, such as `May 2026`.
 * @param iso ISO date; only its year and month count.
 * @returns The month; the text itself when it is not an ISO date.
 */
export function monthLabel(iso: string | null | undefined): string {
  const match = /^(\d{4})-(\d{2})/.exec(iso ?? '');
  const index = match ? Number(match[2]) - 1 : -1;
  if (!match || index < 0 || index > 11) {
    return iso ?? '';
  }
  return `${MONTH_NAMES[index]} ${match[1]}`;
}

/**
 * Returns the label of a segment type in words.
 * @param segmentType SegmentType__c value.
 */
export function segmentTypeLabel(segmentType: string | null | undefined): string {
  return isSegmentType(segmentType) ? SEGMENT_TYPE_LABELS[segmentType] : (segmentType ?? '');
}

/**
 * Builds the options of the month picker: the months that have facts, newest first, and the month shown when it has
 * none.
 * @param scorecard The scorecard.
 */
export function monthOptions(scorecard: Scorecard): Option[] {
  const months = [...(scorecard.monthsAvailable ?? [])];
  if (scorecard.month && !months.includes(scorecard.month)) {
    months.unshift(scorecard.month);
  }
  return months.map((month) => ({ label: monthLabel(month), value: month }));
}

function columnsOfType(scorecard: Scorecard, segmentType: string): SegmentColumn[] {
  return (scorecard.segments ?? []).filter((column) => column.segmentType === segmentType);
}

/**
 * Builds the options of the segment type combobox. Each label contains the number of segments of the type in the month.
 * @param scorecard The scorecard.
 */
export function segmentTypeOptions(scorecard: Scorecard): Option[] {
  return MATRIX_SEGMENT_TYPES.map((type) => {
    const count = columnsOfType(scorecard, type).length;
    const segments = count === 0 ? 'no data' : plural(count, 'segment', 'segments');
    return { label: `${SEGMENT_TYPE_LABELS[type]} (${segments})`, value: type };
  });
}

/**
 * Returns true when the month has segments of at least one of Role, Profile, Department and Business unit, so the
 * segment type combobox has a type to choose.
 * @param scorecard The scorecard.
 */
export function hasSegmentData(scorecard: Scorecard): boolean {
  return MATRIX_SEGMENT_TYPES.some((type) => columnsOfType(scorecard, type).length > 0);
}

/**
 * Chooses the segment type the matrix opens with: the first of Role, Profile, Department and Business unit that has
 * segments in the month, else Role.
 * @param scorecard The scorecard.
 */
export function defaultSegmentType(scorecard: Scorecard): SegmentType {
  return MATRIX_SEGMENT_TYPES.find((type) => columnsOfType(scorecard, type).length > 0) ?? MATRIX_SEGMENT_TYPES[0];
}

/**
 * Compares an adoption percent with the feature's target: met at or above it, far below under FAR_BELOW_SHARE of it,
 * else below.
 * @param percent Adoption percent; null when not known.
 * @param target Target percent; null or 0 when the feature has none.
 */
export function targetStatus(percent: number | null | undefined, target: number | null | undefined): TargetStatus {
  if (!isNumber(percent) || !isNumber(target) || target <= 0) {
    return 'unknown';
  }
  if (percent >= target) {
    return 'met';
  }
  return percent < target * FAR_BELOW_SHARE ? 'farBelow' : 'below';
}

function trendText(trend: AdoptionTrend, slope: number | null | undefined): string {
  const word = TREND_DISPLAY[trend].word;
  if (trend === 'Insufficient' || !isNumber(slope)) {
    return word;
  }
  const points = Math.abs(slope) === 1 ? 'point' : 'points';
  const sign = slope > 0 ? '+' : '';
  return `${word}, ${sign}${formatNumber(slope)} ${points} per month`;
}

/**
 * Names why a cell with a fact has no percent. Adoption is active over entitled users, so it is missing either
 * because no user is entitled or because no usage is measured for entitled users, such as a feature entitled by the
 * account's licensed seats without a Feature Usage row.
 */
function missingPercentText(cell: MatrixCell): string {
  return isNumber(cell.entitledUsers) && cell.entitledUsers > 0 ? 'No usage data' : 'No entitlement';
}

function cellView(cell: MatrixCell | undefined, columnKey: string, target: number | null): MatrixCellView {
  if (!cell || cell.hasData !== true) {
    return {
      key: columnKey,
      hasData: false,
      percentText: 'No data',
      trendArrow: '',
      trendText: '',
      statusText: '',
      className: 'cell cell_no-data'
    };
  }
  const trend: AdoptionTrend = isTrend(cell.trend) ? cell.trend : 'Insufficient';
  const hasPercent = isNumber(cell.adoptionPercent);
  const status = targetStatus(cell.adoptionPercent, target);
  return {
    key: columnKey,
    hasData: true,
    percentText: percentText(cell.adoptionPercent),
    trendArrow: TREND_DISPLAY[trend].arrow,
    trendText: trendText(trend, cell.trendSlope),
    statusText: hasPercent ? TARGET_STATUS_DISPLAY[status].text : missingPercentText(cell),
    className: TARGET_STATUS_DISPLAY[hasPercent ? status : 'unknown'].className
  };
}

/**
 * Builds the feature by segment matrix for one segment type: the whole-account column first, then the segments of the
 * type in the order Apex lists them (by name).
 * @param scorecard The scorecard.
 * @param segmentType Segment type of the columns after the whole account.
 */
export function buildMatrix(scorecard: Scorecard, segmentType: string): Matrix {
  const allColumns = scorecard.segments ?? [];
  const typeColumns = columnsOfType(scorecard, segmentType);
  const columns = [...allColumns.filter((column) => column.segmentType === ALL_SEGMENT), ...typeColumns];
  const typeLabel = segmentTypeLabel(segmentType);
  const rows = (scorecard.features ?? []).map((feature, index) => {
    const cellsByKey = new Map((feature.cells ?? []).map((cell) => [cell.segmentKey ?? '', cell]));
    const target = isNumber(feature.targetPercent) && feature.targetPercent > 0 ? feature.targetPercent : null;
    return {
      key: feature.featureKey ?? `feature-${index}`,
      label: feature.label ?? feature.featureKey ?? 'Unnamed feature',
      targetText: target === null ? 'No target' : `Target ${percentText(target)}`,
      cells: columns.map((column) => cellView(cellsByKey.get(column.key ?? ''), column.key ?? '', target))
    };
  });
  return {
    columns: columns.map((column) => ({
      key: column.key ?? '',
      label: column.label ?? column.segment ?? ''
    })),
    rows,
    caption: `Adoption of each feature against entitlement in ${monthLabel(scorecard.month)}, for all users and by ${typeLabel.toLowerCase()}`,
    note: matrixNote(scorecard, typeColumns.length, typeLabel)
  };
}

/** Explains a matrix without segment columns: no segment of the chosen type, or no segment of any type. */
function matrixNote(scorecard: Scorecard, typeColumnCount: number, typeLabel: string): string {
  const month = monthLabel(scorecard.month);
  if (typeColumnCount > 0) {
    return '';
  }
  if (!hasSegmentData(scorecard)) {
    return `No segment of any type has adoption facts in ${month}, so the matrix shows all users only.`;
  }
  return `No ${typeLabel.toLowerCase()} segments have adoption facts in ${month}, so the matrix shows all users only. Choose another segment type.`;
}

function bar(key: string, label: string, part: number | null, whole: number | null, what: string): Bar {
  const share = isNumber(part) && isNumber(whole) && whole > 0 ? (part / whole) * 100 : null;
  const percent = share === null ? 0 : Math.min(100, Math.max(0, Math.round(share)));
  const valueText =
    share === null
      ? `${countText(part)} ${what}, share not known`
      : `${countText(part)} of ${countText(whole)} (${percentText(Math.round(share * 10) / 10)})`;
  return {
    key,
    label,
    valueText,
    percent,
    style: `width: ${percent}%`,
    ariaLabel: `${label}: ${valueText}`
  };
}

const SOURCE_TEXT: Record<string, string> = {
  UserLicense: 'Entitlement from the user license',
  PermissionSetLicense: 'Entitlement from the permission set license',
  EntitlementRecord: 'Entitlement from the feature entitlement records',
  LicensedSeats: 'Entitlement from the licensed seats of the account'
};

function sourceText(row: LicenseUtilization): string {
  const text = SOURCE_TEXT[row.entitlementSource ?? ''] ?? 'Entitlement source not set';
  return row.licenseName ? `${text} ${row.licenseName}` : text;
}

/**
 * Builds the license utilization rows: per feature, the assigned and active users against the entitled users, each
 * as a bar. Shares over 100% fill the bar and keep their value in the text.
 * @param scorecard The scorecard.
 */
export function buildLicenseRows(scorecard: Scorecard): LicenseRow[] {
  return (scorecard.licenses ?? []).map((row, index) => {
    const key = row.featureKey ?? `license-${index}`;
    const label = row.label ?? key;
    return {
      key,
      label,
      entitledText: `, ${countText(row.entitledUsers)} entitled`,
      sourceText: sourceText(row),
      bars: [
        bar(`${key}-assigned`, `${label}, assigned users`, row.assignedUsers, row.entitledUsers, 'assigned'),
        bar(`${key}-active`, `${label}, active users`, row.activeUsers, row.entitledUsers, 'active')
      ]
    };
  });
}

function orgLicenseKey(license: OrgLicense): string {
  return `${license.licenseType ?? ''}|${license.name ?? ''}`;
}

/**
 * Lists the org's user and permission set licenses that the features count, each once, with a bar of used against
 * total licenses.
 * @param scorecard The scorecard.
 */
export function buildOrgLicenseRows(scorecard: Scorecard): OrgLicenseRow[] {
  const seen = new Set<string>();
  const rows: OrgLicenseRow[] = [];
  for (const row of scorecard.licenses ?? []) {
    const license = row.orgLicense;
    if (!license || seen.has(orgLicenseKey(license))) {
      continue;
    }
    seen.add(orgLicenseKey(license));
    const kind = license.licenseType === 'PermissionSetLicense' ? 'Permission set license' : 'User license';
    const label = `${kind} ${license.label ?? license.name ?? ''}`.trim();
    const hasTotal = isNumber(license.totalLicenses) && license.totalLicenses > 0;
    rows.push({
      key: orgLicenseKey(license),
      label,
      detailText: `, status ${license.status ?? 'not known'}`,
      bar: hasTotal
        ? bar(`${orgLicenseKey(license)}-used`, `${label}, used`, license.usedLicenses, license.totalLicenses, 'used')
        : null
    });
  }
  return rows;
}

/**
 * Lists the messages of the org licenses that could not be shown, each once.
 * @param scorecard The scorecard.
 */
export function orgLicenseMessages(scorecard: Scorecard): string[] {
  const messages = (scorecard.licenses ?? [])
    .map((row) => row.orgLicenseMessage?.trim() ?? '')
    .filter((message) => message !== '');
  return [...new Set(messages)];
}

function actionSourceText(actionBarrier: string | null | undefined): string {
  return actionBarrier ? `Default action for the ${actionBarrier} barrier` : 'Enablement action of the feature';
}

/**
 * Builds the under-used feature rows in priority order, flagged ones marked.
 * @param scorecard The scorecard.
 */
export function buildUnderusedRows(scorecard: Scorecard): UnderusedRow[] {
  return (scorecard.underused ?? []).map((row, index) => {
    const featureKey = row.featureKey ?? '';
    const label = row.label ?? featureKey;
    const action = row.action?.trim() ?? '';
    return {
      key: featureKey || `underused-${index}`,
      featureKey,
      rankText: `${index + 1}.`,
      label,
      headingId: `underused-heading-${index}`,
      adoptionText: `Adoption ${percentText(row.adoptionPercent)} against a target of ${percentText(row.targetPercent)}`,
      priorityText: `Value rank ${countText(row.valueRank)}, priority ${countText(row.priority)}`,
      isFlagged: row.isFlagged === true,
      action: action === '' ? 'No action configured: start a playbook to diagnose the barriers.' : action,
      actionSourceText: action === '' ? '' : actionSourceText(row.actionBarrier),
      valueStatement: row.valueStatement?.trim() ?? '',
      startLabel: `Start a playbook for ${label}, all users`,
      hasActivePlaybook: Boolean(row.activePlaybookId),
      openLabel: `Open the Active playbook for ${label}, all users`,
      className: row.isFlagged === true ? 'underused underused_flagged' : 'underused'
    };
  });
}

function factRowsOf(scorecard: Scorecard): AdoptionFactRow[] {
  const month = scorecard.month;
  if (!month) {
    return [];
  }
  const columnsByKey = new Map((scorecard.segments ?? []).map((column) => [column.key ?? '', column]));
  const facts: AdoptionFactRow[] = [];
  for (const feature of scorecard.features ?? []) {
    for (const cell of feature.cells ?? []) {
      const column = columnsByKey.get(cell.segmentKey ?? '');
      if (cell.hasData !== true || !column || !isSegmentType(column.segmentType)) {
        continue;
      }
      facts.push({
        featureKey: feature.featureKey ?? '',
        segmentType: column.segmentType,
        segment: column.segment ?? '',
        month,
        entitledUsers: cell.entitledUsers,
        assignedUsers: cell.assignedUsers,
        activeUsers: cell.activeUsers,
        triedUsers: cell.triedUsers,
        adoptionPercent: cell.adoptionPercent,
        trend: isTrend(cell.trend) ? cell.trend : 'Insufficient',
        trendSlope: cell.trendSlope
      });
    }
  }
  return facts;
}

/**
 * Builds the model of `renderAdoptionScorecard` from the scorecard, with every segment of the month as a column, as
 * `npm run score` exports it. A feature that the dictionary does not contain has a value rank of 0 and no target.
 * @param scorecard The scorecard.
 */
export function buildScorecardModel(scorecard: Scorecard): AdoptionScorecardModel {
  const segments: ScorecardSegment[] = [];
  for (const column of scorecard.segments ?? []) {
    if (isSegmentType(column.segmentType)) {
      segments.push({ segmentType: column.segmentType, segment: column.segment ?? '' });
    }
  }
  const underused: UnderusedFeature[] = (scorecard.underused ?? []).map((row) => ({
    featureKey: row.featureKey ?? '',
    month: scorecard.month ?? '',
    percent: row.adoptionPercent ?? 0,
    target: row.targetPercent ?? 0,
    valueRank: row.valueRank ?? 0,
    priority: row.priority ?? 0,
    isFlagged: row.isFlagged === true,
    action: row.action?.trim() ? row.action.trim() : null
  }));
  return {
    customer: scorecard.accountName ?? '',
    asOf: scorecard.asOf ?? '',
    month: scorecard.isEmpty === true ? null : (scorecard.month ?? null),
    features: (scorecard.features ?? []).map((feature) => ({
      key: feature.featureKey ?? '',
      label: feature.label ?? feature.featureKey ?? '',
      valueRank: feature.valueRank ?? 0,
      targetPercent: feature.targetPercent ?? 0
    })),
    segments,
    facts: factRowsOf(scorecard),
    underused
  };
}

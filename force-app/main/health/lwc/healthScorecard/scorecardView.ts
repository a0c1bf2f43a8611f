/**
 * Pure functions that turn the scorecard data of HealthScorecardController into what the healthScorecard template
 * shows: texts, the trend line's coordinates, the waterfall of score changes and the checks of the override form.
 */
import { formatWeight } from 'c/healthReport';

type Scorecard = ApexTypes.HealthScorecardController_Scorecard;
type LedgerLine = ApexTypes.HealthScorecardController_LedgerLine;
type HistoryPoint = ApexTypes.HealthScorecardController_HistoryPoint;
type DimensionScore = ApexTypes.HealthScorecardController_DimensionScore;

/** Start of the Apex messages of access failures (HealthScorecardService.ACCESS_DENIED_PREFIX). */
export const ACCESS_DENIED_PREFIX = 'Access denied: ';

/** Days after today that an override may last at most (HealthScorecardService.MAX_OVERRIDE_DAYS). */
export const MAX_OVERRIDE_DAYS = 180;

/** Width and height of the trend chart's SVG coordinate system. */
export const CHART_WIDTH = 300;
export const CHART_HEIGHT = 100;
const CHART_PADDING = 6;
const DAY_MS = 86_400_000;

/** One dimension bar. */
export interface DimensionRow {
  key: string;
  label: string;
  scoreText: string;
  weightText: string;
  valueNow: number;
  valueText: string;
  barStyle: string;
}

/** One dot of the trend line, and one row of its text alternative. */
export interface TrendPoint {
  key: string;
  cx: number;
  cy: number;
  className: string;
  dateText: string;
  scoreText: string;
  modelText: string;
  note: string;
}

/** Vertical line where the model changed between two scores. */
export interface VersionMarker {
  key: string;
  x: number;
  y1: number;
  y2: number;
}

/** Horizontal reference line of the trend chart. */
export interface GridLine {
  key: string;
  y: number;
}

/** Trend line over the stored scores. */
export interface TrendChart {
  polyline: string;
  points: TrendPoint[];
  versionMarkers: VersionMarker[];
  gridLines: GridLine[];
  summary: string;
}

/** One step of the waterfall: a measure's change of points, or what the cap and overrides changed. */
export interface WaterfallRow {
  key: string;
  label: string;
  change: number;
  changeText: string;
  directionText: string;
  className: string;
  barStyle: string;
}

/** Score changes between the previous and the latest snapshot, for the "why it moved" section. */
export interface Waterfall {
  previousText: string;
  currentText: string;
  rows: WaterfallRow[];
}

/** Values of the override request form, as the inputs hold them. */
export interface OverrideForm {
  /** Developer name of the measure; empty for the overall score. */
  measure: string;
  value: string;
  reason: string;
  /** ISO date `YYYY-MM-DD`. */
  expiresOn: string;
}

/** Message per invalid field of the override form. */
export type OverrideFormErrors = Partial<Record<keyof OverrideForm, string>>;

function round(value: number, places: number): number {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}

/**
 * Formats a score with at most one decimal place, such as `72.4` or `64`.
 * @param value Score, or null when there is none.
 * @returns The text, or `n/a` without a score.
 */
export function formatScore(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) {
    return 'n/a';
  }
  return String(round(value, 1));
}

/**
 * Formats a change with its sign, such as `+1.2` or `-3.5`.
 * @param value Change in points.
 * @returns The text; `0` when it rounds to zero.
 */
export function formatSigned(value: number): string {
  const rounded = round(value, 1);
  if (rounded === 0) {
    return '0';
  }
  return rounded > 0 ? `+${rounded}` : String(rounded);
}

/**
 * Formats a share from 0 to 1 as a whole percentage, such as `62%`.
 * @param share Share from 0 to 1; null counts as 0.
 * @returns The percentage text.
 */
export function formatPercent(share: number | null | undefined): string {
  return `${Math.round((share ?? 0) * 100)}%`;
}

/**
 * Returns the SLDS theme class that colours the band badge.
 * @param band Green, Yellow, Red or Insufficient.
 * @returns The class; empty for Insufficient or an unknown band.
 */
export function bandBadgeClass(band: string | null | undefined): string {
  switch (band) {
    case 'Green':
      return 'slds-theme_success';
    case 'Yellow':
      return 'slds-theme_warning';
    case 'Red':
      return 'slds-theme_error';
    default:
      return '';
  }
}

/**
 * Describes the fitted trend, such as `Declining: -2.5 points a week`.
 * @param trend Improving, Stable, Declining or Unknown.
 * @param slopePerWeek Fitted slope in points per week, or null.
 * @returns One sentence for the header.
 */
export function describeTrend(trend: string | null | undefined, slopePerWeek: number | null | undefined): string {
  if (!trend || trend === 'Unknown' || slopePerWeek === null || slopePerWeek === undefined) {
    return 'Trend unknown: fewer than two scores in the trend window.';
  }
  return `${trend}: ${formatSigned(slopePerWeek)} points a week.`;
}

/**
 * Parses an ISO date `YYYY-MM-DD` to milliseconds at UTC midnight.
 * @param iso The date.
 * @returns Milliseconds since the epoch, or NaN when the text is not a date.
 */
function dayOf(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`);
}

/**
 * Adds days to an ISO date.
 * @param iso Date `YYYY-MM-DD`.
 * @param days Days to add; negative to go back.
 * @returns The new date `YYYY-MM-DD`.
 */
export function addDays(iso: string, days: number): string {
  return new Date(dayOf(iso) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Returns the browser's current local date as `YYYY-MM-DD`.
 * @param now The current time; the current clock by default.
 * @returns The local date.
 */
export function localToday(now: Date = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

/**
 * Builds the dimension bars.
 * @param dimensions Dimension scores from the scorecard.
 * @returns One row per dimension, in the given order.
 */
export function buildDimensionRows(dimensions: DimensionScore[] | null): DimensionRow[] {
  return (dimensions ?? []).map((dimension, index) => {
    const score = dimension.score;
    const scoreText = score === null ? 'Not scored' : formatScore(score);
    const width = score === null ? 0 : Math.min(Math.max(score, 0), 100);
    return {
      key: dimension.name ?? `dimension-${index}`,
      label: dimension.label ?? dimension.name ?? '',
      scoreText,
      weightText: `weight ${formatWeight(dimension.weight ?? 0)}`,
      valueNow: round(width, 1),
      valueText: score === null ? 'Not scored' : `${scoreText} out of 100`,
      barStyle: `width: ${round(width, 1)}%;`
    };
  });
}

function yOf(score: number): number {
  const clamped = Math.min(Math.max(score, 0), 100);
  return round(CHART_PADDING + ((100 - clamped) / 100) * (CHART_HEIGHT - 2 * CHART_PADDING), 1);
}

function modelOf(point: HistoryPoint): string {
  return `${point.modelName ?? 'model'} v${point.modelVersion ?? '?'}`;
}

/**
 * Lays out the trend line: x by date over the span of the history, y by score from 0 (bottom) to 100 (top). A point
 * whose model name or version differs from the point before it gets a marker, because a change of score there may
 * come from the model rather than from the customer.
 * @param history Scores oldest first, one per day.
 * @returns The chart, or null with fewer than two scores.
 */
export function buildTrendChart(history: HistoryPoint[] | null): TrendChart | null {
  const scored = (history ?? []).filter(
    (point): point is HistoryPoint & { asOf: string; score: number } =>
      point.asOf !== null && point.score !== null && !Number.isNaN(dayOf(point.asOf))
  );
  if (scored.length < 2) {
    return null;
  }
  const first = dayOf(scored[0].asOf);
  const span = Math.max(dayOf(scored[scored.length - 1].asOf) - first, DAY_MS);
  const plotWidth = CHART_WIDTH - 2 * CHART_PADDING;

  const points: TrendPoint[] = [];
  const versionMarkers: VersionMarker[] = [];
  scored.forEach((point, index) => {
    const cx = round(CHART_PADDING + ((dayOf(point.asOf) - first) / span) * plotWidth, 1);
    const changed = index > 0 && modelOf(point) !== modelOf(scored[index - 1]);
    if (changed) {
      versionMarkers.push({ key: `marker-${point.asOf}`, x: cx, y1: CHART_PADDING, y2: CHART_HEIGHT - CHART_PADDING });
    }
    points.push({
      key: `point-${point.asOf}`,
      cx,
      cy: yOf(point.score),
      className: changed ? 'trend-point trend-point_model-change' : 'trend-point',
      dateText: point.asOf,
      scoreText: formatScore(point.score),
      modelText: modelOf(point),
      note: changed ? `The model changed to ${modelOf(point)}.` : ''
    });
  });

  const scores = scored.map((point) => point.score);
  const last = scored[scored.length - 1];
  let summary =
    `Health score from ${formatScore(scored[0].score)} on ${scored[0].asOf} to ${formatScore(last.score)} on ` +
    `${last.asOf}, ${scored.length} scores, lowest ${formatScore(Math.min(...scores))}, highest ` +
    `${formatScore(Math.max(...scores))}.`;
  if (versionMarkers.length > 0) {
    summary += ` The model changed ${versionMarkers.length === 1 ? 'once' : `${versionMarkers.length} times`}.`;
  }

  return {
    polyline: points.map((point) => `${point.cx},${point.cy}`).join(' '),
    points,
    versionMarkers,
    gridLines: [0, 50, 100].map((score) => ({ key: `grid-${score}`, y: yOf(score) })),
    summary
  };
}

function waterfallRow(key: string, label: string, change: number, runningBefore: number): WaterfallRow {
  const from = Math.min(Math.max(runningBefore, 0), 100);
  const to = Math.min(Math.max(runningBefore + change, 0), 100);
  // A bar stays visible, and inside the track, however small the change.
  const width = Math.max(Math.abs(to - from), 0.5);
  const left = Math.min(Math.min(from, to), 100 - width);
  const isUp = change > 0;
  return {
    key,
    label,
    change: round(change, 2),
    changeText: `${formatSigned(change)} points`,
    directionText: isUp ? 'raised the score' : 'lowered the score',
    className: isUp ? 'waterfall-row waterfall-row_up' : 'waterfall-row waterfall-row_down',
    barStyle: `left: ${round(left, 2)}%; width: ${round(width, 2)}%;`
  };
}

/**
 * Builds the "why it moved" waterfall: starting from the previous score, each measure's change of points, largest
 * move first, then the rest of the difference to the current score. That rest comes from the critical cap, an
 * overall override and rounding, which the ledger's points do not include.
 * @param ledger Ledger of the latest snapshot; lines without a points change are left out.
 * @param previousScore Score of the previous snapshot.
 * @param currentScore Score of the latest snapshot.
 * @returns The waterfall, or null when either score is missing.
 */
export function buildWaterfall(
  ledger: LedgerLine[] | null,
  previousScore: number | null | undefined,
  currentScore: number | null | undefined
): Waterfall | null {
  if (previousScore === null || previousScore === undefined || currentScore === null || currentScore === undefined) {
    return null;
  }
  const moves = (ledger ?? [])
    .filter((line): line is LedgerLine & { pointsChange: number } => line.pointsChange !== null)
    .filter((line) => Math.abs(line.pointsChange) >= 0.05)
    .sort(
      (a, b) =>
        Math.abs(b.pointsChange) - Math.abs(a.pointsChange) ||
        (a.label ?? a.measure ?? '').localeCompare(b.label ?? b.measure ?? '')
    );

  const rows: WaterfallRow[] = [];
  let running = previousScore;
  for (const line of moves) {
    const label = line.label ?? line.measure ?? 'Measure';
    rows.push(waterfallRow(`measure-${line.measure ?? rows.length}`, label, line.pointsChange, running));
    running += line.pointsChange;
  }
  const rest = currentScore - running;
  if (Math.abs(rest) >= 0.05) {
    rows.push(waterfallRow('rest', 'Critical cap, overall override and rounding', rest, running));
  }
  return { previousText: formatScore(previousScore), currentText: formatScore(currentScore), rows };
}

/**
 * Describes what the critical cap did, such as `Capped at 58.5 (71.3 without the cap) because NPS is critical and
 * in the red.`
 * @param scorecard The scorecard.
 * @returns The sentence, or an empty string when the score is not capped.
 */
export function describeCap(scorecard: Scorecard): string {
  if (!scorecard.isCapped) {
    return '';
  }
  const labels = scorecard.cappedByLabels ?? scorecard.cappedBy ?? [];
  const names = labels.length > 0 ? labels.join(', ') : 'a critical measure';
  const verb = labels.length > 1 ? 'are' : 'is';
  return (
    `Capped at ${formatScore(scorecard.score)} (${formatScore(scorecard.uncappedScore)} without the cap) because ` +
    `${names} ${verb} critical and in the red.`
  );
}

/**
 * Checks the override form as the server will, so the user sees every problem before sending it.
 * @param form Values of the form.
 * @param today Current date `YYYY-MM-DD`.
 * @returns A message per invalid field; empty when the form is valid.
 */
export function validateOverrideForm(form: OverrideForm, today: string): OverrideFormErrors {
  const errors: OverrideFormErrors = {};
  const valueText = form.value.trim();
  const value = Number(valueText);
  if (valueText === '') {
    errors.value = 'Enter the score to use, from 0 to 100.';
  } else if (Number.isNaN(value) || value < 0 || value > 100) {
    errors.value = `${valueText} is not a score from 0 to 100. Enter a score from 0 to 100.`;
  }
  if (form.reason.trim() === '') {
    errors.reason = 'Explain why the calculated score is wrong for this account, so that your manager can approve it.';
  }
  const firstDay = addDays(today, 1);
  const lastDay = addDays(today, MAX_OVERRIDE_DAYS);
  if (form.expiresOn === '') {
    errors.expiresOn = `Choose the last day the override applies, from ${firstDay} to ${lastDay}.`;
  } else if (Number.isNaN(dayOf(form.expiresOn))) {
    errors.expiresOn = `${form.expiresOn} is not a date. Choose a date from ${firstDay} to ${lastDay}.`;
  } else if (form.expiresOn < firstDay) {
    errors.expiresOn = `Choose a date after today, from ${firstDay} to ${lastDay}.`;
  } else if (form.expiresOn > lastDay) {
    errors.expiresOn = `Overrides last at most ${MAX_OVERRIDE_DAYS} days. Choose a date up to ${lastDay}.`;
  }
  return errors;
}

import { formatNumber, roundTo } from 'c/healthEngine';
import { benchmarkFromMedians } from './benchmark';
import { ENDED_RISK_STATUSES } from './readiness';
import {
  SLIDE_TITLES,
  formatWithUnit,
  parseIncludedSlides,
  parseSectionText,
  pluralize,
  statusLabel
} from './sections';
import { REVIEW_STATUSES, SLIDE_KEYS } from './types';
import type {
  ActionItem,
  Benchmark,
  ChartSpec,
  Claim,
  MeasureValues,
  QbrData,
  QbrDraft,
  QbrObjectiveRow,
  QbrRiskRow,
  QbrUsagePoint,
  ReviewStatus,
  RiskItem,
  SectionKey,
  SectionLine,
  SlideKey,
  SlideToggle
} from './types';

/** Peak daily active users at or above this share of licensed seats is an expansion signal (room to add seats). */
export const EXPANSION_SEAT_UTILISATION_PERCENT = 80;

/** Compares by UTF-16 code units, so the order does not depend on the runtime's locale. */
function compareText(left: string, right: string): number {
  if (left === right) {
    return 0;
  }
  return left < right ? -1 : 1;
}

const RISK_SEVERITY_NAMES = ['Critical', 'High', 'Medium', 'Low'] as const;

/** Period of the benchmark's figures: Apex compares the raw values of each account's latest health snapshot. */
const BENCHMARK_PERIOD = 'latest health snapshot';

/**
 * Collects the claims of a draft; footnote numbers are 1-based positions in the list. A claim equal to one already
 * collected (same text, value, unit, period and as-of date) gets the existing number, so a figure that appears in a
 * section and on a metrics slide has one footnote.
 */
class ClaimList {
  readonly claims: Claim[] = [];

  add(claim: Claim): number {
    const index = this.claims.findIndex(
      (known) =>
        known.text === claim.text &&
        known.value === claim.value &&
        known.unit === claim.unit &&
        known.period === claim.period &&
        known.asOf === claim.asOf
    );
    if (index >= 0) {
      return index + 1;
    }
    this.claims.push(claim);
    return this.claims.length;
  }
}

function line(text: string, claims: number[] = []): SectionLine {
  return { text, claims };
}

function periodText(data: QbrData): string {
  return `${data.periodStart} to ${data.periodEnd}`;
}

function isInPeriod(date: string | null, data: QbrData): boolean {
  return date !== null && date >= data.periodStart && date <= data.periodEnd;
}

function value(number: number | null | undefined): string {
  return number === null || number === undefined ? 'n/a' : formatNumber(number);
}

function scoredPoints(data: QbrData): { scoredOn: string; score: number }[] {
  return data.healthPoints
    .filter((point): point is { scoredOn: string; score: number; band: string | null } => point.score !== null)
    .map((point) => ({ scoredOn: point.scoredOn, score: point.score }))
    .sort((left, right) => compareText(left.scoredOn, right.scoredOn));
}

function usageInPeriod(data: QbrData): QbrUsagePoint[] {
  const first = data.periodStart.slice(0, 7);
  const last = data.periodEnd.slice(0, 7);
  return [...data.usage]
    .filter((point) => point.month >= first && point.month <= last)
    .sort((left, right) => compareText(left.month, right.month));
}

function objectiveLine(objective: QbrObjectiveRow): string {
  const metric = objective.successMetric ?? 'progress';
  return `${metric} at ${formatWithUnit(objective.currentValue, objective.unit)} against a target of ${formatWithUnit(
    objective.target,
    objective.unit
  )}`;
}

function isObjectiveMet(objective: QbrObjectiveRow): boolean {
  return objective.isMet === true || objective.status === 'Achieved';
}

function isObjectiveMissed(objective: QbrObjectiveRow): boolean {
  return !isObjectiveMet(objective) && objective.status === 'Missed';
}

function isObjectiveOpen(objective: QbrObjectiveRow): boolean {
  return !isObjectiveMet(objective) && objective.status !== 'Missed';
}

function objectiveClaim(data: QbrData, claims: ClaimList, objective: QbrObjectiveRow): number {
  return claims.add({
    text: objective.successMetric ?? objective.outcome,
    value: objective.currentValue,
    unit: objective.unit,
    period: periodText(data),
    asOf: data.asOf
  });
}

function missedObjectiveLines(data: QbrData, claims: ClaimList): SectionLine[] {
  return data.objectives.filter(isObjectiveMissed).map((objective) => {
    const due = isBlankText(objective.dueDate) ? 'no due date on record' : `due ${objective.dueDate}`;
    return line(`Objective missed: ${objective.outcome}: ${objectiveLine(objective)}, ${due}`, [
      objectiveClaim(data, claims, objective)
    ]);
  });
}

function isBlankText(text: string | null | undefined): boolean {
  return text === null || text === undefined || text.trim() === '';
}

interface ScoreChange {
  text: string;
  claim: Claim;
  change: number;
}

/** Health score change from the first to the last score of the period, with its claim; null with fewer than 2. */
function scoreChange(data: QbrData): ScoreChange | null {
  const points = scoredPoints(data).filter((point) => isInPeriod(point.scoredOn, data));
  if (points.length < 2) {
    return null;
  }
  const first = points[0];
  const last = points[points.length - 1];
  const change = roundTo(last.score - first.score, 2);
  const claim: Claim = {
    text: 'Health score change',
    value: change,
    unit: 'points',
    period: `${first.scoredOn} to ${last.scoredOn}`,
    asOf: last.scoredOn
  };
  let verb = 'held';
  if (change > 0) {
    verb = `rose by ${formatWithUnit(change, 'points')}`;
  } else if (change < 0) {
    verb = `fell by ${formatWithUnit(-change, 'points')}`;
  }
  const text = `Health score ${verb}, from ${formatNumber(first.score)} on ${first.scoredOn} to ${formatNumber(
    last.score
  )} on ${last.scoredOn}`;
  return { text, claim, change };
}

function winLines(data: QbrData, claims: ClaimList, change: ScoreChange | null): SectionLine[] {
  const lines: SectionLine[] = [];
  for (const objective of data.objectives.filter(isObjectiveMet)) {
    const claim = claims.add({
      text: objective.successMetric ?? objective.outcome,
      value: objective.currentValue,
      unit: objective.unit,
      period: periodText(data),
      asOf: data.asOf
    });
    lines.push(line(`Objective met: ${objective.outcome}: ${objectiveLine(objective)}`, [claim]));
  }
  const milestones = [...data.milestonesAchieved].sort((left, right) =>
    compareText(left.completedDate ?? '', right.completedDate ?? '')
  );
  for (const milestone of milestones) {
    const when = milestone.completedDate === null ? 'date not recorded' : `on ${milestone.completedDate}`;
    const source = milestone.completionSource === 'Automatic' ? ', confirmed by the data' : '';
    lines.push(line(`Milestone achieved: ${milestone.name}, ${when}${source}`));
  }
  if (change !== null && change.change > 0) {
    lines.push(line(change.text, [claims.add(change.claim)]));
  }
  const cases = data.cases;
  if (cases !== null && cases.resolved !== null && cases.resolved > 0) {
    const resolved = claims.add({
      text: 'Cases resolved',
      value: cases.resolved,
      unit: 'Cases',
      period: periodText(data),
      asOf: data.asOf
    });
    const refs = [resolved];
    let text = `${pluralize(cases.resolved, 'Case')} resolved in ${data.quarter}`;
    if (cases.medianResolutionDays !== null) {
      refs.push(
        claims.add({
          text: 'Median resolution time',
          value: cases.medianResolutionDays,
          unit: 'days',
          period: periodText(data),
          asOf: data.asOf
        })
      );
      text += `, median resolution ${pluralize(cases.medianResolutionDays, 'day')}`;
    }
    lines.push(line(text, refs));
  }
  return lines;
}

function riskResolution(risk: QbrRiskRow): string {
  const statusValue = risk.status ?? 'Open';
  const status = statusLabel(statusValue);
  if ((ENDED_RISK_STATUSES as readonly string[]).includes(statusValue)) {
    return risk.closedOn === null ? status : `${status} on ${risk.closedOn}`;
  }
  const rung = risk.rung === null ? 'no escalation rung' : `${risk.rung} rung`;
  return risk.hasMitigation === true
    ? `${status}: mitigation under way, ${rung}`
    : `${status}: no mitigation yet, ${rung}`;
}

function severityRank(severity: string | null): number {
  const index = (RISK_SEVERITY_NAMES as readonly string[]).indexOf(severity ?? '');
  return index < 0 ? RISK_SEVERITY_NAMES.length : index;
}

function sortedRisks(data: QbrData): QbrRiskRow[] {
  return [...data.risks].sort(
    (left, right) =>
      severityRank(left.severity) - severityRank(right.severity) ||
      compareText(left.detectedOn ?? '', right.detectedOn ?? '') ||
      compareText(left.title, right.title)
  );
}

function challengeLines(data: QbrData, claims: ClaimList, change: ScoreChange | null): SectionLine[] {
  const lines: SectionLine[] = missedObjectiveLines(data, claims);
  for (const risk of sortedRisks(data)) {
    const detected = risk.detectedOn === null ? '' : `, detected on ${risk.detectedOn}`;
    lines.push(line(`${risk.severity ?? 'Unrated'} risk: ${risk.title}${detected}. ${riskResolution(risk)}`));
  }
  if (change !== null && change.change < 0) {
    lines.push(line(change.text, [claims.add(change.claim)]));
  }
  const cases = data.cases;
  if (cases !== null && cases.highPriorityOpen !== null && cases.highPriorityOpen > 0) {
    const claim = claims.add({
      text: 'High-priority Cases open',
      value: cases.highPriorityOpen,
      unit: 'Cases',
      period: periodText(data),
      asOf: data.asOf
    });
    lines.push(line(`${pluralize(cases.highPriorityOpen, 'high-priority Case')} still open on ${data.asOf}`, [claim]));
  }
  return lines;
}

function roadmapLines(data: QbrData, claims: ClaimList): SectionLine[] {
  return data.objectives.filter(isObjectiveOpen).map((objective) => {
    const claim = objectiveClaim(data, claims, objective);
    const status = objective.status === null ? '' : ` (${statusLabel(objective.status)})`;
    return line(`${objective.outcome}: ${objectiveLine(objective)}${status}`, [claim]);
  });
}

function goalTarget(objective: QbrObjectiveRow): string {
  const metric = objective.successMetric ?? 'the success metric';
  const target =
    objective.target === null ? 'agree a target' : `reach ${formatWithUnit(objective.target, objective.unit)}`;
  return `${target} on ${metric}`;
}

/**
 * Writes one goal per open objective, then one recovery goal per missed objective. The objectives come from the
 * account's Active success plan, so the plan continues into the next period and a missed objective stays a goal.
 */
function goalLines(data: QbrData): SectionLine[] {
  const open = data.objectives
    .filter(isObjectiveOpen)
    .map((objective) => line(`${objective.outcome}: ${goalTarget(objective)}`));
  const recover = data.objectives
    .filter(isObjectiveMissed)
    .map((objective) => line(`Recover ${objective.outcome}: ${goalTarget(objective)}`));
  return [...open, ...recover];
}

function usageTrendLine(data: QbrData, claims: ClaimList): SectionLine | null {
  const months = usageInPeriod(data).filter((point) => point.activeUsers !== null);
  if (months.length < 2) {
    return null;
  }
  const first = months[0];
  const last = months[months.length - 1];
  const from = first.activeUsers as number;
  const to = last.activeUsers as number;
  const claim = claims.add({
    text: 'Peak daily active users',
    value: to,
    unit: 'users',
    period: `${first.month} to ${last.month}`,
    asOf: data.asOf
  });
  const change =
    from === 0 ? '' : ` (${to >= from ? '+' : ''}${formatNumber(roundTo(((to - from) / from) * 100, 0))}%)`;
  return line(
    `Peak daily active users went from ${value(from)} in ${first.month} to ${value(to)} in ${last.month}${change}`,
    [claim]
  );
}

/** Claims of the account value and the peer median of each measure the benchmark insight names. */
function benchmarkClaims(data: QbrData, claims: ClaimList, benchmark: Benchmark): number[] {
  const named = [benchmark.aheadMeasure, benchmark.behindMeasure];
  const refs: number[] = [];
  for (const row of benchmark.rows.filter((candidate) => named.includes(candidate.measure))) {
    refs.push(
      claims.add({
        text: `${row.label}, this account`,
        value: row.value,
        unit: row.unit,
        period: BENCHMARK_PERIOD,
        asOf: data.asOf
      }),
      claims.add({
        text: `${row.label}, median of ${pluralize(row.peerCount, 'peer account')}`,
        value: row.median,
        unit: row.unit,
        period: BENCHMARK_PERIOD,
        asOf: data.asOf
      })
    );
  }
  return refs;
}

function insightLines(data: QbrData, claims: ClaimList, benchmark: Benchmark | null): SectionLine[] {
  const lines: SectionLine[] = [];
  if (benchmark !== null && benchmark.insight !== null) {
    lines.push(line(benchmark.insight, benchmarkClaims(data, claims, benchmark)));
  }
  const usageLine = usageTrendLine(data, claims);
  if (usageLine !== null) {
    lines.push(usageLine);
  }
  return lines;
}

function measureValues(data: QbrData): MeasureValues {
  const values: MeasureValues = {};
  for (const measure of data.measures) {
    values[measure.measure] = measure.value;
  }
  return values;
}

function benchmarkOfData(data: QbrData): Benchmark | null {
  if (data.measures.length === 0 || data.peerMedians.length === 0) {
    return null;
  }
  const measures = data.measures.map((measure) => ({
    name: measure.measure,
    label: measure.label ?? measure.measure,
    direction: measure.direction ?? null
  }));
  return benchmarkFromMedians(measureValues(data), data.peerMedians, data.peerCount ?? 0, measures);
}

/** Peak daily active users of the last month of the period with data, against the licensed seats. */
interface SeatUse {
  percent: number;
  month: string;
  activeUsers: number;
}

function seatUtilisation(data: QbrData): SeatUse | null {
  const months = usageInPeriod(data).filter((point) => point.activeUsers !== null);
  if (months.length === 0 || data.licensedSeats === null || data.licensedSeats <= 0) {
    return null;
  }
  const last = months[months.length - 1];
  const activeUsers = last.activeUsers as number;
  return { percent: roundTo((activeUsers / data.licensedSeats) * 100, 0), month: last.month, activeUsers };
}

function metricClaims(data: QbrData, claims: ClaimList): number[] {
  const refs: number[] = [];
  const points = scoredPoints(data);
  if (data.currentScore !== null) {
    const asOf = points.length > 0 ? points[points.length - 1].scoredOn : data.asOf;
    refs.push(
      claims.add({ text: 'Health score', value: data.currentScore, unit: 'points', period: data.quarter, asOf })
    );
  }
  const cases = data.cases;
  if (cases !== null) {
    const rows: [string, number | null, string][] = [
      ['Cases opened', cases.opened, 'Cases'],
      ['Cases resolved', cases.resolved, 'Cases'],
      ['Cases open at the end of the period', cases.openAtEnd, 'Cases'],
      ['High-priority Cases open', cases.highPriorityOpen, 'Cases'],
      ['Median resolution time', cases.medianResolutionDays, 'days']
    ];
    for (const [text, number, unit] of rows) {
      if (number !== null) {
        refs.push(claims.add({ text, value: number, unit, period: periodText(data), asOf: data.asOf }));
      }
    }
  }
  return refs;
}

function adoptionClaims(data: QbrData, claims: ClaimList, seats: SeatUse | null): number[] {
  const refs: number[] = [];
  const months = usageInPeriod(data);
  const logins = months.map((point) => point.logins).filter((number): number is number => number !== null);
  if (logins.length > 0) {
    refs.push(
      claims.add({
        text: 'Logins',
        value: logins.reduce((sum, number) => sum + number, 0),
        unit: 'logins',
        period: periodText(data),
        asOf: data.asOf
      })
    );
  }
  if (seats !== null) {
    refs.push(
      claims.add({
        text: `Peak daily active users in ${seats.month}`,
        value: seats.activeUsers,
        unit: 'users',
        period: seats.month,
        asOf: data.asOf
      }),
      claims.add({
        text: `Licensed seats in use at peak in ${seats.month}`,
        value: seats.percent,
        unit: '%',
        period: seats.month,
        asOf: data.asOf
      })
    );
  }
  return refs;
}

function expansionSignalsOf(data: QbrData, seats: SeatUse | null): string[] {
  const signals: string[] = [];
  if (seats !== null && seats.percent >= EXPANSION_SEAT_UTILISATION_PERCENT) {
    signals.push(
      `Peak daily active users reached ${seats.percent}% of ${pluralize(data.licensedSeats as number, 'licensed seat')} in ${
        seats.month
      }: room to add seats.`
    );
  }
  const met = data.objectives.filter(isObjectiveMet);
  if (met.length > 0) {
    signals.push(
      `${pluralize(met.length, 'objective')} met (${met.map((objective) => objective.outcome).join('; ')}): a base for ` +
        'the next use case.'
    );
  }
  return signals;
}

function healthChart(data: QbrData): ChartSpec | null {
  const points = scoredPoints(data);
  if (points.length === 0) {
    return null;
  }
  return {
    kind: 'line',
    title: 'Health score',
    labels: points.map((point) => point.scoredOn),
    series: [{ name: 'Health score', values: points.map((point) => point.score) }]
  };
}

function usageChart(data: QbrData): ChartSpec | null {
  const months = [...data.usage].sort((left, right) => compareText(left.month, right.month));
  if (months.length === 0) {
    return null;
  }
  return {
    kind: 'bar',
    title: 'Usage per month',
    labels: months.map((point) => point.month),
    series: [
      { name: 'Peak daily active users', values: months.map((point) => point.activeUsers) },
      { name: 'Logins', values: months.map((point) => point.logins) }
    ]
  };
}

/** Risks for the readiness scorer; an unknown severity counts as Low, so it never requires a mitigation. */
function riskItems(data: QbrData): RiskItem[] {
  return sortedRisks(data).map((risk) => ({
    title: risk.title,
    severity: (RISK_SEVERITY_NAMES as readonly string[]).includes(risk.severity ?? '')
      ? (risk.severity as RiskItem['severity'])
      : 'Low',
    hasMitigation: risk.hasMitigation === true,
    rung: risk.rung,
    status: risk.status ?? 'Open'
  }));
}

function actionItems(data: QbrData): ActionItem[] {
  return data.actionItems.map((item) => ({ subject: item.subject, ownerName: item.ownerName, dueDate: item.dueDate }));
}

/** Slide flags: the saved review's list when there is one, else every slide with content (title, agenda, metrics). */
function slideToggles(data: QbrData, sections: Record<SectionKey, SectionLine[]>, items: ActionItem[]): SlideToggle[] {
  const hasContent: Record<SlideKey, boolean> = {
    title: true,
    agenda: true,
    wins: sections.wins.length > 0,
    metrics: true,
    adoption: data.usage.length > 0,
    challenges: sections.challenges.length > 0,
    roadmap: sections.roadmapAlignment.length > 0,
    insights: sections.insights.length > 0,
    nextGoals: sections.nextPeriodGoals.length > 0,
    actionItems: items.length > 0
  };
  const savedText = data.review?.includedSlides ?? null;
  const saved = savedText === null || savedText === '' ? null : parseIncludedSlides(savedText);
  return SLIDE_KEYS.map((key) => ({
    key,
    title: SLIDE_TITLES[key],
    included: saved === null ? hasContent[key] : saved.has(key)
  }));
}

function reviewStatus(data: QbrData): ReviewStatus {
  const status = data.review?.status ?? 'Draft';
  return (REVIEW_STATUSES as readonly string[]).includes(status) ? (status as ReviewStatus) : 'Draft';
}

/** Replaces suggested sections with the saved review's text; saved lines equal to a suggestion keep its footnotes. */
function savedSections(data: QbrData, suggested: Record<SectionKey, SectionLine[]>): Record<SectionKey, SectionLine[]> {
  const review = data.review;
  if (review === null) {
    return suggested;
  }
  const pick = (key: SectionKey, text: string | null): SectionLine[] => {
    return text === null ? suggested[key] : parseSectionText(text, suggested[key]);
  };
  return {
    wins: pick('wins', review.wins),
    challenges: pick('challenges', review.challenges),
    roadmapAlignment: pick('roadmapAlignment', review.roadmapAlignment),
    insights: pick('insights', review.insights),
    nextPeriodGoals: pick('nextPeriodGoals', review.nextPeriodGoals)
  };
}

/**
 * Assembles a QBR draft from the period's records of one account. Suggested sections:
 * - wins: objectives met, milestones achieved with their dates, a rising health score over the period, Cases resolved
 *   with the median resolution time;
 * - challenges: every missed objective with its metric, current value against the target and due date. Then every
 *   risk of the period with how it was resolved (end state and date) or its mitigation and rung. Then a falling
 *   health score and high-priority Cases still open;
 * - roadmap alignment: the open objectives with their current value against the target and their status label;
 * - insights: the benchmark insight against the segment's peer medians and the usage trend of the period;
 * - next-period goals: one per open objective in the customer's words, then a `Recover ...` goal per missed
 *   objective, because the objectives come from the Active plan, which continues into the next period.
 * An objective is missed when its status is Missed and it is not met; a missed objective is never in roadmap
 * alignment. Statuses read as labels (`At risk`, not `AtRisk`).
 * Every number is a claim with its value, unit, period and as-of date, and section lines point at their claims by
 * footnote number. When a review is saved, its text replaces the suggestions and its slide list the default flags.
 * Slides are included by default when they have content; title, agenda and metrics always are.
 * @param data The period's records, mapped one to one from the Apex ReviewData.
 * @returns The draft; the function reads no clock and changes nothing.
 */
export function assembleQbr(data: QbrData): QbrDraft {
  const claims = new ClaimList();
  const seats = seatUtilisation(data);
  const benchmark = benchmarkOfData(data);
  const change = scoreChange(data);

  // Claims are numbered in the reading order of the Markdown export: metrics, adoption, then the sections.
  const metricRefs = metricClaims(data, claims);
  const adoptionRefs = adoptionClaims(data, claims, seats);
  const suggested: Record<SectionKey, SectionLine[]> = {
    wins: winLines(data, claims, change),
    challenges: challengeLines(data, claims, change),
    roadmapAlignment: roadmapLines(data, claims),
    insights: insightLines(data, claims, benchmark),
    nextPeriodGoals: goalLines(data)
  };

  const sections = savedSections(data, suggested);
  const items = actionItems(data);
  return {
    accountId: data.accountId,
    customer: data.accountName,
    segment: data.segment,
    quarter: data.quarter,
    periodStart: data.periodStart,
    periodEnd: data.periodEnd,
    asOf: data.asOf,
    status: reviewStatus(data),
    sections,
    claims: claims.claims,
    metricClaims: metricRefs,
    adoptionClaims: adoptionRefs,
    customerObjectives: data.objectives.map((objective) => objective.outcome),
    risks: riskItems(data),
    actionItems: items,
    executiveSponsorName: data.executiveSponsorName,
    feedbackCount: data.feedbackCount ?? 0,
    expansionSignals: expansionSignalsOf(data, seats),
    renewalDate: data.renewalDate,
    benchmark,
    charts: { health: healthChart(data), usage: usageChart(data) },
    slides: slideToggles(data, sections, items)
  };
}

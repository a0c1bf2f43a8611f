/**
 * Pure functions that map the review data of QbrBuilderController to the engine's QbrData. They also turn the engine's
 * draft and readiness result into what the qbrBuilder template shows: the steps, the quarter options, numbers with
 * their footnotes, the period's lists and the readiness panel. The forms live in reviewForms.ts.
 */
import { DIRECTIONS, formatNumber } from 'c/healthEngine';
import type { Direction } from 'c/healthEngine';
import {
  SECTION_KEYS,
  SECTION_TITLES,
  footnoteOf,
  formatClaimValue,
  periodOfQuarter,
  readinessPanelRows,
  sectionText,
  statusLabel as recordStatusLabel
} from 'c/qbrEngine';
import type {
  QbrData,
  QbrDraft,
  QbrReviewRecord,
  ReadinessBand,
  ReadinessPanelRows,
  ReadinessResult,
  SectionKey,
  SectionLine
} from 'c/qbrEngine';

type ReviewData = ApexTypes.QbrBuilderController_ReviewData;
type ReviewRecord = ApexTypes.QbrBuilderController_ReviewRecord;

/** Start of the Apex messages of access failures. */
export const ACCESS_DENIED_PREFIX = 'Access denied: ';

/** Quarters the picker offers: the current one and the three before it. */
export const QUARTER_COUNT = 4;

/** Option of a combobox. */
export interface Option {
  label: string;
  value: string;
}

/** One step of the builder. */
export interface Step {
  value: string;
  label: string;
}

/** Steps of the builder in order. Each step is one section of the template. */
export const STEPS: Step[] = [
  { value: 'period', label: 'Period' },
  { value: 'metrics', label: 'Metrics' },
  { value: 'story', label: 'Wins & challenges' },
  { value: 'roadmap', label: 'Roadmap & insights' },
  { value: 'next', label: 'Next period & action items' },
  { value: 'readiness', label: 'Readiness & export' }
];

const BAND_LABELS: Record<ReadinessBand, string> = {
  ReadyToPresent: 'Ready to present',
  Refine: 'Refine',
  DeeperAnalysis: 'Deeper analysis needed',
  BackToDiscovery: 'Back to discovery'
};

const BAND_ADVICE: Record<ReadinessBand, string> = {
  ReadyToPresent: 'The review is ready to present.',
  Refine: 'Close the gaps below before presenting.',
  DeeperAnalysis: 'The review needs deeper analysis before it goes to the customer.',
  BackToDiscovery: 'Go back to discovery with the customer before building this review.'
};

const STATUS_LABELS: Record<string, string> = {
  Draft: 'Draft',
  Ready: 'Ready',
  Presented: 'Presented'
};

/** A number shown with its footnote. */
export interface ClaimRow {
  key: string;
  footnote: number;
  text: string;
  valueText: string;
}

/** One footnote: the number it belongs to, its period and its as-of date. */
export interface FootnoteRow {
  key: string;
  footnote: number;
  text: string;
}

/** A risk of the period as the metrics step lists it. */
export interface RiskDisplayRow {
  key: string;
  title: string;
  severity: string;
  status: string;
  rung: string;
  mitigation: string;
  dates: string;
}

/** An objective of the success plan as the metrics step lists it. */
export interface ObjectiveDisplayRow {
  key: string;
  outcome: string;
  metric: string;
  current: string;
  target: string;
  status: string;
}

/** A milestone completed in the period. */
export interface MilestoneDisplayRow {
  key: string;
  name: string;
  completed: string;
  source: string;
}

/** An action item (open or done Task on the review). */
export interface ActionItemDisplayRow {
  key: string;
  subject: string;
  owner: string;
  dueDate: string;
  status: string;
}

/** The account against the peer median on one measure. */
export interface BenchmarkDisplayRow {
  key: string;
  label: string;
  value: string;
  median: string;
  peers: string;
  comparison: string;
}

/** Case counts of the period, each a number with its footnote. */
export interface CaseDisplayRow {
  key: string;
  label: string;
  value: string;
}

/** One readiness category with its bar. */
/** One section editor: the text in the textarea, the lines read-only users see and the footnotes of its numbers. */
export interface SectionEditor {
  key: SectionKey;
  label: string;
  value: string;
  lines: { key: string; text: string }[];
  hasLines: boolean;
  footnotes: FootnoteRow[];
  hasFootnotes: boolean;
}

/** Sentences of the period step. */
export interface PeriodSummary {
  periodText: string;
  accountText: string;
  reviewStateText: string;
  deckStateText: string;
}

/** The readiness panel. */
export interface ReadinessPanel extends ReadinessPanelRows {
  bandLabel: string;
  advice: string;
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

function reviewRecordOf(review: ReviewRecord | null | undefined): QbrReviewRecord | null {
  if (!review?.id) {
    return null;
  }
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

/** Maps the Apex direction text to the engine's type; an unknown or missing one is null, read as higher is better. */
function toDirection(value: string | null | undefined): Direction | null {
  return (DIRECTIONS as readonly string[]).includes(value ?? '') ? (value as Direction) : null;
}

function hasText(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * Maps the review data of QbrBuilderController to the engine's QbrData. Lists that Apex leaves null become empty,
 * rows without their name are left out, and a missing period is taken from the quarter.
 * @param view The review data.
 * @param quarter The quarter that was requested, used when the data does not name one.
 * @param today The current local date, used when the data has no as-of date.
 * @returns The engine input.
 */
export function toQbrData(view: ReviewData, quarter: string, today: string): QbrData {
  const dataQuarter = view.quarter ?? quarter;
  const period = periodOfQuarter(dataQuarter);
  return {
    accountId: view.accountId ?? '',
    accountName: hasText(view.accountName) ? view.accountName : 'Account',
    segment: view.segment,
    arr: view.arr,
    asOf: view.asOf ?? today,
    quarter: dataQuarter,
    periodStart: view.periodStart ?? period.start,
    periodEnd: view.periodEnd ?? period.end,
    canEdit: view.canEdit === true,
    review: reviewRecordOf(view.review),
    healthPoints: (view.healthPoints ?? [])
      .filter((point) => hasText(point.scoredOn))
      .map((point) => ({ scoredOn: point.scoredOn as string, score: point.score, band: point.band })),
    currentBand: view.currentBand,
    currentScore: view.currentScore,
    usage: (view.usage ?? [])
      .filter((point) => hasText(point.month))
      .map((point) => ({ month: point.month as string, activeUsers: point.activeUsers, logins: point.logins })),
    licensedSeats: view.licensedSeats,
    cases: view.cases
      ? {
          opened: view.cases.opened,
          resolved: view.cases.resolved,
          openAtEnd: view.cases.openAtEnd,
          highPriorityOpen: view.cases.highPriorityOpen,
          medianResolutionDays: view.cases.medianResolutionDays
        }
      : null,
    risks: (view.risks ?? [])
      .filter((risk) => hasText(risk.title))
      .map((risk) => ({
        id: risk.id,
        title: risk.title as string,
        severity: risk.severity,
        status: risk.status,
        rung: risk.rung,
        hasMitigation: risk.hasMitigation,
        detectedOn: risk.detectedOn,
        closedOn: risk.closedOn
      })),
    objectives: (view.objectives ?? [])
      .filter((objective) => hasText(objective.outcome))
      .map((objective) => ({
        outcome: objective.outcome as string,
        successMetric: objective.successMetric,
        unit: objective.unit,
        baseline: objective.baseline,
        target: objective.target,
        currentValue: objective.currentValue,
        status: objective.status,
        dueDate: objective.dueDate ?? null,
        isMet: objective.isMet
      })),
    milestonesAchieved: (view.milestonesAchieved ?? [])
      .filter((milestone) => hasText(milestone.name))
      .map((milestone) => ({
        name: milestone.name as string,
        completedDate: milestone.completedDate,
        completionSource: milestone.completionSource
      })),
    actionItems: (view.actionItems ?? [])
      .filter((item) => hasText(item.subject))
      .map((item) => ({
        id: item.id,
        subject: item.subject as string,
        ownerId: item.ownerId,
        ownerName: item.ownerName,
        dueDate: item.dueDate,
        status: item.status
      })),
    measures: (view.measures ?? [])
      .filter((measure) => hasText(measure.measure))
      .map((measure) => ({
        measure: measure.measure as string,
        label: measure.label,
        value: measure.value,
        direction: toDirection(measure.direction)
      })),
    peerMedians: (view.peerMedians ?? [])
      .filter((median) => hasText(median.measure))
      .map((median) => ({ measure: median.measure as string, median: median.median, peerCount: median.peerCount })),
    peerCount: view.peerCount,
    feedbackCount: view.feedbackCount,
    executiveSponsorName: view.executiveSponsorName,
    renewalDate: view.renewalDate,
    owners: (view.owners ?? [])
      .filter((owner) => hasText(owner.id) && hasText(owner.name))
      .map((owner) => ({ id: owner.id as string, name: owner.name as string }))
  };
}

/**
 * Lists the quarters of the picker, newest first, each with its dates.
 * @param quarters Quarters as `YYYY-Qn`, newest first (from `recentQuarters`).
 * @param current The current quarter, marked in its label.
 */
export function quarterOptions(quarters: string[], current: string): Option[] {
  return quarters.map((quarter) => {
    const period = periodOfQuarter(quarter);
    const now = quarter === current ? ', current quarter' : '';
    return { label: `${quarter} (${period.start} to ${period.end}${now})`, value: quarter };
  });
}

/**
 * Lists the claims with the given footnote numbers, in that order.
 * @param draft The draft whose claims are numbered.
 * @param footnotes 1-based footnote numbers.
 */
export function claimRows(draft: QbrDraft, footnotes: number[]): ClaimRow[] {
  return footnotes
    .filter((footnote) => footnote >= 1 && footnote <= draft.claims.length)
    .map((footnote) => {
      const claim = draft.claims[footnote - 1];
      return { key: `claim-${footnote}`, footnote, text: claim.text, valueText: formatClaimValue(claim) };
    });
}

/**
 * Writes the footnotes of the given claims: what was measured, the number, its period and its as-of date.
 * @param draft The draft whose claims are numbered.
 * @param footnotes 1-based footnote numbers; repeats are listed once, in ascending order.
 */
export function footnoteRows(draft: QbrDraft, footnotes: number[]): FootnoteRow[] {
  return [...new Set(footnotes)]
    .filter((footnote) => footnote >= 1 && footnote <= draft.claims.length)
    .sort((left, right) => left - right)
    .map((footnote) => ({
      key: `footnote-${footnote}`,
      footnote,
      text: footnoteOf(draft.claims[footnote - 1])
    }));
}

/**
 * Returns the footnotes of the numbers that the lines of a section cite.
 * @param draft The draft, with the CSM's edits.
 * @param key The section.
 */
export function sectionFootnotes(draft: QbrDraft, key: SectionKey): FootnoteRow[] {
  const lines: SectionLine[] = draft.sections[key];
  return footnoteRows(
    draft,
    lines.flatMap((line) => line.claims)
  );
}

/**
 * Returns the footnote of the period's lists (risks, objectives, milestones, action items, benchmark), which are read
 * on the as-of date of the data.
 * @param data The period's records.
 */
export function listFootnote(data: QbrData): string {
  return `Read on ${data.asOf} for ${data.quarter}, ${data.periodStart} to ${data.periodEnd}.`;
}

function numberText(value: number | null | undefined, unit: string | null = null): string {
  if (value === null || value === undefined) {
    return 'not recorded';
  }
  if (unit === null || unit.trim() === '') {
    return formatNumber(value);
  }
  return unit === '%' ? `${formatNumber(value)}%` : `${formatNumber(value)} ${unit}`;
}

/**
 * Lists the Case counts of the period; empty when no count is recorded.
 * @param data The period's records.
 */
export function caseRows(data: QbrData): CaseDisplayRow[] {
  const cases = data.cases;
  if (cases === null || Object.values(cases).every((count) => count === null)) {
    return [];
  }
  return [
    { key: 'opened', label: 'Cases opened', value: numberText(cases.opened) },
    { key: 'resolved', label: 'Cases resolved', value: numberText(cases.resolved) },
    { key: 'openAtEnd', label: 'Cases open at the end of the period', value: numberText(cases.openAtEnd) },
    { key: 'highPriorityOpen', label: 'High-priority Cases open', value: numberText(cases.highPriorityOpen) },
    {
      key: 'medianResolutionDays',
      label: 'Median resolution time',
      value: numberText(cases.medianResolutionDays, 'days')
    }
  ];
}

/**
 * Lists the risks of the period.
 * @param data The period's records.
 */
export function riskRows(data: QbrData): RiskDisplayRow[] {
  return data.risks.map((risk, index) => {
    const detected = risk.detectedOn === null ? 'Detection date not recorded' : `Detected on ${risk.detectedOn}`;
    const closed = risk.closedOn === null ? '' : `, closed on ${risk.closedOn}`;
    return {
      key: risk.id ?? `risk-${index}`,
      title: risk.title,
      severity: risk.severity ?? 'Unrated',
      status: recordStatusLabel(risk.status ?? 'Open'),
      rung: risk.rung ?? 'No escalation rung',
      mitigation: risk.hasMitigation === true ? 'Mitigation under way' : 'No mitigation yet',
      dates: `${detected}${closed}`
    };
  });
}

/**
 * Lists the objectives of the account's success plan.
 * @param data The period's records.
 */
export function objectiveRows(data: QbrData): ObjectiveDisplayRow[] {
  return data.objectives.map((objective, index) => ({
    key: `objective-${index}`,
    outcome: objective.outcome,
    metric: objective.successMetric ?? 'No success metric',
    current: numberText(objective.currentValue, objective.unit),
    target: numberText(objective.target, objective.unit),
    status: objective.isMet === true ? 'Met' : recordStatusLabel(objective.status ?? 'No status')
  }));
}

/**
 * Lists the milestones completed in the period.
 * @param data The period's records.
 */
export function milestoneRows(data: QbrData): MilestoneDisplayRow[] {
  return data.milestonesAchieved.map((milestone, index) => ({
    key: `milestone-${index}`,
    name: milestone.name,
    completed: milestone.completedDate ?? 'Date not recorded',
    source: milestone.completionSource === 'Automatic' ? 'Confirmed by the data' : 'Marked complete by hand'
  }));
}

/**
 * Lists the action items of the saved review.
 * @param data The period's records.
 */
export function actionItemRows(data: QbrData): ActionItemDisplayRow[] {
  return data.actionItems.map((item, index) => ({
    key: item.id ?? `action-${index}`,
    subject: item.subject,
    owner: item.ownerName ?? 'No owner',
    dueDate: item.dueDate ?? 'No due date',
    status: recordStatusLabel(item.status ?? 'Open')
  }));
}

/**
 * Lists the benchmark rows of the draft: the account's value, the median of its peers and how they compare.
 * @param draft The draft.
 */
export function benchmarkRows(draft: QbrDraft): BenchmarkDisplayRow[] {
  return (draft.benchmark?.rows ?? []).map((row) => {
    let comparison = 'No comparison';
    if (row.favourableGap !== null) {
      if (row.favourableGap > 0) {
        comparison = 'Better than the peers';
      } else if (row.favourableGap < 0) {
        comparison = 'Behind the peers';
      } else {
        comparison = 'Same as the peers';
      }
    }
    return {
      key: row.measure,
      label: row.label,
      value: numberText(row.value, row.unit),
      median: numberText(row.median, row.unit),
      peers: formatNumber(row.peerCount),
      comparison
    };
  });
}

/**
 * Describes the benchmark of the draft in one sentence, including why no insight is given.
 * @param draft The draft.
 * @param minPeers Peers needed for an insight.
 */
export function benchmarkSummary(draft: QbrDraft, minPeers: number): string {
  const benchmark = draft.benchmark;
  const segment = draft.segment === null ? 'the same segment' : `segment ${draft.segment}`;
  if (benchmark === null) {
    return `No peer medians were found for ${segment}, so there is no benchmark.`;
  }
  const peers = `${formatNumber(benchmark.peerCount)} ${benchmark.peerCount === 1 ? 'peer account' : 'peer accounts'}`;
  if (benchmark.insight === null) {
    return `Compared with ${peers} in ${segment}. A benchmark insight needs at least ${minPeers} peers.`;
  }
  return `Compared with the median of ${peers} in ${segment}.`;
}

/**
 * Returns the label of a review status.
 * @param status Draft, Ready or Presented.
 */
export function statusLabel(status: string): string {
  return STATUS_LABELS[status] ?? status;
}

/**
 * Returns the label of a section, as the editors and the Markdown export name it.
 * @param key The section.
 */
export function sectionTitle(key: SectionKey): string {
  return SECTION_TITLES[key];
}

/**
 * Returns the label of a readiness band.
 * @param band The band.
 */
export function bandLabel(band: ReadinessBand): string {
  return BAND_LABELS[band];
}

/**
 * Builds the readiness panel from the scorer's result: the score and band, a bar per category, every check with its
 * finding and what is missing.
 * @param result The result of `scoreReadiness`.
 */
export function readinessPanel(result: ReadinessResult): ReadinessPanel {
  return { ...readinessPanelRows(result), bandLabel: BAND_LABELS[result.band], advice: BAND_ADVICE[result.band] };
}

/**
 * Builds the editor of every section. The textarea keeps the text as typed, so a blank line the user is typing stays.
 * The lines and footnotes come from the draft with the edits applied.
 * @param draft The draft as assembled, without edits.
 * @param working The draft with the CSM's edits.
 * @param edits Text typed per section; a section without an entry shows the draft's text.
 */
export function sectionEditors(
  draft: QbrDraft,
  working: QbrDraft,
  edits: Partial<Record<SectionKey, string>>
): Record<SectionKey, SectionEditor> {
  const editors = {} as Record<SectionKey, SectionEditor>;
  for (const key of SECTION_KEYS) {
    const lines = working.sections[key];
    const footnotes = sectionFootnotes(working, key);
    editors[key] = {
      key,
      label: SECTION_TITLES[key],
      value: edits[key] ?? sectionText(draft.sections[key]),
      lines: lines.map((line, index) => ({ key: `${key}-${index}`, text: line.text })),
      hasLines: lines.length > 0,
      footnotes,
      hasFootnotes: footnotes.length > 0
    };
  }
  return editors;
}

/**
 * Writes the sentences of the period step: the period and its as-of date, the account, and what is saved.
 * @param data The period's records.
 */
export function periodSummary(data: QbrData): PeriodSummary {
  const segment = data.segment === null ? '' : `, segment ${data.segment}`;
  const sponsor =
    data.executiveSponsorName === null
      ? 'No executive sponsor named'
      : `Executive sponsor ${data.executiveSponsorName}`;
  const renewal = data.renewalDate === null ? 'no renewal date known' : `renewal on ${data.renewalDate}`;
  const review = data.review;
  let reviewStateText: string;
  if (review === null) {
    const until = data.canEdit ? ' until you save' : '';
    reviewStateText = `No review is saved for this quarter. The sections hold suggestions from its records${until}.`;
  } else {
    const score = review.readinessScore === null ? '' : `, readiness ${review.readinessScore} of 100`;
    reviewStateText = `A review is saved for this quarter: ${statusLabel(review.status ?? 'Draft')}${score}.`;
  }
  let deckStateText = '';
  if (review?.deckFileId) {
    const when = review.deckExportedAt ? ` on ${review.deckExportedAt.slice(0, 10)}` : '';
    deckStateText = `A deck was saved on the account${when}.`;
  }
  return {
    periodText: `${data.quarter}: ${data.periodStart} to ${data.periodEnd}. Numbers are read as of ${data.asOf}.`,
    accountText: `${data.accountName}${segment}. ${sponsor}; ${renewal}.`,
    reviewStateText,
    deckStateText
  };
}

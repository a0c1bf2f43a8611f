/**
 * Reference QBR engine: the readiness scorer shared by business reviews, success plans and risk plans, the assembly
 * of a QBR draft from the period's records, the benchmark against the segment's peers, quarter helpers, the deck and
 * the Markdown export. The functions are pure, with no template and no clock (the as-of date is always passed in),
 * and the deck writer takes the pptxgenjs constructor instead of importing it, so the component, Jest and the Node
 * tools share the engine. The Apex class QbrReadinessRules ports the readiness bands and replays the same vectors.
 */
export {
  scoreReadiness,
  readinessBandOf,
  sharePoints,
  READINESS_CHECK_POINTS,
  READINESS_CHECK_LABELS,
  readinessCheckLabel,
  READINESS_RENEWAL_WINDOW_DAYS,
  ENDED_RISK_STATUSES
} from './readiness';
export { readinessInputFromPlan, readinessInputFromRiskPlan, readinessInputFromQbr } from './adapters';
export { assembleQbr, EXPANSION_SEAT_UTILISATION_PERCENT } from './assemble';
export {
  sectionText,
  parseSectionText,
  withSectionText,
  withSlideIncluded,
  includedSlidesText,
  parseIncludedSlides,
  footnoteOf,
  formatClaimValue,
  formatWithUnit,
  pluralize,
  statusLabel,
  STATUS_LABELS,
  SLIDE_TITLES,
  SECTION_TITLES
} from './sections';
export { benchmarkOf, benchmarkFromMedians, describeBenchmarkRow, medianOf, BENCHMARK_MIN_PEERS } from './benchmark';
export { quarterOf, periodOfQuarter, previousQuarter, recentQuarters, quarterSlug } from './quarters';
export type { QuarterPeriod } from './quarters';
export { buildDeck, writeDeck, deckFileName } from './deck';
export { renderQbr, qbrFileName, renderReadiness } from './report';
export { READINESS_CATEGORY_LABELS, readinessPanelRows } from './panel';
export type { ReadinessCategoryRow, ReadinessCheckRow, ReadinessPanelRows } from './panel';
export * from './types';

/** Business reviews of an org export for the command-line tools and the cockpit; see reviewData.ts. */
export { QbrPeriodError, QUARTER_FORM, parseQuarter, reviewPeriodOf } from './period';
export type { ReviewPeriod } from './period';
export { caseStatsOf, feedbackCountOf, medianOf, monthlyUsage } from './stats';
export { ACTIVE_RISK_STATUSES, riskRowsOfFindings, riskRowsOfPeriod } from './risks';
export {
  INDUSTRY_FIELD,
  MAX_PEERS,
  PEER_ROW_BUDGET,
  PeerBenchmark,
  SEGMENT_FIELD,
  maxPeersFor,
  segmentOf
} from './peers';
export type { PeerBenchmarkResult, PeerCandidate, Segment } from './peers';
export { QbrReviewSource, RAW_VALUE_PLACES, rawValuesOf, weeklyDatesBefore } from './reviewData';
export type { QbrAccount, QbrPortfolio, QbrReviewExtras } from './reviewData';

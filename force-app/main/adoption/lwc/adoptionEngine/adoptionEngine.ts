/**
 * Reference adoption engine. It computes feature adoption and its trend, ranks the under-used features of highest
 * value, diagnoses barriers, sets playbook targets, sprints and progress, builds the whitespace grid, and recommends
 * the expansion approach and value hypothesis. It also renders the adoption scorecard, the feature adoption playbook
 * and the expansion map as Markdown. The functions are pure, with no template and no clock (the as-of date is always
 * passed in), so the components, Jest and the Node tools share them. The Apex class AdoptionRules ports the rules one
 * for one and replays the same test vectors.
 */
export * from './constants';
export { adoptionPercent, adoptionTrend, underusedFeatures, percentSeries, adoptionUniqueKey } from './adoption';
export { monthStart, addMonths, trendMonths } from './months';
export { diagnoseBarriers, peerPercentOf, BARRIER_ACTIONS } from './barriers';
export {
  playbookTarget,
  playbookTargetDate,
  sprintTasks,
  playbookProgress,
  barrierEvidenceNote,
  TASK_SUBJECT_LENGTH,
  UNTEMPLATED_TASK_DAY
} from './playbook';
export {
  whitespaceGrid,
  splitKeyList,
  recentTriggers,
  recommendApproach,
  valueHypothesis,
  triggerTitle,
  moneyText,
  TRIGGER_LABELS,
  WHITESPACE_STATUS_LABELS
} from './whitespace';
export {
  renderAdoptionScorecard,
  renderAdoptionPlaybook,
  renderExpansionMap,
  adoptionScorecardFileName,
  adoptionPlaybookFileName,
  expansionMapFileName,
  segmentLabelOf,
  scorecardSegmentsOf,
  TREND_TEXT
} from './report';
export * from './types';
export { compareText } from './text';

/**
 * Reference risk engine: the detection rules that open risks after each scoring run, their resolution criteria and
 * the risk mitigation plan. The functions are pure, with no template and no clock (the as-of date is always passed in),
 * so the components, Jest and the Node tools share them. The Apex risk jobs port the rules one for one and replay the
 * same test vectors.
 */
export { evaluateRiskRules, compareFindings } from './rules';
export { describeResolution, meetsResolution, resolutionCriteriaOf } from './resolution';
export { validateRiskRule, validateEscalationRungs, BAND_DROP_LOOKBACK_DAYS } from './validate';
export { renderRiskPlan } from './plan';
export * from './types';

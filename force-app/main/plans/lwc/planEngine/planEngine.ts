/**
 * Reference success plan engine: objective progress, milestone states and automatic completion, plan templates, the
 * renewal countdown with its renewal calls, and the success plan report. The functions are pure, with no template and
 * no clock (the as-of date is always passed in), so the components, Jest and the Node tools share them. The Apex
 * classes SuccessPlanRules and RenewalCountdownRules port the rules one for one and replay the same test vectors.
 */
export { objectiveProgress, isObjectiveMet, objectiveFactsOf } from './objectives';
export {
  milestoneCriteriaMet,
  milestoneStateOf,
  autoCompletions,
  planProgressOf,
  MILESTONE_DUE_SOON_DAYS
} from './milestones';
export { instantiateTemplate, validatePlanTemplate } from './templates';
export { renewalCountdownOf, compareRenewalCall } from './countdown';
export { renderSuccessPlan, successPlanFileName } from './report';
export * from './types';

/** Plan templates, renewal checkpoint definitions and countdown inputs for the command-line tools. */
export {
  DEFAULT_LEAD_DAYS,
  DEFAULT_PLAN_METADATA_DIR,
  loadPlanMetadata,
  packagePlanMetadataDir,
  PlanMetadataError
} from './loadPlanMetadata';
export type { PlanMetadata } from './loadPlanMetadata';
export { checkpointProgressOf, countdownInputOf, firstSeenOf } from './countdown';

/** Risk rules and escalation ladder for the command-line tools; see loadRiskMetadata.ts and plan.ts. */
export {
  DEFAULT_RISK_METADATA_DIR,
  loadRiskMetadata,
  packageRiskMetadataDir,
  RiskMetadataError
} from './loadRiskMetadata';
export type { RiskMetadata } from './loadRiskMetadata';
export { buildOfflinePlanEntries, buildOfflinePlanInput, FIRST_MITIGATION_ACTION, fridayOnOrAfter } from './plan';
export type { OfflinePlanAccount } from './plan';

/** Adoption scorecard, playbooks and expansion map offline: metadata, facts and the views built from an export. */
export {
  AdoptionMetadataError,
  DEFAULT_ADOPTION_METADATA_DIR,
  loadAdoptionMetadata,
  MAX_VALUE_RANK,
  packageAdoptionMetadataDir
} from './loadAdoptionMetadata';
export type { AdoptionMetadata, ExpansionProductRecord } from './loadAdoptionMetadata';
export { computeFactHistory, computeMonthFacts, factMonthOf, MAX_HISTORY_MONTHS, MAX_STORED_PERCENT } from './facts';
export type { AccountAdoptionInput, AdoptionUser, FeatureEntitlementRow, FeatureUsageRow } from './facts';
export { accountAdoptionInput, computeExportFacts, expansionInputOf, featuresByKey } from './exportFacts';
export type { ExportFacts } from './exportFacts';
export {
  barrierInputOf,
  buildScorecardView,
  factMonths,
  featureLabelOf,
  MAX_FACT_MONTHS,
  scorecardModelOf,
  scorecardSegmentLabel
} from './scorecard';
export type { LicenseRow, ScorecardColumn, ScorecardRow, ScorecardView, UnderusedRow } from './scorecard';
export {
  buildPlaybookChoices,
  buildPlaybookViews,
  CLOSED_STATUSES,
  latestByPair,
  MAX_CHOICES,
  MAX_TASKS_PER_PLAYBOOK,
  newestFirst,
  pairKey,
  playbookModelOf,
  sprintSegmentLabel,
  suggestPlaybookOf
} from './playbooks';
export type { PlaybookChoice, PlaybookSuggestion, PlaybookView } from './playbooks';
export {
  ASSET_OBSOLETE,
  buildExpansionMap,
  expansionMapModelOf,
  handOffName,
  OPPORTUNITY_NAME_LENGTH,
  SOURCE_ASSET,
  SOURCE_WON_OPPORTUNITY
} from './expansion';
export type {
  CatalogProductView,
  ChampionRole,
  ChampionView,
  ExpansionAccount,
  ExpansionInput,
  ExpansionMapView,
  FeatureAdoptionView,
  OwnedProductView,
  TriggerView
} from './expansion';

export { DEFAULT_EXPORT_CONFIG, ExportConfigError, defaultExportConfig, loadExportConfig } from './config';
export type { ExportConfig, InternalUserRule } from './config';
export { formatProblem } from './problems';
export type { ExportProblem } from './problems';
export { KNOWN_EXPORT_FILES, readOrgExport, readOrgExportText } from './read-export';
export type {
  AccountInfo,
  ExportFileSummary,
  OrgExport,
  RenewalCheckpointRow,
  StoredCheckpointStatus
} from './read-export';
export { STORED_CHECKPOINT_STATUSES } from './plans';
export { adoptionRecordsOf } from './adoptionData';
export type {
  AccountAdoptionRecords,
  AdoptionData,
  AdoptionFilesLoaded,
  AssetRecord,
  ChampionRoleRecord,
  LineItemRecord,
  OpportunityRecord,
  PlaybookBarrierRecord,
  PlaybookRecord,
  PlaybookTaskRecord,
  PriceEntryRecord,
  ProductRecord,
  TriggerRecord
} from './adoptionData';

export { DEFAULT_EXPORT_CONFIG, ExportConfigError, defaultExportConfig, loadExportConfig } from './config';
export type { ExportConfig, InternalUserRule } from './config';
export { formatProblem } from './problems';
export type { ExportProblem } from './problems';
export { KNOWN_EXPORT_FILES, readOrgExport } from './read-export';
export type { AccountInfo, ExportFileSummary, OrgExport } from './read-export';

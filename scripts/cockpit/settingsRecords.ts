/**
 * Records of the admin settings page that the change store keeps: the health job runs started with Run now, the
 * login-source settings as saved, and the deployments that saved them. Each kind has a check that the store runs on
 * every read and write, so a hand-edited store file with a broken record is reported instead of breaking the page.
 */

/** A run of the health job that Run now started. */
export interface StoredJobRun {
  id: string;
  /** ISO date and time the run started. */
  startedAt: string;
  startedBy: string;
  /** Ids of the batch jobs of the run, in the order they start. */
  rollupJobId: string;
  scoringJobId: string;
  retentionJobId: string;
}

/** A Usage Attribution Rule as saved. */
export interface StoredAttributionRule {
  name: string;
  label: string;
  /** 18-character account Id. */
  accountId: string;
  profileName: string | null;
  roleName: string | null;
  department: string | null;
  sortOrder: number | null;
}

/** The login-source settings as saved: the fields of Health Job Setting Default the tab edits, and the rules. */
export interface StoredLoginSources {
  id: string;
  loginTypes: string[];
  loginStatusSuccess: string;
  integrationUserTypes: string[];
  integrationUsernames: string[];
  integrationProfiles: string[];
  scopeField: string | null;
  scopeValues: string[];
  isLoginRollupEnabled: boolean;
  loginBackfillDays: number;
  rollupBatchSize: number;
  scoringBatchSize: number;
  attributionRules: StoredAttributionRule[];
  /** ISO date and time of the save. */
  savedAt: string;
  savedBy: string;
}

/** A deployment of the login-source settings and its result. */
export interface StoredDeployment {
  id: string;
  status: 'Succeeded' | 'Failed';
  message: string;
  /** ISO date and time the result was logged. */
  finishedAt: string;
  requestedBy: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown): value is string {
  return typeof value === 'string';
}

function isTextOrNull(value: unknown): value is string | null {
  return value === null || typeof value === 'string';
}

function isTextList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every(isText);
}

function isWholeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

function isRule(value: unknown): value is StoredAttributionRule {
  return (
    isObject(value) &&
    [value.name, value.label, value.accountId].every(isText) &&
    [value.profileName, value.roleName, value.department].every(isTextOrNull) &&
    (value.sortOrder === null || isWholeNumber(value.sortOrder))
  );
}

/** Checks a stored run of the health job. */
export function isStoredJobRun(value: unknown): value is StoredJobRun {
  return (
    isObject(value) &&
    [value.id, value.startedAt, value.startedBy, value.rollupJobId, value.scoringJobId, value.retentionJobId].every(
      isText
    ) &&
    !Number.isNaN(Date.parse(value.startedAt as string))
  );
}

/** Checks stored login-source settings. */
export function isStoredLoginSources(value: unknown): value is StoredLoginSources {
  return (
    isObject(value) &&
    [value.id, value.loginStatusSuccess, value.savedAt, value.savedBy].every(isText) &&
    [
      value.loginTypes,
      value.integrationUserTypes,
      value.integrationUsernames,
      value.integrationProfiles,
      value.scopeValues
    ].every(isTextList) &&
    isTextOrNull(value.scopeField) &&
    typeof value.isLoginRollupEnabled === 'boolean' &&
    [value.loginBackfillDays, value.rollupBatchSize, value.scoringBatchSize].every(isWholeNumber) &&
    Array.isArray(value.attributionRules) &&
    value.attributionRules.every(isRule)
  );
}

/** Checks a stored deployment. */
export function isStoredDeployment(value: unknown): value is StoredDeployment {
  return (
    isObject(value) &&
    [value.id, value.message, value.finishedAt, value.requestedBy].every(isText) &&
    (value.status === 'Succeeded' || value.status === 'Failed')
  );
}

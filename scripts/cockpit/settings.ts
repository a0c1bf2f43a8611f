/**
 * CockpitSettingsController offline, with the checks and messages of LoginSourceSettingsService and
 * LoginSourceSettingsValidator. No org receives a metadata deployment, so a save that passes the checks stores the
 * settings in the change store at once, with a deployment record that reports Succeeded on the first poll. Before the
 * first save the settings are those of the package's Health Job Setting record Default, which an installed org has.
 *
 * In the org, describe supplies the valid login types, user types and Account fields. Offline, the lists of the Object
 * Reference take its place, and the scope field must be one of the Account fields in ACCOUNT_FIELDS.
 * NOTE: offline scoring reads the export rules (`--config`), not these settings, so a save changes what this tab shows
 * and what the Jobs tab counts as chunks, but not the scores.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_EXPORT_CONFIG, LOGIN_TYPE_LABELS, normalizeLoginType } from '../lib/export/config';
import { packageCustomMetadataDir } from '../lib/model';
import { readMetadataRecord, RecordReader } from '../lib/model/metadataRecords';
import type { ModelLoadProblem } from '../lib/model/metadataRecords';
import type { TypeSpec } from '../lib/model/metadataSchema';
import { toCaseSafeId } from '../demo/salesforce-ids';
import { ApexError, ApexParameterError } from './apexErrors';
import type { CockpitData } from './data';
import { toId18 } from './ids';
import type { StoredAttributionRule, StoredLoginSources } from './settingsRecords';
import type { CockpitStore } from './store';
import { CONTROL_HEALTH_JOBS, hasCustomPermission } from './users';
import type { CockpitUser } from './users';

type LoginSourceSettings = ApexTypes.CockpitSettingsController_LoginSourceSettings;
type AttributionRule = ApexTypes.CockpitSettingsController_AttributionRule;
type SaveResult = ApexTypes.CockpitSettingsController_SaveResult;
type FieldError = ApexTypes.CockpitSettingsController_FieldError;
type Deployment = ApexTypes.CockpitSettingsController_Deployment;

/** Store id of the settings, the DeveloperName of the record the jobs read. */
export const SETTINGS_RECORD_NAME = 'Default';
/** Largest Login Back-Fill (Days), as HealthJobSettings.MAX_LOGIN_BACKFILL_DAYS. */
export const MAX_LOGIN_BACKFILL_DAYS = 365;
/** Largest Roll-Up Batch Size, as HealthJobSettings.MAX_ROLLUP_BATCH_SIZE. */
export const MAX_ROLLUP_BATCH_SIZE = 31;
/** Largest Scoring Batch Size, as HealthJobSettings.MAX_SCORING_BATCH_SIZE. */
export const MAX_SCORING_BATCH_SIZE = 200;

/**
 * Account fields the offline scope field may name: filterable standard fields and the package's own, by API name.
 * Description is listed as not filterable, as describe reports a long text area.
 */
export const ACCOUNT_FIELDS: Readonly<Record<string, { isFilterable: boolean }>> = Object.fromEntries([
  ...[
    'AccountSource',
    'BillingCountry',
    'BillingState',
    'Id',
    'Industry',
    'Name',
    'OwnerId',
    'Ownership',
    'ParentId',
    'Rating',
    'Type',
    'AnnualRecurringRevenue__c',
    'HealthBand__c',
    'Segment__c'
  ].map((name) => [name, { isFilterable: true }]),
  ['Description', { isFilterable: false }]
]);

/**
 * User.UserType picklist values as the Object Reference lists them, and the two of the shipped defaults, which stand
 * in for the org's describe.
 */
export const USER_TYPES: readonly string[] = [
  'Standard',
  'PowerPartner',
  'PowerCustomerSuccess',
  'CustomerSuccess',
  'Guest',
  'CspLitePortal',
  'CsnOnly',
  'SelfService',
  'AutomatedProcess',
  'CloudIntegrationUser'
];

const ACCESS_DENIED_PREFIX = 'Access denied: ';
const DEPLOYMENT_KEY_PREFIX = '0Af';
const MAX_LIST_LENGTH = 4000;
const MAX_NAME_LENGTH = 40;
const MAX_SORT_ORDER = 99999;
const DEVELOPER_NAME = /^[A-Za-z](?:[A-Za-z0-9]|_(?=[A-Za-z0-9]))*$/;
const USERNAME = /^[^\s@;]+@[^\s@;]+$/;
const SEPARATOR = /[;\r\n]/;
const SETTINGS_FILE = 'HealthJobSetting.Default.md-meta.xml';

/** Fields of HealthJobSetting__mdt that the package's Default record holds. */
const HEALTH_JOB_SETTING_FIELDS: TypeSpec = {
  LoginTypes__c: { kind: 'LongTextArea', required: false, length: 4000 },
  LoginStatusSuccess__c: { kind: 'Text', required: false, length: 80 },
  IntegrationUserTypes__c: { kind: 'LongTextArea', required: false, length: 4000 },
  IntegrationUsernames__c: { kind: 'LongTextArea', required: false, length: 4000 },
  IntegrationProfiles__c: { kind: 'LongTextArea', required: false, length: 4000 },
  EscalationStatuses__c: { kind: 'LongTextArea', required: false, length: 4000 },
  PriorityWeights__c: { kind: 'LongTextArea', required: false, length: 4000 },
  DefaultPriorityWeight__c: { kind: 'Number', required: false, precision: 5, scale: 2 },
  HighPriorities__c: { kind: 'LongTextArea', required: false, length: 4000 },
  RenewalOpportunityTypes__c: { kind: 'LongTextArea', required: false, length: 4000 },
  ScopeField__c: { kind: 'Text', required: false, length: 80 },
  ScopeValues__c: { kind: 'LongTextArea', required: false, length: 4000 },
  RollupBatchSize__c: { kind: 'Number', required: false, precision: 2, scale: 0 },
  ScoringBatchSize__c: { kind: 'Number', required: false, precision: 3, scale: 0 },
  SnapshotRetentionDays__c: { kind: 'Number', required: false, precision: 5, scale: 0 },
  LoginBackfillDays__c: { kind: 'Number', required: false, precision: 3, scale: 0 },
  IsLoginRollupEnabled__c: { kind: 'Checkbox', required: false }
};

/** Data, store, user and clock of the settings methods. */
export interface SettingsContext {
  data: CockpitData;
  store: CockpitStore;
  user: CockpitUser;
  now: () => Date;
}

function requireControl(user: CockpitUser, action: string): void {
  if (!hasCustomPermission(user, CONTROL_HEALTH_JOBS)) {
    throw new ApexError(
      `${ACCESS_DENIED_PREFIX}you need the Control Health Jobs custom permission to ${action} the login-source ` +
        'settings. Ask your Salesforce admin to assign you the Success Cockpit Admin permission set.'
    );
  }
}

function splitList(value: string | null): string[] {
  return (value ?? '')
    .split(/[;\r\n]+/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Returns a list trimmed, without blank entries and without entries that repeat another in other letter case. */
export function cleanList(values: readonly (string | null)[] | null | undefined): string[] {
  const seen = new Set<string>();
  const cleaned: string[] = [];
  for (const value of values ?? []) {
    const trimmed = (value ?? '').trim();
    if (trimmed !== '' && !seen.has(trimmed.toLowerCase())) {
      seen.add(trimmed.toLowerCase());
      cleaned.push(trimmed);
    }
  }
  return cleaned;
}

/**
 * Reads the settings of the package's Health Job Setting record Default. Without the file it returns the defaults in
 * code, as HealthJobSettings does without a record.
 * @param customMetadataDir Folder of the record file.
 * @throws Error naming the file and field when the record cannot be read.
 */
export function shippedLoginSources(customMetadataDir = packageCustomMetadataDir()): StoredLoginSources {
  const file = path.join(customMetadataDir, SETTINGS_FILE);
  const fallback: StoredLoginSources = {
    id: SETTINGS_RECORD_NAME,
    loginTypes: [...DEFAULT_EXPORT_CONFIG.loginTypes],
    loginStatusSuccess: DEFAULT_EXPORT_CONFIG.loginStatusSuccess,
    integrationUserTypes: [...DEFAULT_EXPORT_CONFIG.integrationUserTypes],
    integrationUsernames: [...DEFAULT_EXPORT_CONFIG.integrationUsernames],
    integrationProfiles: [...DEFAULT_EXPORT_CONFIG.integrationProfileNames],
    scopeField: null,
    scopeValues: [],
    isLoginRollupEnabled: true,
    loginBackfillDays: 180,
    rollupBatchSize: 1,
    scoringBatchSize: MAX_SCORING_BATCH_SIZE,
    attributionRules: [],
    savedAt: '',
    savedBy: ''
  };
  if (!existsSync(file)) {
    return fallback;
  }
  const problems: ModelLoadProblem[] = [];
  const record = readMetadataRecord(file, 'HealthJobSetting__mdt', HEALTH_JOB_SETTING_FIELDS, problems);
  const reader = record === null ? null : new RecordReader(record, HEALTH_JOB_SETTING_FIELDS, problems);
  const values = reader === null ? null : readValues(reader, fallback);
  if (values === null || problems.length > 0) {
    const first = problems[0];
    throw new Error(
      `The Health Job Setting record ${file} cannot be read` +
        (first ? ` (line ${first.line ?? '?'}, ${first.field ?? 'record'}: ${first.message})` : '') +
        '. Fix the record file and start the cockpit again.'
    );
  }
  return values;
}

function readValues(reader: RecordReader, fallback: StoredLoginSources): StoredLoginSources {
  const whole = (field: string, defaultValue: number): number => {
    const value = reader.number(field);
    return value === null ? defaultValue : Math.round(value);
  };
  return {
    ...fallback,
    loginTypes: splitList(reader.text('LoginTypes__c')),
    loginStatusSuccess: reader.text('LoginStatusSuccess__c') ?? fallback.loginStatusSuccess,
    integrationUserTypes: splitList(reader.text('IntegrationUserTypes__c')),
    integrationUsernames: splitList(reader.text('IntegrationUsernames__c')),
    integrationProfiles: splitList(reader.text('IntegrationProfiles__c')),
    scopeField: reader.text('ScopeField__c'),
    scopeValues: splitList(reader.text('ScopeValues__c')),
    isLoginRollupEnabled: reader.checkbox('IsLoginRollupEnabled__c'),
    loginBackfillDays: whole('LoginBackfillDays__c', fallback.loginBackfillDays),
    rollupBatchSize: whole('RollupBatchSize__c', fallback.rollupBatchSize),
    scoringBatchSize: whole('ScoringBatchSize__c', fallback.scoringBatchSize)
  };
}

/**
 * Returns the settings the roll-up reads: the last saved, or the package's Default record before the first save.
 * @param store The change store.
 */
export function currentLoginSources(store: CockpitStore): StoredLoginSources {
  return store.get('loginSources', SETTINGS_RECORD_NAME) ?? shippedLoginSources();
}

function knownLoginTypeLabels(): string[] {
  return [...new Set(Object.values(LOGIN_TYPE_LABELS))].sort();
}

function toView(context: SettingsContext, stored: StoredLoginSources, hasRecord: boolean): LoginSourceSettings {
  const rules: AttributionRule[] = stored.attributionRules.map((rule) => ({
    name: rule.name,
    label: rule.label,
    isNew: false,
    accountId: rule.accountId,
    accountName: context.data.account(rule.accountId)?.signals.accountName ?? null,
    profileName: rule.profileName,
    roleName: rule.roleName,
    department: rule.department,
    sortOrder: rule.sortOrder
  }));
  const view: LoginSourceSettings = {
    loginTypes: [...stored.loginTypes],
    loginStatusSuccess: stored.loginStatusSuccess,
    integrationUserTypes: [...stored.integrationUserTypes],
    integrationUsernames: [...stored.integrationUsernames],
    integrationProfiles: [...stored.integrationProfiles],
    scopeField: stored.scopeField,
    scopeValues: [...stored.scopeValues],
    isLoginRollupEnabled: stored.isLoginRollupEnabled,
    loginBackfillDays: stored.loginBackfillDays,
    rollupBatchSize: stored.rollupBatchSize,
    scoringBatchSize: stored.scoringBatchSize,
    attributionRules: rules,
    problems: [],
    knownLoginTypes: knownLoginTypeLabels(),
    hasSettingsRecord: hasRecord,
    maxLoginBackfillDays: MAX_LOGIN_BACKFILL_DAYS,
    maxRollupBatchSize: MAX_ROLLUP_BATCH_SIZE,
    maxScoringBatchSize: MAX_SCORING_BATCH_SIZE
  };
  // The jobs report a stored value they cannot use; a store file edited by hand is the only way to get one offline.
  const existingNames = new Set(stored.attributionRules.map((rule) => rule.name));
  view.problems = validateLoginSources(
    view,
    existingNames,
    (accountId) => context.data.account(accountId) !== undefined
  ).map((error) => `Health Job Setting ${SETTINGS_RECORD_NAME}: ${error.message ?? ''}`);
  return view;
}

/**
 * CockpitSettingsController.getLoginSourceSettings.
 * @throws ApexError when the user lacks the Control Health Jobs permission.
 */
export function getLoginSourceSettings(context: SettingsContext): LoginSourceSettings {
  requireControl(context.user, 'view');
  const stored = context.store.get('loginSources', SETTINGS_RECORD_NAME);
  return toView(context, stored ?? shippedLoginSources(), stored !== undefined || existsSync(packageSettingsFile()));
}

function packageSettingsFile(): string {
  return path.join(packageCustomMetadataDir(), SETTINGS_FILE);
}

/** Collects the checks' messages, each under the property it belongs to. */
class ErrorList {
  readonly errors: FieldError[] = [];

  add(field: string, message: string): void {
    this.errors.push({ field, message });
  }
}

function quoted(values: string[]): string {
  return `"${values.join('", "')}"`;
}

function checkList(errors: ErrorList, field: string, label: string, values: string[]): void {
  const withSeparator = values.filter((value) => SEPARATOR.test(value));
  if (withSeparator.length) {
    errors.add(
      field,
      `${label}: ${quoted(withSeparator)} contains a semicolon or line break. Enter one value per line.`
    );
  }
  const length = values.join(';').length;
  if (length > MAX_LIST_LENGTH) {
    errors.add(
      field,
      `${label} has ${length} characters with the separators; the field holds ${MAX_LIST_LENGTH}. Remove values.`
    );
  }
}

function checkNumber(
  errors: ErrorList,
  field: string,
  label: string,
  value: number | null,
  minimum: number,
  maximum: number
): void {
  if (value === null) {
    errors.add(field, `${label} is required. Enter a whole number from ${minimum} to ${maximum}.`);
  } else if (value < minimum || value > maximum) {
    errors.add(field, `${label} ${value} is out of range. Enter a whole number from ${minimum} to ${maximum}.`);
  }
}

function checkLoginSources(errors: ErrorList, settings: LoginSourceSettings): void {
  const loginTypes = cleanList(settings.loginTypes);
  if (loginTypes.length === 0 && settings.isLoginRollupEnabled === true) {
    errors.add(
      'loginTypes',
      'Login types is empty, so the roll-up would count no login. Enter at least one login type, such as ' +
        'Application, or clear Roll up LoginHistory.'
    );
  }
  const known = new Set(Object.keys(LOGIN_TYPE_LABELS).map(normalizeLoginType));
  const unknown = loginTypes.filter((loginType) => !known.has(normalizeLoginType(loginType)));
  if (unknown.length) {
    errors.add(
      'loginTypes',
      `${quoted(unknown)} ${unknown.length === 1 ? 'is not a LoginHistory login type' : 'are not LoginHistory login types'}` +
        '. Use a login type from the list below the field, as label or API name, such as Application or ' +
        'ChatterCommunityPortalUnPwd.'
    );
  }
  checkList(errors, 'loginTypes', 'Login types', loginTypes);

  const status = (settings.loginStatusSuccess ?? '').trim();
  if (status === '') {
    errors.add(
      'loginStatusSuccess',
      'Login success status is required. Enter the LoginHistory status of a successful login, normally Success.'
    );
  } else if (status.length > 80) {
    errors.add('loginStatusSuccess', `Login success status has ${status.length} characters; enter at most 80.`);
  }

  const userTypes = cleanList(settings.integrationUserTypes);
  const knownUserTypes = new Set(USER_TYPES.map((userType) => userType.toLowerCase()));
  const unknownUserTypes = userTypes.filter((userType) => !knownUserTypes.has(userType.toLowerCase()));
  if (unknownUserTypes.length) {
    errors.add(
      'integrationUserTypes',
      `${quoted(unknownUserTypes)} ${unknownUserTypes.length === 1 ? 'is not a User Type value' : 'are not User Type values'}` +
        '. Enter API names of the User Type picklist, such as AutomatedProcess or CloudIntegrationUser.'
    );
  }
  checkList(errors, 'integrationUserTypes', 'Integration user types', userTypes);

  const usernames = cleanList(settings.integrationUsernames);
  const invalidUsernames = usernames.filter((username) => username.length > 80 || !USERNAME.test(username));
  if (invalidUsernames.length) {
    errors.add(
      'integrationUsernames',
      `${quoted(invalidUsernames)} ${invalidUsernames.length === 1 ? 'is not a username' : 'are not usernames'}` +
        '. Enter each username as it appears on the user record, such as etl@example.com, one per line.'
    );
  }
  checkList(errors, 'integrationUsernames', 'Integration usernames', usernames);

  const profiles = cleanList(settings.integrationProfiles);
  const longProfiles = profiles
    .filter((profile) => profile.length > 255)
    .map((profile) => profile.slice(0, 37) + '...');
  if (longProfiles.length) {
    errors.add(
      'integrationProfiles',
      `Integration profiles: ${quoted(longProfiles)} is longer than 255 characters. Shorten it.`
    );
  }
  checkList(errors, 'integrationProfiles', 'Integration profiles', profiles);
}

function checkScope(errors: ErrorList, settings: LoginSourceSettings): void {
  const scopeValues = cleanList(settings.scopeValues);
  checkList(errors, 'scopeValues', 'Scope values', scopeValues);
  const scopeField = (settings.scopeField ?? '').trim();
  if (scopeField === '') {
    if (scopeValues.length) {
      errors.add(
        'scopeValues',
        'Scope values is set but Scope field is blank, so the values would be ignored. Enter the Account field ' +
          'they belong to, or clear Scope values to score every account.'
      );
    }
    return;
  }
  const fieldName = Object.keys(ACCOUNT_FIELDS).find((name) => name.toLowerCase() === scopeField.toLowerCase());
  if (fieldName === undefined) {
    errors.add(
      'scopeField',
      `Scope field "${scopeField}" is not a field of Account. Enter the API name of an Account field, such as Type ` +
        'or Industry, or clear it to score every account.'
    );
  } else if (!ACCOUNT_FIELDS[fieldName].isFilterable) {
    errors.add(
      'scopeField',
      `Scope field "${scopeField}" cannot be used in a query filter. Choose a filterable Account field, such as Type ` +
        'or Industry.'
    );
  } else if (scopeValues.length === 0) {
    errors.add(
      'scopeValues',
      `Scope values is empty, so no account would be scored. Enter the values of ${fieldName} that put an account ` +
        'in scope, or clear Scope field to score every account.'
    );
  }
}

function checkRules(
  errors: ErrorList,
  rules: (AttributionRule | null)[],
  existingNames: Set<string>,
  accountExists: (accountId: string) => boolean
): void {
  const existingKeys = new Set([...existingNames].map((name) => name.toLowerCase()));
  const seen = new Set<string>();
  rules.forEach((rule, index) => {
    const prefix = `attributionRules.${index}.`;
    const ruleLabel = `Rule ${index + 1}`;
    if (rule === null) {
      errors.add(`${prefix}name`, `${ruleLabel} is empty. Remove it, or enter its name and account.`);
      return;
    }
    const name = (rule.name ?? '').trim();
    if (name === '') {
      errors.add(`${prefix}name`, `${ruleLabel} has no API name. Enter one, such as EmeaSupport.`);
    } else {
      const key = name.toLowerCase();
      if (rule.isNew === true) {
        if (name.length > MAX_NAME_LENGTH || !DEVELOPER_NAME.test(name)) {
          errors.add(
            `${prefix}name`,
            `${ruleLabel}: API name "${name}" is invalid. Start with a letter and use at most ${MAX_NAME_LENGTH} ` +
              'letters, digits and single underscores, with no underscore at the end, such as EmeaSupport.'
          );
        } else if (existingKeys.has(key)) {
          errors.add(`${prefix}name`, `${ruleLabel}: a rule named "${name}" exists already. Choose another API name.`);
        }
      } else if (!existingKeys.has(key)) {
        errors.add(
          `${prefix}name`,
          `${ruleLabel}: rule "${name}" no longer exists in the org. Reload the page to see the current rules.`
        );
      }
      if (seen.has(key)) {
        errors.add(
          `${prefix}name`,
          `${ruleLabel}: API name "${name}" is used by another rule. Give each rule its own name.`
        );
      }
      seen.add(key);
    }
    const label = (rule.label ?? '').trim();
    if (label.length > MAX_NAME_LENGTH) {
      errors.add(`${prefix}label`, `${ruleLabel}: the label has ${label.length} characters; enter at most 40.`);
    }
    const accountText = (rule.accountId ?? '').trim();
    const accountId = toId18(accountText);
    if (accountText === '') {
      errors.add(
        `${prefix}accountId`,
        `${ruleLabel} has no account. Enter the 15- or 18-character Id of the account its users count for.`
      );
    } else if (accountId === null || !accountId.startsWith('001')) {
      errors.add(
        `${prefix}accountId`,
        `${ruleLabel}: "${accountText}" is not the Id of an account. Enter a 15- or 18-character Id that starts ` +
          'with 001.'
      );
    } else if (!accountExists(accountId)) {
      errors.add(
        `${prefix}accountId`,
        `${ruleLabel}: account ${accountId} does not exist or you cannot see it. Enter the Id of an account you ` +
          'can open.'
      );
    }
    for (const [field, fieldLabel, maxLength] of [
      ['profileName', 'the profile name', 255],
      ['roleName', 'the role name', 80],
      ['department', 'the department', 80]
    ] as const) {
      const value = (rule[field] ?? '').trim();
      if (value.length > maxLength) {
        errors.add(
          `${prefix}${field}`,
          `${ruleLabel}: ${fieldLabel} has ${value.length} characters; enter at most ${maxLength}.`
        );
      }
    }
    if (rule.sortOrder !== null && (rule.sortOrder < 0 || rule.sortOrder > MAX_SORT_ORDER)) {
      errors.add(
        `${prefix}sortOrder`,
        `${ruleLabel}: sort order ${rule.sortOrder} is out of range. Enter a whole number from 0 to ${MAX_SORT_ORDER}, ` +
          'or leave it blank to try the rule after the numbered ones.'
      );
    }
  });
}

/**
 * Checks settings as LoginSourceSettingsValidator does, with the offline stand-ins for describe.
 * @param settings Settings to check.
 * @param existingNames API names of the stored rules.
 * @param accountExists Whether an 18-character account Id is an account of the export.
 * @returns One error per invalid value; empty when the settings may be saved.
 */
export function validateLoginSources(
  settings: LoginSourceSettings,
  existingNames: Set<string>,
  accountExists: (accountId: string) => boolean
): FieldError[] {
  const errors = new ErrorList();
  checkLoginSources(errors, settings);
  checkScope(errors, settings);
  checkNumber(
    errors,
    'loginBackfillDays',
    'Login back-fill (days)',
    settings.loginBackfillDays,
    0,
    MAX_LOGIN_BACKFILL_DAYS
  );
  checkNumber(errors, 'rollupBatchSize', 'Roll-up batch size', settings.rollupBatchSize, 1, MAX_ROLLUP_BATCH_SIZE);
  checkNumber(errors, 'scoringBatchSize', 'Scoring batch size', settings.scoringBatchSize, 1, MAX_SCORING_BATCH_SIZE);
  checkRules(errors, settings.attributionRules ?? [], existingNames, accountExists);
  return errors.errors;
}

function deploymentIdFor(savedAt: string, userId: string, count: number): string {
  const digest = createHash('sha256').update(`deployment:${savedAt}:${userId}:${count}`).digest();
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  let body = '';
  for (let index = 0; index < 12; index++) {
    body += alphabet.charAt(digest[index] % alphabet.length);
  }
  return toCaseSafeId(DEPLOYMENT_KEY_PREFIX + body);
}

function toStoredRule(rule: AttributionRule, stored: StoredAttributionRule | undefined): StoredAttributionRule {
  const name = stored?.name ?? (rule.name ?? '').trim();
  const blankToNull = (value: string | null): string | null =>
    (value ?? '').trim() === '' ? null : (value ?? '').trim();
  return {
    name,
    label: blankToNull(rule.label) ?? stored?.label ?? name,
    accountId: toId18((rule.accountId ?? '').trim()) ?? '',
    profileName: blankToNull(rule.profileName),
    roleName: blankToNull(rule.roleName),
    department: blankToNull(rule.department),
    sortOrder: rule.sortOrder
  };
}

/**
 * CockpitSettingsController.saveLoginSourceSettings: checks the settings and, when every value is valid, stores them
 * with a deployment that has succeeded. Stored rules that the settings leave out stay, as Apex cannot delete them.
 * Without settings it returns the one error Apex's validator reports for a missing parameter.
 * @throws ApexError when the user lacks the Control Health Jobs permission.
 */
export function saveLoginSourceSettings(context: SettingsContext, settings: LoginSourceSettings | null): SaveResult {
  requireControl(context.user, 'change');
  if (settings === null) {
    return {
      isValid: false,
      deploymentId: null,
      fieldErrors: [{ field: 'settings', message: 'No settings were sent. Reload the page and save again.' }]
    };
  }
  const current = currentLoginSources(context.store);
  const storedByName = new Map(current.attributionRules.map((rule) => [rule.name.toLowerCase(), rule]));
  const fieldErrors = validateLoginSources(
    settings,
    new Set(current.attributionRules.map((rule) => rule.name)),
    (accountId) => context.data.account(accountId) !== undefined
  );
  if (fieldErrors.length) {
    return { isValid: false, deploymentId: null, fieldErrors };
  }

  const savedAt = context.now().toISOString();
  const sentRules = (settings.attributionRules ?? []).filter((rule): rule is AttributionRule => rule !== null);
  const sentNames = new Set(sentRules.map((rule) => (rule.name ?? '').trim().toLowerCase()));
  const rules = [
    ...current.attributionRules.filter((rule) => !sentNames.has(rule.name.toLowerCase())),
    ...sentRules.map((rule) => toStoredRule(rule, storedByName.get((rule.name ?? '').trim().toLowerCase())))
  ].sort(
    (a, b) =>
      (a.sortOrder ?? Number.MAX_SAFE_INTEGER) - (b.sortOrder ?? Number.MAX_SAFE_INTEGER) ||
      a.name.localeCompare(b.name)
  );
  context.store.put('loginSources', SETTINGS_RECORD_NAME, {
    id: SETTINGS_RECORD_NAME,
    loginTypes: cleanList(settings.loginTypes),
    loginStatusSuccess: (settings.loginStatusSuccess ?? '').trim(),
    integrationUserTypes: cleanList(settings.integrationUserTypes),
    integrationUsernames: cleanList(settings.integrationUsernames),
    integrationProfiles: cleanList(settings.integrationProfiles),
    scopeField: (settings.scopeField ?? '').trim() === '' ? null : (settings.scopeField ?? '').trim(),
    scopeValues: cleanList(settings.scopeValues),
    isLoginRollupEnabled: settings.isLoginRollupEnabled === true,
    loginBackfillDays: settings.loginBackfillDays ?? 0,
    rollupBatchSize: settings.rollupBatchSize ?? 1,
    scoringBatchSize: settings.scoringBatchSize ?? 1,
    attributionRules: rules,
    savedAt,
    savedBy: context.user.name
  });
  const deploymentId = deploymentIdFor(savedAt, context.user.id, context.store.count());
  context.store.put('settingsDeployments', deploymentId, {
    id: deploymentId,
    status: 'Succeeded',
    message:
      `Deployment ${deploymentId} of the login-source settings succeeded. The next run of the health job reads the ` +
      'new values.',
    finishedAt: savedAt,
    requestedBy: context.user.name
  });
  return { isValid: true, deploymentId, fieldErrors: [] };
}

/**
 * CockpitSettingsController.getDeploymentStatus. An Id that no save returned stays InProgress, as in the org, where
 * no result is ever logged for it.
 * @throws ApexError when the user lacks the Control Health Jobs permission or the text is not a deployment Id.
 */
export function getDeploymentStatus(context: SettingsContext, deploymentId: string | null): Deployment {
  requireControl(context.user, 'view');
  const id = deploymentId === null ? null : toId18(deploymentId.trim());
  if (id === null || !id.startsWith(DEPLOYMENT_KEY_PREFIX)) {
    throw new ApexError(
      `"${deploymentId}" is not the Id of a deployment; deployment Ids start with ${DEPLOYMENT_KEY_PREFIX}. Save the ` +
        'settings again to start a new deployment.'
    );
  }
  const stored = context.store.get('settingsDeployments', id);
  if (stored === undefined) {
    return { deploymentId: id, status: 'InProgress', message: null, finishedAt: null };
  }
  return { deploymentId: id, status: stored.status, message: stored.message, finishedAt: stored.finishedAt };
}

function listParam(name: string, value: unknown): string[] | null {
  if (value === undefined || value === null) {
    return null;
  }
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw new ApexParameterError(name, 'List<String>', value);
  }
  return value as string[];
}

function textParam(name: string, value: unknown): string | null {
  if (value === undefined || value === null) {
    return null;
  }
  if (typeof value !== 'string') {
    throw new ApexParameterError(name, 'String', value);
  }
  return value;
}

function wholeParam(name: string, value: unknown): number | null {
  if (value === undefined || value === null) {
    return null;
  }
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new ApexParameterError(name, 'Integer', value);
  }
  return value;
}

function booleanValue(name: string, value: unknown): boolean | null {
  if (value === undefined || value === null) {
    return null;
  }
  if (typeof value !== 'boolean') {
    throw new ApexParameterError(name, 'Boolean', value);
  }
  return value;
}

function record(name: string, value: unknown, apexType: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ApexParameterError(name, apexType, value);
  }
  return value as Record<string, unknown>;
}

/**
 * Converts the `settings` parameter of saveLoginSourceSettings to its Apex type, as the platform does before the
 * method runs; a missing parameter becomes null.
 * @throws ApexParameterError when a property has the wrong type.
 */
export function loginSourceSettingsParam(value: unknown): LoginSourceSettings | null {
  if (value === undefined || value === null) {
    return null;
  }
  const settingsType = 'CockpitSettingsController.LoginSourceSettings';
  const values = record('settings', value, settingsType);
  const rulesValue = values.attributionRules;
  if (rulesValue !== undefined && rulesValue !== null && !Array.isArray(rulesValue)) {
    throw new ApexParameterError('attributionRules', 'List<CockpitSettingsController.AttributionRule>', rulesValue);
  }
  const rules = Array.isArray(rulesValue)
    ? rulesValue.map((item: unknown): AttributionRule => {
        const rule = record('attributionRules', item, 'CockpitSettingsController.AttributionRule');
        return {
          name: textParam('name', rule.name),
          label: textParam('label', rule.label),
          isNew: booleanValue('isNew', rule.isNew),
          accountId: textParam('accountId', rule.accountId),
          accountName: textParam('accountName', rule.accountName),
          profileName: textParam('profileName', rule.profileName),
          roleName: textParam('roleName', rule.roleName),
          department: textParam('department', rule.department),
          sortOrder: wholeParam('sortOrder', rule.sortOrder)
        };
      })
    : null;
  return {
    loginTypes: listParam('loginTypes', values.loginTypes),
    loginStatusSuccess: textParam('loginStatusSuccess', values.loginStatusSuccess),
    integrationUserTypes: listParam('integrationUserTypes', values.integrationUserTypes),
    integrationUsernames: listParam('integrationUsernames', values.integrationUsernames),
    integrationProfiles: listParam('integrationProfiles', values.integrationProfiles),
    scopeField: textParam('scopeField', values.scopeField),
    scopeValues: listParam('scopeValues', values.scopeValues),
    isLoginRollupEnabled: booleanValue('isLoginRollupEnabled', values.isLoginRollupEnabled),
    loginBackfillDays: wholeParam('loginBackfillDays', values.loginBackfillDays),
    rollupBatchSize: wholeParam('rollupBatchSize', values.rollupBatchSize),
    scoringBatchSize: wholeParam('scoringBatchSize', values.scoringBatchSize),
    attributionRules: rules,
    problems: listParam('problems', values.problems),
    knownLoginTypes: listParam('knownLoginTypes', values.knownLoginTypes),
    hasSettingsRecord: booleanValue('hasSettingsRecord', values.hasSettingsRecord),
    maxLoginBackfillDays: wholeParam('maxLoginBackfillDays', values.maxLoginBackfillDays),
    maxRollupBatchSize: wholeParam('maxRollupBatchSize', values.maxRollupBatchSize),
    maxScoringBatchSize: wholeParam('maxScoringBatchSize', values.maxScoringBatchSize)
  };
}

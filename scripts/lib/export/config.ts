import { readFileSync } from 'fs';
import { errorMessage } from './problems';

/**
 * Rule that attributes the logins of internal users (users without `User.AccountId`) to one account. A user matches
 * when every list given here contains the user's value, compared without regard to letter case. A rule without lists
 * matches every internal user, which suits an org that belongs to a single customer.
 */
export interface InternalUserRule {
  accountId: string;
  /** Values of `Profile.Name`. */
  profileNames?: string[];
  /** Values of `UserRole.Name`. */
  roleNames?: string[];
  /** Values of `User.Department`. */
  departments?: string[];
}

/** Rules that turn an org export into account signals. Every key can be set in the JSON file of `loadExportConfig`. */
export interface ExportConfig {
  /**
   * LoginHistory.LoginType values counted as product use. Either the label (`Application`) or the API name
   * (`ChatterCommunityPortalUnPwd`) may be given; both forms match.
   */
  loginTypes: string[];
  /** LoginHistory.Status of a successful login. */
  loginStatusSuccess: string;
  /** User.UserType values of integration users, whose logins never count. */
  integrationUserTypes: string[];
  /** Usernames of integration users. */
  integrationUsernames: string[];
  /** Profile names of integration users. */
  integrationProfileNames: string[];
  /** Rules that attribute internal users to an account; the first matching rule wins. */
  internalUserAccounts: InternalUserRule[];
  /** Case.Status values that count as escalated even when IsEscalated is false or blank. */
  escalationStatuses: string[];
  /** Weight of each Case.Priority value; a value set in the file is merged over these defaults. */
  priorityWeights: Record<string, number>;
  /** Weight of a priority that `priorityWeights` does not list. */
  defaultPriorityWeight: number;
  /** Case.Priority values counted as high priority. */
  highPriorities: string[];
  /** Opportunity.Type values of renewal opportunities. */
  renewalOpportunityTypes: string[];
}

/**
 * LoginType picklist of LoginHistory: API name to label, as listed in the Object Reference for the Salesforce
 * Platform (LoginHistory, field LoginType). Exports written through the API may carry either form.
 */
export const LOGIN_TYPE_LABELS: Readonly<Record<string, string>> = {
  AppExchange: 'AppExchange',
  Application: 'Application',
  Certificate: 'Certificate-based login',
  ChatterCommunityPortalUnPwd: 'Chatter Communities External User',
  ChatterCommunityThirdPartySso: 'Chatter Communities External User Third Party SSO',
  CrossTenantLogin: 'Cross Tenant Login',
  EmployeeLoginToCommunity: 'Employee Login to Community',
  HelpAndTraining: 'Help And Training',
  IeOfflineClient: 'Offline Client',
  LightningLogin: 'Lightning Login',
  NetworksPortalApiOnly: 'Networks Portal API Only',
  Oauth: 'Remote Access Client',
  Oauth2: 'Remote Access 2.0',
  OtherApi: 'Other Apex API',
  Partner: 'Partner Product',
  PasswordlessLogin: 'Passwordless Login',
  PasswordlessPasskeyLogin: 'Passwordless Login via Passkeys',
  Portal: 'Customer Service Portal',
  PortalThirdPartySso: 'Customer Service Portal Third-Party SSO',
  PrmPortal: 'Partner Portal',
  PrmPortalThirdPartySso: 'Partner Portal Third-Party SSO',
  Saml: 'SAML Idp Initiated SSO',
  Saml2: 'SAML Sfdc Initiated SSO',
  SamlChatterNetworks: 'SAML Chatter Communities External User SSO',
  SamlCspPortal: 'SAML Customer Service Portal SSO',
  SamlPrmPortal: 'SAML Partner Portal SSO',
  SamlSite: 'SAML Site SSO',
  SelfService: 'SelfService',
  ThirdPartySso: 'Third Party SSO'
};

const LOGIN_TYPE_BY_KEY = new Map<string, string>(
  Object.entries(LOGIN_TYPE_LABELS).map(([apiName, label]) => [apiName.toLowerCase(), label.toLowerCase()])
);

/** Lower-case label of a LoginType given as label or API name, so both forms compare equal. */
export function normalizeLoginType(value: string): string {
  const key = value.trim().toLowerCase();
  return LOGIN_TYPE_BY_KEY.get(key) ?? key;
}

/**
 * Default rules. The login types are the interactive logins of employees (browser, SSO, Lightning Login, passwordless)
 * and of Experience Cloud and legacy portal users. API and OAuth logins (Remote Access 2.0, Remote Access Client,
 * Other Apex API, Partner Product, Networks Portal API Only) are left out because integrations such as Data Loader
 * and the Salesforce CLI log in that way. The Salesforce mobile app logs in through OAuth too, so add
 * `Remote Access 2.0` when most users work on mobile. The integration profiles are the two API-only profiles that
 * Salesforce ships for integration users and `Integration User`, a common name for a custom one.
 */
export const DEFAULT_EXPORT_CONFIG: Readonly<ExportConfig> = Object.freeze({
  loginTypes: [
    'Application',
    'Certificate-based login',
    'Lightning Login',
    'Passwordless Login',
    'Passwordless Login via Passkeys',
    'SAML Idp Initiated SSO',
    'SAML Sfdc Initiated SSO',
    'Third Party SSO',
    'Chatter Communities External User',
    'Chatter Communities External User Third Party SSO',
    'SAML Chatter Communities External User SSO',
    'Employee Login to Community',
    'Customer Service Portal',
    'Customer Service Portal Third-Party SSO',
    'Partner Portal',
    'Partner Portal Third-Party SSO',
    'SAML Customer Service Portal SSO',
    'SAML Partner Portal SSO',
    'SAML Site SSO'
  ],
  loginStatusSuccess: 'Success',
  integrationUserTypes: ['AutomatedProcess', 'CloudIntegrationUser'],
  integrationUsernames: [],
  integrationProfileNames: [
    'Minimum Access - API Only Integrations',
    'Salesforce API Only System Integrations',
    'Integration User'
  ],
  internalUserAccounts: [],
  escalationStatuses: ['Escalated'],
  priorityWeights: { Critical: 4, High: 3, Medium: 2, Low: 1, P1: 4, P2: 3, P3: 2, P4: 1 },
  defaultPriorityWeight: 1,
  highPriorities: ['Critical', 'High', 'P1'],
  renewalOpportunityTypes: ['Renewal']
});

/** Returns a deep copy of the defaults that the caller may change. */
export function defaultExportConfig(): ExportConfig {
  return {
    ...DEFAULT_EXPORT_CONFIG,
    loginTypes: [...DEFAULT_EXPORT_CONFIG.loginTypes],
    integrationUserTypes: [...DEFAULT_EXPORT_CONFIG.integrationUserTypes],
    integrationUsernames: [...DEFAULT_EXPORT_CONFIG.integrationUsernames],
    integrationProfileNames: [...DEFAULT_EXPORT_CONFIG.integrationProfileNames],
    internalUserAccounts: DEFAULT_EXPORT_CONFIG.internalUserAccounts.map((rule) => ({ ...rule })),
    escalationStatuses: [...DEFAULT_EXPORT_CONFIG.escalationStatuses],
    priorityWeights: { ...DEFAULT_EXPORT_CONFIG.priorityWeights },
    highPriorities: [...DEFAULT_EXPORT_CONFIG.highPriorities],
    renewalOpportunityTypes: [...DEFAULT_EXPORT_CONFIG.renewalOpportunityTypes]
  };
}

const STRING_LIST_KEYS = [
  'loginTypes',
  'integrationUserTypes',
  'integrationUsernames',
  'integrationProfileNames',
  'escalationStatuses',
  'highPriorities',
  'renewalOpportunityTypes'
] as const;

const KNOWN_KEYS: readonly string[] = Object.keys(DEFAULT_EXPORT_CONFIG);
const RULE_KEYS: readonly string[] = ['accountId', 'profileNames', 'roleNames', 'departments'];

/** Error in a configuration file, naming the file and the key. */
export class ExportConfigError extends Error {
  constructor(
    readonly file: string,
    readonly key: string | null,
    detail: string
  ) {
    super(key === null ? `Config file ${file} ${detail}` : `Config file ${file}, key "${key}": ${detail}`);
    this.name = 'ExportConfigError';
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text ${JSON.stringify(value)}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readStringList(file: string, key: string, value: unknown): string[] {
  if (!Array.isArray(value)) {
    throw new ExportConfigError(file, key, `expected a list of texts, found ${describe(value)}; write it as ["..."]`);
  }
  return value.map((item: unknown, index) => {
    if (typeof item !== 'string' || item.trim() === '') {
      throw new ExportConfigError(file, `${key}[${index}]`, `expected a non-empty text, found ${describe(item)}`);
    }
    return item;
  });
}

function readWeight(file: string, key: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new ExportConfigError(file, key, `expected a number of 0 or more, found ${describe(value)}`);
  }
  return value;
}

function readRule(file: string, key: string, value: unknown): InternalUserRule {
  if (!isRecord(value)) {
    throw new ExportConfigError(
      file,
      key,
      `expected an object such as {"accountId": "001..."}, found ${describe(value)}`
    );
  }
  for (const ruleKey of Object.keys(value)) {
    if (!RULE_KEYS.includes(ruleKey)) {
      throw new ExportConfigError(file, `${key}.${ruleKey}`, `unknown key; use ${RULE_KEYS.join(', ')}`);
    }
  }
  const accountId = value.accountId;
  if (typeof accountId !== 'string' || accountId.trim() === '') {
    throw new ExportConfigError(
      file,
      `${key}.accountId`,
      `expected the Id of an account, found ${describe(accountId)}`
    );
  }
  const rule: InternalUserRule = { accountId: accountId.trim() };
  if (value.profileNames !== undefined)
    rule.profileNames = readStringList(file, `${key}.profileNames`, value.profileNames);
  if (value.roleNames !== undefined) rule.roleNames = readStringList(file, `${key}.roleNames`, value.roleNames);
  if (value.departments !== undefined) rule.departments = readStringList(file, `${key}.departments`, value.departments);
  return rule;
}

/** Merges the keys of a parsed JSON object over the defaults, checking each value. */
export function mergeExportConfig(file: string, json: unknown): ExportConfig {
  if (!isRecord(json)) {
    throw new ExportConfigError(
      file,
      null,
      `holds ${describe(json)}, not a JSON object; write the settings as {"key": value}`
    );
  }
  const config = defaultExportConfig();
  for (const key of Object.keys(json)) {
    if (!KNOWN_KEYS.includes(key)) {
      throw new ExportConfigError(file, key, `unknown key; known keys are ${KNOWN_KEYS.join(', ')}`);
    }
  }

  for (const key of STRING_LIST_KEYS) {
    if (json[key] !== undefined) config[key] = readStringList(file, key, json[key]);
  }
  if (json.loginStatusSuccess !== undefined) {
    const status = json.loginStatusSuccess;
    if (typeof status !== 'string' || status.trim() === '') {
      throw new ExportConfigError(file, 'loginStatusSuccess', `expected a non-empty text, found ${describe(status)}`);
    }
    config.loginStatusSuccess = status;
  }
  if (json.defaultPriorityWeight !== undefined) {
    config.defaultPriorityWeight = readWeight(file, 'defaultPriorityWeight', json.defaultPriorityWeight);
  }
  if (json.priorityWeights !== undefined) {
    const weights = json.priorityWeights;
    if (!isRecord(weights)) {
      throw new ExportConfigError(
        file,
        'priorityWeights',
        `expected an object such as {"High": 3}, found ${describe(weights)}`
      );
    }
    for (const [priority, weight] of Object.entries(weights)) {
      config.priorityWeights[priority] = readWeight(file, `priorityWeights.${priority}`, weight);
    }
  }
  if (json.internalUserAccounts !== undefined) {
    const rules = json.internalUserAccounts;
    if (!Array.isArray(rules)) {
      throw new ExportConfigError(file, 'internalUserAccounts', `expected a list of rules, found ${describe(rules)}`);
    }
    config.internalUserAccounts = rules.map((rule: unknown, index) =>
      readRule(file, `internalUserAccounts[${index}]`, rule)
    );
  }
  return config;
}

/**
 * Loads the export rules: the defaults when `file` is null, else the JSON file merged over the defaults (lists
 * replace the default list, `priorityWeights` entries are added to the default weights).
 * Throws `ExportConfigError` naming the file and key when the file is unreadable, not JSON or contains a bad value.
 */
export function loadExportConfig(file: string | null): ExportConfig {
  if (file === null) return defaultExportConfig();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error: unknown) {
    throw new ExportConfigError(file, null, `could not be read (${errorMessage(error)}); check the path`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error: unknown) {
    throw new ExportConfigError(file, null, `is not valid JSON (${errorMessage(error)}); fix the syntax`);
  }
  return mergeExportConfig(file, json);
}

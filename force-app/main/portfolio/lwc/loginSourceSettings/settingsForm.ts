/**
 * Pure functions between the LoginSourceSettings of CockpitSettingsController and the form of the loginSourceSettings
 * component: lists become text with one value per line, numbers become text, and the form becomes the settings to
 * save again. The server checks every value; the form only rejects a number it cannot send.
 */

type LoginSourceSettings = ApexTypes.CockpitSettingsController_LoginSourceSettings;
type AttributionRule = ApexTypes.CockpitSettingsController_AttributionRule;
type FieldError = ApexTypes.CockpitSettingsController_FieldError;

/** Start of the message CockpitSettingsController sends to a user without Control Health Jobs. */
export const ACCESS_DENIED_PREFIX = 'Access denied: ';

/** Names of the list fields of the form, which hold one value per line. */
export const LIST_FIELDS = [
  'loginTypes',
  'integrationUserTypes',
  'integrationUsernames',
  'integrationProfiles',
  'scopeValues'
] as const;

/** Names of the whole-number fields of the form. */
export const NUMBER_FIELDS = ['loginBackfillDays', 'rollupBatchSize', 'scoringBatchSize'] as const;

/** Names of the text fields of a rule. */
export const RULE_TEXT_FIELDS = ['name', 'label', 'accountId', 'profileName', 'roleName', 'department'] as const;

type ListField = (typeof LIST_FIELDS)[number];
type NumberField = (typeof NUMBER_FIELDS)[number];
type RuleTextField = (typeof RULE_TEXT_FIELDS)[number];

/** A rule as the form edits it. */
export interface RuleForm {
  /** Stable key for the template iteration. */
  key: string;
  name: string;
  label: string;
  isNew: boolean;
  accountId: string;
  accountName: string;
  profileName: string;
  roleName: string;
  department: string;
  /** Sort order as typed; blank for none. */
  sortOrder: string;
}

/** The values of the form, all as the inputs hold them. */
export interface SettingsForm {
  loginTypes: string;
  loginStatusSuccess: string;
  integrationUserTypes: string;
  integrationUsernames: string;
  integrationProfiles: string;
  scopeField: string;
  scopeValues: string;
  isLoginRollupEnabled: boolean;
  loginBackfillDays: string;
  rollupBatchSize: string;
  scoringBatchSize: string;
  rules: RuleForm[];
}

/** Settings to send, or the problems that keep the form from sending them, by field name. */
export interface PayloadResult {
  settings: LoginSourceSettings | null;
  errors: Record<string, string>;
}

const WHOLE_NUMBER = /^[+-]?\d+$/;
const NUMBER_LABELS: Record<NumberField, string> = {
  loginBackfillDays: 'Login back-fill (days)',
  rollupBatchSize: 'Roll-up batch size',
  scoringBatchSize: 'Scoring batch size'
};

/**
 * Splits list text into values at line breaks and semicolons, trimmed, without blank entries.
 * @param text Text of a list field.
 * @returns The values in their order.
 */
export function splitValues(text: string): string[] {
  return text
    .split(/[;\r\n]+/)
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

function listText(values: string[] | null | undefined): string {
  return (values ?? []).join('\n');
}

function numberText(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

/**
 * Builds the form of a rule.
 * @param rule Rule as stored; null for a new, empty rule.
 * @param key Key of the rule in the form.
 */
export function toRuleForm(rule: AttributionRule | null, key: string): RuleForm {
  return {
    key,
    name: rule?.name ?? '',
    label: rule?.label ?? '',
    isNew: rule === null || rule.isNew === true,
    accountId: rule?.accountId ?? '',
    accountName: rule?.accountName ?? '',
    profileName: rule?.profileName ?? '',
    roleName: rule?.roleName ?? '',
    department: rule?.department ?? '',
    sortOrder: numberText(rule?.sortOrder)
  };
}

/**
 * Builds the form from the stored settings.
 * @param settings Settings from getLoginSourceSettings.
 */
export function toForm(settings: LoginSourceSettings): SettingsForm {
  return {
    loginTypes: listText(settings.loginTypes),
    loginStatusSuccess: settings.loginStatusSuccess ?? '',
    integrationUserTypes: listText(settings.integrationUserTypes),
    integrationUsernames: listText(settings.integrationUsernames),
    integrationProfiles: listText(settings.integrationProfiles),
    scopeField: settings.scopeField ?? '',
    scopeValues: listText(settings.scopeValues),
    isLoginRollupEnabled: settings.isLoginRollupEnabled === true,
    loginBackfillDays: numberText(settings.loginBackfillDays),
    rollupBatchSize: numberText(settings.rollupBatchSize),
    scoringBatchSize: numberText(settings.scoringBatchSize),
    rules: (settings.attributionRules ?? []).map((rule, index) => toRuleForm(rule, `stored-${index}`))
  };
}

function parseWhole(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') {
    return null;
  }
  return WHOLE_NUMBER.test(trimmed) ? Number(trimmed) : undefined;
}

function blankToNull(text: string): string | null {
  return text.trim() === '' ? null : text.trim();
}

/**
 * Turns the form into the settings to save. A number field that does not hold a whole number is reported instead,
 * because Apex cannot receive it as an Integer.
 * @param form Values of the form.
 * @param stored Settings the form was built from; their read-only values are sent back unchanged.
 */
export function toPayload(form: SettingsForm, stored: LoginSourceSettings): PayloadResult {
  const errors: Record<string, string> = {};
  const numbers: Partial<Record<NumberField, number | null>> = {};
  for (const field of NUMBER_FIELDS) {
    const value = parseWhole(form[field]);
    if (value === undefined) {
      errors[field] = `${NUMBER_LABELS[field]} "${form[field].trim()}" is not a whole number. Enter digits only.`;
    } else {
      numbers[field] = value;
    }
  }
  const rules: AttributionRule[] = form.rules.map((rule, index) => {
    const sortOrder = parseWhole(rule.sortOrder);
    if (sortOrder === undefined) {
      errors[`attributionRules.${index}.sortOrder`] =
        `Rule ${index + 1}: sort order "${rule.sortOrder.trim()}" is not a whole number. Enter digits, or leave it blank.`;
    }
    return {
      name: rule.name.trim(),
      label: blankToNull(rule.label),
      isNew: rule.isNew,
      accountId: rule.accountId.trim(),
      accountName: null,
      profileName: blankToNull(rule.profileName),
      roleName: blankToNull(rule.roleName),
      department: blankToNull(rule.department),
      sortOrder: sortOrder ?? null
    };
  });
  if (Object.keys(errors).length > 0) {
    return { settings: null, errors };
  }

  const lists = Object.fromEntries(LIST_FIELDS.map((field) => [field, splitValues(form[field])])) as Record<
    ListField,
    string[]
  >;
  return {
    settings: {
      ...stored,
      ...lists,
      loginStatusSuccess: form.loginStatusSuccess.trim(),
      scopeField: blankToNull(form.scopeField),
      isLoginRollupEnabled: form.isLoginRollupEnabled,
      loginBackfillDays: numbers.loginBackfillDays ?? null,
      rollupBatchSize: numbers.rollupBatchSize ?? null,
      scoringBatchSize: numbers.scoringBatchSize ?? null,
      attributionRules: rules
    },
    errors
  };
}

/**
 * Collects the server's field errors by field name; a second error on a field is appended to the first.
 * @param fieldErrors Errors from saveLoginSourceSettings.
 */
export function errorsByField(fieldErrors: FieldError[] | null | undefined): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const error of fieldErrors ?? []) {
    const field = error.field ?? 'settings';
    const message = error.message ?? 'This value is invalid.';
    errors[field] = errors[field] ? `${errors[field]} ${message}` : message;
  }
  return errors;
}

/**
 * Sets one text field of a rule, keeping the other rules as they are.
 * @param rules Rules of the form.
 * @param key Key of the rule to change.
 * @param field Field to set.
 * @param value New value.
 */
export function updateRule(
  rules: RuleForm[],
  key: string,
  field: RuleTextField | 'sortOrder',
  value: string
): RuleForm[] {
  return rules.map((rule) => (rule.key === key ? { ...rule, [field]: value } : rule));
}

/**
 * Checks whether a name is one of the text fields of a rule or its sort order.
 * @param field Name from a `data-rule-field` attribute.
 */
export function isRuleField(field: string): field is RuleTextField | 'sortOrder' {
  return field === 'sortOrder' || (RULE_TEXT_FIELDS as readonly string[]).includes(field);
}

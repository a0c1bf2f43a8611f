/**
 * Reads an `sf data import tree` plan file into a seed plan. The plan is a JSON array of entries
 * `{ "sobject": "Account", "files": ["Accounts.json"] }`. Each data file contains `{ "records": [...] }` in the
 * sObject Tree format, where `attributes.referenceId` names a record and a value `@<referenceId>` refers to it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type {
  AccountMatchField,
  FieldValue,
  SeedAccount,
  SeedContact,
  SeedPlan,
  SeedPortalUser,
  SObjectFields
} from './seedRecords';
import { caseKey } from './seedRecords';

/** sObjects a plan may contain, in the order they are loaded. */
export const PLAN_SOBJECTS = ['Account', 'Contact', 'Opportunity', 'Case'] as const;
type PlanSObject = (typeof PLAN_SOBJECTS)[number];

/** Reference fields a plan may set with `@<referenceId>`, and the sObject each one refers to. */
const REFERENCE_FIELDS: Readonly<Record<PlanSObject, Readonly<Record<string, PlanSObject>>>> = {
  Account: {},
  Contact: { AccountId: 'Account' },
  Opportunity: { AccountId: 'Account' },
  Case: { AccountId: 'Account', ContactId: 'Contact' }
};

/** Most problems listed in the message of a {@link SeedPlanError}. */
const MAX_LISTED_PROBLEMS = 20;

/** Invalid plan file or data file, with each problem and its file and record in `problems`. */
export class SeedPlanError extends Error {
  constructor(
    readonly planFile: string,
    readonly problems: string[]
  ) {
    const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map((problem) => `  ${problem}`);
    const more = problems.length > MAX_LISTED_PROBLEMS ? [`  and ${problems.length - MAX_LISTED_PROBLEMS} more`] : [];
    super(
      [`The plan ${planFile} is invalid; fix these problems and rerun:`, ...listed, ...more].join('\n') +
        '\nThe format is that of "sf data export tree --plan".'
    );
    this.name = 'SeedPlanError';
  }
}

/** One record of a data file, with the file and sObject it came from. */
interface PlanRecord {
  sobject: PlanSObject;
  file: string;
  referenceId: string;
  fields: Record<string, unknown>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Line and column (1-based) of character `position` in `text`. */
function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position).split('\n');
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

/** Parses JSON text, or adds a problem naming the file and, where the parser reports it, the line and column. */
function parseJson(file: string, text: string, problems: string[]): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message);
    const where = position ? ` at ${lineAndColumn(text, Number(position[1]))}` : '';
    problems.push(`${file}: invalid JSON${where}: ${message}`);
    return undefined;
  }
}

function canonicalSObject(name: unknown): PlanSObject | null {
  return typeof name === 'string'
    ? (PLAN_SOBJECTS.find((sobject) => sobject.toLowerCase() === name.toLowerCase()) ?? null)
    : null;
}

/** Reads the plan entries and the records of their data files, adding what is wrong to `problems`. */
function readPlanRecords(planFile: string, problems: string[]): PlanRecord[] {
  const planName = path.basename(planFile);
  const plan = parseJson(planName, readFileSync(planFile, 'utf8'), problems);
  if (plan === undefined) {
    return [];
  }
  if (!Array.isArray(plan) || plan.length === 0) {
    problems.push(`${planName}: expected a JSON array of entries such as {"sobject": "Account", "files": [...]}.`);
    return [];
  }
  const records: PlanRecord[] = [];
  plan.forEach((entry: unknown, index) => {
    const where = `${planName} entry ${index + 1}`;
    const sobject = isObject(entry) ? canonicalSObject(entry.sobject) : null;
    if (!isObject(entry) || sobject === null) {
      const given = isObject(entry) ? JSON.stringify(entry.sobject) : 'no object';
      problems.push(`${where}: sobject ${given} is not supported; use ${PLAN_SOBJECTS.join(', ')}.`);
      return;
    }
    const files = entry.files;
    if (!Array.isArray(files) || files.length === 0 || !files.every((file) => typeof file === 'string')) {
      problems.push(`${where}: "files" must be a non-empty array of data file names.`);
      return;
    }
    for (const file of files as string[]) {
      records.push(...readDataFile(path.resolve(path.dirname(planFile), file), file, sobject, problems));
    }
  });
  return records;
}

function readDataFile(fullPath: string, file: string, sobject: PlanSObject, problems: string[]): PlanRecord[] {
  if (!existsSync(fullPath)) {
    problems.push(`${file}: the data file was not found (looked for ${fullPath}).`);
    return [];
  }
  const data = parseJson(file, readFileSync(fullPath, 'utf8'), problems);
  if (data === undefined) {
    return [];
  }
  if (!isObject(data) || !Array.isArray(data.records)) {
    problems.push(`${file}: expected an object with a "records" array.`);
    return [];
  }
  const records: PlanRecord[] = [];
  data.records.forEach((record: unknown, index) => {
    const attributes = isObject(record) && isObject(record.attributes) ? record.attributes : null;
    const referenceId = typeof attributes?.referenceId === 'string' ? attributes.referenceId.trim() : '';
    const where = `${file} record ${referenceId || index + 1}`;
    if (!isObject(record) || attributes === null || referenceId === '') {
      problems.push(`${where}: every record needs "attributes" with "type" and "referenceId".`);
      return;
    }
    if (canonicalSObject(attributes.type) !== sobject) {
      problems.push(
        `${where}: attributes.type ${JSON.stringify(attributes.type)} does not match the plan's ${sobject}.`
      );
      return;
    }
    const fields = Object.fromEntries(Object.entries(record).filter(([name]) => name !== 'attributes'));
    records.push({ sobject, file, referenceId, fields });
  });
  return records;
}

/** Turns a record's values into REST field values. Invalid references and nested values become problems. */
function recordFields(
  record: PlanRecord,
  problems: string[]
): { fields: SObjectFields; references: Map<string, string> } {
  const where = `${record.file} record ${record.referenceId}`;
  const fields: SObjectFields = {};
  const references = new Map<string, string>();
  for (const [name, value] of Object.entries(record.fields)) {
    if (typeof value === 'string' && value.startsWith('@')) {
      if (!(name in REFERENCE_FIELDS[record.sobject])) {
        const allowed = Object.keys(REFERENCE_FIELDS[record.sobject]);
        problems.push(
          `${where}: field ${name} refers to ${value}, but a ${record.sobject} may refer to other records only in ` +
            `${allowed.length > 0 ? allowed.join(' and ') : 'no field'}.`
        );
        continue;
      }
      references.set(name, value.slice(1));
    } else if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
      fields[name] = value as FieldValue;
    } else {
      problems.push(`${where}: field ${name} holds nested records or a list; only flat records are supported.`);
    }
  }
  return { fields, references };
}

function requiredText(fields: SObjectFields, name: string, where: string, problems: string[]): string | null {
  const value = fields[name];
  if (typeof value !== 'string' || value.trim() === '') {
    problems.push(`${where}: ${name} is missing; org:seed finds this record again by it on the next run.`);
    return null;
  }
  return value.trim();
}

/** Keys of the records converted so far, by `<sObject>:<referenceId>`, and the problems found. */
interface Conversion {
  keys: Map<string, string>;
  problems: string[];
}

/** Returns the key of the record that reference `field` names, which must be a record of the plan. */
function resolveReference(
  record: PlanRecord,
  references: Map<string, string>,
  field: string,
  conversion: Conversion,
  required: boolean
): string | null {
  const where = `${record.file} record ${record.referenceId}`;
  const referenceId = references.get(field);
  if (referenceId === undefined) {
    if (required) {
      conversion.problems.push(`${where}: ${field} must refer to a record of the plan, such as "@AccountRef1".`);
    }
    return null;
  }
  const target = REFERENCE_FIELDS[record.sobject][field];
  const key = conversion.keys.get(`${target}:${referenceId}`);
  if (key === undefined) {
    conversion.problems.push(`${where}: ${field} refers to @${referenceId}, which is no ${target} record of the plan.`);
    return null;
  }
  return key;
}

/**
 * Reads `planFile` and its data files into a seed plan. On later runs an account is found again by its Account
 * Number when the record has one, else by its Name. Contacts are found by Email, and opportunities and Cases by Name
 * or Subject within their account. The first `portalUsersPerAccount` contacts of each account get portal users.
 * Throws {@link SeedPlanError} listing every problem.
 */
export function readTreePlan(planFile: string, portalUsersPerAccount: number): SeedPlan {
  const problems: string[] = [];
  const records = readPlanRecords(planFile, problems);
  const seen = new Set<string>();
  for (const record of records) {
    const id = `${record.sobject}:${record.referenceId}`;
    if (seen.has(id)) {
      problems.push(
        `${record.file} record ${record.referenceId}: the referenceId is used by another ${record.sobject}.`
      );
    }
    seen.add(id);
  }

  const conversion: Conversion = { keys: new Map(), problems };
  const plan: SeedPlan = {
    source: `plan ${path.basename(planFile)}`,
    accounts: [],
    contacts: [],
    opportunities: [],
    cases: [],
    stakeholders: [],
    portalUsers: []
  };
  const usedKeys = new Set<string>();
  const addKey = (key: string, where: string, what: string): boolean => {
    if (usedKeys.has(key)) {
      problems.push(`${where}: another record of the plan has the same ${what}; org:seed could not tell them apart.`);
      return false;
    }
    usedKeys.add(key);
    return true;
  };
  const caseOrdinals = new Map<string, number>();

  for (const sobject of PLAN_SOBJECTS) {
    for (const record of records.filter((entry) => entry.sobject === sobject)) {
      const where = `${record.file} record ${record.referenceId}`;
      const { fields, references } = recordFields(record, problems);
      if (sobject === 'Account') {
        const account = toAccount(record, fields, problems);
        if (
          account !== null &&
          addKey(`Account:${account.matchField}:${account.key.toLowerCase()}`, where, account.matchField)
        ) {
          plan.accounts.push(account);
          conversion.keys.set(`Account:${record.referenceId}`, account.key);
        }
        continue;
      }
      const accountKey = resolveReference(record, references, 'AccountId', conversion, true);
      if (sobject === 'Contact') {
        const email = requiredText(fields, 'Email', where, problems);
        if (email !== null && accountKey !== null && addKey(`Contact:${email.toLowerCase()}`, where, 'Email')) {
          plan.contacts.push({ key: email.toLowerCase(), accountKey, label: `Contact ${where}`, fields });
          conversion.keys.set(`Contact:${record.referenceId}`, email.toLowerCase());
        }
      } else if (sobject === 'Opportunity') {
        const name = requiredText(fields, 'Name', where, problems);
        if (name !== null && accountKey !== null && addKey(`Opportunity:${accountKey}\n${name}`, where, 'Name')) {
          plan.opportunities.push({ key: name, accountKey, label: `Opportunity ${where}`, fields });
        }
      } else {
        const subject = requiredText(fields, 'Subject', where, problems);
        const contactKey = resolveReference(record, references, 'ContactId', conversion, false);
        if (subject !== null && accountKey !== null) {
          const counter = `${accountKey}\n${subject}`;
          const ordinal = (caseOrdinals.get(counter) ?? 0) + 1;
          caseOrdinals.set(counter, ordinal);
          plan.cases.push({ key: caseKey(subject, ordinal), accountKey, contactKey, label: `Case ${where}`, fields });
        }
      }
    }
  }
  if (plan.accounts.length === 0 && problems.length === 0) {
    problems.push(
      `${path.basename(planFile)}: the plan has no Account records; org:seed seeds accounts and their records.`
    );
  }
  if (problems.length > 0) {
    throw new SeedPlanError(planFile, problems);
  }
  plan.portalUsers = choosePlanPortalUsers(plan.contacts, portalUsersPerAccount);
  plan.source = `${plan.source} (${plan.accounts.length} accounts)`;
  return plan;
}

function toAccount(record: PlanRecord, fields: SObjectFields, problems: string[]): SeedAccount | null {
  const where = `${record.file} record ${record.referenceId}`;
  const name = requiredText(fields, 'Name', where, problems);
  if (name === null) {
    return null;
  }
  const accountNumber = typeof fields.AccountNumber === 'string' ? fields.AccountNumber.trim() : '';
  const matchField: AccountMatchField = accountNumber === '' ? 'Name' : 'AccountNumber';
  return {
    key: matchField === 'Name' ? name : accountNumber,
    matchField,
    label: `Account ${where} (${name})`,
    fields
  };
}

/** Chooses the first `perAccount` contacts of each account, ordered by rank like the demo plan's portal users. */
function choosePlanPortalUsers(contacts: readonly SeedContact[], perAccount: number): SeedPortalUser[] {
  const ranked: SeedPortalUser[][] = [];
  const countByAccount = new Map<string, number>();
  for (const contact of contacts) {
    const rank = countByAccount.get(contact.accountKey) ?? 0;
    countByAccount.set(contact.accountKey, rank + 1);
    if (rank >= perAccount) {
      continue;
    }
    ranked[rank] ??= [];
    ranked[rank].push({
      contactKey: contact.key,
      accountKey: contact.accountKey,
      firstName: typeof contact.fields.FirstName === 'string' ? contact.fields.FirstName : '',
      lastName: typeof contact.fields.LastName === 'string' ? contact.fields.LastName : contact.key,
      email: String(contact.fields.Email)
    });
  }
  return ranked.flat();
}

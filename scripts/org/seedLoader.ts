/**
 * Writes a seed plan's accounts, contacts, opportunities and Cases to the org. Each record is first looked up by its
 * key. Found records are updated and the others created, in sObject Collections requests of up to 200 records, so a
 * rerun updates the records of an earlier run instead of creating duplicates. A failed record or request is reported
 * with the records involved, and the rest of the plan still loads.
 */
import type { QueryRecord, SeedConnection } from './seedConnection';
import { chunk, COLLECTION_SIZE, errorText, queryIn, text } from './seedConnection';
import type { AccountMatchField, SeedPlan, SObjectFields } from './seedRecords';
import { caseKey } from './seedRecords';

/** Counts and problems of one sObject. */
export interface ObjectLoadResult {
  sobject: string;
  created: number;
  updated: number;
  /** One line per record that failed, naming the record and the error. */
  failures: string[];
  /** Records left out because a record they depend on failed. */
  skipped: string[];
}

/** Outcome of {@link loadSeedPlan}: the counts, and the Ids of the accounts and contacts that now exist. */
export interface LoadResult {
  objects: ObjectLoadResult[];
  accountIds: Map<string, string>;
  contactIds: Map<string, string>;
}

/** A record to write: its key, the label for messages, its fields and the Id of the record found by its key. */
interface WriteItem {
  key: string;
  label: string;
  fields: SObjectFields;
  existingId: string | null;
}

const PLAN_OBJECTS = ['Account', 'Contact', 'Opportunity', 'Case'] as const;

const MATCH_FIELD_LABELS: Readonly<Record<AccountMatchField, string>> = { AccountNumber: 'Number', Name: 'Name' };

/** Fields the loader sets itself from the keys of related records. */
const LOADER_FIELDS: Readonly<Record<string, readonly string[]>> = {
  Account: ['ExecutiveSponsor__c', 'Champion__c'],
  Contact: ['AccountId'],
  Opportunity: ['AccountId'],
  Case: ['AccountId', 'ContactId']
};

/**
 * Checks that every field the plan writes exists in the org and can be created and updated. Returns one problem per
 * field, naming the first record that has it. Runs one describe per sObject.
 */
export async function checkPlanFields(connection: SeedConnection, plan: SeedPlan): Promise<string[]> {
  const recordsByObject: Record<(typeof PLAN_OBJECTS)[number], { label: string; fields: SObjectFields }[]> = {
    Account: plan.accounts,
    Contact: plan.contacts,
    Opportunity: plan.opportunities,
    Case: plan.cases
  };
  const problems: string[] = [];
  for (const sobject of PLAN_OBJECTS) {
    const records = recordsByObject[sobject];
    const linksStakeholders = sobject !== 'Account' || plan.stakeholders.length > 0;
    const extraFields = linksStakeholders ? LOADER_FIELDS[sobject] : [];
    if (records.length === 0) {
      continue;
    }
    const described = new Map(
      (await connection.describeFields(sobject)).map((field) => [field.name.toLowerCase(), field])
    );
    const firstLabel = new Map<string, string>();
    for (const record of records) {
      for (const name of [...Object.keys(record.fields), ...extraFields]) {
        if (!firstLabel.has(name)) {
          firstLabel.set(name, record.label);
        }
      }
    }
    for (const [name, label] of firstLabel) {
      const field = described.get(name.toLowerCase());
      if (field === undefined) {
        problems.push(`${sobject} has no field ${name} in this org (used by ${label}).`);
      } else if (!field.createable || !field.updateable) {
        problems.push(`${sobject} field ${name} cannot be created and updated through the API (used by ${label}).`);
      }
    }
  }
  return problems;
}

/** Creates the items without an Id and updates the others, 200 per request, and returns the Ids by key. */
async function writeItems(
  connection: SeedConnection,
  sobject: string,
  items: readonly WriteItem[],
  result: ObjectLoadResult
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const toCreate = items.filter((item) => item.existingId === null);
  const toUpdate = items.filter((item) => item.existingId !== null);
  for (const [operation, group] of [
    ['create', toCreate],
    ['update', toUpdate]
  ] as const) {
    for (const part of chunk(group, COLLECTION_SIZE)) {
      const records = part.map((item) =>
        operation === 'create' ? item.fields : { ...item.fields, Id: item.existingId }
      );
      try {
        const outcomes =
          operation === 'create'
            ? await connection.create(sobject, records)
            : await connection.update(sobject, records);
        part.forEach((item, index) => {
          const outcome = outcomes[index];
          const id = outcome?.id ?? item.existingId;
          if (outcome?.success && id !== null) {
            ids.set(item.key, id);
            result[operation === 'create' ? 'created' : 'updated'] += 1;
          } else {
            result.failures.push(`${item.label}: ${outcome?.errors.join('; ') || 'no result returned'}`);
          }
        });
      } catch (error) {
        // The whole request failed, for example on an unknown field, so every record of it is reported.
        for (const item of part) {
          result.failures.push(`${item.label}: the ${operation} request failed: ${errorText(error)}`);
        }
      }
    }
  }
  return ids;
}

function newResult(sobject: string): ObjectLoadResult {
  return { sobject, created: 0, updated: 0, failures: [], skipped: [] };
}

/** Maps each key to the Id of its first record in query order (oldest first); records without a key are ignored. */
function firstIdByKey(
  records: readonly QueryRecord[],
  keyOf: (record: QueryRecord) => string | null
): Map<string, string> {
  const ids = new Map<string, string>();
  for (const record of records) {
    const key = keyOf(record);
    const id = text(record, 'Id');
    if (key !== null && id !== null && !ids.has(key)) {
      ids.set(key, id);
    }
  }
  return ids;
}

/** Finds the accounts of earlier runs, with one query per match field and 100 keys, and writes the accounts. */
async function loadAccounts(
  connection: SeedConnection,
  plan: SeedPlan,
  result: ObjectLoadResult
): Promise<Map<string, string>> {
  const existing = new Map<string, string>();
  for (const matchField of ['AccountNumber', 'Name'] as AccountMatchField[]) {
    const keys = plan.accounts.filter((account) => account.matchField === matchField).map((account) => account.key);
    const records = await queryIn(
      connection,
      keys,
      (inList) => `SELECT Id, ${matchField} FROM Account WHERE ${matchField} IN ${inList} ORDER BY CreatedDate, Id`
    );
    for (const [key, id] of firstIdByKey(records, (record) => text(record, matchField)?.toLowerCase() ?? null)) {
      existing.set(`${matchField}:${key}`, id);
    }
  }
  const items = plan.accounts.map((account) => ({
    key: account.key,
    label: account.label,
    fields: account.fields,
    existingId: existing.get(`${account.matchField}:${account.key.toLowerCase()}`) ?? null
  }));
  return writeItems(connection, 'Account', items, result);
}

/** Finds the contacts of earlier runs by Email in the whole org and writes the contacts; returns their Ids by key. */
async function loadContacts(
  connection: SeedConnection,
  plan: SeedPlan,
  accountIds: ReadonlyMap<string, string>,
  result: ObjectLoadResult
): Promise<Map<string, string>> {
  const records = await queryIn(
    connection,
    plan.contacts.map((contact) => contact.key),
    (inList) => `SELECT Id, Email FROM Contact WHERE Email IN ${inList} ORDER BY CreatedDate, Id`
  );
  const existing = firstIdByKey(records, (record) => text(record, 'Email')?.toLowerCase() ?? null);
  const items = childItems(
    plan.contacts,
    accountIds,
    (contact) => existing.get(contact.key) ?? null,
    (_contact, accountId) => ({ AccountId: accountId }),
    result
  );
  const idsByItem = await writeItems(connection, 'Contact', items, result);
  const contactIds = new Map<string, string>();
  for (const contact of plan.contacts) {
    const id = idsByItem.get(`${contact.accountKey}\n${contact.key}`);
    if (id !== undefined) {
      contactIds.set(contact.key, id);
    }
  }
  return contactIds;
}

/** Finds the opportunities of earlier runs by Name within each seeded account and writes the opportunities. */
async function loadOpportunities(
  connection: SeedConnection,
  plan: SeedPlan,
  accountIds: ReadonlyMap<string, string>,
  result: ObjectLoadResult
): Promise<void> {
  const records = await queryIn(
    connection,
    accountIds.values(),
    (inList) => `SELECT Id, AccountId, Name FROM Opportunity WHERE AccountId IN ${inList} ORDER BY CreatedDate, Id`
  );
  const existing = firstIdByKey(records, (record) => `${text(record, 'AccountId')}\n${text(record, 'Name')}`);
  const items = childItems(
    plan.opportunities,
    accountIds,
    (opportunity, accountId) => existing.get(`${accountId}\n${opportunity.key}`) ?? null,
    (_opportunity, accountId) => ({ AccountId: accountId }),
    result
  );
  await writeItems(connection, 'Opportunity', items, result);
}

/**
 * Finds the Cases of earlier runs by Subject and position among the account's Cases of that subject, oldest first,
 * and writes the Cases with their account and contact.
 */
async function loadCases(
  connection: SeedConnection,
  plan: SeedPlan,
  accountIds: ReadonlyMap<string, string>,
  contactIds: ReadonlyMap<string, string>,
  result: ObjectLoadResult
): Promise<void> {
  const records = await queryIn(
    connection,
    accountIds.values(),
    (inList) => `SELECT Id, AccountId, Subject FROM Case WHERE AccountId IN ${inList} ORDER BY CreatedDate, Id`
  );
  const existing = new Map<string, string>();
  for (const [accountId, accountCases] of byAccount(records)) {
    const ordinals = new Map<string, number>();
    for (const record of accountCases) {
      const subject = text(record, 'Subject') ?? '';
      const ordinal = (ordinals.get(subject) ?? 0) + 1;
      ordinals.set(subject, ordinal);
      existing.set(`${accountId}\n${caseKey(subject, ordinal)}`, text(record, 'Id') ?? '');
    }
  }
  const items = childItems(
    plan.cases,
    accountIds,
    (entry, accountId) => existing.get(`${accountId}\n${entry.key}`) ?? null,
    (entry, accountId) => ({
      AccountId: accountId,
      ContactId: entry.contactKey === null ? null : (contactIds.get(entry.contactKey) ?? null)
    }),
    result
  );
  await writeItems(connection, 'Case', items, result);
}

/** Groups child records by their account Id, keeping the query order. */
function byAccount(records: readonly QueryRecord[]): Map<string, QueryRecord[]> {
  const groups = new Map<string, QueryRecord[]>();
  for (const record of records) {
    const accountId = text(record, 'AccountId') ?? '';
    groups.set(accountId, [...(groups.get(accountId) ?? []), record]);
  }
  return groups;
}

/** Builds the write items of child records whose account exists; the others are counted as skipped. */
function childItems<T extends { key: string; accountKey: string; label: string; fields: SObjectFields }>(
  records: readonly T[],
  accountIds: ReadonlyMap<string, string>,
  existingId: (record: T, accountId: string) => string | null,
  extraFields: (record: T, accountId: string) => SObjectFields,
  result: ObjectLoadResult
): WriteItem[] {
  const items: WriteItem[] = [];
  for (const record of records) {
    const accountId = accountIds.get(record.accountKey);
    if (accountId === undefined) {
      result.skipped.push(`${record.label}: its account ${record.accountKey} was not saved.`);
      continue;
    }
    items.push({
      key: `${record.accountKey}\n${record.key}`,
      label: record.label,
      fields: { ...record.fields, ...extraFields(record, accountId) },
      existingId: existingId(record, accountId)
    });
  }
  return items;
}

/** Logs the counts of each sObject, and how many records of an earlier run were found. */
function logCounts(plan: SeedPlan, results: readonly ObjectLoadResult[], log: (line: string) => void): void {
  for (const result of results) {
    log(
      `${result.sobject}: ${result.created} created, ${result.updated} updated` +
        (result.failures.length > 0 ? `, ${result.failures.length} failed` : '') +
        (result.skipped.length > 0 ? `, ${result.skipped.length} skipped` : '') +
        '.'
    );
  }
  const updated = results.reduce((sum, result) => sum + result.updated, 0);
  if (updated > 0) {
    const accountMatch = [...new Set(plan.accounts.map((account) => MATCH_FIELD_LABELS[account.matchField]))];
    log(
      `Found ${updated} records of an earlier seed run by their keys (Account ${accountMatch.join(' or ')}, Contact ` +
        'Email, and Opportunity Name and Case Subject within each account) and updated them instead of creating ' +
        'duplicates.'
    );
  }
}

/**
 * Loads the accounts, contacts, opportunities and Cases of `plan`, then sets each account's executive sponsor and
 * champion. `log` receives one line per sObject and a line that reports how many records of an earlier run were found.
 */
export async function loadSeedPlan(
  connection: SeedConnection,
  plan: SeedPlan,
  log: (line: string) => void
): Promise<LoadResult> {
  const results = ['Account', 'Contact', 'Opportunity', 'Case'].map(newResult);
  const [accounts, contacts, opportunities, cases] = results;

  const accountIds = await loadAccounts(connection, plan, accounts);
  const contactIds = await loadContacts(connection, plan, accountIds, contacts);
  await loadOpportunities(connection, plan, accountIds, opportunities);
  await loadCases(connection, plan, accountIds, contactIds, cases);
  await linkStakeholders(connection, plan, accountIds, contactIds, accounts);

  logCounts(plan, results, log);
  return { objects: results, accountIds, contactIds };
}

/** Sets Executive Sponsor and Champion of each account whose contacts were saved, in collection updates. */
async function linkStakeholders(
  connection: SeedConnection,
  plan: SeedPlan,
  accountIds: ReadonlyMap<string, string>,
  contactIds: ReadonlyMap<string, string>,
  result: ObjectLoadResult
): Promise<void> {
  const items: WriteItem[] = [];
  for (const link of plan.stakeholders) {
    const accountId = accountIds.get(link.accountKey);
    const sponsorId = link.executiveSponsorKey === null ? null : (contactIds.get(link.executiveSponsorKey) ?? null);
    const championId = link.championKey === null ? null : (contactIds.get(link.championKey) ?? null);
    if (accountId === undefined || (sponsorId === null && championId === null)) {
      continue;
    }
    items.push({
      key: link.accountKey,
      label: `Executive sponsor and champion of account ${link.accountKey}`,
      fields: { ExecutiveSponsor__c: sponsorId, Champion__c: championId },
      existingId: accountId
    });
  }
  // These updates touch accounts already counted, so they are counted apart and only failures are reported.
  const links = newResult('Account');
  await writeItems(connection, 'Account', items, links);
  result.failures.push(...links.failures);
}

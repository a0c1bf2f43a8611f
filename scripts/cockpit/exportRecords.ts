/**
 * Records of the org export that the export reader does not keep but the plan, countdown and review methods show. They
 * are the contacts of each account for the sponsor and champion pickers, the record that the renewal date comes from,
 * and the users who can own action items.
 *
 * The export reader reports bad rows and unknown accounts of these files already, so rows that it rejects are left
 * out here without a second report.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { ContactRef } from 'c/planEngine';
import type { ExportConfig, ExportProblem } from '../lib/export';
import { readTable } from '../lib/export/table';
import type { FileSpec, RowReader } from '../lib/export/table';

/** Maximum contacts per account in the pickers, as SuccessPlanSelector.getContacts returns them. */
export const MAX_CONTACTS = 200;

/** Value of RenewalCheckpoint__c.Source__c for a renewal date from an Opportunity. */
export const SOURCE_OPPORTUNITY = 'Opportunity';
/** Value of RenewalCheckpoint__c.Source__c for a renewal date from a Contract. */
export const SOURCE_CONTRACT = 'Contract';

/** A contact of Contact.csv. */
export interface ExportContact extends ContactRef {
  /** Account of the contact; null when blank. */
  accountId: string | null;
}

/** The record an account's renewal date comes from, chosen as RenewalCountdownService.chooseRenewals does. */
export interface RenewalSource {
  /** Renewal date YYYY-MM-DD. */
  renewalDate: string;
  source: typeof SOURCE_OPPORTUNITY | typeof SOURCE_CONTRACT;
  recordId: string;
  /** Name of the Opportunity, or `Contract <ContractNumber>`. */
  name: string;
}

/** A user of User.csv. */
export interface ExportUser {
  id: string;
  name: string;
  /** UserType, such as Standard for an internal user; null when the column is absent or blank. */
  userType: string | null;
  /** Account of a portal user; null for an internal user. */
  accountId: string | null;
  /** IsActive; true when the column is absent. */
  isActive: boolean;
}

/** Contacts, renewal sources and users of an export. */
export interface ExportRecords {
  contactsById: Map<string, ExportContact>;
  /** Contacts of each account by name, then Id, at most MAX_CONTACTS. */
  contactsByAccount: Map<string, ExportContact[]>;
  renewalSources: Map<string, RenewalSource>;
  /** Users by Id; empty without User.csv. */
  usersById: Map<string, ExportUser>;
}

const CONTACT_SPEC: FileSpec = {
  name: 'Contact.csv',
  required: ['Id'],
  optional: ['AccountId', 'Name', 'FirstName', 'LastName', 'Title']
};
const USER_SPEC: FileSpec = {
  name: 'User.csv',
  required: ['Id'],
  optional: ['Name', 'FirstName', 'LastName', 'Username', 'UserType', 'AccountId', 'IsActive']
};
const OPPORTUNITY_SPEC: FileSpec = {
  name: 'Opportunity.csv',
  required: ['Id', 'AccountId', 'CloseDate'],
  optional: ['Name', 'Type', 'StageName', 'IsClosed']
};
const CONTRACT_SPEC: FileSpec = {
  name: 'Contract.csv',
  required: ['Id', 'AccountId', 'EndDate'],
  optional: ['ContractNumber', 'Status']
};

function compareText(left: string, right: string): number {
  if (left === right) {
    return 0;
  }
  return left < right ? -1 : 1;
}

/** Finds a file of the folder by name, without regard to letter case, as the export reader does. */
function findFile(folder: string, entries: string[], name: string): string | null {
  const entry = entries.find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  return entry === undefined ? null : path.join(folder, entry);
}

async function readRows(
  folder: string,
  entries: string[],
  spec: FileSpec,
  handleRow: (row: RowReader) => void
): Promise<void> {
  const file = findFile(folder, entries, spec.name);
  if (file === null) {
    return;
  }
  // The export reader has reported the problems of this file already.
  const ignored: ExportProblem[] = [];
  await readTable(file, { ...spec, name: path.basename(file) }, ignored, handleRow);
}

/**
 * Reads the contacts and the renewal sources of an export folder.
 * @param folder Export folder.
 * @param config Export rules; `renewalOpportunityTypes` names the Opportunity types of renewals.
 * @param accountIds Ids of the export's accounts; rows of other accounts are left out.
 */
export async function readExportRecords(
  folder: string,
  config: ExportConfig,
  accountIds: ReadonlySet<string>
): Promise<ExportRecords> {
  const entries = readdirSync(folder);
  const contactsById = new Map<string, ExportContact>();
  await readRows(folder, entries, CONTACT_SPEC, (row) => {
    const id = row.requiredText('Id');
    const accountId = row.text('AccountId');
    const name =
      row.text('Name') || [row.text('FirstName'), row.text('LastName')].filter((part) => part !== '').join(' ');
    contactsById.set(id, {
      id,
      accountId: accountId === '' ? null : accountId,
      name: name || id,
      title: row.text('Title') || null
    });
  });
  const contactsByAccount = new Map<string, ExportContact[]>();
  for (const contact of contactsById.values()) {
    if (contact.accountId !== null && accountIds.has(contact.accountId)) {
      const list = contactsByAccount.get(contact.accountId) ?? [];
      list.push(contact);
      contactsByAccount.set(contact.accountId, list);
    }
  }
  for (const [accountId, list] of contactsByAccount) {
    list.sort((a, b) => compareText(a.name, b.name) || compareText(a.id, b.id));
    contactsByAccount.set(accountId, list.slice(0, MAX_CONTACTS));
  }
  return {
    contactsById,
    contactsByAccount,
    renewalSources: await readRenewalSources(folder, entries, config, accountIds),
    usersById: await readUsers(folder, entries)
  };
}

/** Reads the users of User.csv by Id. */
async function readUsers(folder: string, entries: string[]): Promise<Map<string, ExportUser>> {
  const users = new Map<string, ExportUser>();
  await readRows(folder, entries, USER_SPEC, (row) => {
    const id = row.requiredText('Id');
    const name =
      row.text('Name') ||
      [row.text('FirstName'), row.text('LastName')].filter((part) => part !== '').join(' ') ||
      row.text('Username');
    users.set(id, {
      id,
      name: name || id,
      userType: row.text('UserType') || null,
      accountId: row.text('AccountId') || null,
      isActive: row.has('IsActive') ? row.bool('IsActive') : true
    });
  });
  return users;
}

/**
 * Chooses each account's renewal source: the open renewal Opportunity that closes first, else the activated Contract
 * that ends last. Unlike the health signals, a Contract that is not activated never gives a renewal date, because
 * the countdown in the org reads activated contracts only.
 */
async function readRenewalSources(
  folder: string,
  entries: string[],
  config: ExportConfig,
  accountIds: ReadonlySet<string>
): Promise<Map<string, RenewalSource>> {
  const renewalTypes = new Set(config.renewalOpportunityTypes.map((type) => type.toLowerCase()));
  const opportunities = new Map<string, RenewalSource>();
  await readRows(folder, entries, OPPORTUNITY_SPEC, (row) => {
    const id = row.requiredText('Id');
    const accountId = row.text('AccountId');
    const closeDate = row.day('CloseDate', true) as string;
    const isClosed = row.has('IsClosed') ? row.bool('IsClosed') : /^closed/i.test(row.text('StageName'));
    if (!accountIds.has(accountId) || isClosed || !renewalTypes.has(row.text('Type').toLowerCase())) {
      return;
    }
    const current = opportunities.get(accountId);
    if (current === undefined || closeDate < current.renewalDate) {
      opportunities.set(accountId, {
        renewalDate: closeDate,
        source: SOURCE_OPPORTUNITY,
        recordId: id,
        name: row.text('Name') || id
      });
    }
  });
  const contracts = new Map<string, RenewalSource>();
  await readRows(folder, entries, CONTRACT_SPEC, (row) => {
    const id = row.requiredText('Id');
    const accountId = row.text('AccountId');
    const endDate = row.day('EndDate', false);
    if (!accountIds.has(accountId) || endDate === null || row.text('Status').toLowerCase() !== 'activated') {
      return;
    }
    const current = contracts.get(accountId);
    if (current === undefined || endDate > current.renewalDate) {
      contracts.set(accountId, {
        renewalDate: endDate,
        source: SOURCE_CONTRACT,
        recordId: id,
        name: `Contract ${row.text('ContractNumber') || id}`
      });
    }
  });
  for (const [accountId, source] of contracts) {
    if (!opportunities.has(accountId)) {
      opportunities.set(accountId, source);
    }
  }
  return opportunities;
}

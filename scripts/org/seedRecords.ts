/**
 * The records `org:seed` writes, and the plan of them built from the offline demo org. Each record carries the key
 * that finds it again on a later run, so a rerun updates it instead of creating a duplicate.
 */
import { formatIsoDate, SECONDS_PER_DAY } from '../demo/calendar';
import type { DemoAccount, DemoCase, DemoContact, DemoOrg } from '../demo/demo-org';

/** A field value as the REST API accepts it. */
export type FieldValue = string | number | boolean | null;

/** Field values of one record, by API name. */
export type SObjectFields = Record<string, FieldValue>;

/** Account field that finds a seeded account again: the Account Number for demo accounts, the Name for a plan. */
export type AccountMatchField = 'AccountNumber' | 'Name';

/** Prefix of the Account Number of every demo account, followed by the account's position in the demo org. */
export const DEMO_ACCOUNT_NUMBER_PREFIX = 'SC-DEMO-';

/** Days of Case history seeded from the demo org. Open Cases are seeded whatever their age. */
export const CASE_HISTORY_DAYS = 90;

/** Type given to the demo accounts, a value of the Account Type picklist of a new org. */
const DEMO_ACCOUNT_TYPE = 'Customer - Direct';

/**
 * Case Status values of the demo org that a new org's Case Status picklist lacks, with the value written instead.
 * A new org has New, Working, Escalated and Closed.
 */
const CASE_STATUS_REPLACEMENTS: Readonly<Record<string, string>> = { 'On Hold': 'Working' };

export interface SeedAccount {
  /** Value of `matchField` that identifies the account. */
  key: string;
  matchField: AccountMatchField;
  /** Names the record in messages, such as `Account SC-DEMO-001 (Quillridge Therapeutics)`. */
  label: string;
  fields: SObjectFields;
}

export interface SeedContact {
  /** Lower-case e-mail address, by which the contact is found again. */
  key: string;
  accountKey: string;
  label: string;
  /** Fields without AccountId, which the loader sets from `accountKey`. */
  fields: SObjectFields;
}

export interface SeedOpportunity {
  /** Opportunity Name, unique within its account. */
  key: string;
  accountKey: string;
  label: string;
  /** Fields without AccountId. */
  fields: SObjectFields;
}

export interface SeedCase {
  /** Subject and position among the account's Cases of that subject, as {@link caseKey} builds it. */
  key: string;
  accountKey: string;
  /** Key of the Case's contact, or null for a Case without contact. */
  contactKey: string | null;
  label: string;
  /** Fields without AccountId and ContactId. */
  fields: SObjectFields;
}

/** The executive sponsor and champion of an account, set after the contacts exist. */
export interface SeedStakeholders {
  accountKey: string;
  executiveSponsorKey: string | null;
  championKey: string | null;
}

/** A contact that gets a Customer Community user. */
export interface SeedPortalUser {
  contactKey: string;
  accountKey: string;
  firstName: string;
  lastName: string;
  email: string;
}

/** Every record one seed run writes, parents before children. */
export interface SeedPlan {
  /** Origin of the records, for the output. */
  source: string;
  accounts: SeedAccount[];
  contacts: SeedContact[];
  opportunities: SeedOpportunity[];
  cases: SeedCase[];
  stakeholders: SeedStakeholders[];
  /** First the first portal user of every account, then the second ones, so a license shortage spreads evenly. */
  portalUsers: SeedPortalUser[];
}

/** Key of the `ordinal`-th Case (1-based) with `subject` on one account, in creation order. */
export function caseKey(subject: string, ordinal: number): string {
  return `${subject} #${ordinal}`;
}

/** Account Number of the demo account at `index` (0-based) in the demo org: `SC-DEMO-001` for the first. */
export function demoAccountNumber(index: number): string {
  return `${DEMO_ACCOUNT_NUMBER_PREFIX}${String(index + 1).padStart(3, '0')}`;
}

/** Options of {@link buildDemoSeedPlan}. */
export interface DemoPlanOptions {
  /** Number of demo accounts, taken in the order of the demo org's Account.csv. */
  accounts: number;
  portalUsersPerAccount: number;
  /** Day the seed runs. Demo dates move by the distance between this day and the demo org's as-of date. */
  today: Date;
}

function dayOf(date: Date): number {
  return Math.floor(date.getTime() / (SECONDS_PER_DAY * 1000));
}

function accountFields(account: DemoAccount): SObjectFields {
  return {
    Name: account.name,
    AccountNumber: demoAccountNumber(account.index),
    Type: DEMO_ACCOUNT_TYPE,
    Industry: account.industry,
    BillingCountry: account.country,
    Segment__c: account.segment,
    LicensedSeats__c: account.licensedSeats,
    AnnualRecurringRevenue__c: account.annualRecurringRevenue,
    DaysPastDue__c: account.daysPastDue
  };
}

function caseFields(entry: DemoCase): SObjectFields {
  return {
    Subject: entry.subject,
    Description: entry.description,
    Status: CASE_STATUS_REPLACEMENTS[entry.status] ?? entry.status,
    Priority: entry.priority,
    Origin: entry.origin,
    Type: entry.type,
    IsEscalated: entry.isEscalated
  };
}

/**
 * Chooses up to `perAccount` portal users of each account from the demo org's active portal users, champion first,
 * and orders them by rank: every account's first user, then every account's second user.
 */
function choosePortalUsers(
  org: DemoOrg,
  accounts: readonly DemoAccount[],
  contactById: ReadonlyMap<string, DemoContact>,
  perAccount: number
): SeedPortalUser[] {
  const ranked: SeedPortalUser[][] = [];
  for (const account of accounts) {
    const contacts = org.users
      .filter((user) => user.isActive && user.contactId !== null && user.accountId === account.id)
      .map((user) => contactById.get(user.contactId ?? ''))
      .filter((contact): contact is DemoContact => contact !== undefined && contact.accountId === account.id);
    const championFirst = [
      ...contacts.filter((contact) => contact.id === account.championId),
      ...contacts.filter((contact) => contact.id !== account.championId)
    ];
    championFirst.slice(0, perAccount).forEach((contact, rank) => {
      ranked[rank] ??= [];
      ranked[rank].push({
        contactKey: contact.email.toLowerCase(),
        accountKey: demoAccountNumber(account.index),
        firstName: contact.firstName,
        lastName: contact.lastName,
        email: contact.email
      });
    });
  }
  return ranked.flat();
}

/**
 * Builds the seed plan of the first `options.accounts` accounts of the demo org: the accounts with their segment,
 * seats, ARR and days past due; their contacts; every opportunity, with the open renewal closing as far after
 * `options.today` as it closed after the demo's as-of date; the Cases created in the last {@link CASE_HISTORY_DAYS}
 * days of the demo history and every open Case; the executive sponsor and champion of each account; and the portal
 * users.
 */
export function buildDemoSeedPlan(org: DemoOrg, options: DemoPlanOptions): SeedPlan {
  const accounts = org.accounts.slice(0, options.accounts);
  const accountByDemoId = new Map(accounts.map((account) => [account.id, account]));
  const keyOfAccount = (demoId: string): string => demoAccountNumber(accountByDemoId.get(demoId)?.index ?? -1);
  const shiftDays = dayOf(options.today) - org.asOfDay;

  const contacts = org.contacts.filter((contact) => accountByDemoId.has(contact.accountId));
  const contactById = new Map(contacts.map((contact) => [contact.id, contact]));
  const contactKeyOf = (demoId: string | null): string | null =>
    demoId === null ? null : (contactById.get(demoId)?.email.toLowerCase() ?? null);

  const caseWindowStart = (org.asOfDay - CASE_HISTORY_DAYS + 1) * SECONDS_PER_DAY;
  const cases = org.cases.filter(
    (entry) => accountByDemoId.has(entry.accountId) && (entry.createdAt >= caseWindowStart || entry.closedAt === null)
  );
  const ordinals = new Map<string, number>();

  return {
    source: `${accounts.length} accounts of the demo org (seed ${org.seed})`,
    accounts: accounts.map((account) => ({
      key: demoAccountNumber(account.index),
      matchField: 'AccountNumber',
      label: `Account ${demoAccountNumber(account.index)} (${account.name})`,
      fields: accountFields(account)
    })),
    contacts: contacts.map((contact) => ({
      key: contact.email.toLowerCase(),
      accountKey: keyOfAccount(contact.accountId),
      label: `Contact ${contact.email}`,
      fields: { FirstName: contact.firstName, LastName: contact.lastName, Email: contact.email, Title: contact.title }
    })),
    opportunities: org.opportunities
      .filter((opportunity) => accountByDemoId.has(opportunity.accountId))
      .map((opportunity) => ({
        key: opportunity.name,
        accountKey: keyOfAccount(opportunity.accountId),
        label: `Opportunity ${opportunity.name}`,
        fields: {
          Name: opportunity.name,
          Type: opportunity.type,
          StageName: opportunity.stageName,
          CloseDate: formatIsoDate(opportunity.closeDay + shiftDays),
          Amount: opportunity.amount
        }
      })),
    cases: cases.map((entry) => {
      const accountKey = keyOfAccount(entry.accountId);
      const counter = `${accountKey}\n${entry.subject}`;
      const ordinal = (ordinals.get(counter) ?? 0) + 1;
      ordinals.set(counter, ordinal);
      return {
        key: caseKey(entry.subject, ordinal),
        accountKey,
        contactKey: contactKeyOf(entry.contactId),
        label: `Case "${caseKey(entry.subject, ordinal)}" of ${accountKey}`,
        fields: caseFields(entry)
      };
    }),
    stakeholders: accounts.map((account) => ({
      accountKey: demoAccountNumber(account.index),
      executiveSponsorKey: contactKeyOf(account.executiveSponsorId),
      championKey: contactKeyOf(account.championId)
    })),
    portalUsers: choosePortalUsers(org, accounts, contactById, options.portalUsersPerAccount)
  };
}

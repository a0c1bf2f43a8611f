import type {
  AccountSignals,
  ActivityFact,
  CaseFact,
  ChampionStatus,
  FeedbackFact,
  ScorePoint,
  UsageDay
} from '../../../force-app/main/health/lwc/healthEngine/types';
import { objectiveFactsOf } from '../../../force-app/main/plans/lwc/planEngine/planEngine';
import type { PlanRecord } from '../../../force-app/main/plans/lwc/planEngine/types';
import { emptyAdoptionData } from './adoptionData';
import type { AdoptionData } from './adoptionData';
import type { RenewalCheckpointRow } from './plans';

/** One row of Account.csv, reduced to the columns the reader uses. */
export interface AccountRecord {
  id: string;
  name: string;
  ownerId: string | null;
  type: string | null;
  industry: string | null;
  segment: string | null;
  licensedSeats: number | null;
  annualRecurringRevenue: number | null;
  executiveSponsorId: string | null;
  championId: string | null;
  daysPastDue: number | null;
}

/** Account facts for lists and reports that the health engine does not score. */
export interface AccountInfo {
  accountId: string;
  name: string;
  ownerId: string | null;
  /** `User.Name` of the owner when User.csv has it. */
  ownerName: string | null;
  /** AnnualRecurringRevenue__c. */
  arr: number | null;
  segment: string | null;
  type: string | null;
  industry: string | null;
  licensedSeats: number | null;
  /** Contact Id of a valid executive sponsor; null when unset, moved or deleted. */
  executiveSponsorId: string | null;
  executiveSponsorName: string | null;
  /** Contact Id of a valid champion; null when unset, moved or deleted. */
  championId: string | null;
  championName: string | null;
}

/** Daily totals of one account. */
export interface UsageTotals {
  activeUsers: number;
  logins: number;
}

/** Distinct users and login count of one account on one day, from LoginHistory. */
export interface LoginDay {
  users: Set<string>;
  logins: number;
}

/** Contact of Contact.csv. */
export interface ContactRecord {
  accountId: string | null;
  name: string;
  title: string | null;
}

/** Contract end dates of one account. */
export interface ContractEnds {
  latestActivated: string | null;
  latestAny: string | null;
}

/** Everything collected from the files of an export, keyed by account Id. */
export interface ExportData {
  accounts: Map<string, AccountRecord>;
  contacts: Map<string, ContactRecord>;
  contactsLoaded: boolean;
  /** User.Name by user Id, for owner names. */
  userNames: Map<string, string>;
  loginHistoryLoaded: boolean;
  dailyUsageLoaded: boolean;
  casesLoaded: boolean;
  activitiesLoaded: boolean;
  feedbackLoaded: boolean;
  /** Accounts with at least one user (portal or mapped internal, integration users excepted) in User.csv. */
  accountsWithUsers: Set<string>;
  loginDays: Map<string, Map<string, LoginDay>>;
  dailyUsage: Map<string, Map<string, UsageTotals>>;
  cases: Map<string, CaseFact[]>;
  activities: Map<string, ActivityFact[]>;
  feedback: Map<string, FeedbackFact[]>;
  /** Earliest CloseDate of an open renewal opportunity. */
  renewalOpportunity: Map<string, string>;
  contractEnds: Map<string, ContractEnds>;
  history: Map<string, ScorePoint[]>;
  /** Ids of completed Tasks, for the playbook Tasks of renewal checkpoints. */
  closedTaskIds: Set<string>;
  /** Success plans with their objectives and milestones, by account Id. */
  plans: Map<string, PlanRecord[]>;
  /** Success plans by plan Id, for the objective and milestone files. */
  plansById: Map<string, PlanRecord>;
  /** Stored renewal checkpoints, by account Id. */
  renewalCheckpoints: Map<string, RenewalCheckpointRow[]>;
  /** Records of the adoption scorecard, the adoption playbooks and the expansion map. */
  adoption: AdoptionData;
}

/** Returns an empty collection for an export about to be read. */
export function emptyExportData(): ExportData {
  const contacts = new Map<string, ContactRecord>();
  return {
    accounts: new Map(),
    contacts,
    contactsLoaded: false,
    userNames: new Map(),
    loginHistoryLoaded: false,
    dailyUsageLoaded: false,
    casesLoaded: false,
    activitiesLoaded: false,
    feedbackLoaded: false,
    accountsWithUsers: new Set(),
    loginDays: new Map(),
    dailyUsage: new Map(),
    cases: new Map(),
    activities: new Map(),
    feedback: new Map(),
    renewalOpportunity: new Map(),
    contractEnds: new Map(),
    history: new Map(),
    closedTaskIds: new Set(),
    plans: new Map(),
    plansById: new Map(),
    renewalCheckpoints: new Map(),
    adoption: emptyAdoptionData(contacts)
  };
}

/**
 * Returns the contact Id when it is a valid role holder for the account: set, and, when Contact.csv was exported,
 * a contact of that same account. Without Contact.csv the field value is trusted.
 */
export function validRoleContact(data: ExportData, accountId: string, contactId: string | null): string | null {
  if (contactId === null) return null;
  if (!data.contactsLoaded) return contactId;
  return data.contacts.get(contactId)?.accountId === accountId ? contactId : null;
}

/** Appends `value` to the list stored under `key`. */
export function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** Orders ISO dates (or any text) ascending, for `Array.prototype.sort`. */
export function compareText(first: string, second: string): number {
  if (first < second) return -1;
  return first > second ? 1 : 0;
}

function byDate<T extends { date: string }>(first: T, second: T): number {
  return compareText(first.date, second.date);
}

/**
 * Builds the usage of one account. Null means no usage source covers the account: the export has neither
 * LoginHistory nor DailyUsage__c, or it has LoginHistory but no user of the account and no DailyUsage__c rows.
 * Activity from both sources is summed per day, so a user active in both is counted twice in `activeUsers`.
 */
function buildUsage(data: ExportData, accountId: string): UsageDay[] | null {
  if (!data.loginHistoryLoaded && !data.dailyUsageLoaded) return null;
  const usageRows = data.dailyUsage.get(accountId);
  if (data.loginHistoryLoaded && !data.accountsWithUsers.has(accountId) && usageRows === undefined) return null;

  const days = new Map<string, UsageDay>();
  for (const [date, login] of data.loginDays.get(accountId) ?? []) {
    days.set(date, { date, activeUsers: login.users.size, logins: login.logins });
  }
  for (const [date, totals] of usageRows ?? []) {
    const day = days.get(date);
    if (day === undefined) days.set(date, { date, activeUsers: totals.activeUsers, logins: totals.logins });
    else {
      day.activeUsers += totals.activeUsers;
      day.logins += totals.logins;
    }
  }
  return [...days.values()].sort(byDate);
}

/**
 * Renewal date: the earliest CloseDate of an open renewal opportunity, else the latest EndDate of an activated
 * contract, else the latest EndDate of any contract, else null.
 */
function buildRenewalDate(data: ExportData, accountId: string): string | null {
  const opportunity = data.renewalOpportunity.get(accountId);
  if (opportunity !== undefined) return opportunity;
  const contracts = data.contractEnds.get(accountId);
  return contracts?.latestActivated ?? contracts?.latestAny ?? null;
}

function buildAttributes(account: AccountRecord): Record<string, string> {
  const attributes: Record<string, string> = {};
  if (account.segment !== null) attributes.Segment__c = account.segment;
  if (account.type !== null) attributes.Type = account.type;
  if (account.industry !== null) attributes.Industry = account.industry;
  return attributes;
}

/**
 * Returns the champion status of an account: None when Champion__c is blank, Gone when it names a contact missing from
 * Contact.csv or on another account, Present otherwise. Without Contact.csv a named champion cannot be checked, so the
 * status is left out.
 */
function championStatusOf(
  data: ExportData,
  account: AccountRecord,
  validChampionId: string | null
): ChampionStatus | null {
  if (account.championId === null) return 'None';
  if (!data.contactsLoaded) return null;
  return validChampionId === null ? 'Gone' : 'Present';
}

/** Accounts whose sponsor or champion field names a contact that is not theirs, for one notice per role. */
interface InvalidRoles {
  executiveSponsor: string[];
  champion: string[];
}

function roleNotice(field: string, role: string, names: string[]): string {
  const examples = names.slice(0, 3).join(', ');
  const more = names.length > 3 ? ` and ${names.length - 3} more` : '';
  const subject = names.length === 1 ? '1 account has' : `${names.length} accounts have`;
  return (
    `Account.csv: ${subject} ${field} pointing to a contact that is missing from Contact.csv or belongs to ` +
    `another account (moved or deleted): ${examples}${more}. They count as having no ${role}; update ${field}.`
  );
}

/** Signals of every account in Account.csv order, their extra facts, and notices about sponsor and champion fields. */
export function buildAccountSignals(data: ExportData): {
  accounts: AccountSignals[];
  accountInfo: Map<string, AccountInfo>;
  notices: string[];
} {
  const accounts: AccountSignals[] = [];
  const accountInfo = new Map<string, AccountInfo>();
  const invalid: InvalidRoles = { executiveSponsor: [], champion: [] };

  for (const account of data.accounts.values()) {
    const sponsorId = validRoleContact(data, account.id, account.executiveSponsorId);
    const championId = validRoleContact(data, account.id, account.championId);
    if (account.executiveSponsorId !== null && sponsorId === null) invalid.executiveSponsor.push(account.name);
    if (account.championId !== null && championId === null) invalid.champion.push(account.name);
    const championStatus = championStatusOf(data, account, championId);

    const signals: AccountSignals = {
      accountId: account.id,
      accountName: account.name,
      attributes: buildAttributes(account),
      licensedSeats: account.licensedSeats,
      usage: buildUsage(data, account.id),
      cases: data.casesLoaded ? (data.cases.get(account.id) ?? []) : null,
      activities: data.activitiesLoaded ? [...(data.activities.get(account.id) ?? [])].sort(byDate) : null,
      hasExecutiveSponsor: sponsorId !== null,
      hasChampion: championId !== null,
      feedback: data.feedbackLoaded ? [...(data.feedback.get(account.id) ?? [])].sort(byDate) : null,
      objectives: objectiveFactsOf(data.plans.get(account.id) ?? []),
      renewalDate: buildRenewalDate(data, account.id),
      daysPastDue: account.daysPastDue
    };
    if (championStatus !== null) signals.championStatus = championStatus;
    accounts.push(signals);

    accountInfo.set(account.id, {
      accountId: account.id,
      name: account.name,
      ownerId: account.ownerId,
      ownerName: account.ownerId === null ? null : (data.userNames.get(account.ownerId) ?? null),
      arr: account.annualRecurringRevenue,
      segment: account.segment,
      type: account.type,
      industry: account.industry,
      licensedSeats: account.licensedSeats,
      executiveSponsorId: sponsorId,
      executiveSponsorName: sponsorId === null ? null : (data.contacts.get(sponsorId)?.name ?? null),
      championId,
      championName: championId === null ? null : (data.contacts.get(championId)?.name ?? null)
    });
  }

  const notices: string[] = [];
  if (invalid.executiveSponsor.length > 0) {
    notices.push(roleNotice('ExecutiveSponsor__c', 'executive sponsor', invalid.executiveSponsor));
  }
  if (invalid.champion.length > 0) notices.push(roleNotice('Champion__c', 'champion', invalid.champion));
  return { accounts, accountInfo, notices };
}

/**
 * Builds a year of support Cases per account: a steady trickle shaped by segment and story, plus the P1 spike of the
 * case-spike accounts and the open high-priority cases of the at-risk renewals.
 */

import { businessMoment, dayOfWeek, SECONDS_PER_DAY } from './calendar';
import type { DemoAccount, DemoCase, DemoContact, DemoContext, Segment } from './demo-org';
import { compareCodeUnits } from './ordering';
import type { Random } from './random';
import { BAD_QUARTER_END, BAD_QUARTER_START, CASE_SPIKE_DAYS } from './stories';
import { CASE_DESCRIPTIONS_MULTILINE, CASE_DESCRIPTIONS_SHORT, CASE_SUBJECTS } from './word-lists';

/** Priority outside the standard picklist, left in a few cases so that the reader reports it. */
export const UNMAPPED_PRIORITY = 'Urgent';
const UNMAPPED_PRIORITY_CASES = 2;

type Priority = 'Critical' | 'High' | 'Medium' | 'Low';

const NORMAL_PRIORITIES: readonly (readonly [Priority, number])[] = [
  ['Low', 34],
  ['Medium', 50],
  ['High', 14],
  ['Critical', 2]
];
const TROUBLED_PRIORITIES: readonly (readonly [Priority, number])[] = [
  ['Low', 20],
  ['Medium', 45],
  ['High', 28],
  ['Critical', 7]
];
/** New cases per month of an account in each segment, before its story changes the rate. */
const MONTHLY_CASE_RATES: Readonly<Record<Segment, number>> = { Enterprise: 1.6, 'Mid-Market': 0.9, SMB: 0.45 };
const ESCALATION_CHANCE: Readonly<Record<Priority, number>> = { Critical: 0.5, High: 0.25, Medium: 0.04, Low: 0.01 };

type PendingCase = Omit<DemoCase, 'id' | 'caseNumber' | 'priority'> & { priority: string };

/**
 * Builds every Case, sorted by creation time, with Ids and case numbers in that order.
 * @param context dates, random stream and Id factory of the run
 */
export function buildCases(
  context: DemoContext,
  accounts: readonly DemoAccount[],
  contacts: readonly DemoContact[]
): DemoCase[] {
  const random = context.random.fork('cases');
  const contactsByAccount = new Map<string, DemoContact[]>();
  for (const contact of contacts) {
    const list = contactsByAccount.get(contact.originalAccountId) ?? [];
    list.push(contact);
    contactsByAccount.set(contact.originalAccountId, list);
  }

  const pending: PendingCase[] = [];
  for (const account of accounts) {
    const accountRandom = random.fork(account.id);
    const accountContacts = contactsByAccount.get(account.id) ?? [];
    pending.push(...ordinaryCases(context, accountRandom, account, accountContacts));
    pending.push(...storyCases(context, accountRandom.fork('story'), account, accountContacts));
  }

  pending.sort(
    (first, second) => first.createdAt - second.createdAt || compareCodeUnits(first.accountId, second.accountId)
  );
  addDescriptions(random.fork('descriptions'), pending);
  addUnmappedPriority(random.fork('unmapped-priority'), pending, accounts);

  return pending.map((entry, index) => ({
    id: context.ids.next('Case'),
    caseNumber: String(1001 + index).padStart(8, '0'),
    ...entry
  }));
}

function monthlyCaseRate(account: DemoAccount): number {
  const base = MONTHLY_CASE_RATES[account.segment];
  return account.story === 'Steady' ? base * 0.6 : base;
}

/** Multiplier of the account's case rate on a day, and whether the cases of that day skew to high priority. */
function caseClimate(account: DemoAccount, day: number, asOfDay: number): { rate: number; troubled: boolean } {
  const daysBefore = asOfDay - day;
  switch (account.story) {
    case 'Recovering':
      return daysBefore <= BAD_QUARTER_START && daysBefore > BAD_QUARTER_END
        ? { rate: 3, troubled: true }
        : { rate: 1, troubled: false };
    case 'RenewalAtRisk':
      return daysBefore <= 120 ? { rate: 2.2, troubled: true } : { rate: 1, troubled: false };
    case 'Onboarding':
      return { rate: day < (account.storyDay ?? asOfDay) ? 0 : 1.8, troubled: false };
    case 'CaseSpike':
      // A quiet year makes the spike stand out; the spike itself comes from storyCases.
      return { rate: 0.7, troubled: false };
    default:
      return { rate: 1, troubled: false };
  }
}

function ordinaryCases(
  context: DemoContext,
  random: Random,
  account: DemoAccount,
  contacts: readonly DemoContact[]
): PendingCase[] {
  const cases: PendingCase[] = [];
  const firstDay = Math.max(context.historyStartDay, account.customerSinceDay);
  for (let day = firstDay; day <= context.asOfDay; day++) {
    const climate = caseClimate(account, day, context.asOfDay);
    const weekday = dayOfWeek(day);
    const weekendFactor = weekday === 0 || weekday === 6 ? 0.25 : 1;
    if (!random.chance((monthlyCaseRate(account) / 30.4) * climate.rate * weekendFactor)) {
      continue;
    }
    const priority = random.pickWeighted(climate.troubled ? TROUBLED_PRIORITIES : NORMAL_PRIORITIES);
    cases.push(newCase(context, random, account, contacts, day, priority, resolutionDays(random, priority)));
  }
  return cases;
}

function storyCases(
  context: DemoContext,
  random: Random,
  account: DemoAccount,
  contacts: readonly DemoContact[]
): PendingCase[] {
  const cases: PendingCase[] = [];
  if (account.story === 'CaseSpike') {
    const count = random.int(5, 8);
    for (let index = 0; index < count; index++) {
      const day = context.asOfDay - random.int(0, CASE_SPIKE_DAYS - 1);
      const priority: Priority = random.chance(0.35) ? 'Critical' : 'High';
      // Spike cases are hard: the first two are still open at the export, the others took days to close.
      const daysToClose = index < 2 ? random.int(CASE_SPIKE_DAYS + 1, 60) : random.int(1, 10);
      cases.push(newCase(context, random, account, contacts, day, priority, daysToClose, 0.45));
    }
  }
  if (account.story === 'RenewalAtRisk') {
    for (let index = 0; index < 2; index++) {
      const day = context.asOfDay - random.int(4, 40);
      cases.push(newCase(context, random, account, contacts, day, 'High', random.int(60, 90)));
    }
  }
  return cases;
}

function resolutionDays(random: Random, priority: Priority): number {
  if (random.chance(0.05)) {
    return random.int(20, 60);
  }
  switch (priority) {
    case 'Critical':
      return random.int(0, 3);
    case 'High':
      return random.int(0, 7);
    case 'Medium':
      return random.int(1, 14);
    default:
      return random.int(1, 21);
  }
}

function newCase(
  context: DemoContext,
  random: Random,
  account: DemoAccount,
  contacts: readonly DemoContact[],
  day: number,
  priority: Priority,
  daysToClose: number,
  escalationChance = ESCALATION_CHANCE[priority]
): PendingCase {
  const createdAt = Math.min(
    businessMoment(random, day, account.utcOffsetHours),
    context.exportAt - random.int(600, 7200)
  );
  const closeAt = createdAt + daysToClose * SECONDS_PER_DAY + random.int(1800, 8 * 3600);
  const isOpen = closeAt > context.exportAt;
  const isEscalatedCase = random.chance(escalationChance);
  // Some orgs mark escalation only with the Status value and leave the IsEscalated checkbox unset.
  const escalatedByStatusOnly = isEscalatedCase && isOpen && random.chance(0.5);

  let status = 'Closed';
  if (escalatedByStatusOnly) {
    status = 'Escalated';
  } else if (isOpen) {
    const ageDays = (context.exportAt - createdAt) / SECONDS_PER_DAY;
    if (ageDays < 2) {
      status = 'New';
    } else {
      status = random.chance(0.15) ? 'On Hold' : 'Working';
    }
  }

  const problemSubjects = CASE_SUBJECTS.filter((entry) => entry.type === 'Problem');
  const subject =
    priority === 'Critical' || priority === 'High' ? random.pick(problemSubjects) : random.pick(CASE_SUBJECTS);
  const reachable = contacts.filter((contact) => contact.movedOnDay === null || day < contact.movedOnDay);

  return {
    accountId: account.id,
    contactId: reachable.length > 0 ? random.pick(reachable).id : null,
    createdAt,
    closedAt: isOpen ? null : closeAt,
    isEscalated: isEscalatedCase && !escalatedByStatusOnly,
    status,
    priority,
    origin: random.pickWeighted([
      ['Web', 45],
      ['Email', 35],
      ['Phone', 20]
    ]),
    type: subject.type,
    subject: subject.subject,
    description: null
  };
}

/** Gives most cases no description, some a short one, and a few high-priority ones multi-line text with quotes. */
function addDescriptions(random: Random, cases: PendingCase[]): void {
  for (const entry of cases) {
    if (random.chance(0.12)) {
      entry.description = random.pick(CASE_DESCRIPTIONS_SHORT);
    }
  }
  const urgentCases = random.shuffle(
    cases.filter((entry) => entry.priority === 'High' || entry.priority === 'Critical')
  );
  CASE_DESCRIPTIONS_MULTILINE.forEach((description, index) => {
    const target = urgentCases[index];
    if (target) {
      target.description = description;
    }
  });
}

function addUnmappedPriority(random: Random, cases: PendingCase[], accounts: readonly DemoAccount[]): void {
  const typicalAccounts = new Set(
    accounts.filter((account) => account.story === 'Typical').map((account) => account.id)
  );
  const candidates = cases.filter((entry) => typicalAccounts.has(entry.accountId) && entry.priority === 'Medium');
  for (const target of random.shuffle(candidates).slice(0, UNMAPPED_PRIORITY_CASES)) {
    target.priority = UNMAPPED_PRIORITY;
  }
}

/**
 * Builds the CSMs' Tasks and Events with each account's contacts. The cadence depends on the contact's role and the
 * account's story: a silent sponsor's meetings stop months ago, a declining account's champion stops responding.
 */

import { businessMoment, SECONDS_PER_DAY, workdayOnOrBefore } from './calendar';
import type {
  ContactRole,
  DemoAccount,
  DemoContact,
  DemoContext,
  DemoEvent,
  DemoOpportunity,
  DemoTask
} from './demo-org';
import { compareCodeUnits } from './ordering';
import type { Random } from './random';
import { BAD_QUARTER_END, BAD_QUARTER_START } from './stories';
import { EVENT_SUBJECTS, TASK_SUBJECTS } from './word-lists';

/** The CSMs' Tasks, not yet numbered, and their Events in the order of Event.csv. */
export interface ActivityRecords {
  /** Tasks without Ids; `numberTasks` merges them with the playbook Tasks and gives every Task its Id. */
  tasks: PendingTask[];
  events: DemoEvent[];
}

/** Minimum days since the last activity with the champion of a declining account. */
export const DECLINING_CHAMPION_SILENCE_DAYS = 45;

/** Chance that an activity with a contact of this role is a meeting (Event) rather than a call or e-mail (Task). */
const EVENT_SHARE: Readonly<Record<ContactRole, number>> = { ExecutiveSponsor: 0.55, Champion: 0.3, Other: 0.25 };

/** A Task before it gets its Id. */
export type PendingTask = Omit<DemoTask, 'id'>;
type PendingEvent = Omit<DemoEvent, 'id'>;

interface AccountActivities {
  tasks: PendingTask[];
  events: PendingEvent[];
}

/**
 * Builds every Task and Event of the CSMs. Events are sorted by creation time with Ids in that order; Tasks get theirs
 * from `numberTasks`.
 * @param context dates, random stream and Id factory of the run
 */
export function buildActivities(
  context: DemoContext,
  accounts: readonly DemoAccount[],
  contacts: readonly DemoContact[],
  opportunities: readonly DemoOpportunity[]
): ActivityRecords {
  const random = context.random.fork('activities');
  const openRenewals = new Map(
    opportunities
      .filter((entry) => entry.type === 'Renewal' && !entry.isClosed)
      .map((entry) => [entry.accountId, entry.id])
  );
  const tasks: PendingTask[] = [];
  const events: PendingEvent[] = [];
  for (const account of accounts) {
    const accountContacts = contacts.filter((contact) => contact.originalAccountId === account.id);
    const result = accountActivities(
      context,
      random.fork(account.id),
      account,
      accountContacts,
      openRenewals.get(account.id)
    );
    tasks.push(...result.tasks);
    events.push(...result.events);
  }

  events.sort(
    (first, second) => first.createdAt - second.createdAt || compareCodeUnits(first.accountId, second.accountId)
  );
  return { tasks, events: events.map((entry) => ({ id: context.ids.next('Event'), ...entry })) };
}

/**
 * Sorts Tasks by creation time and gives them Ids in that order, as an org would have.
 * @returns the Tasks in the order of Task.csv, and the Id given to each pending Task
 */
export function numberTasks(
  context: DemoContext,
  pending: readonly PendingTask[]
): { tasks: DemoTask[]; idOf: Map<PendingTask, string> } {
  // The sort is stable, so Tasks created in the same second keep the order in which they were built.
  const sorted = [...pending].sort(
    (first, second) => first.createdAt - second.createdAt || compareCodeUnits(first.accountId, second.accountId)
  );
  const idOf = new Map<PendingTask, string>();
  const tasks = sorted.map((entry) => {
    const id = context.ids.next('Task');
    idOf.set(entry, id);
    return { id, ...entry };
  });
  return { tasks, idOf };
}

/** Returns workdays from `firstDay` to `lastDay`, spaced by random gaps of `minGap` to `maxGap` days. */
function cadence(random: Random, firstDay: number, lastDay: number, minGap: number, maxGap: number): number[] {
  const days: number[] = [];
  for (let day = firstDay + random.int(0, maxGap); day <= lastDay; day += random.int(minGap, maxGap)) {
    const workday = workdayOnOrBefore(day);
    if (workday >= firstDay) {
      days.push(workday);
    }
  }
  return days;
}

/** Days of the completed activities with each role, by the account's story. */
function activityDays(context: DemoContext, random: Random, account: DemoAccount, role: ContactRole): number[] {
  const asOf = context.asOfDay;
  const start =
    account.story === 'Onboarding'
      ? (account.storyDay ?? asOf)
      : Math.max(context.historyStartDay, account.customerSinceDay);
  if (role === 'ExecutiveSponsor') {
    switch (account.story) {
      case 'SilentSponsor': {
        const lastContact = workdayOnOrBefore(account.storyDay ?? asOf);
        return [...cadence(random, start, lastContact - 30, 40, 95), lastContact];
      }
      case 'Onboarding':
        return [start, ...cadence(random, start + 25, asOf, 25, 45)];
      case 'RenewalAtRisk':
        return cadence(random, start, asOf, 30, 60);
      case 'Recovering':
        // The bad quarter brought the sponsor to the table every few weeks.
        return [
          ...cadence(random, start, asOf - BAD_QUARTER_START, 40, 95),
          ...cadence(random, asOf - BAD_QUARTER_START, asOf - BAD_QUARTER_END, 14, 25),
          ...cadence(random, asOf - BAD_QUARTER_END + 20, asOf, 40, 70)
        ];
      default:
        return cadence(random, start, asOf, 40, 95);
    }
  }
  if (role === 'Champion') {
    switch (account.story) {
      case 'Declining':
        return cadence(random, start, asOf - random.int(DECLINING_CHAMPION_SILENCE_DAYS, 60), 10, 28);
      case 'ChampionGone':
        return cadence(random, start, (account.storyDay ?? asOf) - random.int(1, 10), 10, 28);
      case 'Onboarding': {
        const weekly = [0, 7, 14, 21, 28, 35].map((offset) => workdayOnOrBefore(start + offset + 2));
        return [...weekly, ...cadence(random, start + 42, asOf, 10, 20)];
      }
      case 'Steady':
        return cadence(random, start, asOf, 7, 21);
      default:
        return cadence(random, start, asOf, 10, 30);
    }
  }
  if (account.story === 'Onboarding') {
    return [workdayOnOrBefore(start + random.int(7, 30))];
  }
  return random.chance(0.6) ? cadence(random, start, asOf, 45, 120) : [];
}

function taskType(subject: string): string {
  const lower = subject.toLowerCase();
  if (lower.includes('call')) {
    return 'Call';
  }
  return lower.includes('email') || lower.includes('sent') ? 'Email' : 'Other';
}

function accountActivities(
  context: DemoContext,
  random: Random,
  account: DemoAccount,
  contacts: readonly DemoContact[],
  renewalId: string | undefined
): AccountActivities {
  const result: AccountActivities = { tasks: [], events: [] };
  const whatIdFor = (subject: string): string => (subject.includes('Renewal') && renewalId ? renewalId : account.id);
  const cappedMoment = (day: number): number =>
    Math.min(businessMoment(random, day, account.utcOffsetHours), context.exportAt - random.int(600, 7200));

  const addTask = (whoId: string | null, subject: string, day: number, status: string): void => {
    result.tasks.push({
      whoId,
      whatId: whatIdFor(subject),
      accountId: account.id,
      ownerId: account.ownerId,
      subject,
      type: taskType(subject),
      activityDay: day,
      createdAt: cappedMoment(Math.min(day - random.int(0, 3), context.asOfDay)),
      status,
      isClosed: status === 'Completed'
    });
  };
  const addEvent = (whoId: string | null, subject: string, day: number): void => {
    // Meetings start on the hour or half hour between 09:00 and 16:00 local time.
    const localStart = 9 * 3600 + random.int(0, 14) * 1800;
    result.events.push({
      whoId,
      whatId: whatIdFor(subject),
      accountId: account.id,
      ownerId: account.ownerId,
      subject,
      activityDay: day,
      startAt: day * SECONDS_PER_DAY + localStart - account.utcOffsetHours * 3600,
      durationMinutes: subject.includes('business review') ? 90 : random.pick([30, 45, 60]),
      createdAt: cappedMoment(Math.min(day - random.int(2, 21), context.asOfDay))
    });
  };

  for (const contact of contacts) {
    for (const day of activityDays(context, random, account, contact.role)) {
      if (random.chance(EVENT_SHARE[contact.role])) {
        addEvent(contact.id, random.pick(EVENT_SUBJECTS[contact.role]), day);
      } else {
        addTask(contact.id, random.pick(TASK_SUBJECTS[contact.role]), day, 'Completed');
      }
    }
  }

  const internalNotes = random.int(0, 2);
  for (let note = 0; note < internalNotes; note++) {
    addTask(null, 'Internal account review', workdayOnOrBefore(context.asOfDay - random.int(1, 300)), 'Completed');
  }

  // Work still ahead, which the reader must not count as contact made.
  const champion = contacts.find((contact) => contact.id === account.championId && contact.movedOnDay === null);
  const sponsor = contacts.find((contact) => contact.id === account.executiveSponsorId);
  if (random.chance(0.3)) {
    addTask(champion?.id ?? null, 'Follow-up email', context.asOfDay + random.int(1, 14), 'Not Started');
  }
  if (random.chance(0.1)) {
    addTask(champion?.id ?? null, 'Check-in call', context.asOfDay - random.int(3, 30), 'In Progress');
  }
  if (random.chance(0.25)) {
    const invitesSponsor = sponsor && account.story !== 'SilentSponsor' && random.chance(0.4);
    const attendee = invitesSponsor ? sponsor : champion;
    addEvent(attendee?.id ?? null, 'Quarterly business review', workdayOnOrBefore(context.asOfDay + random.int(4, 35)));
  }
  return result;
}

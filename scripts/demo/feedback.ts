/**
 * Builds Feedback__c rows: two NPS survey waves, CSAT answers after closed Cases and the CSMs' monthly pulse, each
 * score drawn around the account's sentiment on that day.
 */

import { addMonths, dayOfEpochSeconds, parseIsoDate, workdayOnOrBefore } from './calendar';
import type { DemoAccount, DemoCase, DemoContact, DemoContext, DemoFeedback, FeedbackType } from './demo-org';
import type { Random } from './random';
import { sentimentLevel } from './stories';
import { FEEDBACK_COMMENTS, FEEDBACK_THEMES } from './word-lists';

/** First days of the relationship NPS survey waves; each wave collects answers over two weeks. */
const NPS_WAVES = ['2026-03-09', '2026-09-08'] as const;
const CSAT_RESPONSE_RATE = 0.35;
/** Share of months in which a CSM records a pulse for an account. */
const PULSE_RATE = 0.85;

/** Order of the types among one account's rows of the same day. */
const FEEDBACK_TYPE_ORDER: Readonly<Record<FeedbackType, number>> = { NPS: 0, CSAT: 1, 'CSM Pulse': 2 };

type PendingFeedback = Omit<DemoFeedback, 'id'> & { order: number };

/**
 * Builds every feedback row, sorted by response date, with Ids in that order.
 * @param context dates, random stream and Id factory of the run
 */
export function buildFeedback(
  context: DemoContext,
  accounts: readonly DemoAccount[],
  contacts: readonly DemoContact[],
  cases: readonly DemoCase[]
): DemoFeedback[] {
  const random = context.random.fork('feedback');
  const pending: PendingFeedback[] = [];
  const closedCasesByAccount = new Map<string, DemoCase[]>();
  for (const entry of cases) {
    if (entry.closedAt !== null) {
      const list = closedCasesByAccount.get(entry.accountId) ?? [];
      list.push(entry);
      closedCasesByAccount.set(entry.accountId, list);
    }
  }

  for (const account of accounts) {
    if (!account.hasFeedback) {
      continue;
    }
    const accountRandom = random.fork(account.id);
    const accountContacts = contacts.filter((contact) => contact.originalAccountId === account.id);
    pending.push(...npsAnswers(context, accountRandom.fork('nps'), account, accountContacts));
    pending.push(
      ...csatAnswers(context, accountRandom.fork('csat'), account, closedCasesByAccount.get(account.id) ?? [])
    );
    pending.push(...pulseRatings(context, accountRandom.fork('pulse'), account));
  }

  pending.sort((first, second) => first.responseDay - second.responseDay || first.order - second.order);
  return pending.map(({ order: _order, ...entry }) => ({ id: context.ids.next('Feedback'), ...entry }));
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function commentFor(random: Random, share: number): string {
  if (share >= 0.7) {
    return random.pick(FEEDBACK_COMMENTS.positive);
  }
  return share >= 0.45 ? random.pick(FEEDBACK_COMMENTS.neutral) : random.pick(FEEDBACK_COMMENTS.negative);
}

function row(
  account: DemoAccount,
  type: FeedbackType,
  score: number,
  responseDay: number,
  theme: string | null,
  comment: string | null
): PendingFeedback {
  const order = account.index * 3 + FEEDBACK_TYPE_ORDER[type];
  return { accountId: account.id, type, score, responseDay, theme, comment, order };
}

function npsAnswers(
  context: DemoContext,
  random: Random,
  account: DemoAccount,
  contacts: readonly DemoContact[]
): PendingFeedback[] {
  const answers: PendingFeedback[] = [];
  for (const wave of NPS_WAVES) {
    const waveStart = parseIsoDate(wave);
    // Only customers of at least two months are surveyed.
    if (waveStart < account.customerSinceDay + 60 || waveStart > context.asOfDay) {
      continue;
    }
    const reachable = contacts.filter((contact) => contact.movedOnDay === null || contact.movedOnDay > waveStart);
    const respondents = random.shuffle(reachable).slice(0, random.int(1, 3));
    for (let index = 0; index < respondents.length; index++) {
      const day = Math.min(waveStart + random.int(0, 13), context.asOfDay);
      const sentiment = sentimentLevel(account, day, context.asOfDay);
      const score = clamp(Math.round(random.normal(2 + 8 * sentiment, 1.2)), 0, 10);
      const hasComment = random.chance(0.4);
      answers.push(
        row(
          account,
          'NPS',
          score,
          day,
          hasComment ? random.pick(FEEDBACK_THEMES) : null,
          hasComment ? commentFor(random, score / 10) : null
        )
      );
    }
  }
  return answers;
}

function csatAnswers(
  context: DemoContext,
  random: Random,
  account: DemoAccount,
  closedCases: readonly DemoCase[]
): PendingFeedback[] {
  const answers: PendingFeedback[] = [];
  for (const entry of closedCases) {
    if (entry.closedAt === null || !random.chance(CSAT_RESPONSE_RATE)) {
      continue;
    }
    const day = Math.min(dayOfEpochSeconds(entry.closedAt) + random.int(0, 3), context.asOfDay);
    const penalty = entry.priority === 'High' || entry.priority === 'Critical' ? 0.4 : 0;
    const stars = clamp(
      Math.round(random.normal(1 + 4 * sentimentLevel(account, day, context.asOfDay) - penalty, 0.8)),
      1,
      5
    );
    const score = (stars - 1) * 25;
    answers.push(
      row(account, 'CSAT', score, day, 'Support', random.chance(0.2) ? commentFor(random, score / 100) : null)
    );
  }
  return answers;
}

function pulseRatings(context: DemoContext, random: Random, account: DemoAccount): PendingFeedback[] {
  const ratings: PendingFeedback[] = [];
  const firstDay = Math.max(context.historyStartDay, account.customerSinceDay);
  // CSMs rate each account near the end of the month, on a workday in its last week.
  for (let monthStart = context.historyStartDay; monthStart <= context.asOfDay; monthStart = addMonths(monthStart, 1)) {
    const monthEnd = Math.min(addMonths(monthStart, 1) - 1, context.asOfDay);
    const day = workdayOnOrBefore(monthEnd - random.int(0, 5));
    if (day < firstDay || !random.chance(PULSE_RATE)) {
      continue;
    }
    const sentiment = sentimentLevel(account, day, context.asOfDay);
    const score = clamp(Math.round(random.normal(100 * sentiment, 6) / 5) * 5, 0, 100);
    ratings.push(row(account, 'CSM Pulse', score, day, null, null));
  }
  return ratings;
}

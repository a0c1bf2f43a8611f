/**
 * The customer stories of the demo org: how many accounts tell each one, how it is described in the README, and
 * the curves that shape each account's usage and sentiment over the year.
 */

import type { DemoAccount, StoryName } from './demo-org';

export interface StoryDefinition {
  story: StoryName;
  accountCount: number;
  title: string;
  /** Description of the story as the data shows it to a CSM, for the README. */
  summary: string;
}

/** Accounts in the demo org; the accounts that no story claims are `Typical`. */
export const ACCOUNT_COUNT = 200;

/** Days before the as-of date when the declining accounts start to fall. */
export const DECLINE_DAYS = 56;
/** Days before the as-of date that the recovering accounts' bad quarter starts and ends. */
export const BAD_QUARTER_START = 185;
export const BAD_QUARTER_END = 95;
/** Days before the as-of date that the P1 case spike covers. */
export const CASE_SPIKE_DAYS = 30;
/** Minimum days since the last activity with the sponsor of a silent-sponsor account. */
export const SILENT_SPONSOR_MIN_DAYS = 160;
/** Latest renewal of an at-risk renewal, in days after the as-of date. */
export const RENEWAL_AT_RISK_MAX_DAYS = 55;
/** Days an onboarding account ramps up before it reaches its normal usage. */
const ONBOARDING_RAMP_DAYS = 42;

export const STORIES: readonly StoryDefinition[] = [
  {
    story: 'Steady',
    accountCount: 8,
    title: 'Steady and healthy',
    summary:
      'High, flat usage all year, regular contact with sponsor and champion, promoters in the NPS surveys, few cases ' +
      'and no overdue invoices.'
  },
  {
    story: 'Declining',
    accountCount: 6,
    title: 'Declining',
    summary:
      `Logins fall steadily over the last ${DECLINE_DAYS / 7} weeks to a fraction of their earlier level, the ` +
      'champion stopped logging in 6 weeks ago and stopped answering the CSM 6 to 8 weeks ago, and the latest CSM ' +
      'pulse ratings drop.'
  },
  {
    story: 'Recovering',
    accountCount: 5,
    title: 'Recovering after a bad quarter',
    summary:
      'A bad quarter from late May to late August brought usage down to a third and a burst of high-priority cases, ' +
      'and the September NPS wave returned mostly detractors. Usage then climbed back to its old level by early ' +
      'November, and the pulse improves with it.'
  },
  {
    story: 'CaseSpike',
    accountCount: 5,
    title: `P1 case spike in the last ${CASE_SPIKE_DAYS} days`,
    summary:
      'Five to eight High or Critical cases opened in the last 30 days, several still open and some escalated, ' +
      'after a quiet year; the pulse drops with them.'
  },
  {
    story: 'SilentSponsor',
    accountCount: 6,
    title: 'Silent executive sponsor',
    summary:
      `No Task or Event with the executive sponsor for ${SILENT_SPONSOR_MIN_DAYS} days or more, while the champion ` +
      'and usage look normal.'
  },
  {
    story: 'ChampionGone',
    accountCount: 5,
    title: 'Champion gone',
    summary:
      'The contact in Champion__c moved to another customer account 2 to 4 months ago: the contact now belongs to ' +
      'that account, the portal user was deactivated on the move, and usage lost its most active user.'
  },
  {
    story: 'RenewalAtRisk',
    accountCount: 5,
    title: 'Renewal within 60 days in poor health',
    summary:
      `The open renewal closes within ${RENEWAL_AT_RISK_MAX_DAYS} days while usage is low and falling, ` +
      'high-priority cases are open, NPS answers are detractors and some invoices are overdue.'
  },
  {
    story: 'Onboarding',
    accountCount: 4,
    title: 'New customer in onboarding',
    summary:
      'Became a customer about 3 months ago: users, logins, cases and activities start at the kick-off and usage is ' +
      'still ramping up; no NPS survey has reached them yet.'
  },
  {
    story: 'NoUsage',
    accountCount: 3,
    title: 'No usage source',
    summary:
      'Neither portal users nor telemetry rows, so adoption measures have no data at all; cases, activities and ' +
      'feedback exist as for any customer.'
  },
  {
    story: 'Telemetry',
    accountCount: 15,
    title: 'Usage from product telemetry',
    summary:
      'No portal users: their usage comes as DailyUsage__c rows with Source__c Telemetry for the whole year, ' +
      'for 3 of them split into one row per business unit (Segment__c) and day.'
  }
];

function linear(from: number, to: number, share: number): number {
  return from + (to - from) * Math.min(1, Math.max(0, share));
}

/**
 * Returns the account's usage level on a day: the multiplier of its users' login propensity before weekday and
 * holiday effects, or 0 when the account had no usage yet.
 */
export function usageLevel(account: DemoAccount, day: number, asOfDay: number): number {
  const daysBefore = asOfDay - day;
  const engagement = account.engagement;
  switch (account.story) {
    case 'Steady':
      return engagement;
    case 'Declining':
      return daysBefore > DECLINE_DAYS
        ? engagement
        : engagement * linear(1, 0.15, (DECLINE_DAYS - daysBefore) / DECLINE_DAYS);
    case 'Recovering':
      if (daysBefore > BAD_QUARTER_START) {
        return engagement;
      }
      if (daysBefore > BAD_QUARTER_END) {
        return engagement * 0.3;
      }
      // Back to normal about three weeks before the as-of date.
      return engagement * linear(0.35, 1, (BAD_QUARTER_END - daysBefore) / (BAD_QUARTER_END - 21));
    case 'ChampionGone':
      return day < (account.storyDay ?? asOfDay) ? engagement : engagement * 0.75;
    case 'RenewalAtRisk':
      return daysBefore > 183 ? engagement * 0.7 : engagement * linear(0.7, 0.3, (183 - daysBefore) / 183);
    case 'Onboarding': {
      const start = account.storyDay ?? asOfDay;
      return day < start ? 0 : engagement * linear(0.3, 0.95, (day - start) / ONBOARDING_RAMP_DAYS);
    }
    case 'NoUsage':
      return 0;
    default:
      // Typical, CaseSpike, SilentSponsor and Telemetry drift slowly up or down over the year.
      return engagement * (1 - (account.yearlyDrift * daysBefore) / 365);
  }
}

/** Returns the account's sentiment on a day, 0 (angry) to 1 (delighted). */
export function sentimentLevel(account: DemoAccount, day: number, asOfDay: number): number {
  const daysBefore = asOfDay - day;
  const sentiment = account.sentiment;
  switch (account.story) {
    case 'Declining':
      return daysBefore > DECLINE_DAYS ? sentiment : linear(sentiment, 0.3, (DECLINE_DAYS - daysBefore) / DECLINE_DAYS);
    case 'Recovering':
      if (daysBefore > BAD_QUARTER_START) {
        return sentiment;
      }
      if (daysBefore > BAD_QUARTER_END) {
        return 0.25;
      }
      return linear(0.3, sentiment, (BAD_QUARTER_END - daysBefore) / BAD_QUARTER_END);
    case 'CaseSpike':
      return daysBefore > CASE_SPIKE_DAYS ? sentiment : 0.35;
    case 'ChampionGone':
      return day < (account.storyDay ?? asOfDay) ? sentiment : sentiment * 0.75;
    case 'RenewalAtRisk':
      return daysBefore > 183 ? sentiment : linear(sentiment, 0.2, (183 - daysBefore) / 183);
    default:
      return sentiment;
  }
}

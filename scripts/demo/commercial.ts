/**
 * Builds the commercial records: one open renewal Opportunity per account, some closed renewal and expansion
 * history, a few open expansions, and a Contract for most accounts.
 */

import { addMonths, businessMoment, yearOf } from './calendar';
import type { DemoAccount, DemoContext, DemoContract, DemoOpportunity } from './demo-org';
import { compareCodeUnits } from './ordering';
import type { Random } from './random';

/** Opportunities and Contracts, each in the order of its CSV file. */
export interface CommercialRecords {
  opportunities: DemoOpportunity[];
  contracts: DemoContract[];
}

const CLOSED_EXPANSIONS = 12;
const EXPANSION_NAMES = ['Additional seats', 'Analytics add-on', 'Premier support upgrade', 'Second business unit'];

type PendingOpportunity = Omit<DemoOpportunity, 'id'>;

/**
 * Builds Opportunities (sorted by creation time, Ids in that order) and Contracts (in account order).
 * @param context dates, random stream and Id factory of the run
 */
export function buildCommercial(context: DemoContext, accounts: readonly DemoAccount[]): CommercialRecords {
  const random = context.random.fork('commercial');
  const pending: PendingOpportunity[] = [];
  for (const account of accounts) {
    const accountRandom = random.fork(account.id);
    pending.push(openRenewal(context, accountRandom, account));
    const previous = previousRenewal(context, accountRandom, account);
    if (previous) {
      pending.push(previous);
    }
  }
  pending.push(...expansions(context, random.fork('expansions'), accounts));

  pending.sort((first, second) => first.createdAt - second.createdAt || compareCodeUnits(first.name, second.name));
  const opportunities = pending.map((entry) => ({ id: context.ids.next('Opportunity'), ...entry }));
  const contracts = buildContracts(context, random.fork('contracts'), accounts);
  return { opportunities, contracts };
}

function createdAtBefore(context: DemoContext, random: Random, account: DemoAccount, day: number): number {
  const createdDay = Math.max(account.customerSinceDay, Math.min(day, context.asOfDay));
  return Math.min(businessMoment(random, createdDay, account.utcOffsetHours), context.exportAt - 3600);
}

function renewalStage(random: Random, daysToClose: number): string {
  if (daysToClose <= 60) {
    return random.chance(0.6) ? 'Negotiation/Review' : 'Proposal/Price Quote';
  }
  if (daysToClose <= 180) {
    return random.pick(['Needs Analysis', 'Value Proposition', 'Perception Analysis']);
  }
  return random.chance(0.7) ? 'Qualification' : 'Prospecting';
}

function roundTo(value: number, step: number): number {
  return Math.round(value / step) * step;
}

function openRenewal(context: DemoContext, random: Random, account: DemoAccount): PendingOpportunity {
  const daysToClose = account.renewalDay - context.asOfDay;
  const createdDay = Math.min(context.asOfDay - random.int(1, 30), account.renewalDay - random.int(180, 300));
  // The at-risk renewals are forecast with a downsell.
  const amount =
    account.story === 'RenewalAtRisk'
      ? roundTo(account.annualRecurringRevenue * 0.8, 500)
      : account.annualRecurringRevenue;
  return {
    accountId: account.id,
    ownerId: account.ownerId,
    name: `${account.name} - Renewal ${yearOf(account.renewalDay)}`,
    type: 'Renewal',
    stageName: renewalStage(random, daysToClose),
    closeDay: account.renewalDay,
    isClosed: false,
    isWon: false,
    amount,
    createdAt: createdAtBefore(context, random, account, createdDay)
  };
}

/** Returns last year's won renewal when it closed inside the history window, for some accounts. */
function previousRenewal(context: DemoContext, random: Random, account: DemoAccount): PendingOpportunity | null {
  const closeDay = addMonths(account.renewalDay, -12);
  const isInHistory = closeDay >= context.historyStartDay && closeDay <= context.asOfDay;
  const wasCustomer = closeDay > account.customerSinceDay + 300;
  const isRecorded = account.story === 'RenewalAtRisk' || random.chance(0.3);
  if (!isInHistory || !wasCustomer || !isRecorded) {
    return null;
  }
  return {
    accountId: account.id,
    ownerId: account.ownerId,
    name: `${account.name} - Renewal ${yearOf(closeDay)}`,
    type: 'Renewal',
    stageName: 'Closed Won',
    closeDay,
    isClosed: true,
    isWon: true,
    amount: roundTo(account.annualRecurringRevenue * random.between(0.88, 1), 500),
    createdAt: createdAtBefore(context, random, account, closeDay - random.int(150, 250))
  };
}

/** Closed expansions of typical and steady accounts, and open ones where steady accounts are ready to grow. */
function expansions(context: DemoContext, random: Random, accounts: readonly DemoAccount[]): PendingOpportunity[] {
  const result: PendingOpportunity[] = [];
  const candidates = random.shuffle(
    accounts.filter((account) => account.story === 'Typical' || account.story === 'Steady')
  );
  for (const account of candidates.slice(0, CLOSED_EXPANSIONS)) {
    const closeDay = context.asOfDay - random.int(20, 330);
    const isWon = account.story === 'Steady' || random.chance(0.65);
    result.push({
      accountId: account.id,
      ownerId: account.ownerId,
      name: `${account.name} - ${random.pick(EXPANSION_NAMES)}`,
      type: 'Existing Customer - Upgrade',
      stageName: isWon ? 'Closed Won' : 'Closed Lost',
      closeDay,
      isClosed: true,
      isWon,
      amount: roundTo(random.between(5000, 60000), 500),
      createdAt: createdAtBefore(context, random, account, closeDay - random.int(30, 120))
    });
  }
  for (const account of accounts.filter((entry) => entry.story === 'Steady').slice(0, 3)) {
    result.push({
      accountId: account.id,
      ownerId: account.ownerId,
      name: `${account.name} - ${random.pick(EXPANSION_NAMES)}`,
      type: 'Existing Customer - Upgrade',
      stageName: 'Qualification',
      closeDay: context.asOfDay + random.int(30, 120),
      isClosed: false,
      isWon: false,
      amount: roundTo(random.between(10000, 80000), 500),
      createdAt: createdAtBefore(context, random, account, context.asOfDay - random.int(5, 40))
    });
  }
  return result;
}

function buildContracts(context: DemoContext, random: Random, accounts: readonly DemoAccount[]): DemoContract[] {
  const contracts: DemoContract[] = [];
  for (const account of accounts) {
    const alwaysHasContract = account.story === 'Onboarding' || account.story === 'RenewalAtRisk';
    if (!alwaysHasContract && !random.chance(0.6)) {
      continue;
    }
    // The term ends on the renewal date; it starts by the as-of date and not before the account became a customer.
    const terms = [12, 24, 36].filter((months) => {
      const startDay = addMonths(account.renewalDay + 1, -months);
      return startDay <= context.asOfDay && startDay >= account.customerSinceDay;
    });
    if (terms.length === 0) {
      continue;
    }
    const termMonths = terms.length > 1 && random.chance(0.4) ? random.pick(terms.slice(1)) : (terms[0] as number);
    contracts.push({
      id: context.ids.next('Contract'),
      accountId: account.id,
      contractNumber: String(100 + contracts.length).padStart(8, '0'),
      status: 'Activated',
      startDay: addMonths(account.renewalDay + 1, -termMonths),
      endDay: account.renewalDay,
      termMonths
    });
  }
  return contracts;
}

/**
 * Joins the scored export, the change store, the cockpit user and the Apex adapter into the app the server uses.
 */
import { createApexAdapter, invokeApex } from './adapter';
import type { ApexMethods } from './adapter';
import type { CockpitData, ScoringInputs } from './data';
import { deckDownload } from './qbrBuilder';
import { getAccountRecord } from './records';
import { endedRiskCount } from './riskRegister';
import { approvedOverrides } from './scorecard';
import { completeStoredMilestones, storedPlansOf } from './successPlan';
import type { CockpitApp } from './server';
import type { CockpitStore } from './store';
import type { CockpitUser } from './users';
import type { CockpitSession } from './stubs/session';

/** One row of the shell's account list. */
export interface AccountListRow {
  accountId: string;
  accountName: string;
  ownerName: string | null;
  arr: number | null;
  score: number | null;
  band: string;
  coverage: number;
  trend: string;
  topReason: string;
}

/** Clock of the cockpit; tests pass a fixed one. */
export interface Clock {
  now: () => Date;
}

/** The cockpit app, with its adapter for direct calls. */
export interface CockpitAppWithAdapter extends CockpitApp {
  adapter: ApexMethods;
}

/** Returns a date as YYYY-MM-DD in local time, as Date.today() gives it in the user's time zone. */
export function localDate(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

/**
 * Returns what scoring reads from the change store, approved overrides, ended risks and changed plans, and how it
 * completes the milestones of the store's plans.
 * @param store The change store.
 */
export function scoringInputs(store: CockpitStore): ScoringInputs {
  return {
    overridesOf: (accountId) => approvedOverrides(store, accountId),
    endedRiskCountOf: (accountId, rule) => endedRiskCount(store, accountId, rule),
    storedPlansOf: (accountId) => storedPlansOf(store, accountId),
    completeStoredMilestones: (accountId, values, asOf) => completeStoredMilestones(store, accountId, values, asOf)
  };
}

/**
 * Creates the app that the server reads its data from and calls Apex methods on.
 * @param data The scored export.
 * @param store The change store.
 * @param user The cockpit user the server acts as.
 * @param clock Source of the current time.
 */
export function createCockpitApp(
  data: CockpitData,
  store: CockpitStore,
  user: CockpitUser,
  clock: Clock = { now: () => new Date() }
): CockpitAppWithAdapter {
  const adapter = createApexAdapter({ data, store, user, now: clock.now, today: () => localDate(clock.now()) });
  return {
    adapter,
    invokeApex: (name, params) => invokeApex(adapter, name, params),
    getRecord: (request) => getAccountRecord(data, request.recordId, request.fields, request.optionalFields),
    session: (): CockpitSession => ({
      userId: user.id,
      userName: user.name,
      userLabel: `${user.name}, ${user.label}`,
      customPermissions: user.customPermissions,
      asOf: data.asOf,
      exportName: data.exportName
    }),
    deckDownload: (documentId) => deckDownload({ store, user }, documentId),
    accountRows: (): AccountListRow[] =>
      data.accountsByRisk().map((state) => ({
        accountId: state.signals.accountId,
        accountName: state.signals.accountName,
        ownerName: state.info?.ownerName ?? null,
        arr: state.info?.arr ?? null,
        score: state.health?.score ?? null,
        band: state.health ? (state.health.isInsufficient ? 'Insufficient' : state.health.band) : 'Not scored',
        coverage: state.health?.coverage ?? 0,
        trend: state.health?.trend.direction ?? 'Unknown',
        topReason: state.health?.topReason ?? state.unscoredReason ?? ''
      }))
  };
}

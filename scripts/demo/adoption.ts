/**
 * Builds the adoption side of the demo org: monthly feature usage per account, feature and segment for the 12 months
 * of history (FeatureUsage__c), the entitlements of the features entitled through records (FeatureEntitlement__c),
 * the permission set licenses of the Automation users, business triggers, and a few adoption playbooks with their
 * barriers and sprint Tasks.
 *
 * An account uses the features of the products it owns, from the month it bought them (or the month a new feature
 * became available), ramping up over three months. Each feature's monthly adoption follows the account's usage story,
 * so a declining account's adoption declines with its logins and an onboarding account's grows. Portal case submission
 * is counted from the Cases the account's portal users opened, as the in-org measure counts created records; the other
 * in-org measures and the telemetry follow the usage curve. Playbooks are opened on the flagged feature of some
 * accounts with the reference engine's diagnosis, target and sprint, and adoption improves after an Active or
 * Completed playbook starts.
 */

import { addMonths as addIsoMonths, ALL_SEGMENT, monthStart } from 'c/adoptionEngine';
import type {
  AdoptionFactRow,
  AdoptionFeature,
  PlaybookTaskTemplate,
  SegmentType,
  TriggerType
} from 'c/adoptionEngine';

import { buildScorecardView, computeFactHistory, factMonthOf, suggestPlaybookOf } from '../lib/adoption';
import type { AccountAdoptionInput, AdoptionUser } from '../lib/adoption';
import type { PendingTask } from './activities';
import { businessMoment, dayOfEpochSeconds, formatIsoDate, parseIsoDate } from './calendar';
import type {
  DemoAccount,
  DemoAdoptionPlaybook,
  DemoCase,
  DemoContext,
  DemoEntitlement,
  DemoFeatureUsage,
  DemoLicenseAssignment,
  DemoPlaybookBarrier,
  DemoTrigger,
  DemoUser
} from './demo-org';
import type { Random } from './random';
import { usageLevel } from './stories';
import { TRIGGER_DESCRIPTIONS } from './word-lists';

/** Adoption records of the demo org, each list in the order of its CSV file, and the playbooks' sprint Tasks. */
export interface AdoptionRecords {
  featureUsage: DemoFeatureUsage[];
  entitlements: DemoEntitlement[];
  licenseAssignments: DemoLicenseAssignment[];
  triggers: DemoTrigger[];
  adoptionPlaybooks: DemoAdoptionPlaybook[];
  playbookBarriers: DemoPlaybookBarrier[];
  /** Sprint Tasks without Ids; `numberTasks` gives them theirs with the other Tasks. */
  tasks: PendingTask[];
}

/** Inputs of the adoption records. */
export interface AdoptionSources {
  accounts: readonly DemoAccount[];
  users: readonly DemoUser[];
  cases: readonly DemoCase[];
  /** Day each account started to own each catalog product, by account Id and ProductCode. */
  ownedSince: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** The feature dictionary, active or not. */
  features: readonly AdoptionFeature[];
  templates: readonly PlaybookTaskTemplate[];
}

/** Permission set license that entitles users to the Automation features, as the feature dictionary names it. */
const AUTOMATION_LICENSE = { name: 'HelplineAutomation', label: 'Helpline Automation' } as const;

/** User license of each profile of the demo org (Profile.UserLicense.Name). */
const USER_LICENSES: Readonly<Record<string, string>> = {
  'Standard User': 'Salesforce',
  'Integration User': 'Salesforce Integration',
  'Customer Community User': 'Customer Community',
  'Customer Community Plus User': 'Customer Community Plus'
};

/** Share of a feature's users in each segment of a segmented account, by segment type. */
const SEGMENT_SHARES: readonly number[] = [0.3, 0.5, 0.2];
const ROLE_SEGMENTS: readonly string[] = ['Agent', 'Supervisor', 'Team Lead'];
const ROLE_SHARES: readonly number[] = [0.7, 0.2, 0.1];
/** Seats from which a telemetry account's features are also reported by segment. */
const SEGMENTED_SEATS = 100;
/** Share of its eventual adoption a feature reaches in its first, second and third month. */
const RAMP = [0.35, 0.6, 0.85] as const;
/** Points of adoption an Active or Completed playbook adds per month after its start, and at most. */
const PLAYBOOK_LIFT_PER_MONTH = 0.035;
const PLAYBOOK_LIFT_MAX = 0.15;
/** Days of the tried window of an in-org measure, ending with the month's last day. */
const TRIED_WINDOW_DAYS = 90;
/** Accounts with business triggers, and the share of triggers within the last 170 days. */
const TRIGGER_ACCOUNTS = 26;
const RECENT_TRIGGER_SHARE = 0.6;
/** Stories whose accounts may get a playbook; steady accounts need none and the others have other worries. */
const PLAYBOOK_STORIES: ReadonlySet<string> = new Set([
  'Typical',
  'Declining',
  'ChampionGone',
  'Recovering',
  'Telemetry',
  'CaseSpike'
]);
/** Status and start (days before the as-of date, both ends included) of each playbook, in the order opened. */
const PLAYBOOK_PLAN: readonly { status: DemoAdoptionPlaybook['status']; minDays: number; maxDays: number }[] = [
  { status: 'Active', minDays: 20, maxDays: 70 },
  { status: 'Active', minDays: 20, maxDays: 70 },
  { status: 'Active', minDays: 20, maxDays: 70 },
  { status: 'Active', minDays: 20, maxDays: 70 },
  { status: 'Active', minDays: 20, maxDays: 70 },
  { status: 'Active', minDays: 20, maxDays: 70 },
  { status: 'Completed', minDays: 150, maxDays: 210 },
  { status: 'Completed', minDays: 150, maxDays: 210 },
  { status: 'Cancelled', minDays: 100, maxDays: 140 },
  { status: 'Draft', minDays: 3, maxDays: 10 }
];
/** Licensed seats from which an account is among the first candidates for a playbook. */
const MIN_PLAYBOOK_SEATS = 6;
/** Days after its start that a Cancelled playbook was cancelled. */
const CANCELLED_AFTER_DAYS = 40;
/** Length of AdoptionPlaybook__c.Name. */
const PLAYBOOK_NAME_LENGTH = 80;

/** Returns the user license of a profile, as Profile.UserLicense.Name shows it; null for an unknown profile. */
export function userLicenseOf(profileName: string | null): string | null {
  return profileName === null ? null : (USER_LICENSES[profileName] ?? null);
}

/** One segment of a feature's usage series, with the draws that shape its curve. */
interface SegmentSeries {
  segmentType: SegmentType;
  segment: string;
  /** Users the feature is for: the entitled users, the licensed seats or the license holders. */
  pool: number;
  assignShare: number;
  triedShare: number;
  /** Adoption the segment settles at, as a share of the assigned users. */
  base: number;
  /** Week-to-week noise of each month of the history, by month index. */
  noise: number[];
}

/** The usage series of one feature of one account. */
interface FeatureSeries {
  account: DemoAccount;
  feature: AdoptionFeature;
  source: DemoFeatureUsage['source'];
  /** Index in `months` of the first month with usage. */
  firstIndex: number;
  /** Day the feature's entitlement starts. */
  startDay: number;
  /** Counted from Cases (portal case submission) or from the usage curve. */
  countsCases: boolean;
  /** One entry for the whole account, or one per segment (the whole account is then their sum). */
  segments: SegmentSeries[];
}

/** A playbook's effect on adoption: the months after its start month lift the rate. */
interface Lift {
  accountId: string;
  featureKey: string;
  segmentType: SegmentType;
  segment: string;
  /** Index in `months` of the playbook's start month. */
  fromIndex: number;
}

/** Month list, usage levels and lookups shared by the builders. */
class AdoptionPlan {
  /** First days of the 12 months of history, ISO, oldest first. */
  readonly months: string[];
  readonly monthDays: number[];
  private readonly levels = new Map<string, number[]>();

  constructor(readonly context: DemoContext) {
    const first = monthStart(formatIsoDate(context.historyStartDay));
    const last = monthStart(formatIsoDate(context.asOfDay));
    this.months = [];
    for (let month = first; month <= last; month = addIsoMonths(month, 1)) {
      this.months.push(month);
    }
    this.monthDays = this.months.map((month) => parseIsoDate(month));
  }

  /** Returns the index of the month that contains a day. */
  monthIndexOf(day: number): number {
    const month = monthStart(formatIsoDate(day));
    return this.months.indexOf(month);
  }

  /** Last day of a month of the history, or the as-of date for the current month. */
  monthEnd(index: number): number {
    const next = index + 1 < this.monthDays.length ? (this.monthDays[index + 1] as number) : this.context.asOfDay + 1;
    return Math.min(next - 1, this.context.asOfDay);
  }

  /** Average usage level of the account in each month, relative to its engagement: 1 is its normal level. */
  levelsOf(account: DemoAccount): number[] {
    let levels = this.levels.get(account.id);
    if (levels === undefined) {
      levels = this.monthDays.map((firstDay, index) => {
        const lastDay = this.monthEnd(index);
        let total = 0;
        for (let day = firstDay; day <= lastDay; day++) {
          total += usageLevel(account, day, this.context.asOfDay);
        }
        return account.engagement > 0 ? total / ((lastDay - firstDay + 1) * account.engagement) : 0;
      });
      this.levels.set(account.id, levels);
    }
    return levels;
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Splits a total into whole shares that sum to it, the rounding difference going to the largest share. */
function splitWhole(total: number, shares: readonly number[]): number[] {
  const parts = shares.map((share) => Math.round(total * share));
  const largest = shares.indexOf(Math.max(...shares));
  parts[largest] = (parts[largest] as number) + total - parts.reduce((sum, part) => sum + part, 0);
  return parts.map((part) => Math.max(0, part));
}

/** Active users of the account with their license, as the fact builder counts them. */
function accountUsers(users: readonly DemoUser[], accountId: string): AdoptionUser[] {
  return users
    .filter((user) => user.accountId === accountId && user.isActive)
    .map((user) => ({
      userId: user.id,
      isPortal: true,
      profileName: user.profileName,
      roleName: user.roleName,
      department: user.department,
      licenseName: userLicenseOf(user.profileName)
    }));
}

function segmentsOf(
  random: Random,
  account: DemoAccount,
  feature: AdoptionFeature,
  pool: number,
  months: number
): SegmentSeries[] {
  const base = clamp(
    (feature.targetPercent / 100) *
      random.between(0.5, 1.3) *
      clamp(0.55 + 0.6 * account.engagement, 0.6, 1.25) *
      (account.story === 'Steady' ? 1.15 : 1),
    0.03,
    0.97
  );
  const assignShare = random.chance(0.25) ? random.between(0.45, 0.75) : random.between(0.82, 1);
  const triedShare = random.chance(0.3) ? random.between(0.1, 0.4) : random.between(0.5, 0.95);
  const noiseOf = (): number[] => Array.from({ length: months }, () => random.between(0.92, 1.08));
  const isSegmented =
    feature.entitlementSource === 'EntitlementRecord' &&
    account.story === 'Telemetry' &&
    account.licensedSeats >= SEGMENTED_SEATS;
  if (!isSegmented) {
    return [{ segmentType: ALL_SEGMENT, segment: ALL_SEGMENT, pool, assignShare, triedShare, base, noise: noiseOf() }];
  }
  const byBusinessUnit = account.usageSegments.length > 0;
  const names = byBusinessUnit ? account.usageSegments : ROLE_SEGMENTS;
  const pools = splitWhole(pool, byBusinessUnit ? SEGMENT_SHARES : ROLE_SHARES);
  // One segment often lags far behind its peers, which the playbook diagnoses as a relevance barrier.
  const lagging = random.chance(0.6) ? random.int(0, names.length - 1) : -1;
  return names.map((segment, index) => ({
    segmentType: byBusinessUnit ? 'BusinessUnit' : 'Role',
    segment,
    pool: Math.max(1, pools[index] ?? 1),
    assignShare: clamp(assignShare * random.between(0.9, 1.1), 0.3, 1),
    triedShare,
    base: clamp(base * (index === lagging ? random.between(0.25, 0.45) : random.between(0.85, 1.15)), 0.02, 0.97),
    noise: noiseOf()
  }));
}

/** Chooses the features each account uses, with the draws of their curves and their entitlements. */
function planSeries(
  plan: AdoptionPlan,
  random: Random,
  sources: AdoptionSources,
  licenseHolders: ReadonlyMap<string, number>
): FeatureSeries[] {
  const { context, months } = plan;
  const active = sources.features.filter((feature) => feature.isActive);
  const series: FeatureSeries[] = [];
  for (const account of sources.accounts) {
    if (account.story === 'NoUsage') {
      continue;
    }
    const accountRandom = random.fork(account.id);
    const owned = sources.ownedSince.get(account.id) ?? new Map<string, number>();
    const users = accountUsers(sources.users, account.id);
    const communityUsers = users.filter((user) => user.licenseName === 'Customer Community').length;
    const usageStart = account.story === 'Onboarding' ? (account.storyDay ?? context.asOfDay) : context.historyStartDay;
    for (const feature of active) {
      const ownedDay = feature.productCode === null ? undefined : owned.get(feature.productCode);
      if (ownedDay === undefined) {
        continue;
      }
      const availableDay = feature.availableSince === null ? ownedDay : parseIsoDate(feature.availableSince);
      const startDay = Math.max(ownedDay, availableDay, usageStart);
      const isInOrg = feature.measureType === 'RecordCreation' || feature.measureType === 'PermissionSetUse';
      let pool: number;
      switch (feature.entitlementSource) {
        case 'UserLicense':
          pool = communityUsers;
          break;
        case 'PermissionSetLicense':
          pool = licenseHolders.get(account.id) ?? 0;
          break;
        case 'EntitlementRecord':
          pool = Math.max(1, Math.round(account.licensedSeats * accountRandom.between(0.5, 1)));
          break;
        default:
          pool = account.licensedSeats;
      }
      // The org measures in-org features only for accounts with users in the org.
      if (pool <= 0 || startDay > context.asOfDay || (isInOrg && users.length === 0)) {
        continue;
      }
      series.push({
        account,
        feature,
        source: isInOrg ? 'Computed' : 'Telemetry',
        firstIndex: Math.max(0, plan.monthIndexOf(startDay)),
        startDay,
        countsCases: feature.key === 'PortalCaseSubmission',
        segments: segmentsOf(accountRandom.fork(feature.key), account, feature, pool, months.length)
      });
    }
  }
  return series;
}

/** Rows of one segment of a series, month by month, with the lifts of the playbooks on it. */
function curveCounts(
  plan: AdoptionPlan,
  series: FeatureSeries,
  segment: SegmentSeries,
  lifts: readonly Lift[]
): { assigned: number; active: number; tried: number }[] {
  const levels = plan.levelsOf(series.account);
  const lift = lifts.find(
    (candidate) =>
      candidate.accountId === series.account.id &&
      candidate.featureKey === series.feature.key &&
      (candidate.segmentType === ALL_SEGMENT ||
        (candidate.segmentType === segment.segmentType && candidate.segment === segment.segment))
  );
  return plan.months.map((_month, index) => {
    const age = index - series.firstIndex;
    const ramp = age < RAMP.length ? (RAMP[age] as number) : 1;
    const lifted =
      lift === undefined || index <= lift.fromIndex ? 0 : PLAYBOOK_LIFT_PER_MONTH * (index - lift.fromIndex);
    const rate = clamp(
      segment.base * (levels[index] ?? 0) * ramp * (segment.noise[index] ?? 1) + Math.min(lifted, PLAYBOOK_LIFT_MAX),
      0,
      0.98
    );
    const assigned = Math.min(segment.pool, Math.round(segment.pool * segment.assignShare));
    const active = Math.min(assigned, Math.round(assigned * rate));
    const tried = Math.min(assigned, active + Math.round((assigned - active) * segment.triedShare));
    return { assigned, active, tried };
  });
}

/** Counts portal case submission from the Cases the holders of the Customer Community license opened. */
function caseCounts(
  plan: AdoptionPlan,
  sources: AdoptionSources,
  account: DemoAccount
): { assigned: number; active: number; tried: number }[] {
  const holders = sources.users.filter(
    (user) => user.accountId === account.id && user.isActive && userLicenseOf(user.profileName) === 'Customer Community'
  );
  const holderContacts = new Set(holders.flatMap((user) => (user.contactId === null ? [] : [user.contactId])));
  const submissions = sources.cases
    .filter(
      (entry) => entry.accountId === account.id && entry.contactId !== null && holderContacts.has(entry.contactId)
    )
    .map((entry) => ({ contactId: entry.contactId as string, day: dayOfEpochSeconds(entry.createdAt) }));
  return plan.months.map((_month, index) => {
    const firstDay = plan.monthDays[index] as number;
    const lastDay = plan.monthEnd(index);
    const inMonth = new Set(
      submissions.filter((entry) => entry.day >= firstDay && entry.day <= lastDay).map((e) => e.contactId)
    );
    const inWindow = new Set(
      submissions
        .filter((entry) => entry.day > lastDay - TRIED_WINDOW_DAYS && entry.day <= lastDay)
        .map((entry) => entry.contactId)
    );
    return { assigned: holders.length, active: inMonth.size, tried: inWindow.size };
  });
}

/** Builds the usage rows of every series, the whole account first and then each segment, month by month. */
function usageRows(
  plan: AdoptionPlan,
  sources: AdoptionSources,
  seriesList: readonly FeatureSeries[],
  lifts: readonly Lift[]
): Omit<DemoFeatureUsage, 'id'>[] {
  const rows: Omit<DemoFeatureUsage, 'id'>[] = [];
  for (const series of seriesList) {
    const bySegment = series.countsCases
      ? [caseCounts(plan, sources, series.account)]
      : series.segments.map((segment) => curveCounts(plan, series, segment, lifts));
    const isSegmented = series.segments.length > 1;
    const base = { accountId: series.account.id, featureKey: series.feature.key, source: series.source };
    for (let index = series.firstIndex; index < plan.months.length; index++) {
      const counts = bySegment.map(
        (segmentCounts) => segmentCounts[index] as { assigned: number; active: number; tried: number }
      );
      rows.push({
        ...base,
        segmentType: ALL_SEGMENT,
        segment: ALL_SEGMENT,
        monthDay: plan.monthDays[index] as number,
        assigned: counts.reduce((sum, entry) => sum + entry.assigned, 0),
        active: counts.reduce((sum, entry) => sum + entry.active, 0),
        tried: counts.reduce((sum, entry) => sum + entry.tried, 0)
      });
    }
    if (!isSegmented) {
      continue;
    }
    series.segments.forEach((segment, position) => {
      for (let index = series.firstIndex; index < plan.months.length; index++) {
        const counts = (bySegment[position] as { assigned: number; active: number; tried: number }[])[index];
        rows.push({
          ...base,
          segmentType: segment.segmentType,
          segment: segment.segment,
          monthDay: plan.monthDays[index] as number,
          assigned: counts?.assigned ?? 0,
          active: counts?.active ?? 0,
          tried: counts?.tried ?? 0
        });
      }
    });
  }
  return rows;
}

/**
 * Entitlement rows of the features entitled through records: one for the whole account and one per segment, from the
 * day the feature started. Some accounts ran a smaller pilot first, which ended on the last day of a month.
 */
function entitlementRows(
  plan: AdoptionPlan,
  random: Random,
  seriesList: readonly FeatureSeries[]
): Omit<DemoEntitlement, 'id'>[] {
  const rows: Omit<DemoEntitlement, 'id'>[] = [];
  for (const series of seriesList) {
    if (series.feature.entitlementSource !== 'EntitlementRecord') {
      continue;
    }
    const seriesRandom = random.fork(`${series.account.id}:${series.feature.key}`);
    const total = series.segments.reduce((sum, segment) => sum + segment.pool, 0);
    const base = { accountId: series.account.id, featureKey: series.feature.key };
    const pilotEndIndex = series.firstIndex - 1;
    if (series.segments.length === 1 && pilotEndIndex >= 1 && seriesRandom.chance(0.2)) {
      rows.push({
        ...base,
        segmentType: ALL_SEGMENT,
        segment: ALL_SEGMENT,
        entitled: Math.max(1, Math.round(total * 0.4)),
        startDay: plan.monthDays[pilotEndIndex - 1] as number,
        endDay: plan.monthEnd(pilotEndIndex)
      });
    }
    rows.push({
      ...base,
      segmentType: ALL_SEGMENT,
      segment: ALL_SEGMENT,
      entitled: total,
      startDay: series.startDay,
      endDay: null
    });
    if (series.segments.length > 1) {
      for (const segment of series.segments) {
        rows.push({
          ...base,
          segmentType: segment.segmentType,
          segment: segment.segment,
          entitled: segment.pool,
          startDay: series.startDay,
          endDay: null
        });
      }
    }
  }
  return rows;
}

/** Assigns the Automation license to most active portal users of the accounts that own Automation. */
function licenseAssignments(
  context: DemoContext,
  random: Random,
  sources: AdoptionSources
): { assignments: DemoLicenseAssignment[]; holders: Map<string, number> } {
  const licenseId = context.ids.next('PermissionSetLicense');
  const assignments: DemoLicenseAssignment[] = [];
  const holders = new Map<string, number>();
  for (const account of sources.accounts) {
    if (!(sources.ownedSince.get(account.id)?.has('HLP-AUTO') ?? false)) {
      continue;
    }
    const accountRandom = random.fork(account.id);
    const users = sources.users.filter((user) => user.accountId === account.id && user.isActive);
    const chosen = users.filter((user, position) => position === 0 || accountRandom.chance(0.75));
    for (const user of chosen) {
      assignments.push({
        id: context.ids.next('PermissionSetLicenseAssign'),
        userId: user.id,
        licenseId,
        licenseName: AUTOMATION_LICENSE.name,
        licenseLabel: AUTOMATION_LICENSE.label
      });
    }
    if (chosen.length > 0) {
      holders.set(account.id, chosen.length);
    }
  }
  return { assignments, holders };
}

/** Business triggers of some accounts, most within the window that makes an expansion event-triggered. */
function buildTriggers(context: DemoContext, random: Random, accounts: readonly DemoAccount[]): DemoTrigger[] {
  const types: readonly (readonly [TriggerType, number])[] = [
    ['HeadcountGrowth', 5],
    ['NewBusinessLine', 2],
    ['Merger', 1],
    ['Acquisition', 2],
    ['Funding', 2],
    ['LeadershipChange', 3],
    ['Other', 1]
  ];
  const chosen = random.shuffle(accounts.filter((account) => account.story !== 'NoUsage')).slice(0, TRIGGER_ACCOUNTS);
  const pending: Omit<DemoTrigger, 'id'>[] = [];
  for (const account of chosen) {
    const count = random.chance(0.2) ? 2 : 1;
    for (let index = 0; index < count; index++) {
      const type = random.pickWeighted(types);
      const daysBefore = random.chance(RECENT_TRIGGER_SHARE) ? random.int(3, 170) : random.int(190, 360);
      const descriptions: readonly string[] = TRIGGER_DESCRIPTIONS[type];
      pending.push({
        accountId: account.id,
        type,
        occurredDay: context.asOfDay - daysBefore,
        description: random.chance(0.9) ? random.pick(descriptions) : null
      });
    }
  }
  const order = new Map(accounts.map((account) => [account.id, account.index]));
  return pending
    .sort(
      (first, second) =>
        (order.get(first.accountId) ?? 0) - (order.get(second.accountId) ?? 0) || first.occurredDay - second.occurredDay
    )
    .map((entry) => ({ id: context.ids.next('BusinessTrigger'), ...entry }));
}

/** Returns the input of the fact builder for one account from the generated rows. */
function factInput(
  account: DemoAccount,
  sources: AdoptionSources,
  usage: readonly Omit<DemoFeatureUsage, 'id'>[],
  entitlements: readonly Omit<DemoEntitlement, 'id'>[],
  licenseHolders: ReadonlyMap<string, ReadonlySet<string>>
): AccountAdoptionInput {
  return {
    licensedSeats: account.licensedSeats,
    usage: usage
      .filter((row) => row.accountId === account.id)
      .map((row) => ({
        featureKey: row.featureKey,
        segmentType: row.segmentType,
        segment: row.segment,
        month: formatIsoDate(row.monthDay),
        assigned: row.assigned,
        active: row.active,
        tried: row.tried
      })),
    entitlements: entitlements
      .filter((row) => row.accountId === account.id)
      .map((row) => ({
        featureKey: row.featureKey,
        segmentType: row.segmentType,
        segment: row.segment,
        entitled: row.entitled,
        startDate: formatIsoDate(row.startDay),
        endDate: row.endDay === null ? null : formatIsoDate(row.endDay)
      })),
    users: accountUsers(sources.users, account.id),
    hasUserLicenses: true,
    permissionSetLicenseHolders: licenseHolders
  };
}

/** A playbook chosen for an account, before its records get Ids. */
interface PlaybookChoice {
  account: DemoAccount;
  feature: AdoptionFeature;
  segmentType: SegmentType;
  segment: string;
  status: DemoAdoptionPlaybook['status'];
  startDay: number;
  baseline: number;
  suggestion: ReturnType<typeof suggestPlaybookOf>;
}

/** Names a playbook as the org does: `<feature> - <segment>`, the segment as the scorecard's columns name it. */
function playbookName(featureLabel: string, segmentType: SegmentType, segment: string): string {
  const segmentText =
    segmentType === ALL_SEGMENT
      ? 'All users'
      : `${segmentType === 'BusinessUnit' ? 'Business unit' : segmentType}: ${segment}`;
  const name = `${featureLabel} - ${segmentText}`;
  return name.length <= PLAYBOOK_NAME_LENGTH ? name : `${name.slice(0, PLAYBOOK_NAME_LENGTH - 3)}...`;
}

/**
 * Chooses the playbooks of candidate accounts in a shuffled order. Each is for the flagged feature of highest priority
 * in the latest complete month before the start, in the whole account or in the segment that lags its peers. A
 * feature without a diagnosed barrier or without a percent gets no playbook.
 */
function choosePlaybooks(
  plan: AdoptionPlan,
  random: Random,
  sources: AdoptionSources,
  factsOf: (account: DemoAccount, lastMonth: string) => AdoptionFactRow[]
): PlaybookChoice[] {
  const featuresByKey = new Map(sources.features.map((feature) => [feature.key, feature]));
  // Accounts with a few seats come first, so the playbooks' percents rest on more than two or three users.
  const candidates = random
    .shuffle(sources.accounts.filter((account) => PLAYBOOK_STORIES.has(account.story)))
    .sort(
      (left, right) =>
        Number(left.licensedSeats < MIN_PLAYBOOK_SEATS) - Number(right.licensedSeats < MIN_PLAYBOOK_SEATS)
    );
  const choices: PlaybookChoice[] = [];
  for (const account of candidates) {
    const step = PLAYBOOK_PLAN[choices.length];
    if (step === undefined) {
      break;
    }
    const startDay = plan.context.asOfDay - random.int(step.minDays, step.maxDays);
    const factMonth = factMonthOf(formatIsoDate(startDay));
    const facts = factsOf(account, factMonth);
    const view = buildScorecardView(facts, featuresByKey, factMonth, formatIsoDate(startDay));
    const flagged = view.underused.find((row) => row.isFlagged);
    const feature = flagged === undefined ? undefined : featuresByKey.get(flagged.featureKey);
    if (feature === undefined) {
      continue;
    }
    let segmentType: SegmentType = ALL_SEGMENT;
    let segment = ALL_SEGMENT;
    const segmentFacts = view.facts.filter(
      (fact) => fact.featureKey === feature.key && fact.segmentType !== ALL_SEGMENT
    );
    const lowest = [...segmentFacts].sort(
      (left, right) => (left.adoptionPercent ?? 0) - (right.adoptionPercent ?? 0)
    )[0];
    if (lowest !== undefined) {
      const proposal = suggestPlaybookOf(
        feature,
        lowest.segmentType,
        lowest.segment,
        facts,
        sources.templates,
        formatIsoDate(startDay)
      );
      if (proposal.barriers.some((finding) => finding.barrier === 'Relevance')) {
        segmentType = lowest.segmentType;
        segment = lowest.segment;
      }
    }
    const suggestion = suggestPlaybookOf(
      feature,
      segmentType,
      segment,
      facts,
      sources.templates,
      formatIsoDate(startDay)
    );
    const baseline = suggestion.fact?.adoptionPercent ?? null;
    if (baseline === null || suggestion.barriers.length === 0) {
      continue;
    }
    choices.push({ account, feature, segmentType, segment, status: step.status, startDay, baseline, suggestion });
  }
  return choices;
}

/** Returns the status of a sprint Task due on a day, for a playbook in a status. */
function taskStatus(
  random: Random,
  choice: PlaybookChoice,
  dueDay: number,
  asOfDay: number
): { status: string; isClosed: boolean } {
  const cancelledDay = choice.startDay + CANCELLED_AFTER_DAYS;
  const isDue = dueDay <= asOfDay && (choice.status !== 'Cancelled' || dueDay <= cancelledDay);
  if (choice.status === 'Draft' || !isDue) {
    return { status: 'Not Started', isClosed: false };
  }
  if (random.chance(0.85)) {
    return { status: 'Completed', isClosed: true };
  }
  return { status: random.chance(0.5) ? 'In Progress' : 'Not Started', isClosed: false };
}

/**
 * Builds every adoption record of the demo org.
 * @param context dates, random stream and Id factory of the run
 * @param sources accounts, users, Cases, owned products, feature dictionary and sprint templates
 */
export function buildAdoption(context: DemoContext, sources: AdoptionSources): AdoptionRecords {
  const random = context.random.fork('adoption');
  const plan = new AdoptionPlan(context);
  const licenses = licenseAssignments(context, random.fork('licenses'), sources);
  const seriesList = planSeries(plan, random.fork('series'), sources, licenses.holders);
  const entitlements = entitlementRows(plan, random.fork('entitlements'), seriesList);
  const holderIds = new Map<string, Set<string>>([
    [AUTOMATION_LICENSE.name.toLowerCase(), new Set(licenses.assignments.map((entry) => entry.userId))],
    [AUTOMATION_LICENSE.label.toLowerCase(), new Set(licenses.assignments.map((entry) => entry.userId))]
  ]);
  const active = sources.features.filter((feature) => feature.isActive);

  const unlifted = usageRows(plan, sources, seriesList, []);
  const choices = choosePlaybooks(plan, random.fork('playbooks'), sources, (account, lastMonth) =>
    computeFactHistory(active, factInput(account, sources, unlifted, entitlements, holderIds), lastMonth)
  );
  const lifts: Lift[] = choices
    .filter((choice) => choice.status === 'Active' || choice.status === 'Completed')
    .map((choice) => ({
      accountId: choice.account.id,
      featureKey: choice.feature.key,
      segmentType: choice.segmentType,
      segment: choice.segment,
      fromIndex: plan.monthIndexOf(choice.startDay)
    }));
  const usage = usageRows(plan, sources, seriesList, lifts);

  const playbookRecords = buildPlaybookRecords(context, random.fork('playbook-records'), choices, (account, day) =>
    computeFactHistory(
      active,
      factInput(account, sources, usage, entitlements, holderIds),
      factMonthOf(formatIsoDate(day))
    )
  );
  return {
    featureUsage: usage.map((row) => ({ id: context.ids.next('FeatureUsage'), ...row })),
    entitlements: entitlements.map((row) => ({ id: context.ids.next('FeatureEntitlement'), ...row })),
    licenseAssignments: licenses.assignments,
    triggers: buildTriggers(context, random.fork('triggers'), sources.accounts),
    ...playbookRecords
  };
}

/**
 * Builds the playbooks, their barriers and their sprint Tasks. A closed playbook records the adoption of the month it
 * closed in.
 */
function buildPlaybookRecords(
  context: DemoContext,
  random: Random,
  choices: readonly PlaybookChoice[],
  factsOn: (account: DemoAccount, day: number) => AdoptionFactRow[]
): Pick<AdoptionRecords, 'adoptionPlaybooks' | 'playbookBarriers' | 'tasks'> {
  const adoptionPlaybooks: DemoAdoptionPlaybook[] = [];
  const playbookBarriers: DemoPlaybookBarrier[] = [];
  const tasks: PendingTask[] = [];
  for (const choice of choices) {
    const choiceRandom = random.fork(`${choice.account.id}:${choice.feature.key}`);
    const { suggestion, account } = choice;
    const targetDay = parseIsoDate(suggestion.targetDate);
    let currentPercent: number | null = choice.baseline;
    if (choice.status === 'Completed' || choice.status === 'Cancelled') {
      const closedDay = choice.status === 'Completed' ? targetDay : choice.startDay + CANCELLED_AFTER_DAYS;
      const facts = factsOn(account, closedDay);
      const closing = facts
        .filter(
          (fact) =>
            fact.featureKey === choice.feature.key &&
            fact.segmentType === choice.segmentType &&
            fact.segment === choice.segment
        )
        .pop();
      currentPercent = closing?.adoptionPercent ?? choice.baseline;
    }
    const createdAt = Math.min(
      businessMoment(choiceRandom, choice.startDay, account.utcOffsetHours),
      context.exportAt - 3600
    );
    const playbook: DemoAdoptionPlaybook = {
      id: context.ids.next('AdoptionPlaybook'),
      accountId: account.id,
      name: playbookName(suggestion.featureLabel, choice.segmentType, choice.segment),
      featureKey: choice.feature.key,
      segmentType: choice.segmentType,
      segment: choice.segment,
      status: choice.status,
      baselinePercent: choice.baseline,
      currentPercent,
      targetPercent: suggestion.targetPercent,
      startDay: choice.startDay,
      targetDay,
      createdAt
    };
    adoptionPlaybooks.push(playbook);
    for (const finding of suggestion.barriers) {
      playbookBarriers.push({
        id: context.ids.next('PlaybookBarrier'),
        playbookId: playbook.id,
        barrier: finding.barrier,
        evidence: finding.evidence,
        action: finding.action,
        isSuggested: true
      });
    }
    suggestion.sprint.forEach((planned, position) => {
      const dueDay = parseIsoDate(planned.dueDate);
      const { status, isClosed } = taskStatus(choiceRandom, choice, dueDay, context.asOfDay);
      tasks.push({
        whoId: null,
        whatId: playbook.id,
        accountId: account.id,
        ownerId: account.ownerId,
        subject: planned.subject,
        type: 'Other',
        activityDay: dueDay,
        createdAt: createdAt + position,
        status,
        isClosed
      });
    });
  }
  return { adoptionPlaybooks, playbookBarriers, tasks };
}

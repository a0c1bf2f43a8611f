/**
 * Adoption facts offline: one fact per account, active feature, segment and month, computed from the Feature Usage
 * rows and the entitlements of an org export with the reference engine's rules, as the Apex class AdoptionFactBuilder
 * computes them for the nightly job AdoptionFactBatch.
 *
 * - Segments of a fact: All, every segment of the feature's usage rows in the TREND_MONTHS months ending with the
 *   month, and, for a feature whose entitlement comes from entitlement records, every segment of its records that
 *   are active in those months. A fact is kept when the month has a usage row or a positive number of entitled users.
 * - Entitled users, by the feature's EntitlementSource__c: the Feature Entitlement rows active in the month (summed);
 *   Account.LicensedSeats__c for the segment All only; or the account's active users in the segment who hold the
 *   user license or permission set license named in LicenseName__c.
 * - Adoption percent and trend come from `adoptionPercent` and `adoptionTrend` over the TREND_MONTHS months, each
 *   month with its own entitled users; a percent above 9999.9, the largest value AdoptionPercent__c holds, is stored
 *   as 9999.9.
 *
 * In-org measures (Record Creation and Permission Set Use) are counted in the org, which saves them as Feature Usage
 * rows with Source Computed; an export carries those rows like the telemetry ones, so nothing is recounted here.
 * NOTE: as in the org, licensed seats and license holders are read as they are at export time, so a change within the
 * trend window shows in every month of the trend.
 */
import { adoptionPercent, adoptionTrend, addMonths, ALL_SEGMENT, monthStart, trendMonths } from 'c/adoptionEngine';
import type { AdoptionFactRow, AdoptionFeature, SegmentType } from 'c/adoptionEngine';
import { formatIsoDate, parseIsoDate } from 'c/healthEngine';

/** Largest value AdoptionFact__c.AdoptionPercent__c (Number 5,1) holds; larger percents are stored as it. */
export const MAX_STORED_PERCENT = 9999.9;

/** Months of facts computed before the latest month at most, so a long export stays quick to score. */
export const MAX_HISTORY_MONTHS = 24;

/** Segment types whose members the user records show, by the prefix the login roll-up writes in DailyUsage__c. */
const LOGIN_SEGMENT_PREFIXES: Readonly<Partial<Record<SegmentType, string>>> = {
  Profile: 'Profile: ',
  Role: 'Role: ',
  Department: 'Department: '
};

/** Length of DailyUsage__c.Segment__c, to which the org cuts the segment key of a user. */
const LOGIN_SEGMENT_LENGTH = 80;

/** One FeatureUsage__c row of an account. */
export interface FeatureUsageRow {
  featureKey: string;
  segmentType: SegmentType;
  /** `All` when segmentType is All. */
  segment: string;
  /** ISO date of the first day of the month. */
  month: string;
  assigned: number | null;
  active: number | null;
  tried: number | null;
}

/** One FeatureEntitlement__c row of an account. */
export interface FeatureEntitlementRow {
  featureKey: string;
  /** All when the row's segment type is blank: the whole account. */
  segmentType: SegmentType;
  segment: string;
  entitled: number | null;
  /** ISO date; a row without a start date is never active, as in the org. */
  startDate: string | null;
  /** ISO date; null for a row without an end. */
  endDate: string | null;
}

/** An active user of an account, as the license entitlement sources count them. */
export interface AdoptionUser {
  userId: string;
  /** True for a portal user (User.AccountId set); portal users are sliced by profile only, as in the login roll-up. */
  isPortal: boolean;
  profileName: string | null;
  roleName: string | null;
  department: string | null;
  /** Name of the user license of the user's profile (Profile.UserLicense.Name); null when unknown. */
  licenseName: string | null;
}

/** Everything the facts of one account are computed from. */
export interface AccountAdoptionInput {
  licensedSeats: number | null;
  usage: FeatureUsageRow[];
  entitlements: FeatureEntitlementRow[];
  /** Active users of the account (portal and attributed internal users); null when the export has no User.csv. */
  users: AdoptionUser[] | null;
  /** True when User.csv has Profile.UserLicense.Name, so user license holders can be counted. */
  hasUserLicenses: boolean;
  /**
   * User Ids by lower-case permission set license DeveloperName and label, from PermissionSetLicenseAssign.csv; null
   * when the export has no such file.
   */
  permissionSetLicenseHolders: ReadonlyMap<string, ReadonlySet<string>> | null;
}

/** A segment of an account: its type and name, with `All`/`All` for the whole account. */
interface Segment {
  segmentType: SegmentType;
  segment: string;
}

function segmentKey(segment: Segment): string {
  return `${segment.segmentType}|${segment.segment}`;
}

function compareText(left: string, right: string): number {
  if (left === right) {
    return 0;
  }
  return left < right ? -1 : 1;
}

/** Sorts segments as AdoptionFactBuilder writes them: All first, then by segment key in UTF-16 code unit order. */
function sortedSegments(byKey: Map<string, Segment>): Segment[] {
  const allKey = `${ALL_SEGMENT}|${ALL_SEGMENT}`;
  const rest = [...byKey.keys()].filter((key) => key !== allKey).sort(compareText);
  return [{ segmentType: ALL_SEGMENT, segment: ALL_SEGMENT }, ...rest.map((key) => byKey.get(key) as Segment)];
}

/** Returns the first day of the month the nightly job completes on an as-of date: the month of the day before. */
export function factMonthOf(asOf: string): string {
  return monthStart(formatIsoDate(parseIsoDate(asOf, 'asOf') - 1));
}

/** Returns the last day of a month. */
function monthEndOf(month: string): string {
  return formatIsoDate(parseIsoDate(addMonths(month, 1), 'month') - 1);
}

/** The users of one account by the login segments they belong to; segment names compare without letter case. */
class UserIndex {
  private readonly bySegment = new Map<string, AdoptionUser[]>();

  constructor(readonly users: readonly AdoptionUser[]) {
    for (const user of users) {
      this.add('Profile', user.profileName, user);
      if (!user.isPortal) {
        this.add('Role', user.roleName, user);
        this.add('Department', user.department, user);
      }
    }
  }

  private static keyOf(segmentType: SegmentType, name: string): string | null {
    const prefix = LOGIN_SEGMENT_PREFIXES[segmentType];
    return prefix === undefined ? null : (prefix + name.trim()).slice(0, LOGIN_SEGMENT_LENGTH).toLowerCase();
  }

  private add(segmentType: SegmentType, value: string | null, user: AdoptionUser): void {
    if (value === null || value.trim() === '') {
      return;
    }
    const key = UserIndex.keyOf(segmentType, value) as string;
    const list = this.bySegment.get(key);
    if (list === undefined) {
      this.bySegment.set(key, [user]);
    } else {
      list.push(user);
    }
  }

  /** Returns the users of a segment, or null for a segment type that users do not carry (BusinessUnit). */
  membersOf(segment: Segment): readonly AdoptionUser[] | null {
    if (segment.segmentType === ALL_SEGMENT) {
      return this.users;
    }
    const key = UserIndex.keyOf(segment.segmentType, segment.segment);
    return key === null ? null : (this.bySegment.get(key) ?? []);
  }
}

/** Computes the facts of one account, month by month. */
class AccountFactBuilder {
  private readonly usage = new Map<string, FeatureUsageRow>();
  private readonly users: UserIndex | null;

  constructor(
    private readonly features: readonly AdoptionFeature[],
    private readonly input: AccountAdoptionInput
  ) {
    for (const row of input.usage) {
      this.usage.set(this.usageKey(row.featureKey, row, row.month), row);
    }
    this.users = input.users === null ? null : new UserIndex(input.users);
  }

  private usageKey(featureKey: string, segment: Segment, month: string): string {
    return `${featureKey}|${segmentKey(segment)}|${monthStart(month)}`;
  }

  /** Builds the facts of one month, feature by feature in dictionary order, each feature's segments in order. */
  build(month: string): AdoptionFactRow[] {
    const months = trendMonths(month);
    const facts: AdoptionFactRow[] = [];
    for (const feature of this.features) {
      for (const segment of this.segmentsOf(feature, months)) {
        const fact = this.factOf(feature, segment, months);
        if (fact !== null) {
          facts.push(fact);
        }
      }
    }
    return facts;
  }

  private segmentsOf(feature: AdoptionFeature, months: string[]): Segment[] {
    const byKey = new Map<string, Segment>([
      [`${ALL_SEGMENT}|${ALL_SEGMENT}`, { segmentType: ALL_SEGMENT, segment: ALL_SEGMENT }]
    ]);
    const window = new Set(months);
    for (const row of this.input.usage) {
      if (row.featureKey === feature.key && window.has(monthStart(row.month))) {
        byKey.set(segmentKey(row), { segmentType: row.segmentType, segment: row.segment });
      }
    }
    if (feature.entitlementSource === 'EntitlementRecord') {
      const first = months[0] as string;
      const lastDay = monthEndOf(months[months.length - 1] as string);
      for (const row of this.input.entitlements) {
        if (row.featureKey === feature.key && isActiveBetween(row, first, lastDay)) {
          byKey.set(segmentKey(row), { segmentType: row.segmentType, segment: row.segment });
        }
      }
    }
    return sortedSegments(byKey);
  }

  private factOf(feature: AdoptionFeature, segment: Segment, months: string[]): AdoptionFactRow | null {
    const month = months[months.length - 1] as string;
    const current = this.usage.get(this.usageKey(feature.key, segment, month)) ?? null;
    const entitled = this.entitledOf(feature, segment, month);
    if (current === null && (entitled === null || entitled <= 0)) {
      return null;
    }
    const percents = months.map((trendMonth) => {
      const row =
        trendMonth === month ? current : (this.usage.get(this.usageKey(feature.key, segment, trendMonth)) ?? null);
      const monthEntitled = trendMonth === month ? entitled : this.entitledOf(feature, segment, trendMonth);
      const percent = adoptionPercent(row?.active ?? null, monthEntitled);
      return percent !== null && percent > MAX_STORED_PERCENT ? MAX_STORED_PERCENT : percent;
    });
    const trend = adoptionTrend(percents);
    return {
      featureKey: feature.key,
      segmentType: segment.segmentType,
      segment: segment.segment,
      month,
      entitledUsers: entitled,
      assignedUsers: current?.assigned ?? null,
      activeUsers: current?.active ?? null,
      triedUsers: current?.tried ?? null,
      adoptionPercent: percents[percents.length - 1] ?? null,
      trend: trend.trend,
      trendSlope: trend.slope
    };
  }

  private entitledOf(feature: AdoptionFeature, segment: Segment, month: string): number | null {
    switch (feature.entitlementSource) {
      case 'LicensedSeats':
        return segment.segmentType === ALL_SEGMENT ? this.input.licensedSeats : null;
      case 'EntitlementRecord':
        return this.entitlementRecordsOf(feature.key, segment, month);
      case 'UserLicense':
        return this.userLicenseHolders(feature, segment);
      case 'PermissionSetLicense':
        return this.permissionSetLicenseHolders(feature, segment);
      default:
        return null;
    }
  }

  private entitlementRecordsOf(featureKey: string, segment: Segment, month: string): number | null {
    const lastDay = monthEndOf(month);
    let total: number | null = null;
    for (const row of this.input.entitlements) {
      if (
        row.featureKey === featureKey &&
        segmentKey(row) === segmentKey(segment) &&
        isActiveBetween(row, month, lastDay)
      ) {
        total = (total ?? 0) + (row.entitled ?? 0);
      }
    }
    return total;
  }

  private userLicenseHolders(feature: AdoptionFeature, segment: Segment): number | null {
    const members = this.users?.membersOf(segment) ?? null;
    if (members === null || feature.licenseName === null || !this.input.hasUserLicenses) {
      return null;
    }
    const licenseName = feature.licenseName.trim().toLowerCase();
    return members.filter((user) => user.licenseName?.trim().toLowerCase() === licenseName).length;
  }

  private permissionSetLicenseHolders(feature: AdoptionFeature, segment: Segment): number | null {
    const members = this.users?.membersOf(segment) ?? null;
    const holdersByLicense = this.input.permissionSetLicenseHolders;
    if (members === null || feature.licenseName === null || holdersByLicense === null) {
      return null;
    }
    const holders = holdersByLicense.get(feature.licenseName.trim().toLowerCase());
    return holders === undefined ? 0 : members.filter((user) => holders.has(user.userId)).length;
  }
}

/** True when an entitlement row starts on or before `lastDay` and does not end before `firstDay`. */
function isActiveBetween(row: FeatureEntitlementRow, firstDay: string, lastDay: string): boolean {
  return row.startDate !== null && row.startDate <= lastDay && (row.endDate === null || row.endDate >= firstDay);
}

/** Returns the first month that has a usage row or an entitlement start, or null when the account has neither. */
function firstDataMonth(input: AccountAdoptionInput): string | null {
  let first: string | null = null;
  for (const row of input.usage) {
    const month = monthStart(row.month);
    if (first === null || month < first) {
      first = month;
    }
  }
  for (const row of input.entitlements) {
    const month = row.startDate === null ? null : monthStart(row.startDate);
    if (month !== null && (first === null || month < first)) {
      first = month;
    }
  }
  return first;
}

/**
 * Computes the adoption facts of one account for one month, as the nightly job writes them.
 * @param features Active features, in dictionary order.
 * @param input Usage rows, entitlements, licensed seats and users of the account.
 * @param month Any day of the month.
 * @returns Facts by feature in the order given, each feature's segments All first and then by type and name.
 */
export function computeMonthFacts(
  features: readonly AdoptionFeature[],
  input: AccountAdoptionInput,
  month: string
): AdoptionFactRow[] {
  return new AccountFactBuilder(features, input).build(monthStart(month));
}

/**
 * Computes the adoption facts of one account for every month from its first month of data up to `lastMonth`, as the
 * nightly job would have written them month by month, at most MAX_HISTORY_MONTHS months before `lastMonth`. Facts
 * of a month with license entitlements use the users of the export, as the NOTE at the top of this file says.
 * @param features Active features, in dictionary order.
 * @param input Usage rows, entitlements, licensed seats and users of the account.
 * @param lastMonth Any day of the latest month, usually `factMonthOf(asOf)`.
 * @returns Facts oldest month first. An account without usage rows and entitlement rows gets none, although the org
 *   would write facts without a percent for its LicensedSeats and license features: the export has no adoption data
 *   for it.
 */
export function computeFactHistory(
  features: readonly AdoptionFeature[],
  input: AccountAdoptionInput,
  lastMonth: string
): AdoptionFactRow[] {
  const last = monthStart(lastMonth);
  const first = firstDataMonth(input);
  if (first === null || features.length === 0) {
    return [];
  }
  const earliest = addMonths(last, -MAX_HISTORY_MONTHS);
  const builder = new AccountFactBuilder(features, input);
  const facts: AdoptionFactRow[] = [];
  for (let month = first < earliest ? earliest : first; month <= last; month = addMonths(month, 1)) {
    facts.push(...builder.build(month));
  }
  return facts;
}

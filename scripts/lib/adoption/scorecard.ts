/**
 * The adoption scorecard of one account and month, built from its adoption facts and the feature dictionary as the
 * Apex classes AdoptionScorecardService and AdoptionScorecardView build it: the feature by segment matrix, license
 * utilization, the under-used features with their enablement actions, and the dictionary entries shown. The offline
 * cockpit returns it in the Apex shape, and `npm run score` renders it as Markdown.
 */
import {
  adoptionPercent,
  ALL_SEGMENT,
  diagnoseBarriers,
  monthStart,
  SEGMENT_TYPES,
  underusedFeatures
} from 'c/adoptionEngine';
import type {
  AdoptionFactRow,
  AdoptionFeature,
  AdoptionScorecardModel,
  Barrier,
  BarrierInput,
  UnderusedCandidate,
  UnderusedFeature
} from 'c/adoptionEngine';
import { formatIsoDate, parseIsoDate } from 'c/healthEngine';
import { addMonths } from 'c/adoptionEngine';

/** Months with facts the scorecard lists at most, newest first, as AdoptionScorecardSelector reads them. */
export const MAX_FACT_MONTHS = 60;

/** One column of the matrix. */
export interface ScorecardColumn {
  /** `<segmentType>|<segment>`. */
  key: string;
  segmentType: string;
  segment: string;
  /** `All users`, or `<type>: <segment>` with the type in words, such as `Business unit: EMEA`. */
  label: string;
}

/** One row of the matrix: a feature with one fact or none per column. */
export interface ScorecardRow {
  featureKey: string;
  /** Label of the dictionary entry; the key when the dictionary has none. */
  label: string;
  /** The dictionary entry; null when the facts name a feature the dictionary does not contain. */
  feature: AdoptionFeature | null;
  /** Fact of each column, in column order; null for a column without a fact. */
  cells: (AdoptionFactRow | null)[];
}

/** License utilization of one feature in the whole account. */
export interface LicenseRow {
  featureKey: string;
  label: string;
  feature: AdoptionFeature | null;
  fact: AdoptionFactRow;
  /** Assigned users per 100 entitled users, 1 decimal; null without entitlement. */
  assignedPercent: number | null;
}

/** An under-used feature with what the component and the report show beside it. */
export interface UnderusedRow extends UnderusedFeature {
  label: string;
  valueStatement: string | null;
  /** Barrier whose action is recommended when the feature has no enablement action of its own; else null. */
  actionBarrier: Barrier | null;
}

/** The scorecard of one account and month. */
export interface ScorecardView {
  /** First day of the month shown; null when the account has no facts. */
  month: string | null;
  /** First days of the months with facts, newest first, at most MAX_FACT_MONTHS. */
  monthsAvailable: string[];
  /** Facts of the month shown. */
  facts: AdoptionFactRow[];
  columns: ScorecardColumn[];
  /** Rows in feature label order (without regard to letter case), then key. */
  rows: ScorecardRow[];
  licenses: LicenseRow[];
  /** Highest priority first; the first PRIORITY_FLAG_COUNT are flagged. */
  underused: UnderusedRow[];
}

function compareText(left: string, right: string): number {
  if (left === right) {
    return 0;
  }
  return left < right ? -1 : 1;
}

/**
 * Writes a segment as the scorecard's column headers do: `All users` for the whole account, else `<type>: <segment>`
 * with the type in words, such as `Role: Support Agent` or `Business unit: EMEA`.
 */
export function scorecardSegmentLabel(segmentType: string, segment: string): string {
  if (segmentType === ALL_SEGMENT) {
    return 'All users';
  }
  return `${segmentType === 'BusinessUnit' ? 'Business unit' : segmentType}: ${segment}`;
}

/** Returns the label of a feature, or its key when the dictionary has no label for it. */
export function featureLabelOf(features: ReadonlyMap<string, AdoptionFeature>, featureKey: string): string {
  const label = features.get(featureKey)?.label ?? '';
  return label.trim() === '' ? featureKey : label;
}

/**
 * Builds the input of `diagnoseBarriers` from a fact and its feature, without a peer percent.
 * @param fact Adoption fact of one feature and segment; null when there is none.
 * @param feature The feature.
 * @param asOf ISO date of the diagnosis.
 */
export function barrierInputOf(fact: AdoptionFactRow | null, feature: AdoptionFeature, asOf: string): BarrierInput {
  return {
    entitled: fact?.entitledUsers ?? null,
    assigned: fact?.assignedUsers ?? null,
    active: fact?.activeUsers ?? null,
    tried: fact?.triedUsers ?? null,
    percent: fact?.adoptionPercent ?? null,
    target: feature.targetPercent,
    trend: fact?.trend ?? null,
    availableSince: feature.availableSince,
    asOf,
    peerPercent: null
  };
}

/** Lists the months that have facts, newest first. */
export function factMonths(facts: readonly AdoptionFactRow[]): string[] {
  const months = new Set(facts.map((fact) => monthStart(fact.month)));
  return [...months].sort((left, right) => compareText(right, left)).slice(0, MAX_FACT_MONTHS);
}

function columnsOf(facts: readonly AdoptionFactRow[]): ScorecardColumn[] {
  const byKey = new Map<string, ScorecardColumn>();
  for (const fact of facts) {
    const key = `${fact.segmentType}|${fact.segment}`;
    if (!byKey.has(key)) {
      byKey.set(key, {
        key,
        segmentType: fact.segmentType,
        segment: fact.segment,
        label: scorecardSegmentLabel(fact.segmentType, fact.segment)
      });
    }
  }
  const typeIndex = (segmentType: string): number => {
    const index = (SEGMENT_TYPES as readonly string[]).indexOf(segmentType);
    return index < 0 ? SEGMENT_TYPES.length : index;
  };
  return [...byKey.values()].sort(
    (left, right) =>
      typeIndex(left.segmentType) - typeIndex(right.segmentType) ||
      compareText(left.segmentType, right.segmentType) ||
      compareText(left.segment, right.segment)
  );
}

/** Feature keys of the facts in label order without regard to letter case, then key, as the dictionary reads. */
function sortedFeatureKeys(
  facts: readonly AdoptionFactRow[],
  features: ReadonlyMap<string, AdoptionFeature>
): string[] {
  const keys = [...new Set(facts.map((fact) => fact.featureKey))];
  const sortKey = (key: string): string => `${featureLabelOf(features, key).toLowerCase()}|${key}`;
  return keys.sort((left, right) => compareText(sortKey(left), sortKey(right)));
}

function accountFactsByFeature(facts: readonly AdoptionFactRow[]): Map<string, AdoptionFactRow> {
  const byFeature = new Map<string, AdoptionFactRow>();
  for (const fact of facts) {
    if (fact.segmentType === ALL_SEGMENT && !byFeature.has(fact.featureKey)) {
      byFeature.set(fact.featureKey, fact);
    }
  }
  return byFeature;
}

function minDate(left: string, right: string): string {
  return left < right ? left : right;
}

/**
 * Ranks the features whose adoption in the whole account is below their target with `underusedFeatures`. Each
 * feature's barriers are diagnosed from its whole-account fact without peers, so a feature without an enablement
 * action gets the action of its first barrier.
 */
function underusedOf(
  keys: readonly string[],
  accountFacts: ReadonlyMap<string, AdoptionFactRow>,
  features: ReadonlyMap<string, AdoptionFeature>,
  asOf: string
): UnderusedRow[] {
  const candidates: UnderusedCandidate[] = [];
  for (const key of keys) {
    const fact = accountFacts.get(key);
    const feature = features.get(key);
    if (fact === undefined || feature === undefined) {
      continue;
    }
    candidates.push({
      featureKey: key,
      segmentType: ALL_SEGMENT,
      month: fact.month,
      percent: fact.adoptionPercent,
      target: feature.targetPercent,
      valueRank: feature.valueRank,
      enablementAction: feature.enablementAction,
      barriers: diagnoseBarriers(barrierInputOf(fact, feature, asOf)).map((finding) => finding.barrier)
    });
  }
  return underusedFeatures(candidates).map((row) => {
    const feature = features.get(row.featureKey) as AdoptionFeature;
    const hasOwnAction = (feature.enablementAction ?? '').trim() !== '';
    const barriers = candidates.find((candidate) => candidate.featureKey === row.featureKey)?.barriers ?? [];
    return {
      ...row,
      label: featureLabelOf(features, row.featureKey),
      valueStatement: feature.valueStatement,
      actionBarrier: hasOwnAction ? null : (barriers[0] ?? null)
    };
  });
}

/**
 * Builds the scorecard of an account for one month. The barriers behind an under-used feature's action are diagnosed
 * as of the last day of the month shown, or `asOf` when that is earlier.
 * @param facts Adoption facts of the account, any months.
 * @param features Every feature of the dictionary by key, active or not, so facts of a feature deactivated since
 *   keep their label.
 * @param month Any day of the month to show; null for the latest month with facts.
 * @param asOf ISO date the scorecard is built on.
 */
export function buildScorecardView(
  facts: readonly AdoptionFactRow[],
  features: ReadonlyMap<string, AdoptionFeature>,
  month: string | null,
  asOf: string
): ScorecardView {
  const monthsAvailable = factMonths(facts);
  const shownMonth = month === null ? (monthsAvailable[0] ?? null) : monthStart(month);
  const monthFacts = shownMonth === null ? [] : facts.filter((fact) => monthStart(fact.month) === shownMonth);
  const view: ScorecardView = {
    month: shownMonth,
    monthsAvailable,
    facts: monthFacts,
    columns: [],
    rows: [],
    licenses: [],
    underused: []
  };
  if (monthFacts.length === 0 || shownMonth === null) {
    return view;
  }

  view.columns = columnsOf(monthFacts);
  const keys = sortedFeatureKeys(monthFacts, features);
  const byCell = new Map<string, AdoptionFactRow>();
  for (const fact of monthFacts) {
    const cellKey = `${fact.featureKey}#${fact.segmentType}|${fact.segment}`;
    if (!byCell.has(cellKey)) {
      byCell.set(cellKey, fact);
    }
  }
  view.rows = keys.map((key) => ({
    featureKey: key,
    label: featureLabelOf(features, key),
    feature: features.get(key) ?? null,
    cells: view.columns.map((column) => byCell.get(`${key}#${column.key}`) ?? null)
  }));

  const accountFacts = accountFactsByFeature(monthFacts);
  view.licenses = keys.flatMap((key) => {
    const fact = accountFacts.get(key);
    if (fact === undefined) {
      return [];
    }
    return [
      {
        featureKey: key,
        label: featureLabelOf(features, key),
        feature: features.get(key) ?? null,
        fact,
        assignedPercent: adoptionPercent(fact.assignedUsers, fact.entitledUsers)
      }
    ];
  });
  const monthEnd = formatIsoDate(parseIsoDate(addMonths(shownMonth, 1), 'month') - 1);
  view.underused = underusedOf(keys, accountFacts, features, minDate(asOf, monthEnd));
  return view;
}

/**
 * Turns a scorecard into the model of the Markdown renderer `renderAdoptionScorecard`. A feature that the dictionary
 * does not contain shows its key, a value rank of 0 and no target.
 * @param customer Account name.
 * @param asOf ISO date the scorecard is written for.
 * @param view The scorecard.
 */
export function scorecardModelOf(customer: string, asOf: string, view: ScorecardView): AdoptionScorecardModel {
  return {
    customer,
    asOf,
    month: view.month,
    features: view.rows.map((row) => ({
      key: row.featureKey,
      label: row.label,
      valueRank: row.feature?.valueRank ?? 0,
      targetPercent: row.feature?.targetPercent ?? 0
    })),
    segments: view.columns.map((column) => ({
      segmentType: column.segmentType as AdoptionScorecardModel['segments'][number]['segmentType'],
      segment: column.segment
    })),
    facts: view.facts,
    underused: view.underused.map(({ label: _label, valueStatement: _value, actionBarrier: _barrier, ...row }) => row)
  };
}

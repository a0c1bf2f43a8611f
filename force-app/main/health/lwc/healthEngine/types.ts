/**
 * Types shared by the health model, the signals of one account and the evaluation result.
 * The Apex evaluator mirrors these shapes field for field, and the shared test vectors use them as JSON.
 */

/** Directions a measure can have; the Apex evaluator supports the same list. */
export const DIRECTIONS = ['HigherIsBetter', 'LowerIsBetter'] as const;

/** Whether a higher raw value is better (logins) or worse (open cases). */
export type Direction = (typeof DIRECTIONS)[number];

/** Curves that turn a raw value into a score; the Apex evaluator supports the same list. */
export const CURVE_TYPES = ['Bands', 'Linear'] as const;

/** Curve that turns a raw value into a score from 0 to 100. */
export type CurveType = (typeof CURVE_TYPES)[number];

/** Missing-data policies; the Apex evaluator supports the same list. */
export const MISSING_DATA_POLICIES = ['Neutral', 'Redistribute', 'Zero', 'Exclude'] as const;

/**
 * Rule for a measure that has no data for an account.
 * - `Neutral`: scored with the model's neutral score.
 * - `Redistribute`: its weight goes to the measures of the same dimension that have data.
 * - `Zero`: scored 0; an explicit choice for signals where silence itself is bad news.
 * - `Exclude`: its weight leaves the model for this account and all other weights are renormalised.
 */
export type MissingDataPolicy = (typeof MISSING_DATA_POLICIES)[number];

/** Health band of a score; `Insufficient` when coverage is below the model's minimum. */
export type Band = 'Green' | 'Yellow' | 'Red' | 'Insufficient';

/** Every signal the engine can compute from account facts. The Apex evaluator supports the same list. */
export const SIGNAL_NAMES = [
  'LicenseUtilization',
  'ActiveDayShare',
  'AverageDailyActiveUsers',
  'Logins',
  'LoginChange',
  'OpenCases',
  'OpenHighPriorityCases',
  'WeightedOpenCases',
  'EscalatedCases',
  'CasesCreated',
  'AverageOpenCaseAgeDays',
  'DaysSinceSponsorActivity',
  'DaysSinceChampionActivity',
  'ActivityCount',
  'Nps',
  'Csat',
  'CsmPulse',
  'ObjectivesMetShare',
  'DaysToRenewal',
  'DaysPastDue'
] as const;

/** Name of a signal the engine can compute. */
export type SignalName = (typeof SIGNAL_NAMES)[number];

/** One step of a banded curve: a raw value at or above `min` scores `score` (steps sorted by `min`). */
export interface BandStep {
  min: number;
  score: number;
}

/** One measure of the model: a signal, its window and the curve that scores it. */
export interface MeasureDefinition {
  /** Unique API-style name, for example `LicenseUtilization30d`. */
  name: string;
  label: string;
  signal: SignalName;
  /** Days back from the as-of date that the signal looks at; the as-of day is included. */
  windowDays: number;
  direction: Direction;
  curve: CurveType;
  /** Linear curve: raw value that scores 0 (HigherIsBetter) or 100 (LowerIsBetter). */
  lowerThreshold: number | null;
  /** Linear curve: raw value that scores 100 (HigherIsBetter) or 0 (LowerIsBetter). */
  upperThreshold: number | null;
  /** Banded curve steps; empty for a linear curve. */
  bands: BandStep[];
  missingData: MissingDataPolicy;
  /** A critical measure in the red caps the overall score at the model's `criticalCapScore`. */
  isCritical: boolean;
  /** Relative weight inside the dimension; 0 means watched and shown, but not scored. */
  weight: number;
  description?: string;
}

/** A group of measures with a relative weight in the overall score. */
export interface DimensionDefinition {
  name: string;
  label: string;
  weight: number;
  measures: MeasureDefinition[];
  description?: string;
  /** Action for the CSM when this dimension is red or yellow, shown in the health-check report. */
  recommendedAction?: string;
  /** Whether the dimension describes technical health (use, support) or business health (people, value, money). */
  category?: DimensionCategory;
}

/** Side of the account's health a dimension belongs to. */
export type DimensionCategory = 'Technical' | 'Business';

/** Accounts a model applies to: those whose `field` contains one of `values`. */
export interface SegmentCriteria {
  field: string;
  values: string[];
}

/** A versioned health model. */
export interface HealthModel {
  name: string;
  label: string;
  version: number;
  /** Null applies the model to every account that no more specific model claims. */
  segment: SegmentCriteria | null;
  /** Lowest score that is green. */
  greenMin: number;
  /** Lowest score that is yellow; below it is red. */
  yellowMin: number;
  /** Score given to a missing measure whose policy is `Neutral`. */
  neutralScore: number;
  /** Coverage (0 to 1) below which the account is `Insufficient` instead of banded. */
  minimumCoverage: number;
  /** Highest overall score an account can have while any critical measure is red. */
  criticalCapScore: number;
  /** Days of snapshots that the trend slope is fitted over. */
  trendWindowDays: number;
  /** Slopes (points per week) within plus or minus this value count as stable. */
  trendDeadBand: number;
  dimensions: DimensionDefinition[];
}

/** Activity of one account on one day, from LoginHistory or product telemetry. */
export interface UsageDay {
  /** ISO date `YYYY-MM-DD`. */
  date: string;
  /** Distinct users with at least one successful login that day. */
  activeUsers: number;
  logins: number;
}

/** A Case reduced to what the support measures need. */
export interface CaseFact {
  id: string;
  /** ISO date `YYYY-MM-DD` the Case was created. */
  createdDate: string;
  /** ISO date it was closed; null while open. */
  closedDate: string | null;
  /** True when `IsEscalated` is set or the Status is one of the configured escalation statuses. */
  isEscalated: boolean;
  /** Weight of its priority (for example High 3, Medium 2, Low 1). */
  priorityWeight: number;
  /** True for the priorities counted as high (P1). */
  isHighPriority: boolean;
}

/** Whether the named champion is still a contact of the account. */
export type ChampionStatus = 'Present' | 'Gone' | 'None';

/** Role of the contact an activity was with. */
export type ContactRole = 'ExecutiveSponsor' | 'Champion' | 'Other';

/** A completed Task or Event with a contact of the account. */
export interface ActivityFact {
  /** ISO date `YYYY-MM-DD` of the activity. */
  date: string;
  contactRole: ContactRole;
}

/**
 * Kind of feedback score. An NPS response is the 0..10 rating, or already classified as 100 (promoter) or -100
 * (detractor), so 0 is read as a rating of 0. CSAT and CSM pulse run from 0 to 100.
 */
export type FeedbackType = 'Nps' | 'Csat' | 'CsmPulse';

/** One survey answer or CSM pulse rating. */
export interface FeedbackFact {
  date: string;
  type: FeedbackType;
  score: number;
}

/** Success-plan objectives of the account as of the scoring date. */
export interface ObjectiveFacts {
  total: number;
  met: number;
}

/**
 * Facts the engine scores one account from. A null collection means the source is absent (no data), which the
 * measure's missing-data policy handles. An empty collection means the source exists and recorded nothing.
 */
export interface AccountSignals {
  accountId: string;
  accountName: string;
  /** Account fields that segment criteria can test, for example `{ Segment__c: 'Enterprise' }`. */
  attributes: Record<string, string>;
  /** Licensed seats; null when unknown. */
  licensedSeats: number | null;
  usage: UsageDay[] | null;
  cases: CaseFact[] | null;
  activities: ActivityFact[] | null;
  hasExecutiveSponsor: boolean;
  hasChampion: boolean;
  /**
   * Whether the account's named champion is still there: `Gone` when the champion field points to a contact that left
   * the account or no longer exists, `None` when no champion is named. Absent when the source cannot tell.
   */
  championStatus?: ChampionStatus;
  feedback: FeedbackFact[] | null;
  objectives: ObjectiveFacts | null;
  /** ISO date of the renewal Opportunity close or the Contract end; null when unknown. */
  renewalDate: string | null;
  daysPastDue: number | null;
}

/** A stored snapshot's per-measure scores, used for the change column of the ledger. */
export interface PreviousSnapshot {
  asOf: string;
  modelVersion: number;
  score: number | null;
  measures: Record<string, { score: number | null; points: number }>;
}

/** One point of score history for the trend. */
export interface ScorePoint {
  asOf: string;
  score: number;
  modelVersion?: number;
}

/** A CSM override: replaces one measure's score, or the overall score when `measure` is null. */
export interface ScoreOverride {
  id: string;
  measure: string | null;
  value: number;
  reason: string;
  /** ISO date after which the override no longer applies. */
  expiresOn: string;
}

/** Options of one evaluation. */
export interface EvaluationOptions {
  /** As-of date `YYYY-MM-DD`; every window ends on this day. */
  asOf: string;
  previous?: PreviousSnapshot | null;
  history?: ScorePoint[];
  overrides?: ScoreOverride[];
}

/** One line of the contribution ledger. */
export interface LedgerEntry {
  measure: string;
  label: string;
  dimension: string;
  signal: SignalName;
  raw: number | null;
  hasData: boolean;
  /** Policy applied because the measure had no data; null when it had data. */
  missingPolicy: MissingDataPolicy | null;
  /** 0..100, or null when the measure is not scored (excluded, redistributed or weight 0). */
  score: number | null;
  /** Effective share of the overall score after normalisation and missing-data handling (0..1). */
  weight: number;
  /** `score * weight`; the overall score is the sum of points. */
  points: number;
  isCritical: boolean;
  /** True when a critical measure scored below the model's `yellowMin`. */
  isCriticalRed: boolean;
  scoreChange: number | null;
  pointsChange: number | null;
  /** Id of the override that set this score, if any. */
  overrideId: string | null;
}

/** Score of one dimension. */
export interface DimensionResult {
  name: string;
  label: string;
  /** Weighted score of its measures, or null when none was scored. */
  score: number | null;
  /** Effective share of the overall score (0..1). */
  weight: number;
  /** Share of the dimension's nominal weight that had data (0..1). */
  coverage: number;
}

/** Direction of the fitted trend. */
export type TrendDirection = 'Improving' | 'Stable' | 'Declining' | 'Unknown';

/** Least-squares trend over the model's window. */
export interface TrendResult {
  /** Score points per week; null with fewer than two points. */
  slopePerWeek: number | null;
  direction: TrendDirection;
  /** Number of snapshots the fit used, the current one included. */
  points: number;
}

/** The measure whose improvement lifts the overall score most. */
export interface TopLever {
  measure: string;
  label: string;
  /** Overall points gained if this measure scored 100. */
  gain: number;
}

/** Health of one account on one as-of date. */
export interface AccountHealth {
  accountId: string;
  accountName: string;
  asOf: string;
  modelName: string;
  modelVersion: number;
  /** Overall 0..100 after cap and overrides; null when no measure could be scored. */
  score: number | null;
  band: Band;
  /** Score before the critical cap and any overall override. */
  uncappedScore: number | null;
  isCapped: boolean;
  /** Names of the critical measures in the red. */
  cappedBy: string[];
  /** Share of the model's nominal weight that had data (0..1). */
  coverage: number;
  isInsufficient: boolean;
  dimensions: DimensionResult[];
  ledger: LedgerEntry[];
  trend: TrendResult;
  topLever: TopLever | null;
  /** One plain sentence naming what pulls the score down most. */
  topReason: string;
  /** Id of the override that set the overall score, if any. */
  overallOverrideId: string | null;
}

/** One problem found in a model, with where it is. */
export interface ModelProblem {
  /** Path such as `Support.OpenHighPriorityCases.upperThreshold`. */
  location: string;
  message: string;
}

/**
 * Types of the QBR builder: the readiness scorer shared by QBRs, success plans and risk plans, the period's records
 * as plain data, the assembled draft, the benchmark against peers and the deck. The Apex classes and the shared
 * readiness vectors use the same names, with dates as ISO `YYYY-MM-DD` strings.
 */
import type { Direction } from 'c/healthEngine';
import type { PlanProgress } from 'c/planEngine';

/** Readiness categories in the order the scorer reports them. */
export const READINESS_CATEGORIES = [
  'CustomerCentricity',
  'Actionability',
  'DataDrivenInsight',
  'ProactiveRiskManagement',
  'ExpansionAwareness'
] as const;

/** Maximum points of each readiness category; they add up to 100. */
export const READINESS_CATEGORY_POINTS = {
  CustomerCentricity: 25,
  Actionability: 20,
  DataDrivenInsight: 20,
  ProactiveRiskManagement: 20,
  ExpansionAwareness: 15
} as const;

/** Readiness bands from the best to the worst; `readinessBandOf` gives their score ranges. */
export const READINESS_BANDS = ['ReadyToPresent', 'Refine', 'DeeperAnalysis', 'BackToDiscovery'] as const;

/** Slides of the deck in presentation order. */
export const SLIDE_KEYS = [
  'title',
  'agenda',
  'wins',
  'metrics',
  'adoption',
  'challenges',
  'roadmap',
  'insights',
  'nextGoals',
  'actionItems'
] as const;

/** Review statuses; the Status__c picklist of BusinessReview__c offers the same list. */
export const REVIEW_STATUSES = ['Draft', 'Ready', 'Presented'] as const;

/** Area of a deliverable the readiness scorer rates. */
export type ReadinessCategory = (typeof READINESS_CATEGORIES)[number];

/** Readiness band of a score: 85 and up ReadyToPresent, 70 to 84 Refine, 50 to 69 DeeperAnalysis, else BackToDiscovery. */
export type ReadinessBand = (typeof READINESS_BANDS)[number];

/** Key of one deck slide. */
export type SlideKey = (typeof SLIDE_KEYS)[number];

/** Lifecycle status of a business review. */
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** A number shown to the customer, with the period it covers and the date it was read. */
export interface Claim {
  text: string;
  value: number | null;
  unit: string | null;
  period: string | null;
  asOf: string | null;
}

/** A follow-up with an owner and a due date (a Task on the review, plan or risk). */
export interface ActionItem {
  subject: string;
  ownerName: string | null;
  dueDate: string | null;
}

/** A risk as input of the readiness scorer. */
export interface RiskItem {
  title: string;
  severity: 'Critical' | 'High' | 'Medium' | 'Low';
  hasMitigation: boolean;
  rung: string | null;
  status: string;
}

/** A goal for the next period; `objectiveOutcome` names the customer objective it serves, null when none. */
export interface Goal {
  text: string;
  objectiveOutcome: string | null;
}

/** Generic input of the readiness scorer; adapters build it from a QBR draft, a success plan or a risk plan. */
export interface ReadinessInput {
  kind: 'Qbr' | 'SuccessPlan' | 'RiskPlan';
  /** The customer's objectives in their words (success-plan objectives). */
  customerObjectives: string[];
  goals: Goal[];
  actionItems: ActionItem[];
  claims: Claim[];
  risks: RiskItem[];
  /** Sponsor/champion named, customer quotes or feedback referenced, etc. */
  hasExecutiveSponsor: boolean;
  customerFeedbackCount: number;
  /** Insight the customer did not have (benchmark or trend finding). */
  insights: string[];
  /** Expansion: whitespace/opportunities/triggers mentioned; adoption of owned capabilities shown. */
  expansionSignals: string[];
  renewalDate: string | null;
  /**
   * ISO date the deliverable is rated on; the renewal check measures the 180 days from it. When absent or null the
   * renewal check treats a renewal date as within the window (the scorer has no clock).
   */
  asOf?: string | null;
  /** True when the renewal is discussed in the deliverable (a goal, action item or section mentions it). */
  isRenewalAddressed?: boolean;
  /** True when risks were reviewed even if none is open; a risk plan or a QBR with a challenges section sets it. */
  isRiskReviewed?: boolean;
}

/** One explicit readiness check with what it found. */
export interface ReadinessCheck {
  id: string;
  category: ReadinessCategory;
  maxPoints: number;
  points: number;
  passed: boolean;
  /** What the check found, e.g. "2 of 3 action items have an owner and a due date". */
  finding: string;
  /** What to add when the check did not pass fully; null when passed. */
  missing: string | null;
}

/** Readiness score out of 100 with its band, category totals, checks and the list of what is missing. */
export interface ReadinessResult {
  score: number;
  band: ReadinessBand;
  categories: { category: ReadinessCategory; points: number; maxPoints: number }[];
  checks: ReadinessCheck[];
  missing: string[];
}

/** Context of the success plan adapter: the plan's progress and the facts a plan record does not hold. */
export interface PlanReadinessContext {
  /** ISO date the plan is rated on. */
  asOf: string;
  /** Progress from `planProgressOf` of `c/planEngine`; its numbers become claims. */
  progress: PlanProgress | null;
  /** Open risks of the account; empty when none. */
  risks: RiskItem[];
  /** True when the account's risks were reviewed for the plan. */
  isRiskReviewed: boolean;
  customerFeedbackCount: number;
  renewalDate: string | null;
  /** Expansion triggers the CSM noted; the adapter adds the plan's Expansion stage and objectives' capabilities. */
  expansionSignals: string[];
  /** Benchmark or trend findings the plan shares with the customer. */
  insights: string[];
}

/** Context of the risk plan adapter. */
export interface RiskPlanReadinessContext {
  /** ISO date the plan is rated on. */
  asOf: string;
  /** The customer's objectives in their words, from the account's success plan; empty when none. */
  customerObjectives: string[];
  hasExecutiveSponsor: boolean;
  customerFeedbackCount: number;
  renewalDate: string | null;
  expansionSignals: string[];
  insights: string[];
  /** Risk rule name -> the customer objective the risk threatens; a risk without an entry is not linked. */
  objectiveByRule?: Record<string, string>;
}

/** Measure name -> raw value (null: no data). */
export type MeasureValues = Record<string, number | null>;

/** A measure the benchmark compares. */
export interface BenchmarkMeasure {
  name: string;
  label: string;
  /** Direction from the health model's measure definition; null or absent counts as HigherIsBetter. */
  direction?: Direction | null;
  unit?: string | null;
}

/** The account against the peer median on one measure. */
export interface BenchmarkRow {
  measure: string;
  label: string;
  direction: Direction;
  unit: string | null;
  value: number | null;
  median: number | null;
  /** Peers with a value for this measure. */
  peerCount: number;
  /** value - median; null when either is null. */
  gap: number | null;
  /** Gap signed so that a positive number is better than the peers (the gap negated for LowerIsBetter). */
  favourableGap: number | null;
}

/** Benchmark of one account against the median of its peers. */
export interface Benchmark {
  rows: BenchmarkRow[];
  /** Peer accounts compared; a single measure may have fewer peers with a value. */
  peerCount: number;
  /** One sentence on the largest favourable and unfavourable gap; null with fewer than 3 peers. */
  insight: string | null;
  /** Measure the insight names as the largest favourable gap; null when none. */
  aheadMeasure?: string | null;
  /** Measure the insight names as the largest unfavourable gap; null when none. */
  behindMeasure?: string | null;
}

/** One health score of the account (mirrors ReviewData.ScorePoint). */
export interface QbrScorePoint {
  scoredOn: string;
  score: number | null;
  band: string | null;
}

/** Usage of one month (mirrors ReviewData.UsagePoint). */
export interface QbrUsagePoint {
  /** Month as `YYYY-MM`. */
  month: string;
  /** Peak daily active users in the month. */
  activeUsers: number | null;
  logins: number | null;
}

/** Cases of the period (mirrors ReviewData.CaseStats). */
export interface QbrCaseStats {
  opened: number | null;
  resolved: number | null;
  openAtEnd: number | null;
  highPriorityOpen: number | null;
  medianResolutionDays: number | null;
}

/** A risk of the account touched in the period (mirrors ReviewData.RiskRow). */
export interface QbrRiskRow {
  id: string | null;
  title: string;
  severity: string | null;
  status: string | null;
  rung: string | null;
  hasMitigation: boolean | null;
  detectedOn: string | null;
  closedOn: string | null;
}

/** A success plan objective (mirrors ReviewData.ObjectiveRow). */
export interface QbrObjectiveRow {
  outcome: string;
  successMetric: string | null;
  unit: string | null;
  baseline: number | null;
  target: number | null;
  currentValue: number | null;
  status: string | null;
  isMet: boolean | null;
  /** ISO due date of the objective (SuccessObjective__c.DueDate__c); absent when the source does not read it. */
  dueDate?: string | null;
}

/** A milestone completed in the period (mirrors ReviewData.MilestoneRow). */
export interface QbrMilestoneRow {
  name: string;
  completedDate: string | null;
  completionSource: string | null;
}

/** A Task on the review (mirrors ReviewData.ActionItemRow). */
export interface QbrActionItemRow {
  id: string | null;
  subject: string;
  ownerId: string | null;
  ownerName: string | null;
  dueDate: string | null;
  status: string | null;
}

/** The account's latest raw value of one measure (mirrors ReviewData.MeasureValue). */
export interface QbrMeasureValue {
  measure: string;
  label: string | null;
  value: number | null;
  /** Direction from the health model; absent or null counts as HigherIsBetter. */
  direction?: Direction | null;
}

/** Median of one measure over the peers (mirrors ReviewData.PeerMedian). */
export interface QbrPeerMedian {
  measure: string;
  median: number | null;
  peerCount: number | null;
}

/** An assignable user (mirrors ReviewData.UserOption). */
export interface QbrUserOption {
  id: string;
  name: string;
}

/** A saved review (mirrors ReviewData.ReviewRecord); the text fields hold one bullet per line. */
export interface QbrReviewRecord {
  id: string;
  status: string | null;
  wins: string | null;
  challenges: string | null;
  roadmapAlignment: string | null;
  insights: string | null;
  nextPeriodGoals: string | null;
  /** Comma-separated slide keys. */
  includedSlides: string | null;
  readinessScore: number | null;
  readinessBand: string | null;
  deckFileId: string | null;
  deckExportedAt: string | null;
}

/** The period's records of one account as plain data; mirrors the Apex ReviewData DTO field for field. */
export interface QbrData {
  accountId: string;
  accountName: string;
  segment: string | null;
  arr: number | null;
  /** ISO date the data was read. */
  asOf: string;
  /** Quarter as `2026-Q4`. */
  quarter: string;
  periodStart: string;
  periodEnd: string;
  canEdit: boolean;
  review: QbrReviewRecord | null;
  healthPoints: QbrScorePoint[];
  currentBand: string | null;
  currentScore: number | null;
  usage: QbrUsagePoint[];
  licensedSeats: number | null;
  cases: QbrCaseStats | null;
  risks: QbrRiskRow[];
  objectives: QbrObjectiveRow[];
  milestonesAchieved: QbrMilestoneRow[];
  actionItems: QbrActionItemRow[];
  measures: QbrMeasureValue[];
  peerMedians: QbrPeerMedian[];
  peerCount: number | null;
  feedbackCount: number | null;
  executiveSponsorName: string | null;
  renewalDate: string | null;
  owners: QbrUserOption[];
}

/** Keys of the editable text sections of a review; each maps to a LongTextArea field of BusinessReview__c. */
export const SECTION_KEYS = ['wins', 'challenges', 'roadmapAlignment', 'insights', 'nextPeriodGoals'] as const;

/** Key of one editable text section. */
export type SectionKey = (typeof SECTION_KEYS)[number];

/** One bullet of a section; `claims` are 1-based footnote numbers into `QbrDraft.claims`. */
export interface SectionLine {
  text: string;
  claims: number[];
}

/** One slide of the draft with its include flag. */
export interface SlideToggle {
  key: SlideKey;
  title: string;
  included: boolean;
}

/** A chart of the draft (health trend, usage). */
export interface ChartSpec {
  kind: 'line' | 'bar';
  title: string;
  labels: string[];
  series: { name: string; values: (number | null)[] }[];
}

/** An assembled QBR: sections with suggested text, claims with footnotes, slides, benchmark and action items. */
export interface QbrDraft {
  accountId: string;
  customer: string;
  segment: string | null;
  quarter: string;
  periodStart: string;
  periodEnd: string;
  asOf: string;
  status: ReviewStatus;
  sections: Record<SectionKey, SectionLine[]>;
  /** Every number the deliverable shows; footnote n is `claims[n - 1]`. */
  claims: Claim[];
  /** Claims of the metrics slide (health, cases, usage), as 1-based footnote numbers. */
  metricClaims: number[];
  /** Claims of the adoption slide, as 1-based footnote numbers. */
  adoptionClaims: number[];
  customerObjectives: string[];
  risks: RiskItem[];
  actionItems: ActionItem[];
  executiveSponsorName: string | null;
  feedbackCount: number;
  /** Expansion triggers found in the data: peak active users near the licensed seats, and met objectives. */
  expansionSignals: string[];
  renewalDate: string | null;
  benchmark: Benchmark | null;
  charts: { health: ChartSpec | null; usage: ChartSpec | null };
  slides: SlideToggle[];
}

/** One slide of the deck as `buildDeck` lays it out. */
export interface DeckSlide {
  key: SlideKey;
  title: string;
  bullets: string[];
  chart: ChartSpec | null;
  footnotes: string[];
  /** Rows drawn as a table instead of the bullets (the action items); null on other slides. */
  table?: { header: string[]; rows: string[][] } | null;
}

/** Text run options of pptxgenjs that the engine uses (a subset of `TextPropsOptions`). */
export interface PptxTextOptions {
  x?: number;
  y?: number;
  w?: number;
  h?: number;
  fontSize?: number;
  bold?: boolean;
  color?: string;
  fontFace?: string;
  valign?: 'top' | 'middle' | 'bottom';
  align?: 'left' | 'center' | 'right' | 'justify';
  bullet?: boolean;
  breakLine?: boolean;
}

/** A text run with its own options, as `addText` takes in an array. */
export interface PptxTextRun {
  text: string;
  options?: PptxTextOptions;
}

/** Image options of pptxgenjs that the engine uses (a subset of `ImageProps`). */
export interface PptxImageOptions {
  data: string;
  x: number;
  y: number;
  w: number;
  h: number;
  altText?: string;
}

/** A table cell as `addTable` takes it (a subset of `TableCell`). */
export interface PptxTableCell {
  text: string;
  options?: PptxTextOptions;
}

/** Table options of pptxgenjs that the engine uses (a subset of `TableProps`). */
export interface PptxTableOptions {
  x?: number;
  y?: number;
  w?: number;
  fontSize?: number;
  fontFace?: string;
  color?: string;
  colW?: number[];
  autoPage?: boolean;
}

/** Output types of `write` (the `WRITE_OUTPUT_TYPE` values of pptxgenjs 4.0.1 except `STREAM`). */
export type PptxOutputType = 'arraybuffer' | 'base64' | 'binarystring' | 'blob' | 'nodebuffer' | 'uint8array';

/** The part of a pptxgenjs slide the engine calls. */
export interface PptxSlideLike {
  addText(text: string | PptxTextRun[], options?: PptxTextOptions): PptxSlideLike;
  addImage(options: PptxImageOptions): PptxSlideLike;
  addTable(rows: PptxTableCell[][], options?: PptxTableOptions): PptxSlideLike;
}

/**
 * The part of a pptxgenjs 4.0.1 presentation the engine and its callers use, which `new PptxGenJS()` satisfies. The
 * engine does not import the library, so it works with the static resource global in the browser and with
 * `require('pptxgenjs')` in Node.
 */
export interface PptxLike {
  layout: string;
  title: string;
  author: string;
  addSlide(): PptxSlideLike;
  write(props?: {
    outputType?: PptxOutputType;
    compression?: boolean;
  }): Promise<string | ArrayBuffer | Blob | Uint8Array>;
}

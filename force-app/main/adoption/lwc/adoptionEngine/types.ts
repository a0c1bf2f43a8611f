/**
 * Types of the adoption scorecard, feature adoption playbooks and the expansion map. The Apex class AdoptionRules
 * mirrors the rule inputs and results field for field, and the shared test vectors use them as JSON with ISO
 * `YYYY-MM-DD` dates. The renderer models at the end are plain data (strings, numbers, ISO dates and arrays), so the
 * component and the command-line tools can build them from records or from an org export.
 */

/** Segment types; the SegmentType__c picklists of FeatureUsage__c, AdoptionFact__c and AdoptionPlaybook__c. */
export const SEGMENT_TYPES = ['All', 'Role', 'Profile', 'Department', 'BusinessUnit'] as const;

/** Slicing of an account's users; `All` is the whole account. */
export type SegmentType = (typeof SEGMENT_TYPES)[number];

/** Segment__c value of the whole-account segment, whose SegmentType__c is also `All`. */
export const ALL_SEGMENT = 'All';

/** Trend values; the Trend__c picklist of AdoptionFact__c. */
export const ADOPTION_TRENDS = ['Improving', 'Stable', 'Declining', 'Insufficient'] as const;

/** Direction of a feature's adoption over the last TREND_MONTHS months. */
export type AdoptionTrend = (typeof ADOPTION_TRENDS)[number];

/** Adoption barriers in diagnosis order; the Barrier__c picklists of PlaybookBarrier__c and PlaybookTaskTemplate__mdt. */
export const BARRIERS = ['Access', 'Awareness', 'Training', 'UX', 'Relevance'] as const;

/** Reason users do not adopt a feature. */
export type Barrier = (typeof BARRIERS)[number];

/** Playbook statuses; the Status__c picklist of AdoptionPlaybook__c. */
export const PLAYBOOK_STATUSES = ['Draft', 'Active', 'Completed', 'Cancelled'] as const;

/** Lifecycle status of an adoption playbook. */
export type PlaybookStatus = (typeof PLAYBOOK_STATUSES)[number];

/** Whitespace statuses of a catalog product for one account, computed by `whitespaceGrid`. */
export const WHITESPACE_STATUSES = ['Owned', 'Ready', 'Developing', 'NotReady', 'Unknown'] as const;

/** Whether an account owns a product, and if not, how ready it is to adopt it. */
export type WhitespaceStatus = (typeof WHITESPACE_STATUSES)[number];

/** Expansion approaches; the ExpansionApproach__c picklist of Opportunity. */
export const EXPANSION_APPROACHES = ['UserLed', 'ExecutiveSponsored', 'EventTriggered'] as const;

/** Lead of an expansion conversation: the users, an executive, or a business event. */
export type ExpansionApproach = (typeof EXPANSION_APPROACHES)[number];

/** Business trigger types; the Type__c picklist of BusinessTrigger__c. */
export const TRIGGER_TYPES = [
  'HeadcountGrowth',
  'NewBusinessLine',
  'Merger',
  'Acquisition',
  'Funding',
  'LeadershipChange',
  'Other'
] as const;

/** Kind of event in the customer's business that opens an expansion conversation. */
export type TriggerType = (typeof TRIGGER_TYPES)[number];

/** Measure types; the MeasureType__c picklist of AdoptionFeature__mdt. */
export const MEASURE_TYPES = ['RecordCreation', 'PermissionSetUse', 'PageUsage', 'Telemetry'] as const;

/** Source of a feature's active user count. */
export type MeasureType = (typeof MEASURE_TYPES)[number];

/** Entitlement sources; the EntitlementSource__c picklist of AdoptionFeature__mdt. */
export const ENTITLEMENT_SOURCES = [
  'UserLicense',
  'PermissionSetLicense',
  'EntitlementRecord',
  'LicensedSeats'
] as const;

/** Source of a feature's entitled user count. */
export type EntitlementSource = (typeof ENTITLEMENT_SOURCES)[number];

/** One feature of the dictionary, read from an AdoptionFeature__mdt record. */
export interface AdoptionFeature {
  /** DeveloperName of the record. */
  key: string;
  label: string;
  /** ProductCode of the Product2 the feature belongs to. */
  productCode: string | null;
  /** The value the feature brings, one sentence starting with a verb. */
  valueStatement: string | null;
  /** 1 to 5, 5 the highest value. */
  valueRank: number;
  measureType: MeasureType;
  sourceObject: string | null;
  permissionSetName: string | null;
  entitlementSource: EntitlementSource | null;
  licenseName: string | null;
  /** Adoption percent the account should reach. */
  targetPercent: number;
  /** Recommended enablement action when the feature is under-used. */
  enablementAction: string | null;
  /** ISO date customers could first use the feature; null when it has long been available. */
  availableSince: string | null;
  isActive: boolean;
}

/** Adoption of one feature in one segment and month, read from an AdoptionFact__c record. */
export interface AdoptionFactRow {
  featureKey: string;
  segmentType: SegmentType;
  /** `All` when segmentType is All. */
  segment: string;
  /** ISO date of the first day of the month. */
  month: string;
  entitledUsers: number | null;
  assignedUsers: number | null;
  activeUsers: number | null;
  /** Distinct users active at least once in the 90 days ending with the month. */
  triedUsers: number | null;
  /** From `adoptionPercent`; null when there is no entitlement. */
  adoptionPercent: number | null;
  trend: AdoptionTrend;
  /** Points per month; null when the trend is Insufficient. */
  trendSlope: number | null;
}

/** Trend of a feature's adoption, from `adoptionTrend`. */
export interface AdoptionTrendResult {
  trend: AdoptionTrend;
  /** Least-squares slope in percentage points per month, 2 decimals; null when the trend is Insufficient. */
  slope: number | null;
}

/** One feature's adoption with what `underusedFeatures` needs to rank it. */
export interface UnderusedCandidate {
  featureKey: string;
  segmentType: SegmentType;
  /** ISO date of the first day of the month. */
  month: string;
  percent: number | null;
  /** The feature's TargetAdoptionPercent__c. */
  target: number;
  /** The feature's ValueRank__c, 1 to 5. */
  valueRank: number;
  /** The feature's EnablementAction__c. */
  enablementAction: string | null;
  /** Barriers diagnosed for the feature in the whole account, in diagnosis order. */
  barriers: Barrier[];
}

/** A feature below its target, from `underusedFeatures`. */
export interface UnderusedFeature {
  featureKey: string;
  /** ISO date of the first day of the month. */
  month: string;
  percent: number;
  target: number;
  valueRank: number;
  /** valueRank × (target − percent), 1 decimal. */
  priority: number;
  /** True for the PRIORITY_FLAG_COUNT features of highest priority. */
  isFlagged: boolean;
  /** The feature's enablement action, else the action of its first barrier, else null. */
  action: string | null;
}

/** Everything `diagnoseBarriers` needs for one feature in one segment. */
export interface BarrierInput {
  entitled: number | null;
  assigned: number | null;
  active: number | null;
  tried: number | null;
  percent: number | null;
  target: number;
  trend: AdoptionTrend | null;
  /** ISO date the feature became available; null when it has long been available. */
  availableSince: string | null;
  /** ISO date of the diagnosis. */
  asOf: string;
  /** Median adoption percent of the same feature in the account's other segments of the same type. */
  peerPercent: number | null;
}

/** One diagnosed barrier, from `diagnoseBarriers`. */
export interface BarrierFinding {
  barrier: Barrier;
  /** One sentence with the numbers that show the barrier. */
  evidence: string;
  /** The default action for the barrier, from `BARRIER_ACTIONS`. */
  action: string;
}

/** One task template of the sprint, read from a PlaybookTaskTemplate__mdt record. */
export interface PlaybookTaskTemplate {
  barrier: Barrier;
  /** Days from the playbook start; null counts as 0. */
  dayOffset: number | null;
  /** Task subject; `{feature}` and `{segment}` are replaced. */
  subject: string;
  /** Task description; `{feature}` and `{segment}` are replaced. */
  description: string | null;
  sortOrder: number | null;
}

/** A barrier of a playbook as the sprint needs it. */
export interface SprintBarrier {
  barrier: Barrier;
  action: string | null;
}

/** One Task of a playbook sprint, from `sprintTasks`. */
export interface SprintTask {
  barrier: Barrier;
  /** At most 255 characters, the length of Task.Subject. */
  subject: string;
  description: string | null;
  /** ISO date, never a Saturday or a Sunday. */
  dueDate: string;
}

/** One product of the expansion catalog, read from an ExpansionProduct__mdt record and its Product2. */
export interface ExpansionProduct {
  productCode: string;
  /** Product2 Name; the ProductCode when the product is not found. */
  productName: string;
  /** Feature keys whose adoption shows the account is ready, from PrerequisiteFeatures__c. */
  prerequisiteFeatures: string[];
  /** ProductCodes the account must own first, from RequiredProducts__c. */
  requiredProducts: string[];
  valueStatement: string | null;
  isActive: boolean;
}

/** Adoption of one prerequisite feature as the readiness used it. */
export interface PrerequisiteReadiness {
  featureKey: string;
  /** Latest adoption percent in the whole account; null without data. */
  percent: number | null;
  /** The feature's target percent; null when the feature is not in the dictionary. */
  target: number | null;
  /** True when both percent and a positive target are known, so the feature counts in the readiness. */
  hasData: boolean;
}

/** One product of the whitespace grid of an account, from `whitespaceGrid`. */
export interface WhitespaceCell {
  productCode: string;
  productName: string;
  status: WhitespaceStatus;
  /** 0 to 100, whole number; null when the account owns the product or no prerequisite has data. */
  readiness: number | null;
  /** One sentence explaining the status. */
  reason: string;
  prerequisites: PrerequisiteReadiness[];
  /** Required ProductCodes the account does not own, in the order of RequiredProducts__c. */
  missingProducts: string[];
  /** Names of the missing products, from the catalog; the ProductCode when the catalog does not list it. */
  missingProductNames: string[];
}

/** Everything `recommendApproach` needs for one opportunity. */
export interface ApproachInput {
  /** Business triggers within TRIGGER_WINDOW_DAYS before the as-of date. */
  triggerCount: number;
  hasChampion: boolean;
  /** The product's list price for the account; null when unknown. */
  listPrice: number | null;
  /** The account's annual recurring revenue; null when unknown. */
  arr: number | null;
}

/** The recommended approach with its reason, from `recommendApproach`. */
export interface ApproachResult {
  approach: ExpansionApproach;
  /** One sentence. */
  reason: string;
}

/** An event in the customer's business, read from a BusinessTrigger__c record. */
export interface BusinessTriggerRow {
  type: TriggerType;
  /** ISO date. */
  occurredOn: string | null;
  description: string | null;
}

/** A champion of the account: a Contact who promotes the product to the users. */
export interface ChampionRow {
  name: string;
  title: string | null;
}

/** Everything `valueHypothesis` needs for one opportunity. */
export interface HypothesisInput {
  customer: string;
  product: ExpansionProduct;
  /** The product's cell of `whitespaceGrid`. */
  cell: WhitespaceCell;
  /** Feature labels by feature key; a key without a label is shown as it is. */
  featureLabels: Record<string, string>;
  /** The latest business trigger within TRIGGER_WINDOW_DAYS; null when there is none. */
  trigger: BusinessTriggerRow | null;
  champion: ChampionRow | null;
}

/** The value hypothesis of an opportunity, from `valueHypothesis`. */
export interface ValueHypothesis {
  /** One paragraph for Opportunity.ExpansionHypothesis__c. */
  hypothesis: string;
  /** One line per fact, each ending with its source in brackets, for Opportunity.ExpansionEvidence__c. */
  evidence: string[];
}

/** One feature as the scorecard shows it. */
export interface ScorecardFeature {
  key: string;
  label: string;
  valueRank: number;
  targetPercent: number;
}

/** One column of the scorecard's feature by segment matrix. */
export interface ScorecardSegment {
  segmentType: SegmentType;
  segment: string;
}

/** Everything the adoption scorecard shows for one account. */
export interface AdoptionScorecardModel {
  customer: string;
  /** ISO date the scorecard is written for. */
  asOf: string;
  /** ISO date of the first day of the month shown; null when there is no adoption data. */
  month: string | null;
  /** Rows of the matrix, in display order. */
  features: ScorecardFeature[];
  /** Columns of the matrix, in display order. */
  segments: ScorecardSegment[];
  /** Adoption facts of the month; the matrix and the license utilization read them. */
  facts: AdoptionFactRow[];
  /** From `underusedFeatures`, in priority order. */
  underused: UnderusedFeature[];
}

/** One barrier of a playbook, read from a PlaybookBarrier__c record. */
export interface PlaybookBarrierRow {
  barrier: Barrier;
  evidence: string | null;
  action: string | null;
  /** True when the data suggested the barrier; false when the CSM added it. */
  isSuggested: boolean;
}

/** One sprint Task of a playbook. */
export interface PlaybookTaskRow {
  subject: string;
  /** ISO date. */
  dueDate: string | null;
  /** Task status, for example Not Started or Completed. */
  status: string | null;
  ownerName: string | null;
}

/** Everything the adoption playbook shows for one feature and segment. */
export interface AdoptionPlaybookModel {
  customer: string;
  /** ISO date the playbook is written for. */
  asOf: string;
  featureKey: string;
  featureLabel: string;
  valueStatement: string | null;
  segmentType: SegmentType;
  segment: string;
  status: PlaybookStatus;
  /** Latest adoption fact of the feature in the segment; null without data. */
  current: AdoptionFactRow | null;
  baselinePercent: number | null;
  currentPercent: number | null;
  targetPercent: number | null;
  /** ISO date. */
  startDate: string | null;
  /** ISO date. */
  targetDate: string | null;
  barriers: PlaybookBarrierRow[];
  tasks: PlaybookTaskRow[];
}

/** One expansion opportunity of the map: a whitespace product with its approach and value hypothesis. */
export interface ExpansionOpportunityRow {
  productCode: string;
  productName: string;
  status: WhitespaceStatus;
  readiness: number | null;
  approach: ExpansionApproach;
  approachReason: string;
  hypothesis: string;
  evidence: string[];
  /** Name of the Opportunity created at hand-off; null before it. */
  opportunityName: string | null;
}

/** Everything the expansion map shows for one account. */
export interface ExpansionMapModel {
  customer: string;
  /** ISO date the map is written for. */
  asOf: string;
  /** From `whitespaceGrid`, in catalog order. */
  grid: WhitespaceCell[];
  triggers: BusinessTriggerRow[];
  champions: ChampionRow[];
  opportunities: ExpansionOpportunityRow[];
}

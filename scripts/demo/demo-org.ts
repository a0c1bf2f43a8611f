/**
 * In-memory records of the demo org, before they are written as CSV. Days are day numbers (days since 1970-01-01)
 * and moments are epoch seconds, both UTC; see calendar.ts.
 */

import type { Barrier, PlaybookStatus, SegmentType, TriggerType } from 'c/adoptionEngine';
import type {
  CriteriaOperator,
  MilestonePhase,
  ObjectiveStatus,
  PlanStage,
  PlanStatus,
  Playbook,
  RenewalCall
} from 'c/planEngine';

import type { IdFactory } from './salesforce-ids';
import type { Random } from './random';

/** The account's role in the demo: one story per account, `Typical` for the rest of the book. */
export type StoryName =
  | 'Steady'
  | 'Declining'
  | 'Recovering'
  | 'CaseSpike'
  | 'SilentSponsor'
  | 'ChampionGone'
  | 'RenewalAtRisk'
  | 'Onboarding'
  | 'NoUsage'
  | 'Telemetry'
  | 'Typical';

/** Values of `Account.Segment__c`. */
export type Segment = 'Enterprise' | 'Mid-Market' | 'SMB';

/** Role of a contact at the account the CSM manages. */
export type ContactRole = 'ExecutiveSponsor' | 'Champion' | 'Other';

/** Dates and shared services of one generation run. */
export interface DemoContext {
  /** As-of and export date: the last day of history. */
  asOfDay: number;
  /** First day of the 12 months of history. */
  historyStartDay: number;
  /** First day that LoginHistory still contains (about 6 months back); older logins exist only as daily usage rows. */
  loginHistoryStartDay: number;
  /** Moment the export ran; nothing in the export happened later. */
  exportAt: number;
  random: Random;
  ids: IdFactory;
}

export interface DemoAccount {
  /** Position in Account.csv, 0-based. */
  index: number;
  id: string;
  name: string;
  /** Lower-case name without spaces, used for e-mail domains. */
  domain: string;
  ownerId: string;
  industry: string;
  country: string;
  /** Offset of the account's business hours from UTC, which places its logins and meetings in the day. */
  utcOffsetHours: number;
  segment: Segment;
  licensedSeats: number;
  annualRecurringRevenue: number;
  executiveSponsorId: string | null;
  championId: string | null;
  daysPastDue: number;
  /** Day the account became a customer (its CreatedDate). */
  customerSinceDay: number;
  story: StoryName;
  /** Login propensity multiplier of the account's users, about 0.3 to 1.1. */
  engagement: number;
  /** Change of engagement over the year for typical accounts, as a share: 0.2 means 20% more now than a year ago. */
  yearlyDrift: number;
  /** Baseline customer sentiment, 0 (angry) to 1 (delighted); drives survey answers and the CSM pulse. */
  sentiment: number;
  /** Day the story turns: champion move, onboarding kick-off or last sponsor contact; null for other stories. */
  storyDay: number | null;
  /** Close date of the open renewal Opportunity. */
  renewalDay: number;
  hasFeedback: boolean;
  /** Telemetry accounts only: business units their usage rows are split by, empty for a single row per day. */
  usageSegments: readonly string[];
}

export interface DemoContact {
  id: string;
  /** Account the contact is on now; differs from `originalAccountId` for a champion who moved. */
  accountId: string;
  originalAccountId: string;
  firstName: string;
  lastName: string;
  email: string;
  title: string;
  role: ContactRole;
  /** Day the contact moved to `accountId`; null for contacts who never moved. */
  movedOnDay: number | null;
}

/** Values of `User.UserType` that the demo uses. */
export type UserType = 'Standard' | 'PowerCustomerSuccess' | 'CspLitePortal' | 'AutomatedProcess';

export interface DemoUser {
  id: string;
  username: string;
  name: string;
  accountId: string | null;
  contactId: string | null;
  userType: UserType;
  isActive: boolean;
  profileId: string | null;
  profileName: string | null;
  roleId: string | null;
  roleName: string | null;
  department: string | null;
  /** First day the user could log in. */
  activeFromDay: number;
  /** Day the user was deactivated; null while active. */
  deactivatedOnDay: number | null;
  /** Chance of logging in on an ordinary weekday at full account engagement. */
  loginPropensity: number;
  utcOffsetHours: number;
}

export interface DemoLogin {
  id: string;
  userId: string;
  at: number;
  loginType: string;
  status: string;
  application: string;
}

export interface DemoUsageRow {
  id: string;
  accountId: string;
  day: number;
  activeUsers: number;
  logins: number;
  segment: string | null;
  source: 'LoginHistory' | 'Telemetry';
}

export interface DemoCase {
  id: string;
  caseNumber: string;
  accountId: string;
  contactId: string | null;
  createdAt: number;
  closedAt: number | null;
  isEscalated: boolean;
  status: string;
  priority: string;
  origin: string;
  type: string;
  subject: string;
  description: string | null;
}

export interface DemoTask {
  id: string;
  whoId: string | null;
  whatId: string;
  accountId: string;
  ownerId: string;
  subject: string;
  type: string;
  activityDay: number;
  createdAt: number;
  status: string;
  isClosed: boolean;
}

export interface DemoEvent {
  id: string;
  whoId: string | null;
  whatId: string;
  accountId: string;
  ownerId: string;
  subject: string;
  /** Day of the meeting in the account's time zone, which can differ from the UTC date of `startAt`. */
  activityDay: number;
  startAt: number;
  durationMinutes: number;
  createdAt: number;
}

export interface DemoOpportunity {
  id: string;
  accountId: string;
  ownerId: string;
  name: string;
  type: string;
  stageName: string;
  closeDay: number;
  isClosed: boolean;
  isWon: boolean;
  amount: number;
  createdAt: number;
}

export interface DemoContract {
  id: string;
  accountId: string;
  contractNumber: string;
  status: string;
  startDay: number;
  endDay: number;
  termMonths: number;
}

/** Values of `Feedback__c.Type__c`. */
export type FeedbackType = 'NPS' | 'CSAT' | 'CSM Pulse';

export interface DemoFeedback {
  id: string;
  accountId: string;
  type: FeedbackType;
  /** NPS responses are 0..10, and CSAT and CSM pulse scores are 0..100. */
  score: number;
  responseDay: number;
  theme: string | null;
  comment: string | null;
}

export interface DemoPlan {
  id: string;
  accountId: string;
  name: string;
  status: PlanStatus;
  stage: PlanStage;
  executiveSponsorId: string | null;
  championId: string | null;
  reviewCadenceDays: number | null;
  nextReviewDay: number | null;
  escalationPath: string;
  startDay: number;
  endDay: number;
  /** DeveloperName of the PlanTemplate__mdt the plan was created from. */
  templateName: string;
  createdAt: number;
}

export interface DemoObjective {
  id: string;
  /** Auto number of the record, `OBJ-0001`. */
  name: string;
  planId: string;
  outcome: string;
  successMetric: string | null;
  unit: string | null;
  baseline: number | null;
  target: number | null;
  currentValue: number | null;
  dueDay: number | null;
  status: ObjectiveStatus;
  capability: string | null;
  sortOrder: number | null;
}

export interface DemoMilestone {
  id: string;
  name: string;
  planId: string;
  objectiveId: string | null;
  phase: MilestonePhase | null;
  targetDay: number | null;
  criteria: string | null;
  criteriaMeasure: string | null;
  criteriaOperator: CriteriaOperator | null;
  criteriaValue: number | null;
  completedDay: number | null;
  completionSource: 'Manual' | 'Automatic' | null;
  ownerId: string;
  sortOrder: number | null;
}

/** Values of `RenewalCheckpoint__c.Status__c`. */
export type CheckpointStatus = 'Upcoming' | 'Due' | 'Done' | 'Skipped';

/** A renewal checkpoint as the nightly countdown job stored it, with the CSM's call where one was recorded. */
export interface DemoCheckpoint {
  id: string;
  accountId: string;
  renewalDay: number;
  daysBefore: number;
  dueDay: number;
  playbook: Playbook;
  status: CheckpointStatus;
  /** Playbook Task the job created when the checkpoint opened; null before it opened or when it was skipped. */
  taskId: string | null;
  opportunityId: string;
  call: RenewalCall | null;
  callNote: string | null;
  callRecordedAt: number | null;
  callRecordedById: string | null;
  /** Health band and score of the account when the call was recorded. */
  dataBand: string | null;
  dataScore: number | null;
  isDisagreement: boolean;
  /** Moment the job first stored the checkpoint: the night it first saw the renewal date. */
  createdAt: number;
}

/** A product of the catalog (Product2). */
export interface DemoProduct {
  id: string;
  name: string;
  productCode: string;
  family: string;
  isActive: boolean;
  /** Yearly list price in the standard price book. */
  listPrice: number;
}

/** An entry of a price book (PricebookEntry). */
export interface DemoPriceEntry {
  id: string;
  pricebookId: string;
  productId: string;
  unitPrice: number;
  isActive: boolean;
  isStandard: boolean;
}

/** A product an account owns or owned (Asset). */
export interface DemoAsset {
  id: string;
  accountId: string;
  productId: string;
  name: string;
  /** Installed, Purchased or Obsolete. */
  status: string;
  installDay: number;
  usageEndDay: number | null;
}

/** A product of an Opportunity (OpportunityLineItem). */
export interface DemoLineItem {
  id: string;
  opportunityId: string;
  productId: string;
  priceEntryId: string;
  quantity: number;
  unitPrice: number;
}

/** A contact's role on an Opportunity (OpportunityContactRole). */
export interface DemoContactRole {
  id: string;
  opportunityId: string;
  contactId: string;
  role: string;
  isPrimary: boolean;
}

/** Monthly users of one feature in one segment of an account (FeatureUsage__c). */
export interface DemoFeatureUsage {
  id: string;
  accountId: string;
  featureKey: string;
  segmentType: SegmentType;
  segment: string;
  /** First day of the month. */
  monthDay: number;
  assigned: number;
  active: number;
  tried: number;
  source: 'Telemetry' | 'Computed';
}

/** Users entitled to a feature, for the whole account or a segment (FeatureEntitlement__c). */
export interface DemoEntitlement {
  id: string;
  accountId: string;
  featureKey: string;
  /** All for the whole account, whose row leaves the segment blank. */
  segmentType: SegmentType;
  segment: string;
  entitled: number;
  startDay: number;
  endDay: number | null;
}

/** A permission set license assigned to a user (PermissionSetLicenseAssign). */
export interface DemoLicenseAssignment {
  id: string;
  userId: string;
  licenseId: string;
  licenseName: string;
  licenseLabel: string;
}

/** An event in a customer's business that opens an expansion conversation (BusinessTrigger__c). */
export interface DemoTrigger {
  id: string;
  accountId: string;
  type: TriggerType;
  occurredDay: number;
  description: string | null;
}

/** A feature adoption playbook (AdoptionPlaybook__c). */
export interface DemoAdoptionPlaybook {
  id: string;
  accountId: string;
  name: string;
  featureKey: string;
  segmentType: SegmentType;
  segment: string;
  status: PlaybookStatus;
  baselinePercent: number | null;
  currentPercent: number | null;
  targetPercent: number;
  startDay: number;
  targetDay: number;
  createdAt: number;
}

/** A barrier of a playbook (PlaybookBarrier__c). */
export interface DemoPlaybookBarrier {
  id: string;
  playbookId: string;
  barrier: Barrier;
  evidence: string | null;
  action: string;
  isSuggested: boolean;
}

/** Every record of the demo org, each list in the order its CSV file lists it. */
export interface DemoOrg {
  seed: number;
  asOfDay: number;
  historyStartDay: number;
  loginHistoryStartDay: number;
  accounts: DemoAccount[];
  contacts: DemoContact[];
  users: DemoUser[];
  logins: DemoLogin[];
  dailyUsage: DemoUsageRow[];
  cases: DemoCase[];
  tasks: DemoTask[];
  events: DemoEvent[];
  opportunities: DemoOpportunity[];
  contracts: DemoContract[];
  feedback: DemoFeedback[];
  plans: DemoPlan[];
  objectives: DemoObjective[];
  milestones: DemoMilestone[];
  checkpoints: DemoCheckpoint[];
  products: DemoProduct[];
  priceEntries: DemoPriceEntry[];
  assets: DemoAsset[];
  lineItems: DemoLineItem[];
  contactRoles: DemoContactRole[];
  featureUsage: DemoFeatureUsage[];
  entitlements: DemoEntitlement[];
  licenseAssignments: DemoLicenseAssignment[];
  triggers: DemoTrigger[];
  adoptionPlaybooks: DemoAdoptionPlaybook[];
  playbookBarriers: DemoPlaybookBarrier[];
}

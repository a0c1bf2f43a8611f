/**
 * Types of success plans, their objectives and milestones, plan templates and the renewal countdown. The Apex ports
 * (SuccessPlanRules, RenewalCountdownRules) mirror these shapes field for field, and the shared test vectors use them
 * as JSON with ISO `YYYY-MM-DD` dates.
 */

/** Plan statuses; the Status__c picklist of SuccessPlan__c offers the same list. */
export const PLAN_STATUSES = ['Draft', 'Active', 'OnHold', 'Completed', 'Cancelled'] as const;

/** Lifecycle status of a success plan. */
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** Plan stages; the Stage__c picklists of SuccessPlan__c and PlanTemplate__mdt offer the same list. */
export const PLAN_STAGES = ['Onboarding', 'Adoption', 'PreRenewal', 'AtRisk', 'Expansion'] as const;

/** Stage of the customer journey a plan serves. */
export type PlanStage = (typeof PLAN_STAGES)[number];

/** Objective statuses; the Status__c picklist of SuccessObjective__c offers the same list. */
export const OBJECTIVE_STATUSES = ['NotStarted', 'OnTrack', 'AtRisk', 'Achieved', 'Missed'] as const;

/** Status of an objective as the CSM records it; Achieved and Missed override the measured progress. */
export type ObjectiveStatus = (typeof OBJECTIVE_STATUSES)[number];

/** Milestone phases; the Phase__c picklists of SuccessMilestone__c and PlanTemplateItem__mdt offer the same list. */
export const MILESTONE_PHASES = ['Days30', 'Days60', 'Days90', 'Quarter'] as const;

/** Phase of the plan a milestone belongs to: the first 30, 60 or 90 days, or a quarter. */
export type MilestonePhase = (typeof MILESTONE_PHASES)[number];

/** Comparison operators of milestone criteria; the CriteriaOperator__c picklists offer the same list. */
export const CRITERIA_OPERATORS = ['AtLeast', 'AtMost'] as const;

/** Comparison of a measure's value with the criteria value: AtLeast is `>=`, AtMost is `<=`. */
export type CriteriaOperator = (typeof CRITERIA_OPERATORS)[number];

/** Display states of a milestone, computed by `milestoneStateOf`. */
export const MILESTONE_STATES = ['Completed', 'AutoCompleted', 'Overdue', 'DueSoon', 'Upcoming'] as const;

/** Display state of a milestone on an as-of date. */
export type MilestoneState = (typeof MILESTONE_STATES)[number];

/** Renewal playbooks; the Playbook__c picklists of RenewalCheckpoint__mdt and RenewalCheckpoint__c offer the same list. */
export const PLAYBOOKS = ['ValueReview', 'SponsorTouch', 'QBR', 'Proposal'] as const;

/** Playbook a renewal checkpoint runs, which becomes the subject and description of its Task. */
export type Playbook = (typeof PLAYBOOKS)[number];

/** Renewal calls a CSM records; the Call__c picklist of RenewalCheckpoint__c offers the same list. */
export const RENEWAL_CALLS = ['Commit', 'AtRisk', 'Upside'] as const;

/** The CSM's forecast of the renewal: a full renewal, at risk, or more than a full renewal. */
export type RenewalCall = (typeof RENEWAL_CALLS)[number];

/** States of a renewal checkpoint, computed by `renewalCountdownOf`. */
export const CHECKPOINT_STATES = ['Done', 'Due', 'Overdue', 'Upcoming', 'Skipped'] as const;

/** State of a renewal checkpoint on an as-of date. */
export type CheckpointState = (typeof CHECKPOINT_STATES)[number];

/** One objective of a plan, read from a SuccessObjective__c record. */
export interface ObjectiveRecord {
  id: string;
  /** The business outcome in the customer's words. */
  outcome: string;
  successMetric: string | null;
  unit: string | null;
  baseline: number | null;
  target: number | null;
  currentValue: number | null;
  /** ISO date. */
  dueDate: string | null;
  status: ObjectiveStatus;
  /** Product or feature the customer already owns that the objective depends on. */
  capability: string | null;
  sortOrder: number | null;
}

/** One milestone of a plan, read from a SuccessMilestone__c record. */
export interface MilestoneRecord {
  id: string;
  name: string;
  objectiveId: string | null;
  phase: MilestonePhase | null;
  /** ISO date. */
  targetDate: string | null;
  /** The measurable criteria in words. */
  criteria: string | null;
  /** DeveloperName of a HealthMeasure__mdt; null for a manual milestone. */
  criteriaMeasure: string | null;
  criteriaOperator: CriteriaOperator | null;
  criteriaValue: number | null;
  /** ISO date; null while the milestone is open. */
  completedDate: string | null;
  completionSource: 'Manual' | 'Automatic' | null;
  ownerId: string | null;
  ownerName: string | null;
  sortOrder: number | null;
}

/** A Contact named on a plan (executive sponsor or champion). */
export interface ContactRef {
  id: string;
  name: string;
  title: string | null;
}

/** One success plan with its objectives and milestones, read from SuccessPlan__c and its children. */
export interface PlanRecord {
  id: string;
  accountId: string;
  name: string;
  status: PlanStatus;
  stage: PlanStage | null;
  executiveSponsor: ContactRef | null;
  champion: ContactRef | null;
  reviewCadenceDays: number | null;
  /** ISO date of the next plan review. */
  nextReview: string | null;
  escalationPath: string | null;
  /** ISO date. */
  startDate: string | null;
  /** ISO date. */
  endDate: string | null;
  /** DeveloperName of the PlanTemplate__mdt the plan was created from. */
  templateName: string | null;
  objectives: ObjectiveRecord[];
  milestones: MilestoneRecord[];
}

/** Measure DeveloperName -> raw value on the as-of date (null: no data). */
export type MeasureValues = Record<string, number | null>;

/** A plan template, read from a PlanTemplate__mdt record. */
export interface PlanTemplate {
  /** DeveloperName of the record; template items name their template by it. */
  name: string;
  label: string;
  stage: PlanStage;
  description: string | null;
  durationDays: number;
  reviewCadenceDays: number | null;
  sortOrder: number | null;
  isActive: boolean;
}

/** One objective or milestone of a plan template, read from a PlanTemplateItem__mdt record. */
export interface PlanTemplateItem {
  /** DeveloperName of the PlanTemplate__mdt the item belongs to. */
  template: string;
  itemType: 'Objective' | 'Milestone';
  /** Key of an objective inside its template; milestones point at it through `objectiveKey`. */
  key: string | null;
  /** Outcome of an objective, or name of a milestone. */
  title: string;
  successMetric: string | null;
  unit: string | null;
  capability: string | null;
  /** Default target of an objective. */
  target: number | null;
  /** Days from the plan start to the objective's due date or the milestone's target date. */
  offsetDays: number | null;
  phase: MilestonePhase | null;
  criteria: string | null;
  criteriaMeasure: string | null;
  criteriaOperator: CriteriaOperator | null;
  criteriaValue: number | null;
  /** Key of the objective of the same template that a milestone belongs to. */
  objectiveKey: string | null;
  sortOrder: number | null;
}

/** One renewal checkpoint definition, read from a RenewalCheckpoint__mdt record. */
export interface CheckpointDefinition {
  /** DeveloperName of the record, for example `Days180`. */
  name: string;
  /** Days before the renewal date that the checkpoint is due. */
  daysBefore: number;
  playbook: Playbook;
  taskSubject: string;
  /** The playbook steps; they become the Task description. */
  guidance: string | null;
  /** True when the CSM records a renewal call at this checkpoint. */
  requiresCall: boolean;
  /** Days before the due date that the checkpoint becomes Due and its Task is created. */
  leadDays: number;
  isActive: boolean;
}

/** Stored state of one checkpoint of one renewal (RenewalCheckpoint__c); absent when never stored. */
export interface CheckpointProgress {
  daysBefore: number;
  status: CheckpointState | null;
  /** True when the checkpoint's playbook Task is closed. */
  isTaskClosed: boolean;
  call: RenewalCall | null;
  callNote: string | null;
  /** Health band when the call was recorded. */
  dataBand: string | null;
  dataScore: number | null;
  isDisagreement: boolean;
  /** ISO date-time when the call was recorded. */
  recordedAt: string | null;
  recordedByName: string | null;
}

/** Everything `renewalCountdownOf` needs for one account. */
export interface CountdownInput {
  /** ISO date of the renewal; null when the account has no renewal date. */
  renewalDate: string | null;
  /** ISO date the countdown is computed for. */
  asOf: string;
  /** Date the countdown first saw this renewal date; checkpoints due before it are Skipped. null = asOf. */
  firstSeen: string | null;
  definitions: CheckpointDefinition[];
  progress: CheckpointProgress[];
}

/** One checkpoint of a renewal countdown as the component and the report show it. */
export interface CheckpointView {
  daysBefore: number;
  /** ISO date: renewal date minus `daysBefore`. */
  dueDate: string;
  playbook: Playbook;
  taskSubject: string;
  guidance: string | null;
  requiresCall: boolean;
  state: CheckpointState;
  /** ISO date: due date minus the definition's lead days. */
  opensOn: string;
  call: RenewalCall | null;
  callNote: string | null;
  dataBand: string | null;
  isDisagreement: boolean;
}

/** Comparison of a CSM's renewal call with the data signal (the health band). */
export interface CallComparison {
  /** AtRisk 0, Commit 2, Upside 3. */
  callLevel: number;
  /** Red 0, Yellow 1, Green 2; null when there is no band to compare. */
  dataLevel: number | null;
  /** callLevel - dataLevel; null when dataLevel is null. */
  gap: number | null;
  /** True when the call and the band are more than one band apart (|gap| >= 2). */
  isDisagreement: boolean;
  /** One sentence for the CSM and the manager. */
  explanation: string;
}

/** Display state of a milestone with its distance to the target date, from `milestoneStateOf`. */
export interface MilestoneStatus {
  state: MilestoneState;
  /** Days past the target date; set only for Overdue. */
  daysOverdue: number | null;
  /** Days until the target date (0 when due on the as-of date); set only for DueSoon and Upcoming with a date. */
  daysUntilDue: number | null;
}

/** A milestone whose criteria are met and that should be completed automatically, from `autoCompletions`. */
export interface AutoCompletion {
  milestoneId: string;
  /** ISO date: the as-of date of the evaluation. */
  completedDate: string;
}

/** Summary of one plan on an as-of date, from `planProgressOf`. */
export interface PlanProgress {
  objectivesTotal: number;
  objectivesMet: number;
  /** Mean of the objectives' progress that is not null, in percent with 1 decimal; null when none has progress. */
  progressPercent: number | null;
  milestonesTotal: number;
  milestonesCompleted: number;
  milestonesOverdue: number;
  /** True when the next review date is before the as-of date. */
  isReviewOverdue: boolean;
}

/** An objective created from a template item; `key` lets the template's milestones point at it. */
export type TemplateObjective = Omit<ObjectiveRecord, 'id'> & { key: string | null };

/** A milestone created from a template item; `objectiveKey` names the objective of the same template. */
export type TemplateMilestone = Omit<MilestoneRecord, 'id' | 'objectiveId' | 'ownerId' | 'ownerName'> & {
  objectiveKey: string | null;
};

/** Plan dates, objectives and milestones created from a template, from `instantiateTemplate`. */
export interface TemplateInstance {
  /** ISO date: start date plus the template's duration. */
  endDate: string;
  /** ISO date: start date plus the template's review cadence; null when the template sets no cadence. */
  nextReview: string | null;
  objectives: TemplateObjective[];
  milestones: TemplateMilestone[];
}

/** Everything the success plan report shows for one account. */
export interface SuccessPlanReportInput {
  accountName: string;
  /** ISO date the report is written for. */
  asOf: string;
  plan: PlanRecord;
  /** Raw values of the health measures on the as-of date, shown beside the milestone criteria. */
  measureValues: MeasureValues;
  /** Checkpoints from `renewalCountdownOf`. */
  countdown: CheckpointView[];
  /** ISO date of the renewal; the report leaves out the renewal section when null. */
  renewalDate: string | null;
}

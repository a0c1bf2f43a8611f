/**
 * Maps the plan view of SuccessPlanController, and the renewal countdown of RenewalCountdownController when it could be
 * read, to the input of the engine's success plan report (renderSuccessPlan).
 */
import type {
  CheckpointState,
  CheckpointView,
  ContactRef,
  MeasureValues,
  ObjectiveRecord,
  ObjectiveStatus,
  Playbook,
  PlanRecord,
  PlanStage,
  PlanStatus,
  RenewalCall,
  SuccessPlanReportInput
} from 'c/planEngine';
import { compareTargetDates, localToday, milestoneRecordOf } from './planView';

type PlanView = ApexTypes.SuccessPlanController_PlanView;
type PlanDetail = ApexTypes.SuccessPlanController_PlanDetail;
type ObjectiveView = ApexTypes.SuccessPlanController_ObjectiveView;
type ContactView = ApexTypes.SuccessPlanController_ContactRef;
type CountdownView = ApexTypes.RenewalCountdownController_CountdownView;

function contactRefOf(contact: ContactView | null | undefined): ContactRef | null {
  if (!contact?.id) {
    return null;
  }
  return { id: contact.id, name: contact.name ?? 'Unnamed contact', title: contact.title };
}

function objectiveRecordOf(objective: ObjectiveView, index: number): ObjectiveRecord {
  return {
    id: objective.id ?? `objective-${index}`,
    outcome: objective.outcome ?? 'Unnamed objective',
    successMetric: objective.successMetric,
    unit: objective.unit,
    baseline: objective.baseline,
    target: objective.target,
    currentValue: objective.currentValue,
    dueDate: objective.dueDate,
    // The Status__c picklist contains the engine's statuses, and a blank status is the picklist default.
    status: (objective.status ?? 'NotStarted') as ObjectiveStatus,
    capability: objective.capability,
    // Apex lists objectives in sort order without the stored value, so the position is used instead.
    sortOrder: index + 1
  };
}

/**
 * Maps the plan of the view to the engine's plan record. Objectives keep the order Apex returns, milestones the
 * timeline order, and both get their position as sort order.
 * @param view The plan view; its plan must be set.
 * @returns The plan record.
 * @throws Error when the view has no plan.
 */
export function toPlanRecord(view: PlanView): PlanRecord {
  const plan = view.plan;
  if (!plan) {
    throw new Error('The account has no open success plan to export. Create a plan first.');
  }
  const milestones = [...(plan.milestones ?? [])].sort(compareTargetDates);
  return {
    id: plan.id ?? 'plan',
    accountId: view.accountId ?? '',
    name: plan.name ?? 'Success plan',
    status: (plan.status ?? 'Draft') as PlanStatus,
    stage: plan.stage as PlanStage | null,
    executiveSponsor: contactRefOf(plan.executiveSponsor),
    champion: contactRefOf(plan.champion),
    reviewCadenceDays: plan.reviewCadenceDays,
    nextReview: plan.nextReview,
    escalationPath: plan.escalationPath,
    startDate: plan.startDate,
    endDate: plan.endDate,
    templateName: plan.templateName,
    objectives: (plan.objectives ?? []).map(objectiveRecordOf),
    milestones: milestones.map(milestoneRecordOf)
  };
}

/**
 * Collects the current value of every measure the milestones are tied to.
 * @param plan The open plan.
 * @returns Measure DeveloperName to its latest raw value; null when the snapshot has none.
 */
export function measureValuesOf(plan: PlanDetail | null | undefined): MeasureValues {
  const values: MeasureValues = {};
  for (const milestone of plan?.milestones ?? []) {
    if (milestone.criteriaMeasure) {
      values[milestone.criteriaMeasure] = milestone.measureValue ?? values[milestone.criteriaMeasure] ?? null;
    }
  }
  return values;
}

/**
 * Maps the checkpoints of the renewal countdown to the engine's checkpoint views; a checkpoint without a due date
 * or playbook is left out.
 * @param countdown The countdown; null gives none.
 * @returns The checkpoints, most days before the renewal first.
 */
export function toCheckpointViews(countdown: CountdownView | null | undefined): CheckpointView[] {
  return (countdown?.checkpoints ?? [])
    .filter((checkpoint) => checkpoint.dueDate && checkpoint.playbook && checkpoint.daysBefore !== null)
    .map((checkpoint) => ({
      daysBefore: checkpoint.daysBefore as number,
      dueDate: checkpoint.dueDate as string,
      playbook: checkpoint.playbook as Playbook,
      taskSubject: checkpoint.taskSubject ?? '',
      guidance: checkpoint.guidance,
      requiresCall: checkpoint.requiresCall === true,
      state: (checkpoint.state ?? 'Upcoming') as CheckpointState,
      opensOn: checkpoint.opensOn ?? (checkpoint.dueDate as string),
      call: checkpoint.call as RenewalCall | null,
      callNote: checkpoint.callNote,
      dataBand: checkpoint.dataBand,
      isDisagreement: checkpoint.isDisagreement === true
    }))
    .sort((left, right) => right.daysBefore - left.daysBefore);
}

/**
 * Builds the input of renderSuccessPlan from the plan view and, when it could be read, the renewal countdown.
 * @param view The plan view; its plan must be set.
 * @param countdown The renewal countdown; null leaves the renewal section out of the report.
 * @returns The report input.
 */
export function buildReportInput(view: PlanView, countdown: CountdownView | null): SuccessPlanReportInput {
  return {
    accountName: view.accountName ?? 'Account',
    asOf: view.asOf ?? localToday(),
    plan: toPlanRecord(view),
    measureValues: measureValuesOf(view.plan),
    countdown: toCheckpointViews(countdown),
    renewalDate: countdown?.renewalDate ?? null
  };
}

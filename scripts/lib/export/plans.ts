import {
  CRITERIA_OPERATORS,
  MILESTONE_PHASES,
  OBJECTIVE_STATUSES,
  PLAN_STAGES,
  PLAN_STATUSES,
  PLAYBOOKS,
  RENEWAL_CALLS
} from '../../../force-app/main/plans/lwc/planEngine/types';
import type {
  ContactRef,
  MilestonePhase,
  MilestoneRecord,
  ObjectiveRecord,
  PlanRecord,
  Playbook,
  RenewalCall
} from '../../../force-app/main/plans/lwc/planEngine/types';
import type { FileRule, ReadContext } from './context';
import { RowRejection } from './problems';
import { compareText, pushTo } from './signals';
import type { RowReader } from './table';

/** Values of RenewalCheckpoint__c.Status__c; Overdue is computed by the countdown and never stored. */
export const STORED_CHECKPOINT_STATUSES = ['Upcoming', 'Due', 'Done', 'Skipped'] as const;

/** Stored status of a renewal checkpoint. */
export type StoredCheckpointStatus = (typeof STORED_CHECKPOINT_STATUSES)[number];

/** One stored renewal checkpoint (a RenewalCheckpoint__c row) of an account. */
export interface RenewalCheckpointRow {
  /** Record Id; null when the export has no Id column. */
  id: string | null;
  /** ISO date of the renewal the checkpoint counts down to. */
  renewalDate: string;
  daysBefore: number;
  /** ISO due date (DueDate__c); null when blank. */
  dueDate: string | null;
  playbook: Playbook | null;
  status: StoredCheckpointStatus | null;
  /** Id of the playbook Task (TaskId__c). */
  taskId: string | null;
  /** True when Task.csv lists the playbook Task as completed. */
  taskClosed: boolean;
  call: RenewalCall | null;
  callNote: string | null;
  /** Health band when the call was recorded. */
  dataBand: string | null;
  /** Health score when the call was recorded. */
  dataScore: number | null;
  isDisagreement: boolean;
  /** UTC date-time when the call was recorded, as `2026-06-01T15:04:05.000Z`. */
  recordedAt: string | null;
  /** `User.Name` of CallRecordedBy__c; the Id when User.csv does not name the user; null when blank. */
  recordedByName: string | null;
  /** ISO date of CreatedDate: the day the countdown first stored the checkpoint. */
  createdDate: string | null;
}

/** Spellings of the phase labels (`30 days`) that differ from the API names (`Days30`) by more than case. */
const PHASE_ALIASES: Readonly<Record<string, MilestonePhase>> = {
  '30days': 'Days30',
  '60days': 'Days60',
  '90days': 'Days90'
};

const COMPLETION_SOURCES = ['Manual', 'Automatic'] as const;
const SOURCES = ['Opportunity', 'Contract'] as const;

function optional(value: string): string | null {
  return value === '' ? null : value;
}

/** Reads a whole number of at least 0, such as a sort order or a count of days. */
function wholeNumber(row: RowReader, column: string, required: boolean): number | null {
  const value = row.number(column, required);
  if (value !== null && (!Number.isInteger(value) || value < 0)) {
    throw new RowRejection(column, `invalid value ${value}; use a whole number of 0 or more`);
  }
  return value;
}

/** Counts of references that led nowhere in one file, for one notice per kind after the file. */
class MissingReferences {
  private readonly counts = new Map<string, { rows: number; example: string }>();

  add(kind: string, id: string): void {
    const entry = this.counts.get(kind);
    if (entry === undefined) this.counts.set(kind, { rows: 1, example: id });
    else entry.rows++;
  }

  /** Returns one notice per kind, built by `describe` from the row count and an example Id. */
  notices(describe: (kind: string, rows: number, example: string) => string): string[] {
    return [...this.counts].map(([kind, { rows, example }]) => describe(kind, rows, example));
  }
}

/** Returns `1 row names` or `3 rows name`: the row count with the verb in agreement. */
function rowsDo(rows: number, singularVerb: string, pluralVerb: string): string {
  return rows === 1 ? `1 row ${singularVerb}` : `${rows} rows ${pluralVerb}`;
}

/** Finds a contact of Contact.csv for a plan's sponsor or champion; an unknown Id keeps the Id as its name. */
function contactRef(
  context: ReadContext,
  id: string | null,
  missing: MissingReferences,
  column: string
): ContactRef | null {
  if (id === null) return null;
  const contact = context.data.contacts.get(id);
  if (contact === undefined) {
    missing.add(column, id);
    return { id, name: id, title: null };
  }
  return { id, name: contact.name, title: contact.title };
}

/** Orders by sort order (blank last), keeping file order among equals. */
function bySortOrder<T extends { sortOrder: number | null }>(first: T, second: T): number {
  return (first.sortOrder ?? Number.MAX_SAFE_INTEGER) - (second.sortOrder ?? Number.MAX_SAFE_INTEGER);
}

/** Orders plans newest start date first (blank last), then by Id. */
function byNewestStart(first: PlanRecord, second: PlanRecord): number {
  if (first.startDate !== second.startDate) {
    if (first.startDate === null) return 1;
    if (second.startDate === null) return -1;
    return compareText(second.startDate, first.startDate);
  }
  return compareText(first.id, second.id);
}

/**
 * SuccessPlan__c.csv: one PlanRecord per plan, with the sponsor and champion named from Contact.csv. Objectives and
 * milestones are attached from their own files, which are read after this one.
 */
export const SUCCESS_PLAN_RULE: FileRule = {
  spec: {
    name: 'SuccessPlan__c.csv',
    required: ['Id', 'Account__c', 'Status__c'],
    optional: [
      'Name',
      'Stage__c',
      'ExecutiveSponsor__c',
      'Champion__c',
      'ReviewCadenceDays__c',
      'NextReview__c',
      'EscalationPath__c',
      'StartDate__c',
      'EndDate__c',
      'Template__c',
      'CreatedDate'
    ]
  },
  open(context) {
    const missing = new MissingReferences();
    const handleRow = (row: RowReader): void => {
      const id = row.requiredText('Id');
      if (context.data.plansById.has(id)) {
        throw new RowRejection('Id', `duplicate plan Id ${id}; keep one row per plan`);
      }
      const accountText = row.requiredText('Account__c');
      const status = row.picklist('Status__c', PLAN_STATUSES);
      if (status === null) {
        throw new RowRejection('Status__c', `missing value; use one of ${PLAN_STATUSES.join(', ')}`);
      }
      const stage = row.picklist('Stage__c', PLAN_STAGES);
      const reviewCadenceDays = wholeNumber(row, 'ReviewCadenceDays__c', false);
      const nextReview = row.day('NextReview__c', false);
      const startDate = row.day('StartDate__c', false);
      const endDate = row.day('EndDate__c', false);
      const createdDate = row.dateTimeDay('CreatedDate', false);
      const accountId = context.resolveAccount('SuccessPlan__c.csv', 'Account__c', accountText);
      if (accountId === null) return;
      context.observe(createdDate);

      const plan: PlanRecord = {
        id,
        accountId,
        name: row.text('Name') || id,
        status,
        stage,
        executiveSponsor: contactRef(
          context,
          optional(row.text('ExecutiveSponsor__c')),
          missing,
          'ExecutiveSponsor__c'
        ),
        champion: contactRef(context, optional(row.text('Champion__c')), missing, 'Champion__c'),
        reviewCadenceDays,
        nextReview,
        escalationPath: optional(row.text('EscalationPath__c')),
        startDate,
        endDate,
        templateName: optional(row.text('Template__c')),
        objectives: [],
        milestones: []
      };
      context.data.plansById.set(id, plan);
      pushTo(context.data.plans, accountId, plan);
    };
    const finish = (): void => {
      for (const plans of context.data.plans.values()) plans.sort(byNewestStart);
      const source = context.data.contactsLoaded ? 'Contact.csv does not list them' : 'Contact.csv is missing';
      context.notices.push(
        ...missing.notices(
          (column, rows, example) =>
            `SuccessPlan__c.csv: ${rowsDo(rows, 'names', 'name')} a contact in ${column} that cannot be named because ` +
            `${source} (for example ${example}); the Id is shown instead. Export those contacts too.`
        )
      );
    };
    return { handleRow, finish };
  }
};

/** Returns the plan of a child row, or null (counted for a notice) when SuccessPlan__c.csv does not list it. */
function parentPlan(context: ReadContext, row: RowReader, missing: MissingReferences): PlanRecord | null {
  const planId = row.requiredText('SuccessPlan__c');
  const plan = context.data.plansById.get(planId);
  if (plan === undefined) missing.add('SuccessPlan__c', planId);
  return plan ?? null;
}

function orphanNotice(file: string): (kind: string, rows: number, example: string) => string {
  return (_kind, rows, example) =>
    `${file}: ${rowsDo(rows, 'refers', 'refer')} through SuccessPlan__c to plans that are not in SuccessPlan__c.csv or were ` +
    `ignored (for example ${example}); ${rows === 1 ? 'it was' : 'they were'} ignored. Export those plans too.`;
}

/** SuccessObjective__c.csv: the objectives of each plan, ordered by SortOrder__c. */
export const SUCCESS_OBJECTIVE_RULE: FileRule = {
  spec: {
    name: 'SuccessObjective__c.csv',
    required: ['Id', 'SuccessPlan__c', 'Outcome__c'],
    optional: [
      'Name',
      'SuccessMetric__c',
      'Unit__c',
      'Baseline__c',
      'Target__c',
      'CurrentValue__c',
      'DueDate__c',
      'Status__c',
      'Capability__c',
      'SortOrder__c'
    ]
  },
  open(context) {
    const missing = new MissingReferences();
    const seen = new Set<string>();
    const handleRow = (row: RowReader): void => {
      const id = row.requiredText('Id');
      if (seen.has(id)) throw new RowRejection('Id', `duplicate objective Id ${id}; keep one row per objective`);
      const outcome = row.requiredText('Outcome__c');
      const objective: ObjectiveRecord = {
        id,
        outcome,
        successMetric: optional(row.text('SuccessMetric__c')),
        unit: optional(row.text('Unit__c')),
        baseline: row.number('Baseline__c', false),
        target: row.number('Target__c', false),
        currentValue: row.number('CurrentValue__c', false),
        dueDate: row.day('DueDate__c', false),
        status: row.picklist('Status__c', OBJECTIVE_STATUSES) ?? 'NotStarted',
        capability: optional(row.text('Capability__c')),
        sortOrder: wholeNumber(row, 'SortOrder__c', false)
      };
      const plan = parentPlan(context, row, missing);
      seen.add(id);
      plan?.objectives.push(objective);
    };
    const finish = (): void => {
      for (const plan of context.data.plansById.values()) plan.objectives.sort(bySortOrder);
      context.notices.push(...missing.notices(orphanNotice('SuccessObjective__c.csv')));
    };
    return { handleRow, finish };
  }
};

/**
 * SuccessMilestone__c.csv: the milestones of each plan, ordered by SortOrder__c, with the owner named from User.csv.
 * A milestone whose Objective__c names no objective of its own plan is kept without an objective.
 */
export const SUCCESS_MILESTONE_RULE: FileRule = {
  spec: {
    name: 'SuccessMilestone__c.csv',
    required: ['Id', 'SuccessPlan__c'],
    optional: [
      'Name',
      'Objective__c',
      'Phase__c',
      'TargetDate__c',
      'Criteria__c',
      'CriteriaMeasure__c',
      'CriteriaOperator__c',
      'CriteriaValue__c',
      'CompletedDate__c',
      'CompletionSource__c',
      'Owner__c',
      'SortOrder__c'
    ]
  },
  open(context) {
    const missing = new MissingReferences();
    const seen = new Set<string>();
    let unlinked = 0;
    const handleRow = (row: RowReader): void => {
      const id = row.requiredText('Id');
      if (seen.has(id)) throw new RowRejection('Id', `duplicate milestone Id ${id}; keep one row per milestone`);
      const ownerId = optional(row.text('Owner__c'));
      const milestone: MilestoneRecord = {
        id,
        name: row.text('Name') || id,
        objectiveId: optional(row.text('Objective__c')),
        phase: row.picklist('Phase__c', MILESTONE_PHASES, PHASE_ALIASES),
        targetDate: row.day('TargetDate__c', false),
        criteria: optional(row.text('Criteria__c')),
        criteriaMeasure: optional(row.text('CriteriaMeasure__c')),
        criteriaOperator: row.picklist('CriteriaOperator__c', CRITERIA_OPERATORS),
        criteriaValue: row.number('CriteriaValue__c', false),
        completedDate: row.day('CompletedDate__c', false),
        completionSource: row.picklist('CompletionSource__c', COMPLETION_SOURCES),
        ownerId,
        ownerName: ownerId === null ? null : (context.data.userNames.get(ownerId) ?? null),
        sortOrder: wholeNumber(row, 'SortOrder__c', false)
      };
      const plan = parentPlan(context, row, missing);
      seen.add(id);
      if (plan === null) return;
      if (milestone.objectiveId !== null && !plan.objectives.some((entry) => entry.id === milestone.objectiveId)) {
        unlinked++;
        milestone.objectiveId = null;
      }
      plan.milestones.push(milestone);
    };
    const finish = (): void => {
      for (const plan of context.data.plansById.values()) plan.milestones.sort(bySortOrder);
      context.notices.push(...missing.notices(orphanNotice('SuccessMilestone__c.csv')));
      if (unlinked > 0) {
        context.notices.push(
          `SuccessMilestone__c.csv: ${rowsDo(unlinked, 'names', 'name')} an Objective__c that is not an objective of the ` +
            `same plan in SuccessObjective__c.csv; ${unlinked === 1 ? 'it is' : 'they are'} shown without an ` +
            'objective. Export SuccessObjective__c too, or fix Objective__c.'
        );
      }
    };
    return { handleRow, finish };
  }
};

/**
 * RenewalCheckpoint__c.csv: the checkpoints the renewal countdown stored, with the CSM's calls. One row per account,
 * renewal date and days before (CheckpointKey__c); a second row for the same checkpoint is rejected.
 */
export const RENEWAL_CHECKPOINT_RULE: FileRule = {
  spec: {
    name: 'RenewalCheckpoint__c.csv',
    required: ['Account__c', 'RenewalDate__c', 'DaysBefore__c'],
    optional: [
      'Id',
      'CheckpointKey__c',
      'DueDate__c',
      'Playbook__c',
      'Status__c',
      'TaskId__c',
      'Source__c',
      'Opportunity__c',
      'Contract__c',
      'Call__c',
      'CallNote__c',
      'CallRecordedAt__c',
      'CallRecordedBy__c',
      'DataBand__c',
      'DataScore__c',
      'IsDisagreement__c',
      'CreatedDate'
    ]
  },
  open(context) {
    const keys = new Set<string>();
    const handleRow = (row: RowReader): void => {
      const accountText = row.requiredText('Account__c');
      const renewalDate = row.day('RenewalDate__c', true) as string;
      const daysBefore = wholeNumber(row, 'DaysBefore__c', true) as number;
      const dueDate = row.day('DueDate__c', false);
      const playbook = row.picklist('Playbook__c', PLAYBOOKS);
      const status = row.picklist('Status__c', STORED_CHECKPOINT_STATUSES);
      const call = row.picklist('Call__c', RENEWAL_CALLS);
      row.picklist('Source__c', SOURCES);
      const recordedAt = row.dateTime('CallRecordedAt__c', false);
      const dataScore = row.number('DataScore__c', false);
      if (dataScore !== null && (dataScore < 0 || dataScore > 100)) {
        throw new RowRejection('DataScore__c', `score ${dataScore} is outside 0 to 100; fix the score`);
      }
      const isDisagreement = row.bool('IsDisagreement__c');
      const createdDate = row.dateTimeDay('CreatedDate', false);
      const accountId = context.resolveAccount('RenewalCheckpoint__c.csv', 'Account__c', accountText);
      if (accountId === null) return;
      const key = `${accountId}-${renewalDate}-${daysBefore}`;
      if (keys.has(key)) {
        throw new RowRejection(
          'DaysBefore__c',
          `second checkpoint ${daysBefore} days before the renewal on ${renewalDate} for account ${accountId}; ` +
            'keep one row per CheckpointKey__c'
        );
      }
      keys.add(key);
      context.observe(createdDate);
      context.observe(recordedAt === null ? null : recordedAt.slice(0, 10));

      const taskId = optional(row.text('TaskId__c'));
      const recordedById = optional(row.text('CallRecordedBy__c'));
      const checkpoint: RenewalCheckpointRow = {
        id: optional(row.text('Id')),
        renewalDate,
        daysBefore,
        dueDate,
        playbook,
        status,
        taskId,
        taskClosed: taskId !== null && context.data.closedTaskIds.has(taskId),
        call,
        callNote: optional(row.text('CallNote__c')),
        dataBand: optional(row.text('DataBand__c')),
        dataScore,
        isDisagreement,
        recordedAt,
        recordedByName: recordedById === null ? null : (context.data.userNames.get(recordedById) ?? recordedById),
        createdDate
      };
      pushTo(context.data.renewalCheckpoints, accountId, checkpoint);
    };
    const finish = (): void => {
      for (const rows of context.data.renewalCheckpoints.values()) {
        rows.sort(
          (first, second) => compareText(first.renewalDate, second.renewalDate) || second.daysBefore - first.daysBefore
        );
      }
    };
    return { handleRow, finish };
  }
};

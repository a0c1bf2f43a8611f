import type { ContactRole, FeedbackType } from '../../../force-app/main/health/lwc/healthEngine/types';
import { recordOpportunity, recordPlaybookTask } from './adoption';
import type { FileRule, ReadContext } from './context';
import { RowRejection } from './problems';
import { compareText, pushTo, validRoleContact } from './signals';
import type { RowReader, TableResult } from './table';

/**
 * Case.csv: one CaseFact per Case. Closed means IsClosed; without an IsClosed column, a ClosedDate means closed.
 * Escalated means IsEscalated or a Status in `escalationStatuses`, because many orgs escalate through the Status
 * picklist and leave the checkbox blank.
 */
export const CASE_RULE: FileRule = {
  spec: {
    name: 'Case.csv',
    required: ['Id', 'AccountId', 'CreatedDate'],
    optional: ['ClosedDate', 'IsClosed', 'IsEscalated', 'Status', 'Priority']
  },
  open(context) {
    const weights = context.priorityWeights;
    const defaultWeight = context.config.defaultPriorityWeight;
    let closedWithoutDate = 0;
    let blankPriority = 0;
    let hasIsClosed: boolean | null = null;

    const handleRow = (row: RowReader): void => {
      hasIsClosed ??= row.has('IsClosed');
      const id = row.requiredText('Id');
      const accountText = row.text('AccountId');
      const createdDate = row.dateTimeDay('CreatedDate', true) as string;
      const closedDateValue = row.dateTimeDay('ClosedDate', false);
      const isClosed = hasIsClosed ? row.bool('IsClosed') : closedDateValue !== null;
      const isEscalated = row.bool('IsEscalated') || context.escalationStatuses.has(row.text('Status').toLowerCase());
      const accountId = context.resolveAccount('Case.csv', 'AccountId', accountText);
      if (accountId === null) return;

      let closedDate: string | null = null;
      if (isClosed) {
        closedDate = closedDateValue ?? createdDate;
        if (closedDateValue === null) closedWithoutDate++;
      }
      context.observe(createdDate);
      context.observe(closedDate);

      const priority = row.text('Priority');
      const priorityKey = priority.toLowerCase();
      let priorityWeight = weights.get(priorityKey);
      if (priorityWeight === undefined) {
        priorityWeight = defaultWeight;
        if (priority === '') blankPriority++;
        else {
          context.noticeOnce(
            `priority:${priorityKey}`,
            `Case.csv: Priority "${priority}" is not mapped; weighted ${defaultWeight}. ` +
              'Add it to priorityWeights in the config.'
          );
        }
      }

      pushTo(context.data.cases, accountId, {
        id,
        createdDate,
        closedDate,
        isEscalated,
        priorityWeight,
        isHighPriority: context.highPriorities.has(priorityKey)
      });
    };

    const finish = (): void => {
      context.data.casesLoaded = true;
      if (hasIsClosed === false) {
        context.notices.push('Case.csv has no IsClosed column, so a Case with a ClosedDate counts as closed.');
      }
      if (closedWithoutDate > 0) {
        context.notices.push(
          `Case.csv: ${closedWithoutDate} closed Cases have no ClosedDate, so their CreatedDate day is used as the ` +
            'day they closed; add ClosedDate to the export for accurate case ages.'
        );
      }
      if (blankPriority > 0) {
        context.notices.push(
          `Case.csv: ${blankPriority} Cases have no Priority and are weighted ${defaultWeight} (defaultPriorityWeight).`
        );
      }
    };
    return { handleRow, finish };
  }
};

/**
 * Finds the account of a Task or Event: its AccountId, else the account of the WhoId contact, else a WhatId that is an
 * account. Counts the row as unresolved when none of them leads to an account of Account.csv.
 */
function activityAccount(context: ReadContext, file: string, row: RowReader): string | null {
  const accounts = context.data.accounts;
  const accountText = row.text('AccountId');
  if (accounts.has(accountText)) return accountText;
  const whoId = row.text('WhoId');
  const contactAccount = context.data.contacts.get(whoId)?.accountId;
  if (contactAccount !== undefined && contactAccount !== null && accounts.has(contactAccount)) return contactAccount;
  const whatId = row.text('WhatId');
  if (accounts.has(whatId)) return whatId;
  // A sprint Task of an adoption playbook belongs to the playbook's account, which the org fills in as AccountId.
  const playbook = context.data.adoption.playbooksById.get(whatId);
  if (playbook !== undefined) return playbook.accountId;
  context.countUnresolved(file, 'AccountId, WhoId or WhatId', accountText || whatId || whoId);
  return null;
}

function contactRole(context: ReadContext, accountId: string, whoId: string): ContactRole {
  if (whoId === '') return 'Other';
  const account = context.data.accounts.get(accountId);
  if (account === undefined) return 'Other';
  if (validRoleContact(context.data, accountId, account.executiveSponsorId) === whoId) return 'ExecutiveSponsor';
  if (validRoleContact(context.data, accountId, account.championId) === whoId) return 'Champion';
  return 'Other';
}

/**
 * Tells whether a Task is completed: IsClosed when the column exists, else Status "Completed". Open Tasks are
 * reminders of contact still to make, so they are left out; with neither column every Task counts.
 */
function isCompletedTask(row: RowReader): boolean {
  if (row.has('IsClosed')) return row.bool('IsClosed');
  if (row.has('Status')) return row.text('Status').toLowerCase() === 'completed';
  return true;
}

/**
 * Task.csv and Event.csv: one ActivityFact per completed Task and per Event, dated by ActivityDate, else the day of
 * StartDateTime (Events), else the CreatedDate day. Events after the as-of date are left out by the health engine,
 * which only looks at activities on or before it.
 */
function activityRule(name: 'Task.csv' | 'Event.csv', extraColumns: readonly string[]): FileRule {
  return {
    spec: {
      name,
      required: ['Id', 'CreatedDate'],
      optional: ['WhoId', 'WhatId', 'AccountId', 'ActivityDate', ...extraColumns]
    },
    open(context) {
      const isTask = name === 'Task.csv';
      let openTasks = 0;
      const handleRow = (row: RowReader): void => {
        const id = row.requiredText('Id');
        const createdDate = row.dateTimeDay('CreatedDate', true) as string;
        const activityDate = row.day('ActivityDate', false);
        const startDate = row.dateTimeDay('StartDateTime', false);
        const isCompleted = isTask ? isCompletedTask(row) : true;
        // Renewal checkpoints read later look up whether their playbook Task is closed.
        if (isTask && isCompleted) context.data.closedTaskIds.add(id);
        if (isTask) recordPlaybookTask(context, row, id, isCompleted);
        const accountId = activityAccount(context, name, row);
        if (accountId === null) return;
        // Only the creation day counts as observed: ActivityDate of an open Task can lie in the future.
        context.observe(createdDate);
        if (!isCompleted) {
          openTasks++;
          return;
        }
        pushTo(context.data.activities, accountId, {
          date: activityDate ?? startDate ?? createdDate,
          contactRole: contactRole(context, accountId, row.text('WhoId'))
        });
      };
      const finish = (table: TableResult): void => {
        context.data.activitiesLoaded = true;
        if (isTask && !table.columns.has('isclosed') && !table.columns.has('status')) {
          context.notices.push('Task.csv has neither IsClosed nor Status, so every Task counts as completed.');
        }
        if (openTasks > 0) {
          context.notices.push(
            `Task.csv: ${openTasks} open ${openTasks === 1 ? 'Task was' : 'Tasks were'} left out; ` +
              'only completed Tasks count as contact made.'
          );
        }
      };
      return { handleRow, finish };
    }
  };
}

export const TASK_RULE: FileRule = activityRule('Task.csv', ['Status', 'IsClosed']);
export const EVENT_RULE: FileRule = activityRule('Event.csv', ['StartDateTime']);

/**
 * Opportunity.csv: keeps the earliest CloseDate of an open renewal opportunity per account. Open means IsClosed is
 * false; without an IsClosed column, a StageName that starts with "Closed" counts as closed. Every Opportunity of a
 * known account is also kept for the expansion map, which reads its products and open hand-offs.
 */
export const OPPORTUNITY_RULE: FileRule = {
  spec: {
    name: 'Opportunity.csv',
    required: ['Id', 'AccountId', 'CloseDate'],
    optional: ['Name', 'Type', 'StageName', 'IsClosed', 'IsWon', 'Amount']
  },
  open(context) {
    const renewals = context.data.renewalOpportunity;
    const handleRow = (row: RowReader): void => {
      const id = row.requiredText('Id');
      const accountText = row.text('AccountId');
      const closeDate = row.day('CloseDate', true) as string;
      const isClosed = row.has('IsClosed') ? row.bool('IsClosed') : /^closed/i.test(row.text('StageName'));
      row.number('Amount', false);
      const accountId = context.resolveAccount('Opportunity.csv', 'AccountId', accountText);
      if (accountId !== null) recordOpportunity(context, row, id, accountId, closeDate, isClosed);
      if (accountId === null || isClosed || !context.renewalTypes.has(row.text('Type').toLowerCase())) return;
      const current = renewals.get(accountId);
      if (current === undefined || closeDate < current) renewals.set(accountId, closeDate);
    };
    return { handleRow };
  }
};

/** Contract.csv: keeps the latest EndDate per account, of activated contracts and of all contracts. */
export const CONTRACT_RULE: FileRule = {
  spec: { name: 'Contract.csv', required: ['Id', 'AccountId', 'EndDate'], optional: ['StartDate', 'Status'] },
  open(context) {
    const ends = context.data.contractEnds;
    const handleRow = (row: RowReader): void => {
      row.requiredText('Id');
      const accountText = row.text('AccountId');
      row.day('StartDate', false);
      const endDate = row.day('EndDate', false);
      const accountId = context.resolveAccount('Contract.csv', 'AccountId', accountText);
      if (accountId === null || endDate === null) return;
      let entry = ends.get(accountId);
      if (entry === undefined) {
        entry = { latestActivated: null, latestAny: null };
        ends.set(accountId, entry);
      }
      if (entry.latestAny === null || endDate > entry.latestAny) entry.latestAny = endDate;
      const isActivated = row.text('Status').toLowerCase() === 'activated';
      if (isActivated && (entry.latestActivated === null || endDate > entry.latestActivated))
        entry.latestActivated = endDate;
    };
    return { handleRow };
  }
};

const FEEDBACK_TYPES = new Map<string, FeedbackType>([
  ['nps', 'Nps'],
  ['csat', 'Csat'],
  ['csmpulse', 'CsmPulse']
]);

/**
 * Checks a feedback score. An NPS answer is either the raw 0 to 10 rating or already classified as 100 (promoter),
 * 0 (passive) or -100 (detractor); the health engine accepts both. CSAT and CSM pulse scores run from 0 to 100.
 */
function checkFeedbackScore(type: FeedbackType, typeText: string, score: number): void {
  if (type === 'Nps') {
    if ((score >= 0 && score <= 10) || score === 100 || score === -100) return;
    throw new RowRejection(
      'Score__c',
      `${typeText} score ${score} is invalid; use a rating from 0 to 10, or 100, 0 or -100 for a classified answer`
    );
  }
  if (score < 0 || score > 100) {
    throw new RowRejection('Score__c', `${typeText} score ${score} is outside 0 to 100; fix the score`);
  }
}

/** Feedback__c.csv: survey answers and CSM pulse ratings. */
export const FEEDBACK_RULE: FileRule = {
  spec: {
    name: 'Feedback__c.csv',
    required: ['Account__c', 'Type__c', 'Score__c', 'ResponseDate__c'],
    optional: ['Theme__c', 'Comment__c']
  },
  open(context) {
    const handleRow = (row: RowReader): void => {
      const accountText = row.requiredText('Account__c');
      const typeText = row.requiredText('Type__c');
      const type = FEEDBACK_TYPES.get(typeText.toLowerCase().replace(/\s+/g, ''));
      if (type === undefined) {
        throw new RowRejection('Type__c', `unknown feedback type "${typeText}"; use NPS, CSAT or CSM Pulse`);
      }
      const score = row.number('Score__c', true) as number;
      checkFeedbackScore(type, typeText, score);
      const date = row.day('ResponseDate__c', true) as string;
      const accountId = context.resolveAccount('Feedback__c.csv', 'Account__c', accountText);
      if (accountId === null) return;
      context.observe(date);
      pushTo(context.data.feedback, accountId, { date, type, score });
    };
    const finish = (): void => {
      context.data.feedbackLoaded = true;
    };
    return { handleRow, finish };
  }
};

/** HealthSnapshot__c.csv: earlier scores of each account, for the trend. */
export const HEALTH_SNAPSHOT_RULE: FileRule = {
  spec: {
    name: 'HealthSnapshot__c.csv',
    required: ['Account__c', 'AsOfDate__c', 'Score__c'],
    optional: ['ModelVersion__c']
  },
  open(context) {
    const history = context.data.history;
    const handleRow = (row: RowReader): void => {
      const accountText = row.requiredText('Account__c');
      const asOf = row.day('AsOfDate__c', true) as string;
      const score = row.number('Score__c', true) as number;
      if (score < 0 || score > 100)
        throw new RowRejection('Score__c', `score ${score} is outside 0 to 100; fix the score`);
      const modelVersion = row.number('ModelVersion__c', false);
      const accountId = context.resolveAccount('HealthSnapshot__c.csv', 'Account__c', accountText);
      if (accountId === null) return;
      context.observe(asOf);
      pushTo(history, accountId, modelVersion === null ? { asOf, score } : { asOf, score, modelVersion });
    };
    const finish = (): void => {
      for (const points of history.values()) {
        points.sort((first, second) => compareText(first.asOf, second.asOf));
      }
    };
    return { handleRow, finish };
  }
};

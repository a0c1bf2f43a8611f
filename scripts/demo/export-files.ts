/**
 * Lays out the demo org's records as the CSV files of an org export: one file per object, named after it, with the
 * API names as header.
 */

import { formatDateTime, formatIsoDate, SECONDS_PER_DAY } from './calendar';
import { userLicenseOf } from './adoption';
import { formatCsv, type CsvValue } from './csv-writer';
import type { DemoOrg } from './demo-org';

/** One file of the export. */
export interface ExportFile {
  name: string;
  content: string;
  /** Records in the file; 0 for files that are not CSV. */
  rows: number;
}

interface CsvLayout<T> {
  name: string;
  header: readonly string[];
  records: readonly T[];
  toRow: (record: T) => readonly CsvValue[];
}

function render<T>(layout: CsvLayout<T>): ExportFile {
  return {
    name: layout.name,
    content: formatCsv(layout.header, layout.records.map(layout.toRow)),
    rows: layout.records.length
  };
}

function dateTimeOrNull(epochSeconds: number | null): string | null {
  return epochSeconds === null ? null : formatDateTime(epochSeconds);
}

function dateOrNull(day: number | null): string | null {
  return day === null ? null : formatIsoDate(day);
}

/** Renders every CSV file of the export, in a fixed order. */
export function renderCsvFiles(org: DemoOrg): ExportFile[] {
  return [
    render({
      name: 'Account.csv',
      header: [
        'Id',
        'Name',
        'OwnerId',
        'Type',
        'Industry',
        'BillingCountry',
        'Segment__c',
        'LicensedSeats__c',
        'AnnualRecurringRevenue__c',
        'ExecutiveSponsor__c',
        'Champion__c',
        'DaysPastDue__c',
        'CreatedDate'
      ],
      records: org.accounts,
      toRow: (account) => [
        account.id,
        account.name,
        account.ownerId,
        'Customer',
        account.industry,
        account.country,
        account.segment,
        account.licensedSeats,
        account.annualRecurringRevenue,
        account.executiveSponsorId,
        account.championId,
        account.daysPastDue,
        // A mid-afternoon UTC time that varies by account; nothing reads the time of day.
        formatDateTime(account.customerSinceDay * SECONDS_PER_DAY + 13 * 3600 + ((account.index * 7919) % 14400))
      ]
    }),
    render({
      name: 'Contact.csv',
      header: ['Id', 'AccountId', 'FirstName', 'LastName', 'Name', 'Email', 'Title'],
      records: org.contacts,
      toRow: (contact) => [
        contact.id,
        contact.accountId,
        contact.firstName,
        contact.lastName,
        `${contact.firstName} ${contact.lastName}`,
        contact.email,
        contact.title
      ]
    }),
    render({
      name: 'User.csv',
      header: [
        'Id',
        'Username',
        'Name',
        'AccountId',
        'ContactId',
        'UserType',
        'IsActive',
        'ProfileId',
        'Profile.Name',
        'UserRoleId',
        'UserRole.Name',
        'Department',
        'Profile.UserLicense.Name'
      ],
      records: org.users,
      toRow: (user) => [
        user.id,
        user.username,
        user.name,
        user.accountId,
        user.contactId,
        user.userType,
        user.isActive,
        user.profileId,
        user.profileName,
        user.roleId,
        user.roleName,
        user.department,
        userLicenseOf(user.profileName)
      ]
    }),
    render({
      name: 'LoginHistory.csv',
      header: ['Id', 'UserId', 'LoginTime', 'LoginType', 'Status', 'Application'],
      records: org.logins,
      toRow: (login) => [
        login.id,
        login.userId,
        formatDateTime(login.at),
        login.loginType,
        login.status,
        login.application
      ]
    }),
    render({
      name: 'DailyUsage__c.csv',
      header: ['Id', 'Account__c', 'UsageDate__c', 'ActiveUsers__c', 'Logins__c', 'Segment__c', 'Source__c'],
      records: org.dailyUsage,
      toRow: (row) => [
        row.id,
        row.accountId,
        formatIsoDate(row.day),
        row.activeUsers,
        row.logins,
        row.segment,
        row.source
      ]
    }),
    render({
      name: 'Case.csv',
      header: [
        'Id',
        'CaseNumber',
        'AccountId',
        'ContactId',
        'CreatedDate',
        'ClosedDate',
        'IsClosed',
        'IsEscalated',
        'Status',
        'Priority',
        'Origin',
        'Type',
        'Subject',
        'Description'
      ],
      records: org.cases,
      toRow: (entry) => [
        entry.id,
        entry.caseNumber,
        entry.accountId,
        entry.contactId,
        formatDateTime(entry.createdAt),
        dateTimeOrNull(entry.closedAt),
        entry.closedAt !== null,
        entry.isEscalated,
        entry.status,
        entry.priority,
        entry.origin,
        entry.type,
        entry.subject,
        entry.description
      ]
    }),
    render({
      name: 'Task.csv',
      header: [
        'Id',
        'WhoId',
        'WhatId',
        'AccountId',
        'OwnerId',
        'Subject',
        'Type',
        'ActivityDate',
        'CreatedDate',
        'Status',
        'IsClosed'
      ],
      records: org.tasks,
      toRow: (task) => [
        task.id,
        task.whoId,
        task.whatId,
        task.accountId,
        task.ownerId,
        task.subject,
        task.type,
        formatIsoDate(task.activityDay),
        formatDateTime(task.createdAt),
        task.status,
        task.isClosed
      ]
    }),
    render({
      name: 'Event.csv',
      header: [
        'Id',
        'WhoId',
        'WhatId',
        'AccountId',
        'OwnerId',
        'Subject',
        'ActivityDate',
        'StartDateTime',
        'EndDateTime',
        'DurationInMinutes',
        'CreatedDate'
      ],
      records: org.events,
      toRow: (event) => [
        event.id,
        event.whoId,
        event.whatId,
        event.accountId,
        event.ownerId,
        event.subject,
        formatIsoDate(event.activityDay),
        formatDateTime(event.startAt),
        formatDateTime(event.startAt + event.durationMinutes * 60),
        event.durationMinutes,
        formatDateTime(event.createdAt)
      ]
    }),
    render({
      name: 'Opportunity.csv',
      header: [
        'Id',
        'AccountId',
        'OwnerId',
        'Name',
        'Type',
        'StageName',
        'CloseDate',
        'IsClosed',
        'IsWon',
        'Amount',
        'CreatedDate'
      ],
      records: org.opportunities,
      toRow: (opportunity) => [
        opportunity.id,
        opportunity.accountId,
        opportunity.ownerId,
        opportunity.name,
        opportunity.type,
        opportunity.stageName,
        formatIsoDate(opportunity.closeDay),
        opportunity.isClosed,
        opportunity.isWon,
        opportunity.amount,
        formatDateTime(opportunity.createdAt)
      ]
    }),
    render({
      name: 'Contract.csv',
      header: ['Id', 'AccountId', 'ContractNumber', 'Status', 'StartDate', 'EndDate', 'ContractTerm'],
      records: org.contracts,
      toRow: (contract) => [
        contract.id,
        contract.accountId,
        contract.contractNumber,
        contract.status,
        formatIsoDate(contract.startDay),
        formatIsoDate(contract.endDay),
        contract.termMonths
      ]
    }),
    render({
      name: 'Feedback__c.csv',
      header: ['Id', 'Account__c', 'Type__c', 'Score__c', 'ResponseDate__c', 'Theme__c', 'Comment__c'],
      records: org.feedback,
      toRow: (entry) => [
        entry.id,
        entry.accountId,
        entry.type,
        entry.score,
        formatIsoDate(entry.responseDay),
        entry.theme,
        entry.comment
      ]
    }),
    render({
      name: 'SuccessPlan__c.csv',
      header: [
        'Id',
        'Name',
        'Account__c',
        'Status__c',
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
      ],
      records: org.plans,
      toRow: (plan) => [
        plan.id,
        plan.name,
        plan.accountId,
        plan.status,
        plan.stage,
        plan.executiveSponsorId,
        plan.championId,
        plan.reviewCadenceDays,
        dateOrNull(plan.nextReviewDay),
        plan.escalationPath,
        formatIsoDate(plan.startDay),
        formatIsoDate(plan.endDay),
        plan.templateName,
        formatDateTime(plan.createdAt)
      ]
    }),
    render({
      name: 'SuccessObjective__c.csv',
      header: [
        'Id',
        'Name',
        'SuccessPlan__c',
        'Outcome__c',
        'SuccessMetric__c',
        'Unit__c',
        'Baseline__c',
        'Target__c',
        'CurrentValue__c',
        'DueDate__c',
        'Status__c',
        'Capability__c',
        'SortOrder__c'
      ],
      records: org.objectives,
      toRow: (objective) => [
        objective.id,
        objective.name,
        objective.planId,
        objective.outcome,
        objective.successMetric,
        objective.unit,
        objective.baseline,
        objective.target,
        objective.currentValue,
        dateOrNull(objective.dueDay),
        objective.status,
        objective.capability,
        objective.sortOrder
      ]
    }),
    render({
      name: 'SuccessMilestone__c.csv',
      header: [
        'Id',
        'Name',
        'SuccessPlan__c',
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
      ],
      records: org.milestones,
      toRow: (milestone) => [
        milestone.id,
        milestone.name,
        milestone.planId,
        milestone.objectiveId,
        milestone.phase,
        dateOrNull(milestone.targetDay),
        milestone.criteria,
        milestone.criteriaMeasure,
        milestone.criteriaOperator,
        milestone.criteriaValue,
        dateOrNull(milestone.completedDay),
        milestone.completionSource,
        milestone.ownerId,
        milestone.sortOrder
      ]
    }),
    render({
      name: 'RenewalCheckpoint__c.csv',
      header: [
        'Id',
        'Name',
        'Account__c',
        'RenewalDate__c',
        'DaysBefore__c',
        'DueDate__c',
        'Playbook__c',
        'CheckpointKey__c',
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
      ],
      records: org.checkpoints,
      toRow: (checkpoint) => [
        checkpoint.id,
        `${checkpoint.daysBefore} days before the ${formatIsoDate(checkpoint.renewalDay)} renewal`,
        checkpoint.accountId,
        formatIsoDate(checkpoint.renewalDay),
        checkpoint.daysBefore,
        formatIsoDate(checkpoint.dueDay),
        checkpoint.playbook,
        `${checkpoint.accountId}-${formatIsoDate(checkpoint.renewalDay)}-${checkpoint.daysBefore}`,
        checkpoint.status,
        checkpoint.taskId,
        'Opportunity',
        checkpoint.opportunityId,
        null,
        checkpoint.call,
        checkpoint.callNote,
        dateTimeOrNull(checkpoint.callRecordedAt),
        checkpoint.callRecordedById,
        checkpoint.dataBand,
        checkpoint.dataScore,
        checkpoint.isDisagreement,
        formatDateTime(checkpoint.createdAt)
      ]
    }),
    ...renderAdoptionFiles(org)
  ];
}

/**
 * Renders the files of the adoption scorecard, the playbooks and the expansion map. FeatureUsage__c.csv leaves out
 * UniqueKey__c, which the org derives from the other columns, to keep the committed export small.
 */
function renderAdoptionFiles(org: DemoOrg): ExportFile[] {
  return [
    render({
      name: 'Product2.csv',
      header: ['Id', 'Name', 'ProductCode', 'Family', 'IsActive'],
      records: org.products,
      toRow: (product) => [product.id, product.name, product.productCode, product.family, product.isActive]
    }),
    render({
      name: 'PricebookEntry.csv',
      header: [
        'Id',
        'Pricebook2Id',
        'Product2Id',
        'UnitPrice',
        'IsActive',
        'UseStandardPrice',
        'Pricebook2.IsStandard'
      ],
      records: org.priceEntries,
      toRow: (entry) => [
        entry.id,
        entry.pricebookId,
        entry.productId,
        entry.unitPrice,
        entry.isActive,
        false,
        entry.isStandard
      ]
    }),
    render({
      name: 'Asset.csv',
      header: ['Id', 'Name', 'AccountId', 'Product2Id', 'Status', 'InstallDate', 'UsageEndDate', 'Quantity'],
      records: org.assets,
      toRow: (asset) => [
        asset.id,
        asset.name,
        asset.accountId,
        asset.productId,
        asset.status,
        formatIsoDate(asset.installDay),
        dateOrNull(asset.usageEndDay),
        1
      ]
    }),
    render({
      name: 'OpportunityLineItem.csv',
      header: ['Id', 'OpportunityId', 'Product2Id', 'PricebookEntryId', 'Quantity', 'UnitPrice', 'TotalPrice'],
      records: org.lineItems,
      toRow: (item) => [
        item.id,
        item.opportunityId,
        item.productId,
        item.priceEntryId,
        item.quantity,
        item.unitPrice,
        item.quantity * item.unitPrice
      ]
    }),
    render({
      name: 'OpportunityContactRole.csv',
      header: ['Id', 'OpportunityId', 'ContactId', 'Role', 'IsPrimary'],
      records: org.contactRoles,
      toRow: (role) => [role.id, role.opportunityId, role.contactId, role.role, role.isPrimary]
    }),
    render({
      name: 'PermissionSetLicenseAssign.csv',
      header: [
        'Id',
        'AssigneeId',
        'PermissionSetLicenseId',
        'PermissionSetLicense.DeveloperName',
        'PermissionSetLicense.MasterLabel'
      ],
      records: org.licenseAssignments,
      toRow: (assignment) => [
        assignment.id,
        assignment.userId,
        assignment.licenseId,
        assignment.licenseName,
        assignment.licenseLabel
      ]
    }),
    render({
      name: 'FeatureUsage__c.csv',
      header: [
        'Id',
        'Account__c',
        'FeatureKey__c',
        'SegmentType__c',
        'Segment__c',
        'UsageMonth__c',
        'AssignedUsers__c',
        'ActiveUsers__c',
        'TriedUsers__c',
        'Source__c'
      ],
      records: org.featureUsage,
      toRow: (row) => [
        row.id,
        row.accountId,
        row.featureKey,
        row.segmentType,
        row.segment,
        formatIsoDate(row.monthDay),
        row.assigned,
        row.active,
        row.tried,
        row.source
      ]
    }),
    render({
      name: 'FeatureEntitlement__c.csv',
      header: [
        'Id',
        'Account__c',
        'FeatureKey__c',
        'SegmentType__c',
        'Segment__c',
        'EntitledUsers__c',
        'StartDate__c',
        'EndDate__c'
      ],
      records: org.entitlements,
      // The whole account leaves the segment blank.
      toRow: (row) => [
        row.id,
        row.accountId,
        row.featureKey,
        row.segmentType === 'All' ? null : row.segmentType,
        row.segmentType === 'All' ? null : row.segment,
        row.entitled,
        formatIsoDate(row.startDay),
        dateOrNull(row.endDay)
      ]
    }),
    render({
      name: 'BusinessTrigger__c.csv',
      header: ['Id', 'Account__c', 'Type__c', 'OccurredOn__c', 'Description__c'],
      records: org.triggers,
      toRow: (trigger) => [
        trigger.id,
        trigger.accountId,
        trigger.type,
        formatIsoDate(trigger.occurredDay),
        trigger.description
      ]
    }),
    render({
      name: 'AdoptionPlaybook__c.csv',
      header: [
        'Id',
        'Name',
        'Account__c',
        'FeatureKey__c',
        'SegmentType__c',
        'Segment__c',
        'Status__c',
        'BaselinePercent__c',
        'CurrentPercent__c',
        'TargetPercent__c',
        'StartDate__c',
        'TargetDate__c',
        'CreatedDate'
      ],
      records: org.adoptionPlaybooks,
      toRow: (playbook) => [
        playbook.id,
        playbook.name,
        playbook.accountId,
        playbook.featureKey,
        playbook.segmentType,
        playbook.segment,
        playbook.status,
        playbook.baselinePercent,
        playbook.currentPercent,
        playbook.targetPercent,
        formatIsoDate(playbook.startDay),
        formatIsoDate(playbook.targetDay),
        formatDateTime(playbook.createdAt)
      ]
    }),
    render({
      name: 'PlaybookBarrier__c.csv',
      header: ['Id', 'Playbook__c', 'Barrier__c', 'Evidence__c', 'Action__c', 'IsSuggested__c'],
      records: org.playbookBarriers,
      toRow: (barrier) => [
        barrier.id,
        barrier.playbookId,
        barrier.barrier,
        barrier.evidence,
        barrier.action,
        barrier.isSuggested
      ]
    })
  ];
}

/**
 * Readers of the export files behind the adoption scorecard, the adoption playbooks and the expansion map. Every file
 * is optional: an export without them still scores, with no adoption data. Rows are checked like the other files: a
 * bad value rejects the row with its line and column, references that lead nowhere are counted and reported once
 * per file, and the good rows load.
 */
import { ALL_SEGMENT, BARRIERS, monthStart, PLAYBOOK_STATUSES, SEGMENT_TYPES, TRIGGER_TYPES } from 'c/adoptionEngine';
import type { SegmentType } from 'c/adoptionEngine';
import { adoptionRecordsFor } from './adoptionData';
import type { LineItemRecord, OpportunityRecord, PlaybookRecord, ProductRef } from './adoptionData';
import type { FileRule, ReadContext } from './context';
import { RowRejection } from './problems';
import type { RowReader, TableResult } from './table';

/** Role of a champion on OpportunityContactRole and AccountContactRelation, as ExpansionMapSelector reads it. */
export const CHAMPION_ROLE = 'Champion';

/** Length of the Segment__c fields of the adoption objects. */
const SEGMENT_LENGTH = 80;

function optional(value: string): string | null {
  return value === '' ? null : value;
}

/** Returns `1 row` or `3 rows`. */
function rows(count: number): string {
  return count === 1 ? '1 row' : `${count} rows`;
}

/** Returns `1 row names` or `3 rows name`: the row count with the verb in agreement. */
function rowsDo(count: number, singularVerb: string, pluralVerb: string): string {
  return `${rows(count)} ${count === 1 ? singularVerb : pluralVerb}`;
}

/** Reads a count of users: a whole number of 0 or more, or null when blank. */
function count(row: RowReader, column: string): number | null {
  const value = row.number(column, false);
  if (value !== null && (!Number.isInteger(value) || value < 0)) {
    throw new RowRejection(column, `invalid count ${value}; use a whole number of users, 0 or more`);
  }
  return value;
}

/** Reads a percent of a playbook: a number from 0 to 9999.9, or null when blank. */
function percent(row: RowReader, column: string): number | null {
  const value = row.number(column, false);
  if (value !== null && (value < 0 || value > 9999.9)) {
    throw new RowRejection(column, `percent ${value} is out of range; use a number from 0 to 9999.9`);
  }
  return value;
}

/**
 * Reads the segment of a row as the org's Segment class does. A blank type or type All is the whole account (All,
 * All). Any other type needs a segment name of at most 80 characters.
 */
function segmentOf(row: RowReader): { segmentType: SegmentType; segment: string } {
  const segmentType = row.picklist('SegmentType__c', SEGMENT_TYPES) ?? ALL_SEGMENT;
  if (segmentType === ALL_SEGMENT) {
    return { segmentType, segment: ALL_SEGMENT };
  }
  const segment = row.text('Segment__c');
  if (segment === '') {
    throw new RowRejection('Segment__c', `missing segment name for segment type ${segmentType}; name the segment`);
  }
  if (segment.length > SEGMENT_LENGTH) {
    throw new RowRejection('Segment__c', `segment name has ${segment.length} characters; shorten it to 80`);
  }
  return { segmentType, segment };
}

/** Counts of rows whose reference led nowhere, for one notice per kind after the file. */
class Unresolved {
  private readonly counts = new Map<string, { rows: number; example: string }>();

  add(kind: string, id: string): void {
    const entry = this.counts.get(kind);
    if (entry === undefined) this.counts.set(kind, { rows: 1, example: id });
    else entry.rows++;
  }

  /** Adds one notice per kind to the context. */
  report(context: ReadContext, describe: (kind: string, rowCount: number, example: string) => string): void {
    for (const [kind, { rows: rowCount, example }] of this.counts) {
      context.notices.push(describe(kind, rowCount, example));
    }
  }
}

/**
 * FeatureUsage__c.csv: monthly users of each feature and segment, loaded through the API as telemetry or written by
 * the adoption job for in-org measures. One row per account, feature, segment and month (UniqueKey__c); a second row
 * of the same key is rejected. UsageMonth__c may be any day of the month.
 */
export const FEATURE_USAGE_RULE: FileRule = {
  spec: {
    name: 'FeatureUsage__c.csv',
    required: ['Account__c', 'FeatureKey__c', 'UsageMonth__c'],
    optional: [
      'Id',
      'SegmentType__c',
      'Segment__c',
      'AssignedUsers__c',
      'ActiveUsers__c',
      'TriedUsers__c',
      'Source__c',
      'UniqueKey__c'
    ]
  },
  open(context) {
    const keys = new Set<string>();
    const handleRow = (row: RowReader): void => {
      const accountText = row.requiredText('Account__c');
      const featureKey = row.requiredText('FeatureKey__c');
      const month = monthStart(row.day('UsageMonth__c', true) as string);
      const { segmentType, segment } = segmentOf(row);
      const assigned = count(row, 'AssignedUsers__c');
      const active = count(row, 'ActiveUsers__c');
      const tried = count(row, 'TriedUsers__c');
      const accountId = context.resolveAccount('FeatureUsage__c.csv', 'Account__c', accountText);
      if (accountId === null) return;
      const key = [accountId, featureKey, segmentType, segment, month.slice(0, 7)].join('|');
      if (keys.has(key)) {
        throw new RowRejection(
          'UsageMonth__c',
          `second row for feature ${featureKey}, segment ${segment} and month ${month.slice(0, 7)} of account ` +
            `${accountId}; keep one row per UniqueKey__c`
        );
      }
      keys.add(key);
      adoptionRecordsFor(context.data.adoption, accountId).usage.push({
        featureKey,
        segmentType,
        segment,
        month,
        assigned,
        active,
        tried
      });
    };
    const finish = (): void => {
      context.data.adoption.loaded.featureUsage = true;
    };
    return { handleRow, finish };
  }
};

/** FeatureEntitlement__c.csv: users entitled to a feature from a start date, for the whole account or a segment. */
export const FEATURE_ENTITLEMENT_RULE: FileRule = {
  spec: {
    name: 'FeatureEntitlement__c.csv',
    required: ['Account__c', 'FeatureKey__c'],
    optional: ['Id', 'EntitledUsers__c', 'StartDate__c', 'EndDate__c', 'SegmentType__c', 'Segment__c']
  },
  open(context) {
    let withoutStart = 0;
    const handleRow = (row: RowReader): void => {
      const accountText = row.requiredText('Account__c');
      const featureKey = row.requiredText('FeatureKey__c');
      const entitled = count(row, 'EntitledUsers__c');
      const startDate = row.day('StartDate__c', false);
      const endDate = row.day('EndDate__c', false);
      if (startDate !== null && endDate !== null && endDate < startDate) {
        throw new RowRejection('EndDate__c', `end date ${endDate} is before the start date ${startDate}; fix one`);
      }
      const { segmentType, segment } = segmentOf(row);
      const accountId = context.resolveAccount('FeatureEntitlement__c.csv', 'Account__c', accountText);
      if (accountId === null) return;
      if (startDate === null) withoutStart++;
      adoptionRecordsFor(context.data.adoption, accountId).entitlements.push({
        featureKey,
        segmentType,
        segment,
        entitled,
        startDate,
        endDate
      });
    };
    const finish = (): void => {
      context.data.adoption.loaded.featureEntitlements = true;
      if (withoutStart > 0) {
        context.notices.push(
          `FeatureEntitlement__c.csv: ${rowsDo(withoutStart, 'has', 'have')} no StartDate__c, so ` +
            `${withoutStart === 1 ? 'it entitles' : 'they entitle'} nobody, as in the org; set the day the ` +
            'entitlement began.'
        );
      }
    };
    return { handleRow, finish };
  }
};

/** PermissionSetLicenseAssign.csv: holders of permission set licenses, for features entitled through one. */
export const PERMISSION_SET_LICENSE_ASSIGN_RULE: FileRule = {
  spec: {
    name: 'PermissionSetLicenseAssign.csv',
    required: ['AssigneeId'],
    optional: ['Id', 'PermissionSetLicenseId', 'PermissionSetLicense.DeveloperName', 'PermissionSetLicense.MasterLabel']
  },
  open(context) {
    const holders = context.data.adoption.permissionSetLicenseHolders;
    const add = (name: string, userId: string): void => {
      if (name === '') return;
      const key = name.toLowerCase();
      const set = holders.get(key);
      if (set === undefined) holders.set(key, new Set([userId]));
      else set.add(userId);
    };
    const handleRow = (row: RowReader): void => {
      const userId = row.requiredText('AssigneeId');
      const developerName = row.text('PermissionSetLicense.DeveloperName');
      const label = row.text('PermissionSetLicense.MasterLabel');
      if (developerName === '' && label === '') {
        throw new RowRejection(
          'PermissionSetLicense.DeveloperName',
          'missing license name; export PermissionSetLicense.DeveloperName or PermissionSetLicense.MasterLabel'
        );
      }
      add(developerName, userId);
      add(label, userId);
    };
    const finish = (): void => {
      context.data.adoption.loaded.permissionSetLicenses = true;
    };
    return { handleRow, finish };
  }
};

/** Product2.csv: the product catalog. A product without ProductCode cannot be matched and is kept only by Id. */
export const PRODUCT_RULE: FileRule = {
  spec: { name: 'Product2.csv', required: ['Id', 'Name'], optional: ['ProductCode', 'Family', 'IsActive'] },
  open(context) {
    const products = context.data.adoption.products;
    const handleRow = (row: RowReader): void => {
      const id = row.requiredText('Id');
      const name = row.requiredText('Name');
      if (products.has(id)) throw new RowRejection('Id', `duplicate product Id ${id}; keep one row per product`);
      products.set(id, {
        id,
        name,
        productCode: optional(row.text('ProductCode')),
        family: optional(row.text('Family')),
        isActive: row.has('IsActive') ? row.bool('IsActive') : true
      });
    };
    const finish = (): void => {
      context.data.adoption.loaded.products = true;
    };
    return { handleRow, finish };
  }
};

/**
 * PricebookEntry.csv: list prices. Only active entries of the standard price book count, as in the org. Without a
 * Pricebook2.IsStandard column, every active entry is taken as a standard price.
 */
export const PRICEBOOK_ENTRY_RULE: FileRule = {
  spec: {
    name: 'PricebookEntry.csv',
    required: ['Id', 'Product2Id', 'UnitPrice'],
    optional: ['Pricebook2Id', 'IsActive', 'Pricebook2.IsStandard', 'UseStandardPrice']
  },
  open(context) {
    const unresolved = new Unresolved();
    const handleRow = (row: RowReader): void => {
      const id = row.requiredText('Id');
      const productId = row.requiredText('Product2Id');
      const unitPrice = row.number('UnitPrice', true) as number;
      if (unitPrice < 0) throw new RowRejection('UnitPrice', `price ${unitPrice} is negative; fix the price`);
      const isActive = row.has('IsActive') ? row.bool('IsActive') : true;
      const isStandard = row.has('Pricebook2.IsStandard') ? row.bool('Pricebook2.IsStandard') : true;
      if (context.data.adoption.loaded.products && !context.data.adoption.products.has(productId)) {
        unresolved.add('Product2Id', productId);
        return;
      }
      context.data.adoption.prices.push({
        id,
        productId,
        pricebookId: optional(row.text('Pricebook2Id')),
        unitPrice,
        isActive,
        isStandard
      });
    };
    const finish = (table: TableResult): void => {
      context.data.adoption.loaded.prices = true;
      if (!table.columns.has('pricebook2.isstandard')) {
        context.notices.push(
          'PricebookEntry.csv has no Pricebook2.IsStandard column, so every active entry counts as a standard ' +
            'list price; export Pricebook2.IsStandard to leave out the other price books.'
        );
      }
      unresolved.report(
        context,
        (_kind, rowCount, example) =>
          `PricebookEntry.csv: ${rowsDo(rowCount, 'names', 'name')} a Product2Id that is not in Product2.csv (for ` +
          'example ' +
          `${example}) and ${rowCount === 1 ? 'was' : 'were'} ignored; export those products too.`
      );
    };
    return { handleRow, finish };
  }
};

/** Finds the product of an Asset or an Opportunity product: Product2Id in Product2.csv, else the row's own columns. */
function productRefOf(context: ReadContext, row: RowReader): ProductRef {
  const productId = optional(row.text('Product2Id'));
  const product = productId === null ? undefined : context.data.adoption.products.get(productId);
  return {
    productId,
    productCode: product?.productCode ?? optional(row.text('Product2.ProductCode')),
    productName: product?.name ?? optional(row.text('Product2.Name'))
  };
}

/** Asset.csv: products each account owns; the expansion map leaves out Obsolete and ended Assets. */
export const ASSET_RULE: FileRule = {
  spec: {
    name: 'Asset.csv',
    required: ['Id', 'AccountId'],
    optional: ['Name', 'Product2Id', 'Product2.ProductCode', 'Product2.Name', 'Status', 'InstallDate', 'UsageEndDate']
  },
  open(context) {
    let withoutProduct = 0;
    const handleRow = (row: RowReader): void => {
      const id = row.requiredText('Id');
      const accountText = row.text('AccountId');
      const installDate = row.day('InstallDate', false);
      const usageEndDate = row.day('UsageEndDate', false);
      const accountId = context.resolveAccount('Asset.csv', 'AccountId', accountText);
      if (accountId === null) return;
      const product = productRefOf(context, row);
      if (product.productCode === null) {
        withoutProduct++;
        return;
      }
      adoptionRecordsFor(context.data.adoption, accountId).assets.push({
        id,
        name: optional(row.text('Name')),
        status: optional(row.text('Status')),
        installDate,
        usageEndDate,
        ...product
      });
    };
    const finish = (): void => {
      context.data.adoption.loaded.assets = true;
      if (withoutProduct > 0) {
        context.notices.push(
          `Asset.csv: ${rowsDo(withoutProduct, 'names', 'name')} no product with a ProductCode and ` +
            `${withoutProduct === 1 ? 'is' : 'are'} left out of the footprint; export Product2.csv or the column ` +
            'Product2.ProductCode.'
        );
      }
    };
    return { handleRow, finish };
  }
};

/**
 * Records an Opportunity of a known account for the expansion map, from the Opportunity.csv reader. IsWon is read
 * when present; without it a StageName of "Closed Won" counts as won.
 */
export function recordOpportunity(
  context: ReadContext,
  row: RowReader,
  id: string,
  accountId: string,
  closeDate: string,
  isClosed: boolean
): void {
  const isWon = row.has('IsWon') ? row.bool('IsWon') : /^closed won$/i.test(row.text('StageName'));
  const opportunity: OpportunityRecord = {
    id,
    accountId,
    name: row.text('Name') || id,
    isClosed,
    isWon: isClosed && isWon,
    closeDate
  };
  context.data.adoption.opportunities.set(id, opportunity);
  if (!isClosed) adoptionRecordsFor(context.data.adoption, accountId).openOpportunities.push(opportunity);
}

/** OpportunityLineItem.csv: the products of each Opportunity, won, lost and open. */
export const OPPORTUNITY_LINE_ITEM_RULE: FileRule = {
  spec: {
    name: 'OpportunityLineItem.csv',
    required: ['Id', 'OpportunityId'],
    optional: ['Product2Id', 'PricebookEntryId', 'Product2.ProductCode', 'Product2.Name', 'Quantity', 'UnitPrice']
  },
  open(context) {
    const unresolved = new Unresolved();
    let withoutProduct = 0;
    const handleRow = (row: RowReader): void => {
      const id = row.requiredText('Id');
      const opportunityId = row.requiredText('OpportunityId');
      row.number('Quantity', false);
      row.number('UnitPrice', false);
      const opportunity = context.data.adoption.opportunities.get(opportunityId);
      if (opportunity === undefined) {
        unresolved.add('OpportunityId', opportunityId);
        return;
      }
      const product = productRefOf(context, row);
      if (product.productCode === null) {
        withoutProduct++;
        return;
      }
      const item: LineItemRecord = {
        id,
        opportunityId,
        opportunityName: opportunity.name,
        isClosed: opportunity.isClosed,
        isWon: opportunity.isWon,
        closeDate: opportunity.closeDate,
        ...product
      };
      adoptionRecordsFor(context.data.adoption, opportunity.accountId).lineItems.push(item);
    };
    const finish = (): void => {
      context.data.adoption.loaded.lineItems = true;
      unresolved.report(
        context,
        (_kind, rowCount, example) =>
          `OpportunityLineItem.csv: ${rowsDo(rowCount, 'belongs', 'belong')} to Opportunities that are not in ` +
          'Opportunity.csv or ' +
          `belong to accounts that are not in Account.csv (for example ${example}) and ` +
          `${rowCount === 1 ? 'was' : 'were'} ignored; export those Opportunities too.`
      );
      if (withoutProduct > 0) {
        context.notices.push(
          `OpportunityLineItem.csv: ${rowsDo(withoutProduct, 'names', 'name')} no product with a ProductCode and ` +
            `${withoutProduct === 1 ? 'is' : 'are'} left out; export Product2.csv or the column Product2.ProductCode.`
        );
      }
    };
    return { handleRow, finish };
  }
};

/** OpportunityContactRole.csv: contacts named Champion on an account's Opportunities; other roles are skipped. */
export const OPPORTUNITY_CONTACT_ROLE_RULE: FileRule = {
  spec: {
    name: 'OpportunityContactRole.csv',
    required: ['OpportunityId', 'ContactId', 'Role'],
    optional: ['Id', 'IsPrimary']
  },
  open(context) {
    const unresolved = new Unresolved();
    const handleRow = (row: RowReader): void => {
      const opportunityId = row.requiredText('OpportunityId');
      const contactId = row.requiredText('ContactId');
      // SOQL compares the role without regard to letter case, as the org's selector does.
      if (row.text('Role').toLowerCase() !== CHAMPION_ROLE.toLowerCase()) return;
      const opportunity = context.data.adoption.opportunities.get(opportunityId);
      if (opportunity === undefined) {
        unresolved.add('OpportunityId', opportunityId);
        return;
      }
      adoptionRecordsFor(context.data.adoption, opportunity.accountId).championRoles.push({
        contactId,
        opportunityId,
        opportunityName: opportunity.name
      });
    };
    const finish = (): void => {
      context.data.adoption.loaded.contactRoles = true;
      unresolved.report(
        context,
        (_kind, rowCount, example) =>
          `OpportunityContactRole.csv: ${rowsDo(rowCount, 'names a champion', 'name champions')} on Opportunities ` +
          'that are not in ' +
          `Opportunity.csv (for example ${example}) and ${rowCount === 1 ? 'was' : 'were'} ignored; export those ` +
          'Opportunities too.'
      );
    };
    return { handleRow, finish };
  }
};

/** AccountContactRelation.csv: active relations whose Roles include Champion; other rows are skipped. */
export const ACCOUNT_CONTACT_RELATION_RULE: FileRule = {
  spec: {
    name: 'AccountContactRelation.csv',
    required: ['AccountId', 'ContactId', 'Roles'],
    optional: ['Id', 'IsActive', 'IsDirect']
  },
  open(context) {
    const handleRow = (row: RowReader): void => {
      const accountText = row.requiredText('AccountId');
      const contactId = row.requiredText('ContactId');
      const isActive = row.has('IsActive') ? row.bool('IsActive') : true;
      // Roles is a multi-select picklist: values separated by semicolons, compared exactly as the org's view does.
      const roles = row.text('Roles').split(';');
      if (!isActive || !roles.includes(CHAMPION_ROLE)) return;
      const accountId = context.resolveAccount('AccountContactRelation.csv', 'AccountId', accountText);
      if (accountId === null) return;
      adoptionRecordsFor(context.data.adoption, accountId).championRoles.push({
        contactId,
        opportunityId: null,
        opportunityName: null
      });
    };
    const finish = (): void => {
      context.data.adoption.loaded.contactRoles = true;
    };
    return { handleRow, finish };
  }
};

/** BusinessTrigger__c.csv: events in each customer's business that open an expansion conversation. */
export const BUSINESS_TRIGGER_RULE: FileRule = {
  spec: {
    name: 'BusinessTrigger__c.csv',
    required: ['Account__c', 'Type__c'],
    optional: ['Id', 'OccurredOn__c', 'Description__c']
  },
  open(context) {
    const handleRow = (row: RowReader): void => {
      const accountText = row.requiredText('Account__c');
      const type = row.picklist('Type__c', TRIGGER_TYPES);
      if (type === null) {
        throw new RowRejection('Type__c', `missing value; use one of ${TRIGGER_TYPES.join(', ')}`);
      }
      const occurredOn = row.day('OccurredOn__c', false);
      const accountId = context.resolveAccount('BusinessTrigger__c.csv', 'Account__c', accountText);
      if (accountId === null) return;
      adoptionRecordsFor(context.data.adoption, accountId).triggers.push({
        id: optional(row.text('Id')),
        type,
        occurredOn,
        description: optional(row.text('Description__c'))
      });
    };
    const finish = (): void => {
      context.data.adoption.loaded.businessTriggers = true;
    };
    return { handleRow, finish };
  }
};

/**
 * AdoptionPlaybook__c.csv: the adoption playbooks of each account. It is read before Task.csv, so the Task reader
 * can attach each playbook's sprint Tasks.
 */
export const ADOPTION_PLAYBOOK_RULE: FileRule = {
  spec: {
    name: 'AdoptionPlaybook__c.csv',
    required: ['Id', 'Account__c', 'FeatureKey__c', 'Status__c'],
    optional: [
      'Name',
      'SegmentType__c',
      'Segment__c',
      'BaselinePercent__c',
      'CurrentPercent__c',
      'TargetPercent__c',
      'StartDate__c',
      'TargetDate__c'
    ]
  },
  open(context) {
    const playbooks = context.data.adoption.playbooksById;
    const handleRow = (row: RowReader): void => {
      const id = row.requiredText('Id');
      if (playbooks.has(id)) throw new RowRejection('Id', `duplicate playbook Id ${id}; keep one row per playbook`);
      const accountText = row.requiredText('Account__c');
      const featureKey = row.requiredText('FeatureKey__c');
      const status = row.picklist('Status__c', PLAYBOOK_STATUSES);
      if (status === null) {
        throw new RowRejection('Status__c', `missing value; use one of ${PLAYBOOK_STATUSES.join(', ')}`);
      }
      const { segmentType, segment } = segmentOf(row);
      const baselinePercent = percent(row, 'BaselinePercent__c');
      const currentPercent = percent(row, 'CurrentPercent__c');
      const targetPercent = percent(row, 'TargetPercent__c');
      const startDate = row.day('StartDate__c', false);
      const targetDate = row.day('TargetDate__c', false);
      const accountId = context.resolveAccount('AdoptionPlaybook__c.csv', 'Account__c', accountText);
      if (accountId === null) return;

      const playbook: PlaybookRecord = {
        id,
        accountId,
        name: row.text('Name') || id,
        featureKey,
        segmentType,
        segment,
        status,
        baselinePercent,
        currentPercent,
        targetPercent,
        startDate,
        targetDate,
        barriers: [],
        tasks: []
      };
      playbooks.set(id, playbook);
      adoptionRecordsFor(context.data.adoption, accountId).playbooks.push(playbook);
    };
    const finish = (): void => {
      context.data.adoption.loaded.playbooks = true;
    };
    return { handleRow, finish };
  }
};

/** PlaybookBarrier__c.csv: the barriers of each playbook. */
export const PLAYBOOK_BARRIER_RULE: FileRule = {
  spec: {
    name: 'PlaybookBarrier__c.csv',
    required: ['Playbook__c', 'Barrier__c'],
    optional: ['Id', 'Evidence__c', 'Action__c', 'IsSuggested__c']
  },
  open(context) {
    const unresolved = new Unresolved();
    const handleRow = (row: RowReader): void => {
      const playbookId = row.requiredText('Playbook__c');
      const barrier = row.picklist('Barrier__c', BARRIERS);
      if (barrier === null) throw new RowRejection('Barrier__c', `missing value; use one of ${BARRIERS.join(', ')}`);
      const isSuggested = row.bool('IsSuggested__c');
      const playbook = context.data.adoption.playbooksById.get(playbookId);
      if (playbook === undefined) {
        unresolved.add('Playbook__c', playbookId);
        return;
      }
      playbook.barriers.push({
        id: optional(row.text('Id')),
        barrier,
        evidence: optional(row.text('Evidence__c')),
        action: optional(row.text('Action__c')),
        isSuggested
      });
    };
    const finish = (): void => {
      unresolved.report(
        context,
        (_kind, rowCount, example) =>
          `PlaybookBarrier__c.csv: ${rowsDo(rowCount, 'belongs', 'belong')} to playbooks that are not in ` +
          'AdoptionPlaybook__c.csv or ' +
          `were ignored (for example ${example}); ${rowCount === 1 ? 'it was' : 'they were'} ignored. Export those ` +
          'playbooks too.'
      );
    };
    return { handleRow, finish };
  }
};

/**
 * Attaches a Task of Task.csv to its playbook when its WhatId is a known playbook.
 * @returns The playbook's account, or null when the Task is not a sprint Task of a known playbook.
 */
export function recordPlaybookTask(context: ReadContext, row: RowReader, id: string, isClosed: boolean): string | null {
  const playbook = context.data.adoption.playbooksById.get(row.text('WhatId'));
  if (playbook === undefined) return null;
  const ownerId = row.text('OwnerId');
  playbook.tasks.push({
    id,
    subject: row.text('Subject') || id,
    dueDate: row.day('ActivityDate', false),
    status: optional(row.text('Status')),
    isClosed,
    ownerName: ownerId === '' ? null : (context.data.userNames.get(ownerId) ?? ownerId)
  });
  return playbook.accountId;
}

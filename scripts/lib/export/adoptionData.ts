/**
 * Records of an org export that the adoption scorecard, the adoption playbooks and the expansion map read. They are
 * feature usage and entitlements, the product catalog with its standard prices, each account's Assets, Opportunity
 * products and champion roles, business triggers, and the playbooks with their barriers and sprint Tasks. Every file
 * is optional: a missing file means no data of its kind, and its `loaded` flag stays false.
 */
import type { Barrier, PlaybookStatus, SegmentType, TriggerType } from 'c/adoptionEngine';
import type { AdoptionUser, FeatureEntitlementRow, FeatureUsageRow } from '../adoption/facts';

/** A product of Product2.csv. */
export interface ProductRecord {
  id: string;
  name: string;
  /** Trimmed ProductCode; null when blank. */
  productCode: string | null;
  family: string | null;
  /** IsActive; true when the column is absent. */
  isActive: boolean;
}

/** An entry of PricebookEntry.csv. */
export interface PriceEntryRecord {
  id: string;
  productId: string;
  pricebookId: string | null;
  unitPrice: number;
  isActive: boolean;
  /** Pricebook2.IsStandard, or true when the column is absent (the reader's notice for the file states this). */
  isStandard: boolean;
}

/** A product an account owns or is offered, as an Asset or an Opportunity product names it. */
export interface ProductRef {
  /** Product2 Id; null when the row names the product only through Product2.ProductCode. */
  productId: string | null;
  /** ProductCode from Product2.csv, or the row's Product2.ProductCode; null when neither gives one. */
  productCode: string | null;
  /** Product name from Product2.csv, or the row's Product2.Name; null when neither gives one. */
  productName: string | null;
}

/** An Asset of Asset.csv. */
export interface AssetRecord extends ProductRef {
  id: string;
  name: string | null;
  status: string | null;
  /** ISO date. */
  installDate: string | null;
  /** ISO date. */
  usageEndDate: string | null;
}

/** An Opportunity of Opportunity.csv, as the expansion map needs it. */
export interface OpportunityRecord {
  id: string;
  accountId: string;
  name: string;
  isClosed: boolean;
  isWon: boolean;
  /** ISO date. */
  closeDate: string;
}

/** A product of an Opportunity, from OpportunityLineItem.csv. */
export interface LineItemRecord extends ProductRef {
  id: string;
  opportunityId: string;
  opportunityName: string;
  isClosed: boolean;
  isWon: boolean;
  /** ISO close date of the Opportunity. */
  closeDate: string;
}

/** A contact named Champion on an Opportunity or on the account relation. */
export interface ChampionRoleRecord {
  contactId: string;
  /** Name of the Opportunity of an OpportunityContactRole, or null for an AccountContactRelation. */
  opportunityName: string | null;
  /** Opportunity Id of an OpportunityContactRole; null for an AccountContactRelation. */
  opportunityId: string | null;
}

/** A business trigger of BusinessTrigger__c.csv. */
export interface TriggerRecord {
  id: string | null;
  type: TriggerType;
  /** ISO date. */
  occurredOn: string | null;
  description: string | null;
}

/** A barrier of PlaybookBarrier__c.csv. */
export interface PlaybookBarrierRecord {
  id: string | null;
  barrier: Barrier;
  evidence: string | null;
  action: string | null;
  isSuggested: boolean;
}

/** A sprint Task of a playbook: a Task of Task.csv whose WhatId is the playbook. */
export interface PlaybookTaskRecord {
  id: string;
  subject: string;
  /** ISO date of ActivityDate. */
  dueDate: string | null;
  status: string | null;
  isClosed: boolean;
  ownerName: string | null;
}

/** A playbook of AdoptionPlaybook__c.csv with its barriers and sprint Tasks. */
export interface PlaybookRecord {
  id: string;
  accountId: string;
  name: string;
  featureKey: string;
  segmentType: SegmentType;
  segment: string;
  status: PlaybookStatus;
  baselinePercent: number | null;
  currentPercent: number | null;
  targetPercent: number | null;
  /** ISO date. */
  startDate: string | null;
  /** ISO date. */
  targetDate: string | null;
  /** Barriers in file order. */
  barriers: PlaybookBarrierRecord[];
  /** Sprint Tasks in file order. */
  tasks: PlaybookTaskRecord[];
}

/** The adoption records of one account. */
export interface AccountAdoptionRecords {
  usage: FeatureUsageRow[];
  entitlements: FeatureEntitlementRow[];
  /** Active users of the account who are not integration users: portal users and attributed internal users. */
  users: AdoptionUser[];
  assets: AssetRecord[];
  /** Products of the account's Opportunities, won, lost and open. */
  lineItems: LineItemRecord[];
  /** Open Opportunities of the account, for the hand-offs named after a product. */
  openOpportunities: OpportunityRecord[];
  championRoles: ChampionRoleRecord[];
  triggers: TriggerRecord[];
  /** Playbooks in file order. */
  playbooks: PlaybookRecord[];
}

/** Flags of the adoption files an export contained whose header the reader accepted. */
export interface AdoptionFilesLoaded {
  featureUsage: boolean;
  featureEntitlements: boolean;
  products: boolean;
  prices: boolean;
  assets: boolean;
  lineItems: boolean;
  contactRoles: boolean;
  businessTriggers: boolean;
  playbooks: boolean;
  permissionSetLicenses: boolean;
  /** True when User.csv has Profile.UserLicense.Name, so user license holders can be counted. */
  userLicenses: boolean;
}

/** Adoption records of an export, by account Id. */
export interface AdoptionData {
  accounts: Map<string, AccountAdoptionRecords>;
  /** Products by Id, in file order. */
  products: Map<string, ProductRecord>;
  /** Price book entries in file order. */
  prices: PriceEntryRecord[];
  /** Opportunities of known accounts by Id. */
  opportunities: Map<string, OpportunityRecord>;
  /** Playbooks by Id, for the barrier and Task files. */
  playbooksById: Map<string, PlaybookRecord>;
  /** User Ids by lower-case permission set license DeveloperName and label. */
  permissionSetLicenseHolders: Map<string, Set<string>>;
  /** Contacts of Contact.csv by Id, for the names and titles of champions; empty without the file. */
  contacts: ReadonlyMap<string, { name: string; title: string | null }>;
  loaded: AdoptionFilesLoaded;
}

/**
 * Returns empty adoption data for an export about to be read.
 * @param contacts The contacts the Contact.csv reader fills, shared so champions can be named.
 */
export function emptyAdoptionData(
  contacts: ReadonlyMap<string, { name: string; title: string | null }> = new Map()
): AdoptionData {
  return {
    contacts,
    accounts: new Map(),
    products: new Map(),
    prices: [],
    opportunities: new Map(),
    playbooksById: new Map(),
    permissionSetLicenseHolders: new Map(),
    loaded: {
      featureUsage: false,
      featureEntitlements: false,
      products: false,
      prices: false,
      assets: false,
      lineItems: false,
      contactRoles: false,
      businessTriggers: false,
      playbooks: false,
      permissionSetLicenses: false,
      userLicenses: false
    }
  };
}

function emptyRecords(): AccountAdoptionRecords {
  return {
    usage: [],
    entitlements: [],
    users: [],
    assets: [],
    lineItems: [],
    openOpportunities: [],
    championRoles: [],
    triggers: [],
    playbooks: []
  };
}

/** Returns the adoption records of an account, creating empty ones on first use. */
export function adoptionRecordsFor(data: AdoptionData, accountId: string): AccountAdoptionRecords {
  let records = data.accounts.get(accountId);
  if (records === undefined) {
    records = emptyRecords();
    data.accounts.set(accountId, records);
  }
  return records;
}

/** Returns the adoption records of an account, or new empty lists when the export has none for it. */
export function adoptionRecordsOf(data: AdoptionData, accountId: string): AccountAdoptionRecords {
  return data.accounts.get(accountId) ?? emptyRecords();
}

/**
 * Records that the adoption methods of the offline cockpit keep in the change store: adoption playbooks, whole with
 * their barriers and sprint Tasks, business triggers, and the Opportunities that hand-offs created. Each kind has a
 * check that the store runs on read and write.
 */
import { BARRIERS, EXPANSION_APPROACHES, PLAYBOOK_STATUSES, SEGMENT_TYPES, TRIGGER_TYPES } from 'c/adoptionEngine';
import type { PlaybookRecord, TriggerRecord } from '../lib/export';

/**
 * An adoption playbook that the cockpit created or whose status it changed, with the fields of AdoptionPlaybook__c,
 * its PlaybookBarrier__c rows and its sprint Tasks. It replaces the export's playbook of the same Id.
 */
export interface StoredAdoptionPlaybook extends PlaybookRecord {
  /** ISO time of the last change. */
  changedAt: string;
}

/** A business trigger that the cockpit recorded, with the fields of BusinessTrigger__c. */
export interface StoredBusinessTrigger extends TriggerRecord {
  id: string;
  accountId: string;
  /** ISO time it was recorded. */
  createdAt: string;
}

/** An Opportunity that a hand-off created, with its line item when the product has a standard list price. */
export interface StoredHandOff {
  /** Opportunity Id. */
  id: string;
  accountId: string;
  name: string;
  stageName: string;
  /** YYYY-MM-DD. */
  closeDate: string;
  hypothesis: string;
  /** One fact per line. */
  evidence: string;
  approach: string;
  productCode: string;
  productId: string | null;
  productName: string;
  /** OpportunityLineItem Id; null when the product has no standard list price. */
  lineItemId: string | null;
  unitPrice: number | null;
  /** ISO time it was created. */
  createdAt: string;
  createdById: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown): value is string {
  return typeof value === 'string';
}

function isTextOrNull(value: unknown): value is string | null {
  return value === null || typeof value === 'string';
}

function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
}

function isDateOrNull(value: unknown): value is string | null {
  return value === null || isIsoDate(value);
}

function isNumberOrNull(value: unknown): value is number | null {
  return value === null || (typeof value === 'number' && Number.isFinite(value));
}

function isOneOf(allowed: readonly string[], value: unknown): boolean {
  return typeof value === 'string' && allowed.includes(value);
}

function isBarrier(value: unknown): boolean {
  return (
    isObject(value) &&
    isTextOrNull(value.id) &&
    isOneOf(BARRIERS, value.barrier) &&
    isTextOrNull(value.evidence) &&
    isTextOrNull(value.action) &&
    typeof value.isSuggested === 'boolean'
  );
}

function isTask(value: unknown): boolean {
  return (
    isObject(value) &&
    isText(value.id) &&
    isText(value.subject) &&
    isDateOrNull(value.dueDate) &&
    isTextOrNull(value.status) &&
    typeof value.isClosed === 'boolean' &&
    isTextOrNull(value.ownerName)
  );
}

/** Checks a stored adoption playbook. */
export function isStoredAdoptionPlaybook(value: unknown): value is StoredAdoptionPlaybook {
  return (
    isObject(value) &&
    [value.id, value.accountId, value.name, value.featureKey, value.segment, value.changedAt].every(isText) &&
    isOneOf(SEGMENT_TYPES, value.segmentType) &&
    isOneOf(PLAYBOOK_STATUSES, value.status) &&
    [value.baselinePercent, value.currentPercent, value.targetPercent].every(isNumberOrNull) &&
    [value.startDate, value.targetDate].every(isDateOrNull) &&
    Array.isArray(value.barriers) &&
    value.barriers.every(isBarrier) &&
    Array.isArray(value.tasks) &&
    value.tasks.every(isTask)
  );
}

/** Checks a stored business trigger. */
export function isStoredBusinessTrigger(value: unknown): value is StoredBusinessTrigger {
  return (
    isObject(value) &&
    [value.id, value.accountId, value.createdAt].every(isText) &&
    isOneOf(TRIGGER_TYPES, value.type) &&
    isDateOrNull(value.occurredOn) &&
    isTextOrNull(value.description)
  );
}

/** Checks a stored hand-off. */
export function isStoredHandOff(value: unknown): value is StoredHandOff {
  return (
    isObject(value) &&
    [value.id, value.accountId, value.name, value.stageName, value.hypothesis, value.evidence].every(isText) &&
    [value.productCode, value.productName, value.createdAt, value.createdById].every(isText) &&
    isOneOf(EXPANSION_APPROACHES, value.approach) &&
    isIsoDate(value.closeDate) &&
    [value.productId, value.lineItemId].every(isTextOrNull) &&
    isNumberOrNull(value.unitPrice)
  );
}

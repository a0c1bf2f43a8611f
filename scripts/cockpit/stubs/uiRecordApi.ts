/**
 * Stand-in for `lightning/uiRecordApi`: getRecord loads the record from the cockpit server, which builds it from the
 * export's Account fields and the latest health scores, in the UI API's record shape.
 */
import { isRecord, postJson } from './http';
import { FetchingWireAdapter, reloadConnected } from './wire';
import type { WiredValue } from './wire';

/** Value of one field; the value of a relationship field is the related record. */
export interface FieldValueRepresentation {
  displayValue: string | null;
  value: unknown;
}

/** A record in the UI API shape. */
export interface RecordRepresentation {
  apiName: string;
  id: string;
  fields: Record<string, FieldValueRepresentation>;
}

/** A field reference from `@salesforce/schema`. */
export interface FieldId {
  objectApiName: string;
  fieldApiName: string;
}

/** One error of a failed UI API request. */
export interface UiApiError {
  errorCode: string;
  message: string;
}

type FieldReference = FieldId | string;

function qualifiedName(field: FieldReference): string {
  return typeof field === 'string' ? field : `${field.objectApiName}.${field.fieldApiName}`;
}

function fieldNames(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.map((field) => qualifiedName(field as FieldReference));
}

function loadRecord(config: Record<string, unknown>): Promise<RecordRepresentation> {
  return postJson<UiApiError[]>(
    '/api/ui-api/getRecord',
    {
      recordId: config.recordId,
      fields: fieldNames(config.fields),
      optionalFields: fieldNames(config.optionalFields)
    },
    (message) => [{ errorCode: 'UNKNOWN_ERROR', message }]
  ) as Promise<RecordRepresentation>;
}

/** Wire adapter that provisions one record with the requested fields. */
export class getRecord extends FetchingWireAdapter<RecordRepresentation> {
  constructor(dataCallback: (value: WiredValue<RecordRepresentation>) => void) {
    super(dataCallback, loadRecord);
  }
}

/** Follows a field path such as `Owner.Name` through the record's relationship fields. */
function fieldAt(
  record: RecordRepresentation | undefined,
  field: FieldReference
): FieldValueRepresentation | undefined {
  const path = typeof field === 'string' ? field.split('.').slice(1) : field.fieldApiName.split('.');
  let current: unknown = record;
  let found: FieldValueRepresentation | undefined;
  for (const name of path) {
    if (!isRecord(current) || !isRecord(current.fields)) {
      return undefined;
    }
    found = current.fields[name] as FieldValueRepresentation | undefined;
    current = found?.value;
  }
  return found;
}

/**
 * Returns the value of a field of a record that getRecord provisioned.
 * @param record The record; undefined while it loads.
 * @param field A field reference from `@salesforce/schema`, or `Object.Field` text.
 */
export function getFieldValue(record: RecordRepresentation | undefined, field: FieldReference): unknown {
  return fieldAt(record, field)?.value;
}

/**
 * Returns the formatted value of a field, or null when the field has none.
 * @param record The record; undefined while it loads.
 * @param field A field reference from `@salesforce/schema`, or `Object.Field` text.
 */
export function getFieldDisplayValue(record: RecordRepresentation | undefined, field: FieldReference): string | null {
  return fieldAt(record, field)?.displayValue ?? null;
}

/**
 * Loads the given records again in every connected getRecord wire that shows them.
 * @param items Records that changed.
 */
export function notifyRecordUpdateAvailable(items: { recordId: string }[]): Promise<void> {
  const changed = new Set(items.map((item) => item.recordId));
  return reloadConnected(
    (adapter) => adapter instanceof getRecord && changed.has(String(adapter.currentConfig?.recordId))
  );
}

/** Older name of notifyRecordUpdateAvailable that components still use. */
export function getRecordNotifyChange(items: { recordId: string }[]): void {
  void notifyRecordUpdateAvailable(items);
}

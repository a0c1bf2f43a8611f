/**
 * Stand-in for the `@salesforce/apex` module.
 */
import { reloadWiredValue } from './wire';

/**
 * Loads the value of an Apex wire again from the server and provisions it to the component.
 * @param wiredValue The whole value the wire provisioned.
 * @returns A promise that resolves once the new value is provisioned; at once when the value came from no wire.
 */
export function refreshApex(wiredValue: unknown): Promise<void> {
  return reloadWiredValue(wiredValue);
}

/**
 * Reads a field of a record returned by Apex, following relationship names such as `Owner.Name`.
 * @param record The SObject as Apex returned it.
 * @param field A field reference from `@salesforce/schema` or a field name.
 */
export function getSObjectValue(record: unknown, field: string | { fieldApiName: string }): unknown {
  const path = typeof field === 'string' ? field : field.fieldApiName;
  let value: unknown = record;
  for (const name of path.split('.')) {
    if (typeof value !== 'object' || value === null) {
      return undefined;
    }
    value = (value as Record<string, unknown>)[name];
  }
  return value;
}

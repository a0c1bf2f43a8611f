// Types for the platform modules that @salesforce/lightning-types does not cover.

declare module '@salesforce/schema/*' {
  const field: { fieldApiName: string; objectApiName: string };
  export default field;
}

declare module 'lightning/uiRecordApi' {
  import type { WireAdapterConstructor } from 'lwc';

  export interface FieldValueRepresentation {
    displayValue: string | null;
    value: unknown;
  }

  export interface RecordRepresentation {
    apiName: string;
    id: string;
    fields: Record<string, FieldValueRepresentation>;
  }

  export interface FieldId {
    fieldApiName: string;
    objectApiName: string;
  }

  export const getRecord: WireAdapterConstructor<
    { recordId: string; fields?: FieldId[]; optionalFields?: FieldId[] },
    { data?: RecordRepresentation; error?: unknown }
  >;

  export function getFieldValue(record: RecordRepresentation | undefined, field: FieldId): unknown;

  export function getFieldDisplayValue(record: RecordRepresentation | undefined, field: FieldId): string | null;

  export function notifyRecordUpdateAvailable(items: { recordId: string }[]): Promise<void>;
}

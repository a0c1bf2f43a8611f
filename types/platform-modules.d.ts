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

declare module '@salesforce/apex' {
  /** Refreshes the value that an Apex @wire provisioned; pass the whole wired value. */
  export function refreshApex(wiredValue: unknown): Promise<void>;
}

declare module 'lightning/platformShowToastEvent' {
  export interface ShowToastEventConfig {
    title: string;
    message?: string;
    messageData?: unknown[];
    variant?: 'info' | 'success' | 'warning' | 'error';
    mode?: 'dismissible' | 'pester' | 'sticky';
  }

  export class ShowToastEvent extends CustomEvent<ShowToastEventConfig> {
    constructor(config: ShowToastEventConfig);
  }
}

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

// Types of NavigationMixin and CurrentPageReference from `lightning/navigation`, which @salesforce/lightning-types does
// not cover. The offline cockpit serves scripts/cockpit/stubs/navigation.ts in its place.
declare module 'lightning/navigation' {
  /** A Lightning page reference, such as a record page. */
  export interface PageReference {
    type: string;
    attributes?: Record<string, unknown>;
    state?: Record<string, unknown>;
  }

  const Navigate: unique symbol;
  const GenerateUrl: unique symbol;

  /** Methods that NavigationMixin adds to a component class. */
  export interface NavigationMixinMethods {
    [Navigate](pageReference: PageReference, replace?: boolean): void;
    [GenerateUrl](pageReference: PageReference): Promise<string>;
  }

  /**
   * Adds the navigation methods to a component class, which components construct without arguments. The result keeps
   * the static members of the base class, such as those that createElement reads from LightningElement.
   */
  export const NavigationMixin: {
    <Base extends new () => object>(
      base: Base
    ): Pick<Base, keyof Base> & (new () => InstanceType<Base> & NavigationMixinMethods);
    readonly Navigate: typeof Navigate;
    readonly GenerateUrl: typeof GenerateUrl;
  };

  /** Provisions the page reference of the current page, and again whenever it changes. */
  export const CurrentPageReference: import('lwc').WireAdapterConstructor<Record<string, never>, PageReference>;
}

import { LightningElement, api, wire } from 'lwc';
import { getFieldDisplayValue, getFieldValue, getRecord } from 'lightning/uiRecordApi';
import type { RecordRepresentation } from 'lightning/uiRecordApi';
import NAME_FIELD from '@salesforce/schema/Account.Name';
import TYPE_FIELD from '@salesforce/schema/Account.Type';
import OWNER_NAME_FIELD from '@salesforce/schema/Account.Owner.Name';
import SEGMENT_FIELD from '@salesforce/schema/Account.Segment__c';
import ARR_FIELD from '@salesforce/schema/Account.AnnualRecurringRevenue__c';
import HEALTH_BAND_FIELD from '@salesforce/schema/Account.HealthBand__c';

const FIELDS = [NAME_FIELD, TYPE_FIELD, OWNER_NAME_FIELD, SEGMENT_FIELD, ARR_FIELD, HEALTH_BAND_FIELD];

/** One fact of the highlights row. */
interface Highlight {
  key: string;
  label: string;
  value: string;
}

/**
 * Record header of the Account page, standing in for the platform's highlights panel: the account name and a few
 * key fields, read through getRecord like any component would.
 */
export default class RecordHighlights extends LightningElement {
  /** Id of the Account the page shows. */
  @api recordId?: string;

  @wire(getRecord, { recordId: '$recordId', fields: FIELDS })
  account?: { data?: RecordRepresentation; error?: unknown };

  get accountName(): string {
    return (getFieldValue(this.account?.data, NAME_FIELD) as string | undefined) ?? this.recordId ?? '';
  }

  get errorText(): string {
    return this.account?.error ? `The account ${this.recordId ?? ''} could not be loaded from the export.` : '';
  }

  get highlights(): Highlight[] {
    const record = this.account?.data;
    const fields = [
      { key: 'type', label: 'Type', field: TYPE_FIELD },
      { key: 'segment', label: 'Segment', field: SEGMENT_FIELD },
      { key: 'owner', label: 'Account owner', field: OWNER_NAME_FIELD },
      { key: 'arr', label: 'Annual recurring revenue', field: ARR_FIELD },
      { key: 'band', label: 'Health band', field: HEALTH_BAND_FIELD }
    ];
    return fields.map(({ key, label, field }) => {
      const value = getFieldDisplayValue(record, field) ?? getFieldValue(record, field);
      return { key, label, value: value === null || value === undefined ? '' : String(value) };
    });
  }
}

import { LightningElement, api, wire } from 'lwc';
import { getFieldDisplayValue, getFieldValue, getRecord } from 'lightning/uiRecordApi';
import type { FieldId, RecordRepresentation } from 'lightning/uiRecordApi';
import NAME_FIELD from '@salesforce/schema/Account.Name';
import TYPE_FIELD from '@salesforce/schema/Account.Type';
import INDUSTRY_FIELD from '@salesforce/schema/Account.Industry';
import SEGMENT_FIELD from '@salesforce/schema/Account.Segment__c';
import OWNER_NAME_FIELD from '@salesforce/schema/Account.Owner.Name';
import ARR_FIELD from '@salesforce/schema/Account.AnnualRecurringRevenue__c';
import SEATS_FIELD from '@salesforce/schema/Account.LicensedSeats__c';
import SPONSOR_NAME_FIELD from '@salesforce/schema/Account.ExecutiveSponsor__r.Name';
import CHAMPION_NAME_FIELD from '@salesforce/schema/Account.Champion__r.Name';
import DAYS_PAST_DUE_FIELD from '@salesforce/schema/Account.DaysPastDue__c';
import HEALTH_SCORE_FIELD from '@salesforce/schema/Account.HealthScore__c';
import HEALTH_BAND_FIELD from '@salesforce/schema/Account.HealthBand__c';
import HEALTH_TREND_FIELD from '@salesforce/schema/Account.HealthTrend__c';
import HEALTH_COVERAGE_FIELD from '@salesforce/schema/Account.HealthCoverage__c';
import HEALTH_SCORED_AT_FIELD from '@salesforce/schema/Account.HealthScoredAt__c';

/** Label and field of each line of the details card, in display order. */
const DETAILS: { label: string; field: FieldId }[] = [
  { label: 'Account name', field: NAME_FIELD },
  { label: 'Type', field: TYPE_FIELD },
  { label: 'Industry', field: INDUSTRY_FIELD },
  { label: 'Segment', field: SEGMENT_FIELD },
  { label: 'Account owner', field: OWNER_NAME_FIELD },
  { label: 'Annual recurring revenue', field: ARR_FIELD },
  { label: 'Licensed seats', field: SEATS_FIELD },
  { label: 'Executive sponsor', field: SPONSOR_NAME_FIELD },
  { label: 'Champion', field: CHAMPION_NAME_FIELD },
  { label: 'Days past due', field: DAYS_PAST_DUE_FIELD },
  { label: 'Health score', field: HEALTH_SCORE_FIELD },
  { label: 'Health band', field: HEALTH_BAND_FIELD },
  { label: 'Health trend', field: HEALTH_TREND_FIELD },
  { label: 'Health coverage', field: HEALTH_COVERAGE_FIELD },
  { label: 'Health scored at', field: HEALTH_SCORED_AT_FIELD }
];

/** One line of the card. */
interface DetailLine {
  key: string;
  valueKey: string;
  label: string;
  value: string;
}

/**
 * Details card of the Account page, standing in for the platform's record detail panel: the export's Account
 * fields and the health summary fields that the scoring job writes.
 */
export default class RecordDetails extends LightningElement {
  /** Id of the Account the page shows. */
  @api recordId?: string;

  @wire(getRecord, { recordId: '$recordId', optionalFields: DETAILS.map((detail) => detail.field) })
  account?: { data?: RecordRepresentation; error?: unknown };

  get hasError(): boolean {
    return Boolean(this.account?.error);
  }

  get lines(): DetailLine[] {
    const record = this.account?.data;
    return DETAILS.map(({ label, field }) => {
      const value = getFieldDisplayValue(record, field) ?? getFieldValue(record, field);
      return {
        key: field.fieldApiName,
        valueKey: `${field.fieldApiName}-value`,
        label,
        value: value === null || value === undefined ? '' : String(value)
      };
    });
  }
}

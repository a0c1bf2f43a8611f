/**
 * Fields of the risk Custom Metadata Types, as the loader reads them. The object definitions under
 * force-app/main/risk/objects must match this table; a Jest test compares the two.
 */
import { ESCALATION_RUNG_NAMES, RISK_CATEGORIES, RISK_RULE_TYPES, RISK_SEVERITIES } from 'c/riskEngine';
import type { FieldSpec, TypeSpec } from '../model/metadataSchema';

export const RISK_RULE_TYPE = 'RiskRule__mdt';
export const ESCALATION_RUNG_TYPE = 'EscalationRung__mdt';

const DESCRIPTION: FieldSpec = { kind: 'LongTextArea', required: false, length: 4000 };

/** Fields of RiskRule__mdt. */
export const RISK_RULE_FIELDS: TypeSpec = {
  RuleType__c: { kind: 'Picklist', required: true, values: RISK_RULE_TYPES },
  IsActive__c: { kind: 'Checkbox', required: false },
  Category__c: { kind: 'Picklist', required: true, values: RISK_CATEGORIES },
  Severity__c: { kind: 'Picklist', required: true, values: RISK_SEVERITIES },
  Threshold__c: { kind: 'Number', required: false, precision: 12, scale: 2 },
  WindowDays__c: { kind: 'Number', required: false, precision: 4, scale: 0 },
  LeadingIndicator__c: { kind: 'Text', required: true, length: 255 },
  ResolutionMinScore__c: { kind: 'Number', required: false, precision: 5, scale: 2 },
  ResolutionSnapshots__c: { kind: 'Number', required: false, precision: 2, scale: 0 },
  ResolutionNoOpenHighPriority__c: { kind: 'Checkbox', required: false },
  CheckInCadenceDays__c: { kind: 'Number', required: false, precision: 3, scale: 0 },
  Description__c: DESCRIPTION
};

/** Fields of EscalationRung__mdt. */
export const ESCALATION_RUNG_FIELDS: TypeSpec = {
  Rung__c: { kind: 'Picklist', required: true, values: ESCALATION_RUNG_NAMES },
  SortOrder__c: { kind: 'Number', required: true, precision: 4, scale: 0 },
  DeadlineDays__c: { kind: 'Number', required: true, precision: 3, scale: 0 },
  Description__c: DESCRIPTION
};

/** Every risk type with its fields, keyed by type API name. */
export const RISK_METADATA_TYPES: Readonly<Record<string, TypeSpec>> = {
  [RISK_RULE_TYPE]: RISK_RULE_FIELDS,
  [ESCALATION_RUNG_TYPE]: ESCALATION_RUNG_FIELDS
};

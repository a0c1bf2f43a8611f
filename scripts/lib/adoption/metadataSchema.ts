/**
 * Fields of the adoption Custom Metadata Types, as the loader reads them. The object definitions under
 * force-app/main/adoption/objects must match this table; a Jest test compares the two.
 */
import { BARRIERS, ENTITLEMENT_SOURCES, MEASURE_TYPES } from 'c/adoptionEngine';
import type { TypeSpec } from '../model/metadataSchema';

export const ADOPTION_FEATURE_TYPE = 'AdoptionFeature__mdt';
export const EXPANSION_PRODUCT_TYPE = 'ExpansionProduct__mdt';
export const PLAYBOOK_TASK_TEMPLATE_TYPE = 'PlaybookTaskTemplate__mdt';

const TEXT_80 = { kind: 'Text', required: false, length: 80 } as const;
const TEXT_255 = { kind: 'Text', required: false, length: 255 } as const;
const IS_ACTIVE = { kind: 'Checkbox', required: false } as const;

/** Fields of AdoptionFeature__mdt, the feature dictionary. */
export const ADOPTION_FEATURE_FIELDS: TypeSpec = {
  Product__c: { kind: 'Text', required: true, length: 80 },
  ValueStatement__c: { kind: 'Text', required: true, length: 255 },
  ValueRank__c: { kind: 'Number', required: true, precision: 1, scale: 0 },
  MeasureType__c: { kind: 'Picklist', required: true, values: MEASURE_TYPES },
  SourceObject__c: TEXT_80,
  PermissionSetName__c: TEXT_80,
  EntitlementSource__c: { kind: 'Picklist', required: true, values: ENTITLEMENT_SOURCES },
  LicenseName__c: TEXT_80,
  TargetAdoptionPercent__c: { kind: 'Number', required: true, precision: 3, scale: 0 },
  EnablementAction__c: TEXT_255,
  AvailableSince__c: { kind: 'Date', required: false },
  IsActive__c: IS_ACTIVE
};

/** Fields of ExpansionProduct__mdt, the expansion catalog. */
export const EXPANSION_PRODUCT_FIELDS: TypeSpec = {
  ProductCode__c: { kind: 'Text', required: true, length: 80 },
  PrerequisiteFeatures__c: TEXT_255,
  RequiredProducts__c: TEXT_255,
  ValueStatement__c: TEXT_255,
  IsActive__c: IS_ACTIVE
};

/** Fields of PlaybookTaskTemplate__mdt, the sprint Task templates of the playbooks. */
export const PLAYBOOK_TASK_TEMPLATE_FIELDS: TypeSpec = {
  Barrier__c: { kind: 'Picklist', required: true, values: BARRIERS },
  DayOffset__c: { kind: 'Number', required: true, precision: 2, scale: 0 },
  Subject__c: { kind: 'Text', required: true, length: 255 },
  Description__c: { kind: 'LongTextArea', required: false, length: 4000 },
  SortOrder__c: { kind: 'Number', required: false, precision: 3, scale: 0 }
};

/** Every adoption metadata type with its fields, keyed by type API name. */
export const ADOPTION_METADATA_TYPES: Readonly<Record<string, TypeSpec>> = {
  [ADOPTION_FEATURE_TYPE]: ADOPTION_FEATURE_FIELDS,
  [EXPANSION_PRODUCT_TYPE]: EXPANSION_PRODUCT_FIELDS,
  [PLAYBOOK_TASK_TEMPLATE_TYPE]: PLAYBOOK_TASK_TEMPLATE_FIELDS
};

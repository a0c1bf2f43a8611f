/**
 * Fields of the plan template and renewal checkpoint Custom Metadata Types, as the loader reads them. The object
 * definitions under force-app/main/plans/objects must match this table; a Jest test compares the two.
 */
import { CRITERIA_OPERATORS, MILESTONE_PHASES, PLAN_STAGES, PLAYBOOKS } from 'c/planEngine';
import type { FieldSpec, TypeSpec } from '../model/metadataSchema';

export const PLAN_TEMPLATE_TYPE = 'PlanTemplate__mdt';
export const PLAN_TEMPLATE_ITEM_TYPE = 'PlanTemplateItem__mdt';
export const RENEWAL_CHECKPOINT_TYPE = 'RenewalCheckpoint__mdt';

/** Values of PlanTemplateItem__mdt.ItemType__c. */
export const TEMPLATE_ITEM_TYPES = ['Objective', 'Milestone'] as const;

/**
 * Fields whose type in the object definition is TextArea. The loader's field kinds have no TextArea, so these are
 * read as Text of at most 255 characters, which is what a TextArea holds.
 */
export const TEXT_AREA_FIELDS: ReadonlySet<string> = new Set(['PlanTemplate__mdt.Description__c']);

const SORT_ORDER: FieldSpec = { kind: 'Number', required: false, precision: 3, scale: 0 };
const KEY: FieldSpec = { kind: 'Text', required: false, length: 40 };
const TEXT_255: FieldSpec = { kind: 'Text', required: false, length: 255 };
const DECIMAL: FieldSpec = { kind: 'Number', required: false, precision: 16, scale: 2 };

/** Fields of PlanTemplate__mdt. */
export const PLAN_TEMPLATE_FIELDS: TypeSpec = {
  Stage__c: { kind: 'Picklist', required: true, values: PLAN_STAGES },
  Description__c: TEXT_255,
  DurationDays__c: { kind: 'Number', required: true, precision: 4, scale: 0 },
  ReviewCadenceDays__c: { kind: 'Number', required: false, precision: 3, scale: 0 },
  SortOrder__c: SORT_ORDER,
  IsActive__c: { kind: 'Checkbox', required: false }
};

/** Fields of PlanTemplateItem__mdt. */
export const PLAN_TEMPLATE_ITEM_FIELDS: TypeSpec = {
  Template__c: { kind: 'Text', required: true, length: 40 },
  ItemType__c: { kind: 'Picklist', required: true, values: TEMPLATE_ITEM_TYPES },
  Key__c: KEY,
  Title__c: { kind: 'Text', required: true, length: 255 },
  SuccessMetric__c: TEXT_255,
  Unit__c: KEY,
  Capability__c: TEXT_255,
  Target__c: DECIMAL,
  OffsetDays__c: { kind: 'Number', required: false, precision: 4, scale: 0 },
  Phase__c: { kind: 'Picklist', required: false, values: MILESTONE_PHASES },
  Criteria__c: TEXT_255,
  CriteriaMeasure__c: KEY,
  CriteriaOperator__c: { kind: 'Picklist', required: false, values: CRITERIA_OPERATORS },
  CriteriaValue__c: DECIMAL,
  ObjectiveKey__c: KEY,
  SortOrder__c: SORT_ORDER
};

/** Fields of RenewalCheckpoint__mdt. */
export const RENEWAL_CHECKPOINT_FIELDS: TypeSpec = {
  DaysBefore__c: { kind: 'Number', required: true, precision: 3, scale: 0 },
  Playbook__c: { kind: 'Picklist', required: true, values: PLAYBOOKS },
  TaskSubject__c: { kind: 'Text', required: true, length: 255 },
  Guidance__c: { kind: 'LongTextArea', required: false, length: 4000 },
  RequiresCall__c: { kind: 'Checkbox', required: false },
  LeadDays__c: { kind: 'Number', required: false, precision: 3, scale: 0 },
  IsActive__c: { kind: 'Checkbox', required: false }
};

/** Every plan metadata type with its fields, keyed by type API name. */
export const PLAN_METADATA_TYPES: Readonly<Record<string, TypeSpec>> = {
  [PLAN_TEMPLATE_TYPE]: PLAN_TEMPLATE_FIELDS,
  [PLAN_TEMPLATE_ITEM_TYPE]: PLAN_TEMPLATE_ITEM_FIELDS,
  [RENEWAL_CHECKPOINT_TYPE]: RENEWAL_CHECKPOINT_FIELDS
};

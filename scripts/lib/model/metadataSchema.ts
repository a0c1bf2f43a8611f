/**
 * Fields of the three health model Custom Metadata Types, as the loader reads them. The object definitions under
 * force-app/main/health/objects must match this table; a Jest test compares the two.
 */
import { SIGNAL_NAMES } from 'c/healthEngine';
import type { CurveType, Direction, MissingDataPolicy } from 'c/healthEngine';

/** Field type, which decides the `xsi:type` of a value in a record file and how the loader reads it. */
export type FieldKind = 'Text' | 'LongTextArea' | 'Number' | 'Checkbox' | 'Date' | 'Picklist' | 'MetadataRelationship';

/** One field of a Custom Metadata Type. */
export interface FieldSpec {
  kind: FieldKind;
  required: boolean;
  /** Number fields: total digits, and digits after the decimal point. */
  precision?: number;
  scale?: number;
  /** Text and long text fields: maximum length in characters. */
  length?: number;
  /** Restricted picklist values (API names). */
  values?: readonly string[];
  /** Relationship fields: the Custom Metadata Type the value names a record of. */
  referenceTo?: string;
}

/** Field specs of one type, keyed by field API name. */
export type TypeSpec = Readonly<Record<string, FieldSpec>>;

/** Values of the Direction__c picklist. */
export const DIRECTIONS: readonly Direction[] = ['HigherIsBetter', 'LowerIsBetter'];

/** Values of the Curve__c picklist. */
export const CURVES: readonly CurveType[] = ['Bands', 'Linear'];

/** Values of the MissingDataPolicy__c picklist. */
export const MISSING_DATA_POLICIES: readonly MissingDataPolicy[] = ['Neutral', 'Redistribute', 'Zero', 'Exclude'];

const DESCRIPTION: FieldSpec = { kind: 'LongTextArea', required: false, length: 4000 };
const SORT_ORDER: FieldSpec = { kind: 'Number', required: false, precision: 4, scale: 0 };
const WEIGHT: FieldSpec = { kind: 'Number', required: true, precision: 6, scale: 2 };
const SCORE: FieldSpec = { kind: 'Number', required: true, precision: 5, scale: 2 };

export const HEALTH_MODEL_TYPE = 'HealthModel__mdt';
export const HEALTH_DIMENSION_TYPE = 'HealthDimension__mdt';
export const HEALTH_MEASURE_TYPE = 'HealthMeasure__mdt';

/** Fields of HealthModel__mdt. */
export const HEALTH_MODEL_FIELDS: TypeSpec = {
  Version__c: { kind: 'Number', required: true, precision: 4, scale: 0 },
  IsActive__c: { kind: 'Checkbox', required: false },
  SegmentField__c: { kind: 'Text', required: false, length: 80 },
  SegmentValues__c: { kind: 'Text', required: false, length: 255 },
  GreenMin__c: SCORE,
  YellowMin__c: SCORE,
  NeutralScore__c: SCORE,
  CriticalCapScore__c: SCORE,
  MinimumCoverage__c: { kind: 'Number', required: true, precision: 3, scale: 2 },
  TrendWindowDays__c: { kind: 'Number', required: true, precision: 4, scale: 0 },
  TrendDeadBand__c: { kind: 'Number', required: true, precision: 5, scale: 2 },
  Description__c: DESCRIPTION
};

/** Fields of HealthDimension__mdt. */
export const HEALTH_DIMENSION_FIELDS: TypeSpec = {
  Model__c: { kind: 'MetadataRelationship', required: true, referenceTo: HEALTH_MODEL_TYPE },
  Weight__c: WEIGHT,
  SortOrder__c: SORT_ORDER,
  Description__c: DESCRIPTION,
  RecommendedAction__c: DESCRIPTION
};

/** Fields of HealthMeasure__mdt. */
export const HEALTH_MEASURE_FIELDS: TypeSpec = {
  Dimension__c: { kind: 'MetadataRelationship', required: true, referenceTo: HEALTH_DIMENSION_TYPE },
  Signal__c: { kind: 'Picklist', required: true, values: SIGNAL_NAMES },
  WindowDays__c: { kind: 'Number', required: true, precision: 4, scale: 0 },
  Direction__c: { kind: 'Picklist', required: true, values: DIRECTIONS },
  Curve__c: { kind: 'Picklist', required: true, values: CURVES },
  LowerThreshold__c: { kind: 'Number', required: false, precision: 12, scale: 2 },
  UpperThreshold__c: { kind: 'Number', required: false, precision: 12, scale: 2 },
  Bands__c: { kind: 'Text', required: false, length: 255 },
  MissingDataPolicy__c: { kind: 'Picklist', required: true, values: MISSING_DATA_POLICIES },
  IsCritical__c: { kind: 'Checkbox', required: false },
  Weight__c: WEIGHT,
  SortOrder__c: SORT_ORDER,
  Description__c: DESCRIPTION
};

/** Every health model type with its fields, keyed by type API name. */
export const HEALTH_MODEL_TYPES: Readonly<Record<string, TypeSpec>> = {
  [HEALTH_MODEL_TYPE]: HEALTH_MODEL_FIELDS,
  [HEALTH_DIMENSION_TYPE]: HEALTH_DIMENSION_FIELDS,
  [HEALTH_MEASURE_TYPE]: HEALTH_MEASURE_FIELDS
};

/** The `xsi:type` that a record file must give a non-null value of this kind. */
export function xsiTypeFor(kind: FieldKind): string {
  switch (kind) {
    case 'Number':
      return 'xsd:double';
    case 'Checkbox':
      return 'xsd:boolean';
    case 'Date':
      return 'xsd:date';
    default:
      // Picklist and relationship values are strings too; XML Schema has no picklist type.
      return 'xsd:string';
  }
}

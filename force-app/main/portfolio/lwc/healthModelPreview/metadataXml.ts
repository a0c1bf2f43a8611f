import type { DimensionDefinition, HealthModel, MeasureDefinition } from 'c/healthEngine';
import { formatBands, formatPlain, measureChanged } from './modelDraft';

/** Record fields that the engine's model leaves out and a record deployment must repeat. */
export interface RecordDetails {
  modelDescription: string | null;
  /** SortOrder__c by dimension DeveloperName; null or absent when blank. */
  dimensionSortOrders: Record<string, number | null>;
  /** SortOrder__c by measure DeveloperName; null or absent when blank. */
  measureSortOrders: Record<string, number | null>;
}

/** One Custom Metadata record file of the source format. */
export interface MetadataFile {
  /** File name in a `customMetadata` folder, such as `HealthMeasure.Nps180d.md-meta.xml`. */
  fileName: string;
  xml: string;
}

/** A value of a record: text, a number, a checkbox, or null for a blank field. */
type FieldValue = string | number | boolean | null;

/** Escapes text for the content of an XML element, where quotes need no escape, so descriptions stay readable. */
function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Writes a number as a retrieved record does: 40 is `40.0`, 0.5 stays `0.5`. */
function formatDouble(value: number): string {
  const text = formatPlain(value);
  return Number.isInteger(value) && !text.includes('.') ? `${text}.0` : text;
}

function valueElement(value: FieldValue): string {
  if (value === null || (typeof value === 'number' && !Number.isFinite(value))) {
    return '<value xsi:nil="true" />';
  }
  if (typeof value === 'boolean') {
    return `<value xsi:type="xsd:boolean">${value}</value>`;
  }
  if (typeof value === 'number') {
    return `<value xsi:type="xsd:double">${formatDouble(value)}</value>`;
  }
  return `<value xsi:type="xsd:string">${escapeXml(value)}</value>`;
}

/** Writes a record in the layout of the package's record files, with the fields sorted by API name. */
function recordXml(label: string, fields: Record<string, FieldValue>): string {
  const values = Object.keys(fields)
    .sort()
    .map((field) => `  <values>\n    <field>${field}</field>\n    ${valueElement(fields[field])}\n  </values>\n`)
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" ?>\n' +
    '<CustomMetadata\n' +
    '  xmlns="http://soap.sforce.com/2006/04/metadata"\n' +
    '  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n' +
    '  xmlns:xsd="http://www.w3.org/2001/XMLSchema"\n' +
    '>\n' +
    `  <label>${escapeXml(label)}</label>\n` +
    '  <protected>false</protected>\n' +
    values +
    '</CustomMetadata>\n'
  );
}

function sortOrderOf(orders: Record<string, number | null>, name: string): number | null {
  return Object.prototype.hasOwnProperty.call(orders, name) ? orders[name] : null;
}

function modelFile(model: HealthModel, details: RecordDetails): MetadataFile {
  return {
    fileName: `HealthModel.${model.name}.md-meta.xml`,
    xml: recordXml(model.label, {
      CriticalCapScore__c: model.criticalCapScore,
      Description__c: details.modelDescription,
      GreenMin__c: model.greenMin,
      IsActive__c: true,
      MinimumCoverage__c: model.minimumCoverage,
      NeutralScore__c: model.neutralScore,
      SegmentField__c: model.segment?.field || null,
      SegmentValues__c: model.segment && model.segment.values.length > 0 ? model.segment.values.join(';') : null,
      TrendDeadBand__c: model.trendDeadBand,
      TrendWindowDays__c: model.trendWindowDays,
      Version__c: model.version,
      YellowMin__c: model.yellowMin
    })
  };
}

function dimensionFile(model: HealthModel, dimension: DimensionDefinition, details: RecordDetails): MetadataFile {
  return {
    fileName: `HealthDimension.${dimension.name}.md-meta.xml`,
    xml: recordXml(dimension.label, {
      Description__c: dimension.description ?? null,
      Model__c: model.name,
      RecommendedAction__c: dimension.recommendedAction ?? null,
      SortOrder__c: sortOrderOf(details.dimensionSortOrders, dimension.name),
      Weight__c: dimension.weight
    })
  };
}

function measureFile(dimension: DimensionDefinition, measure: MeasureDefinition, details: RecordDetails): MetadataFile {
  const isBanded = measure.curve === 'Bands';
  return {
    fileName: `HealthMeasure.${measure.name}.md-meta.xml`,
    xml: recordXml(measure.label, {
      // A linear curve has no steps, and HealthModelRepository rejects Bands__c on a Linear record.
      Bands__c: isBanded ? formatBands(measure.bands) : null,
      Curve__c: measure.curve,
      Description__c: measure.description ?? null,
      Dimension__c: dimension.name,
      Direction__c: measure.direction,
      IsCritical__c: measure.isCritical,
      LowerThreshold__c: measure.lowerThreshold,
      MissingDataPolicy__c: measure.missingData,
      Signal__c: measure.signal,
      SortOrder__c: sortOrderOf(details.measureSortOrders, measure.name),
      UpperThreshold__c: measure.upperThreshold,
      Weight__c: measure.weight,
      WindowDays__c: measure.windowDays
    })
  };
}

/**
 * Writes the record files an admin deploys to make the edited model the stored one. They are every changed
 * HealthMeasure__mdt and HealthDimension__mdt record, and the HealthModel__mdt record with the band limits and the
 * version raised by one, so that snapshots tell the model change apart from a change of the customer. Each file
 * repeats every field of its record, because deploying a record sets a field left out of the file to blank.
 * NOTE: `protected` is written as false, as in the package's own records; keep the value of the org's record if it
 * differs.
 * @param stored The stored model.
 * @param edited The edited model, with the same dimensions and measures in the same order.
 * @param details Record fields the model leaves out.
 * @returns The files, model first, then dimensions and measures in model order; empty when nothing changed.
 */
export function changedRecordFiles(stored: HealthModel, edited: HealthModel, details: RecordDetails): MetadataFile[] {
  const files: MetadataFile[] = [];
  edited.dimensions.forEach((dimension, dimensionIndex) => {
    const storedDimension = stored.dimensions[dimensionIndex];
    if (storedDimension.weight !== dimension.weight) {
      files.push(dimensionFile(edited, dimension, details));
    }
  });
  edited.dimensions.forEach((dimension, dimensionIndex) => {
    dimension.measures.forEach((measure, measureIndex) => {
      if (measureChanged(stored.dimensions[dimensionIndex].measures[measureIndex], measure)) {
        files.push(measureFile(dimension, measure, details));
      }
    });
  });
  const limitsChanged = stored.greenMin !== edited.greenMin || stored.yellowMin !== edited.yellowMin;
  if (files.length === 0 && !limitsChanged) {
    return [];
  }
  return [modelFile({ ...edited, version: stored.version + 1 }, details), ...files];
}

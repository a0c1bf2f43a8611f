/**
 * Loader of the risk rules and the escalation ladder from Custom Metadata record files, for the command-line tools
 * and tests. The Apex risk jobs read the same records from the org.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ESCALATION_RUNG_NAMES, RISK_CATEGORIES, RISK_RULE_TYPES, RISK_SEVERITIES } from 'c/riskEngine';
import { validateEscalationRungs, validateRiskRule } from 'c/riskEngine';
import type { EscalationRung, RiskRule } from 'c/riskEngine';
import { formatProblem, readMetadataRecord, RecordReader } from '../model/metadataRecords';
import type { MetadataRecord, ModelLoadProblem } from '../model/metadataRecords';
import type { TypeSpec } from '../model/metadataSchema';
import { repoRoot } from '../paths';
import { ESCALATION_RUNG_FIELDS, ESCALATION_RUNG_TYPE, RISK_RULE_FIELDS, RISK_RULE_TYPE } from './metadataSchema';

/** Folder of the package's own risk records, relative to the repository root. */
export const DEFAULT_RISK_METADATA_DIR = path.join('force-app', 'main', 'risk', 'customMetadata');

/** Thrown when the risk metadata cannot be loaded; `problems` lists every problem found. */
export class RiskMetadataError extends Error {
  readonly problems: ModelLoadProblem[];

  constructor(problems: ModelLoadProblem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`Invalid risk metadata (${count}):\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
    this.name = 'RiskMetadataError';
    this.problems = problems;
  }
}

/** Risk rules and escalation rungs of one folder. */
export interface RiskMetadata {
  /** Every rule, active or not, sorted by DeveloperName. */
  rules: RiskRule[];
  /** Rungs sorted by SortOrder__c. */
  rungs: EscalationRung[];
}

/** Returns the absolute path of the package's own risk records. */
export function packageRiskMetadataDir(): string {
  return path.join(repoRoot(), DEFAULT_RISK_METADATA_DIR);
}

function compareText(left: string, right: string): number {
  if (left === right) {
    return 0;
  }
  return left < right ? -1 : 1;
}

function listFiles(folder: string, typeName: string): string[] {
  const prefix = `${typeName.replace(/__mdt$/, '')}.`;
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.startsWith(prefix) && entry.name.endsWith('.md-meta.xml'))
    .map((entry) => path.join(folder, entry.name))
    .sort();
}

function readRecords(folder: string, typeName: string, spec: TypeSpec, problems: ModelLoadProblem[]): RecordReader[] {
  return listFiles(folder, typeName)
    .map((file) => readMetadataRecord(file, typeName, spec, problems))
    .filter((record): record is MetadataRecord => record !== null)
    .map((record) => new RecordReader(record, spec, problems));
}

function readRule(reader: RecordReader): RiskRule {
  const rule: RiskRule = {
    name: reader.record.developerName,
    label: reader.record.label,
    ruleType: reader.requirePicklist('RuleType__c', RISK_RULE_TYPES),
    isActive: reader.checkbox('IsActive__c'),
    category: reader.requirePicklist('Category__c', RISK_CATEGORIES),
    severity: reader.requirePicklist('Severity__c', RISK_SEVERITIES),
    threshold: reader.number('Threshold__c'),
    windowDays: reader.number('WindowDays__c'),
    leadingIndicator: reader.text('LeadingIndicator__c') ?? '',
    resolutionMinScore: reader.number('ResolutionMinScore__c'),
    resolutionSnapshots: reader.number('ResolutionSnapshots__c'),
    resolutionNoOpenHighPriority: reader.checkbox('ResolutionNoOpenHighPriority__c'),
    checkInCadenceDays: reader.number('CheckInCadenceDays__c')
  };
  const description = reader.text('Description__c');
  if (description !== null) {
    rule.description = description;
  }
  return rule;
}

function readRung(reader: RecordReader): EscalationRung {
  const rung: EscalationRung = {
    rung: reader.requirePicklist('Rung__c', ESCALATION_RUNG_NAMES),
    sortOrder: reader.requireNumber('SortOrder__c'),
    deadlineDays: reader.requireNumber('DeadlineDays__c')
  };
  const description = reader.text('Description__c');
  if (description !== null) {
    rung.description = description;
  }
  return rung;
}

/**
 * Loads the RiskRule and EscalationRung records of a source-format `customMetadata` folder; other files are ignored.
 * Each rule is checked with `validateRiskRule` (inactive ones too, so they can be switched on safely) and the ladder
 * with `validateEscalationRungs`.
 * @param customMetadataDir Folder holding the record files, for example `force-app/main/risk/customMetadata`.
 * @returns Every rule sorted by DeveloperName, and the rungs sorted by SortOrder__c.
 * @throws RiskMetadataError listing every problem (file, line, field and what to change) when the folder is missing,
 *   contains no RiskRule record, or any record is invalid.
 */
export function loadRiskMetadata(customMetadataDir: string): RiskMetadata {
  if (!fs.existsSync(customMetadataDir) || !fs.statSync(customMetadataDir).isDirectory()) {
    throw new RiskMetadataError([
      {
        file: customMetadataDir,
        field: null,
        line: null,
        message: `folder not found; pass the customMetadata folder that contains the risk records, for example ${DEFAULT_RISK_METADATA_DIR}`
      }
    ]);
  }
  const problems: ModelLoadProblem[] = [];
  const rules: RiskRule[] = [];
  for (const reader of readRecords(customMetadataDir, RISK_RULE_TYPE, RISK_RULE_FIELDS, problems)) {
    const before = problems.length;
    const rule = readRule(reader);
    // Field problems already explain a bad value, so the rule checks run only on records that were read cleanly.
    if (problems.length === before) {
      for (const message of validateRiskRule(rule)) {
        problems.push({ file: reader.record.file, field: null, line: reader.record.labelLine, message });
      }
    }
    rules.push(rule);
  }
  if (rules.length === 0 && problems.length === 0) {
    problems.push({
      file: customMetadataDir,
      field: null,
      line: null,
      message: `contains no RiskRule.<Name>.md-meta.xml record; pass the folder of the risk records, for example ${DEFAULT_RISK_METADATA_DIR}`
    });
  }
  const rungReaders = readRecords(customMetadataDir, ESCALATION_RUNG_TYPE, ESCALATION_RUNG_FIELDS, problems);
  const rungs = rungReaders.map(readRung).sort((left, right) => left.sortOrder - right.sortOrder);
  if (problems.length === 0) {
    for (const message of validateEscalationRungs(rungs)) {
      problems.push({ file: customMetadataDir, field: null, line: null, message });
    }
  }
  if (problems.length > 0) {
    throw new RiskMetadataError(problems);
  }
  rules.sort((left, right) => compareText(left.name, right.name));
  return { rules, rungs };
}

import { formatNumber } from 'c/healthEngine';
import type { Band, HealthModel, MissingDataPolicy, ScoreOverride } from 'c/healthEngine';
import { formatBands, formatPlain } from './modelDraft';
import type { MeasureEdits, ModelEdits } from './modelDraft';
import type { LocatedProblem } from './modelProblems';
import { collectNameLabels, inputKeyOf, labelField, labelMessage } from './problemLabels';
import type { AccountScore, PreviewAccountInput } from './previewScoring';

type ModelValidation = ApexTypes.HealthModelAdminController_ModelValidation;
type PreviewData = ApexTypes.HealthModelAdminController_PreviewData;

/** Start of the message of every access failure, as HealthModelAdminService.ACCESS_DENIED_PREFIX. */
export const ACCESS_DENIED_PREFIX = 'Access denied: ';

/**
 * Start of the platform's message when the user's profile and permission sets do not grant the Apex class, which
 * the Success Cockpit Admin permission set grants.
 */
export const CLASS_ACCESS_PREFIX = 'You do not have access to the Apex class';

/** Most changed accounts listed; the band counts include every account. */
export const MAX_LISTED_CHANGES = 200;

/** Bands in risk order, as the tables list them. */
const BANDS: Band[] = ['Red', 'Yellow', 'Green', 'Insufficient'];

const BAND_LABELS: Record<Band, string> = {
  Red: 'Red',
  Yellow: 'Yellow',
  Green: 'Green',
  Insufficient: 'Insufficient data'
};

/** Option of a combobox. */
export interface Option {
  label: string;
  value: string;
}

/** Missing-data policies with what each does, for the policy combobox. */
export const POLICY_OPTIONS: Option[] = [
  { label: 'Neutral: score the neutral score', value: 'Neutral' },
  { label: 'Redistribute: weight to the dimension', value: 'Redistribute' },
  { label: 'Zero: score 0', value: 'Zero' },
  { label: 'Exclude: weight leaves the model', value: 'Exclude' }
];

/** One problem row of a table. */
export interface ProblemRow {
  key: string;
  dimension: string;
  measure: string;
  field: string;
  message: string;
  /** Key of the form input that contains the faulty value (see inputKeyOf), or null when the form has none. */
  inputKey: string | null;
}

/** The problems of one model. */
export interface ModelProblemGroup {
  key: string;
  heading: string;
  caption: string;
  hasProblems: boolean;
  rows: ProblemRow[];
}

/** Content of the model check section. */
export interface ValidationView {
  summary: string;
  hasProblems: boolean;
  groups: ModelProblemGroup[];
  modelOptions: Option[];
}

/** Writes a count with the singular or plural form of what it counts. */
function plural(count: number, singular: string, pluralForm: string): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : pluralForm}`;
}

/**
 * Builds the rows of a problem table in the form's words: labels of dimensions, measures and fields in place of API
 * names.
 * @param problems Located problems, from Apex or from the edited model.
 * @param keyPrefix Prefix of the row keys, unique per table.
 * @param model The model the problems belong to, for its labels; API names stay when it is undefined.
 */
export function buildProblemRows(problems: LocatedProblem[], keyPrefix: string, model?: HealthModel): ProblemRow[] {
  const names = collectNameLabels(model);
  const labelName = (name: string | null): string => (name === null ? '' : (names.get(name) ?? name));
  return problems.map((problem, index) => ({
    key: `${keyPrefix}-${index}`,
    dimension: labelName(problem.dimension),
    measure: labelName(problem.measure),
    field: problem.field === null ? (problem.location ?? '') : labelField(problem.field),
    message: labelMessage(problem.message ?? '', names),
    inputKey: inputKeyOf(problem)
  }));
}

/**
 * Builds the model check section from the validation of every active model.
 * @param validation What getModelValidation returned.
 * @param loadedModels Models loaded for the preview by API name, whose labels replace API names in their problems.
 */
export function buildValidationView(
  validation: ModelValidation,
  loadedModels: ReadonlyMap<string, HealthModel> = new Map()
): ValidationView {
  const models = validation.models ?? [];
  const problemCount = validation.problemCount ?? 0;
  const modelsWithProblems = models.filter((model) => (model.problems ?? []).length > 0).length;
  let summary: string;
  if (models.length === 0) {
    summary = 'No health model is active. Activate a HealthModel record in Setup so the health job can score accounts.';
  } else if (problemCount === 0) {
    summary = `No problems: ${plural(models.length, 'active model was', 'active models were')} checked.`;
  } else {
    summary =
      `${plural(problemCount, 'problem', 'problems')} in ${modelsWithProblems} of ` +
      `${plural(models.length, 'active model', 'active models')}. The health job rejects a model with problems and ` +
      'keeps the last good scores, so fix these records in Setup.';
  }
  if (validation.hasUnreadableRecords === true) {
    summary += ' Some records could not be read, so the other checks run once they are fixed.';
  }
  const groups = models.map((model, index) => {
    const problems: LocatedProblem[] = model.problems ?? [];
    const name = model.label || model.modelName || 'Records of no active model';
    const version = model.version === null ? '' : ` (version ${model.version})`;
    const count = problems.length === 0 ? 'no problems' : plural(problems.length, 'problem', 'problems');
    return {
      key: `model-${index}`,
      heading: `${name}${version}: ${count}`,
      caption: `Problems of the health model ${name}`,
      hasProblems: problems.length > 0,
      rows: buildProblemRows(problems, `model-${index}`, loadedModels.get(model.modelName ?? ''))
    };
  });
  const modelOptions = models
    .filter((model) => Boolean(model.modelName))
    .map((model) => ({ label: model.label || (model.modelName as string), value: model.modelName as string }));
  return { summary, hasProblems: problemCount > 0, groups, modelOptions };
}

/**
 * Converts the accounts of the preview data to the scoring input; done once per load, not once per edit.
 * @param data What getPreviewData returned.
 */
export function toPreviewAccounts(data: PreviewData): PreviewAccountInput[] {
  const names = data.measureNames ?? [];
  return (data.accounts ?? []).map((account) => {
    const values = account.rawValues ?? [];
    const rawValues = new Map<string, number | null>();
    names.forEach((name, index) => rawValues.set(name, values[index] ?? null));
    const overrides: ScoreOverride[] = (account.overrides ?? []).map((override) => ({
      id: override.id ?? '',
      measure: override.measure ?? null,
      value: override.value ?? Number.NaN,
      reason: '',
      expiresOn: override.expiresOn ?? ''
    }));
    return {
      accountId: account.accountId ?? '',
      accountName: account.accountName ?? '',
      asOf: account.asOf ?? '',
      rawValues,
      overrides
    };
  });
}

/** One row of the editor table: a dimension, or a measure of the dimension above it. */
export interface EditorRow {
  key: string;
  isDimension: boolean;
  name: string;
  label: string;
  rowClass: string;
  weight: string;
  weightLabel: string;
  isBanded: boolean;
  bands: string;
  bandsLabel: string;
  lowerThreshold: string;
  lowerLabel: string;
  upperThreshold: string;
  upperLabel: string;
  missingData: string;
  missingDataLabel: string;
  isCritical: boolean;
  criticalLabel: string;
  curveHelp: string;
  /** Keys of the row's inputs, as inputKeyOf names the input of a problem. */
  inputKeys: { weight: string; bands: string; lowerThreshold: string; upperThreshold: string; missingData: string };
}

function measureInputKeys(name: string): EditorRow['inputKeys'] {
  const key = (field: string) => `measure:${name}:${field}`;
  return {
    weight: key('weight'),
    bands: key('bands'),
    lowerThreshold: key('lowerThreshold'),
    upperThreshold: key('upperThreshold'),
    missingData: key('missingData')
  };
}

function numberText(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '' : formatPlain(value);
}

function measureRow(
  measure: HealthModel['dimensions'][number]['measures'][number],
  edits: MeasureEdits | undefined
): EditorRow {
  const label = measure.label || measure.name;
  const isBanded = measure.curve === 'Bands';
  const direction = measure.direction === 'LowerIsBetter' ? 'lower is better' : 'higher is better';
  return {
    key: `measure-${measure.name}`,
    isDimension: false,
    name: measure.name,
    label,
    rowClass: 'measure-row',
    weight: edits?.weight ?? numberText(measure.weight),
    weightLabel: `Weight of ${label}`,
    isBanded,
    bands: edits?.bands ?? formatBands(measure.bands),
    bandsLabel: `Curve points of ${label}`,
    lowerThreshold: edits?.lowerThreshold ?? numberText(measure.lowerThreshold),
    lowerLabel: `Lower threshold of ${label}`,
    upperThreshold: edits?.upperThreshold ?? numberText(measure.upperThreshold),
    upperLabel: `Upper threshold of ${label}`,
    missingData: edits?.missingData ?? measure.missingData,
    missingDataLabel: `Missing-data policy of ${label}`,
    isCritical: edits?.isCritical ?? measure.isCritical,
    criticalLabel: `${label} is critical`,
    curveHelp: isBanded
      ? `Steps min:score over ${measure.signal} in ${plural(measure.windowDays, 'day', 'days')}, ${direction}`
      : `Straight line over ${measure.signal} in ${plural(measure.windowDays, 'day', 'days')}, ${direction}`,
    inputKeys: measureInputKeys(measure.name)
  };
}

/**
 * Builds the editor rows: each dimension followed by its measures, with the values the admin typed or the stored
 * ones.
 * @param stored The stored model.
 * @param edits The admin's edits.
 */
export function buildEditorRows(stored: HealthModel, edits: ModelEdits): EditorRow[] {
  const rows: EditorRow[] = [];
  for (const dimension of stored.dimensions) {
    const label = dimension.label || dimension.name;
    rows.push({
      key: `dimension-${dimension.name}`,
      isDimension: true,
      name: dimension.name,
      label,
      rowClass: 'dimension-row',
      weight: Object.prototype.hasOwnProperty.call(edits.dimensionWeights, dimension.name)
        ? edits.dimensionWeights[dimension.name]
        : numberText(dimension.weight),
      weightLabel: `Weight of the dimension ${label}`,
      isBanded: false,
      bands: '',
      bandsLabel: '',
      lowerThreshold: '',
      lowerLabel: '',
      upperThreshold: '',
      upperLabel: '',
      missingData: '',
      missingDataLabel: '',
      isCritical: false,
      criticalLabel: '',
      curveHelp: '',
      inputKeys: { ...measureInputKeys(dimension.name), weight: `dimension:${dimension.name}:weight` }
    });
    for (const measure of dimension.measures) {
      const measureEdits = Object.prototype.hasOwnProperty.call(edits.measures, measure.name)
        ? edits.measures[measure.name]
        : undefined;
      rows.push(measureRow(measure, measureEdits));
    }
  }
  return rows;
}

/**
 * Explains how the dimension weights of the editor count when they do not add up to 100.
 * @param rows Editor rows with the weights the admin typed.
 * @returns One or two sentences; the sum is left out while a weight is not a number.
 */
export function describeWeightSum(rows: EditorRow[]): string {
  const rule =
    'Weights need not add up to 100: each dimension counts with its weight divided by the sum of the dimension ' +
    'weights, and each measure with its weight divided by the sum of the measure weights of its dimension.';
  const weights = rows.filter((row) => row.isDimension).map((row) => Number(row.weight));
  if (weights.length === 0 || weights.some((weight) => !Number.isFinite(weight))) {
    return rule;
  }
  const sum = weights.reduce((total, weight) => total + (weight > 0 ? weight : 0), 0);
  if (sum === 100) {
    return `The dimension weights add up to 100. ${rule}`;
  }
  return `The dimension weights add up to ${formatPlain(sum)}, not 100, so they are normalised. ${rule}`;
}

/** Band counts of one band, before and after the edits. */
export interface BandCountRow {
  key: string;
  band: string;
  before: string;
  after: string;
  change: string;
}

/** One account whose band changes. */
export interface ChangeRow {
  key: string;
  accountName: string;
  accountUrl: string;
  fromBand: string;
  toBand: string;
  toBandClass: string;
  bandChange: string;
  scoreBefore: string;
  scoreAfter: string;
}

/** Content of the preview results. */
export interface ResultView {
  summary: string;
  counts: BandCountRow[];
  changes: ChangeRow[];
  hasChanges: boolean;
  listedText: string;
}

function scoreText(score: number | null): string {
  return score === null ? 'No score' : formatNumber(score);
}

function signed(value: number): string {
  if (value > 0) {
    return `+${value.toLocaleString('en-US')}`;
  }
  return value < 0 ? `−${Math.abs(value).toLocaleString('en-US')}` : '0';
}

const BADGE_CLASSES: Record<Band, string> = {
  Red: 'slds-badge slds-theme_error',
  Yellow: 'slds-badge slds-theme_warning',
  Green: 'slds-badge slds-theme_success',
  Insufficient: 'slds-badge'
};

/**
 * Builds the preview results: band counts before and after the edits, and the accounts whose band changes, listed
 * by their new band in risk order, then by name, at most MAX_LISTED_CHANGES of them.
 * @param accounts Accounts of the preview.
 * @param before Their scores under the stored model, in the same order.
 * @param after Their scores under the edited model, in the same order.
 */
export function buildResultView(
  accounts: PreviewAccountInput[],
  before: AccountScore[],
  after: AccountScore[]
): ResultView {
  const beforeCounts = new Map<Band, number>(BANDS.map((band) => [band, 0]));
  const afterCounts = new Map<Band, number>(BANDS.map((band) => [band, 0]));
  const changed: { account: PreviewAccountInput; before: AccountScore; after: AccountScore }[] = [];
  accounts.forEach((account, index) => {
    beforeCounts.set(before[index].band, (beforeCounts.get(before[index].band) ?? 0) + 1);
    afterCounts.set(after[index].band, (afterCounts.get(after[index].band) ?? 0) + 1);
    if (before[index].band !== after[index].band) {
      changed.push({ account, before: before[index], after: after[index] });
    }
  });
  changed.sort(
    (left, right) =>
      BANDS.indexOf(left.after.band) - BANDS.indexOf(right.after.band) ||
      left.account.accountName.localeCompare(right.account.accountName)
  );
  const counts = BANDS.map((band) => {
    const beforeCount = beforeCounts.get(band) ?? 0;
    const afterCount = afterCounts.get(band) ?? 0;
    return {
      key: band,
      band: BAND_LABELS[band],
      before: beforeCount.toLocaleString('en-US'),
      after: afterCount.toLocaleString('en-US'),
      change: signed(afterCount - beforeCount)
    };
  });
  const changes = changed.slice(0, MAX_LISTED_CHANGES).map((change) => ({
    key: change.account.accountId,
    accountName: change.account.accountName,
    accountUrl: `/lightning/r/Account/${change.account.accountId}/view`,
    fromBand: BAND_LABELS[change.before.band],
    toBand: BAND_LABELS[change.after.band],
    toBandClass: BADGE_CLASSES[change.after.band],
    bandChange: `${BAND_LABELS[change.before.band]} to ${BAND_LABELS[change.after.band]}`,
    scoreBefore: scoreText(change.before.score),
    scoreAfter: scoreText(change.after.score)
  }));
  const summary =
    changed.length === 0
      ? `No account changes band: ${plural(accounts.length, 'account was', 'accounts were')} re-scored.`
      : `${plural(changed.length, 'account changes', 'accounts change')} band of ` +
        `${plural(accounts.length, 'account', 'accounts')} re-scored.`;
  const listedText =
    changed.length > MAX_LISTED_CHANGES
      ? `The ${MAX_LISTED_CHANGES} accounts listed first are shown of ${changed.length.toLocaleString('en-US')}; ` +
        'the counts include all of them.'
      : '';
  return { summary, counts, changes, hasChanges: changed.length > 0, listedText };
}

/**
 * Counts the accounts whose band recomputed from the stored values differs from the band stored on their snapshot.
 * @param data What getPreviewData returned.
 * @param before Scores under the stored model, in the order of data.accounts.
 */
export function countStoredBandDifferences(data: PreviewData, before: AccountScore[]): number {
  return (data.accounts ?? []).filter((account, index) => account.band !== before[index]?.band).length;
}

/**
 * Describes what the preview data covers and what it cannot reproduce.
 * @param data What getPreviewData returned.
 * @param storedBandDifferences Accounts whose recomputed band differs from the stored one.
 */
export function describeCoverage(data: PreviewData, storedBandDifferences: number): string[] {
  const accounts = data.accounts ?? [];
  const notes: string[] = [
    'The preview re-scores the raw values of each account’s latest snapshot. It cannot recompute raw values, so ' +
      'windows and signals cannot be previewed. Raw values are stored to 4 places, so an account whose raw value ' +
      'lies within 0.00005 of a curve point can score slightly differently in the health job.'
  ];
  if (data.hasMore === true) {
    notes.push(
      `Only the first ${plural(data.maxAccounts ?? accounts.length, 'account', 'accounts')} by name are re-scored; ` +
        'more accounts have snapshots of this model.'
    );
  }
  notes.push(
    data.overridesIncluded === true
      ? 'Approved overrides apply as they did on each snapshot’s date.'
      : 'Overrides are left out, because you cannot read Score Override records.'
  );
  const missingLines = accounts.filter((account) => (account.measuresWithoutLine ?? []).length > 0).length;
  if (missingLines > 0) {
    notes.push(
      `${plural(missingLines, 'account was', 'accounts were')} scored before some measures existed; those ` +
        'measures count as missing data.'
    );
  }
  if (storedBandDifferences > 0) {
    notes.push(
      `For ${plural(storedBandDifferences, 'account', 'accounts')}, the band recomputed from the stored values ` +
        'differs from the stored band, for example because an override expired or the model changed after the ' +
        'snapshot. Before means the recomputed band.'
    );
  }
  return notes;
}

/** Returns the policy value a combobox sends, or null when it is not a policy. */
export function toPolicy(value: string): MissingDataPolicy | null {
  return POLICY_OPTIONS.some((option) => option.value === value) ? (value as MissingDataPolicy) : null;
}

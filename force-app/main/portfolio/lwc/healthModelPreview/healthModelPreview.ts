import { LightningElement } from 'lwc';
import getModelValidation from '@salesforce/apex/HealthModelAdminController.getModelValidation';
import getPreviewData from '@salesforce/apex/HealthModelAdminController.getPreviewData';
import { reduceErrors } from 'c/ldsUtils';
import { validateModel } from 'c/healthEngine';
import type { HealthModel } from 'c/healthEngine';
import { applyEdits, noEdits, toEngineModel } from './modelDraft';
import type { MeasureEdits, ModelEdits, ModelField } from './modelDraft';
import { changedRecordFiles } from './metadataXml';
import type { MetadataFile, RecordDetails } from './metadataXml';
import { locateProblems } from './modelProblems';
import type { LocatedProblem } from './modelProblems';
import { scoreAccounts } from './previewScoring';
import type { AccountScore, PreviewAccountInput } from './previewScoring';
import {
  ACCESS_DENIED_PREFIX,
  CLASS_ACCESS_PREFIX,
  POLICY_OPTIONS,
  buildEditorRows,
  buildProblemRows,
  buildResultView,
  buildValidationView,
  countStoredBandDifferences,
  describeCoverage,
  describeWeightSum,
  toPolicy,
  toPreviewAccounts
} from './previewView';
import type { EditorRow, Option, ProblemRow, ResultView, ValidationView } from './previewView';

type PreviewData = ApexTypes.HealthModelAdminController_PreviewData;
type ModelValidation = ApexTypes.HealthModelAdminController_ModelValidation;

/** Maximum number of accounts the preview requests, HealthModelAdminService.MAX_ACCOUNTS. */
export const MAX_ACCOUNTS = 2000;

/** Pause after the last keystroke before the portfolio is re-scored. */
export const DEBOUNCE_MS = 300;

/** A record file of "Copy as metadata", keyed for the template. */
/** A base input whose validity message the component sets. */
interface ValidatableInput extends HTMLElement {
  setCustomValidity(message: string): void;
  reportValidity(): boolean;
}

interface MetadataFileView extends MetadataFile {
  key: string;
}

/**
 * The Health model tab of the admin settings. It lists every problem of every active health model, and it previews
 * an edit before the admin deploys it. The admin changes weights, curve points, critical flags, missing-data policies
 * and band limits. The component then re-scores the accounts of the model in the browser with the reference engine,
 * and lists the accounts whose band changes and the Custom Metadata records to deploy. Scores under the stored model
 * are computed once per load, and scores under the edited model once per pause in typing.
 */
export default class HealthModelPreview extends LightningElement {
  validationView?: ValidationView;
  validationError?: unknown;
  isValidationLoading = true;
  isChecking = false;

  selectedModel = '';
  previewData?: PreviewData;
  previewError?: unknown;
  isPreviewLoading = false;

  editorRows: EditorRow[] = [];
  storedProblemRows: ProblemRow[] = [];
  draftProblemRows: ProblemRow[] = [];
  result?: ResultView;
  scoringError = '';
  coverageNotes: string[] = [];
  metadataFiles: MetadataFileView[] = [];
  showMetadata = false;
  isRecomputing = false;

  readonly policyOptions: Option[] = POLICY_OPTIONS;

  private storedModel?: HealthModel;
  private details: RecordDetails = { modelDescription: null, dimensionSortOrders: {}, measureSortOrders: {} };
  private accounts: PreviewAccountInput[] = [];
  private before: AccountScore[] = [];
  private edits: ModelEdits = noEdits();
  private timer?: ReturnType<typeof setTimeout>;
  /** True when the draft problems changed, so the next render marks the inputs that contain their values. */
  private isValidityStale = false;
  private validation?: ModelValidation;
  /** Models read for the preview by API name; the model check shows their labels in place of API names. */
  private loadedModels = new Map<string, HealthModel>();

  override connectedCallback(): void {
    // Both loaders catch their own failures and show them, so the promise needs no handler here.
    this.loadValidation();
  }

  override disconnectedCallback(): void {
    this.cancelRecompute();
  }

  override renderedCallback(): void {
    if (this.isValidityStale) {
      this.isValidityStale = false;
      this.markProblemInputs();
    }
  }

  get accessDeniedMessage(): string {
    const errors = [this.validationError, this.previewError].filter((error) => error !== undefined);
    const messages = errors.flatMap((error) => reduceErrors(error));
    const denied = messages.find(
      (message) => message.startsWith(ACCESS_DENIED_PREFIX) || message.startsWith(CLASS_ACCESS_PREFIX)
    );
    return denied ?? '';
  }

  get isAccessDenied(): boolean {
    return this.accessDeniedMessage !== '';
  }

  get hasValidationError(): boolean {
    return this.validationError !== undefined && !this.isAccessDenied;
  }

  get hasPreviewError(): boolean {
    return this.previewError !== undefined && !this.isAccessDenied;
  }

  get modelOptions(): Option[] {
    return this.validationView?.modelOptions ?? [];
  }

  get hasModels(): boolean {
    return this.modelOptions.length > 0;
  }

  get hasPreviewData(): boolean {
    return this.previewData !== undefined && !this.isPreviewLoading;
  }

  get hasStoredProblems(): boolean {
    return this.storedProblemRows.length > 0;
  }

  get hasNoAccounts(): boolean {
    return this.accounts.length === 0;
  }

  get canPreview(): boolean {
    return this.hasPreviewData && !this.hasStoredProblems && this.storedModel !== undefined;
  }

  get weightNote(): string {
    return describeWeightSum(this.editorRows);
  }

  get hasDraftProblems(): boolean {
    return this.draftProblemRows.length > 0;
  }

  get showResults(): boolean {
    return this.result !== undefined && !this.hasDraftProblems && this.scoringError === '';
  }

  get greenMin(): string {
    return this.edits.model.greenMin ?? this.formatLimit(this.storedModel?.greenMin);
  }

  get yellowMin(): string {
    return this.edits.model.yellowMin ?? this.formatLimit(this.storedModel?.yellowMin);
  }

  get recomputingText(): string {
    return this.isRecomputing ? 'Re-scoring the accounts…' : '';
  }

  get hasMetadataFiles(): boolean {
    return this.metadataFiles.length > 0;
  }

  get metadataButtonLabel(): string {
    return this.showMetadata ? 'Hide metadata' : 'Copy as metadata';
  }

  get isMetadataButtonDisabled(): boolean {
    return !this.hasMetadataFiles;
  }

  get metadataSummary(): string {
    const count = this.metadataFiles.length;
    return (
      `${count} ${count === 1 ? 'record' : 'records'} to deploy. Save each text as the named file in the ` +
      'customMetadata folder of your project and deploy it, or change the same fields in Setup > Custom Metadata ' +
      'Types. The model version goes up by one, so snapshots tell the model change apart from a change of the customer.'
    );
  }

  async handleCheckAgain(): Promise<void> {
    if (this.isChecking) {
      return;
    }
    this.isChecking = true;
    await this.loadValidation();
    this.isChecking = false;
  }

  handleModelChange(event: CustomEvent<{ value: string }>): void {
    const modelName = event.detail.value;
    if (modelName && modelName !== this.selectedModel) {
      this.selectedModel = modelName;
      this.loadPreview();
    }
  }

  handleLimitChange(event: CustomEvent<{ value: string }>): void {
    const field = (event.currentTarget as HTMLElement).dataset.field as ModelField | undefined;
    if (field === 'greenMin' || field === 'yellowMin') {
      this.edits = { ...this.edits, model: { ...this.edits.model, [field]: String(event.detail.value ?? '') } };
      this.scheduleRecompute();
    }
  }

  handleDimensionWeightChange(event: CustomEvent<{ value: string }>): void {
    const name = (event.currentTarget as HTMLElement).dataset.name;
    if (name) {
      this.edits = {
        ...this.edits,
        dimensionWeights: { ...this.edits.dimensionWeights, [name]: String(event.detail.value ?? '') }
      };
      this.scheduleRecompute();
    }
  }

  handleMeasureChange(event: CustomEvent<{ value?: string; checked?: boolean }>): void {
    const target = event.currentTarget as HTMLElement;
    const name = target.dataset.name;
    const field = target.dataset.field;
    if (!name || !field) {
      return;
    }
    const change: MeasureEdits = {};
    if (field === 'isCritical') {
      change.isCritical = event.detail.checked === true;
    } else if (field === 'missingData') {
      const policy = toPolicy(String(event.detail.value ?? ''));
      if (policy === null) {
        return;
      }
      change.missingData = policy;
    } else if (field === 'weight' || field === 'bands' || field === 'lowerThreshold' || field === 'upperThreshold') {
      change[field] = String(event.detail.value ?? '');
    } else {
      return;
    }
    const current = Object.prototype.hasOwnProperty.call(this.edits.measures, name) ? this.edits.measures[name] : {};
    this.edits = { ...this.edits, measures: { ...this.edits.measures, [name]: { ...current, ...change } } };
    this.scheduleRecompute();
  }

  handleReset(): void {
    this.cancelRecompute();
    this.edits = noEdits();
    this.showMetadata = false;
    this.recompute();
  }

  handleToggleMetadata(): void {
    this.showMetadata = !this.showMetadata;
  }

  private formatLimit(value: number | undefined): string {
    return value === undefined || !Number.isFinite(value) ? '' : String(value);
  }

  private async loadValidation(): Promise<void> {
    try {
      const validation = await getModelValidation();
      this.validation = validation;
      this.validationView = buildValidationView(validation, this.loadedModels);
      this.validationError = undefined;
    } catch (error: unknown) {
      this.validationView = undefined;
      this.validationError = error;
    } finally {
      this.isValidationLoading = false;
    }
    const options = this.modelOptions;
    if (this.selectedModel === '' && options.length > 0) {
      this.selectedModel = (options.find((option) => option.value === 'Default') ?? options[0]).value;
      await this.loadPreview();
    }
  }

  private async loadPreview(): Promise<void> {
    this.cancelRecompute();
    this.isPreviewLoading = true;
    this.showMetadata = false;
    const modelName = this.selectedModel;
    try {
      const data = await getPreviewData({ modelName, maxAccounts: MAX_ACCOUNTS });
      if (modelName !== this.selectedModel) {
        // The admin chose another model while this one loaded; its own load shows it.
        return;
      }
      this.previewError = undefined;
      this.receivePreview(data);
    } catch (error: unknown) {
      if (modelName === this.selectedModel) {
        this.previewData = undefined;
        this.previewError = error;
      }
    } finally {
      if (modelName === this.selectedModel) {
        this.isPreviewLoading = false;
      }
    }
  }

  /** Prepares a loaded model: the stored scores once, then the first result with no edits. */
  private receivePreview(data: PreviewData): void {
    this.previewData = data;
    this.edits = noEdits();
    this.details = {
      modelDescription: data.records?.modelDescription ?? null,
      dimensionSortOrders: data.records?.dimensionSortOrders ?? {},
      measureSortOrders: data.records?.measureSortOrders ?? {}
    };
    this.accounts = toPreviewAccounts(data);
    this.storedModel = data.model ? toEngineModel(data.model) : undefined;
    if (this.storedModel !== undefined) {
      this.loadedModels.set(this.storedModel.name, this.storedModel);
      if (this.validation !== undefined) {
        this.validationView = buildValidationView(this.validation, this.loadedModels);
      }
    }

    const storedProblems = this.storedProblemsOf(data);
    this.storedProblemRows = buildProblemRows(storedProblems, 'stored', this.storedModel);
    this.before = [];
    this.scoringError = '';
    this.coverageNotes = [];
    if (this.storedModel === undefined || storedProblems.length > 0) {
      this.editorRows = [];
      this.result = undefined;
      return;
    }

    try {
      this.before = scoreAccounts(this.storedModel, this.accounts);
      this.coverageNotes = describeCoverage(data, countStoredBandDifferences(data, this.before));
    } catch (error: unknown) {
      this.scoringError = `The stored values could not be scored: ${reduceErrors(error).join(' ')}`;
    }
    this.recompute();
  }

  /** Returns the problems of the stored model: those Apex found, those the engine finds, or an unreadable model. */
  private storedProblemsOf(data: PreviewData): LocatedProblem[] {
    const problems: LocatedProblem[] = data.problems ?? [];
    if (problems.length > 0) {
      return problems;
    }
    if (this.storedModel !== undefined) {
      return locateProblems(this.storedModel, validateModel(this.storedModel));
    }
    const modelName = data.modelName ?? 'The model';
    return [
      {
        model: data.modelName,
        dimension: null,
        measure: null,
        field: null,
        location: null,
        message: `${modelName}: the model could not be read. Fix the records that the model check lists.`
      }
    ];
  }

  /**
   * Outlines each editor input whose value has a problem of the edited model, with the problem as its message, and
   * clears the others.
   */
  private markProblemInputs(): void {
    const messages = new Map<string, string>();
    for (const row of this.draftProblemRows) {
      if (row.inputKey !== null) {
        const earlier = messages.get(row.inputKey);
        messages.set(row.inputKey, earlier === undefined ? row.message : `${earlier} ${row.message}`);
      }
    }
    const inputs = this.template?.querySelectorAll<ValidatableInput>('[data-input-key]') ?? [];
    for (const input of Array.from(inputs)) {
      input.setCustomValidity(messages.get(input.dataset.inputKey ?? '') ?? '');
      input.reportValidity();
    }
  }

  private scheduleRecompute(): void {
    this.cancelRecompute();
    this.isRecomputing = true;
    // eslint-disable-next-line @lwc/lwc/no-async-operation -- re-scoring waits for a pause in typing
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.recompute();
    }, DEBOUNCE_MS);
  }

  private cancelRecompute(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.isRecomputing = false;
  }

  /** Applies the edits, checks the edited model and, when it has no problems, re-scores every account once. */
  private recompute(): void {
    this.isRecomputing = false;
    const stored = this.storedModel;
    if (stored === undefined) {
      return;
    }
    this.editorRows = buildEditorRows(stored, this.edits);
    const draft = applyEdits(stored, this.edits);
    const problems = [...draft.inputProblems, ...locateProblems(draft.model, validateModel(draft.model))];
    this.draftProblemRows = buildProblemRows(problems, 'draft', draft.model);
    this.isValidityStale = true;
    if (problems.length > 0 || this.before.length !== this.accounts.length) {
      this.result = undefined;
      this.metadataFiles = [];
      this.showMetadata = false;
      return;
    }
    try {
      // Without changes the edited model scores as the stored one, so the stored scores are reused.
      const after = draft.hasChanges ? scoreAccounts(draft.model, this.accounts) : this.before;
      this.result = buildResultView(this.accounts, this.before, after);
      this.scoringError = '';
    } catch (error: unknown) {
      this.result = undefined;
      this.scoringError = `The edited model could not score the stored values: ${reduceErrors(error).join(' ')}`;
    }
    this.metadataFiles = changedRecordFiles(stored, draft.model, this.details).map((file) => ({
      ...file,
      key: file.fileName
    }));
    if (this.metadataFiles.length === 0) {
      this.showMetadata = false;
    }
  }
}

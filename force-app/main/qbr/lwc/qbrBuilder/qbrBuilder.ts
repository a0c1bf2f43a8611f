import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { loadScript } from 'lightning/platformResourceLoader';
import CHARTJS from '@salesforce/resourceUrl/chartjs';
import PPTXGENJS from '@salesforce/resourceUrl/pptxgenjs';
import getReviewData from '@salesforce/apex/QbrBuilderController.getReviewData';
import saveReview from '@salesforce/apex/QbrBuilderController.saveReview';
import addActionItem from '@salesforce/apex/QbrBuilderController.addActionItem';
import saveDeck from '@salesforce/apex/QbrBuilderController.saveDeck';
import { reduceErrors } from 'c/ldsUtils';
import {
  BENCHMARK_MIN_PEERS,
  SECTION_KEYS,
  assembleQbr,
  buildDeck,
  deckFileName,
  qbrFileName,
  quarterOf,
  readinessInputFromQbr,
  recentQuarters,
  renderQbr,
  scoreReadiness,
  withSectionText,
  withSlideIncluded
} from 'c/qbrEngine';
import type { QbrData, QbrDraft, ReadinessResult, ReviewStatus, SectionKey, SlideKey } from 'c/qbrEngine';
import {
  ACCESS_DENIED_PREFIX,
  QUARTER_COUNT,
  STEPS,
  actionItemRows,
  benchmarkRows,
  benchmarkSummary,
  caseRows,
  claimRows,
  footnoteRows,
  listFootnote,
  bandLabel,
  localToday,
  milestoneRows,
  objectiveRows,
  periodSummary,
  quarterOptions,
  readinessPanel,
  riskRows,
  sectionEditors,
  statusLabel,
  toQbrData
} from './reviewView';
import type {
  ActionItemDisplayRow,
  BenchmarkDisplayRow,
  CaseDisplayRow,
  ClaimRow,
  FootnoteRow,
  MilestoneDisplayRow,
  ObjectiveDisplayRow,
  Option,
  PeriodSummary,
  ReadinessPanel,
  RiskDisplayRow,
  SectionEditor,
  Step
} from './reviewView';
import {
  MAX_SECTION_LENGTH,
  MAX_SUBJECT_LENGTH,
  STATUS_OPTIONS,
  actionItemParamsOf,
  emptyActionItemForm,
  saveParamsOf,
  validateActionItemForm,
  validateReview
} from './reviewForms';
import type { ActionItemForm, FormErrors } from './reviewForms';
import { ChartBoard, chartConstructorOf, chartTableOf } from './charts';
import type { ChartConstructor, ChartTable } from './charts';
import { chartImagesFor, deckDataUrl, pptxConstructorOf, writeDeckBase64 } from './deck';

type ReviewData = ApexTypes.QbrBuilderController_ReviewData;

/** Value that the getReviewData wire provisions, which refreshApex takes back to reload it. */
interface WiredReview {
  data?: ReviewData;
  error?: unknown;
}

/** Charts of the metrics step. */
type ChartKey = 'health' | 'usage';

/** State of the Chart.js static resource. */
type ChartLibraryState = 'loading' | 'ready' | 'failed';

/** One slide toggle. */
interface SlideRow {
  key: SlideKey;
  title: string;
  included: boolean;
}

/** A chart of the metrics step with its table. */
interface ChartView {
  key: ChartKey;
  table: ChartTable;
}

/** Input base components expose these for custom validation messages. */
interface ValidatableElement extends HTMLElement {
  setCustomValidity(message: string): void;
  reportValidity(): boolean;
}

const ACTION_FIELDS: (keyof ActionItemForm)[] = ['subject', 'ownerId', 'dueDate'];

function summaryOf(messages: string[]): string {
  return `Fix ${messages.length === 1 ? 'this problem' : 'these problems'}: ${messages.join(' ')}`;
}

function isSafeUrl(url: string | null | undefined): url is string {
  return typeof url === 'string' && (url.startsWith('/') || url.startsWith('https://'));
}

/**
 * Quarterly business review builder of an Account. A stepper assembles the quarter from the org's records: health
 * and usage charts, Cases, risks, objectives and milestones, each number with its as-of footnote. The CSM edits the
 * wins, challenges, roadmap alignment, insights and next-period goals, which hold the engine's suggestions until a
 * review is saved. The CSM also adds action items as Tasks and chooses the slides, and the readiness score with every
 * check updates as they edit. The review is saved on the account. The deck exports as PowerPoint, saved on the
 * account and downloaded, and the review exports as Markdown.
 */
export default class QbrBuilder extends LightningElement {
  /** Id of the Account, set by the record page. */
  @api recordId?: string;

  readonly today: string = localToday();
  quarter: string = quarterOf(this.today);
  currentStep: string = STEPS[0].value;

  loadError?: unknown;
  isLoading = true;

  data?: QbrData;
  draft?: QbrDraft;
  working?: QbrDraft;
  readiness?: ReadinessResult;
  readinessPanel?: ReadinessPanel;
  editors?: Record<SectionKey, SectionEditor>;
  summary?: PeriodSummary;

  sectionEdits: Partial<Record<SectionKey, string>> = {};
  slideEdits: Partial<Record<SlideKey, boolean>> = {};
  statusEdit: ReviewStatus | null = null;

  actionForm: ActionItemForm = emptyActionItemForm();
  actionErrors: FormErrors<ActionItemForm> = {};
  reviewProblems: string[] = [];

  chartLibrary: ChartLibraryState = 'loading';
  chartLibraryMessage = '';

  isSaving = false;
  isAdding = false;
  isExportingDeck = false;
  isExportingMarkdown = false;

  lastDeckName = '';
  lastDeckUrl = '';

  readonly steps: Step[] = STEPS;
  readonly statusOptions: Option[] = STATUS_OPTIONS;
  readonly maxSectionLength = MAX_SECTION_LENGTH;
  readonly maxSubjectLength = MAX_SUBJECT_LENGTH;

  private wiredResult?: WiredReview;
  private chartConstructor: ChartConstructor | null = null;
  private readonly chartBoard = new ChartBoard<ChartKey>();
  private markdownUrl: string | null = null;
  private focusOnRender: string | null = null;

  @wire(getReviewData, { accountId: '$recordId', quarter: '$quarter' })
  receiveReview(result: WiredReview): void {
    this.wiredResult = result;
    if (result.data) {
      this.applyView(result.data);
    } else if (result.error) {
      this.clearData();
      this.loadError = result.error;
      this.isLoading = false;
    }
  }

  override connectedCallback(): void {
    this.loadChartLibrary();
  }

  override disconnectedCallback(): void {
    this.chartBoard.clear();
    this.releaseMarkdownUrl();
  }

  override renderedCallback(): void {
    this.syncCharts();
    if (this.focusOnRender !== null) {
      const target = this.template?.querySelector<HTMLElement>(this.focusOnRender);
      this.focusOnRender = null;
      target?.focus();
    }
  }

  // Load state

  get loadErrorMessages(): string[] {
    return this.loadError === undefined ? [] : reduceErrors(this.loadError);
  }

  get accessDeniedMessage(): string {
    return this.loadErrorMessages.find((message) => message.startsWith(ACCESS_DENIED_PREFIX)) ?? '';
  }

  get isAccessDenied(): boolean {
    return this.accessDeniedMessage !== '';
  }

  get hasLoadError(): boolean {
    return this.loadError !== undefined && !this.isAccessDenied;
  }

  get hasData(): boolean {
    return this.working !== undefined && this.data !== undefined && this.loadError === undefined;
  }

  get isSwitchingQuarter(): boolean {
    return this.data !== undefined && this.data.quarter !== this.quarter && this.loadError === undefined;
  }

  get canEdit(): boolean {
    return this.data?.canEdit === true;
  }

  get isReadOnly(): boolean {
    return !this.canEdit;
  }

  get reviewId(): string | null {
    return this.data?.review?.id ?? null;
  }

  get hasSavedReview(): boolean {
    return this.reviewId !== null;
  }

  get isBusy(): boolean {
    return (
      this.isSaving || this.isAdding || this.isExportingDeck || this.isExportingMarkdown || this.isSwitchingQuarter
    );
  }

  // Stepper

  get stepIndex(): number {
    return Math.max(
      0,
      STEPS.findIndex((step) => step.value === this.currentStep)
    );
  }

  get stepAnnouncement(): string {
    return `Step ${this.stepIndex + 1} of ${STEPS.length}: ${STEPS[this.stepIndex].label}`;
  }

  get sectionClass(): Record<string, string> {
    return Object.fromEntries(
      STEPS.map((step) => [step.value, step.value === this.currentStep ? 'step' : 'step slds-hide'])
    );
  }

  get isFirstStep(): boolean {
    return this.stepIndex === 0;
  }

  get isLastStep(): boolean {
    return this.stepIndex === STEPS.length - 1;
  }

  get nextStepLabel(): string {
    return this.isLastStep ? 'Next' : `Next: ${STEPS[this.stepIndex + 1].label}`;
  }

  get previousStepLabel(): string {
    return this.isFirstStep ? 'Back' : `Back: ${STEPS[this.stepIndex - 1].label}`;
  }

  handleStepClick(event: Event): void {
    const step = (event.currentTarget as HTMLElement | null)?.dataset.step;
    if (step && STEPS.some((entry) => entry.value === step)) {
      this.goToStep(step);
    }
  }

  handleNextStep(): void {
    if (!this.isLastStep) {
      this.goToStep(STEPS[this.stepIndex + 1].value);
    }
  }

  handlePreviousStep(): void {
    if (!this.isFirstStep) {
      this.goToStep(STEPS[this.stepIndex - 1].value);
    }
  }

  // Period

  get quarterOptions(): Option[] {
    return quarterOptions(recentQuarters(this.today, QUARTER_COUNT), quarterOf(this.today));
  }

  handleQuarterChange(event: CustomEvent<{ value: string }>): void {
    const quarter = event.detail?.value ?? '';
    if (quarter === '' || quarter === this.quarter) {
      return;
    }
    this.quarter = quarter;
    this.resetEdits();
  }

  // Metrics

  get healthChart(): ChartView | null {
    const spec = this.draft?.charts.health ?? null;
    return spec === null ? null : { key: 'health', table: chartTableOf(spec) };
  }

  get usageChart(): ChartView | null {
    const spec = this.draft?.charts.usage ?? null;
    return spec === null ? null : { key: 'usage', table: chartTableOf(spec) };
  }

  get isChartLibraryLoading(): boolean {
    return this.chartLibrary === 'loading';
  }

  get isChartLibraryFailed(): boolean {
    return this.chartLibrary === 'failed';
  }

  /** The chart tables are visible when the charts cannot be drawn, and read by screen readers otherwise. */
  get chartTableClass(): string {
    return this.isChartLibraryFailed
      ? 'slds-table slds-table_bordered slds-table_cell-buffer slds-m-top_x-small'
      : 'slds-assistive-text';
  }

  get metricClaims(): ClaimRow[] {
    return this.draft ? claimRows(this.draft, this.draft.metricClaims) : [];
  }

  get adoptionClaims(): ClaimRow[] {
    return this.draft ? claimRows(this.draft, this.draft.adoptionClaims) : [];
  }

  get hasMetricClaims(): boolean {
    return this.metricClaims.length > 0;
  }

  get hasAdoptionClaims(): boolean {
    return this.adoptionClaims.length > 0;
  }

  get metricFootnotes(): FootnoteRow[] {
    const draft = this.draft;
    return draft ? footnoteRows(draft, [...draft.metricClaims, ...draft.adoptionClaims]) : [];
  }

  get caseRows(): CaseDisplayRow[] {
    return this.data ? caseRows(this.data) : [];
  }

  get hasCases(): boolean {
    return this.caseRows.length > 0;
  }

  get riskRows(): RiskDisplayRow[] {
    return this.data ? riskRows(this.data) : [];
  }

  get hasRisks(): boolean {
    return this.riskRows.length > 0;
  }

  get objectiveRows(): ObjectiveDisplayRow[] {
    return this.data ? objectiveRows(this.data) : [];
  }

  get hasObjectives(): boolean {
    return this.objectiveRows.length > 0;
  }

  get milestoneRows(): MilestoneDisplayRow[] {
    return this.data ? milestoneRows(this.data) : [];
  }

  get hasMilestones(): boolean {
    return this.milestoneRows.length > 0;
  }

  get listFootnote(): string {
    return this.data ? listFootnote(this.data) : '';
  }

  // Sections

  get benchmarkRows(): BenchmarkDisplayRow[] {
    return this.draft ? benchmarkRows(this.draft) : [];
  }

  get hasBenchmarkRows(): boolean {
    return this.benchmarkRows.length > 0;
  }

  get benchmarkSummary(): string {
    return this.draft ? benchmarkSummary(this.draft, BENCHMARK_MIN_PEERS) : '';
  }

  get benchmarkInsight(): string {
    return this.draft?.benchmark?.insight ?? '';
  }

  handleSectionChange(event: CustomEvent<{ value: string }>): void {
    const key = (event.target as HTMLElement | null)?.dataset.section as SectionKey | undefined;
    if (!key || !(SECTION_KEYS as readonly string[]).includes(key)) {
      return;
    }
    this.sectionEdits = { ...this.sectionEdits, [key]: event.detail?.value ?? '' };
    this.reviewProblems = [];
    this.recompute();
  }

  // Action items

  get actionItemRows(): ActionItemDisplayRow[] {
    return this.data ? actionItemRows(this.data) : [];
  }

  get hasActionItems(): boolean {
    return this.actionItemRows.length > 0;
  }

  get ownerOptions(): Option[] {
    return (this.data?.owners ?? []).map((owner) => ({ label: owner.name, value: owner.id }));
  }

  get canAddActionItem(): boolean {
    return this.canEdit && this.hasSavedReview;
  }

  get showSaveFirstNote(): boolean {
    return this.canEdit && !this.hasSavedReview;
  }

  get actionErrorText(): string {
    return summaryOf(this.actionErrorList);
  }

  get hasActionErrors(): boolean {
    return this.actionErrorList.length > 0;
  }

  private get actionErrorList(): string[] {
    return ACTION_FIELDS.map((field) => this.actionErrors[field]).filter(
      (message): message is string => message !== undefined
    );
  }

  handleActionFieldChange(event: CustomEvent<{ value: string }>): void {
    const field = (event.target as HTMLElement | null)?.dataset.field as keyof ActionItemForm | undefined;
    if (!field || !ACTION_FIELDS.includes(field)) {
      return;
    }
    this.actionForm = { ...this.actionForm, [field]: event.detail?.value ?? '' };
  }

  async handleAddActionItem(): Promise<void> {
    const reviewId = this.reviewId;
    if (!reviewId || !this.canEdit || this.isBusy) {
      return;
    }
    this.actionErrors = validateActionItemForm(this.actionForm, this.ownerOptions, this.today);
    if (!this.reportActionFields()) {
      return;
    }
    const params = actionItemParamsOf(this.actionForm, reviewId);
    const owner = this.ownerOptions.find((option) => option.value === params.ownerId)?.label ?? 'the owner';
    this.isAdding = true;
    try {
      await addActionItem(params);
      this.showToast(
        'Action item added',
        `${params.subject} is due on ${params.dueDate}, owned by ${owner}.`,
        'success'
      );
      this.actionForm = emptyActionItemForm();
      this.actionErrors = {};
      this.focusOnRender = '[data-field="subject"]';
      await this.refresh();
    } catch (error: unknown) {
      this.showToast('The action item was not added', reduceErrors(error).join(' '), 'error');
    } finally {
      this.isAdding = false;
    }
  }

  // Readiness, slides and status

  get hasMissing(): boolean {
    return (this.readiness?.missing.length ?? 0) > 0;
  }

  get slideRows(): SlideRow[] {
    return (this.working?.slides ?? []).map((slide) => ({
      key: slide.key,
      title: slide.title,
      included: slide.included
    }));
  }

  get includedSlideCount(): string {
    const slides = this.working?.slides ?? [];
    const count = slides.filter((slide) => slide.included).length;
    return `${count} of ${slides.length} slides included.`;
  }

  get statusValue(): string {
    return this.working?.status ?? 'Draft';
  }

  get hasReviewProblems(): boolean {
    return this.reviewProblems.length > 0;
  }

  get reviewProblemText(): string {
    return summaryOf(this.reviewProblems);
  }

  get hasLastDeck(): boolean {
    return this.lastDeckUrl !== '';
  }

  handleSlideToggle(event: CustomEvent<{ checked: boolean }>): void {
    const key = (event.target as HTMLElement | null)?.dataset.slide as SlideKey | undefined;
    if (!key || !this.working?.slides.some((slide) => slide.key === key)) {
      return;
    }
    this.slideEdits = { ...this.slideEdits, [key]: event.detail?.checked === true };
    this.recompute();
  }

  handleStatusChange(event: CustomEvent<{ value: string }>): void {
    const status = event.detail?.value ?? '';
    if (STATUS_OPTIONS.some((option) => option.value === status)) {
      this.statusEdit = status as ReviewStatus;
      this.reviewProblems = [];
      this.recompute();
    }
  }

  // Save

  async handleSave(): Promise<void> {
    const working = this.working;
    const readiness = this.readiness;
    if (!working || !readiness || !this.canEdit || this.isBusy) {
      return;
    }
    this.reviewProblems = validateReview(working);
    if (this.reviewProblems.length > 0) {
      this.focusOnRender = '[data-id="review-problems"]';
      return;
    }
    this.isSaving = true;
    try {
      await saveReview(saveParamsOf(working, readiness));
      this.showToast(
        'Business review saved',
        `${working.customer} ${working.quarter} is saved as ${statusLabel(working.status)} with readiness ` +
          `${readiness.score} of 100 (${bandLabel(readiness.band)}).`,
        'success'
      );
      await this.refresh();
    } catch (error: unknown) {
      this.showToast('The business review was not saved', reduceErrors(error).join(' '), 'error');
    } finally {
      this.isSaving = false;
    }
  }

  // Export

  async handleExportMarkdown(): Promise<void> {
    const working = this.working;
    if (!working || this.isBusy) {
      return;
    }
    this.isExportingMarkdown = true;
    try {
      const fileName = qbrFileName(working.customer, working.quarter);
      const markdown = renderQbr(working);
      // The previous file's URL is released only now, because a download may still read it after the click returns.
      this.releaseMarkdownUrl();
      this.markdownUrl = URL.createObjectURL(new Blob([markdown], { type: 'text/markdown;charset=utf-8' }));
      this.download(this.markdownUrl, fileName);
      this.showToast('Business review exported', `Downloaded ${fileName}.`, 'success');
    } catch (error: unknown) {
      this.showToast('The business review was not exported', reduceErrors(error).join(' '), 'error');
    } finally {
      this.isExportingMarkdown = false;
    }
  }

  async handleExportDeck(): Promise<void> {
    const working = this.working;
    if (!working || this.isBusy) {
      return;
    }
    this.isExportingDeck = true;
    try {
      const PptxGenJS = await this.loadPptxLibrary();
      if (PptxGenJS === null) {
        return;
      }
      const slides = buildDeck(working);
      const images = chartImagesFor(slides, this.chartBoard.charts());
      const base64 = await writeDeckBase64(PptxGenJS, slides, images);
      const fileName = deckFileName(working.customer, working.quarter);
      const savedProblem = await this.storeDeck(fileName, base64);
      this.download(deckDataUrl(base64), fileName);
      this.reportDeckExport(fileName, savedProblem);
    } catch (error: unknown) {
      this.showToast('The PowerPoint deck was not exported', reduceErrors(error).join(' '), 'error');
    } finally {
      this.isExportingDeck = false;
    }
  }

  /**
   * Saves the deck on the account when the user can edit and the review is saved. Returns null when the deck was
   * saved, else the reason it was not.
   */
  private async storeDeck(fileName: string, base64: string): Promise<string | null> {
    const reviewId = this.reviewId;
    if (!this.canEdit) {
      return 'You can read this review but not edit it, so the deck is not stored on the account.';
    }
    if (reviewId === null) {
      return 'Save the review first to store its deck on the account.';
    }
    try {
      const file = await saveDeck({ reviewId, fileName, base64Data: base64 });
      this.lastDeckName = fileName;
      this.lastDeckUrl = isSafeUrl(file?.downloadUrl) ? file.downloadUrl : '';
      await this.refresh();
      return null;
    } catch (error: unknown) {
      return `It was not saved on the account: ${reduceErrors(error).join(' ')}`;
    }
  }

  private reportDeckExport(fileName: string, savedProblem: string | null): void {
    const chartNote = this.isChartLibraryFailed ? ' The charts could not be drawn, so their slides show no image.' : '';
    if (savedProblem === null) {
      this.showToast(
        'PowerPoint deck exported',
        `Saved ${fileName} on the account and downloaded it.${chartNote}`,
        'success'
      );
    } else {
      this.showToast('PowerPoint deck downloaded', `Downloaded ${fileName}. ${savedProblem}${chartNote}`, 'warning');
    }
  }

  /** Loads pptxgenjs. On failure it shows an error toast and returns null. */
  private async loadPptxLibrary(): Promise<ReturnType<typeof pptxConstructorOf>> {
    try {
      await loadScript(this, PPTXGENJS);
    } catch (error: unknown) {
      this.showLibraryError('PowerPoint library', error);
      return null;
    }
    const PptxGenJS = pptxConstructorOf(window);
    if (PptxGenJS === null) {
      this.showLibraryError(
        'PowerPoint library',
        'The pptxgenjs static resource loaded but did not define PptxGenJS. Ask your admin to check it.'
      );
    }
    return PptxGenJS;
  }

  // Charts

  private loadChartLibrary(): void {
    if (this.chartLibrary === 'ready') {
      return;
    }
    this.chartLibrary = 'loading';
    loadScript(this, CHARTJS)
      .then(() => {
        this.chartConstructor = chartConstructorOf(window);
        if (this.chartConstructor === null) {
          throw new Error('The chartjs static resource loaded but did not define Chart. Ask your admin to check it.');
        }
        this.chartLibrary = 'ready';
      })
      .catch((error: unknown) => {
        this.chartLibrary = 'failed';
        this.chartLibraryMessage =
          'The charts could not be drawn, so their data is shown as tables. ' + reduceErrors(error).join(' ');
        this.showLibraryError('chart library', error);
      });
  }

  /** Draws each chart whose data is there and not drawn yet, draws changed charts again and removes stale ones. */
  private syncCharts(): void {
    const problems = this.chartBoard.sync(
      { health: this.draft?.charts.health ?? null, usage: this.draft?.charts.usage ?? null },
      (key) => this.template?.querySelector<HTMLElement>(`[data-chart="${key}"]`) ?? null,
      this.chartLibrary === 'ready' ? this.chartConstructor : null
    );
    if (problems.length > 0) {
      this.chartBoard.clear();
      this.chartLibrary = 'failed';
      this.chartLibraryMessage = `The charts could not be drawn, so their data is shown as tables. ${problems.join(' ')}`;
    }
  }

  // Helpers

  private applyView(view: ReviewData): void {
    const isOtherReview =
      this.data !== undefined && (this.data.accountId !== view.accountId || this.data.quarter !== view.quarter);
    if (isOtherReview) {
      this.resetEdits();
    }
    this.loadError = undefined;
    this.isLoading = false;
    try {
      this.data = toQbrData(view, this.quarter, this.today);
      this.draft = assembleQbr(this.data);
      this.summary = periodSummary(this.data);
      this.recompute();
    } catch (error: unknown) {
      this.clearData();
      this.loadError = error;
    }
  }

  /** Applies the CSM's edits to the assembled draft and scores the result. */
  private recompute(): void {
    const draft = this.draft;
    if (!draft) {
      return;
    }
    let working: QbrDraft = this.statusEdit === null ? draft : { ...draft, status: this.statusEdit };
    for (const key of SECTION_KEYS) {
      const text = this.sectionEdits[key];
      if (text !== undefined) {
        working = withSectionText(working, key, text);
      }
    }
    for (const slide of draft.slides) {
      const included = this.slideEdits[slide.key];
      if (included !== undefined) {
        working = withSlideIncluded(working, slide.key, included);
      }
    }
    this.working = working;
    this.readiness = scoreReadiness(readinessInputFromQbr(working));
    this.readinessPanel = readinessPanel(this.readiness);
    this.editors = sectionEditors(draft, working, this.sectionEdits);
  }

  private clearData(): void {
    this.data = undefined;
    this.draft = undefined;
    this.working = undefined;
    this.readiness = undefined;
    this.readinessPanel = undefined;
    this.editors = undefined;
    this.summary = undefined;
  }

  private resetEdits(): void {
    this.sectionEdits = {};
    this.slideEdits = {};
    this.statusEdit = null;
    this.reviewProblems = [];
    this.actionForm = emptyActionItemForm();
    this.actionErrors = {};
    this.lastDeckName = '';
    this.lastDeckUrl = '';
  }

  private goToStep(step: string): void {
    this.currentStep = step;
    this.focusOnRender = `[data-step-heading="${step}"]`;
  }

  /** Shows each message on its field, and returns true when the form has no problem and may be sent. */
  private reportActionFields(): boolean {
    let inputsValid = true;
    for (const field of ACTION_FIELDS) {
      const input = this.template?.querySelector<ValidatableElement>(`[data-form="action"][data-field="${field}"]`);
      if (input) {
        input.setCustomValidity(this.actionErrors[field] ?? '');
        // Only false counts as invalid, because an input whose reportValidity returns nothing has no check of its own.
        inputsValid = input.reportValidity() !== false && inputsValid;
      }
    }
    return this.actionErrorList.length === 0 && inputsValid;
  }

  private download(url: string, fileName: string): void {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.click();
  }

  private releaseMarkdownUrl(): void {
    if (this.markdownUrl !== null) {
      URL.revokeObjectURL(this.markdownUrl);
      this.markdownUrl = null;
    }
  }

  private async refresh(): Promise<void> {
    if (this.wiredResult) {
      await refreshApex(this.wiredResult);
    }
  }

  private showLibraryError(library: string, error: unknown): void {
    this.showToast(
      `The ${library} could not be loaded`,
      `${reduceErrors(error).join(' ')} Reload the page to try again. The rest of the review still works.`,
      'error'
    );
  }

  private showToast(title: string, message: string, variant: 'success' | 'warning' | 'error'): void {
    this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
  }
}

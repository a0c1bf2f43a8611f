import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getScorecard from '@salesforce/apex/HealthScorecardController.getScorecard';
import requestOverride from '@salesforce/apex/HealthScorecardController.requestOverride';
import recalculate from '@salesforce/apex/HealthScorecardController.recalculate';
import { reduceErrors } from 'c/ldsUtils';
import {
  ACCESS_DENIED_PREFIX,
  MAX_OVERRIDE_DAYS,
  addDays,
  bandBadgeClass,
  buildDimensionRows,
  buildTrendChart,
  buildWaterfall,
  describeCap,
  describeTrend,
  formatPercent,
  formatScore,
  localToday,
  validateOverrideForm
} from './scorecardView';
import type { DimensionRow, OverrideForm, OverrideFormErrors, TrendChart, Waterfall } from './scorecardView';

type Scorecard = ApexTypes.HealthScorecardController_Scorecard;

/** Value the getScorecard wire provisions; refreshApex takes the same object back. */
interface WiredScorecard {
  data?: Scorecard;
  error?: unknown;
}

/** One active override as the template lists it. */
interface OverrideRow {
  key: string;
  title: string;
  detail: string;
  reason: string;
}

/** Option of the measure combobox. */
interface MeasureOption {
  label: string;
  value: string;
}

const OVERALL_OPTION_LABEL = 'Overall score';
const FORM_FIELDS: (keyof OverrideForm)[] = ['measure', 'value', 'reason', 'expiresOn'];

function emptyForm(): OverrideForm {
  return { measure: '', value: '', reason: '', expiresOn: '' };
}

/** Input base components expose these for custom validation messages. */
interface ValidatableElement extends HTMLElement {
  setCustomValidity(message: string): void;
  reportValidity(): boolean;
}

/**
 * Health scorecard of an Account: score, band and coverage, dimension bars, the trend line over the stored scores,
 * why the score moved since the previous run, the top lever, active overrides, and the actions to request an
 * override or recalculate.
 */
export default class HealthScorecard extends LightningElement {
  /** Id of the Account, set by the record page. */
  @api recordId?: string;

  scorecard?: Scorecard;
  loadError?: unknown;
  isLoading = true;
  isWorking = false;
  showOverrideForm = false;
  form: OverrideForm = emptyForm();
  formErrors: OverrideFormErrors = {};

  private wiredResult?: WiredScorecard;
  private focusOnRender: string | null = null;

  @wire(getScorecard, { accountId: '$recordId' })
  receiveScorecard(result: WiredScorecard): void {
    this.wiredResult = result;
    if (result.data) {
      this.scorecard = result.data;
      this.loadError = undefined;
      this.isLoading = false;
    } else if (result.error) {
      this.scorecard = undefined;
      this.loadError = result.error;
      this.isLoading = false;
    }
  }

  override renderedCallback(): void {
    if (this.focusOnRender === null) {
      return;
    }
    const target = this.template?.querySelector<HTMLElement>(this.focusOnRender);
    this.focusOnRender = null;
    target?.focus();
  }

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

  get hasScorecard(): boolean {
    return this.scorecard !== undefined;
  }

  get hasSnapshot(): boolean {
    return this.scorecard?.hasSnapshot === true;
  }

  get isEmpty(): boolean {
    return this.hasScorecard && !this.hasSnapshot;
  }

  get canRecalculate(): boolean {
    return this.scorecard?.permissions?.canRecalculate === true;
  }

  get canRequestOverride(): boolean {
    return this.scorecard?.permissions?.canRequestOverride === true;
  }

  get showRequestButton(): boolean {
    return this.canRequestOverride && !this.showOverrideForm;
  }

  get emptyText(): string {
    const next = this.canRecalculate ? ' Select Recalculate now to score it immediately.' : '';
    return `The nightly health job has not scored this account yet.${next}`;
  }

  get scoreText(): string {
    return formatScore(this.scorecard?.score);
  }

  get bandLabel(): string {
    return this.scorecard?.band ?? '';
  }

  get bandClass(): string {
    return bandBadgeClass(this.scorecard?.band);
  }

  get isInsufficient(): boolean {
    return this.scorecard?.isInsufficient === true;
  }

  get coverageText(): string {
    return `Coverage ${formatPercent(this.scorecard?.coverage)}`;
  }

  get insufficientText(): string {
    return `Insufficient data: only ${formatPercent(this.scorecard?.coverage)} of the model had data`;
  }

  get cappedText(): string {
    return this.scorecard ? describeCap(this.scorecard) : '';
  }

  get trendText(): string {
    return describeTrend(this.scorecard?.trend, this.scorecard?.trendSlope);
  }

  get asOfText(): string {
    const scorecard = this.scorecard;
    if (!scorecard?.asOf) {
      return '';
    }
    return `Scored on ${scorecard.asOf} by health model ${scorecard.modelName ?? ''} version ${scorecard.modelVersion ?? ''}.`;
  }

  get topReason(): string {
    return this.scorecard?.topReason ?? '';
  }

  get topLeverText(): string {
    const scorecard = this.scorecard;
    if (!scorecard?.topLever || scorecard.topLeverGain === null || scorecard.topLeverGain <= 0) {
      return '';
    }
    const label = scorecard.topLeverLabel ?? scorecard.topLever;
    return `Raising ${label} to 100 would add ${formatScore(scorecard.topLeverGain)} points to the score.`;
  }

  get dimensionRows(): DimensionRow[] {
    return buildDimensionRows(this.scorecard?.dimensions ?? null);
  }

  get hasDimensions(): boolean {
    return this.dimensionRows.length > 0;
  }

  get trendChart(): TrendChart | null {
    return buildTrendChart(this.scorecard?.history ?? null);
  }

  get waterfall(): Waterfall | null {
    return buildWaterfall(this.scorecard?.ledger ?? null, this.scorecard?.previousScore, this.scorecard?.score);
  }

  get hasWaterfallRows(): boolean {
    return (this.waterfall?.rows.length ?? 0) > 0;
  }

  get waterfallHeading(): string {
    const previousAsOf = this.scorecard?.previousAsOf;
    return previousAsOf ? `Why the score moved since ${previousAsOf}` : 'Why the score moved';
  }

  get waterfallIntro(): string {
    const waterfall = this.waterfall;
    if (!waterfall) {
      return 'This is the first stored score, so there is no earlier score to compare with.';
    }
    return `From ${waterfall.previousText} to ${waterfall.currentText}, largest changes first.`;
  }

  get modelChangeText(): string {
    const scorecard = this.scorecard;
    if (
      !scorecard?.previousAsOf ||
      scorecard.previousModelVersion === null ||
      scorecard.previousModelVersion === scorecard.modelVersion
    ) {
      return '';
    }
    return (
      `The health model changed from version ${scorecard.previousModelVersion} to ${scorecard.modelVersion} between ` +
      'these scores, so part of the change comes from the model, not from the customer.'
    );
  }

  get overrideRows(): OverrideRow[] {
    return (this.scorecard?.overrides ?? []).map((override, index) => ({
      key: override.id ?? `override-${index}`,
      title: `${override.measureLabel ?? OVERALL_OPTION_LABEL}: ${formatScore(override.value)}`,
      detail: `${override.status ?? 'Requested'}, expires on ${override.expiresOn ?? 'an unknown date'}`,
      reason: override.reason ?? ''
    }));
  }

  get hasOverrides(): boolean {
    return this.overrideRows.length > 0;
  }

  get measureOptions(): MeasureOption[] {
    const measures = (this.scorecard?.overrideMeasures ?? [])
      .filter((option) => option.name !== null)
      .map((option) => ({ label: option.label ?? (option.name as string), value: option.name as string }));
    return [{ label: OVERALL_OPTION_LABEL, value: '' }, ...measures];
  }

  get minExpiry(): string {
    return addDays(localToday(), 1);
  }

  get maxExpiry(): string {
    return addDays(localToday(), MAX_OVERRIDE_DAYS);
  }

  get formErrorList(): string[] {
    return FORM_FIELDS.map((field) => this.formErrors[field]).filter(
      (message): message is string => message !== undefined
    );
  }

  get hasFormErrors(): boolean {
    return this.formErrorList.length > 0;
  }

  get formErrorText(): string {
    return `Fix ${this.formErrorList.length === 1 ? 'this problem' : 'these problems'}: ${this.formErrorList.join(' ')}`;
  }

  handleOpenOverrideForm(): void {
    this.form = emptyForm();
    this.formErrors = {};
    this.showOverrideForm = true;
    this.focusOnRender = '[data-field="measure"]';
  }

  handleCancelOverride(): void {
    this.showOverrideForm = false;
    this.formErrors = {};
    this.focusOnRender = '[data-id="request-override"]';
  }

  handleFieldChange(event: CustomEvent<{ value: string }>): void {
    const field = (event.target as HTMLElement).dataset.field as keyof OverrideForm | undefined;
    if (field === undefined) {
      return;
    }
    this.form = { ...this.form, [field]: event.detail.value ?? '' };
  }

  async handleSubmitOverride(): Promise<void> {
    if (!this.recordId || this.isWorking) {
      return;
    }
    this.formErrors = validateOverrideForm(this.form, localToday());
    // Each input shows its message next to the field, and its own checks also catch text the number input rejects.
    let inputsValid = true;
    for (const field of FORM_FIELDS) {
      const input = this.template?.querySelector<ValidatableElement>(`[data-field="${field}"]`);
      if (input) {
        input.setCustomValidity(this.formErrors[field] ?? '');
        // Only false counts as invalid, because an input whose reportValidity returns nothing has no check of its own.
        inputsValid = input.reportValidity() !== false && inputsValid;
      }
    }
    if (this.hasFormErrors || !inputsValid) {
      return;
    }

    this.isWorking = true;
    const measureLabel =
      this.measureOptions.find((option) => option.value === this.form.measure)?.label ?? OVERALL_OPTION_LABEL;
    try {
      await requestOverride({
        accountId: this.recordId,
        measure: this.form.measure,
        value: Number(this.form.value.trim()),
        reason: this.form.reason.trim(),
        expiresOn: this.form.expiresOn
      });
      this.showToast(
        'Override requested',
        `Request to set ${measureLabel} to ${formatScore(Number(this.form.value))} until ${this.form.expiresOn} ` +
          'sent. It applies once your manager approves it.',
        'success'
      );
      this.showOverrideForm = false;
      this.focusOnRender = '[data-id="request-override"]';
      await this.refresh();
    } catch (error: unknown) {
      this.showToast('The override request was not saved', reduceErrors(error).join(' '), 'error');
    } finally {
      this.isWorking = false;
    }
  }

  async handleRecalculate(): Promise<void> {
    if (!this.recordId || this.isWorking) {
      return;
    }
    this.isWorking = true;
    try {
      const fresh = await recalculate({ accountId: this.recordId });
      this.scorecard = fresh;
      this.loadError = undefined;
      const band = fresh.isInsufficient ? 'insufficient data' : (fresh.band ?? '');
      this.showToast('Health score recalculated', `New score ${formatScore(fresh.score)} (${band}).`, 'success');
      await this.refresh();
    } catch (error: unknown) {
      this.showToast('The health score was not recalculated', reduceErrors(error).join(' '), 'error');
    } finally {
      this.isWorking = false;
    }
  }

  private async refresh(): Promise<void> {
    if (this.wiredResult) {
      await refreshApex(this.wiredResult);
    }
  }

  private showToast(title: string, message: string, variant: 'success' | 'error'): void {
    this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
  }
}

import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getCountdown from '@salesforce/apex/RenewalCountdownController.getCountdown';
import recordCall from '@salesforce/apex/RenewalCountdownController.recordCall';
import { reduceErrors } from 'c/ldsUtils';
import {
  ACCESS_DENIED_PREFIX,
  CALL_OPTIONS,
  MAX_CALL_NOTE,
  bandBadgeClass,
  buildCheckpointRows,
  describeCallResult,
  describeDataSignal,
  describeDaysToRenewal,
  describeSource,
  formatScore,
  playbookLabel,
  previewCall,
  recordUrl,
  summarizeCheckpoints,
  validateCallForm
} from './countdownView';
import type { CallForm, CallFormErrors, CallPreview, CheckpointRow, DaysToRenewal, Option } from './countdownView';

type Countdown = ApexTypes.RenewalCountdownController_CountdownView;

/** Value that the getCountdown wire provisions, which refreshApex takes back to reload it. */
interface WiredCountdown {
  data?: Countdown;
  error?: unknown;
}

/** A checkpoint row with the call form open under it, if any. */
interface DisplayRow extends CheckpointRow {
  showCallAction: boolean;
  showCallForm: boolean;
  isActionDisabled: boolean;
}

/** Methods that input base components expose for custom validation messages. */
interface ValidatableElement extends HTMLElement {
  setCustomValidity(message: string): void;
  reportValidity(): boolean;
}

const FORM_FIELDS: (keyof CallForm)[] = ['call', 'note'];

/**
 * Renewal countdown of an Account. It shows the renewal date and where it comes from, the days left, the current
 * health band as the data signal, and the renewal checkpoints from 365 to 30 days before with their playbook Tasks.
 * At the checkpoints that take a renewal call, the CSM records Commit, At risk or Upside; a call more than one band
 * away from the health band is flagged for the manager.
 */
export default class RenewalCountdown extends LightningElement {
  /** Id of the Account, set by the record page. */
  @api recordId?: string;

  countdown?: Countdown;
  loadError?: unknown;
  isLoading = true;
  isSaving = false;
  formDaysBefore: number | null = null;
  form: CallForm = { call: '', note: '' };
  formErrors: CallFormErrors = {};

  readonly callOptions: Option[] = CALL_OPTIONS;
  readonly maxNoteLength = MAX_CALL_NOTE;

  private wiredResult?: WiredCountdown;
  private focusOnRender: string | null = null;

  @wire(getCountdown, { accountId: '$recordId' })
  receiveCountdown(result: WiredCountdown): void {
    this.wiredResult = result;
    if (result.data) {
      this.countdown = result.data;
      this.loadError = undefined;
      this.isLoading = false;
    } else if (result.error) {
      this.countdown = undefined;
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

  get hasCountdown(): boolean {
    return this.countdown !== undefined;
  }

  get hasRenewalDate(): boolean {
    return Boolean(this.countdown?.renewalDate);
  }

  get isWithoutRenewal(): boolean {
    return this.hasCountdown && !this.hasRenewalDate;
  }

  get renewalDate(): string {
    return this.countdown?.renewalDate ?? '';
  }

  get daysToRenewal(): DaysToRenewal {
    return describeDaysToRenewal(this.countdown?.daysToRenewal);
  }

  get daysClass(): string {
    return this.daysToRenewal.isPassed ? 'slds-text-heading_medium slds-text-color_error' : 'slds-text-heading_medium';
  }

  get sourcePrefix(): string {
    // The space is part of the value, because the template compiler drops white space between text and an element.
    return `${describeSource(this.countdown?.renewalSource)}: `;
  }

  get sourceName(): string {
    const countdown = this.countdown;
    return countdown?.sourceName ?? countdown?.sourceRecordId ?? '';
  }

  get sourceUrl(): string {
    return recordUrl(this.countdown?.sourceRecordId);
  }

  get hasSourceLink(): boolean {
    return this.sourceUrl !== '';
  }

  get dataBand(): string {
    return this.countdown?.dataBand ?? '';
  }

  get hasBandBadge(): boolean {
    return bandBadgeClass(this.countdown?.dataBand) !== '';
  }

  get bandClass(): string {
    return bandBadgeClass(this.countdown?.dataBand);
  }

  get scoreText(): string {
    const score = formatScore(this.countdown?.dataScore);
    return score === '' ? '' : `Score ${score} out of 100`;
  }

  get dataSignalText(): string {
    return describeDataSignal(this.countdown?.dataBand, this.countdown?.dataScore);
  }

  get hasDisagreement(): boolean {
    return this.countdown?.hasDisagreement === true;
  }

  get asOfText(): string {
    const asOf = this.countdown?.asOf;
    return asOf ? `Countdown as of ${asOf}.` : '';
  }

  get canRecordCall(): boolean {
    return this.countdown?.canRecordCall === true;
  }

  get rows(): DisplayRow[] {
    return buildCheckpointRows(this.countdown).map((row) => ({
      ...row,
      showCallAction: this.canRecordCall && row.isCallOpen && this.formDaysBefore !== row.daysBefore,
      showCallForm: this.canRecordCall && row.isCallOpen && this.formDaysBefore === row.daysBefore,
      isActionDisabled: this.isSaving || this.formDaysBefore !== null
    }));
  }

  get hasCheckpoints(): boolean {
    return (this.countdown?.checkpoints?.length ?? 0) > 0;
  }

  get summaryText(): string {
    return summarizeCheckpoints(buildCheckpointRows(this.countdown));
  }

  get formHeading(): string {
    const checkpoint = this.countdown?.checkpoints?.find((item) => item.daysBefore === this.formDaysBefore);
    const label = playbookLabel(checkpoint?.playbook);
    return `Renewal call at ${this.formDaysBefore ?? ''} days before (${label})`;
  }

  get callPreview(): CallPreview | null {
    return previewCall(this.form.call, this.countdown?.dataBand);
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

  get noteLengthText(): string {
    return `${this.form.note.trim().length} of ${MAX_CALL_NOTE} characters`;
  }

  handleOpenCallForm(event: Event): void {
    const daysBefore = Number((event.currentTarget as HTMLElement | null)?.dataset.daysBefore);
    const checkpoint = this.countdown?.checkpoints?.find((item) => item.daysBefore === daysBefore);
    if (!checkpoint) {
      return;
    }
    // Revising starts from the recorded call, so the CSM changes only what moved.
    this.form = { call: checkpoint.call ?? '', note: checkpoint.callNote ?? '' };
    this.formErrors = {};
    this.formDaysBefore = daysBefore;
    this.focusOnRender = '[data-field="call"]';
  }

  handleCancel(): void {
    this.closeForm();
  }

  handleFieldChange(event: CustomEvent<{ value: string }>): void {
    const field = (event.target as HTMLElement).dataset.field as keyof CallForm | undefined;
    if (field === undefined) {
      return;
    }
    this.form = { ...this.form, [field]: event.detail.value ?? '' };
  }

  async handleSubmitCall(): Promise<void> {
    const daysBefore = this.formDaysBefore;
    if (!this.recordId || daysBefore === null || this.isSaving || !this.checkForm()) {
      return;
    }
    this.isSaving = true;
    try {
      const result = await recordCall({
        accountId: this.recordId,
        daysBefore,
        call: this.form.call,
        note: this.form.note.trim()
      });
      const toast = describeCallResult(result);
      this.dispatchEvent(new ShowToastEvent(toast));
      this.closeForm();
      await this.refresh();
    } catch (error: unknown) {
      this.dispatchEvent(
        new ShowToastEvent({
          title: 'The renewal call was not saved',
          message: reduceErrors(error).join(' '),
          variant: 'error'
        })
      );
    } finally {
      this.isSaving = false;
    }
  }

  private closeForm(): void {
    const daysBefore = this.formDaysBefore;
    this.formDaysBefore = null;
    this.formErrors = {};
    if (daysBefore !== null) {
      this.focusOnRender = `[data-action="call"][data-days-before="${daysBefore}"]`;
    }
  }

  /** Shows each message next to its field and in the form's summary; returns true when the form may be sent. */
  private checkForm(): boolean {
    this.formErrors = validateCallForm(this.form);
    let inputsValid = true;
    for (const field of FORM_FIELDS) {
      const input = this.template?.querySelector<ValidatableElement>(`[data-field="${field}"]`);
      if (input) {
        input.setCustomValidity(this.formErrors[field] ?? '');
        // Only false counts as invalid, because an input whose reportValidity returns nothing has no check of its own.
        inputsValid = input.reportValidity() !== false && inputsValid;
      }
    }
    return !this.hasFormErrors && inputsValid;
  }

  private async refresh(): Promise<void> {
    if (this.wiredResult) {
      await refreshApex(this.wiredResult);
    }
  }
}

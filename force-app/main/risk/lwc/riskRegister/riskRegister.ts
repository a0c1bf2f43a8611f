import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getRegister from '@salesforce/apex/RiskRegisterController.getRegister';
import createRisk from '@salesforce/apex/RiskRegisterController.createRisk';
import escalate from '@salesforce/apex/RiskRegisterController.escalate';
import logCheckIn from '@salesforce/apex/RiskRegisterController.logCheckIn';
import closeRisk from '@salesforce/apex/RiskRegisterController.closeRisk';
import { reduceErrors } from 'c/ldsUtils';
import { customerSlug } from 'c/healthReport';
import { renderRiskPlan } from 'c/riskEngine';
import {
  ACCESS_DENIED_PREFIX,
  CATEGORY_OPTIONS,
  CLOSING_STATUSES,
  MAX_CHECK_IN_DAYS,
  SEVERITY_OPTIONS,
  addDays,
  buildPlanInput,
  buildRiskRows,
  localToday,
  validateCheckInForm,
  validateCloseForm,
  validateCreateForm,
  validateEscalateForm
} from './registerView';
import type { CheckInForm, CloseForm, CreateForm, EscalateForm, Option, RiskRow } from './registerView';

type Register = ApexTypes.RiskRegisterController_Register;

/** Value that the getRegister wire provisions, which refreshApex takes back to reload it. */
interface WiredRegister {
  data?: Register;
  error?: unknown;
}

/** The form that is open: a new risk, or an action on one risk. */
type FormKind = 'create' | 'escalate' | 'checkIn' | 'close';

/** Values of every form by field name. Each form reads only its own fields. */
type FormValues = CreateForm & EscalateForm & CheckInForm & CloseForm;

/** A risk row with the form open under it, if any. */
interface DisplayRow extends RiskRow {
  showEscalateForm: boolean;
  showCheckInForm: boolean;
  showCloseForm: boolean;
  canEscalate: boolean;
  isActionDisabled: boolean;
}

/** Input base components expose these for custom validation messages. */
interface ValidatableElement extends HTMLElement {
  setCustomValidity(message: string): void;
  reportValidity(): boolean;
}

const FIELDS_BY_FORM: Record<FormKind, (keyof FormValues)[]> = {
  create: ['category', 'severity', 'evidence', 'resolutionCriteria'],
  escalate: ['reason'],
  checkIn: ['notes', 'nextCheckIn'],
  close: ['status', 'note']
};

function emptyForm(): FormValues {
  return {
    category: '',
    severity: '',
    evidence: '',
    resolutionCriteria: '',
    reason: '',
    notes: '',
    nextCheckIn: '',
    status: '',
    note: ''
  };
}

/**
 * Risk register of an Account. It lists the open and mitigating risks by severity with their evidence, leading
 * indicator, owner, escalation rung and deadline, check-ins (overdue ones highlighted), resolution criteria, ARR at
 * risk and open mitigation Tasks. Its actions record, escalate, check in on and close a risk, and export the risk
 * mitigation plan as Markdown.
 */
export default class RiskRegister extends LightningElement {
  /** Id of the Account, set by the record page. */
  @api recordId?: string;

  register?: Register;
  loadError?: unknown;
  isLoading = true;
  isWorking = false;
  formKind: FormKind | null = null;
  formRiskId: string | null = null;
  form: FormValues = emptyForm();
  formErrors: Partial<Record<keyof FormValues, string>> = {};

  readonly categoryOptions: Option[] = CATEGORY_OPTIONS;
  readonly severityOptions: Option[] = SEVERITY_OPTIONS;
  readonly closingOptions: Option[] = CLOSING_STATUSES;

  private wiredResult?: WiredRegister;
  private focusOnRender: string | null = null;
  private planUrl: string | null = null;

  @wire(getRegister, { accountId: '$recordId' })
  receiveRegister(result: WiredRegister): void {
    this.wiredResult = result;
    if (result.data) {
      this.register = result.data;
      this.loadError = undefined;
      this.isLoading = false;
    } else if (result.error) {
      this.register = undefined;
      this.loadError = result.error;
      this.isLoading = false;
    }
  }

  override disconnectedCallback(): void {
    this.releasePlanUrl();
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

  get hasRegister(): boolean {
    return this.register !== undefined;
  }

  get hasRisks(): boolean {
    return (this.register?.risks?.length ?? 0) > 0;
  }

  get isEmpty(): boolean {
    return this.hasRegister && !this.hasRisks;
  }

  get canCreate(): boolean {
    return this.register?.permissions?.canCreate === true;
  }

  get showCreateButton(): boolean {
    return this.canCreate && this.formKind !== 'create';
  }

  get showCreateForm(): boolean {
    return this.formKind === 'create';
  }

  get today(): string {
    return this.register?.today ?? localToday();
  }

  get emptyText(): string {
    const ended = this.register?.endedCount ?? 0;
    const history = ended > 0 ? ` ${ended} earlier ${ended === 1 ? 'risk has' : 'risks have'} ended.` : '';
    return `No open risk on this account. Detection opens one when health drops or a leading indicator fires.${history}`;
  }

  get summaryText(): string {
    const rows = this.rows;
    const overdue = rows.filter((row) => row.isCheckInOverdue).length;
    const overdueText = overdue > 0 ? `, ${overdue} with an overdue check-in` : '';
    return `${rows.length} open ${rows.length === 1 ? 'risk' : 'risks'}${overdueText}, most severe first.`;
  }

  get rows(): DisplayRow[] {
    const permissions = this.register?.permissions;
    return buildRiskRows(this.register).map((row) => {
      const isThisRisk = this.formRiskId === row.id;
      return {
        ...row,
        showEscalateForm: isThisRisk && this.formKind === 'escalate',
        showCheckInForm: isThisRisk && this.formKind === 'checkIn',
        showCloseForm: isThisRisk && this.formKind === 'close',
        canEscalate: permissions?.canEscalate === true && row.nextRung !== null,
        isActionDisabled: this.isWorking || this.formKind !== null
      };
    });
  }

  get canLogCheckIn(): boolean {
    return this.register?.permissions?.canLogCheckIn === true;
  }

  get canClose(): boolean {
    return this.register?.permissions?.canClose === true;
  }

  get minCheckIn(): string {
    return addDays(this.today, 1);
  }

  get maxCheckIn(): string {
    return addDays(this.today, MAX_CHECK_IN_DAYS);
  }

  get formErrorList(): string[] {
    if (this.formKind === null) {
      return [];
    }
    return FIELDS_BY_FORM[this.formKind]
      .map((field) => this.formErrors[field])
      .filter((message): message is string => message !== undefined);
  }

  get hasFormErrors(): boolean {
    return this.formErrorList.length > 0;
  }

  get formErrorText(): string {
    return `Fix ${this.formErrorList.length === 1 ? 'this problem' : 'these problems'}: ${this.formErrorList.join(' ')}`;
  }

  handleOpenCreate(): void {
    this.openForm('create', null, '[data-field="category"]');
  }

  handleOpenEscalate(event: Event): void {
    this.openForm('escalate', this.riskIdOf(event), '[data-field="reason"]');
  }

  handleOpenCheckIn(event: Event): void {
    this.openForm('checkIn', this.riskIdOf(event), '[data-field="notes"]');
  }

  handleOpenClose(event: Event): void {
    this.openForm('close', this.riskIdOf(event), '[data-field="status"]');
  }

  handleCancel(): void {
    this.closeForm();
  }

  handleFieldChange(event: CustomEvent<{ value: string }>): void {
    const field = (event.target as HTMLElement).dataset.field as keyof FormValues | undefined;
    if (field === undefined) {
      return;
    }
    this.form = { ...this.form, [field]: event.detail.value ?? '' };
  }

  async handleSubmitCreate(): Promise<void> {
    if (!this.recordId || !this.checkForm(validateCreateForm(this.form))) {
      return;
    }
    const accountId = this.recordId;
    const severity = this.form.severity;
    await this.submit(
      () =>
        createRisk({
          accountId,
          category: this.form.category,
          severity,
          evidence: this.form.evidence.trim(),
          resolutionCriteria: this.form.resolutionCriteria.trim()
        }),
      () => ['Risk recorded', `The ${severity} risk is on the CSM rung with a weekly check-in.`],
      'The risk was not saved'
    );
  }

  async handleSubmitEscalate(): Promise<void> {
    const riskId = this.formRiskId;
    if (!riskId || !this.checkForm(validateEscalateForm(this.form))) {
      return;
    }
    await this.submit(
      () => escalate({ riskId, reason: this.form.reason.trim() }),
      (result) => {
        const owner = result.isOwnerChanged
          ? `${result.ownerName ?? 'The next level'} now owns it`
          : `${result.ownerName ?? 'The owner'} still owns it, because no active user holds the parent role`;
        return [
          `Escalated to ${result.toRung ?? 'the next rung'}`,
          `${owner}. The rung deadline is ${result.rungDeadline ?? 'not set'}.`
        ];
      },
      'The risk was not escalated'
    );
  }

  async handleSubmitCheckIn(): Promise<void> {
    const riskId = this.formRiskId;
    if (!riskId || !this.checkForm(validateCheckInForm(this.form, this.today))) {
      return;
    }
    const nextCheckIn = this.form.nextCheckIn;
    const params: { riskId: string; notes: string; nextCheckIn?: string } = { riskId, notes: this.form.notes.trim() };
    if (nextCheckIn !== '') {
      params.nextCheckIn = nextCheckIn;
    }
    await this.submit(
      // Without a date Apex receives null and follows the risk's cadence. The generated declaration of the Apex
      // method marks every parameter as required, although Apex accepts a missing one as null.
      () => logCheckIn(params as Parameters<typeof logCheckIn>[0]),
      () => [
        'Check-in logged',
        nextCheckIn === '' ? 'The next check-in follows the cadence of the risk.' : `Next check-in on ${nextCheckIn}.`
      ],
      'The check-in was not logged'
    );
  }

  async handleSubmitClose(): Promise<void> {
    const riskId = this.formRiskId;
    if (!riskId || !this.checkForm(validateCloseForm(this.form))) {
      return;
    }
    const status = this.form.status;
    await this.submit(
      () => closeRisk({ riskId, status, note: this.form.note.trim() }),
      () => ['Risk ended', `The risk is ${status}. Detection may open a new one if the signal returns.`],
      'The risk was not closed'
    );
  }

  handleExportPlan(): void {
    const register = this.register;
    if (!register || !this.hasRisks) {
      return;
    }
    const fileName = `${customerSlug(register.accountName ?? '')}-risk-plan.md`;
    try {
      const markdown = renderRiskPlan(buildPlanInput(register));
      // The previous file's URL is released only now, because a download may still read it after the click returns.
      this.releasePlanUrl();
      this.planUrl = URL.createObjectURL(new Blob([markdown], { type: 'text/markdown;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = this.planUrl;
      link.download = fileName;
      link.click();
      this.showToast('Risk plan exported', `Downloaded ${fileName}.`, 'success');
    } catch (error: unknown) {
      this.showToast('The risk plan was not exported', reduceErrors(error).join(' '), 'error');
    }
  }

  private releasePlanUrl(): void {
    if (this.planUrl !== null) {
      URL.revokeObjectURL(this.planUrl);
      this.planUrl = null;
    }
  }

  private riskIdOf(event: Event): string | null {
    return (event.currentTarget as HTMLElement | null)?.dataset.riskId ?? null;
  }

  private openForm(kind: FormKind, riskId: string | null, focusSelector: string): void {
    this.form = emptyForm();
    this.formErrors = {};
    this.formKind = kind;
    this.formRiskId = riskId;
    this.focusOnRender = focusSelector;
  }

  private closeForm(): void {
    const kind = this.formKind;
    const riskId = this.formRiskId;
    this.formKind = null;
    this.formRiskId = null;
    this.formErrors = {};
    this.focusOnRender =
      kind === 'create' || riskId === null
        ? '[data-id="new-risk"]'
        : `[data-action="${kind}"][data-risk-id="${riskId}"]`;
  }

  /** Shows each message next to its field and in the form's summary; returns true when the form may be sent. */
  private checkForm(errors: Partial<Record<keyof FormValues, string>>): boolean {
    if (this.isWorking || this.formKind === null) {
      return false;
    }
    this.formErrors = errors;
    let inputsValid = true;
    for (const field of FIELDS_BY_FORM[this.formKind]) {
      const input = this.template?.querySelector<ValidatableElement>(`[data-field="${field}"]`);
      if (input) {
        input.setCustomValidity(errors[field] ?? '');
        // Only false counts as invalid, because an input whose reportValidity returns nothing has no check of its own.
        inputsValid = input.reportValidity() !== false && inputsValid;
      }
    }
    return !this.hasFormErrors && inputsValid;
  }

  private async submit<T>(
    call: () => Promise<T>,
    success: (result: T) => [string, string],
    failureTitle: string
  ): Promise<void> {
    this.isWorking = true;
    try {
      const result = await call();
      const [title, message] = success(result);
      this.showToast(title, message, 'success');
      this.closeForm();
      await this.refresh();
    } catch (error: unknown) {
      this.showToast(failureTitle, reduceErrors(error).join(' '), 'error');
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

import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getPlan from '@salesforce/apex/SuccessPlanController.getPlan';
import getTemplates from '@salesforce/apex/SuccessPlanController.getTemplates';
import createFromTemplate from '@salesforce/apex/SuccessPlanController.createFromTemplate';
import updatePlan from '@salesforce/apex/SuccessPlanController.updatePlan';
import updateObjective from '@salesforce/apex/SuccessPlanController.updateObjective';
import setMilestoneCompleted from '@salesforce/apex/SuccessPlanController.setMilestoneCompleted';
import getCountdown from '@salesforce/apex/RenewalCountdownController.getCountdown';
import { reduceErrors } from 'c/ldsUtils';
import { renderSuccessPlan, successPlanFileName } from 'c/planEngine';
import { renderReadiness } from 'c/qbrEngine';
import type { ReadinessResult } from 'c/qbrEngine';
import {
  ACCESS_DENIED_PREFIX,
  OBJECTIVE_STATUS_OPTIONS,
  PLAN_STAGE_OPTIONS,
  PLAN_STATUS_OPTIONS,
  buildMilestoneRows,
  buildObjectiveRows,
  buildPlanHeader,
  contactOptions,
  localToday,
  planStatusLabel,
  templateOptions
} from './planView';
import type { MilestoneRow, ObjectiveRow, Option, PlanHeader } from './planView';
import {
  CLOSING_PLAN_STATUSES,
  MAX_CADENCE_DAYS,
  MIN_CADENCE_DAYS,
  createParamsOf,
  objectiveFormOf,
  objectiveParamsOf,
  planFormOf,
  planParamsOf,
  validateCreateForm,
  validateObjectiveForm,
  validatePlanForm
} from './planForms';
import type { CreateForm, FormErrors, ObjectiveForm, PlanForm } from './planForms';
import { buildReportInput } from './planReport';
import { planReadinessOf, readinessPanelOf } from './planReadiness';
import type { ReadinessPanel } from './planReadiness';

type PlanView = ApexTypes.SuccessPlanController_PlanView;
type TemplateOption = ApexTypes.SuccessPlanController_TemplateOption;
type CountdownView = ApexTypes.RenewalCountdownController_CountdownView;

/**
 * Appends the Readiness section to the success plan report, joined as `npm run score` joins it, so the exported file
 * matches the one the script writes for the same plan.
 */
function withReadinessSection(planMarkdown: string, readiness: ReadinessResult): string {
  return [planMarkdown.trimEnd(), '', ...renderReadiness(readiness)].join('\n').trimEnd() + '\n';
}

/** Value that an Apex wire provisions, which refreshApex takes back to reload it. */
interface WiredValue<T> {
  data?: T;
  error?: unknown;
}

/** Form of the component. Each input names its form in `data-form`. */
type FormKind = 'create' | 'plan' | 'objective';

/** An objective row with its inline editor state. */
interface DisplayObjective extends ObjectiveRow {
  isEditing: boolean;
  isActionDisabled: boolean;
}

/** A milestone row with its action state. */
interface DisplayMilestone extends MilestoneRow {
  showToggle: boolean;
  completeValue: string;
  isActionDisabled: boolean;
}

/** Input base components expose these for custom validation messages. */
interface ValidatableElement extends HTMLElement {
  setCustomValidity(message: string): void;
  reportValidity(): boolean;
}

const FIELDS_BY_FORM: Record<FormKind, string[]> = {
  create: ['templateName', 'startDate', 'executiveSponsorId', 'championId'],
  plan: ['status', 'stage', 'executiveSponsorId', 'championId', 'reviewCadenceDays', 'nextReview', 'escalationPath'],
  objective: ['currentValue', 'status', 'dueDate']
};

function emptyCreateForm(startDate: string): CreateForm {
  return { templateName: '', startDate, executiveSponsorId: '', championId: '' };
}

function errorList(errors: Record<string, string | undefined>, fields: string[]): string[] {
  return fields.map((field) => errors[field]).filter((message): message is string => message !== undefined);
}

function summaryOf(messages: string[]): string {
  return `Fix ${messages.length === 1 ? 'this problem' : 'these problems'}: ${messages.join(' ')}`;
}

/**
 * Success plan of an Account. The header shows the open plan's status, stage, dates, executive sponsor, champion,
 * review cadence and escalation path. Objectives show their progress from baseline to target, and the milestone
 * timeline shows overdue and automatically completed states. Users who may edit update objectives and the plan in
 * place and complete or reopen manual milestones. Without an open plan the component offers to create one from a
 * template. The plan exports as Markdown with its Readiness section.
 */
export default class SuccessPlan extends LightningElement {
  /** Id of the Account, set by the record page. */
  @api recordId?: string;

  view?: PlanView;
  /** Readiness of the open plan, computed when the plan view arrives. Null without an open plan. */
  readiness: ReadinessResult | null = null;
  /** Readiness panel built from `readiness`. Undefined without an open plan. */
  readinessPanel?: ReadinessPanel;
  loadError?: unknown;
  isLoading = true;
  isWorking = false;
  isExporting = false;

  templates?: TemplateOption[];
  templatesError?: unknown;

  createForm: CreateForm = emptyCreateForm('');
  createErrors: FormErrors<CreateForm> = {};

  isEditingPlan = false;
  planForm?: PlanForm;
  planErrors: FormErrors<PlanForm> = {};

  editingObjectiveId: string | null = null;
  objectiveForm?: ObjectiveForm;
  objectiveErrors: FormErrors<ObjectiveForm> = {};

  readonly planStatusOptions: Option[] = PLAN_STATUS_OPTIONS;
  readonly planStageOptions: Option[] = PLAN_STAGE_OPTIONS;
  readonly objectiveStatusOptions: Option[] = OBJECTIVE_STATUS_OPTIONS;
  readonly minCadence = MIN_CADENCE_DAYS;
  readonly maxCadence = MAX_CADENCE_DAYS;

  private wiredPlan?: WiredValue<PlanView>;
  private focusOnRender: string | null = null;
  private exportUrl: string | null = null;

  @wire(getPlan, { accountId: '$recordId' })
  receivePlan(result: WiredValue<PlanView>): void {
    this.wiredPlan = result;
    if (result.data) {
      this.view = result.data;
      this.readiness = planReadinessOf(result.data);
      this.readinessPanel = this.readiness === null ? undefined : readinessPanelOf(this.readiness, result.data);
      this.loadError = undefined;
      this.isLoading = false;
      if (!result.data.plan && this.createForm.startDate === '') {
        this.createForm = { ...this.createForm, startDate: this.today };
      }
    } else if (result.error) {
      this.view = undefined;
      this.readiness = null;
      this.readinessPanel = undefined;
      this.loadError = result.error;
      this.isLoading = false;
    }
  }

  @wire(getTemplates)
  receiveTemplates(result: WiredValue<TemplateOption[]>): void {
    if (result.data) {
      this.templates = result.data;
      this.templatesError = undefined;
    } else if (result.error) {
      this.templates = undefined;
      this.templatesError = result.error;
    }
  }

  override disconnectedCallback(): void {
    this.releaseExportUrl();
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

  get hasPlan(): boolean {
    return Boolean(this.view?.plan);
  }

  get isEmpty(): boolean {
    return this.view !== undefined && !this.hasPlan;
  }

  get canEdit(): boolean {
    return this.view?.canEdit === true;
  }

  get canCreate(): boolean {
    return this.view?.canCreate === true;
  }

  get today(): string {
    return this.view?.asOf ?? localToday();
  }

  get emptyText(): string {
    const past = this.view?.pastPlanCount ?? 0;
    const history =
      past > 0 ? ` ${past} earlier ${past === 1 ? 'plan was' : 'plans were'} completed or cancelled.` : '';
    const next = this.canCreate
      ? ' Create one from a template below.'
      : ' Ask a user who can create success plans to start one from a template.';
    return `This account has no Draft, Active or On hold success plan.${history}${next}`;
  }

  // Create form

  get isTemplatesLoading(): boolean {
    return this.templates === undefined && this.templatesError === undefined;
  }

  get hasTemplatesError(): boolean {
    return this.templatesError !== undefined;
  }

  get templateOptions(): Option[] {
    return templateOptions(this.templates);
  }

  get hasTemplates(): boolean {
    return this.templateOptions.length > 0;
  }

  get hasNoTemplates(): boolean {
    return this.templates !== undefined && !this.hasTemplates;
  }

  get selectedTemplateDescription(): string {
    const selected = (this.templates ?? []).find((template) => template.name === this.createForm.templateName);
    return selected?.description ?? '';
  }

  get contactOptions(): Option[] {
    const plan = this.view?.plan;
    return contactOptions(this.view?.contacts, [plan?.executiveSponsor, plan?.champion]);
  }

  get createErrorText(): string {
    return summaryOf(errorList(this.createErrors, FIELDS_BY_FORM.create));
  }

  get hasCreateErrors(): boolean {
    return errorList(this.createErrors, FIELDS_BY_FORM.create).length > 0;
  }

  // Plan

  get header(): PlanHeader | null {
    return this.view?.plan ? buildPlanHeader(this.view.plan) : null;
  }

  get showEditPlanButton(): boolean {
    return this.canEdit && !this.isEditingPlan;
  }

  get isEditPlanDisabled(): boolean {
    return this.isWorking || this.editingObjectiveId !== null;
  }

  get isAnyFormOpen(): boolean {
    return this.isEditingPlan || this.editingObjectiveId !== null;
  }

  get planErrorText(): string {
    return summaryOf(errorList(this.planErrors, FIELDS_BY_FORM.plan));
  }

  get hasPlanErrors(): boolean {
    return errorList(this.planErrors, FIELDS_BY_FORM.plan).length > 0;
  }

  get closingNote(): string {
    const status = this.planForm?.status ?? '';
    if (!CLOSING_PLAN_STATUSES.includes(status)) {
      return '';
    }
    return (
      `Saving with status ${planStatusLabel(status)} closes the plan: it leaves this page and cannot be edited ` +
      'again. You can then create a new plan from a template.'
    );
  }

  get objectiveRows(): DisplayObjective[] {
    return buildObjectiveRows(this.view?.plan).map((row) => ({
      ...row,
      isEditing: row.id === this.editingObjectiveId,
      isActionDisabled: this.isWorking || this.isAnyFormOpen
    }));
  }

  get hasObjectives(): boolean {
    return (this.view?.plan?.objectives?.length ?? 0) > 0;
  }

  get objectiveErrorText(): string {
    return summaryOf(errorList(this.objectiveErrors, FIELDS_BY_FORM.objective));
  }

  get hasObjectiveErrors(): boolean {
    return errorList(this.objectiveErrors, FIELDS_BY_FORM.objective).length > 0;
  }

  get milestoneRows(): DisplayMilestone[] {
    return buildMilestoneRows(this.view?.plan, this.canEdit).map((row) => ({
      ...row,
      showToggle: row.canComplete || row.canReopen,
      completeValue: row.canComplete ? 'true' : 'false',
      isActionDisabled: this.isWorking || this.isAnyFormOpen
    }));
  }

  get hasReadinessMissing(): boolean {
    return (this.readinessPanel?.missing.length ?? 0) > 0;
  }

  get hasMilestones(): boolean {
    return (this.view?.plan?.milestones?.length ?? 0) > 0;
  }

  // Field changes

  handleFieldChange(event: CustomEvent<{ value: string }>): void {
    const target = event.target as HTMLElement;
    const form = target.dataset.form as FormKind | undefined;
    const field = target.dataset.field;
    if (!form || !field) {
      return;
    }
    const value = event.detail?.value ?? '';
    if (form === 'create') {
      this.createForm = { ...this.createForm, [field]: value };
    } else if (form === 'plan' && this.planForm) {
      this.planForm = { ...this.planForm, [field]: value };
    } else if (form === 'objective' && this.objectiveForm) {
      this.objectiveForm = { ...this.objectiveForm, [field]: value };
    }
  }

  // Create a plan

  async handleSubmitCreate(): Promise<void> {
    const accountId = this.recordId;
    if (!accountId || this.isWorking) {
      return;
    }
    this.createErrors = validateCreateForm(this.createForm, this.today, this.templateOptions, this.contactOptions);
    if (!this.reportFields('create', this.createErrors)) {
      return;
    }
    const params = createParamsOf(this.createForm, accountId);
    const templateLabel =
      (this.templates ?? []).find((template) => template.name === params.templateName)?.label ?? params.templateName;
    await this.submit(
      // The generated declaration marks every parameter as required, but Apex receives a missing contact as null.
      () => createFromTemplate(params as unknown as Parameters<typeof createFromTemplate>[0]),
      ['Success plan created', `The ${templateLabel} plan starts on ${params.startDate} and is Active.`],
      'The success plan was not created',
      () => {
        this.createForm = emptyCreateForm(this.today);
        this.createErrors = {};
        this.focusOnRender = '[data-id="plan-name"]';
      }
    );
  }

  // Edit the plan

  handleOpenPlanForm(): void {
    const plan = this.view?.plan;
    if (!plan || this.isAnyFormOpen) {
      return;
    }
    this.planForm = planFormOf(plan);
    this.planErrors = {};
    this.isEditingPlan = true;
    this.focusOnRender = '[data-form="plan"][data-field="status"]';
  }

  handleCancelPlanForm(): void {
    this.closePlanForm();
  }

  async handleSubmitPlan(): Promise<void> {
    const planId = this.view?.plan?.id;
    const form = this.planForm;
    if (!planId || !form || this.isWorking) {
      return;
    }
    this.planErrors = validatePlanForm(form, this.today, this.contactOptions);
    if (!this.reportFields('plan', this.planErrors)) {
      return;
    }
    const params = planParamsOf(form, planId);
    const isClosing = CLOSING_PLAN_STATUSES.includes(params.status);
    const message = isClosing
      ? `The plan is ${planStatusLabel(params.status)} and closed. Create a new plan from a template when the customer needs one.`
      : 'The plan header is up to date.';
    await this.submit(
      // The generated declaration marks every parameter as required, but Apex receives a cleared field as null.
      () => updatePlan(params as unknown as Parameters<typeof updatePlan>[0]),
      ['Success plan saved', message],
      'The success plan was not saved',
      () => this.closePlanForm()
    );
  }

  // Edit an objective

  handleOpenObjective(event: Event): void {
    const objectiveId = this.dataOf(event, 'objectiveId');
    const objective = (this.view?.plan?.objectives ?? []).find((item) => item.id === objectiveId);
    if (!objectiveId || !objective || this.isAnyFormOpen) {
      return;
    }
    this.objectiveForm = objectiveFormOf(objective);
    this.objectiveErrors = {};
    this.editingObjectiveId = objectiveId;
    this.focusOnRender = '[data-form="objective"][data-field="currentValue"]';
  }

  handleCancelObjective(): void {
    this.closeObjectiveForm();
  }

  async handleSubmitObjective(): Promise<void> {
    const objectiveId = this.editingObjectiveId;
    const form = this.objectiveForm;
    if (!objectiveId || !form || this.isWorking) {
      return;
    }
    this.objectiveErrors = validateObjectiveForm(form);
    if (!this.reportFields('objective', this.objectiveErrors)) {
      return;
    }
    const params = objectiveParamsOf(form, objectiveId);
    await this.submit(
      // The generated declaration marks every parameter as required, but Apex receives a cleared field as null.
      () => updateObjective(params as unknown as Parameters<typeof updateObjective>[0]),
      ['Objective updated', 'The progress of the plan is recalculated with the new values.'],
      'The objective was not saved',
      () => this.closeObjectiveForm()
    );
  }

  // Complete or reopen a milestone

  async handleToggleMilestone(event: Event): Promise<void> {
    const milestoneId = this.dataOf(event, 'milestoneId');
    const completed = this.dataOf(event, 'complete') === 'true';
    if (!milestoneId || this.isWorking) {
      return;
    }
    const name = (this.view?.plan?.milestones ?? []).find((item) => item.id === milestoneId)?.name ?? 'The milestone';
    await this.submit(
      () => setMilestoneCompleted({ milestoneId, completed }),
      completed
        ? ['Milestone completed', `${name} is marked complete as of today.`]
        : ['Milestone reopened', `${name} is open again.`],
      completed ? 'The milestone was not completed' : 'The milestone was not reopened',
      () => {
        this.focusOnRender = `[data-id="milestone-toggle"][data-milestone-id="${milestoneId}"]`;
      }
    );
  }

  // Export

  async handleExport(): Promise<void> {
    const view = this.view;
    if (!view?.plan || this.isExporting) {
      return;
    }
    this.isExporting = true;
    try {
      const [countdown, countdownProblem] = await this.loadCountdown(view);
      const fileName = successPlanFileName(view.accountName ?? '');
      const planMarkdown = renderSuccessPlan(buildReportInput(view, countdown));
      const markdown = this.readiness === null ? planMarkdown : withReadinessSection(planMarkdown, this.readiness);
      // The previous file's URL is released only now, because a download may still read it after the click returns.
      this.releaseExportUrl();
      this.exportUrl = URL.createObjectURL(new Blob([markdown], { type: 'text/markdown;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = this.exportUrl;
      link.download = fileName;
      link.click();
      if (countdownProblem === '') {
        this.showToast('Success plan exported', `Downloaded ${fileName}.`, 'success');
      } else {
        this.showToast(
          'Success plan exported without the renewal checkpoints',
          `Downloaded ${fileName}. The renewal countdown could not be read: ${countdownProblem}`,
          'warning'
        );
      }
    } catch (error: unknown) {
      this.showToast('The success plan was not exported', reduceErrors(error).join(' '), 'error');
    } finally {
      this.isExporting = false;
    }
  }

  /** Reads the renewal countdown for the report. When the read fails, the report leaves it out and the message is returned. */
  private async loadCountdown(view: PlanView): Promise<[CountdownView | null, string]> {
    const accountId = view.accountId ?? this.recordId;
    if (!accountId) {
      return [null, ''];
    }
    try {
      return [await getCountdown({ accountId }), ''];
    } catch (error: unknown) {
      return [null, reduceErrors(error).join(' ')];
    }
  }

  private releaseExportUrl(): void {
    if (this.exportUrl !== null) {
      URL.revokeObjectURL(this.exportUrl);
      this.exportUrl = null;
    }
  }

  private dataOf(event: Event, key: string): string | null {
    return (event.currentTarget as HTMLElement | null)?.dataset[key] ?? null;
  }

  private closePlanForm(): void {
    this.isEditingPlan = false;
    this.planErrors = {};
    this.focusOnRender = '[data-id="edit-plan"]';
  }

  private closeObjectiveForm(): void {
    const objectiveId = this.editingObjectiveId;
    this.editingObjectiveId = null;
    this.objectiveErrors = {};
    this.focusOnRender = objectiveId === null ? null : `[data-id="edit-objective"][data-objective-id="${objectiveId}"]`;
  }

  /** Shows each message on its field, and returns true when the form has no problem and may be sent. */
  private reportFields(kind: FormKind, errors: Record<string, string | undefined>): boolean {
    let inputsValid = true;
    for (const field of FIELDS_BY_FORM[kind]) {
      const input = this.template?.querySelector<ValidatableElement>(`[data-form="${kind}"][data-field="${field}"]`);
      if (input) {
        input.setCustomValidity(errors[field] ?? '');
        // Only false counts as invalid, because an input whose reportValidity returns nothing has no check of its own.
        inputsValid = input.reportValidity() !== false && inputsValid;
      }
    }
    return errorList(errors, FIELDS_BY_FORM[kind]).length === 0 && inputsValid;
  }

  private async submit(
    call: () => Promise<unknown>,
    success: [string, string],
    failureTitle: string,
    afterSuccess: () => void
  ): Promise<void> {
    this.isWorking = true;
    try {
      await call();
      this.showToast(success[0], success[1], 'success');
      afterSuccess();
      await this.refresh();
    } catch (error: unknown) {
      this.showToast(failureTitle, reduceErrors(error).join(' '), 'error');
    } finally {
      this.isWorking = false;
    }
  }

  private async refresh(): Promise<void> {
    if (this.wiredPlan) {
      await refreshApex(this.wiredPlan);
    }
  }

  private showToast(title: string, message: string, variant: 'success' | 'warning' | 'error'): void {
    this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
  }
}

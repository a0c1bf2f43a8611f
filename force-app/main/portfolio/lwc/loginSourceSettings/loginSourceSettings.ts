import { LightningElement } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getLoginSourceSettings from '@salesforce/apex/CockpitSettingsController.getLoginSourceSettings';
import saveLoginSourceSettings from '@salesforce/apex/CockpitSettingsController.saveLoginSourceSettings';
import getDeploymentStatus from '@salesforce/apex/CockpitSettingsController.getDeploymentStatus';
import { reduceErrors } from 'c/ldsUtils';
import {
  ACCESS_DENIED_PREFIX,
  errorsByField,
  isRuleField,
  toForm,
  toPayload,
  toRuleForm,
  updateRule
} from './settingsForm';
import type { RuleForm, SettingsForm } from './settingsForm';

type LoginSourceSettingsData = ApexTypes.CockpitSettingsController_LoginSourceSettings;
type ToastVariant = 'success' | 'warning' | 'error';
type DeploymentState = 'idle' | 'deploying' | 'succeeded' | 'failed' | 'timedOut';

/** Time between two checks of a deployment's state, in milliseconds. */
export const POLL_INTERVAL_MS = 2000;
/** Checks of a deployment's state before the component stops waiting: 2 minutes at POLL_INTERVAL_MS. */
export const MAX_POLLS = 60;

/** Input base components expose these for custom validation messages. */
interface ValidatableElement extends HTMLElement {
  setCustomValidity(message: string): void;
  reportValidity(): boolean;
}

/** A rule of the form with the field names its inputs report errors under. */
interface RuleRow extends RuleForm {
  position: number;
  legend: string;
  isStored: boolean;
  hasAccountName: boolean;
  fields: Record<string, string>;
}

/** One problem of the summary above the form. */
interface SummaryItem {
  key: string;
  text: string;
}

/**
 * Login sources tab of the admin settings page. It shows the settings that the nightly LoginHistory roll-up reads:
 * login types, success status, integration users, scoring scope, back-fill, batch sizes and the rules that attribute
 * internal users to an account. The problems the jobs report for them are listed above the form. A save sends every
 * value to Apex, which checks them and deploys the custom metadata records. Invalid values come back per field and are
 * shown on their inputs. While the deployment runs, the component checks its state every 2 seconds, and it reloads the
 * settings when the deployment has succeeded.
 */
export default class LoginSourceSettings extends LightningElement {
  settings?: LoginSourceSettingsData;
  form?: SettingsForm;
  loadError?: unknown;
  isLoading = true;
  isSaving = false;
  fieldErrors: Record<string, string> = {};
  deploymentState: DeploymentState = 'idle';
  deploymentId = '';
  deploymentMessage = '';

  private newRuleCount = 0;
  private pollTimer?: ReturnType<typeof setTimeout>;
  private pollCount = 0;
  /** True after a rejected save, so the next render moves focus to the problem summary and it is announced. */
  private focusSummaryOnRender = false;

  override connectedCallback(): void {
    // load() catches its own failures and shows them, so the promise needs no handler here.
    this.load();
  }

  override renderedCallback(): void {
    if (!this.focusSummaryOnRender) {
      return;
    }
    this.focusSummaryOnRender = false;
    this.template?.querySelector<HTMLElement>('[data-id="error-summary"]')?.focus();
  }

  override disconnectedCallback(): void {
    this.stopPolling();
  }

  get permissionDeniedMessage(): string {
    if (this.loadError === undefined) {
      return '';
    }
    return reduceErrors(this.loadError).find((message) => message.startsWith(ACCESS_DENIED_PREFIX)) ?? '';
  }

  get isPermissionDenied(): boolean {
    return this.permissionDeniedMessage !== '';
  }

  get hasLoadError(): boolean {
    return this.loadError !== undefined && !this.isPermissionDenied;
  }

  get hasForm(): boolean {
    return this.form !== undefined;
  }

  get problems(): SummaryItem[] {
    return (this.settings?.problems ?? []).map((text, index) => ({ key: `problem-${index}`, text }));
  }

  get hasProblems(): boolean {
    return this.problems.length > 0;
  }

  get hasNoSettingsRecord(): boolean {
    return this.settings?.hasSettingsRecord === false;
  }

  get knownLoginTypes(): string[] {
    return this.settings?.knownLoginTypes ?? [];
  }

  get knownLoginTypeSummary(): string {
    return `Login types you can enter (${this.knownLoginTypes.length})`;
  }

  get maxLoginBackfillDays(): number {
    return this.settings?.maxLoginBackfillDays ?? 365;
  }

  get maxRollupBatchSize(): number {
    return this.settings?.maxRollupBatchSize ?? 31;
  }

  get maxScoringBatchSize(): number {
    return this.settings?.maxScoringBatchSize ?? 200;
  }

  get ruleRows(): RuleRow[] {
    return (this.form?.rules ?? []).map((rule, index) => {
      const prefix = `attributionRules.${index}.`;
      return {
        ...rule,
        position: index + 1,
        legend: rule.isNew ? `New rule ${index + 1}` : `Rule ${index + 1}: ${rule.label || rule.name}`,
        isStored: !rule.isNew,
        hasAccountName: rule.accountName !== '',
        fields: {
          name: `${prefix}name`,
          label: `${prefix}label`,
          accountId: `${prefix}accountId`,
          profileName: `${prefix}profileName`,
          roleName: `${prefix}roleName`,
          department: `${prefix}department`,
          sortOrder: `${prefix}sortOrder`
        }
      };
    });
  }

  get hasRules(): boolean {
    return this.ruleRows.length > 0;
  }

  get summaryItems(): SummaryItem[] {
    return Object.entries(this.fieldErrors).map(([field, text]) => ({ key: field, text }));
  }

  get hasSummary(): boolean {
    return this.summaryItems.length > 0;
  }

  get summaryHeading(): string {
    const count = this.summaryItems.length;
    return `The settings were not saved. Fix ${count === 1 ? 'this problem' : `these ${count} problems`}:`;
  }

  get isDeploying(): boolean {
    return this.deploymentState === 'deploying';
  }

  get isBusy(): boolean {
    return this.isSaving || this.isDeploying;
  }

  get hasDeploymentResult(): boolean {
    return (
      this.deploymentState === 'succeeded' || this.deploymentState === 'failed' || this.deploymentState === 'timedOut'
    );
  }

  get deploymentBoxClass(): string {
    const theme = this.deploymentState === 'succeeded' ? 'slds-theme_success' : 'slds-theme_warning';
    return `slds-box slds-m-bottom_small ${this.deploymentState === 'failed' ? 'slds-theme_error' : theme}`;
  }

  get deploymentText(): string {
    switch (this.deploymentState) {
      case 'deploying':
        return `Deploying the settings (deployment ${this.deploymentId}). This usually takes less than a minute.`;
      case 'succeeded':
        return `Saved. Deployment ${this.deploymentId} succeeded, and the next run of the health job reads the new values.`;
      case 'failed':
        return `The settings were not saved. ${this.deploymentMessage}`;
      case 'timedOut':
        return (
          `Deployment ${this.deploymentId} has not finished after 2 minutes. Check Setup, Deployment Status, then ` +
          'select Reload.'
        );
      default:
        return '';
    }
  }

  handleFieldChange(event: Event): void {
    const target = event.target as HTMLInputElement;
    const field = target.dataset.field as keyof SettingsForm | undefined;
    if (!this.form || !field || field === 'rules') {
      return;
    }
    const value = field === 'isLoginRollupEnabled' ? target.checked : (target.value ?? '');
    this.form = { ...this.form, [field]: value };
  }

  handleRuleChange(event: Event): void {
    const target = event.target as HTMLInputElement;
    const key = target.dataset.ruleKey;
    const field = target.dataset.ruleField ?? '';
    if (!this.form || !key || !isRuleField(field)) {
      return;
    }
    this.form = { ...this.form, rules: updateRule(this.form.rules, key, field, target.value ?? '') };
  }

  handleAddRule(): void {
    if (!this.form) {
      return;
    }
    this.newRuleCount++;
    this.form = { ...this.form, rules: [...this.form.rules, toRuleForm(null, `new-${this.newRuleCount}`)] };
  }

  handleRemoveRule(event: Event): void {
    const key = (event.currentTarget as HTMLElement).dataset.ruleKey;
    if (!this.form || !key) {
      return;
    }
    this.form = { ...this.form, rules: this.form.rules.filter((rule) => rule.key !== key || !rule.isNew) };
  }

  handleDiscard(): void {
    if (this.settings) {
      this.form = toForm(this.settings);
      this.showFieldErrors({});
    }
  }

  async handleReload(): Promise<void> {
    if (this.isBusy) {
      return;
    }
    this.deploymentState = 'idle';
    await this.load();
  }

  async handleSave(): Promise<void> {
    if (!this.form || !this.settings || this.isBusy) {
      return;
    }
    const payload = toPayload(this.form, this.settings);
    if (payload.settings === null) {
      this.showFieldErrors(payload.errors);
      return;
    }
    this.isSaving = true;
    this.deploymentState = 'idle';
    try {
      const result = await saveLoginSourceSettings({ settings: payload.settings });
      if (result.isValid !== true || !result.deploymentId) {
        this.showFieldErrors(errorsByField(result.fieldErrors));
        return;
      }
      this.showFieldErrors({});
      this.startPolling(result.deploymentId);
    } catch (error: unknown) {
      this.showToast('The login-source settings were not saved', reduceErrors(error).join(' '), 'error');
    } finally {
      this.isSaving = false;
    }
  }

  private startPolling(deploymentId: string): void {
    this.stopPolling();
    this.deploymentId = deploymentId;
    this.deploymentMessage = '';
    this.deploymentState = 'deploying';
    this.pollCount = 0;
    this.schedulePoll();
  }

  private schedulePoll(): void {
    // eslint-disable-next-line @lwc/lwc/no-async-operation -- the deployment's state is checked at an interval
    this.pollTimer = setTimeout(() => {
      // poll() catches its own failures and shows them, so the promise needs no handler here.
      this.poll();
    }, POLL_INTERVAL_MS);
  }

  private stopPolling(): void {
    if (this.pollTimer !== undefined) {
      clearTimeout(this.pollTimer);
      this.pollTimer = undefined;
    }
  }

  private async poll(): Promise<void> {
    this.pollTimer = undefined;
    this.pollCount++;
    try {
      const deployment = await getDeploymentStatus({ deploymentId: this.deploymentId });
      if (deployment.status === 'Succeeded') {
        this.deploymentState = 'succeeded';
        this.showToast('Login-source settings saved', this.deploymentText, 'success');
        await this.load();
        return;
      }
      if (deployment.status === 'Failed') {
        this.deploymentMessage = deployment.message ?? 'The deployment failed without a message.';
        this.deploymentState = 'failed';
        this.showToast('The login-source settings were not saved', this.deploymentMessage, 'error');
        return;
      }
    } catch (error: unknown) {
      this.deploymentMessage = reduceErrors(error).join(' ');
      this.deploymentState = 'failed';
      return;
    }
    if (this.pollCount >= MAX_POLLS) {
      this.deploymentState = 'timedOut';
      return;
    }
    this.schedulePoll();
  }

  /** Shows each message on the input of its field and lists all of them above the form. */
  private showFieldErrors(errors: Record<string, string>): void {
    this.fieldErrors = errors;
    this.focusSummaryOnRender = Object.keys(errors).length > 0;
    const inputs = this.template?.querySelectorAll<ValidatableElement>('[data-validates]') ?? [];
    for (const input of Array.from(inputs)) {
      const field = input.dataset.validates ?? '';
      input.setCustomValidity(errors[field] ?? '');
      input.reportValidity();
    }
  }

  private async load(): Promise<void> {
    try {
      const settings = await getLoginSourceSettings();
      this.settings = settings;
      this.form = toForm(settings);
      this.fieldErrors = {};
      this.loadError = undefined;
    } catch (error: unknown) {
      this.settings = undefined;
      this.form = undefined;
      this.loadError = error;
    } finally {
      this.isLoading = false;
    }
  }

  private showToast(title: string, message: string, variant: ToastVariant): void {
    this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
  }
}

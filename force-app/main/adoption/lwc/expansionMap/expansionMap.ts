import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { NavigationMixin } from 'lightning/navigation';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getExpansionMap from '@salesforce/apex/ExpansionMapController.getExpansionMap';
import recordTrigger from '@salesforce/apex/ExpansionMapController.recordTrigger';
import handOff from '@salesforce/apex/ExpansionMapController.handOff';
import { reduceErrors } from 'c/ldsUtils';
import { expansionMapFileName, renderExpansionMap } from 'c/adoptionEngine';
import {
  ACCESS_DENIED_PREFIX,
  HYPOTHESIS_LENGTH,
  TRIGGER_DESCRIPTION_LENGTH,
  TRIGGER_TYPE_OPTIONS,
  buildChampionRows,
  buildExpansionMapModel,
  buildFootprintRows,
  buildGridGroups,
  buildOpportunityRows,
  buildTriggerRows,
  emptyTriggerForm,
  triggerTypeLabel,
  validateHypothesis,
  validateTriggerForm
} from './mapView';
import type {
  ChampionRow,
  FootprintRow,
  FormErrors,
  GridGroup,
  OpportunityRow,
  Option,
  TriggerForm,
  TriggerRow
} from './mapView';

type ExpansionMap = ApexTypes.ExpansionMapController_ExpansionMap;

/** Value that an Apex wire provisions, which refreshApex takes back to reload it. */
interface WiredValue<T> {
  data?: T;
  error?: unknown;
}

/** An opportunity with the state of its Hand off button. */
interface DisplayOpportunity extends OpportunityRow {
  isActionDisabled: boolean;
}

/** Input base components expose these for custom validation messages. */
interface ValidatableElement extends HTMLElement {
  setCustomValidity(message: string): void;
  reportValidity(): boolean;
}

const TRIGGER_FIELDS: (keyof TriggerForm)[] = ['type', 'occurredOn', 'description'];

function localToday(now: Date = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

/**
 * Expansion map of an Account. The whitespace grid shows each product of the catalog as Owned, Ready, Developing, Not
 * ready or Unknown, with its readiness and reason. Below it come the products the account owns, business triggers,
 * champions, and per whitespace product the recommended approach with its reason and the value hypothesis with its
 * evidence. Users who may record triggers add one with its type, date and description. "Hand off" opens a dialog
 * with the editable hypothesis and then creates an Opportunity that carries it with the evidence and approach. A toast
 * links to the new Opportunity, and the product then shows as handed off. The map exports as Markdown.
 */
export default class ExpansionMapComponent extends NavigationMixin(LightningElement) {
  /** Id of the Account, set by the record page. */
  @api recordId?: string;

  map?: ExpansionMap;
  loadError?: unknown;
  isLoading = true;
  isWorking = false;
  isExporting = false;

  isTriggerFormOpen = false;
  triggerForm: TriggerForm = emptyTriggerForm('');
  triggerErrors: FormErrors = {};

  /** ProductCode of the product whose hand-off dialog is open; null when it is closed. */
  handOffProductCode: string | null = null;
  hypothesisDraft = '';
  hypothesisError = '';

  readonly triggerTypeOptions: Option[] = TRIGGER_TYPE_OPTIONS;
  readonly descriptionLength = TRIGGER_DESCRIPTION_LENGTH;
  readonly hypothesisLength = HYPOTHESIS_LENGTH;

  private wiredMap?: WiredValue<ExpansionMap>;
  private focusOnRender: string | null = null;
  private exportUrl: string | null = null;

  @wire(getExpansionMap, { accountId: '$recordId' })
  receiveMap(result: WiredValue<ExpansionMap>): void {
    this.wiredMap = result;
    if (result.data) {
      this.map = result.data;
      this.loadError = undefined;
      this.isLoading = false;
    } else if (result.error) {
      this.map = undefined;
      this.loadError = result.error;
      this.isLoading = false;
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
    if (target) {
      this.focusOnRender = null;
      target.focus();
    }
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

  get hasMap(): boolean {
    return this.map !== undefined;
  }

  get hasCatalog(): boolean {
    return (this.map?.catalog ?? []).length > 0;
  }

  get emptyText(): string {
    return (
      this.map?.emptyMessage ??
      'No expansion product is configured. Ask your admin to add active Expansion Product records.'
    );
  }

  get today(): string {
    return this.map?.asOf ?? localToday();
  }

  get gridCaption(): string {
    const month = this.map?.adoptionMonth
      ? ` Readiness uses the adoption of ${this.map.adoptionMonth.slice(0, 7)}.`
      : '';
    return `Whitespace: each product of the catalog with its status, readiness and reason.${month}`;
  }

  get gridGroups(): GridGroup[] {
    return this.map ? buildGridGroups(this.map) : [];
  }

  get footprintRows(): FootprintRow[] {
    return this.map ? buildFootprintRows(this.map) : [];
  }

  get hasFootprint(): boolean {
    return this.footprintRows.length > 0;
  }

  get triggerRows(): TriggerRow[] {
    return this.map ? buildTriggerRows(this.map) : [];
  }

  get hasTriggers(): boolean {
    return this.triggerRows.length > 0;
  }

  get championRows(): ChampionRow[] {
    return this.map ? buildChampionRows(this.map) : [];
  }

  get hasChampions(): boolean {
    return this.championRows.length > 0;
  }

  get opportunityRows(): DisplayOpportunity[] {
    return (this.map ? buildOpportunityRows(this.map) : []).map((row) => ({
      ...row,
      isActionDisabled: this.isWorking || this.handOffProductCode !== null
    }));
  }

  get hasOpportunities(): boolean {
    return this.opportunityRows.length > 0;
  }

  get showRecordTrigger(): boolean {
    return this.map?.canRecordTriggers === true && !this.isTriggerFormOpen;
  }

  get triggerErrorText(): string {
    const messages = TRIGGER_FIELDS.map((field) => this.triggerErrors[field]).filter(Boolean);
    return `Fix ${messages.length === 1 ? 'this problem' : 'these problems'}: ${messages.join(' ')}`;
  }

  get hasTriggerErrors(): boolean {
    return TRIGGER_FIELDS.some((field) => this.triggerErrors[field] !== undefined);
  }

  // Hand-off dialog

  get isHandOffOpen(): boolean {
    return this.handOffProductCode !== null;
  }

  get handOffRow(): OpportunityRow | null {
    return this.opportunityRows.find((row) => row.productCode === this.handOffProductCode) ?? null;
  }

  get handOffEvidence(): { key: string; text: string }[] {
    return this.handOffRow?.evidence ?? [];
  }

  get hasHandOffEvidence(): boolean {
    return this.handOffEvidence.length > 0;
  }

  get handOffHeading(): string {
    return `Hand off ${this.handOffRow?.productName ?? 'the product'} to sales`;
  }

  get handOffDescription(): string {
    return (
      `Creates an Opportunity for ${this.map?.accountName ?? 'the account'} in the first open stage, closing in 90 ` +
      'days, with the value hypothesis below, the evidence and the recommended approach. Edit the hypothesis before ' +
      'it goes to sales.'
    );
  }

  // Record a trigger

  handleOpenTriggerForm(): void {
    this.triggerForm = emptyTriggerForm(this.today);
    this.triggerErrors = {};
    this.isTriggerFormOpen = true;
    this.focusOnRender = '[data-form="trigger"][data-field="type"]';
  }

  handleCancelTriggerForm(): void {
    this.closeTriggerForm();
  }

  handleTriggerFieldChange(event: CustomEvent<{ value: string }>): void {
    const field = (event.target as HTMLElement).dataset.field as keyof TriggerForm | undefined;
    if (field && TRIGGER_FIELDS.includes(field)) {
      this.triggerForm = { ...this.triggerForm, [field]: event.detail?.value ?? '' };
    }
  }

  async handleSubmitTrigger(): Promise<void> {
    const accountId = this.map?.accountId ?? this.recordId;
    if (!accountId || this.isWorking) {
      return;
    }
    this.triggerErrors = validateTriggerForm(this.triggerForm, this.today);
    if (!this.reportFields('trigger', TRIGGER_FIELDS, this.triggerErrors)) {
      return;
    }
    const form = this.triggerForm;
    this.isWorking = true;
    try {
      await recordTrigger({
        accountId,
        type: form.type,
        occurredOn: form.occurredOn,
        description: form.description.trim()
      });
      this.showToast(
        'Business trigger recorded',
        `${triggerTypeLabel(form.type)} on ${form.occurredOn} is recorded; the approach of each product is recalculated.`,
        'success'
      );
      this.closeTriggerForm();
      await this.refresh();
    } catch (error: unknown) {
      this.showToast('The business trigger was not recorded', reduceErrors(error).join(' '), 'error');
    } finally {
      this.isWorking = false;
    }
  }

  // Hand off

  handleOpenHandOff(event: Event): void {
    const productCode = (event.currentTarget as HTMLElement | null)?.dataset.productCode ?? '';
    const row = this.opportunityRows.find((item) => item.productCode === productCode);
    if (!row || !row.canHandOff || this.isHandOffOpen) {
      return;
    }
    this.handOffProductCode = productCode;
    this.hypothesisDraft = row.hypothesis;
    this.hypothesisError = '';
    this.focusOnRender = '[data-id="hypothesis"]';
  }

  handleHypothesisChange(event: CustomEvent<{ value: string }>): void {
    this.hypothesisDraft = event.detail?.value ?? '';
  }

  handleCancelHandOff(): void {
    this.closeHandOff();
  }

  handleDialogKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && !this.isWorking) {
      event.preventDefault();
      this.closeHandOff();
      return;
    }
    if (event.key !== 'Tab') {
      return;
    }
    // Focus stays in the modal dialog: Tab from its last control goes to the first, Shift+Tab from the first to the last.
    const first = this.template?.querySelector<HTMLElement>('[data-id="hypothesis"]');
    const last = this.template?.querySelector<HTMLElement>('[data-id="confirm-handoff"]');
    if (!event.shiftKey && event.target === last) {
      event.preventDefault();
      first?.focus();
    } else if (event.shiftKey && event.target === first) {
      event.preventDefault();
      last?.focus();
    }
  }

  async handleConfirmHandOff(): Promise<void> {
    const accountId = this.map?.accountId ?? this.recordId;
    const productCode = this.handOffProductCode;
    const row = this.handOffRow;
    if (!accountId || productCode === null || !row || this.isWorking) {
      return;
    }
    this.hypothesisError = validateHypothesis(this.hypothesisDraft);
    const input = this.template?.querySelector<ValidatableElement>('[data-id="hypothesis"]');
    input?.setCustomValidity(this.hypothesisError);
    input?.reportValidity();
    if (this.hypothesisError !== '') {
      return;
    }
    this.isWorking = true;
    try {
      const opportunityId = await handOff({ accountId, productCode, hypothesis: this.hypothesisDraft.trim() });
      this.closeHandOff();
      await this.refresh();
      const name = (this.map?.catalog ?? []).find(
        (product) => product.openOpportunityId === opportunityId
      )?.openOpportunityName;
      const url = await this[NavigationMixin.GenerateUrl]({
        type: 'standard__recordPage',
        attributes: { recordId: opportunityId, objectApiName: 'Opportunity', actionName: 'view' }
      });
      this.dispatchEvent(
        new ShowToastEvent({
          title: `${row.productName} handed off to sales`,
          message: 'Opportunity {0} carries the value hypothesis, the evidence and the recommended approach.',
          messageData: [{ url, label: name ?? 'the new Opportunity' }],
          variant: 'success'
        })
      );
      this.focusOnRender = `[data-id="handed-off"][data-product-code="${productCode}"]`;
    } catch (error: unknown) {
      this.showToast(`${row.productName} was not handed off`, reduceErrors(error).join(' '), 'error');
    } finally {
      this.isWorking = false;
    }
  }

  handleOpenOpportunity(event: Event): void {
    const opportunityId = (event.currentTarget as HTMLElement | null)?.dataset.opportunityId;
    if (!opportunityId) {
      return;
    }
    // The link keeps its href for opening in a new tab; a plain click navigates inside Lightning Experience.
    event.preventDefault();
    this[NavigationMixin.Navigate]({
      type: 'standard__recordPage',
      attributes: { recordId: opportunityId, objectApiName: 'Opportunity', actionName: 'view' }
    });
  }

  // Export

  handleExport(): void {
    const map = this.map;
    if (!map || this.isExporting) {
      return;
    }
    this.isExporting = true;
    try {
      const fileName = expansionMapFileName(map.accountName ?? '');
      const markdown = renderExpansionMap(buildExpansionMapModel(map));
      // The previous file's URL is released only now, because a download may still read it after the click returns.
      this.releaseExportUrl();
      this.exportUrl = URL.createObjectURL(new Blob([markdown], { type: 'text/markdown;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = this.exportUrl;
      link.download = fileName;
      link.click();
      this.showToast('Expansion map exported', `Downloaded ${fileName}.`, 'success');
    } catch (error: unknown) {
      this.showToast('The expansion map was not exported', reduceErrors(error).join(' '), 'error');
    } finally {
      this.isExporting = false;
    }
  }

  private closeTriggerForm(): void {
    this.isTriggerFormOpen = false;
    this.triggerErrors = {};
    this.focusOnRender = '[data-id="record-trigger"]';
  }

  private closeHandOff(): void {
    const productCode = this.handOffProductCode;
    this.handOffProductCode = null;
    this.hypothesisError = '';
    this.focusOnRender = productCode === null ? null : `[data-id="hand-off"][data-product-code="${productCode}"]`;
  }

  /** Shows each message on its field, and returns true when the form has no problem and may be sent. */
  private reportFields(form: string, fields: readonly string[], errors: FormErrors): boolean {
    let inputsValid = true;
    for (const field of fields) {
      const input = this.template?.querySelector<ValidatableElement>(`[data-form="${form}"][data-field="${field}"]`);
      if (input) {
        input.setCustomValidity(errors[field] ?? '');
        // Only false counts as invalid, because an input whose reportValidity returns nothing has no check of its own.
        inputsValid = input.reportValidity() !== false && inputsValid;
      }
    }
    return fields.every((field) => errors[field] === undefined) && inputsValid;
  }

  private async refresh(): Promise<void> {
    if (this.wiredMap) {
      await refreshApex(this.wiredMap);
    }
  }

  private releaseExportUrl(): void {
    if (this.exportUrl !== null) {
      URL.revokeObjectURL(this.exportUrl);
      this.exportUrl = null;
    }
  }

  private showToast(title: string, message: string, variant: 'success' | 'error'): void {
    this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
  }
}

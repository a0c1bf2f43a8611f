import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { CurrentPageReference } from 'lightning/navigation';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getPlaybooks from '@salesforce/apex/AdoptionPlaybookController.getPlaybooks';
import suggestPlaybook from '@salesforce/apex/AdoptionPlaybookController.suggestPlaybook';
import createPlaybook from '@salesforce/apex/AdoptionPlaybookController.createPlaybook';
import setStatus from '@salesforce/apex/AdoptionPlaybookController.setStatus';
import { reduceErrors } from 'c/ldsUtils';
import { BARRIERS, adoptionPlaybookFileName, renderAdoptionPlaybook } from 'c/adoptionEngine';
import type { Barrier } from 'c/adoptionEngine';
import {
  ACCESS_DENIED_PREFIX,
  PLAYBOOK_STATE_KEYS,
  buildPlaybookModel,
  buildPlaybookRows,
  featureOptions,
  parseSegmentKey,
  segmentKeyOf,
  segmentLabel,
  segmentOptions,
  summarizeSuggestion
} from './playbookView';
import type { Option, PlaybookRow, SuggestionSummary } from './playbookView';
import {
  BARRIER_TEXT_LENGTH,
  addableBarrierOptions,
  addedDraft,
  createParamsOf,
  draftsOf,
  emptyCreateForm,
  localToday,
  sortDrafts,
  sprintPreview,
  validateCreateForm,
  withSuggestedTarget
} from './playbookForms';
import type { BarrierDraft, CreateForm, FormErrors, SprintPreviewRow } from './playbookForms';

type PlaybookList = ApexTypes.AdoptionPlaybookController_PlaybookList;
type PlaybookSuggestion = ApexTypes.AdoptionPlaybookController_PlaybookSuggestion;

/** Value that an Apex wire provisions, which refreshApex takes back to reload it. */
interface WiredValue<T> {
  data?: T;
  error?: unknown;
}

/** A feature and segment that the page state of a link requests for the create flow. */
interface PlaybookLink {
  featureKey: string;
  segmentType: string;
  segment: string;
}

/** A barrier draft with what its editor shows. */
interface DisplayDraft extends BarrierDraft {
  key: string;
  isAdded: boolean;
  groupLabel: string;
  sourceText: string;
  keepLabel: string;
  actionLabel: string;
  evidenceLabel: string;
  removeTitle: string;
  actionField: string;
  evidenceField: string;
  className: string;
}

/** A playbook card with the state of its actions. */
interface DisplayPlaybook extends PlaybookRow {
  showStatusMenu: boolean;
  isActionDisabled: boolean;
  isExporting: boolean;
}

/** Input base components expose these for custom validation messages. */
interface ValidatableElement extends HTMLElement {
  setCustomValidity(message: string): void;
  reportValidity(): boolean;
}

/** Order of the create form's fields in the problem summary; barrier fields follow in diagnosis order. */
const CREATE_FIELDS = ['featureKey', 'segmentKey', 'barriers', 'targetPercent', 'targetDate'];

function errorMessages(errors: FormErrors): string[] {
  const barrierFields = BARRIERS.flatMap((barrier) => [`evidence:${barrier}`, `action:${barrier}`]);
  return [...CREATE_FIELDS, ...barrierFields]
    .map((field) => errors[field])
    .filter((message): message is string => message !== undefined);
}

function linkOf(state: Record<string, unknown> | undefined): PlaybookLink | null {
  const text = (key: string): string => {
    const value = state?.[key];
    return typeof value === 'string' ? value.trim() : '';
  };
  const featureKey = text(PLAYBOOK_STATE_KEYS.featureKey);
  if (featureKey === '') {
    return null;
  }
  const segmentType = text(PLAYBOOK_STATE_KEYS.segmentType) || 'All';
  const segment = segmentType === 'All' ? 'All' : text(PLAYBOOK_STATE_KEYS.segment);
  return { featureKey, segmentType, segment };
}

/**
 * Feature adoption playbooks of an Account. Each card shows the feature and segment, the status, the current adoption
 * against the target with a progress bar, the barriers with their evidence and actions, and the sprint Tasks open and
 * done. Users who may edit change the status; Completed and Cancelled close a playbook. The create flow takes a
 * feature and segment, shows the diagnosis that AdoptionPlaybookController.suggestPlaybook proposes, and lets the user
 * keep, remove, add and rewrite barriers and set the target and its date before creating the playbook with its sprint.
 * A link to the Account page whose state names a feature in `c__playbookFeature`, with `c__playbookSegmentType` and
 * `c__playbookSegment`, opens the create flow for that feature and segment, or moves the focus to the pair's Active
 * playbook when it has one. The "Start playbook" and "Open playbook" buttons of the adoptionScorecard component set
 * these keys. Each playbook exports as Markdown.
 */
export default class AdoptionPlaybook extends LightningElement {
  /** Id of the Account, set by the record page. */
  @api recordId?: string;

  list?: PlaybookList;
  loadError?: unknown;
  isLoading = true;
  isWorking = false;
  exportingId: string | null = null;

  isCreateOpen = false;
  form: CreateForm = emptyCreateForm();
  drafts: BarrierDraft[] = [];
  suggestion: PlaybookSuggestion | null = null;
  isSuggesting = false;
  suggestError?: unknown;
  formErrors: FormErrors = {};
  barrierToAdd = '';

  readonly barrierTextLength = BARRIER_TEXT_LENGTH;

  private wiredList?: WiredValue<PlaybookList>;
  private pendingLink: PlaybookLink | null = null;
  private handledLinkKey = '';
  /** Feature and segment that a link asked for, kept as options when the choices lack them. */
  private linkedFeature: Option | null = null;
  private linkedSegmentKey = '';
  private suggestionRequest = 0;
  private focusOnRender: string | null = null;
  private exportUrl: string | null = null;

  @wire(getPlaybooks, { accountId: '$recordId' })
  receivePlaybooks(result: WiredValue<PlaybookList>): void {
    this.wiredList = result;
    if (result.data) {
      this.list = result.data;
      this.loadError = undefined;
      this.isLoading = false;
      this.openPendingLink();
    } else if (result.error) {
      this.list = undefined;
      this.loadError = result.error;
      this.isLoading = false;
    }
  }

  @wire(CurrentPageReference)
  receivePageReference(reference?: { state?: Record<string, unknown> }): void {
    const link = linkOf(reference?.state);
    if (link === null) {
      return;
    }
    this.pendingLink = link;
    this.openPendingLink();
  }

  override disconnectedCallback(): void {
    this.releaseExportUrl();
  }

  override renderedCallback(): void {
    this.applyPendingFocus();
  }

  /** Focuses the element of focusOnRender when it is rendered; otherwise the next render tries again. */
  private applyPendingFocus(): void {
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

  get hasList(): boolean {
    return this.list !== undefined;
  }

  get canCreate(): boolean {
    return this.list?.canCreate === true;
  }

  get canEdit(): boolean {
    return this.list?.canEdit === true;
  }

  get showNewButton(): boolean {
    return this.canCreate && !this.isCreateOpen;
  }

  get today(): string {
    return this.suggestion?.startDate ?? this.list?.asOf ?? localToday();
  }

  get playbookRows(): DisplayPlaybook[] {
    if (!this.list) {
      return [];
    }
    return buildPlaybookRows(this.list, this.canEdit).map((row) => ({
      ...row,
      showStatusMenu: row.statusActions.length > 0,
      isActionDisabled: this.isWorking,
      isExporting: this.exportingId === row.id
    }));
  }

  get hasPlaybooks(): boolean {
    return (this.list?.playbooks ?? []).length > 0;
  }

  get emptyText(): string {
    const next = this.canCreate
      ? 'Start one from a flagged feature of the adoption scorecard, or with New playbook.'
      : 'Ask a user who can create adoption playbooks to start one.';
    return `This account has no adoption playbook yet. ${next}`;
  }

  // Create flow

  get featureOptions(): Option[] {
    return featureOptions(this.list?.choices, this.linkedFeatureOption);
  }

  get hasFeatureOptions(): boolean {
    return this.featureOptions.length > 0;
  }

  get segmentOptions(): Option[] {
    const extra = this.form.featureKey === this.linkedFeature?.value ? this.linkedSegmentKey : '';
    return segmentOptions(this.list?.choices, this.form.featureKey, extra);
  }

  get isSegmentDisabled(): boolean {
    return this.form.featureKey === '' || this.isWorking;
  }

  get hasSuggestion(): boolean {
    return this.suggestion !== null && !this.isSuggesting;
  }

  get hasSuggestError(): boolean {
    return this.suggestError !== undefined && !this.isSuggesting;
  }

  get summary(): SuggestionSummary | null {
    return this.suggestion ? summarizeSuggestion(this.suggestion) : null;
  }

  get hasActivePlaybook(): boolean {
    return Boolean(this.suggestion?.activePlaybookId);
  }

  get suggestingText(): string {
    return 'Diagnosing the barriers from the latest adoption facts';
  }

  get displayDrafts(): DisplayDraft[] {
    return this.drafts.map((draft) => ({
      ...draft,
      key: draft.barrier,
      isAdded: !draft.isSuggested,
      groupLabel: `${draft.barrier} barrier`,
      sourceText: draft.isSuggested ? ', suggested by the data' : ', added by you',
      keepLabel: `Keep the ${draft.barrier} barrier`,
      actionLabel: `Action against the ${draft.barrier} barrier`,
      evidenceLabel: `Evidence of the ${draft.barrier} barrier`,
      removeTitle: `Remove the ${draft.barrier} barrier`,
      actionField: `action:${draft.barrier}`,
      evidenceField: `evidence:${draft.barrier}`,
      className: draft.isKept ? 'barrier-draft' : 'barrier-draft barrier-draft_removed'
    }));
  }

  get hasDrafts(): boolean {
    return this.drafts.length > 0;
  }

  get addableBarrierOptions(): Option[] {
    return addableBarrierOptions(this.drafts);
  }

  get canAddBarrier(): boolean {
    return this.addableBarrierOptions.length > 0;
  }

  get isAddBarrierDisabled(): boolean {
    return this.barrierToAdd === '' || this.isWorking;
  }

  get sprintRows(): SprintPreviewRow[] {
    return this.suggestion ? sprintPreview(this.suggestion, this.drafts) : [];
  }

  get hasSprintRows(): boolean {
    return this.sprintRows.length > 0;
  }

  get hasAddedDrafts(): boolean {
    return this.drafts.some((draft) => !draft.isSuggested);
  }

  get formErrorText(): string {
    const messages = errorMessages(this.formErrors);
    return `Fix ${messages.length === 1 ? 'this problem' : 'these problems'}: ${messages.join(' ')}`;
  }

  get hasFormErrors(): boolean {
    return errorMessages(this.formErrors).length > 0;
  }

  get barrierError(): string {
    return this.formErrors.barriers ?? '';
  }

  get isCreateDisabled(): boolean {
    return this.isWorking || this.isSuggesting || this.suggestion === null || this.hasActivePlaybook;
  }

  handleOpenCreate(): void {
    this.openCreate(emptyCreateForm());
    this.focusOnRender = '[data-form="create"][data-field="featureKey"]';
  }

  handleCancelCreate(): void {
    this.isCreateOpen = false;
    this.resetCreate();
    this.focusOnRender = '[data-id="new-playbook"]';
  }

  handleFeatureChange(event: CustomEvent<{ value: string }>): void {
    const featureKey = event.detail?.value ?? '';
    if (featureKey === this.form.featureKey) {
      return;
    }
    this.form = emptyCreateForm(featureKey);
    this.clearSuggestion();
    const options = this.segmentOptions;
    // A feature measured in one segment only needs no second choice.
    if (options.length === 1) {
      this.form = { ...this.form, segmentKey: options[0].value };
      this.loadSuggestion();
    }
  }

  handleSegmentChange(event: CustomEvent<{ value: string }>): void {
    const segmentKey = event.detail?.value ?? '';
    if (segmentKey === this.form.segmentKey) {
      return;
    }
    this.form = { ...emptyCreateForm(this.form.featureKey), segmentKey };
    this.clearSuggestion();
    this.loadSuggestion();
  }

  handleTargetChange(event: CustomEvent<{ value: string }>): void {
    const field = (event.target as HTMLElement).dataset.field;
    if (field === 'targetPercent' || field === 'targetDate') {
      this.form = { ...this.form, [field]: event.detail?.value ?? '' };
    }
  }

  handleKeepChange(event: CustomEvent<{ checked: boolean }>): void {
    const barrier = (event.target as HTMLElement).dataset.barrier;
    const isKept = event.detail?.checked === true;
    this.drafts = this.drafts.map((draft) => (draft.barrier === barrier ? { ...draft, isKept } : draft));
  }

  handleDraftTextChange(event: CustomEvent<{ value: string }>): void {
    const target = event.target as HTMLElement;
    const barrier = target.dataset.barrier;
    const part = target.dataset.part;
    if (part !== 'action' && part !== 'evidence') {
      return;
    }
    const value = event.detail?.value ?? '';
    this.drafts = this.drafts.map((draft) => (draft.barrier === barrier ? { ...draft, [part]: value } : draft));
  }

  handleBarrierToAddChange(event: CustomEvent<{ value: string }>): void {
    this.barrierToAdd = event.detail?.value ?? '';
  }

  handleAddBarrier(): void {
    const barrier = this.barrierToAdd;
    if (!(BARRIERS as readonly string[]).includes(barrier)) {
      return;
    }
    this.drafts = sortDrafts([...this.drafts, addedDraft(barrier as Barrier)]);
    this.barrierToAdd = '';
    this.focusOnRender = `[data-part="evidence"][data-barrier="${barrier}"]`;
  }

  handleRemoveBarrier(event: Event): void {
    const barrier = (event.currentTarget as HTMLElement | null)?.dataset.barrier;
    this.drafts = this.drafts.filter((draft) => draft.isSuggested || draft.barrier !== barrier);
    this.focusOnRender = '[data-id="barrier-to-add"]';
  }

  async handleSubmitCreate(): Promise<void> {
    const accountId = this.list?.accountId ?? this.recordId;
    if (!accountId || this.isWorking) {
      return;
    }
    this.formErrors = validateCreateForm(this.form, this.drafts, this.suggestion, this.today);
    if (!this.reportFields()) {
      return;
    }
    const params = createParamsOf(this.form, this.drafts, accountId);
    const featureLabel = this.suggestion?.featureLabel ?? params.featureKey;
    const segment = segmentLabel(params.segmentType, params.segment);
    const barrierCount = params.barriers.length;
    this.isWorking = true;
    try {
      // The generated declaration types each barrier field as nullable, as these parameters send them.
      const playbookId = await createPlaybook(params as unknown as Parameters<typeof createPlaybook>[0]);
      this.showToast(
        'Adoption playbook created',
        `The ${featureLabel} playbook for ${segment} is Active with ${barrierCount} ${barrierCount === 1 ? 'barrier' : 'barriers'} and its sprint Tasks.`,
        'success'
      );
      this.isCreateOpen = false;
      this.resetCreate();
      this.focusOnRender = `[data-id="playbook-name"][data-playbook-id="${playbookId}"]`;
      await this.refresh();
    } catch (error: unknown) {
      this.showToast('The adoption playbook was not created', reduceErrors(error).join(' '), 'error');
    } finally {
      this.isWorking = false;
    }
  }

  // Status

  async handleStatusSelect(event: CustomEvent<{ value: string }>): Promise<void> {
    const playbookId = (event.currentTarget as HTMLElement | null)?.dataset.playbookId ?? '';
    const status = event.detail?.value ?? '';
    const playbook = (this.list?.playbooks ?? []).find((item) => item.id === playbookId);
    if (!playbook || status === '' || this.isWorking) {
      return;
    }
    const name = playbook.name ?? 'The playbook';
    const isClosing = status === 'Completed' || status === 'Cancelled';
    this.isWorking = true;
    try {
      await setStatus({ playbookId, status });
      this.showToast(
        'Playbook status changed',
        isClosing ? `${name} is ${status} and closed; its status no longer changes.` : `${name} is ${status}.`,
        'success'
      );
      this.focusOnRender = `[data-id="playbook-name"][data-playbook-id="${playbookId}"]`;
      await this.refresh();
    } catch (error: unknown) {
      this.showToast('The playbook status was not changed', reduceErrors(error).join(' '), 'error');
    } finally {
      this.isWorking = false;
    }
  }

  // Export

  async handleExport(event: Event): Promise<void> {
    const playbookId = (event.currentTarget as HTMLElement | null)?.dataset.playbookId ?? '';
    const list = this.list;
    const playbook = (list?.playbooks ?? []).find((item) => item.id === playbookId);
    if (!list || !playbook || this.exportingId !== null) {
      return;
    }
    this.exportingId = playbookId;
    try {
      const [suggestion, problem] = await this.loadCurrentAdoption(list, playbook);
      const featureLabel = playbook.featureLabel ?? playbook.featureKey ?? '';
      const fileName = adoptionPlaybookFileName(list.accountName ?? '', featureLabel);
      const markdown = renderAdoptionPlaybook(buildPlaybookModel(list, playbook, suggestion));
      // The previous file's URL is released only now, because a download may still read it after the click returns.
      this.releaseExportUrl();
      this.exportUrl = URL.createObjectURL(new Blob([markdown], { type: 'text/markdown;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = this.exportUrl;
      link.download = fileName;
      link.click();
      if (problem === '') {
        this.showToast('Adoption playbook exported', `Downloaded ${fileName}.`, 'success');
      } else {
        this.showToast(
          'Adoption playbook exported without the current adoption',
          `Downloaded ${fileName}. The latest adoption of the feature could not be read: ${problem}`,
          'warning'
        );
      }
    } catch (error: unknown) {
      this.showToast('The adoption playbook was not exported', reduceErrors(error).join(' '), 'error');
    } finally {
      this.exportingId = null;
    }
  }

  /**
   * Reads the proposal of the playbook's feature and segment for its latest adoption fact and the feature's value
   * statement. When the read fails, the report leaves them out and the message is returned.
   */
  private async loadCurrentAdoption(
    list: PlaybookList,
    playbook: NonNullable<PlaybookList['playbooks']>[number]
  ): Promise<[PlaybookSuggestion | null, string]> {
    const accountId = list.accountId ?? this.recordId;
    if (!accountId || !playbook.featureKey || !playbook.segmentType) {
      return [null, ''];
    }
    try {
      const suggestion = await suggestPlaybook({
        accountId,
        featureKey: playbook.featureKey,
        segmentType: playbook.segmentType,
        segment: playbook.segment ?? ''
      });
      return [suggestion, ''];
    } catch (error: unknown) {
      return [null, reduceErrors(error).join(' ')];
    }
  }

  private openPendingLink(): void {
    const link = this.pendingLink;
    if (link === null || !this.list) {
      return;
    }
    this.pendingLink = null;
    const linkKey = [link.featureKey, link.segmentType, link.segment].join('|');
    if (linkKey === this.handledLinkKey) {
      return;
    }
    this.handledLinkKey = linkKey;

    // A pair has at most one Active playbook, so a link to a pair that has one opens that playbook, not the form.
    const active = (this.list.playbooks ?? []).find(
      (playbook) =>
        playbook.status === 'Active' &&
        playbook.featureKey === link.featureKey &&
        playbook.segmentType === link.segmentType &&
        playbook.segment === link.segment
    );
    if (active?.id) {
      this.focusOnRender = `[data-id="playbook-name"][data-playbook-id="${active.id}"]`;
      // Nothing else changes, so no render follows when the card is already on the page.
      this.applyPendingFocus();
      return;
    }
    if (!this.canCreate) {
      return;
    }

    const segmentKey = segmentKeyOf(link.segmentType, link.segment);
    const choice = (this.list.choices ?? []).find((item) => item.featureKey === link.featureKey);
    this.linkedFeature = { label: choice?.featureLabel ?? link.featureKey, value: link.featureKey };
    this.linkedSegmentKey = segmentKey;
    this.openCreate(emptyCreateForm(link.featureKey, segmentKey));
    this.focusOnRender = '[data-id="create-heading"]';
    this.loadSuggestion();
  }

  private get linkedFeatureOption(): Option | null {
    const linked = this.linkedFeature;
    if (linked === null) {
      return null;
    }
    const label = this.suggestion?.featureKey === linked.value ? (this.suggestion.featureLabel ?? linked.label) : '';
    return { value: linked.value, label: label || linked.label };
  }

  private openCreate(form: CreateForm): void {
    this.resetCreate();
    this.form = form;
    this.isCreateOpen = true;
  }

  private resetCreate(): void {
    this.form = emptyCreateForm();
    this.clearSuggestion();
  }

  private clearSuggestion(): void {
    this.suggestionRequest++;
    this.suggestion = null;
    this.suggestError = undefined;
    this.isSuggesting = false;
    this.drafts = [];
    this.formErrors = {};
    this.barrierToAdd = '';
  }

  /**
   * Loads the proposal of the chosen feature and segment and fills the barriers and the target from it. It never
   * rejects, because a failure is kept in suggestError for the template, so callers need not await it.
   */
  private async loadSuggestion(): Promise<void> {
    const accountId = this.list?.accountId ?? this.recordId;
    const segment = parseSegmentKey(this.form.segmentKey);
    if (!accountId || this.form.featureKey === '' || segment === null) {
      return;
    }
    const request = ++this.suggestionRequest;
    this.isSuggesting = true;
    this.suggestError = undefined;
    try {
      const suggestion = await suggestPlaybook({
        accountId,
        featureKey: this.form.featureKey,
        segmentType: segment.segmentType,
        segment: segment.segment
      });
      // A later choice of feature or segment replaces this request, so its result is dropped.
      if (request !== this.suggestionRequest) {
        return;
      }
      this.suggestion = suggestion;
      this.drafts = draftsOf(suggestion);
      this.form = withSuggestedTarget(this.form, suggestion);
    } catch (error: unknown) {
      if (request === this.suggestionRequest) {
        this.suggestError = error;
      }
    } finally {
      if (request === this.suggestionRequest) {
        this.isSuggesting = false;
      }
    }
  }

  /** Shows each message on its field, and returns true when the form has no problem and may be sent. */
  private reportFields(): boolean {
    let inputsValid = true;
    const inputs = this.template?.querySelectorAll<ValidatableElement>('[data-form="create"][data-field]') ?? [];
    for (const input of Array.from(inputs)) {
      const field = input.dataset.field ?? '';
      input.setCustomValidity(this.formErrors[field] ?? '');
      // Only false counts as invalid, because an input whose reportValidity returns nothing has no check of its own.
      inputsValid = input.reportValidity() !== false && inputsValid;
    }
    return errorMessages(this.formErrors).length === 0 && inputsValid;
  }

  private async refresh(): Promise<void> {
    if (this.wiredList) {
      await refreshApex(this.wiredList);
    }
  }

  private releaseExportUrl(): void {
    if (this.exportUrl !== null) {
      URL.revokeObjectURL(this.exportUrl);
      this.exportUrl = null;
    }
  }

  private showToast(title: string, message: string, variant: 'success' | 'warning' | 'error'): void {
    this.dispatchEvent(new ShowToastEvent({ title, message, variant }));
  }
}

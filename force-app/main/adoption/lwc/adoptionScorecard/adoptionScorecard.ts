import { LightningElement, api, wire } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getScorecard from '@salesforce/apex/AdoptionScorecardController.getScorecard';
import { reduceErrors } from 'c/ldsUtils';
import { ALL_SEGMENT, adoptionScorecardFileName, renderAdoptionScorecard } from 'c/adoptionEngine';
import {
  ACCESS_DENIED_PREFIX,
  PLAYBOOK_STATE_KEYS,
  buildLicenseRows,
  buildMatrix,
  buildOrgLicenseRows,
  buildScorecardModel,
  buildUnderusedRows,
  defaultSegmentType,
  hasSegmentData,
  monthLabel,
  monthOptions,
  orgLicenseMessages,
  segmentTypeOptions
} from './scorecardView';
import type { LicenseRow, Matrix, Option, OrgLicenseRow, UnderusedRow } from './scorecardView';

type Scorecard = ApexTypes.AdoptionScorecardController_Scorecard;

/** Value that the getScorecard wire provisions. */
interface WiredValue<T> {
  data?: T;
  error?: unknown;
}

/** An under-used feature with the state of its Start playbook and Open playbook buttons. */
interface DisplayUnderused extends UnderusedRow {
  showStart: boolean;
  showOpen: boolean;
}

/**
 * Adoption scorecard of an Account for one month. The feature by segment matrix shows adoption against entitlement for
 * all users and for the segments of one type the user chooses, each cell with a trend arrow and a colour by target
 * (met, below, far below). The assigned share and adoption of each feature come with the org's licenses. The
 * under-used features of highest value are flagged with their enablement action.
 *
 * "Start playbook" on a flagged feature navigates to the same Account page with the page state keys of
 * PLAYBOOK_STATE_KEYS (`c__playbookFeature`, `c__playbookSegmentType`, `c__playbookSegment`). The adoptionPlaybook
 * component on that page reads them and opens its create flow for the feature and all users. A feature that already
 * has an Active playbook for all users offers "Open playbook" instead, with the same keys, and the adoptionPlaybook
 * component moves the focus to that playbook. The scorecard exports as Markdown.
 */
export default class AdoptionScorecard extends NavigationMixin(LightningElement) {
  /** Id of the Account, set by the record page. */
  @api recordId?: string;

  scorecard?: Scorecard;
  loadError?: unknown;
  isLoading = true;
  isChangingMonth = false;
  isExporting = false;

  /** Month the user chose as an ISO date; null shows the latest month with facts. */
  selectedMonth: string | null = null;
  /** Segment type the user chose for the matrix; null takes the default of the month shown. */
  chosenSegmentType: string | null = null;

  private exportUrl: string | null = null;

  @wire(getScorecard, { accountId: '$recordId', month: '$selectedMonth' })
  receiveScorecard(result: WiredValue<Scorecard>): void {
    if (result.data) {
      this.scorecard = result.data;
      this.loadError = undefined;
      this.isLoading = false;
      this.isChangingMonth = false;
    } else if (result.error) {
      this.scorecard = undefined;
      this.loadError = result.error;
      this.isLoading = false;
      this.isChangingMonth = false;
    }
  }

  override disconnectedCallback(): void {
    this.releaseExportUrl();
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

  get hasFacts(): boolean {
    return this.scorecard !== undefined && this.scorecard.isEmpty !== true;
  }

  get isEmpty(): boolean {
    return this.scorecard !== undefined && this.scorecard.isEmpty === true;
  }

  /** The segment type combobox shows only when the month has segments of some type to choose. */
  get showSegmentType(): boolean {
    return this.hasFacts && this.scorecard !== undefined && hasSegmentData(this.scorecard);
  }

  get emptyText(): string {
    return (
      this.scorecard?.emptyMessage ??
      'This account has no adoption facts yet. The nightly adoption job writes them from loaded feature usage.'
    );
  }

  get monthOptions(): Option[] {
    return this.scorecard ? monthOptions(this.scorecard) : [];
  }

  get hasMonths(): boolean {
    return this.monthOptions.length > 0;
  }

  get monthValue(): string {
    return this.scorecard?.month ?? '';
  }

  get monthText(): string {
    return monthLabel(this.scorecard?.month);
  }

  get changingMonthText(): string {
    return `Loading the adoption of ${monthLabel(this.selectedMonth)}`;
  }

  get segmentTypeOptions(): Option[] {
    return this.scorecard ? segmentTypeOptions(this.scorecard) : [];
  }

  get segmentType(): string {
    if (this.chosenSegmentType !== null) {
      return this.chosenSegmentType;
    }
    return this.scorecard ? defaultSegmentType(this.scorecard) : '';
  }

  get matrix(): Matrix | null {
    return this.hasFacts && this.scorecard ? buildMatrix(this.scorecard, this.segmentType) : null;
  }

  get licenseRows(): LicenseRow[] {
    return this.scorecard ? buildLicenseRows(this.scorecard) : [];
  }

  get hasLicenseRows(): boolean {
    return this.licenseRows.length > 0;
  }

  get orgLicenseRows(): OrgLicenseRow[] {
    return this.scorecard ? buildOrgLicenseRows(this.scorecard) : [];
  }

  get hasOrgLicenses(): boolean {
    return this.orgLicenseRows.length > 0;
  }

  get orgLicenseMessages(): { key: string; text: string }[] {
    const messages = this.scorecard ? orgLicenseMessages(this.scorecard) : [];
    return messages.map((text, index) => ({ key: `org-license-message-${index}`, text }));
  }

  get hasOrgLicenseMessages(): boolean {
    return this.orgLicenseMessages.length > 0;
  }

  get underusedRows(): DisplayUnderused[] {
    const canStart = this.scorecard?.canCreatePlaybooks === true;
    return (this.scorecard ? buildUnderusedRows(this.scorecard) : []).map((row) => ({
      ...row,
      showStart: canStart && row.isFlagged && row.featureKey !== '' && !row.hasActivePlaybook,
      showOpen: row.hasActivePlaybook && row.featureKey !== ''
    }));
  }

  get hasUnderused(): boolean {
    return this.underusedRows.length > 0;
  }

  get underusedSummary(): string {
    const rows = this.underusedRows;
    const flagged = rows.filter((row) => row.isFlagged).length;
    const below = `${rows.length} ${rows.length === 1 ? 'feature is' : 'features are'} below target for all users`;
    return `${below}, ranked by value rank times the points missing. The ${flagged} of highest priority are flagged for enablement.`;
  }

  handleMonthChange(event: CustomEvent<{ value: string }>): void {
    const month = event.detail?.value ?? '';
    if (month === '' || month === this.scorecard?.month) {
      return;
    }
    this.selectedMonth = month;
    this.isChangingMonth = true;
  }

  handleSegmentTypeChange(event: CustomEvent<{ value: string }>): void {
    const value = event.detail?.value ?? '';
    if (value !== '') {
      this.chosenSegmentType = value;
    }
  }

  handleStartPlaybook(event: Event): void {
    const featureKey = (event.currentTarget as HTMLElement | null)?.dataset.featureKey ?? '';
    const accountId = this.scorecard?.accountId ?? this.recordId;
    if (featureKey === '' || !accountId) {
      return;
    }
    this[NavigationMixin.Navigate]({
      type: 'standard__recordPage',
      attributes: { recordId: accountId, objectApiName: 'Account', actionName: 'view' },
      state: {
        [PLAYBOOK_STATE_KEYS.featureKey]: featureKey,
        [PLAYBOOK_STATE_KEYS.segmentType]: ALL_SEGMENT,
        [PLAYBOOK_STATE_KEYS.segment]: ALL_SEGMENT
      }
    });
  }

  handleExport(): void {
    const scorecard = this.scorecard;
    if (!scorecard || this.isExporting) {
      return;
    }
    this.isExporting = true;
    try {
      const fileName = adoptionScorecardFileName(scorecard.accountName ?? '');
      const markdown = renderAdoptionScorecard(buildScorecardModel(scorecard));
      // The previous file's URL is released only now, because a download may still read it after the click returns.
      this.releaseExportUrl();
      this.exportUrl = URL.createObjectURL(new Blob([markdown], { type: 'text/markdown;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = this.exportUrl;
      link.download = fileName;
      link.click();
      this.showToast('Adoption scorecard exported', `Downloaded ${fileName} for ${this.monthText}.`, 'success');
    } catch (error: unknown) {
      this.showToast('The adoption scorecard was not exported', reduceErrors(error).join(' '), 'error');
    } finally {
      this.isExporting = false;
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

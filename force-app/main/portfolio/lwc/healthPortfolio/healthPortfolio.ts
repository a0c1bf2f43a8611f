import { LightningElement, wire } from 'lwc';
import getPortfolio from '@salesforce/apex/HealthPortfolioController.getPortfolio';
import { reduceErrors } from 'c/ldsUtils';
import { ACCESS_DENIED_PREFIX, ALL, MAX_ROWS, buildBandOptions, buildView } from './portfolioView';
import type { Option, PortfolioView } from './portfolioView';

type Portfolio = ApexTypes.HealthPortfolioController_Portfolio;

/** Value the getPortfolio wire provisions. */
interface WiredPortfolio {
  data?: Portfolio;
  error?: unknown;
}

const BAND_OPTIONS: Option[] = buildBandOptions();

/**
 * At-risk portfolio for CS managers: band counts, ARR at risk in total and by owner, and the scored accounts riskiest
 * first, filtered by band, owner and "moved into red this week". Apex applies the filters and sharing. The component
 * formats each response once, so that the table of up to 2,000 rows renders without work per row.
 */
export default class HealthPortfolio extends LightningElement {
  /** Band filter: Red, Yellow, Green, Insufficient, or ALL. */
  bandFilter = ALL;
  /** Owner filter: a user Id, or ALL. */
  ownerFilter = ALL;
  movedIntoRedOnly = false;

  view?: PortfolioView;
  loadError?: unknown;
  isLoading = true;
  isRefreshing = false;

  readonly bandOptions = BAND_OPTIONS;

  @wire(getPortfolio, {
    band: '$bandFilter',
    ownerId: '$ownerFilter',
    movedIntoRedOnly: '$movedIntoRedOnly',
    maxRows: MAX_ROWS
  })
  receivePortfolio(result: WiredPortfolio): void {
    if (result.data) {
      this.view = buildView(result.data);
      this.loadError = undefined;
      this.isLoading = false;
      this.isRefreshing = false;
    } else if (result.error) {
      this.view = undefined;
      this.loadError = result.error;
      this.isLoading = false;
      this.isRefreshing = false;
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

  get isEmpty(): boolean {
    return this.view?.isEmpty === true;
  }

  get ownerOptions(): Option[] {
    return this.view?.ownerOptions ?? [{ label: 'All owners', value: ALL }];
  }

  get hasFilters(): boolean {
    return this.bandFilter !== ALL || this.ownerFilter !== ALL || this.movedIntoRedOnly;
  }

  handleBandChange(event: CustomEvent<{ value: string }>): void {
    this.setFilters({ band: event.detail.value ?? ALL });
  }

  handleOwnerChange(event: CustomEvent<{ value: string }>): void {
    this.setFilters({ owner: event.detail.value ?? ALL });
  }

  handleMovedChange(event: CustomEvent<{ checked: boolean }>): void {
    this.setFilters({ moved: event.detail.checked === true });
  }

  handleOwnerRiskClick(event: Event): void {
    const ownerId = (event.currentTarget as HTMLElement).dataset.ownerId;
    if (ownerId) {
      this.setFilters({ owner: ownerId });
    }
  }

  handleClearFilters(): void {
    this.setFilters({ band: ALL, owner: ALL, moved: false });
  }

  private setFilters(changes: { band?: string; owner?: string; moved?: boolean }): void {
    const band = changes.band ?? this.bandFilter;
    const owner = changes.owner ?? this.ownerFilter;
    const moved = changes.moved ?? this.movedIntoRedOnly;
    if (band === this.bandFilter && owner === this.ownerFilter && moved === this.movedIntoRedOnly) {
      return;
    }
    // The wire provisions the filtered portfolio. Until it does, the current rows stay with a spinner over them.
    this.isRefreshing = true;
    this.bandFilter = band;
    this.ownerFilter = owner;
    this.movedIntoRedOnly = moved;
  }
}

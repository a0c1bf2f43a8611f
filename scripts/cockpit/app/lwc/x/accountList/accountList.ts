import { LightningElement } from 'lwc';

/** One scored account, as `/api/cockpit/accounts` lists it. */
export interface AccountRow {
  accountId: string;
  accountName: string;
  ownerName: string | null;
  arr: number | null;
  score: number | null;
  band: string;
  coverage: number;
  trend: string;
  topReason: string;
}

/** A row as the table shows it. */
interface RowView extends AccountRow {
  href: string;
  arrText: string;
  scoreText: string;
  coverageText: string;
  badgeClass: string;
}

const BADGE_CLASSES: Record<string, string> = {
  Red: 'slds-badge slds-theme_error',
  Yellow: 'slds-badge slds-theme_warning',
  Green: 'slds-badge slds-theme_success'
};

const currency = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

function toView(row: AccountRow): RowView {
  return {
    ...row,
    href: `#/account/${encodeURIComponent(row.accountId)}`,
    arrText: row.arr === null ? '' : currency.format(row.arr),
    scoreText: row.score === null ? '–' : row.score.toFixed(1),
    coverageText: `${Math.round(row.coverage * 100)}%`,
    badgeClass: BADGE_CLASSES[row.band] ?? 'slds-badge'
  };
}

/**
 * Every scored account of the export, riskiest first, with a name filter. It is the cockpit's way onto the Account
 * record pages while the package has no portfolio page of its own.
 */
export default class AccountList extends LightningElement {
  rows: RowView[] = [];
  filter = '';
  isLoading = true;
  error = '';

  override connectedCallback(): void {
    void this.load();
  }

  get visibleRows(): RowView[] {
    const filter = this.filter.trim().toLowerCase();
    return filter === '' ? this.rows : this.rows.filter((row) => row.accountName.toLowerCase().includes(filter));
  }

  get countText(): string {
    const shown = this.visibleRows.length;
    return shown === this.rows.length ? `${shown} accounts` : `${shown} of ${this.rows.length} accounts`;
  }

  handleFilter(event: CustomEvent<{ value: string }>): void {
    this.filter = event.detail.value ?? '';
  }

  private async load(): Promise<void> {
    try {
      const response = await fetch('/api/cockpit/accounts');
      if (!response.ok) {
        throw new Error(`the server answered ${response.status} ${response.statusText}`);
      }
      const body = (await response.json()) as { rows: AccountRow[] };
      this.rows = body.rows.map(toView);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.error = `The account list could not be loaded: ${reason}. Check that npm start is still running, then reload.`;
    } finally {
      this.isLoading = false;
    }
  }
}

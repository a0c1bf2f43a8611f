import { createElement } from '@lwc/engine-dom';
import AtRiskDashboard from 'c/atRiskDashboard';
import getPortfolio from '@salesforce/apex/HealthPortfolioController.getPortfolio';
import { DashboardTable, PAGE_SIZE, buildEntries, flagsOf, recordUrl, toDisplayRow } from '../dashboardTable';
import {
  bandLabel,
  buildBandBar,
  buildSegmentOptions,
  createFormatters,
  describeBandChange,
  describePage,
  describeQuickFilter,
  describeRenewal,
  describeRows,
  describeTrend,
  formatMoney,
  formatScore
} from '../dashboardView';
import { STATE_KEY, readState, writeState } from '../dashboardState';
import dashboardData from './data/dashboard.json';
import dashboardEmpty from './data/dashboardEmpty.json';
import dashboardRedOnly from './data/dashboardRedOnly.json';

const mockNavigate = jest.fn();

jest.mock('lightning/navigation', () => {
  const Navigate = Symbol('Navigate');
  const GenerateUrl = Symbol('GenerateUrl');
  const NavigationMixin = Object.assign(
    (Base: new () => object) =>
      class extends Base {
        [Navigate](pageReference: unknown): void {
          mockNavigate(pageReference);
        }

        [GenerateUrl](): Promise<string> {
          return Promise.resolve('');
        }
      },
    { Navigate, GenerateUrl }
  );
  return { NavigationMixin };
});

jest.mock(
  '@salesforce/apex/HealthPortfolioController.getPortfolio',
  () => {
    const { createApexTestWireAdapter } = jest.requireActual<typeof import('@salesforce/wire-service-jest-util')>(
      '@salesforce/wire-service-jest-util'
    );
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);

type Portfolio = ApexTypes.HealthPortfolioController_Portfolio;
type AccountRow = ApexTypes.HealthPortfolioController_AccountRow;

interface Option {
  label: string;
  value: string;
}

interface ApexWireAdapterMock {
  emit(value: unknown): void;
  error(body?: unknown, status?: number, statusText?: string): void;
  getLastConfig(): Record<string, unknown> | null;
}

const getPortfolioAdapter = getPortfolio as unknown as ApexWireAdapterMock;

const DASHBOARD = dashboardData as Portfolio;
const EMPTY = dashboardEmpty as Portfolio;
const RED_ONLY = dashboardRedOnly as Portfolio;
const ROWS = DASHBOARD.rows as AccountRow[];
const ANN = '005000000000001AAA';
const BEN = '005000000000002AAA';
const DEFAULT_CONFIG = {
  band: '',
  ownerId: '',
  segment: '',
  renewalWindowDays: null,
  movedIntoRedOnly: false,
  maxRows: 2000
};
// The accessibility check of a page of 50 rows takes several seconds on a busy machine.
const LARGE_TABLE_TIMEOUT_MS = 30_000;
const NAME_COLUMN = 0;
const ARR_COLUMN = 3;
const RENEWAL_COLUMN = 7;
const FLAGS_COLUMN = 8;

function flush(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function mount(): HTMLElement {
  const element = createElement('c-at-risk-dashboard', { is: AtRiskDashboard });
  document.body.appendChild(element);
  return element;
}

async function mountWith(data: Portfolio): Promise<HTMLElement> {
  const element = mount();
  getPortfolioAdapter.emit(data);
  await flush();
  return element;
}

function byId(element: HTMLElement, id: string): HTMLElement | null {
  return element.shadowRoot?.querySelector<HTMLElement>(`[data-id="${id}"]`) ?? null;
}

function allById(element: HTMLElement, id: string): HTMLElement[] {
  return Array.from(element.shadowRoot?.querySelectorAll<HTMLElement>(`[data-id="${id}"]`) ?? []);
}

function tile(element: HTMLElement, key: string): HTMLButtonElement {
  const found = element.shadowRoot?.querySelector<HTMLButtonElement>(`[data-tile="${key}"]`);
  if (!found) {
    throw new Error(`No tile ${key}`);
  }
  return found;
}

function tileTexts(element: HTMLElement, listId: string): { value: string; label: string }[] {
  return Array.from(byId(element, listId)?.querySelectorAll('[data-id="tile"]') ?? []).map((button) => ({
    value: button.querySelector('.tile-value')?.textContent ?? '',
    label: button.querySelector('.tile-label')?.textContent ?? ''
  }));
}

function tableRows(element: HTMLElement): HTMLTableRowElement[] {
  return Array.from(byId(element, 'account-rows')?.querySelectorAll<HTMLTableRowElement>('tr') ?? []);
}

/** Returns the text of each cell, with the texts of its separate elements joined by a space. */
function cellTexts(row: HTMLElement): string[] {
  return Array.from(row.children).map((cell) => {
    const parts: string[] = [];
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (text !== '') {
        parts.push(text);
      }
    }
    return parts.join(' ');
  });
}

function columnOf(element: HTMLElement, column: number): string[] {
  return tableRows(element).map((row) => cellTexts(row)[column]);
}

function header(element: HTMLElement, field: string): HTMLTableCellElement {
  const button = element.shadowRoot?.querySelector<HTMLButtonElement>(`[data-field="${field}"]`);
  const cell = button?.closest('th');
  if (!button || !cell) {
    throw new Error(`No sortable column ${field}`);
  }
  return cell;
}

async function sortBy(element: HTMLElement, field: string): Promise<void> {
  header(element, field).querySelector('button')?.click();
  await flush();
}

function changeCombobox(element: HTMLElement, id: string, value: string): void {
  byId(element, id)?.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

function withRows(rows: AccountRow[], changes: Partial<Portfolio> = {}): Portfolio {
  return { ...DASHBOARD, ...changes, rows };
}

/** Rows named `Account 001` to `Account <count>`, with ARR rising with the number and every third one overdue. */
function manyRows(count: number): AccountRow[] {
  return Array.from({ length: count }, (_unused, index) => {
    const number = String(index + 1).padStart(3, '0');
    return {
      ...ROWS[3],
      accountId: `001000000000${number}AAA`,
      accountName: `Account ${number}`,
      arr: (index + 1) * 1000,
      hasOverdueCheckIn: index % 3 === 0
    };
  });
}

describe('c-at-risk-dashboard', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    window.sessionStorage.clear();
    jest.clearAllMocks();
  });

  describe('states', () => {
    it('shows a spinner while loading', async () => {
      const element = mount();
      await flush();

      expect(byId(element, 'loading')).not.toBeNull();
      expect(byId(element, 'summary')).toBeNull();
      expect(getPortfolioAdapter.getLastConfig()).toEqual(DEFAULT_CONFIG);
      await expect(element).toBeAccessible();
    });

    it('shows the empty state without scored accounts', async () => {
      const element = await mountWith(EMPTY);

      expect(byId(element, 'empty')?.textContent).toContain('No scored accounts yet');
      expect(byId(element, 'summary')).toBeNull();
      expect(byId(element, 'filters')).toBeNull();
      await expect(element).toBeAccessible();
    });

    it('shows the error panel when loading fails', async () => {
      const element = mount();
      getPortfolioAdapter.error({ message: 'Loading the at-risk dashboard failed: Timed out.' });
      await flush();

      const panel = byId(element, 'load-error') as HTMLElement & { errors: unknown; friendlyMessage: string };
      expect(panel).not.toBeNull();
      expect(panel.friendlyMessage).toBe('The at-risk dashboard could not be loaded.');
      expect((panel.errors as { body: { message: string } }).body.message).toContain('Timed out');
      expect(byId(element, 'access-denied')).toBeNull();
      expect(byId(element, 'loading')).toBeNull();
      await expect(element).toBeAccessible();
    });

    it('shows the Apex message when access is denied', async () => {
      const message =
        'Access denied: you cannot read Risk records, which give the ARR at risk and the overdue check-ins. ' +
        'Ask your admin to assign you the Success Cockpit Manager permission set.';
      const element = mount();
      getPortfolioAdapter.error({ message });
      await flush();

      expect(byId(element, 'access-denied')?.textContent).toContain(message);
      expect(byId(element, 'load-error')).toBeNull();
      expect(byId(element, 'summary')).toBeNull();
      await expect(element).toBeAccessible();
    });
  });

  describe('summary', () => {
    it('shows band counts and ARR at risk', async () => {
      const element = await mountWith(DASHBOARD);

      expect(tileTexts(element, 'band-tiles')).toEqual([
        { value: '2', label: 'Red' },
        { value: '1', label: 'Yellow' },
        { value: '1', label: 'Green' },
        { value: '0', label: 'Insufficient data' }
      ]);
      expect(tileTexts(element, 'arr-tiles')).toEqual([
        { value: '$500,000', label: 'Red ARR in your book' },
        { value: '$400,000', label: 'ARR with open critical or high risks (1 account in your book)' }
      ]);
      expect(byId(element, 'tile-scope')?.textContent).toBe(
        'Health bands and ARR at risk count your book: every scored account you can see, whatever the band, ' +
          'renewal and moved-into-red filters. Needs attention counts the listed accounts.'
      );
      expect(byId(element, 'loading')).toBeNull();
      await expect(element).toBeAccessible();
    });

    it('shows the attention counts', async () => {
      const element = await mountWith(DASHBOARD);

      expect(tileTexts(element, 'attention-tiles')).toEqual([
        { value: '1', label: 'Moved into red this week' },
        { value: '1', label: 'Renewal call disagrees' },
        { value: '2', label: 'Overdue check-ins' },
        { value: '1', label: 'Stale plans' }
      ]);
      expect(tile(element, 'overdue-check-in').title).toBe(
        '2 listed accounts have an overdue risk check-in. Show only those accounts.'
      );
      expect(tile(element, 'stale-plan').title).toBe(
        '1 listed account has a success plan whose review is overdue. Show only those accounts.'
      );
    });

    it('summary tiles keep the book scope', async () => {
      const element = await mountWith(DASHBOARD);
      changeCombobox(element, 'band-filter', 'Red');
      changeCombobox(element, 'owner-filter', ANN);
      changeCombobox(element, 'segment-filter', 'Enterprise');
      await flush();
      getPortfolioAdapter.emit(RED_ONLY);
      await flush();

      expect(tile(element, 'arr-severe').querySelector('.tile-label')?.textContent).toBe(
        `ARR with open critical or high risks (${String(RED_ONLY.severeRiskCount)} ` +
          `${RED_ONLY.severeRiskCount === 1 ? 'account' : 'accounts'} in your book)`
      );
      expect(byId(element, 'tile-scope')?.textContent).toContain(
        'count your book: the scored accounts of Ann Lee in the Enterprise segment, whatever the band'
      );
    });

    it('draws the band distribution', async () => {
      const element = await mountWith(DASHBOARD);

      const bar = byId(element, 'band-bar') as HTMLElement;
      expect(bar.getAttribute('role')).toBe('img');
      expect(bar.getAttribute('aria-label')).toBe(
        'Health bands of 4 scored accounts: 2 red (50%), 1 yellow (25%), 1 green (25%), 0 insufficient data (0%).'
      );
      const parts = Array.from(bar.querySelectorAll<HTMLElement>('.bar-part'));
      expect(parts.map((part) => part.className)).toEqual([
        'bar-part bar-part_red',
        'bar-part bar-part_yellow',
        'bar-part bar-part_green'
      ]);
      expect(parts.map((part) => part.style.width)).toEqual(['50%', '25%', '25%']);
    });

    it('lists ARR at risk by CSM', async () => {
      const element = await mountWith(DASHBOARD);

      const owners = allById(element, 'owner-risk');
      expect(owners).toHaveLength(2);
      const firstButton = owners[0].querySelector('button') as HTMLButtonElement;
      expect(firstButton.textContent?.trim()).toBe('Ann Lee');
      expect(firstButton.title).toBe('Show only the accounts of Ann Lee');
      expect(owners[0].querySelectorAll('td')[0].textContent).toBe('1');
      expect(owners[0].querySelectorAll('td')[1].textContent).toBe('$400,000');
      expect(byId(element, 'no-owner-risks')).toBeNull();
    });
  });

  describe('table', () => {
    it('renders rows in server order', async () => {
      const element = await mountWith(DASHBOARD);

      const rows = tableRows(element);
      expect(columnOf(element, NAME_COLUMN)).toEqual([
        'Globex <b>Steady</b> Red',
        'Acme Falling',
        'Initech Yellow',
        'Umbrella Green'
      ]);
      expect(rows[0].querySelector('b')).toBeNull();
      expect(cellTexts(rows[1])).toEqual([
        'Acme Falling',
        'Ann Lee',
        'Enterprise',
        '$400,000',
        '30.5',
        'Red',
        'Moved into red (was Yellow) Declining, -3.5 a week',
        '180 days',
        'Check-in overdue Plan stale Critical or high risk',
        'Product adoption pulls the score down most: logins fell 40% in 28 days.'
      ]);
      expect(rows[1].querySelector('th')?.getAttribute('scope')).toBe('row');
      expect(rows[1].querySelector('a')?.getAttribute('href')).toBe('/lightning/r/Account/001000000000002AAA/view');
      expect(rows[1].classList.contains('row_moved')).toBe(true);
      expect(rows[1].querySelector('.slds-badge')?.className).toContain('slds-theme_error');
      expect(cellTexts(rows[0])[FLAGS_COLUMN]).toBe('Call disagrees');
      expect(cellTexts(rows[2])[RENEWAL_COLUMN]).toBe('10 days ago');
      expect(cellTexts(rows[3])[RENEWAL_COLUMN]).toBe('No renewal date');
      expect(cellTexts(rows[3])[FLAGS_COLUMN]).toBe('');
      expect(byId(element, 'rows-text')?.textContent).toBe('4 accounts listed.');
      expect(byId(element, 'comparison')?.textContent).toContain('latest score on or before 2026-03-24');
      expect(byId(element, 'pager')?.querySelector('[data-id="next-page"]')).toBeNull();
      expect(byId(element, 'page-text')?.textContent).toBe('Page 1 of 1, accounts 1 to 4 of 4.');
    });

    it('opens account record from name', async () => {
      const element = await mountWith(DASHBOARD);
      const link = tableRows(element)[1].querySelector('a') as HTMLAnchorElement;
      const click = new MouseEvent('click', { bubbles: true, cancelable: true });

      link.dispatchEvent(click);

      expect(click.defaultPrevented).toBe(true);
      expect(mockNavigate).toHaveBeenCalledTimes(1);
      expect(mockNavigate).toHaveBeenCalledWith({
        type: 'standard__recordPage',
        attributes: { recordId: '001000000000002AAA', objectApiName: 'Account', actionName: 'view' }
      });
    });

    it('sorts by ARR both ways', async () => {
      const element = await mountWith(DASHBOARD);

      await sortBy(element, 'arr');

      expect(columnOf(element, ARR_COLUMN)).toEqual(['$900,000', '$400,000', '$100,000', '']);
      expect(header(element, 'arr').getAttribute('aria-sort')).toBe('descending');
      expect(header(element, 'account').hasAttribute('aria-sort')).toBe(false);

      await sortBy(element, 'arr');

      expect(columnOf(element, ARR_COLUMN)).toEqual(['$100,000', '$400,000', '$900,000', '']);
      expect(header(element, 'arr').getAttribute('aria-sort')).toBe('ascending');
      await expect(element).toBeAccessible();
    });

    it('sorts text columns by name', async () => {
      const element = await mountWith(DASHBOARD);

      await sortBy(element, 'account');

      expect(columnOf(element, NAME_COLUMN)).toEqual([
        'Acme Falling',
        'Globex <b>Steady</b> Red',
        'Initech Yellow',
        'Umbrella Green'
      ]);
      expect(header(element, 'account').getAttribute('aria-sort')).toBe('ascending');
      expect(header(element, 'account').querySelector('button')?.title).toBe('Sort by account, descending');
    });

    it('sorts by days to renewal with no date last', async () => {
      const element = await mountWith(DASHBOARD);

      await sortBy(element, 'renewal');

      expect(columnOf(element, RENEWAL_COLUMN)).toEqual(['10 days ago', '40 days', '180 days', 'No renewal date']);

      await sortBy(element, 'renewal');

      expect(columnOf(element, RENEWAL_COLUMN)).toEqual(['180 days', '40 days', '10 days ago', 'No renewal date']);
    });

    it('sorts change by weekly slope', async () => {
      const element = await mountWith(
        withRows([...ROWS, { ...ROWS[3], accountId: '001000000000009AAA', accountName: 'Steep', trendSlope: -6 }])
      );

      await sortBy(element, 'change');

      expect(columnOf(element, NAME_COLUMN)).toEqual([
        'Steep',
        'Acme Falling',
        'Globex <b>Steady</b> Red',
        'Umbrella Green',
        'Initech Yellow'
      ]);
      expect(tableRows(element)[1].classList.contains('row_moved')).toBe(true);

      await sortBy(element, 'change');

      expect(columnOf(element, NAME_COLUMN)[0]).toBe('Umbrella Green');
      expect(columnOf(element, NAME_COLUMN)[4]).toBe('Initech Yellow');
    });

    it('sorts by number of flags', async () => {
      const element = await mountWith(DASHBOARD);

      await sortBy(element, 'flags');

      expect(columnOf(element, NAME_COLUMN)).toEqual([
        'Acme Falling',
        'Globex <b>Steady</b> Red',
        'Initech Yellow',
        'Umbrella Green'
      ]);
    });

    it(
      'pages 50 rows at a time',
      async () => {
        const element = await mountWith(withRows(manyRows(120)));

        expect(tableRows(element)).toHaveLength(50);
        expect(columnOf(element, NAME_COLUMN)[0]).toBe('Account 001');
        expect(byId(element, 'page-text')?.textContent).toBe('Page 1 of 3, accounts 1 to 50 of 120.');
        expect(byId(element, 'page-text')?.getAttribute('aria-live')).toBe('polite');
        const previous = byId(element, 'previous-page') as HTMLElement & { disabled: boolean; alternativeText: string };
        const next = byId(element, 'next-page') as HTMLElement & { disabled: boolean; alternativeText: string };
        expect(previous.alternativeText).toBe('Previous page');
        expect(next.alternativeText).toBe('Next page');
        expect((byId(element, 'first-page') as HTMLElement & { alternativeText: string }).alternativeText).toBe(
          'First page'
        );
        expect((byId(element, 'last-page') as HTMLElement & { alternativeText: string }).alternativeText).toBe(
          'Last page'
        );
        expect(previous.disabled).toBe(true);
        expect(next.disabled).toBe(false);

        next.click();
        await flush();

        expect(columnOf(element, NAME_COLUMN)[0]).toBe('Account 051');
        expect(byId(element, 'page-text')?.textContent).toBe('Page 2 of 3, accounts 51 to 100 of 120.');
        expect((byId(element, 'previous-page') as HTMLElement & { disabled: boolean }).disabled).toBe(false);

        byId(element, 'last-page')?.click();
        await flush();

        expect(tableRows(element)).toHaveLength(20);
        expect(columnOf(element, NAME_COLUMN)[19]).toBe('Account 120');
        expect((byId(element, 'next-page') as HTMLElement & { disabled: boolean }).disabled).toBe(true);

        byId(element, 'previous-page')?.click();
        await flush();

        expect(byId(element, 'page-text')?.textContent).toBe('Page 2 of 3, accounts 51 to 100 of 120.');

        byId(element, 'first-page')?.click();
        await flush();

        expect(byId(element, 'page-text')?.textContent).toBe('Page 1 of 3, accounts 1 to 50 of 120.');
        await expect(element).toBeAccessible();
      },
      LARGE_TABLE_TIMEOUT_MS
    );

    it('returns to first page on sort', async () => {
      const element = await mountWith(withRows(manyRows(120)));
      byId(element, 'next-page')?.click();
      await flush();

      await sortBy(element, 'arr');

      expect(byId(element, 'page-text')?.textContent).toBe('Page 1 of 3, accounts 1 to 50 of 120.');
      expect(columnOf(element, NAME_COLUMN)[0]).toBe('Account 120');
    });

    it('keeps the sort across a new response', async () => {
      const element = await mountWith(withRows(manyRows(120)));
      await sortBy(element, 'arr');

      getPortfolioAdapter.emit(withRows(manyRows(60)));
      await flush();

      expect(header(element, 'arr').getAttribute('aria-sort')).toBe('descending');
      expect(columnOf(element, NAME_COLUMN)[0]).toBe('Account 060');
      expect(byId(element, 'page-text')?.textContent).toBe('Page 1 of 2, accounts 1 to 50 of 60.');
    });
  });

  describe('filters', () => {
    it('offers every CSM, segment, band and renewal window', async () => {
      const element = await mountWith(DASHBOARD);

      const ownerFilter = byId(element, 'owner-filter') as HTMLElement & { options: unknown; value: string };
      expect(ownerFilter.options).toEqual([
        { label: 'All CSMs', value: '' },
        { label: 'Ann Lee', value: ANN },
        { label: 'Ben Ortiz', value: BEN }
      ]);
      expect(ownerFilter.value).toBe('');
      const segmentFilter = byId(element, 'segment-filter') as HTMLElement & { options: { value: string }[] };
      expect(segmentFilter.options.map((option) => option.value)).toEqual(['', 'Enterprise', 'Mid-Market', 'SMB']);
      const bandFilter = byId(element, 'band-filter') as HTMLElement & { options: { value: string }[] };
      expect(bandFilter.options.map((option) => option.value)).toEqual(['', 'Red', 'Yellow', 'Green', 'Insufficient']);
      const renewalFilter = byId(element, 'renewal-filter') as HTMLElement & { options: Option[]; value: string };
      expect(renewalFilter.options).toEqual([
        { label: 'Any renewal date', value: '' },
        { label: 'Next 90 days', value: '90' },
        { label: 'Next 180 days', value: '180' },
        { label: 'Next 365 days', value: '365' }
      ]);
      expect(renewalFilter.value).toBe('');
    });

    it('reloads rows when the band filter changes', async () => {
      const element = await mountWith(DASHBOARD);

      changeCombobox(element, 'band-filter', 'Red');
      await flush();

      expect(getPortfolioAdapter.getLastConfig()).toEqual({ ...DEFAULT_CONFIG, band: 'Red' });
      expect(byId(element, 'refreshing')).not.toBeNull();
      expect(tableRows(element)).toHaveLength(4);

      getPortfolioAdapter.emit(RED_ONLY);
      await flush();

      expect(byId(element, 'refreshing')).toBeNull();
      expect(columnOf(element, NAME_COLUMN)).toEqual(['Globex <b>Steady</b> Red']);
      expect(byId(element, 'rows-text')?.textContent).toBe(
        'Listing the 1 riskiest account of 2. Filter by CSM, segment or band to see the others.'
      );
      expect((byId(element, 'band-filter') as HTMLElement & { value: string }).value).toBe('Red');
      expect(tile(element, 'band-red').getAttribute('aria-pressed')).toBe('true');
      await expect(element).toBeAccessible();
    });

    it('filters by CSM from the combobox and from the risk list', async () => {
      const element = await mountWith(DASHBOARD);

      changeCombobox(element, 'owner-filter', ANN);
      await flush();

      expect(getPortfolioAdapter.getLastConfig()).toEqual({ ...DEFAULT_CONFIG, ownerId: ANN });

      allById(element, 'owner-risk')[1].querySelector<HTMLElement>('button')?.click();
      await flush();

      expect(getPortfolioAdapter.getLastConfig()).toEqual({ ...DEFAULT_CONFIG, ownerId: BEN });
    });

    it('filters by segment', async () => {
      const element = await mountWith(DASHBOARD);

      changeCombobox(element, 'segment-filter', 'Enterprise');
      await flush();

      expect(getPortfolioAdapter.getLastConfig()).toEqual({ ...DEFAULT_CONFIG, segment: 'Enterprise' });
    });

    it('filters by renewal window in days', async () => {
      const element = await mountWith(DASHBOARD);

      changeCombobox(element, 'renewal-filter', '90');
      await flush();

      expect(getPortfolioAdapter.getLastConfig()).toEqual({ ...DEFAULT_CONFIG, renewalWindowDays: 90 });
      expect((byId(element, 'renewal-filter') as HTMLElement & { value: string }).value).toBe('90');

      changeCombobox(element, 'renewal-filter', '');
      await flush();

      expect(getPortfolioAdapter.getLastConfig()).toEqual(DEFAULT_CONFIG);
    });

    it('filters accounts that moved into red', async () => {
      const element = await mountWith(DASHBOARD);

      byId(element, 'moved-filter')?.dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));
      await flush();

      expect(getPortfolioAdapter.getLastConfig()).toEqual({ ...DEFAULT_CONFIG, movedIntoRedOnly: true });
      expect((byId(element, 'moved-filter') as HTMLElement & { checked: boolean }).checked).toBe(true);
      expect(tile(element, 'moved').getAttribute('aria-pressed')).toBe('true');
    });

    it('ignores a filter change to the same value', async () => {
      const element = await mountWith(DASHBOARD);

      changeCombobox(element, 'band-filter', '');
      await flush();

      expect(byId(element, 'refreshing')).toBeNull();
      expect(getPortfolioAdapter.getLastConfig()).toEqual(DEFAULT_CONFIG);
    });

    it('clears filters when nothing matches', async () => {
      const element = await mountWith(DASHBOARD);
      changeCombobox(element, 'band-filter', 'Insufficient');
      changeCombobox(element, 'segment-filter', 'SMB');
      await flush();
      getPortfolioAdapter.emit(withRows([], { matchingCount: 0 }));
      await flush();

      expect(tableRows(element)).toHaveLength(0);
      expect(byId(element, 'no-match')?.textContent).toContain('No accounts match these filters.');
      await expect(element).toBeAccessible();

      byId(element, 'clear-filters')?.click();
      await flush();

      expect(getPortfolioAdapter.getLastConfig()).toEqual(DEFAULT_CONFIG);
    });
  });

  describe('tiles as filters', () => {
    it('lists only accounts with an overdue check-in', async () => {
      const element = await mountWith(DASHBOARD);

      tile(element, 'overdue-check-in').click();
      await flush();

      expect(columnOf(element, NAME_COLUMN)).toEqual(['Acme Falling', 'Initech Yellow']);
      expect(tile(element, 'overdue-check-in').getAttribute('aria-pressed')).toBe('true');
      expect(byId(element, 'quick-filter-text')?.textContent).toBe(
        '2 of 4 listed accounts have an overdue risk check-in.'
      );
      expect(byId(element, 'page-text')?.textContent).toBe('Page 1 of 1, accounts 1 to 2 of 2.');
      expect(getPortfolioAdapter.getLastConfig()).toEqual(DEFAULT_CONFIG);
      await expect(element).toBeAccessible();

      tile(element, 'overdue-check-in').click();
      await flush();

      expect(tableRows(element)).toHaveLength(4);
      expect(byId(element, 'quick-filter')).toBeNull();
    });

    it('lists only accounts whose renewal call disagrees', async () => {
      const element = await mountWith(DASHBOARD);

      tile(element, 'disagreement').click();
      await flush();

      expect(columnOf(element, NAME_COLUMN)).toEqual(['Globex <b>Steady</b> Red']);
      expect(byId(element, 'quick-filter-text')?.textContent).toBe(
        "1 of 4 listed accounts has a renewal call that disagrees with the account's health."
      );
    });

    it('lists only accounts with a stale plan or a severe risk', async () => {
      const element = await mountWith(DASHBOARD);

      tile(element, 'stale-plan').click();
      await flush();

      expect(columnOf(element, NAME_COLUMN)).toEqual(['Acme Falling']);

      tile(element, 'arr-severe').click();
      await flush();

      expect(columnOf(element, NAME_COLUMN)).toEqual(['Acme Falling']);
      expect(tile(element, 'arr-severe').getAttribute('aria-pressed')).toBe('true');
      expect(tile(element, 'stale-plan').getAttribute('aria-pressed')).toBe('false');
    });

    it('shows every listed account again', async () => {
      const element = await mountWith(DASHBOARD);
      tile(element, 'disagreement').click();
      await flush();

      byId(element, 'show-all')?.click();
      await flush();

      expect(tableRows(element)).toHaveLength(4);
      expect(tile(element, 'disagreement').getAttribute('aria-pressed')).toBe('false');
    });

    it('sets and clears the band filter from a band tile', async () => {
      const element = await mountWith(DASHBOARD);

      tile(element, 'band-yellow').click();
      await flush();

      expect(getPortfolioAdapter.getLastConfig()).toEqual({ ...DEFAULT_CONFIG, band: 'Yellow' });
      expect(tile(element, 'band-yellow').getAttribute('aria-pressed')).toBe('true');

      tile(element, 'band-yellow').click();
      await flush();

      expect(getPortfolioAdapter.getLastConfig()).toEqual(DEFAULT_CONFIG);
    });

    it('filters red accounts from the red ARR tile', async () => {
      const element = await mountWith(DASHBOARD);

      tile(element, 'arr-red').click();
      await flush();

      expect(getPortfolioAdapter.getLastConfig()).toEqual({ ...DEFAULT_CONFIG, band: 'Red' });
    });

    it('toggles the moved-into-red filter from its tile', async () => {
      const element = await mountWith(DASHBOARD);

      tile(element, 'moved').click();
      await flush();

      expect(getPortfolioAdapter.getLastConfig()).toEqual({ ...DEFAULT_CONFIG, movedIntoRedOnly: true });
      expect((byId(element, 'moved-filter') as HTMLElement & { checked: boolean }).checked).toBe(true);
    });

    it('disables a tile that would list no account and says why', async () => {
      const element = await mountWith(withRows(ROWS.slice(3), { disagreementCount: 0, overdueCheckInCount: 0 }));

      const overdue = tile(element, 'overdue-check-in');
      expect(overdue.getAttribute('aria-disabled')).toBe('true');
      expect(overdue.title).toBe('No listed account has an overdue risk check-in, so there is nothing to list.');
      expect(tile(element, 'band-insufficient').getAttribute('aria-disabled')).toBe('true');
      expect(tile(element, 'band-insufficient').title).toBe(
        'No account in your book has insufficient data, so there is nothing to list.'
      );
      expect(tile(element, 'arr-severe').getAttribute('aria-disabled')).toBe('true');
      expect(tile(element, 'band-red').getAttribute('aria-disabled')).toBe('false');

      overdue.click();
      tile(element, 'band-insufficient').click();
      tile(element, 'arr-severe').click();
      await flush();

      expect(tableRows(element)).toHaveLength(1);
      expect(byId(element, 'quick-filter')).toBeNull();
      expect(overdue.getAttribute('aria-pressed')).toBe('false');
      expect(getPortfolioAdapter.getLastConfig()).toEqual(DEFAULT_CONFIG);
      await expect(element).toBeAccessible();
    });

    it('keeps the moved-into-red tile enabled when rows were left out', async () => {
      const element = await mountWith(withRows(ROWS.slice(3), { movedIntoRedCount: 0, hasMore: true }));

      expect(tile(element, 'moved').getAttribute('aria-disabled')).toBe('false');
    });

    it('says when no listed account has the flag after a new response', async () => {
      const element = await mountWith(DASHBOARD);
      tile(element, 'disagreement').click();
      await flush();

      getPortfolioAdapter.emit(withRows(ROWS.slice(3), { disagreementCount: 0 }));
      await flush();

      expect(tableRows(element)).toHaveLength(0);
      expect(byId(element, 'no-match')).not.toBeNull();
      expect(tile(element, 'disagreement').getAttribute('aria-disabled')).toBe('false');
      expect(byId(element, 'quick-filter-text')?.textContent).toBe(
        "0 of 1 listed accounts have a renewal call that disagrees with the account's health."
      );
      await expect(element).toBeAccessible();
    });

    it('keeps quick filter across pages', async () => {
      const element = await mountWith(withRows(manyRows(200)));

      tile(element, 'overdue-check-in').click();
      await flush();

      expect(byId(element, 'page-text')?.textContent).toBe('Page 1 of 2, accounts 1 to 50 of 67.');

      byId(element, 'next-page')?.click();
      await flush();

      expect(columnOf(element, NAME_COLUMN)).toHaveLength(17);
      expect(columnOf(element, NAME_COLUMN)[16]).toBe('Account 199');
    });
  });
});

describe('kept state', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    window.sessionStorage.clear();
    jest.clearAllMocks();
  });

  it('restores filters, quick filter, sort and page after returning from an account', async () => {
    const first = await mountWith(withRows(manyRows(200)));
    changeCombobox(first, 'segment-filter', 'Enterprise');
    changeCombobox(first, 'renewal-filter', '90');
    await flush();
    getPortfolioAdapter.emit(withRows(manyRows(200)));
    await flush();
    tile(first, 'overdue-check-in').click();
    await flush();
    await sortBy(first, 'arr');
    byId(first, 'next-page')?.click();
    await flush();
    (tableRows(first)[0].querySelector('a') as HTMLAnchorElement).click();
    document.body.removeChild(first);

    const second = mount();
    await flush();

    expect(getPortfolioAdapter.getLastConfig()).toEqual({
      ...DEFAULT_CONFIG,
      segment: 'Enterprise',
      renewalWindowDays: 90
    });
    getPortfolioAdapter.emit(withRows(manyRows(200)));
    await flush();

    expect(tile(second, 'overdue-check-in').getAttribute('aria-pressed')).toBe('true');
    expect(header(second, 'arr').getAttribute('aria-sort')).toBe('descending');
    expect(byId(second, 'page-text')?.textContent).toBe('Page 2 of 2, accounts 51 to 67 of 67.');
    expect((byId(second, 'renewal-filter') as HTMLElement & { value: string }).value).toBe('90');
  });

  it('starts with the defaults when nothing usable is stored', async () => {
    window.sessionStorage.setItem(STATE_KEY, '{not json');
    const element = await mountWith(DASHBOARD);

    expect(getPortfolioAdapter.getLastConfig()).toEqual(DEFAULT_CONFIG);
    expect(byId(element, 'page-text')?.textContent).toBe('Page 1 of 1, accounts 1 to 4 of 4.');
  });

  it('leaves out stored values the dashboard does not offer', () => {
    window.sessionStorage.setItem(
      STATE_KEY,
      JSON.stringify({
        band: 'Purple',
        owner: "x' OR 1=1",
        segment: 'SMB',
        renewalWindowDays: -5,
        movedIntoRedOnly: 'yes',
        quickFilter: 'everything',
        sortField: 'change',
        sortDirection: 'sideways',
        pageIndex: 1.5
      })
    );

    expect(readState(window.sessionStorage)).toEqual({ segment: 'SMB', sortField: 'change' });
    expect(readState(undefined)).toEqual({});
  });

  it('keeps working when the storage refuses a write', () => {
    const storage = {
      getItem: (): string | null => null,
      setItem: (): void => {
        throw new Error('QuotaExceededError');
      }
    };

    expect(() =>
      writeState(storage, {
        band: '',
        owner: '',
        segment: '',
        renewalWindowDays: null,
        movedIntoRedOnly: false,
        quickFilter: '',
        sortField: null,
        sortDirection: 'ascending',
        pageIndex: 0
      })
    ).not.toThrow();
  });
});

describe('dashboardView', () => {
  const formatters = createFormatters('USD', 'en-US');

  it('formats money in the given currency', () => {
    expect(formatMoney(400000, formatters)).toBe('$400,000');
    expect(formatMoney(1234.56, createFormatters('EUR', 'de-DE'))).toBe('1.235\u00a0€');
    expect(formatMoney(null, formatters)).toBe('');
  });

  it('formats money without a valid currency', () => {
    expect(formatMoney(400000, createFormatters(null, 'en-US'))).toBe('400,000');
    expect(formatMoney(400000, createFormatters('NOT-A-CODE', 'en-US'))).toBe('400,000');
  });

  it('formats scores', () => {
    expect(formatScore(30.46)).toBe('30.5');
    expect(formatScore(null)).toBe('n/a');
    expect(formatScore(Number.NaN)).toBe('n/a');
  });

  it('describes trends', () => {
    expect(describeTrend('Declining', -3.54)).toBe('Declining, -3.5 a week');
    expect(describeTrend('Improving', 1.2)).toBe('Improving, +1.2 a week');
    expect(describeTrend('Stable', null)).toBe('Stable');
    expect(describeTrend('Unknown', 2)).toBe('Unknown');
    expect(describeTrend(null, null)).toBe('Unknown');
  });

  it('describes band changes', () => {
    const row = ROWS[1];

    expect(describeBandChange(row)).toBe('Moved into red (was Yellow)');
    expect(describeBandChange({ ...row, previousBand: null })).toBe('Moved into red (no score a week ago)');
    expect(describeBandChange({ ...row, movedIntoRed: false, band: 'Green', previousBand: 'Insufficient' })).toBe(
      'Was Insufficient data'
    );
    expect(describeBandChange({ ...row, movedIntoRed: false, previousBand: 'Red' })).toBe('');
  });

  it('describes days to renewal', () => {
    expect(describeRenewal(0)).toBe('Today');
    expect(describeRenewal(1)).toBe('1 day');
    expect(describeRenewal(45)).toBe('45 days');
    expect(describeRenewal(-1)).toBe('1 day ago');
    expect(describeRenewal(-12)).toBe('12 days ago');
    expect(describeRenewal(null)).toBe('No renewal date');
  });

  it('labels bands', () => {
    expect(bandLabel('Insufficient')).toBe('Insufficient data');
    expect(bandLabel('Red')).toBe('Red');
    expect(bandLabel('Purple')).toBe('Purple');
    expect(bandLabel(null)).toBe('Not scored');
  });

  it('describes an empty band distribution', () => {
    expect(buildBandBar(EMPTY, formatters)).toEqual({ label: 'Health bands: no scored accounts.', segments: [] });
  });

  it('leaves blank segments out of the options', () => {
    expect(buildSegmentOptions(['SMB', ' ', 'Enterprise'])).toEqual([
      { label: 'All segments', value: '' },
      { label: 'SMB', value: 'SMB' },
      { label: 'Enterprise', value: 'Enterprise' }
    ]);
    expect(buildSegmentOptions(null)).toEqual([{ label: 'All segments', value: '' }]);
  });

  it('says when rows were left out', () => {
    expect(describeRows(RED_ONLY, formatters)).toBe(
      'Listing the 1 riskiest account of 2. Filter by CSM, segment or band to see the others.'
    );
    expect(describeRows({ ...RED_ONLY, rows: manyRows(2000), matchingCount: null }, formatters)).toBe(
      'Listing the 2,000 riskiest accounts. Filter by CSM, segment or band to see the others.'
    );
    expect(describeRows({ ...DASHBOARD, rows: ROWS.slice(0, 1) }, formatters)).toBe('1 account listed.');
  });

  it('describes quick filters and pages', () => {
    expect(describeQuickFilter('stalePlan', 3, 1200, formatters)).toBe(
      '3 of 1,200 listed accounts have a stale success plan.'
    );
    expect(describeQuickFilter('severeRisk', 1, 2, formatters)).toBe(
      '1 of 2 listed accounts has an open critical or high risk.'
    );
    expect(describeQuickFilter('', 3, 10, formatters)).toBe('');
    expect(
      describePage({ pageIndex: 1, pageCount: 40, firstRowNumber: 51, lastRowNumber: 100 }, 1987, formatters)
    ).toBe('Page 2 of 40, accounts 51 to 100 of 1,987.');
  });
});

describe('dashboardTable', () => {
  const formatters = createFormatters('USD', 'en-US');

  it('computes flag bits and sort keys once per row', () => {
    const entries = buildEntries(ROWS);

    expect(entries.map((entry) => entry.flags)).toEqual([1, 2 | 4 | 8, 2, 0]);
    expect(entries.map((entry) => entry.flagCount)).toEqual([1, 3, 1, 0]);
    expect(entries.map((entry) => entry.bandRank)).toEqual([0, 0, 1, 2]);
    expect(entries.map((entry) => entry.weeklyChange)).toEqual([0.04, -3.5, null, 1.2]);
    expect(buildEntries([{ ...ROWS[0], trend: 'Unknown', trendSlope: -2 }])[0].weeklyChange).toBeNull();
    expect(entries.map((entry) => entry.daysToRenewal)).toEqual([40, 180, -10, null]);
    expect(entries[2].arr).toBeNull();
    expect(flagsOf({ ...ROWS[3], hasStalePlan: true })).toBe(4);
    expect(buildEntries(null)).toEqual([]);
  });

  it('ranks text in the collation order, ignoring case', () => {
    const table = new DashboardTable([
      { ...ROWS[0], accountName: 'beta' },
      { ...ROWS[1], accountName: 'Alpha' },
      { ...ROWS[2], accountName: 'alpha' },
      { ...ROWS[3], accountName: 'Account 10' },
      { ...ROWS[3], accountId: '001000000000009AAA', accountName: 'Account 9' }
    ]);

    const order = Array.from(table.orderOf('account', 'ascending'));

    expect(order).toEqual([4, 3, 1, 2, 0]);
    expect(table.keyOf(table.entries[1], 'account')).toBe(table.keyOf(table.entries[2], 'account'));
  });

  it('puts missing keys last in both directions', () => {
    const table = new DashboardTable(ROWS);

    expect(Array.from(table.orderOf('segment', 'ascending'))).toEqual([1, 0, 2, 3]);
    expect(Array.from(table.orderOf('segment', 'descending'))).toEqual([2, 0, 1, 3]);
    expect(Array.from(table.orderOf('score', 'descending'))).toEqual([3, 2, 1, 0]);
  });

  it('keeps the server order without a sort field and caches each order', () => {
    const table = new DashboardTable(ROWS);

    expect(Array.from(table.orderOf(null, 'descending'))).toEqual([0, 1, 2, 3]);
    expect(table.orderOf('arr', 'descending')).toBe(table.orderOf('arr', 'descending'));
  });

  it('filters by flag, pages and clamps the page index', () => {
    const table = new DashboardTable(manyRows(120));

    const page = table.query(
      { sortField: 'arr', sortDirection: 'descending', quickFilter: 'overdueCheckIn', pageIndex: 7 },
      formatters
    );

    expect(page.matchCount).toBe(40);
    expect(page.pageCount).toBe(1);
    expect(page.pageIndex).toBe(0);
    expect(page.rows).toHaveLength(40);
    expect(page.rows[0].accountName).toBe('Account 118');
    expect(page.firstRowNumber).toBe(1);
    expect(page.lastRowNumber).toBe(40);
    expect(table.countFlag('overdueCheckIn')).toBe(40);
    expect(PAGE_SIZE).toBe(50);
  });

  it('returns an empty first page without rows', () => {
    const page = new DashboardTable([]).query(
      { sortField: null, sortDirection: 'ascending', quickFilter: '', pageIndex: 3 },
      formatters
    );

    expect(page).toEqual({ rows: [], pageIndex: 0, pageCount: 1, matchCount: 0, firstRowNumber: 0, lastRowNumber: 0 });
  });

  it('formats one row with a record link', () => {
    const [, acme] = buildEntries(ROWS);

    expect(toDisplayRow(acme, formatters)).toEqual({
      key: '001000000000002AAA',
      accountId: '001000000000002AAA',
      accountName: 'Acme Falling',
      url: recordUrl('001000000000002AAA'),
      ownerName: 'Ann Lee',
      segmentText: 'Enterprise',
      arrText: '$400,000',
      scoreText: '30.5',
      bandText: 'Red',
      bandClass: 'slds-badge slds-theme_error',
      changeText: 'Moved into red (was Yellow)',
      trendText: 'Declining, -3.5 a week',
      renewalText: '180 days',
      renewalDate: '2026-09-27',
      flags: [
        { key: 'overdueCheckIn', label: 'Check-in overdue', className: expect.stringContaining('flag_overdue') },
        { key: 'stalePlan', label: 'Plan stale', className: expect.stringContaining('flag_stale') },
        { key: 'severeRisk', label: 'Critical or high risk', className: expect.stringContaining('flag_severe') }
      ],
      topReason: 'Product adoption pulls the score down most: logins fell 40% in 28 days.',
      rowClass: 'account-row row_moved'
    });
    expect(recordUrl('001/x')).toBe('/lightning/r/Account/001%2Fx/view');
  });
});

import { createElement } from '@lwc/engine-dom';
import HealthPortfolio from 'c/healthPortfolio';
import getPortfolio from '@salesforce/apex/HealthPortfolioController.getPortfolio';
import {
  bandLabel,
  buildRows,
  buildView,
  createFormatters,
  describeBandChange,
  describeRows,
  describeTrend,
  formatMoney,
  formatPercent,
  formatScore,
  recordUrl
} from '../portfolioView';
import portfolioData from './data/portfolio.json';
import portfolioEmpty from './data/portfolioEmpty.json';
import portfolioRedOnly from './data/portfolioRedOnly.json';

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

interface ApexWireAdapterMock {
  emit(value: unknown): void;
  error(body?: unknown, status?: number, statusText?: string): void;
  getLastConfig(): Record<string, unknown> | null;
}

const getPortfolioAdapter = getPortfolio as unknown as ApexWireAdapterMock;

const PORTFOLIO = portfolioData as Portfolio;
const EMPTY = portfolioEmpty as Portfolio;
const RED_ONLY = portfolioRedOnly as Portfolio;
const ANN = '005000000000001AAA';
const DEFAULT_CONFIG = { band: '', ownerId: '', movedIntoRedOnly: false, maxRows: 2000 };
// The component formats amounts in the browser's locale; the expected texts use the same formats.
const USD = createFormatters('USD');

function flush(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function mount(): HTMLElement {
  const element = createElement('c-health-portfolio', { is: HealthPortfolio });
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

function tableRows(element: HTMLElement): HTMLElement[] {
  return Array.from(byId(element, 'account-rows')?.querySelectorAll<HTMLElement>('[role="row"]') ?? []);
}

function cellTexts(row: HTMLElement): string[] {
  return Array.from(row.children).map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim());
}

function changeCombobox(element: HTMLElement, id: string, value: string): void {
  byId(element, id)?.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

function withRows(rows: AccountRow[], changes: Partial<Portfolio> = {}): Portfolio {
  return { ...PORTFOLIO, ...changes, rows };
}

describe('c-health-portfolio', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('shows a spinner while loading', async () => {
    const element = mount();
    await flush();

    expect(byId(element, 'loading')).not.toBeNull();
    expect(byId(element, 'tiles')).toBeNull();
    expect(getPortfolioAdapter.getLastConfig()).toEqual(DEFAULT_CONFIG);
    await expect(element).toBeAccessible();
  });

  it('shows band counts and ARR at risk', async () => {
    const element = await mountWith(PORTFOLIO);

    const tiles = allById(element, 'tile').map((tile) => ({
      value: tile.querySelector('.tile-value')?.textContent,
      label: tile.querySelector('.tile-label')?.textContent
    }));
    expect(tiles).toEqual([
      { value: '2', label: 'Red' },
      { value: '1', label: 'Yellow' },
      { value: '1', label: 'Green' },
      { value: '0', label: 'Insufficient data' },
      { value: formatMoney(500000, USD), label: 'ARR at risk (red accounts)' }
    ]);
    expect(byId(element, 'loading')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('lists ARR at risk by CSM', async () => {
    const element = await mountWith(PORTFOLIO);

    const owners = allById(element, 'owner-risk');
    expect(owners).toHaveLength(2);
    const firstButton = owners[0].querySelector('button') as HTMLButtonElement;
    expect(firstButton.textContent?.trim()).toBe('Ann Lee');
    expect(firstButton.title).toBe('Show only the accounts of Ann Lee');
    expect(owners[0].querySelectorAll('td')[0].textContent).toBe('1');
    expect(owners[0].querySelectorAll('td')[1].textContent).toBe(formatMoney(400000, USD));
    expect(byId(element, 'no-owner-risks')).toBeNull();
  });

  it('renders rows in server order', async () => {
    const element = await mountWith(PORTFOLIO);

    const rows = tableRows(element);
    expect(rows.map((row) => cellTexts(row)[0])).toEqual([
      'Globex <b>Steady</b> Red',
      'Acme Falling',
      'Initech Yellow',
      'Umbrella Green'
    ]);
    expect(rows[0].querySelector('b')).toBeNull();
    expect(cellTexts(rows[1])).toEqual([
      'Acme Falling',
      'Ann Lee',
      formatMoney(400000, USD),
      '30.5',
      'RedMoved into red (was Yellow)',
      '63%',
      'Declining, -3.5 a week',
      'Product adoption pulls the score down most: logins fell 40% in 28 days.'
    ]);
    expect(rows[1].querySelector('a')?.getAttribute('href')).toBe('/lightning/r/Account/001000000000002AAA/view');
    expect(rows[1].classList.contains('row_moved')).toBe(true);
    expect(rows[1].querySelector('[role="rowheader"]')?.textContent).toBe('Acme Falling');
    expect(rows[1].querySelectorAll('[role="cell"]')).toHaveLength(7);
    expect(rows[1].querySelector('.slds-badge')?.className).toContain('slds-theme_error');
    expect(rows[1].querySelector('.slds-badge')?.textContent).toBe('Red');
    expect(rows[1].querySelector('.change')?.textContent).toBe('Moved into red (was Yellow)');
    expect(cellTexts(rows[2])[2]).toBe('');
    expect(rows[2].querySelector('.change')?.textContent).toBe('Was Green');
    expect(rows[0].classList.contains('row_moved')).toBe(false);
    expect(byId(element, 'rows-text')?.textContent).toBe('4 accounts, riskiest first.');
    expect(byId(element, 'moved-text')?.textContent).toBe('1 of the listed accounts moved into red this week.');
    expect(byId(element, 'comparison')?.textContent).toContain('latest score on or before 2026-03-24');
  });

  it('offers every owner in the filter', async () => {
    const element = await mountWith(PORTFOLIO);

    const ownerFilter = byId(element, 'owner-filter') as HTMLElement & { options: unknown; value: string };
    expect(ownerFilter.options).toEqual([
      { label: 'All owners', value: '' },
      { label: 'Ann Lee', value: ANN },
      { label: 'Ben Ortiz', value: '005000000000002AAA' }
    ]);
    expect(ownerFilter.value).toBe('');
    const bandFilter = byId(element, 'band-filter') as HTMLElement & { options: { value: string }[] };
    expect(bandFilter.options.map((option) => option.value)).toEqual(['', 'Red', 'Yellow', 'Green', 'Insufficient']);
  });

  it('reloads rows when the band filter changes', async () => {
    const element = await mountWith(PORTFOLIO);

    changeCombobox(element, 'band-filter', 'Red');
    await flush();

    expect(getPortfolioAdapter.getLastConfig()).toEqual({ ...DEFAULT_CONFIG, band: 'Red' });
    expect(byId(element, 'refreshing')).not.toBeNull();
    expect(tableRows(element)).toHaveLength(4);

    getPortfolioAdapter.emit(RED_ONLY);
    await flush();

    expect(byId(element, 'refreshing')).toBeNull();
    expect(tableRows(element).map((row) => cellTexts(row)[0])).toEqual(['Globex <b>Steady</b> Red']);
    expect(byId(element, 'rows-text')?.textContent).toBe(
      'Showing the 1 riskiest account of 2. Filter by band or owner to see the others.'
    );
    expect((byId(element, 'band-filter') as HTMLElement & { value: string }).value).toBe('Red');
    await expect(element).toBeAccessible();
  });

  it('filters by owner from the combobox', async () => {
    const element = await mountWith(PORTFOLIO);

    changeCombobox(element, 'owner-filter', ANN);
    await flush();

    expect(getPortfolioAdapter.getLastConfig()).toEqual({ ...DEFAULT_CONFIG, ownerId: ANN });
  });

  it('filters by owner from the risk list', async () => {
    const element = await mountWith(PORTFOLIO);

    allById(element, 'owner-risk')[1].querySelector<HTMLElement>('button')?.click();
    await flush();

    expect(getPortfolioAdapter.getLastConfig()).toEqual({ ...DEFAULT_CONFIG, ownerId: '005000000000002AAA' });
  });

  it('filters accounts that moved into red', async () => {
    const element = await mountWith(PORTFOLIO);

    byId(element, 'moved-filter')?.dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));
    await flush();

    expect(getPortfolioAdapter.getLastConfig()).toEqual({ ...DEFAULT_CONFIG, movedIntoRedOnly: true });
    expect((byId(element, 'moved-filter') as HTMLElement & { checked: boolean }).checked).toBe(true);
  });

  it('ignores a filter change to the same value', async () => {
    const element = await mountWith(PORTFOLIO);

    changeCombobox(element, 'band-filter', '');
    await flush();

    expect(byId(element, 'refreshing')).toBeNull();
    expect(getPortfolioAdapter.getLastConfig()).toEqual(DEFAULT_CONFIG);
  });

  it('clears filters when nothing matches', async () => {
    const element = await mountWith(PORTFOLIO);
    changeCombobox(element, 'band-filter', 'Insufficient');
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

  it('shows the empty state without scored accounts', async () => {
    const element = await mountWith(EMPTY);

    expect(byId(element, 'empty')?.textContent).toContain('No scored accounts yet');
    expect(byId(element, 'tiles')).toBeNull();
    expect(byId(element, 'filters')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows the error panel when loading fails', async () => {
    const element = mount();
    getPortfolioAdapter.error({ message: 'Loading the at-risk portfolio failed: Timed out.' });
    await flush();

    const panel = byId(element, 'load-error') as HTMLElement & { errors: unknown; friendlyMessage: string };
    expect(panel).not.toBeNull();
    expect(panel.friendlyMessage).toBe('The at-risk portfolio could not be loaded.');
    expect((panel.errors as { body: { message: string } }).body.message).toContain('Timed out');
    expect(byId(element, 'access-denied')).toBeNull();
    expect(byId(element, 'loading')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows the Apex message when access is denied', async () => {
    const message =
      'Access denied: you cannot read Health Snapshot records, which tell how the bands changed in the last 7 days. ' +
      'Ask your admin to assign you the Success Cockpit Manager permission set.';
    const element = mount();
    getPortfolioAdapter.error({ message });
    await flush();

    expect(byId(element, 'access-denied')?.textContent).toContain(message);
    expect(byId(element, 'load-error')).toBeNull();
    expect(byId(element, 'tiles')).toBeNull();
    await expect(element).toBeAccessible();
  });
});

describe('portfolioView', () => {
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

  it('formats scores and coverage', () => {
    expect(formatScore(30.46)).toBe('30.5');
    expect(formatScore(null)).toBe('n/a');
    expect(formatPercent(0.625)).toBe('63%');
    expect(formatPercent(null)).toBe('n/a');
  });

  it('describes trends', () => {
    expect(describeTrend('Declining', -3.54)).toBe('Declining, -3.5 a week');
    expect(describeTrend('Improving', 1.2)).toBe('Improving, +1.2 a week');
    expect(describeTrend('Stable', null)).toBe('Stable');
    expect(describeTrend('Unknown', 2)).toBe('Unknown');
    expect(describeTrend(null, null)).toBe('Unknown');
  });

  it('describes band changes', () => {
    const row = PORTFOLIO.rows?.[1] as AccountRow;

    expect(describeBandChange(row)).toBe('Moved into red (was Yellow)');
    expect(describeBandChange({ ...row, previousBand: null })).toBe('Moved into red (no score a week ago)');
    expect(describeBandChange({ ...row, movedIntoRed: false, band: 'Green', previousBand: 'Insufficient' })).toBe(
      'Was Insufficient data'
    );
    expect(describeBandChange({ ...row, movedIntoRed: false, previousBand: 'Red' })).toBe('');
  });

  it('labels bands', () => {
    expect(bandLabel('Insufficient')).toBe('Insufficient data');
    expect(bandLabel('Red')).toBe('Red');
    expect(bandLabel(null)).toBe('Not scored');
  });

  it('builds one row per account with a record link', () => {
    const rows = buildRows(PORTFOLIO.rows, formatters);

    expect(rows).toHaveLength(4);
    expect(rows[3]).toEqual({
      key: '001000000000004AAA',
      accountName: 'Umbrella Green',
      url: recordUrl('001000000000004AAA'),
      ownerName: 'Ben Ortiz',
      arrText: '$900,000',
      scoreText: '85',
      bandText: 'Green',
      bandClass: 'slds-badge slds-theme_success',
      changeText: '',
      coverageText: '100%',
      trendText: 'Improving, +1.2 a week',
      topReason: 'Nothing pulls the score down much.',
      rowClass: 'grid-row account-row'
    });
    expect(buildRows(null, formatters)).toEqual([]);
  });

  it('says when rows were left out', () => {
    expect(describeRows(RED_ONLY, 1, formatters)).toBe(
      'Showing the 1 riskiest account of 2. Filter by band or owner to see the others.'
    );
    expect(describeRows({ ...RED_ONLY, matchingCount: null }, 2000, formatters)).toBe(
      'Showing the 2,000 riskiest accounts. Filter by band or owner to see the others.'
    );
    expect(describeRows(PORTFOLIO, 1, formatters)).toBe('1 account, riskiest first.');
  });

  it('marks a portfolio without owners as empty', () => {
    expect(buildView(EMPTY, 'en-US').isEmpty).toBe(true);
    expect(buildView(PORTFOLIO, 'en-US').isEmpty).toBe(false);
    expect(buildView(PORTFOLIO, 'en-US').movedText).toBe('1 of the listed accounts moved into red this week.');
  });
});

import type { Page } from 'playwright-core';
import { launchChromium } from '../chromium';
import type { ChromiumSession } from '../chromium';
import { startCockpit, DEFAULT_STARTUP_TIMEOUT_MS } from '../cockpitServer';
import type { CockpitServer } from '../cockpitServer';
import { openPageWithComponent, tableCells, waitForApexResponse } from '../pageTools';
import { bandOneWeekEarlier, scoreReference } from '../referenceScores';
import type { ReferenceScores } from '../referenceScores';
import type { ScoredAccount } from '../../../lib/score/portfolio';

/** Leading rows compared with the engine's order; enough to cover all red accounts and the first yellow ones. */
const ROWS_COMPARED = 25;
const PORTFOLIO = '[data-component="healthPortfolio"]';
const TABLE = `${PORTFOLIO} [data-id="accounts-table"]`;
const GET_PORTFOLIO = 'HealthPortfolioController.getPortfolio';
const NAME_COLUMN = 0;
const OWNER_COLUMN = 1;
const BAND_COLUMN = 4;

function names(accounts: ScoredAccount[]): string[] {
  return accounts.map((account) => account.signals.accountName);
}

describe('At-risk page', () => {
  let server: CockpitServer;
  let chrome: ChromiumSession;
  let page: Page;
  let reference: ReferenceScores;
  let route: string;

  beforeAll(async () => {
    [server, reference] = await Promise.all([startCockpit({ user: 'manager' }), scoreReference()]);
    chrome = await launchChromium();
    page = await chrome.context.newPage();
    route = await openPageWithComponent(page, server.url, 'healthPortfolio');
  }, DEFAULT_STARTUP_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    await chrome?.close();
    await server?.stop();
  });

  /** Opens the page with no filters and waits for the table. */
  async function openUnfiltered(): Promise<void> {
    await page.goto('about:blank');
    const loaded = waitForApexResponse(page, GET_PORTFOLIO);
    await page.goto(`${server.url}${route}`);
    await loaded;
    await page.locator(TABLE).waitFor();
  }

  /** Runs a filter change and waits until the portfolio it asked for is shown. */
  async function applyFilter(change: () => Promise<void>): Promise<string[][]> {
    const response = waitForApexResponse(page, GET_PORTFOLIO);
    await change();
    expect((await response).status()).toBe(200);
    await page.locator(`${PORTFOLIO} [data-id="refreshing"]`).waitFor({ state: 'detached' });
    return (await page.locator(TABLE).count()) ? tableCells(page, TABLE) : [];
  }

  async function chooseOption(label: string, option: string): Promise<void> {
    await page.locator(PORTFOLIO).getByRole('combobox', { name: label }).click();
    await page.locator(PORTFOLIO).getByRole('option', { name: option, exact: true }).click();
  }

  it('lists accounts riskiest first', async () => {
    await openUnfiltered();

    const rows = await tableCells(page, TABLE);
    expect(rows).toHaveLength(reference.accounts.length);
    expect(rows.slice(0, ROWS_COMPARED).map((row) => row[NAME_COLUMN])).toEqual(
      names(reference.accounts.slice(0, ROWS_COMPARED))
    );
  });

  it('filters by band', async () => {
    const red = reference.accounts.filter((account) => account.health.band === 'Red');
    await openUnfiltered();

    const rows = await applyFilter(() => chooseOption('Band', 'Red'));

    expect(red.length).toBeGreaterThan(0);
    expect(rows.map((row) => row[NAME_COLUMN])).toEqual(names(red));
    for (const row of rows) {
      expect(row[BAND_COLUMN].startsWith('Red')).toBe(true);
    }
  });

  it('filters by owner', async () => {
    const owner = reference.accountInfo.get(reference.accounts[0].signals.accountId)?.ownerName ?? '';
    const owned = reference.accounts.filter(
      (account) => reference.accountInfo.get(account.signals.accountId)?.ownerName === owner
    );
    await openUnfiltered();

    const rows = await applyFilter(() => chooseOption('Owner', owner));

    expect(owner).not.toBe('');
    expect(rows.map((row) => row[NAME_COLUMN])).toEqual(names(owned));
    for (const row of rows) {
      expect(row[OWNER_COLUMN]).toBe(owner);
    }
  });

  it('filters accounts moved into red', async () => {
    const moved = reference.accounts.filter(
      (account) => account.health.band === 'Red' && bandOneWeekEarlier(account, reference.asOf) !== 'Red'
    );
    await openUnfiltered();

    const rows = await applyFilter(() => page.locator(`${PORTFOLIO} [data-id="moved-filter"] label`).click());

    expect(moved.length).toBeGreaterThan(0);
    expect(rows.map((row) => row[NAME_COLUMN])).toEqual(names(moved));
    for (const row of rows) {
      expect(row[BAND_COLUMN]).toContain('Moved into red');
    }
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { launchChromium } from '../chromium';
import type { ChromiumSession } from '../chromium';
import { startCockpit, DEFAULT_STARTUP_TIMEOUT_MS } from '../cockpitServer';
import type { CockpitServer } from '../cockpitServer';
import { openPageWithComponent, tableCells, waitForApexResponse } from '../pageTools';
import { DEMO_EXPORT_DIR, bandOneWeekEarlier, scoreReference } from '../referenceScores';
import type { ReferenceScores } from '../referenceScores';
import type { ScoredAccount } from '../../../lib/score/portfolio';

const DASHBOARD = '[data-component="atRiskDashboard"]';
const TABLE = `${DASHBOARD} [data-id="accounts-table"]`;
const GET_PORTFOLIO = 'HealthPortfolioController.getPortfolio';
const PAGE_SIZE = 50;
const NAME_COLUMN = 0;
const OWNER_COLUMN = 1;
const SEGMENT_COLUMN = 2;
const ARR_COLUMN = 3;
const BAND_COLUMN = 5;
const CHANGE_COLUMN = 6;
const RENEWAL_COLUMN = 7;
const FLAGS_COLUMN = 8;

function names(accounts: ScoredAccount[]): string[] {
  return accounts.map((account) => account.signals.accountName);
}

/** Reads an amount such as `$1,200` back as a number; null for an empty cell. */
function amountOf(text: string): number | null {
  const digits = text.replace(/[^0-9.-]/g, '');
  return digits === '' ? null : Number(digits);
}

/** Reads the days-to-renewal cell (`Today`, `45 days`, `12 days ago`) back as a number of days. */
function daysOf(text: string): number | null {
  if (text === 'Today') {
    return 0;
  }
  const match = /^(\d+) days?( ago)?$/.exec(text);
  if (!match) {
    return null;
  }
  return match[2] ? -Number(match[1]) : Number(match[1]);
}

/**
 * Returns the names of the accounts that the export's RenewalCheckpoint__c.csv flags with IsDisagreement__c, read
 * without the cockpit. Each flagged checkpoint of the demo belongs to its account's current renewal date.
 */
function flaggedAccountNames(reference: ReferenceScores): string[] {
  const file = readFileSync(path.join(DEMO_EXPORT_DIR, 'RenewalCheckpoint__c.csv'), 'utf8');
  const rows = parse(file, { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const accountIds = new Set(rows.filter((row) => row.IsDisagreement__c === 'true').map((row) => row.Account__c));
  return [...accountIds].map((accountId) => reference.accountInfo.get(accountId)?.name ?? accountId).sort();
}

describe('At-risk dashboard', () => {
  let server: CockpitServer;
  let chrome: ChromiumSession;
  let page: Page;
  let reference: ReferenceScores;
  let route: string;

  beforeAll(async () => {
    [server, reference] = await Promise.all([startCockpit({ user: 'manager' }), scoreReference()]);
    chrome = await launchChromium();
    page = await chrome.context.newPage();
    route = await openPageWithComponent(page, server.url, 'atRiskDashboard');
  }, DEFAULT_STARTUP_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    await chrome?.close();
    await server?.stop();
  });

  /** Opens the page with no filters and waits for the table. The filters a test kept in the session are dropped. */
  async function openUnfiltered(): Promise<void> {
    if (page.url().startsWith(server.url)) {
      await page.evaluate(() => window.sessionStorage.clear());
    }
    await page.goto('about:blank');
    const loaded = waitForApexResponse(page, GET_PORTFOLIO);
    await page.goto(`${server.url}${route}`);
    await loaded;
    await page.locator(TABLE).waitFor();
  }

  /** Runs a filter change and waits until the dashboard it asked for is shown. */
  async function applyFilter(change: () => Promise<void>): Promise<string[][]> {
    const response = waitForApexResponse(page, GET_PORTFOLIO);
    await change();
    expect((await response).status()).toBe(200);
    await page.locator(`${DASHBOARD} [data-id="refreshing"]`).waitFor({ state: 'detached' });
    return (await page.locator(TABLE).count()) ? tableCells(page, TABLE) : [];
  }

  async function chooseOption(label: string, option: string): Promise<void> {
    await page.locator(DASHBOARD).getByRole('combobox', { name: label }).click();
    await page.locator(DASHBOARD).getByRole('option', { name: option, exact: true }).click();
  }

  async function pageText(): Promise<string> {
    return (await page.locator(`${DASHBOARD} [data-id="page-text"]`).innerText()).trim();
  }

  it('lists accounts riskiest first, 50 to a page', async () => {
    await openUnfiltered();

    const rows = await tableCells(page, TABLE);
    expect(reference.accounts.length).toBeGreaterThan(PAGE_SIZE);
    expect(rows.map((row) => row[NAME_COLUMN])).toEqual(names(reference.accounts.slice(0, PAGE_SIZE)));
    expect(await pageText()).toBe(
      `Page 1 of ${Math.ceil(reference.accounts.length / PAGE_SIZE)}, accounts 1 to ${PAGE_SIZE} of ` +
        `${reference.accounts.length}.`
    );
  });

  it('pages through the accounts', async () => {
    await openUnfiltered();

    await page.locator(DASHBOARD).getByRole('button', { name: 'Next page' }).click();
    await page.locator(`${DASHBOARD} [data-id="page-text"]`, { hasText: 'Page 2 of' }).waitFor();

    const rows = await tableCells(page, TABLE);
    expect(rows.map((row) => row[NAME_COLUMN])).toEqual(names(reference.accounts.slice(PAGE_SIZE, 2 * PAGE_SIZE)));

    await page.locator(DASHBOARD).getByRole('button', { name: 'Last page' }).click();
    await page.locator(`${DASHBOARD} [data-id="page-text"]`, { hasText: `of ${reference.accounts.length}.` }).waitFor();
    const last = await tableCells(page, TABLE);
    const lastStart = Math.floor((reference.accounts.length - 1) / PAGE_SIZE) * PAGE_SIZE;
    expect(last.map((row) => row[NAME_COLUMN])).toEqual(names(reference.accounts.slice(lastStart)));
    expect(await page.locator(DASHBOARD).getByRole('button', { name: 'Next page' }).isDisabled()).toBe(true);
  });

  it('sorts by ARR, largest first', async () => {
    const largest = Math.max(...[...reference.accountInfo.values()].map((info) => info.arr ?? 0));
    await openUnfiltered();

    await page.locator(`${DASHBOARD} [data-field="arr"]`).click();
    const header = page.locator(`${DASHBOARD} th`, { has: page.locator('[data-field="arr"]') });
    await expect(header.getAttribute('aria-sort')).resolves.toBe('descending');

    const amounts = (await tableCells(page, TABLE)).map((row) => amountOf(row[ARR_COLUMN]) ?? -1);
    expect(amounts[0]).toBe(largest);
    for (let index = 1; index < amounts.length; index++) {
      expect(amounts[index]).toBeLessThanOrEqual(amounts[index - 1]);
    }

    await page.locator(`${DASHBOARD} [data-field="arr"]`).click();
    await expect(header.getAttribute('aria-sort')).resolves.toBe('ascending');
    const ascending = (await tableCells(page, TABLE)).map((row) => amountOf(row[ARR_COLUMN]) ?? Infinity);
    for (let index = 1; index < ascending.length; index++) {
      expect(ascending[index]).toBeGreaterThanOrEqual(ascending[index - 1]);
    }
  });

  it('sorts by weekly change, steepest decline first', async () => {
    await openUnfiltered();

    await page.locator(`${DASHBOARD} [data-field="change"]`).click();
    const header = page.locator(`${DASHBOARD} th`, { has: page.locator('[data-field="change"]') });
    await expect(header.getAttribute('aria-sort')).resolves.toBe('ascending');

    // The Change cell ends in the weekly change, such as "Declining, -2.5 a week"; Unknown trends sort last.
    const changes = (await tableCells(page, TABLE)).map((row) => {
      const match = /([+-]?\d+(?:\.\d+)?) a week$/.exec(row[CHANGE_COLUMN]);
      return match ? Number(match[1]) : Infinity;
    });
    expect(changes[0]).toBeLessThan(0);
    for (let index = 1; index < changes.length; index++) {
      expect(changes[index]).toBeGreaterThanOrEqual(changes[index - 1]);
    }
  });

  it('filters by band', async () => {
    const red = reference.accounts.filter((account) => account.health.band === 'Red');
    await openUnfiltered();

    const rows = await applyFilter(() => chooseOption('Band', 'Red'));

    expect(red.length).toBeGreaterThan(0);
    expect(rows.map((row) => row[NAME_COLUMN])).toEqual(names(red));
    for (const row of rows) {
      expect(row[BAND_COLUMN]).toBe('Red');
    }
  });

  it('filters by CSM', async () => {
    const owner = reference.accountInfo.get(reference.accounts[0].signals.accountId)?.ownerName ?? '';
    const owned = reference.accounts.filter(
      (account) => reference.accountInfo.get(account.signals.accountId)?.ownerName === owner
    );
    await openUnfiltered();

    const rows = await applyFilter(() => chooseOption('CSM', owner));

    expect(owner).not.toBe('');
    expect(rows.map((row) => row[NAME_COLUMN])).toEqual(names(owned).slice(0, PAGE_SIZE));
    for (const row of rows) {
      expect(row[OWNER_COLUMN]).toBe(owner);
    }
  });

  it('filters by segment', async () => {
    const smb = reference.accounts.filter(
      (account) => reference.accountInfo.get(account.signals.accountId)?.segment === 'SMB'
    );
    await openUnfiltered();

    const rows = await applyFilter(() => chooseOption('Segment', 'SMB'));

    expect(smb.length).toBeGreaterThan(0);
    expect(rows.map((row) => row[NAME_COLUMN])).toEqual(names(smb).slice(0, PAGE_SIZE));
    for (const row of rows) {
      expect(row[SEGMENT_COLUMN]).toBe('SMB');
    }
  });

  it('filters renewals in the next 90 days', async () => {
    await openUnfiltered();

    const rows = await applyFilter(() => chooseOption('Renewal', 'Next 90 days'));

    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(reference.accounts.length);
    for (const row of rows) {
      const days = daysOf(row[RENEWAL_COLUMN]);
      expect(days).not.toBeNull();
      expect(days).toBeGreaterThanOrEqual(0);
      expect(days).toBeLessThanOrEqual(90);
    }
  });

  it('filters accounts moved into red', async () => {
    const moved = reference.accounts.filter(
      (account) => account.health.band === 'Red' && bandOneWeekEarlier(account, reference.asOf) !== 'Red'
    );
    await openUnfiltered();

    const rows = await applyFilter(() => page.locator(`${DASHBOARD} [data-id="moved-filter"] label`).click());

    expect(moved.length).toBeGreaterThan(0);
    expect(rows.map((row) => row[NAME_COLUMN])).toEqual(names(moved));
    for (const row of rows) {
      expect(row[CHANGE_COLUMN]).toContain('Moved into red');
    }
  });

  it('lists renewal call disagreements from their tile', async () => {
    const flagged = flaggedAccountNames(reference);
    await openUnfiltered();
    const disagreementTile = page.locator(`${DASHBOARD} [data-tile="disagreement"]`);
    const tileValue = (await disagreementTile.locator('.tile-value').innerText()).trim();

    await disagreementTile.click();
    await page.locator(`${DASHBOARD} [data-id="quick-filter"]`).waitFor();

    const rows = await tableCells(page, TABLE);
    expect(flagged.length).toBeGreaterThan(0);
    expect(tileValue).toBe(String(flagged.length));
    expect(rows.map((row) => row[NAME_COLUMN]).sort()).toEqual(flagged);
    for (const row of rows) {
      expect(row[FLAGS_COLUMN]).toContain('Call disagrees');
    }
    await expect(disagreementTile.getAttribute('aria-pressed')).resolves.toBe('true');
  });

  it('keeps filters, sort and page after opening an account and going back', async () => {
    await openUnfiltered();
    await applyFilter(() => chooseOption('Band', 'Red'));
    await page.locator(`${DASHBOARD} [data-field="arr"]`).click();
    const before = await tableCells(page, TABLE);
    const textBefore = await pageText();

    await page.locator(TABLE).getByRole('link', { name: before[0][NAME_COLUMN], exact: true }).click();
    await page.locator('[data-component="healthScorecard"] [data-id="score"]').waitFor();
    const loaded = waitForApexResponse(page, GET_PORTFOLIO);
    await page.goBack();
    await loaded;
    await page.locator(TABLE).waitFor();

    const header = page.locator(`${DASHBOARD} th`, { has: page.locator('[data-field="arr"]') });
    await expect(header.getAttribute('aria-sort')).resolves.toBe('descending');
    await expect(page.locator(DASHBOARD).getByRole('combobox', { name: 'Band' }).innerText()).resolves.toContain('Red');
    expect(await tableCells(page, TABLE)).toEqual(before);
    expect(await pageText()).toBe(textBefore);
  });

  it('disables a tile that would list no account', async () => {
    await openUnfiltered();
    const tiles = await page.locator(`${DASHBOARD} [data-id="attention-tiles"] [data-id="tile"]`).all();
    expect(tiles).toHaveLength(4);
    for (const tile of tiles) {
      const isZero = (await tile.locator('.tile-value').innerText()).trim() === '0';
      await expect(tile.getAttribute('aria-disabled')).resolves.toBe(isZero ? 'true' : 'false');
      if (isZero) {
        await expect(tile.getAttribute('title')).resolves.toMatch(/^No listed account /);
        const rowsText = await page.locator(`${DASHBOARD} [data-id="rows-text"]`).innerText();
        // Playwright waits for an aria-disabled button to become enabled; a forced click is what a user's click does.
        await tile.click({ force: true });
        await expect(page.locator(`${DASHBOARD} [data-id="no-match"]`).count()).resolves.toBe(0);
        await expect(page.locator(`${DASHBOARD} [data-id="rows-text"]`).innerText()).resolves.toBe(rowsText);
      }
    }
  });

  it('opens the account record from its name', async () => {
    const account = reference.accounts[0];
    await openUnfiltered();

    await page.locator(TABLE).getByRole('link', { name: account.signals.accountName, exact: true }).click();

    await page.locator('[data-component="healthScorecard"] [data-id="score"]').waitFor();
    expect(new URL(page.url()).hash).toBe(`#/account/${account.signals.accountId}`);
  });
});

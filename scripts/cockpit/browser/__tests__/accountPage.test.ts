import type { Page } from 'playwright-core';
import { launchChromium } from '../chromium';
import type { ChromiumSession } from '../chromium';
import { startCockpit, DEFAULT_STARTUP_TIMEOUT_MS } from '../cockpitServer';
import type { CockpitServer } from '../cockpitServer';
import { openRoute, typedDate, waitForApexResponse } from '../pageTools';
import { accountNamed, displayBand, previousScore, scoreReference } from '../referenceScores';
import type { ReferenceScores } from '../referenceScores';

// A "Declining" account of demo/org-export/README.md that the reference engine scores Red.
const DECLINING_ACCOUNT = 'Bramcombe Software';
const SCORECARD = '[data-component="healthScorecard"] [data-id="score"]';

/** Formats as the scorecard does: at most one decimal place. */
function oneDecimal(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function signedOneDecimal(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return rounded > 0 ? `+${rounded}` : String(rounded);
}

async function texts(page: Page, selector: string): Promise<string[]> {
  return (await page.locator(selector).allTextContents()).map((text) => text.trim().replace(/\s+/g, ' '));
}

describe('Account page', () => {
  let server: CockpitServer;
  let chrome: ChromiumSession;
  let page: Page;
  let reference: ReferenceScores;

  beforeAll(async () => {
    [server, reference] = await Promise.all([startCockpit({ user: 'csm' }), scoreReference()]);
    chrome = await launchChromium();
    page = await chrome.context.newPage();
  }, DEFAULT_STARTUP_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    await chrome?.close();
    await server?.stop();
  });

  it('shows band and coverage of engine', async () => {
    const account = accountNamed(reference, DECLINING_ACCOUNT);
    expect(account.health.band).toBe('Red');

    await openRoute(page, server.url, `#/account/${account.signals.accountId}`, SCORECARD);

    const card = page.locator('[data-component="healthScorecard"]');
    expect((await card.locator('[data-id="score"]').innerText()).trim()).toBe(oneDecimal(account.health.score ?? NaN));
    expect((await card.locator('[data-id="band"]').innerText()).trim()).toBe(displayBand(account.health));
    expect((await card.locator('[data-id="coverage"]').innerText()).trim()).toBe(
      `Coverage ${Math.round(account.health.coverage * 100)}%`
    );
  });

  it('explains the move in the waterfall', async () => {
    const account = accountNamed(reference, DECLINING_ACCOUNT);
    const previous = previousScore(account);
    const moves = account.health.ledger
      .filter((entry) => entry.pointsChange !== null && Math.abs(entry.pointsChange) >= 0.05)
      .sort(
        (a, b) =>
          Math.abs(b.pointsChange as number) - Math.abs(a.pointsChange as number) || a.label.localeCompare(b.label)
      );
    expect(previous).not.toBeNull();
    expect(moves.length).toBeGreaterThan(0);

    await openRoute(page, server.url, `#/account/${account.signals.accountId}`, SCORECARD);

    const card = page.locator('[data-component="healthScorecard"]');
    expect(await card.locator('[data-id="waterfall-intro"]').innerText()).toContain(
      `From ${oneDecimal(previous as number)} to ${oneDecimal(account.health.score as number)}`
    );
    const labels = await texts(page, '[data-component="healthScorecard"] [data-id="waterfall-row"] .waterfall-label');
    const changes = await texts(page, '[data-component="healthScorecard"] [data-id="waterfall-row"] .waterfall-change');
    expect(labels.slice(0, moves.length)).toEqual(moves.map((entry) => entry.label));
    expect(changes.slice(0, moves.length)).toEqual(
      moves.map((entry) => `${signedOneDecimal(entry.pointsChange as number)} points`)
    );
  });

  it('keeps a requested override after reload', async () => {
    const account = accountNamed(reference, DECLINING_ACCOUNT);
    const reason = `Renewal signed on ${new Date().toISOString()}; usage data lags the contract.`;
    await openRoute(page, server.url, `#/account/${account.signals.accountId}`, SCORECARD);
    const card = page.locator('[data-component="healthScorecard"]');

    await card.locator('[data-id="request-override"] button').click();
    const form = card.locator('[data-id="override-form"]');
    await form.getByRole('combobox', { name: 'Measure' }).click();
    const measure = form.getByRole('option').first();
    const measureLabel = (await measure.innerText()).trim();
    await measure.click();
    await form.getByLabel('Score to use (0 to 100)').fill('65');
    await form.getByLabel('Reason').fill(reason);
    await form.getByLabel('Expires on').fill(typedDate(30));
    const saved = waitForApexResponse(page, 'HealthScorecardController.requestOverride');
    await form.locator('[data-id="submit-override"] button').click();
    expect((await saved).status()).toBe(200);
    await page.reload();
    await page.locator(SCORECARD).waitFor();

    const overrides = card.locator('[data-id="override"]');
    await expect(overrides.filter({ hasText: reason }).count()).resolves.toBe(1);
    expect(await overrides.filter({ hasText: reason }).innerText()).toContain(measureLabel);
  });
});

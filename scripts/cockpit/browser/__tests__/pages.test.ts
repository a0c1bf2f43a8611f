import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, PageProblems, screenshotDir } from '../chromium';
import type { ChromiumSession } from '../chromium';
import { startCockpit, DEFAULT_STARTUP_TIMEOUT_MS } from '../cockpitServer';
import type { CockpitServer } from '../cockpitServer';
import { navigationRoutes, openRoute, RENDER_TIMEOUT_MS } from '../pageTools';
import { accountNamed, scoreReference } from '../referenceScores';

const ACCOUNT = 'Bramcombe Software';

/** Turns a page label into a file name, such as `success-cockpit-portfolio`. */
function fileName(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Waits until the page stops loading: no request for 500 ms and no spinner left. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: RENDER_TIMEOUT_MS });
  await page.waitForFunction(() => document.querySelectorAll('lightning-spinner').length === 0, undefined, {
    timeout: RENDER_TIMEOUT_MS
  });
}

describe('Cockpit pages', () => {
  let server: CockpitServer;
  let chrome: ChromiumSession;
  let page: Page;
  let pages: { label: string; route: string }[] = [];
  const problems = new PageProblems();
  let currentRoute = '';

  beforeAll(async () => {
    const [started, reference] = await Promise.all([startCockpit({ user: 'manager' }), scoreReference()]);
    server = started;
    chrome = await launchChromium();
    page = await chrome.context.newPage();
    // The QBR builder on the Account page opens on the quarter of the browser's date, and the cockpit rejects a
    // quarter that starts after the export's data, so the page's clock shows the export's as-of date.
    const [year, month, day] = reference.asOf.split('-').map(Number);
    await page.clock.setFixedTime(new Date(year, month - 1, day, 12, 0, 0));
    await openRoute(page, server.url, '#/', 'nav[aria-label="Cockpit pages"] a');
    pages = [
      ...(await navigationRoutes(page)),
      { label: 'Account', route: `#/account/${accountNamed(reference, ACCOUNT).signals.accountId}` }
    ];
    problems.watch(page, () => currentRoute);
  }, DEFAULT_STARTUP_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    await chrome?.close();
    await server?.stop();
  });

  it('load without errors', async () => {
    const dir = screenshotDir();
    const saved: string[] = [];

    for (const { label, route } of pages) {
      currentRoute = route;
      await openRoute(page, server.url, route, 'main [data-component], main x-account-list');
      await settle(page);
      const file = path.join(dir, `${fileName(label)}.png`);
      await page.screenshot({ path: file, fullPage: true });
      saved.push(file);
    }
    process.stdout.write(`Screenshots of ${saved.length} cockpit pages: ${dir}\n`);

    expect(pages.length).toBeGreaterThanOrEqual(4);
    expect(problems.lines).toEqual([]);
  });
});

import type { Page } from 'playwright-core';
import { launchChromium } from '../chromium';
import type { ChromiumSession } from '../chromium';
import { startCockpit, DEFAULT_STARTUP_TIMEOUT_MS } from '../cockpitServer';
import type { CockpitServer } from '../cockpitServer';
import { openPageWithComponent, openRoute, tabTo, waitForApexRequest } from '../pageTools';
import type { FocusedElement } from '../pageTools';
import { accountNamed, scoreReference } from '../referenceScores';

// A declining account with an open risk, so the risk register shows its row actions.
const ACCOUNT = 'Bramcombe Software';

type PageKey = 'account' | 'portfolio' | 'admin';
type Key = 'Enter' | 'Space' | 'ArrowDown';

/** One keyboard action: where it is, how Tab finds it, and what shows that it ran. */
interface ActionCase {
  name: string;
  page: PageKey;
  matches: (focused: FocusedElement) => boolean;
  keys: Key[][];
  effect: (page: Page) => Promise<unknown>;
}

const button =
  (hook: string) =>
  (focused: FocusedElement): boolean =>
    focused.tag === 'button' && focused.hook === hook;

const visible = (selector: string) => (page: Page) =>
  page.locator(selector).first().waitFor({ state: 'visible', timeout: 10_000 });

const apexCall =
  (method: string, check: (params: Record<string, unknown>) => boolean = () => true) =>
  async (page: Page): Promise<void> => {
    const request = await waitForApexRequest(page, method);
    expect(check((request.postDataJSON() ?? {}) as Record<string, unknown>)).toBe(true);
  };

const SCORECARD = '[data-component="healthScorecard"]';
const REGISTER = '[data-component="riskRegister"]';
const DASHBOARD = '[data-component="atRiskDashboard"]';

const CASES: ActionCase[] = [
  {
    name: 'Recalculate now',
    page: 'account',
    matches: button('recalculate'),
    keys: [['Enter'], ['Space']],
    effect: apexCall('HealthScorecardController.recalculate')
  },
  {
    name: 'Request override',
    page: 'account',
    matches: button('request-override'),
    keys: [['Enter'], ['Space']],
    effect: visible(`${SCORECARD} [data-id="override-form"]`)
  },
  {
    name: 'New risk',
    page: 'account',
    matches: button('new-risk'),
    keys: [['Enter'], ['Space']],
    effect: visible(`${REGISTER} [data-id="create-form"]`)
  },
  {
    name: 'Export risk plan',
    page: 'account',
    matches: button('export-plan'),
    keys: [['Enter'], ['Space']],
    effect: (page) => page.waitForEvent('download', { timeout: 10_000 })
  },
  {
    name: 'Escalate risk',
    page: 'account',
    matches: button('escalate'),
    keys: [['Enter'], ['Space']],
    effect: visible(`${REGISTER} [data-id="escalate-form"]`)
  },
  {
    name: 'Log check-in',
    page: 'account',
    matches: button('checkIn'),
    keys: [['Enter'], ['Space']],
    effect: visible(`${REGISTER} [data-id="check-in-form"]`)
  },
  {
    name: 'Close risk',
    page: 'account',
    matches: button('close'),
    keys: [['Enter'], ['Space']],
    effect: visible(`${REGISTER} [data-id="close-form"]`)
  },
  {
    name: 'Band filter',
    page: 'portfolio',
    matches: (focused) => focused.role === 'combobox' && focused.name === 'Band',
    keys: [['Enter', 'ArrowDown', 'ArrowDown', 'Enter']],
    effect: apexCall('HealthPortfolioController.getPortfolio', (params) => params.band !== '')
  },
  {
    name: 'CSM filter',
    page: 'portfolio',
    matches: (focused) => focused.role === 'combobox' && focused.name === 'CSM',
    keys: [['Enter', 'ArrowDown', 'ArrowDown', 'Enter']],
    effect: apexCall('HealthPortfolioController.getPortfolio', (params) => params.ownerId !== '')
  },
  {
    name: 'Segment filter',
    page: 'portfolio',
    matches: (focused) => focused.role === 'combobox' && focused.name === 'Segment',
    keys: [['Enter', 'ArrowDown', 'ArrowDown', 'Enter']],
    effect: apexCall('HealthPortfolioController.getPortfolio', (params) => params.segment !== '')
  },
  {
    name: 'Renewal filter',
    page: 'portfolio',
    matches: (focused) => focused.role === 'combobox' && focused.name === 'Renewal',
    keys: [['Enter', 'ArrowDown', 'ArrowDown', 'Enter']],
    effect: apexCall('HealthPortfolioController.getPortfolio', (params) => params.renewalWindowDays !== null)
  },
  {
    name: 'Moved into red filter',
    page: 'portfolio',
    matches: (focused) => focused.tag === 'input' && focused.hook === 'moved-filter',
    keys: [['Space']],
    effect: apexCall('HealthPortfolioController.getPortfolio', (params) => params.movedIntoRedOnly === true)
  },
  {
    name: 'Renewal call disagrees tile',
    page: 'portfolio',
    matches: (focused) => focused.tag === 'button' && focused.hook === 'tile' && focused.name.includes('disagrees'),
    keys: [['Enter'], ['Space']],
    effect: visible(`${DASHBOARD} [data-id="quick-filter"]`)
  },
  {
    name: 'Sort by ARR',
    page: 'portfolio',
    matches: (focused) => focused.tag === 'button' && focused.hook === 'sort-button' && focused.name === 'ARR',
    keys: [['Enter'], ['Space']],
    effect: visible(`${DASHBOARD} th[aria-sort]`)
  },
  {
    name: 'Next page',
    page: 'portfolio',
    matches: (focused) => focused.tag === 'button' && focused.hook === 'next-page',
    keys: [['Enter'], ['Space']],
    effect: (page) =>
      page.locator(`${DASHBOARD} [data-id="page-text"]`, { hasText: 'Page 2 of' }).waitFor({ timeout: 10_000 })
  },
  {
    name: 'Refresh job status',
    page: 'admin',
    matches: button('refresh'),
    keys: [['Enter'], ['Space']],
    effect: apexCall('HealthJobController.getStatus')
  },
  {
    name: 'Ensure scheduled',
    page: 'admin',
    matches: button('ensure-scheduled'),
    keys: [['Enter'], ['Space']],
    effect: apexCall('HealthJobController.ensureScheduled')
  }
];

// A combobox highlights its current option a moment after it opens, so two arrow presses always leave "All" whether
// or not the first one came before that highlight. Timing on a loaded machine still varies, so each case may retry.
jest.retryTimes(2, { logErrorsBeforeRetry: true });

describe('Keyboard', () => {
  let server: CockpitServer;
  let chrome: ChromiumSession;
  let page: Page;
  const routes: Record<PageKey, string> = { account: '', portfolio: '', admin: '' };
  const ready: Record<PageKey, string> = {
    account: `${SCORECARD} [data-id="score"]`,
    portfolio: `${DASHBOARD} [data-id="accounts-table"]`,
    admin: '[data-component="healthJobStatus"] [data-id="refresh"]'
  };

  beforeAll(async () => {
    const [started, reference] = await Promise.all([startCockpit({ user: 'admin' }), scoreReference()]);
    server = started;
    chrome = await launchChromium();
    page = await chrome.context.newPage();
    // The dashboard keeps its filters in the tab's session storage, and a response that arrives after a case ends can
    // store them again. Clearing the storage on every page load starts each case with no filters.
    await page.addInitScript(() => sessionStorage.clear());
    routes.account = `#/account/${accountNamed(reference, ACCOUNT).signals.accountId}`;
    routes.portfolio = await openPageWithComponent(page, server.url, 'atRiskDashboard');
    routes.admin = await openPageWithComponent(page, server.url, 'healthJobStatus');
  }, DEFAULT_STARTUP_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    await chrome?.close();
    await server?.stop();
  });

  const runs = CASES.flatMap((entry) => entry.keys.map((keys) => ({ ...entry, keys })));
  it.each(runs.map((run) => [run.name, run.keys.join('+'), run] as const))('%s with %s', async (_name, _keys, run) => {
    await openRoute(page, server.url, routes[run.page], ready[run.page]);

    await tabTo(page, run.matches, run.name);
    const effect = run.effect(page);
    const highlighted = page.locator('[role="listbox"] [role="option"].slds-has-focus:visible');
    for (const [index, key] of run.keys.entries()) {
      const before = key === 'ArrowDown' ? await highlighted.first().innerText() : null;
      await page.keyboard.press(key);
      if (key === 'Enter' && index < run.keys.length - 1) {
        // Enter opens a combobox's list and then highlights its current option; an arrow key pressed before the
        // highlight lands on nothing. The closed lists of the page's other comboboxes stay in the DOM, hidden, so
        // only a visible highlighted option will do.
        await highlighted.first().waitFor({ state: 'visible' });
      }
      if (before !== null) {
        // The list moves its highlight after the key event; the next key must wait for it, as a person does.
        await highlighted.first().filter({ hasNotText: before }).waitFor({ state: 'visible' });
      }
    }

    await effect;
  });

  it('reaches CSM at-risk filter', async () => {
    await openRoute(page, server.url, routes.portfolio, ready.portfolio);
    const firstOwner = (await page.locator(`${DASHBOARD} [data-id="owner-risk"] button`).first().innerText()).trim();

    await tabTo(page, (focused) => focused.tag === 'button' && focused.name === firstOwner, `the ${firstOwner} button`);
    const request = waitForApexRequest(page, 'HealthPortfolioController.getPortfolio');
    await page.keyboard.press('Enter');

    expect(((await request).postDataJSON() as Record<string, unknown>).ownerId).not.toBe('');
  });
});

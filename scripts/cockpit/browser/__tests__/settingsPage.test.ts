import type { Page } from 'playwright-core';
import { launchChromium, PageProblems } from '../chromium';
import type { ChromiumSession } from '../chromium';
import { startCockpit, DEFAULT_STARTUP_TIMEOUT_MS } from '../cockpitServer';
import type { CockpitServer } from '../cockpitServer';
import { openPageWithComponent, openRoute, RENDER_TIMEOUT_MS, waitForApexResponse } from '../pageTools';
import { RUN_STEP_MS } from '../../jobStatus';

/** Time the card takes to notice the end of a run: two of its status requests, which it sends every 3 s. */
const POLL_WAIT_MS = 2 * 3000;

const SETTINGS = '[data-component="cockpitSettings"]';
const JOBS = `${SETTINGS} c-health-job-status`;
const LOGIN_SOURCES = `${SETTINGS} c-login-source-settings`;
const LOGIN_TYPES = `${LOGIN_SOURCES} [data-validates="loginTypes"] textarea`;
const ADDED_LOGIN_TYPE = 'Remote Access 2.0';

// Each case waits for a run of the health job or a deployment, which takes longer than Jest's default 5 s.
jest.setTimeout(120_000);

async function text(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).first().innerText()).trim().replace(/\s+/g, ' ');
}

async function click(page: Page, selector: string): Promise<void> {
  await page.locator(`${selector} button`).first().click();
}

async function openLoginSources(page: Page): Promise<void> {
  await page.locator(`${SETTINGS} [role="tab"]`, { hasText: 'Login sources' }).first().click();
  await page.locator(LOGIN_TYPES).waitFor({ state: 'visible', timeout: RENDER_TIMEOUT_MS });
}

async function runStatuses(page: Page): Promise<string[][]> {
  return page.locator(`${JOBS} [data-id="run-row"]`).evaluateAll((rows) =>
    rows.map((row) => {
      // The badge renders its label inside its own shadow tree, so the label is read from the component.
      const badge = row.querySelector('lightning-badge') as (Element & { label?: string }) | null;
      return [row.getAttribute('data-class-name') ?? '', badge?.label ?? ''];
    })
  );
}

describe('Settings page', () => {
  let server: CockpitServer;
  let chrome: ChromiumSession;
  let page: Page;
  let route = '';
  const problems = new PageProblems();

  beforeAll(async () => {
    server = await startCockpit({ user: 'admin' });
    chrome = await launchChromium();
    page = await chrome.context.newPage();
    route = await openPageWithComponent(page, server.url, 'cockpitSettings');
    problems.watch(page, () => route);
  }, DEFAULT_STARTUP_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    await chrome?.close();
    await server?.stop();
  });

  it('runs the health job now and shows the last run', async () => {
    await openRoute(page, server.url, route, `${JOBS} [data-id="run-now"]`);

    const response = waitForApexResponse(page, 'HealthJobController.runNow');
    await click(page, `${JOBS} [data-id="run-now"]`);
    expect((await response).status()).toBe(200);
    await page.locator(`${JOBS} [data-id="running"]`).waitFor({ state: 'visible' });
    const whileRunning = await runStatuses(page);
    const runNowDisabled = await page.locator(`${JOBS} [data-id="run-now"] button`).isDisabled();

    // The card polls the status while the run is in progress, so the run ends on the page without Refresh.
    await page
      .locator(`${JOBS} [data-id="running"]`)
      .waitFor({ state: 'detached', timeout: 3 * RUN_STEP_MS + POLL_WAIT_MS });

    expect(whileRunning).toEqual([['LoginRollupBatch', 'Processing']]);
    expect(runNowDisabled).toBe(true);
    expect(await runStatuses(page)).toEqual([
      ['LoginRollupBatch', 'Completed'],
      ['HealthScoringBatch', 'Completed'],
      ['SnapshotRetentionBatch', 'Completed']
    ]);
    expect(await text(page, `${JOBS} [data-id="last-run-text"]`)).toBe('SnapshotRetentionBatch: Completed.');
    expect(await text(page, `${JOBS} [data-id="schedule"]`)).toMatch(/^Scheduled daily\. Next run: \w/);
    expect(await text(page, `${JOBS} [data-id="last-run"]`)).toMatch(/[AP]M SnapshotRetentionBatch: Completed\.$/);
    expect(await page.locator(`${JOBS} [data-id="run-now"] button`).isDisabled()).toBe(false);
  });

  it('saves an edited login type that persists', async () => {
    await openRoute(page, server.url, route, `${JOBS} [data-id="refresh"]`);
    await openLoginSources(page);
    const before = await page.locator(LOGIN_TYPES).inputValue();

    await page.locator(LOGIN_TYPES).fill(`${before}\n${ADDED_LOGIN_TYPE}`);
    const saved = waitForApexResponse(page, 'CockpitSettingsController.saveLoginSourceSettings');
    await click(page, `${LOGIN_SOURCES} [data-id="save"]`);
    const result = (await (await saved).json()) as ApexTypes.CockpitSettingsController_SaveResult;
    await page
      .locator(`${LOGIN_SOURCES} [data-id="deployment-result"][data-state="succeeded"]`)
      .waitFor({ state: 'visible', timeout: RENDER_TIMEOUT_MS });
    const message = await text(page, `${LOGIN_SOURCES} [data-id="deployment-result"]`);

    await openRoute(page, server.url, route, `${JOBS} [data-id="refresh"]`);
    await openLoginSources(page);
    const after = await page.locator(LOGIN_TYPES).inputValue();

    expect(before).not.toContain(ADDED_LOGIN_TYPE);
    expect(result.isValid).toBe(true);
    expect(message).toBe(
      `Saved. Deployment ${result.deploymentId} succeeded, and the next run of the health job reads the new values.`
    );
    expect(after.split('\n')).toEqual([...before.split('\n'), ADDED_LOGIN_TYPE]);
  });

  it('shows a validation error for a bad value', async () => {
    await openRoute(page, server.url, route, `${JOBS} [data-id="refresh"]`);
    await openLoginSources(page);
    const before = await page.locator(LOGIN_TYPES).inputValue();

    await page.locator(LOGIN_TYPES).fill(`${before}\nCarrier Pigeon`);
    const saved = waitForApexResponse(page, 'CockpitSettingsController.saveLoginSourceSettings');
    await click(page, `${LOGIN_SOURCES} [data-id="save"]`);
    await saved;
    await page.locator(`${LOGIN_SOURCES} [data-id="error-summary"]`).waitFor({ state: 'visible' });
    const summary = await text(page, `${LOGIN_SOURCES} [data-id="error-summary"]`);
    const fieldHelp = await text(page, `${LOGIN_SOURCES} [data-validates="loginTypes"] .slds-form-element__help`);
    const invalid = await page.locator(LOGIN_TYPES).getAttribute('aria-invalid');

    await openRoute(page, server.url, route, `${JOBS} [data-id="refresh"]`);
    await openLoginSources(page);

    expect(summary).toContain('The settings were not saved. Fix this problem:');
    expect(summary).toContain('"Carrier Pigeon" is not a LoginHistory login type.');
    expect(await page.locator(`${LOGIN_SOURCES} [data-id="error-summary"]`).count()).toBe(0);
    expect(fieldHelp).toContain('"Carrier Pigeon" is not a LoginHistory login type.');
    expect(invalid).toBe('true');
    expect(await page.locator(LOGIN_TYPES).inputValue()).toBe(before);
    expect(problems.lines).toEqual([]);
  });
});

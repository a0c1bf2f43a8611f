import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { adoptionPlaybookFileName, adoptionScorecardFileName, expansionMapFileName } from 'c/adoptionEngine';
import { formatNumber } from 'c/healthEngine';
import { launchChromium } from '../chromium';
import type { ChromiumSession } from '../chromium';
import { startCockpit, DEFAULT_STARTUP_TIMEOUT_MS } from '../cockpitServer';
import type { CockpitServer } from '../cockpitServer';
import { openRoute, RENDER_TIMEOUT_MS, tableCells, waitForApexResponse } from '../pageTools';

type Scorecard = ApexTypes.AdoptionScorecardController_Scorecard;
type UnderusedFeature = ApexTypes.AdoptionScorecardController_UnderusedFeature;
type PlaybookList = ApexTypes.AdoptionPlaybookController_PlaybookList;
type PlaybookChoice = ApexTypes.AdoptionPlaybookController_PlaybookChoice;
type PlaybookSuggestion = ApexTypes.AdoptionPlaybookController_PlaybookSuggestion;
type ExpansionMap = ApexTypes.ExpansionMapController_ExpansionMap;
type CatalogProduct = ApexTypes.ExpansionMapController_CatalogProduct;

const SCORECARD = '[data-component="adoptionScorecard"]';
const PLAYBOOK = '[data-component="adoptionPlaybook"]';
const MAP = '[data-component="expansionMap"]';

// Each case loads the Account page and waits for saves and reloads, which takes longer than Jest's default 5 s.
jest.setTimeout(120_000);

/** Accounts of the demo org that the cases use, chosen from what the cockpit serves. */
interface Candidates {
  /** Adoption facts, and a flagged feature without an Active playbook for all users that the user may start. */
  scorecard: { view: Scorecard; flagged: UnderusedFeature };
  /** A map where the user may record triggers and hand off, with a product that can be handed off. */
  map: { view: ExpansionMap; product: CatalogProduct };
}

async function apex<T>(server: CockpitServer, method: string, params: Record<string, unknown>): Promise<T> {
  const response = await fetch(`${server.url}api/apex/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(params)
  });
  if (!response.ok) {
    throw new Error(`${method} failed with ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as T;
}

function hasActivePlaybook(list: PlaybookList, featureKey: string): boolean {
  return (list.choices ?? []).some(
    (choice) => choice.featureKey === featureKey && choice.segmentType === 'All' && choice.activePlaybookId !== null
  );
}

/** Reads every account's scorecard, playbooks and map from the server and picks one account per case. */
async function findCandidates(server: CockpitServer): Promise<Candidates> {
  const list = (await (await fetch(`${server.url}api/cockpit/accounts`)).json()) as { rows: { accountId: string }[] };
  let scorecard: Candidates['scorecard'] | null = null;
  let map: Candidates['map'] | null = null;
  for (const { accountId } of list.rows) {
    if (scorecard === null) {
      const view = await apex<Scorecard>(server, 'AdoptionScorecardController.getScorecard', {
        accountId,
        month: null
      });
      const playbooks = await apex<PlaybookList>(server, 'AdoptionPlaybookController.getPlaybooks', { accountId });
      const flagged = (view.underused ?? []).find(
        (feature) => feature.isFlagged === true && !hasActivePlaybook(playbooks, feature.featureKey ?? '')
      );
      if (view.isEmpty === false && view.canCreatePlaybooks === true && playbooks.canCreate === true && flagged) {
        scorecard = { view, flagged };
      }
    }
    if (map === null) {
      const view = await apex<ExpansionMap>(server, 'ExpansionMapController.getExpansionMap', { accountId });
      const product = (view.catalog ?? []).find((entry) => entry.canHandOff === true);
      if (view.canRecordTriggers === true && view.canHandOff === true && product) {
        map = { view, product };
      }
    }
    if (scorecard !== null && map !== null) {
      break;
    }
  }
  if (scorecard === null || map === null) {
    throw new Error(
      'The demo org lacks an account for a case: ' +
        `${scorecard === null ? 'adoption facts with a flagged feature and no Active playbook for all users; ' : ''}` +
        `${map === null ? 'an expansion map with a product that can be handed off. ' : ''}` +
        'Regenerate it with npm run demo:data.'
    );
  }
  return { scorecard, map };
}

/**
 * Creates an Active playbook through the server, as the export case's own setup, for a feature and segment that has
 * none. It leaves out the flagged feature for all users, so the case that creates that playbook in the page still can.
 * @returns Id of the new playbook.
 */
async function createPlaybookForExport(server: CockpitServer, scorecard: Candidates['scorecard']): Promise<string> {
  const accountId = scorecard.view.accountId ?? '';
  const list = await apex<PlaybookList>(server, 'AdoptionPlaybookController.getPlaybooks', { accountId });
  const isFlaggedPair = (choice: PlaybookChoice): boolean =>
    choice.featureKey === scorecard.flagged.featureKey && choice.segmentType === 'All';
  const choice = (list.choices ?? []).find((entry) => entry.activePlaybookId === null && !isFlaggedPair(entry));
  if (choice === undefined) {
    throw new Error(
      `Account ${accountId} has an Active playbook for every feature and segment, so the export case cannot create ` +
        'one. Regenerate the demo org with npm run demo:data.'
    );
  }
  const pair = { accountId, featureKey: choice.featureKey, segmentType: choice.segmentType, segment: choice.segment };
  const suggestion = await apex<PlaybookSuggestion>(server, 'AdoptionPlaybookController.suggestPlaybook', pair);
  const suggested = suggestion.barriers ?? [];
  const barriers =
    suggested.length > 0
      ? suggested.map(({ barrier, evidence, action }) => ({ barrier, evidence, action, isSuggested: true }))
      : [{ barrier: 'Access', evidence: null, action: null, isSuggested: false }];
  // Null target and date take the suggested ones, as the create form does when the user leaves them blank.
  return apex<string>(server, 'AdoptionPlaybookController.createPlaybook', {
    ...pair,
    targetPercent: null,
    targetDate: null,
    barriers
  });
}

/** Returns the text a matrix cell starts with: its percent, `n/a` without entitlement, or `No data`. */
function cellText(cell: ApexTypes.AdoptionScorecardController_MatrixCell | undefined): string {
  if (cell?.hasData !== true) {
    return 'No data';
  }
  return cell.adoptionPercent === null ? 'n/a' : `${formatNumber(cell.adoptionPercent)}%`;
}

function accountRoute(accountId: string | null): string {
  return `#/account/${accountId ?? ''}`;
}

async function text(locator: Locator): Promise<string> {
  return (await locator.first().innerText()).trim().replace(/\s+/g, ' ');
}

/** Clicks an export button and returns the downloaded file's name and content. */
async function download(page: Page, button: Locator): Promise<{ name: string; content: string }> {
  const file = page.waitForEvent('download', { timeout: RENDER_TIMEOUT_MS });
  await button.click();
  const downloaded = await file;
  return { name: downloaded.suggestedFilename(), content: readFileSync((await downloaded.path()) as string, 'utf8') };
}

describe('Adoption scorecard, playbooks and expansion map', () => {
  let server: CockpitServer;
  let chrome: ChromiumSession;
  let page: Page;
  let candidates: Candidates;

  beforeAll(async () => {
    server = await startCockpit({ user: 'csm' });
    candidates = await findCandidates(server);
    chrome = await launchChromium();
    page = await chrome.context.newPage();
  }, DEFAULT_STARTUP_TIMEOUT_MS + 120_000);

  afterAll(async () => {
    await chrome?.close();
    await server?.stop();
  });

  it('reads the feature by segment matrix', async () => {
    const { view } = candidates.scorecard;
    await openRoute(page, server.url, accountRoute(view.accountId), `${SCORECARD} [data-id="matrix"]`);

    const rows = await tableCells(page, `${SCORECARD} [data-id="matrix"]`);

    const features = view.features ?? [];
    expect(rows).toHaveLength(features.length);
    const allUsersColumn = (view.segments ?? []).findIndex((column) => column.segmentType === 'All');
    features.forEach((feature, index) => {
      expect(rows[index][0]).toContain(feature.label ?? '');
      expect(rows[index][1].startsWith(cellText(feature.cells?.[allUsersColumn]))).toBe(true);
    });
    const header = await page.locator(`${SCORECARD} [data-id="matrix"] thead th`).allInnerTexts();
    expect(header[0].trim()).toBe('Feature');
    expect(header[1].trim()).toBe('All users');
  });

  it('creates a playbook from a flagged feature', async () => {
    const { view, flagged } = candidates.scorecard;
    await openRoute(page, server.url, accountRoute(view.accountId), `${SCORECARD} [data-id="underused"]`);
    await page.locator(`${PLAYBOOK} [data-id="new-playbook"]`).waitFor({ timeout: RENDER_TIMEOUT_MS });

    const suggested = waitForApexResponse(page, 'AdoptionPlaybookController.suggestPlaybook');
    await page
      .locator(`${SCORECARD} [data-id="start-playbook"][data-feature-key="${flagged.featureKey}"] button`)
      .click();
    expect((await suggested).status()).toBe(200);
    expect(new URL(page.url()).hash).toBe(
      `${accountRoute(view.accountId)}?c__playbookFeature=${encodeURIComponent(flagged.featureKey ?? '')}` +
        '&c__playbookSegmentType=All&c__playbookSegment=All'
    );
    const form = page.locator(`${PLAYBOOK} [data-id="create-form"]`);
    await form.locator('[data-id="diagnosis"]').waitFor({ timeout: RENDER_TIMEOUT_MS });
    // A feature without a suggested barrier needs one, so the case adds the barrier the data would check first.
    if ((await form.locator('[data-id="draft"]').count()) === 0) {
      await form.getByRole('combobox', { name: 'Add a barrier' }).click();
      await form.getByRole('option', { name: 'Access' }).click();
      await form.locator('[data-id="add-barrier"] button').click();
    }
    const created = waitForApexResponse(page, 'AdoptionPlaybookController.createPlaybook');
    await form.locator('[data-id="submit-create"] button').click();

    expect((await created).status()).toBe(200);
    const card = page.locator(`${PLAYBOOK} [data-id="playbook"]`).filter({ hasText: flagged.label ?? '' });
    await card.first().waitFor({ timeout: RENDER_TIMEOUT_MS });
    expect(await text(card.locator('[data-id="segment"]'))).toBe('All users');
    expect(await text(card.locator('[data-id="status"]'))).toBe('Active');
    expect(await card.first().locator('[data-id="open-task"]').count()).toBeGreaterThan(0);

    // Reloaded with the same link, the scorecard offers the new playbook and the link opens it instead of the form.
    await page.reload();
    const scorecardButton = (id: string): Locator =>
      page.locator(`${SCORECARD} [data-id="${id}"][data-feature-key="${flagged.featureKey}"]`);
    await scorecardButton('open-playbook').waitFor({ timeout: RENDER_TIMEOUT_MS });
    expect(await scorecardButton('start-playbook').count()).toBe(0);
    expect(await page.locator(`${PLAYBOOK} [data-id="create-form"]`).count()).toBe(0);
  });

  it('records a business trigger', async () => {
    const { view } = candidates.map;
    const description = `Opened a second support centre; recorded at ${Date.now()}.`;
    await openRoute(page, server.url, accountRoute(view.accountId), `${MAP} [data-id="record-trigger"]`);

    await page.locator(`${MAP} [data-id="record-trigger"] button`).click();
    const form = page.locator(`${MAP} [data-id="trigger-form"]`);
    await form.getByRole('combobox', { name: 'Type' }).click();
    await form.getByRole('option', { name: 'Headcount growth' }).click();
    await form.getByLabel('Description').fill(description);
    const recorded = waitForApexResponse(page, 'ExpansionMapController.recordTrigger');
    await form.locator('[data-id="submit-trigger"] button').click();

    expect((await recorded).status()).toBe(200);
    const trigger = page.locator(`${MAP} [data-id="trigger"]`).filter({ hasText: description });
    await trigger.waitFor({ timeout: RENDER_TIMEOUT_MS });
    expect(await text(trigger.locator('[data-id="trigger-type"]'))).toBe('Headcount growth');
  });

  it('wraps a trigger description without spaces', async () => {
    const { view } = candidates.map;
    const description = `${Date.now()}${'x'.repeat(242)}`.slice(0, 255);
    await apex<string>(server, 'ExpansionMapController.recordTrigger', {
      accountId: view.accountId,
      type: 'Other',
      occurredOn: view.asOf,
      description
    });

    await openRoute(page, server.url, accountRoute(view.accountId), `${MAP} [data-id="triggers"]`);
    const trigger = page.locator(`${MAP} [data-id="trigger"]`).filter({ hasText: description });
    await trigger.waitFor({ timeout: RENDER_TIMEOUT_MS });

    const widths = await trigger.evaluate((element) => ({
      trigger: element.scrollWidth,
      list: (element.parentElement as HTMLElement).clientWidth,
      page: document.documentElement.scrollWidth,
      viewport: document.documentElement.clientWidth
    }));
    expect(widths.trigger).toBeLessThanOrEqual(widths.list);
    expect(widths.page).toBeLessThanOrEqual(widths.viewport);
  });

  it('hands off a product to sales', async () => {
    const { view, product } = candidates.map;
    const hypothesis = `${view.accountName} gains from ${product.productName}; edited by the browser test.`;
    await openRoute(page, server.url, accountRoute(view.accountId), `${MAP} [data-id="opportunities"]`);
    const row = page.locator(`${MAP} [data-id="opportunity"][data-product-code="${product.productCode}"]`);

    await row.locator('[data-id="hand-off"] button').click();
    const dialog = page.locator(`${MAP} [data-id="handoff-dialog"]`);
    await dialog.getByLabel('Value hypothesis').fill(hypothesis);
    const handedOff = waitForApexResponse(page, 'ExpansionMapController.handOff');
    await dialog.locator('[data-id="confirm-handoff"] button').click();

    expect((await handedOff).status()).toBe(200);
    await row.locator('[data-id="handed-off"]').waitFor({ timeout: RENDER_TIMEOUT_MS });
    expect(await dialog.count()).toBe(0);
    expect(await row.locator('[data-id="hand-off"]').count()).toBe(0);
    const reloaded = await apex<ExpansionMap>(server, 'ExpansionMapController.getExpansionMap', {
      accountId: view.accountId
    });
    const carried = reloaded.catalog?.find((entry) => entry.productCode === product.productCode);
    expect(await text(row.locator('[data-id="handed-off"]'))).toBe(carried?.openOpportunityName);
  });

  it('exports each Markdown file', async () => {
    const { view } = candidates.scorecard;
    const playbookId = await createPlaybookForExport(server, candidates.scorecard);
    await openRoute(page, server.url, accountRoute(view.accountId), `${SCORECARD} [data-id="matrix"]`);
    const card = page.locator(`${PLAYBOOK} [data-id="playbook"][data-playbook-id="${playbookId}"]`);
    await card.waitFor({ timeout: RENDER_TIMEOUT_MS });
    await page.locator(`${MAP} [data-id="export"]`).waitFor({ timeout: RENDER_TIMEOUT_MS });
    const customer = view.accountName ?? '';

    const scorecard = await download(page, page.locator(`${SCORECARD} [data-id="export"] button`));
    const featureLabel = await text(card.locator('[data-id="feature"]'));
    const playbook = await download(page, card.locator('[data-id="export"] button'));
    const map = await download(page, page.locator(`${MAP} [data-id="export"] button`));

    expect(scorecard.name).toBe(adoptionScorecardFileName(customer));
    expect(scorecard.content).toContain(': adoption scorecard');
    expect(scorecard.content).toContain('## Feature adoption by segment');
    expect(playbook.name).toBe(adoptionPlaybookFileName(customer, featureLabel));
    expect(playbook.content).toContain(' adoption playbook');
    expect(playbook.content).toContain('## Barriers');
    expect(map.name).toBe(expansionMapFileName(customer));
    expect(map.content).toContain(': expansion map');
    expect(map.content).toContain('## Whitespace');
  });
});

import type { Page } from 'playwright-core';
import { evaluateAccount } from 'c/healthEngine';
import type { HealthModel } from 'c/healthEngine';
import { launchChromium } from '../chromium';
import type { ChromiumSession } from '../chromium';
import { startCockpit, DEFAULT_STARTUP_TIMEOUT_MS } from '../cockpitServer';
import type { CockpitServer } from '../cockpitServer';
import { openPageWithComponent, RENDER_TIMEOUT_MS, tableCells, waitForApexResponse } from '../pageTools';
import { scoreReference } from '../referenceScores';
import type { ReferenceScores } from '../referenceScores';

const PREVIEW = '[data-component="cockpitSettings"] c-health-model-preview';
const SUMMARY = `${PREVIEW} [data-id="result-summary"]`;
const CHANGES = `${PREVIEW} [data-id="changes"]`;
const DIMENSION = 'ProductAdoption';
/** New weight of the dimension; 30 in the package's model. On the demo export it moves accounts between bands. */
const NEW_WEIGHT = 5;

// Typing waits for the debounced re-scoring of 200 accounts, which takes longer than Jest's default 5 s.
jest.setTimeout(120_000);

/** Returns the model with the dimension's weight changed. */
function withDimensionWeight(model: HealthModel, dimension: string, weight: number): HealthModel {
  return {
    ...model,
    dimensions: model.dimensions.map((candidate) =>
      candidate.name === dimension ? { ...candidate, weight } : candidate
    )
  };
}

/** Names of the accounts whose band the edited model changes, from the accounts' facts, as `npm run score` scores. */
function accountsChangingBand(reference: ReferenceScores, weight: number): string[] {
  return reference.accounts
    .filter((account) => {
      const edited = withDimensionWeight(account.model, DIMENSION, weight);
      return evaluateAccount(edited, account.signals, { asOf: reference.asOf }).band !== account.health.band;
    })
    .map((account) => account.signals.accountName)
    .sort();
}

describe('Health model preview on the admin page', () => {
  let server: CockpitServer;
  let chrome: ChromiumSession;
  let page: Page;
  let reference: ReferenceScores;

  beforeAll(async () => {
    [server, reference] = await Promise.all([startCockpit({ user: 'admin' }), scoreReference()]);
    chrome = await launchChromium();
    page = await chrome.context.newPage();
  }, DEFAULT_STARTUP_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    await chrome?.close();
    await server?.stop();
  });

  it('moves accounts to another band when a weight changes', async () => {
    const expected = accountsChangingBand(reference, NEW_WEIGHT);
    expect(expected.length).toBeGreaterThan(0);

    await openPageWithComponent(page, server.url, 'cockpitSettings');
    const loaded = waitForApexResponse(page, 'HealthModelAdminController.getPreviewData');
    await page.locator('[data-component="cockpitSettings"]').getByRole('tab', { name: 'Health model' }).click();
    expect((await loaded).status()).toBe(200);
    await page
      .locator(SUMMARY)
      .filter({ hasText: `No account changes band: ${reference.accounts.length} accounts were re-scored.` })
      .waitFor({ timeout: RENDER_TIMEOUT_MS });
    await expect(page.locator(`${PREVIEW} [data-id="validation-summary"]`).innerText()).resolves.toContain(
      'No problems'
    );

    await page
      .locator(`${PREVIEW} [data-id="dimension-weight"][data-name="${DIMENSION}"] input`)
      .fill(String(NEW_WEIGHT));
    const changedText = `${expected.length} accounts change band of ${reference.accounts.length} accounts re-scored.`;
    await page.locator(SUMMARY).filter({ hasText: changedText }).waitFor({ timeout: RENDER_TIMEOUT_MS });

    const rows = await tableCells(page, CHANGES);
    expect(rows.map((row) => row[0]).sort()).toEqual(expected);
    for (const row of rows) {
      const [from, to] = row[1].split(' → to ');
      expect(from).not.toBe(to);
    }

    await page.locator(`${PREVIEW} [data-id="copy-metadata"] button`).click();
    const dimensionFile = page.locator(`${PREVIEW} [data-id="metadata-file"]`).filter({
      hasText: `HealthDimension.${DIMENSION}.md-meta.xml`
    });
    await expect(dimensionFile.locator('textarea').inputValue()).resolves.toContain(
      `<field>Weight__c</field>\n    <value xsi:type="xsd:double">${NEW_WEIGHT}.0</value>`
    );
  });
});

import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Download, Page } from 'playwright-core';
import { formatNumber } from 'c/healthEngine';
import {
  assembleQbr,
  buildDeck,
  deckFileName,
  formatClaimValue,
  qbrFileName,
  quarterOf,
  withSlideIncluded
} from 'c/qbrEngine';
import type { DeckSlide, QbrData, QbrDraft, SlideKey } from 'c/qbrEngine';
import { launchChromium, PageProblems } from '../chromium';
import type { ChromiumSession } from '../chromium';
import { startCockpit, DEFAULT_STARTUP_TIMEOUT_MS } from '../cockpitServer';
import type { CockpitServer } from '../cockpitServer';
import { openRoute, RENDER_TIMEOUT_MS, waitForApexResponse } from '../pageTools';

type ReviewData = ApexTypes.QbrBuilderController_ReviewData;

const BUILDER = '[data-component="qbrBuilder"]';
/** Slides the test may leave out, in the order it tries them; each is a section slide without a chart. */
const SLIDES_TO_LEAVE_OUT: SlideKey[] = ['roadmap', 'challenges', 'insights', 'wins'];

// The case walks six steps, saves, and writes a deck with two charts, which takes longer than Jest's default 5 s.
jest.setTimeout(180_000);

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

/** Reads the export's as-of date from the session script the server sends before the bundle. */
async function sessionAsOf(server: CockpitServer): Promise<string> {
  const script = await (await fetch(`${server.url}session.js`)).text();
  const json = script
    .slice(script.indexOf('=') + 1)
    .trim()
    .replace(/;$/, '');
  return (JSON.parse(json) as { asOf: string }).asOf;
}

/** True for review data whose deck has both charts, Cases and a score to check. */
function isCandidate(view: ReviewData): boolean {
  const scored = (view.healthPoints ?? []).filter((point) => point.score !== null);
  return (
    view.currentScore !== null &&
    scored.length >= 2 &&
    (view.usage ?? []).length >= 2 &&
    (view.cases?.opened ?? 0) > 0 &&
    view.canEdit === true &&
    view.review === null
  );
}

/** Finds a demo account with a full quarter, in the order of the account list. */
async function findAccount(server: CockpitServer, quarter: string): Promise<ReviewData> {
  const list = (await (await fetch(`${server.url}api/cockpit/accounts`)).json()) as { rows: { accountId: string }[] };
  for (const { accountId } of list.rows) {
    const view = await apex<ReviewData>(server, 'QbrBuilderController.getReviewData', { accountId, quarter });
    if (isCandidate(view)) {
      return view;
    }
  }
  throw new Error(
    `No demo account has a score, two health points, two months of usage and a Case in ${quarter}. Regenerate the ` +
      'demo org with npm run demo:data.'
  );
}

/** Draft the component builds from the review data before the user edits it. */
function draftOf(view: ReviewData): QbrDraft {
  return assembleQbr(view as unknown as QbrData);
}

function slideNames(zip: JSZip): string[] {
  return Object.keys(zip.files)
    .filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
    .sort((left, right) => Number(/(\d+)\.xml$/.exec(left)?.[1]) - Number(/(\d+)\.xml$/.exec(right)?.[1]));
}

/** Text of the `<a:t>` runs of a slide, with XML entities decoded. */
async function slideRuns(zip: JSZip, name: string): Promise<string[]> {
  const xml = await (zip.file(name) as JSZip.JSZipObject).async('string');
  return [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((match) =>
    match[1]
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&')
  );
}

async function clickStepButton(page: Page, id: 'next-step' | 'previous-step'): Promise<void> {
  await page.locator(`${BUILDER} [data-id="${id}"] button`).click();
}

async function visibleHeading(page: Page, step: string): Promise<string> {
  const heading = page.locator(`${BUILDER} [data-step-heading="${step}"]`);
  await heading.waitFor({ state: 'visible', timeout: RENDER_TIMEOUT_MS });
  return (await heading.innerText()).trim();
}

describe('QBR builder', () => {
  let server: CockpitServer;
  let chrome: ChromiumSession;
  let page: Page;
  let view: ReviewData;
  let quarter: string;
  const problems = new PageProblems();

  beforeAll(async () => {
    server = await startCockpit({ user: 'csm' });
    const asOf = await sessionAsOf(server);
    quarter = quarterOf(asOf);
    view = await findAccount(server, quarter);
    chrome = await launchChromium();
    page = await chrome.context.newPage();
    // The builder opens on the quarter of the browser's date, so the page's clock shows the export's as-of date.
    const [year, month, day] = asOf.split('-').map(Number);
    await page.clock.setFixedTime(new Date(year, month - 1, day, 12, 0, 0));
    problems.watch(page, () => 'qbrBuilder');
  }, DEFAULT_STARTUP_TIMEOUT_MS + 120_000);

  afterAll(async () => {
    await chrome?.close();
    await server?.stop();
  });

  it('walks the steps, saves and exports the deck and the Markdown', async () => {
    const customer = view.accountName as string;
    await openRoute(page, server.url, `#/account/${view.accountId}`, `${BUILDER} [data-id="stepper"]`);

    expect(await visibleHeading(page, 'period')).toBe('Period');
    expect(await page.locator(`${BUILDER} [data-id="period-text"]`).innerText()).toContain(view.periodStart ?? '');
    await clickStepButton(page, 'next-step');
    expect(await visibleHeading(page, 'metrics')).toBe('Metrics');
    // Both charts are drawn on canvases before the deck copies them.
    await page.locator(`${BUILDER} [data-chart="health"] canvas`).waitFor({ timeout: RENDER_TIMEOUT_MS });
    await page.locator(`${BUILDER} [data-chart="usage"] canvas`).waitFor({ timeout: RENDER_TIMEOUT_MS });
    for (const step of ['story', 'roadmap', 'next', 'readiness']) {
      await clickStepButton(page, 'next-step');
      await visibleHeading(page, step);
    }

    const suggested = draftOf(view);
    const leftOut = SLIDES_TO_LEAVE_OUT.find((key) =>
      suggested.slides.some((slide) => slide.key === key && slide.included)
    );
    expect(leftOut).toBeDefined();
    const includedBefore = suggested.slides.filter((slide) => slide.included).length;
    await page.locator(`${BUILDER} [data-slide="${leftOut}"] label`).first().click();
    await page
      .locator(`${BUILDER} [data-id="slide-count"]`, { hasText: `${includedBefore - 1} of 10 slides included.` })
      .waitFor({ timeout: RENDER_TIMEOUT_MS });

    const saved = waitForApexResponse(page, 'QbrBuilderController.saveReview');
    await page.locator(`${BUILDER} [data-id="save"] button`).click();
    expect((await saved).status()).toBe(200);
    await page.locator(`${BUILDER} [data-id="save"] button:not([disabled])`).waitFor({ timeout: RENDER_TIMEOUT_MS });

    // The saved review is the source of the deck: its text and its slide list.
    const savedView = await apex<ReviewData>(server, 'QbrBuilderController.getReviewData', {
      accountId: view.accountId,
      quarter
    });
    expect(savedView.review?.includedSlides?.split(',')).not.toContain(leftOut);
    const expectedSlides: DeckSlide[] = buildDeck(withSlideIncluded(draftOf(savedView), leftOut as SlideKey, false));

    const deckSaved = waitForApexResponse(page, 'QbrBuilderController.saveDeck');
    const deckDownload: Promise<Download> = page.waitForEvent('download', { timeout: RENDER_TIMEOUT_MS * 2 });
    await page.locator(`${BUILDER} [data-id="export-deck"] button`).click();
    const deckResponse = await deckSaved;
    const download = await deckDownload;

    expect(deckResponse.status()).toBe(200);
    expect(download.suggestedFilename()).toBe(deckFileName(customer, quarter));
    const bytes = readFileSync((await download.path()) as string);
    const zip = await JSZip.loadAsync(bytes);
    const names = slideNames(zip);
    const runs = await Promise.all(names.map((name) => slideRuns(zip, name)));
    expect(names).toHaveLength(expectedSlides.length);
    expect(runs.map((slide) => slide[0])).toEqual(expectedSlides.map((slide) => slide.title));
    expect(runs[0][0]).toBe(customer);
    expect(runs.flat()).not.toContain(suggested.slides.find((slide) => slide.key === leftOut)?.title);

    const metricsIndex = expectedSlides.findIndex((slide) => slide.key === 'metrics');
    const metricsText = runs[metricsIndex].join('\n');
    const draft = draftOf(savedView);
    const scoreClaim = draft.claims.find((claim) => claim.text === 'Health score');
    const openedClaim = draft.claims.find((claim) => claim.text === 'Cases opened');
    expect(scoreClaim?.value).toBe(view.currentScore);
    expect(openedClaim?.value).toBe(view.cases?.opened);
    expect(metricsText).toContain(`Health score: ${formatNumber(view.currentScore as number)} points`);
    expect(metricsText).toContain(`Cases opened: ${formatClaimValue(openedClaim!)}`);
    const media = Object.keys(zip.files).filter((name) => /^ppt\/media\/.+\.png$/.test(name));
    expect(media).toHaveLength(2);

    // The deck saved on the account is the one downloaded.
    const deckFile = (await deckResponse.json()) as ApexTypes.QbrBuilderController_DeckFile;
    const stored = await fetch(`${server.url}${(deckFile.downloadUrl ?? '').replace(/^\//, '')}`);
    expect(stored.status).toBe(200);
    expect(Buffer.from(await stored.arrayBuffer()).equals(bytes)).toBe(true);

    const markdownDownload = page.waitForEvent('download', { timeout: RENDER_TIMEOUT_MS });
    await page.locator(`${BUILDER} [data-id="export-markdown"] button`).click();
    const markdown = await markdownDownload;

    expect(markdown.suggestedFilename()).toBe(qbrFileName(customer, quarter));
    expect(readFileSync((await markdown.path()) as string, 'utf8')).toContain(`business review ${quarter}`);
    expect(problems.lines).toEqual([]);
  });
});

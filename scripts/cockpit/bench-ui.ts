/**
 * Measures how long the at-risk dashboard takes to render 2,000 accounts in Chromium once it has the data.
 *
 *   npm run bench:ui -- [--runs <n>]
 *
 * Writes a generated export of 2,000 accounts to _local/bench/ui-export, starts the offline cockpit on it, and opens
 * the dashboard `--runs` times (default 7) in a fresh page each time. A script that runs before the page's own
 * scripts wraps `window.fetch` and records `performance.now()` when the body of the getPortfolio response has been
 * read, and a MutationObserver with requestAnimationFrame polling records when the accounts table shows its first
 * page: every row of the response, up to the page size (50). Building the sort keys and flags of all 2,000 rows
 * happens before that page renders, so the time covers it. The time between the two moments is compared with the
 * budget of 300 ms. A benchmark measures and does not fail the build: the exit code is 0 within or over the budget, 1
 * when the run fails and 2 for invalid options.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { BrowserContext } from 'playwright-core';
import { PAGE_SIZE } from '../../force-app/main/portfolio/lwc/atRiskDashboard/dashboardTable';
import { writeBenchExport } from '../bench/bench-export';
import { repoRoot } from '../lib/paths';
import { launchChromium } from './browser/chromium';
import { startCockpit } from './browser/cockpitServer';
import { openPageWithComponent } from './browser/pageTools';

/** Render budget of the at-risk dashboard for 2,000 accounts, from receiving the data to the table's first page. */
const BUDGET_MS = 300;
/** Bundle name of the component measured. */
const COMPONENT = 'atRiskDashboard';
const DEFAULT_RUNS = 7;
const ACCOUNTS = 2000;
/** Less usage history than the scoring benchmark: the dashboard shows one row per account whatever the history. */
const EXPORT_OPTIONS = { accounts: ACCOUNTS, usageDaysPerAccount: 120, casesPerAccount: 5, seed: 20261130 };
const PORTFOLIO_METHOD = '/api/apex/HealthPortfolioController.getPortfolio';
/** Time one page load gets to receive and render the dashboard. */
const RUN_TIMEOUT_MS = 120_000;

const USAGE = `Usage: npm run bench:ui -- [--runs <n>]

Options:
  --runs <n>   page loads to measure, a whole number from 1 to 100 (default: ${DEFAULT_RUNS})
  --help       show this help`;

class UsageError extends Error {}

/** Times that the injected script records in the page, read back after each load. */
interface RenderTimes {
  /** performance.now() when the getPortfolio response body had been read. */
  receivedAt: number | null;
  /** Rows in that response. */
  responseRows: number;
  /** Rows of the table's first page: the response's rows, up to the page size. */
  expectedRows: number;
  /** performance.now() when the table first held every row of its first page. */
  renderedAt: number | null;
  /** Rows found at renderedAt. */
  rows: number;
}

/** One measured page load. */
interface RunResult {
  renderMs: number;
  /** Rows of the getPortfolio response. */
  responseRows: number;
  /** Rows of the table when it had rendered. */
  rows: number;
}

function parseRuns(argv: string[]): number | null {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: { runs: { type: 'string' }, help: { type: 'boolean' } },
      strict: true,
      allowPositionals: false
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) {
    return null;
  }
  const text = values.runs ?? String(DEFAULT_RUNS);
  const runs = Number(text);
  if (!/^\d+$/.test(text) || runs < 1 || runs > 100) {
    throw new UsageError(`--runs "${text}" is not a whole number from 1 to 100; for example --runs 7.`);
  }
  return runs;
}

/**
 * Source of the script that runs in each page before the page's own scripts. It is plain JavaScript text because
 * tsx compiles functions with name helpers that do not exist in the page. Component internals sit in synthetic
 * shadow trees, which document.querySelector does not search, so the table is looked up through the shadow roots.
 * @param method Path of the getPortfolio call.
 * @param pageSize Rows on one page of the table.
 */
function instrumentScript(method: string, pageSize: number): string {
  return `(() => {
  const times = { receivedAt: null, responseRows: -1, expectedRows: -1, renderedAt: null, rows: 0 };
  window.cockpitBench = times;
  const findDeep = (root, selector) => {
    const found = root.querySelector(selector);
    if (found) return found;
    for (const element of root.querySelectorAll('*')) {
      const inner = element.shadowRoot ? findDeep(element.shadowRoot, selector) : null;
      if (inner) return inner;
    }
    return null;
  };
  let table = null;
  const check = () => {
    if (times.receivedAt === null || times.renderedAt !== null) return;
    if (table === null || !table.isConnected) table = findDeep(document, '[data-id="accounts-table"]');
    const rows = table ? table.querySelectorAll('[role="rowheader"], th[scope="row"]').length : 0;
    if (rows >= times.expectedRows) {
      times.renderedAt = performance.now();
      times.rows = rows;
    }
  };
  const poll = () => {
    check();
    if (times.renderedAt === null) requestAnimationFrame(poll);
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  requestAnimationFrame(poll);

  const originalFetch = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const response = await originalFetch(input, init);
    let url = input;
    if (input instanceof URL) url = input.href;
    else if (typeof input !== 'string') url = input.url;
    if (new URL(url, window.location.href).pathname !== ${JSON.stringify(method)}) return response;
    const readText = response.text.bind(response);
    response.text = async () => {
      const body = await readText();
      const rows = JSON.parse(body).rows;
      times.responseRows = Array.isArray(rows) ? rows.length : 0;
      times.expectedRows = Math.min(times.responseRows, ${pageSize});
      times.receivedAt = performance.now();
      return body;
    };
    return response;
  };
})();`;
}

async function measure(context: BrowserContext, url: string): Promise<RunResult> {
  const page = await context.newPage();
  try {
    await page.addInitScript({ content: instrumentScript(PORTFOLIO_METHOD, PAGE_SIZE) });
    await page.goto(url);
    await page.waitForFunction(
      'window.cockpitBench !== undefined && window.cockpitBench.renderedAt !== null',
      undefined,
      { timeout: RUN_TIMEOUT_MS, polling: 100 }
    );
    const times = (await page.evaluate('window.cockpitBench')) as RenderTimes;
    return {
      renderMs: (times.renderedAt as number) - (times.receivedAt as number),
      responseRows: times.responseRows,
      rows: times.rows
    };
  } finally {
    await page.close();
  }
}

/**
 * Rewrites the generated Account Ids so that their first 15 characters differ. Salesforce, and the cockpit, identify a
 * record by those 15 characters, and writeBenchExport numbers its accounts only in the last of them
 * (`001BENCH0000000659`), so the cockpit would merge the 2,000 accounts into two.
 * NOTE: remove this step once writeBenchExport writes Ids that are unique in their first 15 characters.
 * @param folder Export folder written by writeBenchExport.
 */
function makeAccountIdsUnique(folder: string): void {
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.csv'))) {
    const full = path.join(folder, file);
    const text = readFileSync(full, 'utf8');
    writeFileSync(
      full,
      text.replace(/001BENCH(\d{10})/g, (_match, digits: string) => `001B${digits.slice(-11).padStart(11, '0')}AAA`)
    );
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function loadText(): string {
  return os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');
}

async function main(argv: string[]): Promise<number> {
  const runs = parseRuns(argv);
  if (runs === null) {
    console.log(USAGE);
    return 0;
  }
  const exportDir = path.join(repoRoot(), '_local', 'bench', 'ui-export');
  rmSync(exportDir, { recursive: true, force: true });
  mkdirSync(exportDir, { recursive: true });
  const counts = writeBenchExport(exportDir, EXPORT_OPTIONS);
  makeAccountIdsUnique(exportDir);
  console.log(
    `Wrote ${counts.accounts} accounts, ${counts.usageRows} usage rows and ${counts.cases} Cases to ${exportDir}.`
  );
  console.log(
    `Machine: ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}; load average ${loadText()}.`
  );

  console.log('Starting the cockpit on that export (this builds the bundle when it is out of date)…');
  const server = await startCockpit({ exportDir, user: 'manager' });
  const chrome = await launchChromium();
  const results: RunResult[] = [];
  try {
    const warmUp = await chrome.context.newPage();
    const route = await openPageWithComponent(warmUp, server.url, COMPONENT);
    await warmUp.close();
    const url = `${server.url}${route}`;
    console.log(`Measuring ${url} ${runs} times, after one unmeasured load.`);
    for (let run = 1; run <= runs; run++) {
      const result = await measure(chrome.context, url);
      results.push(result);
      console.log(
        `  run ${run}: ${result.renderMs.toFixed(1)} ms for ${result.responseRows} accounts, ${result.rows} rows shown`
      );
    }
  } finally {
    await chrome.close();
    await server.stop();
  }

  const middle = median(results.map((result) => result.renderMs));
  const verdict = middle <= BUDGET_MS ? 'within' : 'over';
  console.log(
    `Median ${middle.toFixed(1)} ms from receiving ${results[0]?.responseRows ?? 0} accounts to the first table ` +
      `page of ${results[0]?.rows ?? 0} rows; budget ${BUDGET_MS} ms: ${verdict} budget.`
  );
  console.log(`Load average at the end: ${loadText()}.`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof UsageError) {
        console.error(`${error.message}\n\n${USAGE}`);
        process.exitCode = 2;
        return;
      }
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exitCode = 1;
    }
  );
}

/**
 * Debian's Chromium driven by playwright-core for the cockpit's browser tests and benchmark: a fresh profile per
 * launch, no network besides 127.0.0.1, and a record of every console error, page error and failed request.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { repoRoot } from '../../lib/paths';

/** Chromium of the Debian package. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Viewport of every page, and of the README screenshot. */
export const VIEWPORT = { width: 1280, height: 900 };

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Any host name other than 127.0.0.1 fails to resolve, so nothing on the page can reach another host.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'
];

/** A running Chromium with its own profile folder. */
export interface ChromiumSession {
  context: BrowserContext;
  /** Closes the browser and removes the profile folder. */
  close: () => Promise<void>;
}

/**
 * Launches headless Chromium with a new temporary profile.
 * @throws Error naming the executable when Chromium is missing.
 */
export async function launchChromium(): Promise<ChromiumSession> {
  const profileDir = mkdtempSync(path.join(tmpdir(), 'cockpit-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: VIEWPORT
    });
  } catch (error) {
    rmSync(profileDir, { recursive: true, force: true });
    throw new Error(
      `Launching Chromium at ${CHROMIUM_PATH} failed: ${(error as Error).message}\n` +
        'Install it with apt-get install chromium.'
    );
  }
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    }
  };
}

/**
 * Records console errors, uncaught page errors, failed requests and HTTP responses with status 400 or higher of a
 * page, as one line each.
 */
export class PageProblems {
  readonly lines: string[] = [];

  /**
   * Starts recording the problems of a page.
   * @param page Page to watch.
   * @param label Prefix of each line, such as the route.
   */
  watch(page: Page, label: () => string): void {
    page.on('console', (message) => {
      if (message.type() === 'error') {
        const location = message.location();
        this.lines.push(`${label()}: console error "${message.text()}" at ${location.url}:${location.lineNumber}`);
      }
    });
    page.on('pageerror', (error) => this.lines.push(`${label()}: uncaught ${error.name}: ${error.message}`));
    page.on('requestfailed', (request) =>
      this.lines.push(
        `${label()}: ${request.method()} ${request.url()} failed: ${request.failure()?.errorText ?? 'unknown error'}`
      )
    );
    page.on('response', (response) => {
      if (response.status() >= 400) {
        this.lines.push(
          `${label()}: ${response.request().method()} ${response.url()} answered ${response.status()} ${response.statusText()}`
        );
      }
    });
  }
}

/** Returns the screenshot folder `_local/cockpit/screenshots`, creating it when missing. */
export function screenshotDir(): string {
  const dir = path.join(repoRoot(), '_local', 'cockpit', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}

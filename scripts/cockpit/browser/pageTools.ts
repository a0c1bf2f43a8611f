/**
 * Playwright steps that the cockpit's browser tests share: opening a page and waiting for a component, reading the
 * focused element through shadow roots, moving focus with Tab, and waiting for Apex calls.
 */
import type { Page, Request, Response } from 'playwright-core';

/** Time a component gets to load its data and render, in milliseconds. */
export const RENDER_TIMEOUT_MS = 30_000;

/** The focused element, seen through open shadow roots. */
export interface FocusedElement {
  tag: string;
  /** Accessible name as far as the DOM shows it: aria-label, the label of a form field, or the text. */
  name: string;
  role: string;
  /** data-id, data-action or data-field attribute of the element or of its nearest ancestor that has one. */
  hook: string;
}

/**
 * Opens the cockpit at a route and waits until a component of the page has rendered.
 * @param page Browser page.
 * @param baseUrl Server URL with a trailing slash.
 * @param route Hash route such as `#/account/001...`.
 * @param selector Element that shows the page has rendered.
 */
export async function openRoute(page: Page, baseUrl: string, route: string, selector: string): Promise<void> {
  // A full load each time, because a hash change alone keeps the components and their state.
  await page.goto('about:blank');
  await page.goto(`${baseUrl}${route}`);
  await page.locator(selector).first().waitFor({ state: 'visible', timeout: RENDER_TIMEOUT_MS });
}

/**
 * Returns the hash routes of the cockpit's navigation tabs, as the header links them.
 * @param page A page of the cockpit that has rendered.
 */
export async function navigationRoutes(page: Page): Promise<{ label: string; route: string }[]> {
  const links = page.locator('nav[aria-label="Cockpit pages"] a');
  await links.first().waitFor({ timeout: RENDER_TIMEOUT_MS });
  const found: { label: string; route: string }[] = [];
  for (const link of await links.all()) {
    found.push({ label: (await link.innerText()).trim(), route: (await link.getAttribute('href')) ?? '#/' });
  }
  return found;
}

/**
 * Finds the navigation tab whose page contains a component, and opens it.
 * @param page Browser page.
 * @param baseUrl Server URL.
 * @param componentName Bundle name, such as `atRiskDashboard`.
 * @returns The route of that page.
 * @throws Error listing the pages looked at when no page holds the component.
 */
export async function openPageWithComponent(page: Page, baseUrl: string, componentName: string): Promise<string> {
  await openRoute(page, baseUrl, '#/', 'nav[aria-label="Cockpit pages"] a');
  const routes = await navigationRoutes(page);
  const selector = `[data-component="${componentName}"]`;
  for (const { route } of routes) {
    await openRoute(page, baseUrl, route, 'main');
    if (await page.locator(selector).count()) {
      await page.locator(selector).first().waitFor({ timeout: RENDER_TIMEOUT_MS });
      return route;
    }
  }
  throw new Error(
    `No page of the cockpit contains the component ${componentName}; looked at ${routes.map((entry) => entry.route).join(', ')}.`
  );
}

/** Returns the focused element of the page, following open and synthetic shadow roots. */
export function focusedElement(page: Page): Promise<FocusedElement> {
  return page.evaluate(() => {
    let element: Element | null = document.activeElement;
    while (element?.shadowRoot?.activeElement) {
      element = element.shadowRoot.activeElement;
    }
    if (element === null) {
      return { tag: '', name: '', role: '', hook: '' };
    }
    // Synthetic shadow hides component internals from document.querySelector, so the label comes from `labels`.
    const labels = (element as HTMLInputElement).labels;
    const labelText = labels && labels.length ? (labels[0].textContent ?? '').replace(/\*/g, '').trim() : null;
    const name =
      element.getAttribute('aria-label') ?? labelText ?? (element.textContent ?? '').trim().replace(/\s+/g, ' ');
    const host = element.closest('[data-id],[data-action],[data-field]');
    const hook =
      host?.getAttribute('data-id') ?? host?.getAttribute('data-action') ?? host?.getAttribute('data-field') ?? '';
    return { tag: element.tagName.toLowerCase(), name, role: element.getAttribute('role') ?? '', hook };
  });
}

/**
 * Moves focus with Tab, from the top of the page, until the focused element matches.
 * @param page Browser page, already loaded.
 * @param matches Test on the focused element.
 * @param description What is looked for, for the error message.
 * @param maxPresses Tab presses before giving up.
 * @returns The number of Tab presses it took.
 * @throws Error listing every element that got focus when none matched.
 */
export async function tabTo(
  page: Page,
  matches: (focused: FocusedElement) => boolean,
  description: string,
  maxPresses = 150
): Promise<number> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  await page.locator('body').focus();
  const visited: string[] = [];
  for (let presses = 1; presses <= maxPresses; presses++) {
    await page.keyboard.press('Tab');
    const focused = await focusedElement(page);
    if (matches(focused)) {
      return presses;
    }
    visited.push(`${focused.tag}${focused.hook ? `[${focused.hook}]` : ''} "${focused.name.slice(0, 40)}"`);
  }
  throw new Error(
    `Tab never reached ${description} in ${maxPresses} presses. Focus went to: ${[...new Set(visited)].join(', ')}`
  );
}

function isApexCall(url: string, method: string): boolean {
  return new URL(url).pathname === `/api/apex/${method}`;
}

/**
 * Waits for the page to call an Apex method, such as `HealthScorecardController.recalculate`.
 * @returns The request, whose postDataJSON contains the parameters.
 */
export function waitForApexRequest(page: Page, method: string, timeout = RENDER_TIMEOUT_MS): Promise<Request> {
  return page.waitForRequest((request) => isApexCall(request.url(), method), { timeout });
}

/** Waits for the server's response to an Apex method call. */
export function waitForApexResponse(page: Page, method: string, timeout = RENDER_TIMEOUT_MS): Promise<Response> {
  return page.waitForResponse((response) => isApexCall(response.url(), method), { timeout });
}

/**
 * Returns the text of each cell of the body rows of a table, row by row. Works for a `<table>` and for an ARIA table
 * of `role="row"` elements.
 * @param page Browser page.
 * @param tableSelector Selector of the table.
 */
export function tableCells(page: Page, tableSelector: string): Promise<string[][]> {
  return page.locator(tableSelector).evaluate((table) =>
    Array.from(table.querySelectorAll('tbody tr, [role="row"]'))
      .filter((row) => row.querySelector('th[scope="col"], [role="columnheader"]') === null)
      .map((row) =>
        Array.from(row.querySelectorAll('th, td, [role="rowheader"], [role="cell"]')).map((cell) =>
          (cell.textContent ?? '').trim().replace(/\s+/g, ' ')
        )
      )
  );
}

/**
 * Returns a date relative to today as a user of the en-US locale types it into a Lightning date input, such as
 * `Jan 3, 2027`. The cockpit runs the base components with that locale, so they parse this format.
 * @param daysFromToday Whole days after today on this machine.
 */
export function typedDate(daysFromToday: number): string {
  const date = new Date();
  date.setDate(date.getDate() + daysFromToday);
  return new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric' }).format(date);
}

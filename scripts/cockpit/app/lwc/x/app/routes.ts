/**
 * Hash routes of the cockpit page, and how a Lightning page reference maps onto them.
 *
 * - `#/`: the home app page (the first app page that is not the admin page), or the account list without one
 * - `#/accounts`: every scored account
 * - `#/account/<id>`: the Account record page
 * - `#/page/<name>`: an app page by FlexiPage or tab API name
 * - `#/admin`: the app page whose FlexiPage name ends in `_Admin`
 */

/** A place in the cockpit. */
export type Route =
  | { kind: 'home' }
  | { kind: 'accounts' }
  | { kind: 'admin' }
  | { kind: 'account'; recordId: string }
  | { kind: 'page'; name: string }
  | { kind: 'unsupported'; description: string };

/** A Lightning page reference, as components pass it to NavigationMixin. */
export interface PageReference {
  type: string;
  attributes?: Record<string, unknown>;
  state?: Record<string, unknown>;
}

const ACCOUNT_KEY_PREFIX = '001';

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * Parses a location hash such as `#/account/001...`.
 * @param hash The hash, with or without the leading `#`.
 */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/^\/+/, '').replace(/\/+$/, '');
  const [head, ...rest] = path.split('/').map((part) => decodeURIComponent(part));
  if (head === undefined || head === '') {
    return { kind: 'home' };
  }
  if (head === 'accounts' && rest.length === 0) {
    return { kind: 'accounts' };
  }
  if (head === 'admin' && rest.length === 0) {
    return { kind: 'admin' };
  }
  if (head === 'account' && rest.length === 1 && rest[0] !== '') {
    return { kind: 'account', recordId: rest[0] };
  }
  if (head === 'page' && rest.length === 1 && rest[0] !== '') {
    return { kind: 'page', name: rest[0] };
  }
  return { kind: 'unsupported', description: `#/${path}` };
}

/** Builds the hash of a route. */
export function routeToHash(route: Route): string {
  switch (route.kind) {
    case 'home':
      return '#/';
    case 'accounts':
      return '#/accounts';
    case 'admin':
      return '#/admin';
    case 'account':
      return `#/account/${encodeURIComponent(route.recordId)}`;
    case 'page':
      return `#/page/${encodeURIComponent(route.name)}`;
    default:
      return '#/';
  }
}

/**
 * Maps a page reference onto a cockpit URL: record pages of accounts, the account list, app pages by tab name,
 * the home page and web pages. Anything else maps to an unsupported route, which the shell explains.
 * @param reference The page reference a component navigates to.
 */
export function pageReferenceToUrl(reference: PageReference): string {
  const attributes = reference.attributes ?? {};
  switch (reference.type) {
    case 'standard__recordPage': {
      const recordId = text(attributes.recordId);
      if (text(attributes.objectApiName) === 'Account' || recordId.startsWith(ACCOUNT_KEY_PREFIX)) {
        return routeToHash({ kind: 'account', recordId });
      }
      break;
    }
    case 'standard__objectPage':
      if (text(attributes.objectApiName) === 'Account') {
        return routeToHash({ kind: 'accounts' });
      }
      break;
    case 'standard__navItemPage':
      if (text(attributes.apiName) !== '') {
        return routeToHash({ kind: 'page', name: text(attributes.apiName) });
      }
      break;
    case 'standard__namedPage':
      if (text(attributes.pageName) === 'home') {
        return routeToHash({ kind: 'home' });
      }
      break;
    case 'standard__webPage':
      if (text(attributes.url) !== '') {
        return text(attributes.url);
      }
      break;
    default:
      break;
  }
  return `#/unsupported/${encodeURIComponent(reference.type)}`;
}

/**
 * Maps a Lightning Experience URL path onto a cockpit hash route, so links that components build the way Lightning
 * Experience writes them (`/lightning/r/Account/<id>/view`) open the cockpit's page.
 * @param pathname URL path such as `/lightning/r/Account/001.../view`, `/lightning/n/<Tab>` or `/lightning/o/Account/list`.
 * @returns The hash route, or null when the path is not a Lightning Experience page URL.
 */
export function lightningPathToHash(pathname: string): string | null {
  const parts = pathname
    .split('/')
    .filter((part) => part !== '')
    .map((part) => decodeURIComponent(part));
  if (parts[0] !== 'lightning' || parts.length < 3) {
    return null;
  }
  const [, kind, first, second] = parts;
  if (kind === 'r') {
    // Both /lightning/r/Account/<id>/view and the short /lightning/r/<id>/view name a record page.
    const recordId = second !== undefined && second !== 'view' ? second : first;
    const objectApiName = second !== undefined && second !== 'view' ? first : '';
    return pageReferenceToUrl({ type: 'standard__recordPage', attributes: { recordId, objectApiName } });
  }
  if (kind === 'n') {
    return pageReferenceToUrl({ type: 'standard__navItemPage', attributes: { apiName: first } });
  }
  if (kind === 'o') {
    return pageReferenceToUrl({ type: 'standard__objectPage', attributes: { objectApiName: first } });
  }
  return null;
}

/**
 * Builds the page reference of a route, for CurrentPageReference.
 * @param route The current route.
 */
export function routeToPageReference(route: Route): PageReference {
  switch (route.kind) {
    case 'account':
      return {
        type: 'standard__recordPage',
        attributes: { recordId: route.recordId, objectApiName: 'Account', actionName: 'view' },
        state: {}
      };
    case 'accounts':
      return { type: 'standard__objectPage', attributes: { objectApiName: 'Account', actionName: 'list' }, state: {} };
    case 'page':
      return { type: 'standard__navItemPage', attributes: { apiName: route.name }, state: {} };
    default:
      return { type: 'standard__namedPage', attributes: { pageName: 'home' }, state: {} };
  }
}

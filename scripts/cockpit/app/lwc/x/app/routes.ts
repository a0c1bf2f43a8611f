/**
 * Hash routes of the cockpit page, and how a Lightning page reference maps onto them.
 *
 * - `#/`: the home app page (the first app page that is not the admin page), or the account list without one
 * - `#/accounts`: every scored account
 * - `#/account/<id>`: the Account record page, with its page state as a query (`#/account/<id>?c__key=value`)
 * - `#/page/<name>`: an app page by FlexiPage or tab API name
 * - `#/admin`: the app page whose FlexiPage name ends in `_Admin`
 */

/** A place in the cockpit. */
export type Route =
  | { kind: 'home' }
  | { kind: 'accounts' }
  | { kind: 'admin' }
  | { kind: 'account'; recordId: string; state?: PageState }
  | { kind: 'page'; name: string }
  | { kind: 'unsupported'; description: string };

/** Page state of a record page: the `c__` keys and their values, as the URL carries them. */
export type PageState = Record<string, string>;

/** A Lightning page reference, as components pass it to NavigationMixin. */
export interface PageReference {
  type: string;
  attributes?: Record<string, unknown>;
  state?: Record<string, unknown>;
}

const ACCOUNT_KEY_PREFIX = '001';

/**
 * Prefix of the state keys that a record page keeps. Lightning page references take namespaced state keys only, and
 * `c__` is the namespace of components outside a managed package.
 */
const STATE_KEY_PREFIX = 'c__';

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * Keeps the `c__` keys of a page reference's state, with their values as URL text. Lightning expects string values,
 * so numbers and booleans are converted, and keys whose value is null, undefined, an object or a function are dropped.
 */
function pageStateOf(state: Record<string, unknown> | undefined): PageState {
  const kept: PageState = {};
  for (const [key, value] of Object.entries(state ?? {})) {
    if (key.startsWith(STATE_KEY_PREFIX) && key.length > STATE_KEY_PREFIX.length) {
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        kept[key] = String(value);
      }
    }
  }
  return kept;
}

function stateQuery(state: PageState | undefined): string {
  const pairs = Object.entries(state ?? {}).map(
    ([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`
  );
  return pairs.length > 0 ? `?${pairs.join('&')}` : '';
}

function parseStateQuery(query: string): PageState {
  const state: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(query)) {
    state[key] = value;
  }
  return pageStateOf(state);
}

function accountRoute(recordId: string, state: PageState): Route {
  return Object.keys(state).length > 0 ? { kind: 'account', recordId, state } : { kind: 'account', recordId };
}

/**
 * Parses a location hash such as `#/account/001...?c__playbookFeature=...`. Only the Account record page keeps the
 * query, as its page state, and other routes ignore it.
 * @param hash The hash, with or without the leading `#`.
 */
export function parseRoute(hash: string): Route {
  const withoutMark = hash.replace(/^#/, '');
  const queryStart = withoutMark.indexOf('?');
  const query = queryStart === -1 ? '' : withoutMark.slice(queryStart + 1);
  const path = (queryStart === -1 ? withoutMark : withoutMark.slice(0, queryStart))
    .replace(/^\/+/, '')
    .replace(/\/+$/, '');
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
    return accountRoute(rest[0], parseStateQuery(query));
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
      return `#/account/${encodeURIComponent(route.recordId)}${stateQuery(route.state)}`;
    case 'page':
      return `#/page/${encodeURIComponent(route.name)}`;
    default:
      return '#/';
  }
}

/**
 * Maps a page reference onto a cockpit URL: record pages of accounts with the `c__` keys of their state, the account
 * list, app pages by tab name, the home page and web pages. Anything else maps to an unsupported route, which the
 * shell explains.
 * @param reference The page reference a component navigates to.
 */
export function pageReferenceToUrl(reference: PageReference): string {
  const attributes = reference.attributes ?? {};
  switch (reference.type) {
    case 'standard__recordPage': {
      const recordId = text(attributes.recordId);
      if (text(attributes.objectApiName) === 'Account' || recordId.startsWith(ACCOUNT_KEY_PREFIX)) {
        return routeToHash(accountRoute(recordId, pageStateOf(reference.state)));
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
        state: { ...route.state }
      };
    case 'accounts':
      return { type: 'standard__objectPage', attributes: { objectApiName: 'Account', actionName: 'list' }, state: {} };
    case 'page':
      return { type: 'standard__navItemPage', attributes: { apiName: route.name }, state: {} };
    default:
      return { type: 'standard__namedPage', attributes: { pageName: 'home' }, state: {} };
  }
}

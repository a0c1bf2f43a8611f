import { LightningElement } from 'lwc';
import pages from 'x/pages';
import { currentSession } from '../../../../stubs/session';
import type { CockpitSession } from '../../../../stubs/session';
import type { ShowToastEventConfig } from '../../../../stubs/platformShowToastEvent';
import { SHOW_TOAST_EVENT_NAME } from '../../../../stubs/platformShowToastEvent';
import type { PageItem, PageLayout } from './pageTypes';
import { parseRoute, routeToHash } from './routes';
import type { Route } from './routes';
import { buildToast, toastDuration } from './toasts';
import type { Toast } from './toasts';

/** A navigation tab of the header. */
interface NavTab {
  key: string;
  label: string;
  href: string;
  className: string;
  ariaCurrent: string | null;
}

/** A region as the template renders it. */
interface RegionView {
  key: string;
  className: string;
  items: ItemView[];
}

/** A component of a region as the template renders it. */
interface ItemView extends PageItem {
  takesBoth: boolean;
  takesRecordIdOnly: boolean;
}

const ADMIN_SUFFIX = '_Admin';

function isAdminPage(page: PageLayout): boolean {
  return page.name.endsWith(ADMIN_SUFFIX);
}

function isSameRecordPage(previous: Route, next: Route): boolean {
  return previous.kind === 'account' && next.kind === 'account' && previous.recordId === next.recordId;
}

function regionClass(name: string, hasSidebar: boolean): string {
  if (hasSidebar && name === 'main') {
    return 'slds-col slds-size_1-of-1 slds-large-size_8-of-12';
  }
  if (name === 'sidebar') {
    return 'slds-col slds-size_1-of-1 slds-large-size_4-of-12';
  }
  return 'slds-col slds-size_1-of-1';
}

function toRegionViews(page: PageLayout): RegionView[] {
  const hasSidebar = page.regions.some((region) => region.name === 'sidebar' && region.items.length > 0);
  return page.regions
    .filter((region) => region.items.length > 0)
    .map((region) => ({
      key: `${page.name}-${region.name}`,
      className: regionClass(region.name, hasSidebar),
      items: region.items.map((item) => ({
        ...item,
        key: `${page.name}-${item.key}`,
        takesBoth: item.takesRecordId && item.takesObjectApiName,
        takesRecordIdOnly: item.takesRecordId && !item.takesObjectApiName
      }))
    }));
}

/**
 * Shell of the offline cockpit: a header with the app's pages, a hash router that renders the package's Lightning
 * pages with their real components, and the toasts that components raise.
 */
export default class App extends LightningElement {
  route: Route = parseRoute(window.location.hash);
  toasts: Toast[] = [];
  session: CockpitSession | null = null;
  sessionError = '';

  private toastCount = 0;
  private readonly hashListener = (): void => {
    const previous = this.route;
    this.route = parseRoute(window.location.hash);
    // New page state on the same record keeps the scroll position, so the component that reacts to it stays in view.
    // Another page starts at the top.
    if (!isSameRecordPage(previous, this.route)) {
      window.scrollTo(0, 0);
    }
  };
  private readonly toastListener = (event: Event): void => {
    event.stopPropagation();
    this.showToast((event as CustomEvent<ShowToastEventConfig>).detail);
  };

  override connectedCallback(): void {
    try {
      this.session = currentSession();
    } catch (error) {
      this.sessionError = error instanceof Error ? error.message : String(error);
    }
    window.addEventListener('hashchange', this.hashListener);
    this.addEventListener(SHOW_TOAST_EVENT_NAME, this.toastListener);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.hashListener);
    this.removeEventListener(SHOW_TOAST_EVENT_NAME, this.toastListener);
  }

  get sessionText(): string {
    const session = this.session;
    return session ? `${session.exportName}, scored as of ${session.asOf}. Signed in as ${session.userLabel}.` : '';
  }

  get homePage(): PageLayout | null {
    return pages.appPages.find((page) => !isAdminPage(page)) ?? null;
  }

  get adminPage(): PageLayout | null {
    return pages.appPages.find(isAdminPage) ?? null;
  }

  /** The app page of the current route, or null when the route shows something else. */
  get currentAppPage(): PageLayout | null {
    const route = this.route;
    if (route.kind === 'home') {
      return this.homePage;
    }
    if (route.kind === 'admin') {
      return this.adminPage;
    }
    if (route.kind === 'page') {
      const name = pages.tabs[route.name] ?? route.name;
      return pages.appPages.find((page) => page.name === name) ?? null;
    }
    return null;
  }

  get tabs(): NavTab[] {
    const tabs: { key: string; label: string; route: Route }[] = [];
    const home = this.homePage;
    if (home) {
      tabs.push({ key: 'home', label: home.label, route: { kind: 'home' } });
    }
    tabs.push({ key: 'accounts', label: 'Accounts', route: { kind: 'accounts' } });
    for (const page of pages.appPages) {
      if (page !== home) {
        const route: Route = isAdminPage(page) ? { kind: 'admin' } : { kind: 'page', name: page.name };
        tabs.push({ key: page.name, label: page.label, route });
      }
    }
    const current = this.currentAppPage;
    return tabs.map((tab) => {
      const isActive =
        tab.route.kind === this.route.kind ||
        (current !== null && tab.key === current.name) ||
        (tab.key === 'accounts' && (this.route.kind === 'account' || this.isAccountList)) ||
        (tab.key === 'home' && this.route.kind === 'home');
      return {
        key: tab.key,
        label: tab.label,
        href: routeToHash(tab.route),
        className: `slds-context-bar__item${isActive ? ' slds-is-active' : ''}`,
        ariaCurrent: isActive ? 'page' : null
      };
    });
  }

  get isAccountList(): boolean {
    return this.route.kind === 'accounts' || (this.route.kind === 'home' && this.homePage === null);
  }

  get isRecordPage(): boolean {
    return this.route.kind === 'account';
  }

  get recordId(): string {
    return this.route.kind === 'account' ? this.route.recordId : '';
  }

  get hasRecordPage(): boolean {
    return pages.recordPage !== null;
  }

  get isAppPage(): boolean {
    return this.currentAppPage !== null;
  }

  get regions(): RegionView[] {
    if (this.route.kind === 'account') {
      return pages.recordPage ? toRegionViews(pages.recordPage) : [];
    }
    const page = this.currentAppPage;
    return page ? toRegionViews(page) : [];
  }

  get isMissingPage(): boolean {
    return !this.isAccountList && !this.isRecordPage && !this.isAppPage;
  }

  get missingPageText(): string {
    const route = this.route;
    if (route.kind === 'admin') {
      return 'The package has no admin app page yet (a FlexiPage whose name ends in _Admin).';
    }
    if (route.kind === 'page') {
      return `The package has no app page or tab named ${route.name}.`;
    }
    if (route.kind === 'unsupported') {
      return `${route.description} is not a page of the offline cockpit.`;
    }
    return 'This page is not part of the offline cockpit.';
  }

  get hasToasts(): boolean {
    return this.toasts.length > 0;
  }

  handleCloseToast(event: Event): void {
    const key = (event.currentTarget as HTMLElement).dataset.key;
    this.toasts = this.toasts.filter((toast) => toast.key !== key);
  }

  private showToast(config: ShowToastEventConfig | null | undefined): void {
    const toast = buildToast(config, `toast-${++this.toastCount}`);
    this.toasts = [...this.toasts, toast];
    const duration = toastDuration(toast);
    if (duration !== null) {
      window.setTimeout(() => {
        this.toasts = this.toasts.filter((shown) => shown.key !== toast.key);
      }, duration);
    }
  }
}

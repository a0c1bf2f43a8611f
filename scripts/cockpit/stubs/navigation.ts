/**
 * Stand-in for `lightning/navigation`: navigation moves between the cockpit's hash routes, and CurrentPageReference
 * provisions the page reference of the current route.
 */
import type { WireAdapter } from 'lwc';
import { pageReferenceToUrl, parseRoute, routeToPageReference } from '../app/lwc/x/app/routes';
import type { PageReference } from '../app/lwc/x/app/routes';

const Navigate: unique symbol = Symbol('Navigate');
const GenerateUrl: unique symbol = Symbol('GenerateUrl');

type Constructor<T = object> = new (...args: never[]) => T;

/** Methods that NavigationMixin adds to a component class. */
export interface NavigationMethods {
  [Navigate](reference: PageReference, replace?: boolean): void;
  [GenerateUrl](reference: PageReference): Promise<string>;
}

function navigateTo(reference: PageReference, replace?: boolean): void {
  const url = pageReferenceToUrl(reference);
  if (!url.startsWith('#')) {
    window.open(url, '_blank', 'noopener');
    return;
  }
  if (replace) {
    window.location.replace(url);
  } else {
    window.location.hash = url;
  }
}

/**
 * Adds `[NavigationMixin.Navigate]` and `[NavigationMixin.GenerateUrl]` to a component class.
 * @param Base The component's base class, usually LightningElement.
 */
function mixin<Base extends Constructor>(base: Base): Base & Constructor<NavigationMethods> {
  // Components construct their class with no arguments, so the base is extended as a no-argument constructor.
  const Mixed = class extends (base as unknown as new () => object) {
    [Navigate](reference: PageReference, replace?: boolean): void {
      navigateTo(reference, replace);
    }

    [GenerateUrl](reference: PageReference): Promise<string> {
      return Promise.resolve(pageReferenceToUrl(reference));
    }
  };
  return Mixed as unknown as Base & Constructor<NavigationMethods>;
}

/** The mixin, with the method keys as its properties, as on the platform. */
export const NavigationMixin = Object.assign(mixin, { Navigate, GenerateUrl } as const);

/**
 * Provisions the page reference of the current route, and again after every hash change that changes it: another
 * page, or the same record page with other page state (such as a link's `c__` keys).
 */
export class CurrentPageReference implements WireAdapter {
  private readonly listener = (): void => this.emitIfChanged();
  private emittedKey: string | null = null;

  constructor(private readonly dataCallback: (reference: PageReference) => void) {}

  update(): void {
    this.emit(routeToPageReference(parseRoute(window.location.hash)));
  }

  connect(): void {
    window.addEventListener('hashchange', this.listener);
  }

  disconnect(): void {
    window.removeEventListener('hashchange', this.listener);
  }

  private emitIfChanged(): void {
    const reference = routeToPageReference(parseRoute(window.location.hash));
    // Hashes that differ only in spelling, such as a trailing slash, name the same page and provision nothing new.
    if (JSON.stringify(reference) !== this.emittedKey) {
      this.emit(reference);
    }
  }

  private emit(reference: PageReference): void {
    this.emittedKey = JSON.stringify(reference);
    this.dataCallback(reference);
  }
}

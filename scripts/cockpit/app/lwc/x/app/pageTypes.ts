/**
 * Layout of the Lightning pages the cockpit renders. The build reads it from the package's FlexiPages and writes it
 * as the generated `x/pages` module.
 */
import type { LightningElement } from 'lwc';

/** One component of a page region. */
export interface PageItem {
  /** Unique within the page, from the FlexiPage's component identifier. */
  key: string;
  /** Component name as the FlexiPage lists it, for example `healthScorecard` or `force:detailPanel`. */
  componentName: string;
  ctor: typeof LightningElement;
  /** True when the component has an `@api recordId` that a record page sets. */
  takesRecordId: boolean;
  /** True when the component has an `@api objectApiName` that a record page sets. */
  takesObjectApiName: boolean;
}

/** A region of a page template, such as `header`, `main` or `sidebar`. */
export interface PageRegion {
  name: string;
  items: PageItem[];
}

/** One Lightning page. */
export interface PageLayout {
  /** FlexiPage API name. */
  name: string;
  label: string;
  regions: PageRegion[];
}

/** Every page the cockpit can show. */
export interface CockpitPages {
  /** The Account record page; null when the package has none and no component targets record pages. */
  recordPage: PageLayout | null;
  /** App pages, in FlexiPage name order. */
  appPages: PageLayout[];
  /** FlexiPage name of each custom tab, by tab API name, so navigation to a tab finds its page. */
  tabs: Record<string, string>;
}

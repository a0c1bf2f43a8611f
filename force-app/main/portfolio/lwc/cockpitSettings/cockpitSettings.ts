import { LightningElement } from 'lwc';

/** Value of each tab of the settings page. */
export const TAB_VALUES = ['jobs', 'loginSources', 'healthModel'] as const;

/** A tab of the settings page. */
export type SettingsTab = (typeof TAB_VALUES)[number];

/**
 * Settings page of Success Cockpit for Salesforce admins, in three tabs. Jobs controls the nightly health job and
 * shows its last runs and their errors. Login sources edits the settings that the LoginHistory roll-up reads. Health
 * model previews changes to the health model. A tab's component is created the first time the tab is opened and kept
 * afterwards, so opening the page loads only the Jobs tab and switching back keeps unsaved edits.
 */
export default class CockpitSettings extends LightningElement {
  /** Tabs opened so far; the first tab is open when the page loads. */
  openedTabs: SettingsTab[] = ['jobs'];

  get isJobsOpened(): boolean {
    return this.openedTabs.includes('jobs');
  }

  get isLoginSourcesOpened(): boolean {
    return this.openedTabs.includes('loginSources');
  }

  get isHealthModelOpened(): boolean {
    return this.openedTabs.includes('healthModel');
  }

  handleTabActive(event: Event): void {
    const value = (event.target as HTMLElement & { value?: string }).value;
    const tab = TAB_VALUES.find((candidate) => candidate === value);
    if (tab !== undefined && !this.openedTabs.includes(tab)) {
      this.openedTabs = [...this.openedTabs, tab];
    }
  }
}

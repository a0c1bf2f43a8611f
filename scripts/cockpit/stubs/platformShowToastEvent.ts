/**
 * Stand-in for `lightning/platformShowToastEvent`. The event bubbles out of the component's shadow tree to the
 * cockpit shell, which shows the toast, as Lightning Experience does.
 */

/** Name of the event, the same as on the platform. */
export const SHOW_TOAST_EVENT_NAME = 'lightning__showtoast';

/** Configuration a component passes to ShowToastEvent. */
export interface ShowToastEventConfig {
  title: string;
  message?: string;
  messageData?: (string | { url?: string; label?: string })[];
  variant?: 'info' | 'success' | 'warning' | 'error';
  mode?: 'dismissible' | 'pester' | 'sticky';
}

/** Asks the page to show a toast. */
export class ShowToastEvent extends CustomEvent<ShowToastEventConfig> {
  constructor(config: ShowToastEventConfig) {
    super(SHOW_TOAST_EVENT_NAME, { bubbles: true, composed: true, cancelable: true, detail: config });
  }
}

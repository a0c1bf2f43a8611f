/**
 * Entry of the cockpit bundle: installs the synthetic shadow DOM that Lightning base components need and mounts the
 * shell into the page.
 */
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import App from './lwc/x/app/app';

const root = document.getElementById('root');
if (root) {
  root.replaceChildren(createElement('x-app', { is: App }));
}

import { createElement } from '@lwc/engine-dom';
import CockpitSettings from 'c/cockpitSettings';

// The tabs' components have tests of their own, so each is an empty element here and only the container is tested.
jest.mock('c/healthJobStatus', () => ({
  __esModule: true,
  default: class extends jest.requireActual('lwc').LightningElement {}
}));
jest.mock('c/loginSourceSettings', () => ({
  __esModule: true,
  default: class extends jest.requireActual('lwc').LightningElement {}
}));
jest.mock('c/healthModelPreview', () => ({
  __esModule: true,
  default: class extends jest.requireActual('lwc').LightningElement {}
}));

function flush(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

async function mount(): Promise<HTMLElement> {
  const element = createElement('c-cockpit-settings', { is: CockpitSettings });
  document.body.appendChild(element);
  await flush();
  return element;
}

function byId(element: HTMLElement, id: string): HTMLElement | null {
  return element.shadowRoot?.querySelector<HTMLElement>(`[data-id="${id}"]`) ?? null;
}

async function activate(element: HTMLElement, tabId: string): Promise<void> {
  byId(element, tabId)?.dispatchEvent(new CustomEvent('active'));
  await flush();
}

describe('c-cockpit-settings', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('opens on the Jobs tab and loads only it', async () => {
    const element = await mount();

    expect((byId(element, 'tabs') as HTMLElement & { activeTabValue: string }).activeTabValue).toBe('jobs');
    expect(byId(element, 'jobs')?.tagName).toBe('C-HEALTH-JOB-STATUS');
    expect(byId(element, 'login-sources')).toBeNull();
    expect(byId(element, 'health-model')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('labels the three tabs', async () => {
    const element = await mount();

    const tabs = ['jobs-tab', 'login-sources-tab', 'health-model-tab'].map(
      (id) => byId(element, id) as HTMLElement & { label: string; value: string }
    );

    expect(tabs.map((tab) => [tab.label, tab.value])).toEqual([
      ['Jobs', 'jobs'],
      ['Login sources', 'loginSources'],
      ['Health model', 'healthModel']
    ]);
  });

  it('creates a tab the first time it opens and keeps it', async () => {
    const element = await mount();

    await activate(element, 'login-sources-tab');
    const loginSources = byId(element, 'login-sources');
    await activate(element, 'jobs-tab');
    await activate(element, 'login-sources-tab');

    expect(loginSources?.tagName).toBe('C-LOGIN-SOURCE-SETTINGS');
    expect(byId(element, 'login-sources')).toBe(loginSources);
    expect(byId(element, 'health-model')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('hosts the health model preview', async () => {
    const element = await mount();

    await activate(element, 'health-model-tab');

    expect(byId(element, 'health-model')?.tagName).toBe('C-HEALTH-MODEL-PREVIEW');
  });

  it('ignores an unknown tab', async () => {
    const element = await mount();
    const tab = byId(element, 'jobs-tab') as HTMLElement & { value: string };

    tab.value = 'somethingElse';
    tab.dispatchEvent(new CustomEvent('active'));
    await flush();

    expect(byId(element, 'login-sources')).toBeNull();
    expect(byId(element, 'health-model')).toBeNull();
  });
});

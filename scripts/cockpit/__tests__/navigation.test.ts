/**
 * @jest-environment jsdom
 */
import { CurrentPageReference, NavigationMixin } from '../stubs/navigation';
import type { PageReference } from '../app/lwc/x/app/routes';

const ACCOUNT_ID = '001A00000000001AAA';
const OTHER_ACCOUNT_ID = '001A00000000002AAA';

function recordPage(recordId: string, state: Record<string, unknown> = {}): PageReference {
  return {
    type: 'standard__recordPage',
    attributes: { recordId, objectApiName: 'Account', actionName: 'view' },
    state
  };
}

/** Sets the hash and resolves once the browser has fired hashchange for it, or at once when it is already set. */
function changeHash(hash: string): Promise<void> {
  if (window.location.hash === hash) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    window.addEventListener('hashchange', () => resolve(), { once: true });
    window.location.hash = hash;
  });
}

/** Resolves after the hashchange that navigation fires, whatever the navigating code was. */
function nextHashChange(): Promise<void> {
  return new Promise((resolve) => window.addEventListener('hashchange', () => resolve(), { once: true }));
}

class Base {}
const Navigating = NavigationMixin(Base);

describe('CurrentPageReference', () => {
  let adapter: CurrentPageReference | null = null;
  let provisioned: PageReference[];

  beforeEach(async () => {
    await changeHash(`#/account/${ACCOUNT_ID}`);
    provisioned = [];
    adapter = new CurrentPageReference((reference) => provisioned.push(reference));
    adapter.connect();
    adapter.update();
  });

  afterEach(() => {
    adapter?.disconnect();
    adapter = null;
  });

  it('provisions the current record page', () => {
    expect(provisioned).toEqual([recordPage(ACCOUNT_ID)]);
  });

  it('provisions new state on the same record', async () => {
    await changeHash(`#/account/${ACCOUNT_ID}?c__playbookFeature=reports&c__playbookSegment=All%20users`);

    expect(provisioned).toHaveLength(2);
    expect(provisioned[1]).toEqual(
      recordPage(ACCOUNT_ID, { c__playbookFeature: 'reports', c__playbookSegment: 'All users' })
    );
  });

  it('provisions a navigation with state', async () => {
    const component = new Navigating();
    const changed = nextHashChange();

    component[NavigationMixin.Navigate](recordPage(ACCOUNT_ID, { c__playbookFeature: 'dashboards' }));
    await changed;

    expect(window.location.hash).toBe(`#/account/${ACCOUNT_ID}?c__playbookFeature=dashboards`);
    expect(provisioned[provisioned.length - 1]).toEqual(recordPage(ACCOUNT_ID, { c__playbookFeature: 'dashboards' }));
  });

  it('provisions another record', async () => {
    await changeHash(`#/account/${OTHER_ACCOUNT_ID}`);

    expect(provisioned[provisioned.length - 1]).toEqual(recordPage(OTHER_ACCOUNT_ID));
  });

  it('skips a hash naming the same page', async () => {
    await changeHash(`#/account/${ACCOUNT_ID}/`);

    expect(provisioned).toHaveLength(1);
  });

  it('stops after disconnect', async () => {
    adapter?.disconnect();

    await changeHash(`#/account/${OTHER_ACCOUNT_ID}?c__playbookFeature=reports`);

    expect(provisioned).toHaveLength(1);
  });
});

describe('NavigationMixin', () => {
  it('generates a URL with state', async () => {
    const component = new Navigating();

    const url = await component[NavigationMixin.GenerateUrl](recordPage(ACCOUNT_ID, { c__playbookSegmentType: 'All' }));

    expect(url).toBe(`#/account/${ACCOUNT_ID}?c__playbookSegmentType=All`);
  });

  it('replaces the history entry when asked', async () => {
    await changeHash(`#/account/${OTHER_ACCOUNT_ID}`);
    const entries = window.history.length;
    const component = new Navigating();
    const changed = nextHashChange();

    component[NavigationMixin.Navigate](recordPage(ACCOUNT_ID, { c__playbookFeature: 'reports' }), true);
    await changed;

    expect(window.location.hash).toBe(`#/account/${ACCOUNT_ID}?c__playbookFeature=reports`);
    expect(window.history.length).toBe(entries);
  });

  it('opens a web page in a new tab', () => {
    const open = jest.spyOn(window, 'open').mockImplementation(() => null);
    const component = new Navigating();

    component[NavigationMixin.Navigate]({ type: 'standard__webPage', attributes: { url: 'https://example.com/' } });

    expect(open).toHaveBeenCalledWith('https://example.com/', '_blank', 'noopener');
    open.mockRestore();
  });
});

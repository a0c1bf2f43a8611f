import {
  lightningPathToHash,
  pageReferenceToUrl,
  parseRoute,
  routeToHash,
  routeToPageReference
} from '../app/lwc/x/app/routes';
import { buildToast, fillMessage, toastDuration } from '../app/lwc/x/app/toasts';

describe('parseRoute', () => {
  it.each([
    ['', { kind: 'home' }],
    ['#/', { kind: 'home' }],
    ['#/accounts', { kind: 'accounts' }],
    ['#/admin', { kind: 'admin' }],
    ['#/account/001A00000000001AAA', { kind: 'account', recordId: '001A00000000001AAA' }],
    ['#/page/Success_Cockpit_Portfolio', { kind: 'page', name: 'Success_Cockpit_Portfolio' }],
    ['#/account/', { kind: 'unsupported', description: '#/account' }],
    ['#/nowhere/else', { kind: 'unsupported', description: '#/nowhere/else' }],
    [
      '#/account/001A00000000001AAA?c__playbookFeature=reports&c__playbookSegment=All%20users',
      {
        kind: 'account',
        recordId: '001A00000000001AAA',
        state: { c__playbookFeature: 'reports', c__playbookSegment: 'All users' }
      }
    ],
    [
      '#/account/001A00000000001AAA/?c__note=a%2Bb%26c%3Dd',
      { kind: 'account', recordId: '001A00000000001AAA', state: { c__note: 'a+b&c=d' } }
    ],
    ['#/account/001A00000000001AAA?', { kind: 'account', recordId: '001A00000000001AAA' }],
    ['#/account/001A00000000001AAA?other=1&c__=2', { kind: 'account', recordId: '001A00000000001AAA' }],
    ['#/accounts?c__filter=red', { kind: 'accounts' }],
    ['#/page/Success_Cockpit_Portfolio?c__tab=2', { kind: 'page', name: 'Success_Cockpit_Portfolio' }]
  ])('parses %s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('round-trips a route', () => {
    const route = { kind: 'account' as const, recordId: '001A00000000001AAA' };

    expect(parseRoute(routeToHash(route))).toEqual(route);
  });

  it('round-trips page state', () => {
    const route = {
      kind: 'account' as const,
      recordId: '001A00000000001AAA',
      state: { c__playbookFeature: 'dash boards/é?#', c__playbookSegmentType: 'Role', c__playbookSegment: 'A&B=C' }
    };

    const hash = routeToHash(route);

    expect(hash).toBe(
      '#/account/001A00000000001AAA?c__playbookFeature=dash%20boards%2F%C3%A9%3F%23' +
        '&c__playbookSegmentType=Role&c__playbookSegment=A%26B%3DC'
    );
    expect(parseRoute(hash)).toEqual(route);
  });
});

describe('pageReferenceToUrl', () => {
  it.each([
    [
      { type: 'standard__recordPage', attributes: { recordId: '001A00000000001AAA', actionName: 'view' } },
      '#/account/001A00000000001AAA'
    ],
    [{ type: 'standard__objectPage', attributes: { objectApiName: 'Account', actionName: 'list' } }, '#/accounts'],
    [{ type: 'standard__navItemPage', attributes: { apiName: 'Portfolio' } }, '#/page/Portfolio'],
    [{ type: 'standard__namedPage', attributes: { pageName: 'home' } }, '#/'],
    [{ type: 'standard__webPage', attributes: { url: 'https://example.com/' } }, 'https://example.com/'],
    [
      { type: 'standard__recordPage', attributes: { recordId: '003A00000000001AAA' } },
      '#/unsupported/standard__recordPage'
    ],
    [
      {
        type: 'standard__recordPage',
        attributes: { recordId: '001A00000000001AAA', objectApiName: 'Account', actionName: 'view' },
        state: { c__playbookFeature: 'reports', c__playbookSegmentType: 'All', c__playbookSegment: 'All' }
      },
      '#/account/001A00000000001AAA?c__playbookFeature=reports&c__playbookSegmentType=All&c__playbookSegment=All'
    ],
    [
      {
        type: 'standard__recordPage',
        attributes: { recordId: '001A00000000001AAA' },
        state: { c__count: 3, c__open: true, c__gone: null, c__missing: undefined, c__list: ['a'], plain: 'x' }
      },
      '#/account/001A00000000001AAA?c__count=3&c__open=true'
    ],
    [
      { type: 'standard__recordPage', attributes: { recordId: '001A00000000001AAA' }, state: {} },
      '#/account/001A00000000001AAA'
    ]
  ])('maps %j', (reference, url) => {
    expect(pageReferenceToUrl(reference)).toBe(url);
  });
});

describe('routeToPageReference', () => {
  it('carries the state of a record page', () => {
    const reference = routeToPageReference(
      parseRoute('#/account/001A00000000001AAA?c__playbookFeature=reports&c__playbookSegmentType=All')
    );

    expect(reference).toEqual({
      type: 'standard__recordPage',
      attributes: { recordId: '001A00000000001AAA', objectApiName: 'Account', actionName: 'view' },
      state: { c__playbookFeature: 'reports', c__playbookSegmentType: 'All' }
    });
  });

  it('gives a record page without a query empty state', () => {
    const reference = routeToPageReference(parseRoute('#/account/001A00000000001AAA'));

    expect(reference.state).toEqual({});
  });

  it('round-trips a page reference with state', () => {
    const reference = {
      type: 'standard__recordPage',
      attributes: { recordId: '001A00000000001AAA', objectApiName: 'Account', actionName: 'view' },
      state: { c__playbookFeature: 'reports', c__playbookSegmentType: 'Department', c__playbookSegment: 'R&D' }
    };

    expect(routeToPageReference(parseRoute(pageReferenceToUrl(reference)))).toEqual(reference);
  });
});

describe('lightningPathToHash', () => {
  it.each([
    ['/lightning/r/Account/001A00000000001AAA/view', '#/account/001A00000000001AAA'],
    ['/lightning/r/001A00000000001AAA/view', '#/account/001A00000000001AAA'],
    ['/lightning/n/Success_Cockpit_Admin', '#/page/Success_Cockpit_Admin'],
    ['/lightning/o/Account/list', '#/accounts'],
    ['/lightning/r/Contact/003A00000000001AAA/view', '#/unsupported/standard__recordPage']
  ])('maps %s', (pathname, hash) => {
    expect(lightningPathToHash(pathname)).toBe(hash);
  });

  it('ignores other paths', () => {
    expect(lightningPathToHash('/app.js')).toBeNull();
    expect(lightningPathToHash('/lightning/page')).toBeNull();
  });
});

describe('toasts', () => {
  it('fills message data', () => {
    expect(fillMessage('Saved {0} for {1}; {2}', ['a', { label: 'Acme', url: '#/x' }])).toBe('Saved a for Acme; {2}');
  });

  it('defaults an unknown variant', () => {
    const toast = buildToast({ title: 'Done', variant: 'purple' as 'info' }, 't1');

    expect(toast.variant).toBe('info');
    expect(toast.role).toBe('status');
    expect(toastDuration(toast)).toBe(5000);
  });

  it('keeps errors longer', () => {
    const toast = buildToast({ title: 'Failed', message: 'No', variant: 'error' }, 't2');

    expect(toast.role).toBe('alert');
    expect(toast.className).toBe('slds-notify slds-notify_toast slds-theme_error');
    expect(toastDuration(toast)).toBe(10000);
  });

  it('keeps sticky toasts', () => {
    const toast = buildToast({ title: 'Read me', mode: 'sticky' }, 't3');

    expect(toastDuration(toast)).toBeNull();
    expect(toast.isClosable).toBe(true);
  });
});

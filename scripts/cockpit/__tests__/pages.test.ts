import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { packageDirectories } from '../build';
import { repoRoot } from '../../lib/paths';
import { findBundleDirs, planPages, readBundle, readFlexiPage, renderPagesModule } from '../pages';
import type { BundleInfo, FlexiPageInfo } from '../pages';

function bundle(name: string, changes: Partial<BundleInfo> = {}): BundleInfo {
  return {
    name,
    dir: `/pkg/lwc/${name}`,
    isExposed: true,
    masterLabel: name,
    targets: [],
    recordObjects: [],
    takesRecordId: false,
    takesObjectApiName: false,
    ...changes
  };
}

function recordPage(components: string[]): FlexiPageInfo {
  return {
    name: 'Account_Record_Page',
    file: 'Account_Record_Page.flexipage-meta.xml',
    type: 'RecordPage',
    label: 'Account',
    sobjectType: 'Account',
    regions: [
      {
        name: 'main',
        components: components.map((componentName, index) => ({ componentName, identifier: `i${index}` }))
      }
    ]
  };
}

describe('planPages', () => {
  it('follows the record FlexiPage', () => {
    const scorecard = bundle('healthScorecard', { targets: ['lightning__RecordPage'], takesRecordId: true });

    const plan = planPages(
      [scorecard],
      [recordPage(['force:highlightsPanel', 'healthScorecard', 'force:relatedListContainer'])],
      {}
    );

    expect(plan.recordPage?.regions[0].items.map((item) => item.module)).toEqual([
      'x/recordHighlights',
      'c/healthScorecard'
    ]);
    expect(plan.recordPage?.regions[0].items[1].takesRecordId).toBe(true);
    expect(plan.notes).toEqual([
      'Account_Record_Page: force:relatedListContainer is a platform component that the cockpit leaves out.'
    ]);
  });

  it('adds unplaced record components', () => {
    const risks = bundle('riskRegister', { targets: ['lightning__RecordPage'], recordObjects: ['Account'] });
    const other = bundle('contactCard', { targets: ['lightning__RecordPage'], recordObjects: ['Contact'] });

    const plan = planPages([risks, other], [recordPage([])], {});

    expect(plan.recordPage?.regions[0].items.map((item) => item.module)).toEqual(['c/riskRegister']);
  });

  it('adds unplaced components above details', () => {
    const scorecard = bundle('healthScorecard', { targets: ['lightning__RecordPage'] });
    const risks = bundle('riskRegister', { targets: ['lightning__RecordPage'] });
    const plan = bundle('successPlan', { targets: ['lightning__RecordPage'], recordObjects: ['Account'] });

    const planned = planPages(
      [scorecard, risks, plan],
      [recordPage(['healthScorecard', 'riskRegister', 'force:detailPanel'])],
      {}
    );

    expect(planned.recordPage?.regions[0].items.map((item) => item.module)).toEqual([
      'c/healthScorecard',
      'c/riskRegister',
      'c/successPlan',
      'x/recordDetails'
    ]);
  });

  it('builds a default record page', () => {
    const risks = bundle('riskRegister', { targets: ['lightning__RecordPage'] });

    const plan = planPages([risks], [], {});

    expect(plan.recordPage?.regions.map((region) => region.name)).toEqual(['header', 'main', 'sidebar']);
    expect(plan.recordPage?.regions[1].items[0].module).toBe('c/riskRegister');
  });

  it('gives an unplaced app component its page', () => {
    const portfolio = bundle('atRiskDashboard', { targets: ['lightning__AppPage'], masterLabel: 'Portfolio' });
    const hidden = bundle('helper', { isExposed: false, targets: ['lightning__AppPage'] });

    const plan = planPages([portfolio, hidden], [], {});

    expect(plan.appPages.map((page) => [page.name, page.label])).toEqual([['atRiskDashboard', 'Portfolio']]);
    expect(plan.recordPage).toBeNull();
  });

  it('renders the pages module', () => {
    const scorecard = bundle('healthScorecard', { targets: ['lightning__RecordPage'], takesRecordId: true });
    const plan = planPages([scorecard], [recordPage(['healthScorecard'])], { Portfolio: 'Success_Cockpit_Portfolio' });

    const text = renderPagesModule(plan);

    expect(text).toContain("import c_healthScorecard from 'c/healthScorecard';");
    expect(text).toContain('ctor: c_healthScorecard, takesRecordId: true');
    expect(text).toContain('tabs: {"Portfolio":"Success_Cockpit_Portfolio"}');
  });
});

describe('package metadata', () => {
  it('places the scorecard on the Account page', () => {
    const root = repoRoot();
    const dirs = packageDirectories(root);
    const bundles = findBundleDirs(dirs).map(readBundle);
    const flexiPage = readFlexiPage(
      path.join(root, 'force-app', 'main', 'health', 'flexipages', 'Account_Health_Record_Page.flexipage-meta.xml')
    );

    const plan = planPages(bundles, [flexiPage], {});

    const modules = plan.recordPage?.regions.flatMap((region) => region.items.map((item) => item.module));
    expect(modules).toContain('c/healthScorecard');
    expect(bundles.find((info) => info.name === 'healthScorecard')?.takesRecordId).toBe(true);
  });

  it('places plans under the risk register', () => {
    const root = repoRoot();
    const bundles = findBundleDirs(packageDirectories(root)).map(readBundle);
    const flexiPage = readFlexiPage(
      path.join(root, 'force-app', 'main', 'health', 'flexipages', 'Account_Health_Record_Page.flexipage-meta.xml')
    );

    const plan = planPages(bundles, [flexiPage], {});

    const modules = (name: string): string[] =>
      plan.recordPage?.regions.find((region) => region.name === name)?.items.map((item) => item.module) ?? [];
    const main = modules('main');
    expect(main.indexOf('c/riskRegister')).toBeGreaterThan(main.indexOf('c/healthScorecard'));
    expect(main.indexOf('c/successPlan')).toBeGreaterThan(main.indexOf('c/riskRegister'));
    expect(main.indexOf('x/recordDetails')).toBeGreaterThan(main.indexOf('c/successPlan'));
    expect([...main, ...modules('sidebar')]).toContain('c/renewalCountdown');
  });
});

describe('readBundle', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'cockpit-bundle-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads targets and record properties', () => {
    const bundleDir = path.join(dir, 'riskCard');
    mkdirSync(bundleDir);
    writeFileSync(
      path.join(bundleDir, 'riskCard.js-meta.xml'),
      '<LightningComponentBundle><isExposed>true</isExposed><targets><target>lightning__RecordPage</target>' +
        '</targets><targetConfigs><targetConfig targets="lightning__RecordPage"><objects><object>Account</object>' +
        '</objects></targetConfig></targetConfigs></LightningComponentBundle>'
    );
    writeFileSync(path.join(bundleDir, 'riskCard.ts'), 'class A { @api recordId?: string; @api objectApiName = "";}');

    const info = readBundle(bundleDir);

    expect(info).toMatchObject({
      name: 'riskCard',
      isExposed: true,
      targets: ['lightning__RecordPage'],
      recordObjects: ['Account'],
      takesRecordId: true,
      takesObjectApiName: true
    });
  });
});

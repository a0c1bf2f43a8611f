/**
 * Plans the pages the cockpit renders from the package's own metadata: the Account record page and the app pages
 * come from the FlexiPages, so the offline cockpit shows the components where Lightning Experience shows them.
 * Components that target record or app pages but sit on no FlexiPage still get a place, so a new component shows up
 * before its page exists.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

/** A component bundle of the package. */
export interface BundleInfo {
  name: string;
  dir: string;
  isExposed: boolean;
  masterLabel: string;
  targets: string[];
  /** Objects of the record-page target configuration; empty when the bundle allows every object. */
  recordObjects: string[];
  takesRecordId: boolean;
  takesObjectApiName: boolean;
}

/** A component of a FlexiPage region. */
export interface FlexiPageComponent {
  componentName: string;
  identifier: string;
}

/** A FlexiPage of the package. */
export interface FlexiPageInfo {
  name: string;
  file: string;
  type: string;
  label: string;
  sobjectType: string | null;
  regions: { name: string; components: FlexiPageComponent[] }[];
}

/** A component placed on a planned page, with the module that implements it. */
export interface PlannedItem {
  key: string;
  componentName: string;
  /** Module to import, for example `c/healthScorecard` or `x/recordDetails`. */
  module: string;
  takesRecordId: boolean;
  takesObjectApiName: boolean;
}

/** A planned page. */
export interface PlannedPage {
  name: string;
  label: string;
  regions: { name: string; items: PlannedItem[] }[];
}

/** Every page of the cockpit, and what was left out. */
export interface PagePlan {
  recordPage: PlannedPage | null;
  appPages: PlannedPage[];
  tabs: Record<string, string>;
  /** One line per component that cannot run offline, for the build log. */
  notes: string[];
}

/** Platform components that the shell's own components replace offline. */
const SHELL_STAND_INS: Record<string, PlannedItem> = {
  'force:highlightsPanel': {
    key: '',
    componentName: 'force:highlightsPanel',
    module: 'x/recordHighlights',
    takesRecordId: true,
    takesObjectApiName: false
  },
  'force:detailPanel': {
    key: '',
    componentName: 'force:detailPanel',
    module: 'x/recordDetails',
    takesRecordId: true,
    takesObjectApiName: false
  }
};

const RECORD_PAGE_TARGET = 'lightning__RecordPage';
const APP_PAGE_TARGETS = ['lightning__AppPage', 'lightning__HomePage'];
const APP_PAGE_TYPES = ['AppPage', 'HomePage'];

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  // Values stay text ("true", "65.0"), as the metadata files hold them.
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) =>
    ['flexiPageRegions', 'itemInstances', 'componentInstances', 'target', 'targetConfig', 'object'].includes(name)
});

function asText(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) {
    return [];
  }
  return Array.isArray(value) ? value : [value];
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** Finds every `lwc` folder below a package directory. */
function findLwcFolders(dir: string, found: string[] = []): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return found;
  }
  for (const entry of entries) {
    if (!entry.isDirectory() || entry.name === 'node_modules' || entry.name === '__tests__') {
      continue;
    }
    const full = path.join(dir, entry.name);
    if (entry.name === 'lwc') {
      found.push(full);
    } else {
      findLwcFolders(full, found);
    }
  }
  return found;
}

/** Finds the files of one metadata kind (for example `flexipages`) below the package directories. */
export function findMetadataFiles(packageDirs: string[], folder: string, suffix: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== '__tests__') {
        walk(full);
      } else if (entry.isFile() && path.basename(dir) === folder && entry.name.endsWith(suffix)) {
        found.push(full);
      }
    }
  };
  packageDirs.forEach(walk);
  return found.sort();
}

/**
 * Returns the component bundle folders of the package directories, sorted by name.
 * @param packageDirs Absolute package directories from sfdx-project.json.
 */
export function findBundleDirs(packageDirs: string[]): string[] {
  return packageDirs
    .flatMap((dir) => findLwcFolders(dir))
    .flatMap((lwcDir) =>
      readdirSync(lwcDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
        .map((entry) => path.join(lwcDir, entry.name))
    )
    .sort((a, b) => path.basename(a).localeCompare(path.basename(b)));
}

function hasPublicProperty(source: string, name: string): boolean {
  return new RegExp(`@api\\s+(?:(?:get|set)\\s+)?${name}\\b`).test(source);
}

/**
 * Reads a bundle's meta file and main module: whether it is exposed, its targets, and the record-page properties it
 * accepts.
 * @param dir Bundle folder.
 */
export function readBundle(dir: string): BundleInfo {
  const name = path.basename(dir);
  const metaFile = path.join(dir, `${name}.js-meta.xml`);
  let meta: Record<string, unknown> = {};
  try {
    meta = record(record(parser.parse(readFileSync(metaFile, 'utf8'))).LightningComponentBundle);
  } catch {
    // A bundle without a readable meta file is a service module that no page places.
  }
  const targets = asList(record(meta.targets).target).map(asText);
  const recordObjects = asList(record(meta.targetConfigs).targetConfig)
    .map(record)
    .filter((config) => asText(config['@targets']).split(',').map(asText).includes(RECORD_PAGE_TARGET))
    .flatMap((config) => asList(record(config.objects).object).map(asText));
  let source = '';
  for (const file of [`${name}.ts`, `${name}.js`]) {
    try {
      source = readFileSync(path.join(dir, file), 'utf8');
      break;
    } catch {
      // Try the next source file name.
    }
  }
  return {
    name,
    dir,
    isExposed: asText(meta.isExposed) === 'true',
    masterLabel: asText(meta.masterLabel) || name,
    targets,
    recordObjects,
    takesRecordId: hasPublicProperty(source, 'recordId'),
    takesObjectApiName: hasPublicProperty(source, 'objectApiName')
  };
}

/**
 * Reads a FlexiPage file: its type, object, label and the components of each region.
 * @param file Path of a `.flexipage-meta.xml` file.
 * @throws Error naming the file when it is not a FlexiPage.
 */
export function readFlexiPage(file: string): FlexiPageInfo {
  const root = record(parser.parse(readFileSync(file, 'utf8'))).FlexiPage;
  if (root === undefined) {
    throw new Error(`${file} has no FlexiPage root element; fix the file or remove it from the package.`);
  }
  const page = record(root);
  const regions = asList(page.flexiPageRegions).map((value) => {
    const region = record(value);
    // Newer API versions wrap each component in itemInstances; older ones list componentInstances directly.
    const instances = [
      ...asList(region.itemInstances).map((item) => record(item).componentInstance),
      ...asList(region.componentInstances)
    ].filter((instance) => instance !== undefined);
    return {
      name: asText(region.name),
      components: instances.map((instance) => ({
        componentName: asText(record(instance).componentName),
        identifier: asText(record(instance).identifier)
      }))
    };
  });
  return {
    name: path.basename(file).replace(/\.flexipage-meta\.xml$/, ''),
    file,
    type: asText(page.type),
    label: asText(page.masterLabel) || path.basename(file),
    sobjectType: asText(page.sobjectType) || null,
    regions
  };
}

/**
 * Reads the FlexiPage of each custom tab that has one.
 * @param files Paths of `.tab-meta.xml` files.
 * @returns FlexiPage name by tab API name.
 */
export function readTabs(files: string[]): Record<string, string> {
  const tabs: Record<string, string> = {};
  for (const file of files) {
    const tab = record(record(parser.parse(readFileSync(file, 'utf8'))).CustomTab);
    const flexiPage = asText(tab.flexiPage);
    if (flexiPage !== '') {
      tabs[path.basename(file).replace(/\.tab-meta\.xml$/, '')] = flexiPage;
    }
  }
  return tabs;
}

function bundleItem(bundle: BundleInfo, key: string): PlannedItem {
  return {
    key,
    componentName: bundle.name,
    module: `c/${bundle.name}`,
    takesRecordId: bundle.takesRecordId,
    takesObjectApiName: bundle.takesObjectApiName
  };
}

function planFlexiPage(page: FlexiPageInfo, bundles: Map<string, BundleInfo>, notes: string[]): PlannedPage {
  const regions = page.regions.map((region) => {
    const items: PlannedItem[] = [];
    region.components.forEach((component, index) => {
      const key = component.identifier || `${region.name}-${index}`;
      const bundleName = component.componentName.replace(/^c:/, '');
      const bundle = bundles.get(bundleName);
      const standIn = SHELL_STAND_INS[component.componentName];
      if (bundle) {
        items.push(bundleItem(bundle, key));
      } else if (standIn) {
        items.push({ ...standIn, key });
      } else {
        notes.push(`${page.name}: ${component.componentName} is a platform component that the cockpit leaves out.`);
      }
    });
    return { name: region.name, items };
  });
  return { name: page.name, label: page.label, regions };
}

function placedComponents(pages: PlannedPage[]): Set<string> {
  return new Set(pages.flatMap((page) => page.regions.flatMap((region) => region.items.map((item) => item.module))));
}

function isAccountRecordComponent(bundle: BundleInfo): boolean {
  return (
    bundle.isExposed &&
    bundle.targets.includes(RECORD_PAGE_TARGET) &&
    (bundle.recordObjects.length === 0 || bundle.recordObjects.includes('Account'))
  );
}

/**
 * Plans the cockpit's pages. The Account record page is the first RecordPage FlexiPage of Account (by name), or a
 * default layout when there is none. Every AppPage and HomePage FlexiPage becomes an app page. A component exposed
 * for Account record pages that no FlexiPage places is added to the record page's main region, below the region's
 * last package component and so above the record details. One exposed for app pages gets an app page of its own.
 * @param bundles Component bundles of the package.
 * @param flexiPages FlexiPages of the package.
 * @param tabs FlexiPage name by tab API name.
 */
export function planPages(bundles: BundleInfo[], flexiPages: FlexiPageInfo[], tabs: Record<string, string>): PagePlan {
  const byName = new Map(bundles.map((bundle) => [bundle.name, bundle]));
  const notes: string[] = [];
  const sorted = [...flexiPages].sort((a, b) => a.name.localeCompare(b.name));

  const recordFlexiPage = sorted.find((page) => page.type === 'RecordPage' && page.sobjectType === 'Account');
  let recordPage: PlannedPage | null = recordFlexiPage ? planFlexiPage(recordFlexiPage, byName, notes) : null;
  const appPages = sorted
    .filter((page) => APP_PAGE_TYPES.includes(page.type))
    .map((page) => planFlexiPage(page, byName, notes));

  const unplacedRecordComponents = bundles.filter(
    (bundle) =>
      isAccountRecordComponent(bundle) && !placedComponents(recordPage ? [recordPage] : []).has(`c/${bundle.name}`)
  );
  if (recordPage === null && unplacedRecordComponents.length > 0) {
    recordPage = {
      name: 'Account_Record_Page',
      label: 'Account',
      regions: [
        { name: 'header', items: [{ ...SHELL_STAND_INS['force:highlightsPanel'], key: 'highlights' }] },
        { name: 'main', items: [] },
        { name: 'sidebar', items: [{ ...SHELL_STAND_INS['force:detailPanel'], key: 'details' }] }
      ]
    };
  }
  if (recordPage !== null) {
    let main = recordPage.regions.find((region) => region.name === 'main');
    if (main === undefined) {
      main = { name: 'main', items: [] };
      recordPage.regions.push(main);
    }
    // Unplaced components go below the package's own components of the region, above the record details.
    const lastPackageItem = main.items.map((item) => item.module.startsWith('c/')).lastIndexOf(true);
    const position = lastPackageItem < 0 ? main.items.length : lastPackageItem + 1;
    main.items.splice(
      position,
      0,
      ...unplacedRecordComponents.map((bundle) => bundleItem(bundle, `unplaced-${bundle.name}`))
    );
  }

  const placedOnAppPages = placedComponents(appPages);
  for (const bundle of bundles) {
    const isAppComponent = bundle.isExposed && bundle.targets.some((target) => APP_PAGE_TARGETS.includes(target));
    if (isAppComponent && !placedOnAppPages.has(`c/${bundle.name}`)) {
      appPages.push({
        name: bundle.name,
        label: bundle.masterLabel,
        regions: [{ name: 'main', items: [bundleItem(bundle, bundle.name)] }]
      });
    }
  }
  return { recordPage, appPages, tabs, notes };
}

function moduleVariable(module: string): string {
  return module.replace(/[^A-Za-z0-9_]/g, '_');
}

/**
 * Renders the plan as the `x/pages` module that the shell imports: one import per component module and the layout
 * with each component's constructor.
 * @param plan The planned pages.
 */
export function renderPagesModule(plan: PagePlan): string {
  const pages = [...(plan.recordPage ? [plan.recordPage] : []), ...plan.appPages];
  const modules = [...placedComponents(pages)].sort();
  const imports = modules.map((module) => `import ${moduleVariable(module)} from '${module}';`);
  const renderPage = (page: PlannedPage): string => {
    const regions = page.regions.map((region) => {
      const items = region.items.map(
        (item) =>
          `{ key: ${JSON.stringify(item.key)}, componentName: ${JSON.stringify(item.componentName)}, ` +
          `ctor: ${moduleVariable(item.module)}, takesRecordId: ${item.takesRecordId}, ` +
          `takesObjectApiName: ${item.takesObjectApiName} }`
      );
      return `{ name: ${JSON.stringify(region.name)}, items: [${items.join(', ')}] }`;
    });
    return `{ name: ${JSON.stringify(page.name)}, label: ${JSON.stringify(page.label)}, regions: [${regions.join(', ')}] }`;
  };
  return [
    '// Generated by scripts/cockpit/build.ts from the package FlexiPages. Do not edit.',
    ...imports,
    'export default {',
    `  recordPage: ${plan.recordPage ? renderPage(plan.recordPage) : 'null'},`,
    `  appPages: [${plan.appPages.map(renderPage).join(', ')}],`,
    `  tabs: ${JSON.stringify(plan.tabs)}`,
    '};',
    ''
  ].join('\n');
}

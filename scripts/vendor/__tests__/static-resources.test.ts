import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import manifest from '../static-resources.json';

interface Resource {
  name: string;
  title: string;
  package: string;
  file: string;
  directory: string;
  purpose: string;
}

interface InstalledPackage {
  version: string;
  license: string;
}

const ROOT = path.resolve(__dirname, '..', '..', '..');
const SCRIPT = path.join(ROOT, 'scripts', 'vendor', 'sync-static-resources.mjs');
const SYNC_COMMAND = 'node scripts/vendor/sync-static-resources.mjs';
const RESOURCES = manifest.resources as Resource[];

function runSync(cwd: string, args: string[] = []): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [SCRIPT, ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

function installedOf(resource: Resource): InstalledPackage {
  return JSON.parse(
    readFileSync(path.join(ROOT, 'node_modules', resource.package, 'package.json'), 'utf8')
  ) as InstalledPackage;
}

function copyPath(root: string, resource: Resource): string {
  return path.join(root, resource.directory, `${resource.name}.js`);
}

function metaPath(root: string, resource: Resource): string {
  return path.join(root, resource.directory, `${resource.name}.resource-meta.xml`);
}

function elementText(xml: string, element: string): string | null {
  const match = new RegExp(`<${element}\\s*>([^<]*)</${element}>`).exec(xml);
  return match ? match[1] : null;
}

describe('static resources', () => {
  it('lists the two QBR libraries', () => {
    expect(RESOURCES.map((resource) => `${resource.package}/${resource.file}`)).toEqual([
      'pptxgenjs/dist/pptxgen.bundle.js',
      'chart.js/dist/chart.umd.min.js'
    ]);
  });

  it.each(RESOURCES.map((resource) => [resource.name, resource] as const))(
    '%s matches node_modules byte for byte',
    (_name, resource) => {
      const source = path.join(ROOT, 'node_modules', resource.package, resource.file);
      const copy = copyPath(ROOT, resource);
      const relativeCopy = path.relative(ROOT, copy);
      const version = installedOf(resource).version;

      const problems: string[] = [];
      if (!existsSync(copy)) {
        problems.push(`${relativeCopy} is missing. Run ${SYNC_COMMAND} to copy it from node_modules.`);
      } else if (!readFileSync(copy).equals(readFileSync(source))) {
        problems.push(
          `${relativeCopy} differs from node_modules/${resource.package}/${resource.file} ` +
            `(${resource.package} ${version}). Run ${SYNC_COMMAND} to update it.`
        );
      }

      expect(problems).toEqual([]);
    }
  );

  it.each(RESOURCES.map((resource) => [resource.name, resource] as const))(
    '%s metadata names the installed version and licence',
    (_name, resource) => {
      const installed = installedOf(resource);
      const xml = readFileSync(metaPath(ROOT, resource), 'utf8');
      const description = elementText(xml, 'description') ?? '';

      expect(elementText(xml, 'contentType')).toBe('application/javascript');
      expect(elementText(xml, 'cacheControl')).toBe('Public');
      expect(installed.license).toBe('MIT');
      expect(description).toContain(`${resource.title} ${installed.version}, MIT licence`);
      expect(description.length).toBeLessThanOrEqual(255);
    }
  );

  it('passes the check of the sync script', () => {
    const result = runSync(ROOT, ['--check']);

    expect(result.output).toContain(`${RESOURCES.length} resources checked, 0 problems`);
    expect(result.status).toBe(0);
  });
});

describe('sync-static-resources', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'static-resources-'));
    for (const resource of RESOURCES) {
      const packageDir = path.join(root, 'node_modules', resource.package);
      mkdirSync(path.dirname(path.join(packageDir, resource.file)), { recursive: true });
      writeFileSync(path.join(packageDir, 'package.json'), JSON.stringify({ version: '1.2.3', license: 'MIT' }));
      writeFileSync(path.join(packageDir, resource.file), `/* ${resource.package} build */\n`);
    }
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('reports missing copies without writing them', () => {
    const result = runSync(root, ['--check']);

    expect(result.status).toBe(1);
    expect(result.output).toContain(
      `force-app/main/qbr/staticresources/chartjs.js is missing. Run ${SYNC_COMMAND} to copy it from ` +
        'node_modules/chart.js/dist/chart.umd.min.js (chart.js 1.2.3).'
    );
    expect(result.output).toContain(`${RESOURCES.length} resources checked, ${RESOURCES.length * 2} problems`);
    expect(existsSync(copyPath(root, RESOURCES[0]))).toBe(false);
  });

  it('copies the builds and writes the metadata', () => {
    const result = runSync(root);

    expect(result.status).toBe(0);
    for (const resource of RESOURCES) {
      expect(readFileSync(copyPath(root, resource), 'utf8')).toBe(`/* ${resource.package} build */\n`);
      const xml = readFileSync(metaPath(root, resource), 'utf8');
      expect(elementText(xml, 'description')).toContain(`${resource.title} 1.2.3, MIT licence`);
    }
    expect(runSync(root, ['--check']).status).toBe(0);
  });

  it('fails the check when a copy was edited', () => {
    runSync(root);
    writeFileSync(copyPath(root, RESOURCES[0]), '/* edited by hand */\n');

    const result = runSync(root, ['--check']);

    expect(result.status).toBe(1);
    expect(result.output).toContain(
      'force-app/main/qbr/staticresources/pptxgenjs.js differs from node_modules/pptxgenjs/dist/pptxgen.bundle.js ' +
        `(pptxgenjs 1.2.3). Run ${SYNC_COMMAND} to update it.`
    );
  });

  it('fails the check when the installed version changed', () => {
    runSync(root);
    const packageJson = path.join(root, 'node_modules', RESOURCES[1].package, 'package.json');
    writeFileSync(packageJson, JSON.stringify({ version: '1.2.4', license: 'MIT' }));

    const result = runSync(root, ['--check']);

    expect(result.status).toBe(1);
    expect(result.output).toContain(
      'force-app/main/qbr/staticresources/chartjs.resource-meta.xml differs from the metadata of chart.js 1.2.4.'
    );
  });

  it('reports a package that is not installed', () => {
    rmSync(path.join(root, 'node_modules', RESOURCES[1].package), { recursive: true });

    const result = runSync(root, ['--check']);

    expect(result.status).toBe(1);
    expect(result.output).toContain('chart.js is not installed');
    expect(result.output).toContain('Run npm ci first.');
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cockpitPaths, hashBuildInputs } from '../build';
import type { CockpitPaths } from '../build';

let root: string;
let paths: CockpitPaths;

function write(relative: string, content: string): void {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'cockpit-build-'));
  paths = cockpitPaths(root);
  write('sfdx-project.json', JSON.stringify({ packageDirectories: [{ path: 'force-app' }] }));
  write('force-app/main/health/lwc/card/card.ts', 'export default class Card {}');
  write('force-app/main/health/lwc/card/card.html', '<template></template>');
  write('force-app/main/health/flexipages/Page.flexipage-meta.xml', '<FlexiPage/>');
  write('tools/cockpit-build/bundle.mjs', '// bundler');
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('hashBuildInputs', () => {
  it('is stable', () => {
    expect(hashBuildInputs(paths)).toBe(hashBuildInputs(paths));
  });

  it('changes with a component source', () => {
    const before = hashBuildInputs(paths);

    write('force-app/main/health/lwc/card/card.html', '<template><p>changed</p></template>');

    expect(hashBuildInputs(paths)).not.toBe(before);
  });

  it('changes with a FlexiPage', () => {
    const before = hashBuildInputs(paths);

    write('force-app/main/health/flexipages/Page.flexipage-meta.xml', '<FlexiPage><type>AppPage</type></FlexiPage>');

    expect(hashBuildInputs(paths)).not.toBe(before);
  });

  it('ignores compiled output and tests', () => {
    const before = hashBuildInputs(paths);

    write('force-app/main/health/lwc/card/card.js', 'export default class Card {}');
    write('force-app/main/health/lwc/card/__tests__/card.test.ts', 'it("x", () => {});');

    expect(hashBuildInputs(paths)).toBe(before);
  });
});

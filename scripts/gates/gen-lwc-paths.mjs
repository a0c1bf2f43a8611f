// Writes one `c/<bundle>` entry per LWC bundle into tsconfig.json, because TypeScript path mapping allows a single
// `*` and cannot express `c/*` -> `<dir>/lwc/*/*`.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';

const root = process.cwd();
const project = JSON.parse(readFileSync(path.join(root, 'sfdx-project.json'), 'utf8'));

function findLwcFolders(dir, found) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
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

const paths = {};
for (const packageDir of project.packageDirectories) {
  const base = path.join(root, packageDir.path);
  if (!statSync(base, { throwIfNoEntry: false })?.isDirectory()) {
    continue;
  }
  for (const lwcDir of findLwcFolders(base, [])) {
    for (const bundle of readdirSync(lwcDir, { withFileTypes: true })) {
      if (bundle.isDirectory() && !bundle.name.startsWith('.')) {
        const key = `c/${bundle.name}`;
        if (paths[key]) {
          console.error(`gen-lwc-paths: bundle name "${bundle.name}" is used twice; rename one of them.`);
          process.exit(1);
        }
        const relative = path
          .relative(root, path.join(lwcDir, bundle.name, bundle.name))
          .split(path.sep)
          .join('/');
        paths[key] = [`./${relative}`];
      }
    }
  }
}

const tsconfigPath = path.join(root, 'tsconfig.json');
const tsconfig = JSON.parse(readFileSync(tsconfigPath, 'utf8'));
const sorted = Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b)));
if (JSON.stringify(tsconfig.compilerOptions.paths) !== JSON.stringify(sorted)) {
  tsconfig.compilerOptions.paths = sorted;
  const options = (await prettier.resolveConfig(tsconfigPath)) ?? {};
  writeFileSync(tsconfigPath, await prettier.format(JSON.stringify(tsconfig), { ...options, parser: 'json' }));
}

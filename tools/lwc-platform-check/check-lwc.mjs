// Compiles every LWC bundle of the project with the Lightning platform compiler (@lwc/sfdc-lwc-compiler in platform
// mode), which applies the platform's lint and compile rules, and fails on any diagnostic. The compiler checks .js
// only, so the TypeScript sources are compiled first (`npm run build:lwc`); a .ts file without its .js is reported.
// This tool lives in its own folder because the compiler brings @lwc/compiler 9, which must not replace the version
// the Jest transformer uses.
//
// Usage: node tools/lwc-platform-check/check-lwc.mjs [apiVersion]   (run from the project root)
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { compile } from '@lwc/sfdc-lwc-compiler';

const root = process.cwd();
const project = JSON.parse(readFileSync(path.join(root, 'sfdx-project.json'), 'utf8'));
const apiVersion = Number(process.argv[2] ?? project.sourceApiVersion);

function findBundles(dir, found = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === 'node_modules' || entry.name === '__tests__') continue;
    const full = path.join(dir, entry.name);
    if (entry.name === 'lwc') {
      for (const bundle of readdirSync(full, { withFileTypes: true })) {
        if (bundle.isDirectory()) found.push(path.join(full, bundle.name));
      }
    } else {
      findBundles(full, found);
    }
  }
  return found;
}

function readBundleFiles(bundleDir, relative = '', files = {}) {
  for (const entry of readdirSync(path.join(bundleDir, relative), { withFileTypes: true })) {
    const name = path.posix.join(relative, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '__tests__') readBundleFiles(bundleDir, name, files);
    } else if (/\.(js|html|css|svg)$/.test(entry.name)) {
      files[name] = readFileSync(path.join(bundleDir, name), 'utf8');
    }
  }
  return files;
}

const bundles = project.packageDirectories
  .map((entry) => path.join(root, entry.path))
  .filter((dir) => existsSync(dir))
  .flatMap((dir) => findBundles(dir))
  .sort();

let failures = 0;
for (const bundleDir of bundles) {
  const name = path.basename(bundleDir);
  const relativeDir = path.relative(root, bundleDir);
  const problems = [];
  const tsFiles = readdirSync(bundleDir).filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'));
  for (const tsFile of tsFiles) {
    if (!existsSync(path.join(bundleDir, tsFile.replace(/\.ts$/, '.js')))) {
      problems.push(`${tsFile} is not compiled to .js; run npm run build:lwc`);
    }
  }
  if (!existsSync(path.join(bundleDir, `${name}.js`))) {
    problems.push(`${name}.js is missing; every bundle needs a module named after it`);
  }
  if (!problems.length) {
    const output = await compile({
      bundle: { type: 'platform', name, namespace: 'c', files: readBundleFiles(bundleDir), options: { apiVersion } }
    });
    for (const diagnostic of output.diagnostics) {
      const location = diagnostic.location ? `:${diagnostic.location.line}:${diagnostic.location.column}` : '';
      problems.push(`${diagnostic.filename ?? ''}${location} ${diagnostic.message}`);
    }
    if (!output.success && !output.diagnostics.length) {
      problems.push('the platform compiler failed without a diagnostic');
    }
  }
  for (const problem of problems) {
    console.error(`${relativeDir}: ${problem}`);
  }
  failures += problems.length;
}
console.log(`check:lwc-platform: ${bundles.length} bundles, ${failures} problems (API ${apiVersion})`);
process.exit(failures ? 1 : 0);

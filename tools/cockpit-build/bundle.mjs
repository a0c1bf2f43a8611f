// Bundles the offline cockpit: the staged package components, the browser shell and Lightning base components, into
// one ES module. It runs from this folder because @lwc/rollup-plugin 9 brings @lwc/compiler 9, which must not be
// hoisted next to the 8.x compiler that the Jest transformer in the root node_modules uses.
//
// Usage: node tools/cockpit-build/bundle.mjs <config.json>
// The config file contains { input, output, modulesDirs, stubsDir, apiVersion }: absolute paths of the entry module,
// the bundle to write, the folders with the `<namespace>/<name>/` module layout, and the folder of the compiled stubs
// that stand in for Salesforce-only modules.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { rollup } from 'rollup';
import lwc from '@lwc/rollup-plugin';
import replace from '@rollup/plugin-replace';
import resolve from '@rollup/plugin-node-resolve';

/** Salesforce-only modules that a stub file replaces, by import name. */
const STUB_FILES = {
  '@salesforce/apex': 'apex.js',
  'lightning/uiRecordApi': 'uiRecordApi.js',
  'lightning/platformShowToastEvent': 'platformShowToastEvent.js',
  'lightning/navigation': 'navigation.js',
  'lightning/platformResourceLoader': 'platformResourceLoader.js'
};

const VIRTUAL = '\0cockpit:';

// LWC resolves npm module records from the nearest package.json above the importing file, which for the staged
// components is the repository root with its 8.x engine. Absolute package folders pin every record to this folder.
const require = createRequire(import.meta.url);
const packageDir = (name) => path.dirname(require.resolve(`${name}/package.json`));

function readConfig(file) {
  if (!file) {
    throw new Error('bundle.mjs: the config file argument is missing; run it as node bundle.mjs <config.json>.');
  }
  const config = JSON.parse(readFileSync(file, 'utf8'));
  for (const key of ['input', 'output', 'stubsDir']) {
    if (typeof config[key] !== 'string' || !path.isAbsolute(config[key])) {
      throw new Error(`bundle.mjs: "${key}" in ${file} must be an absolute path; got ${JSON.stringify(config[key])}.`);
    }
  }
  if (!Array.isArray(config.modulesDirs) || !config.modulesDirs.every((dir) => path.isAbsolute(dir))) {
    throw new Error(`bundle.mjs: "modulesDirs" in ${file} must list absolute paths.`);
  }
  return config;
}

/**
 * Generates the modules that only exist on the Salesforce platform: a callable wire adapter per imported Apex method,
 * schema field references, label texts from the labels stub and static resource URLs. The user Id and custom
 * permissions are read from the session script that the server sends before the bundle.
 */
function platformModules(stubsDir) {
  const stub = (name) => JSON.stringify(path.join(stubsDir, name));
  return {
    name: 'cockpit-platform-modules',
    resolveId(id) {
      if (STUB_FILES[id]) {
        return path.join(stubsDir, STUB_FILES[id]);
      }
      if (/^@salesforce\/(apex|schema|user|customPermission|label|resourceUrl)\//.test(id)) {
        return VIRTUAL + id;
      }
      return null;
    },
    load(id) {
      if (!id.startsWith(VIRTUAL)) {
        return null;
      }
      const name = id.slice(VIRTUAL.length);
      const [, kind, rest] = /^@salesforce\/([^/]+)\/(.*)$/.exec(name);
      if (kind === 'apex') {
        const match = /^(\w+)\.(\w+)$/.exec(rest);
        if (!match) {
          this.error(`Apex import "${name}" is not of the form @salesforce/apex/<Class>.<method>.`);
        }
        return (
          `import { createApexMethod } from ${stub('apexMethod.js')};\n` +
          `export default createApexMethod(${JSON.stringify(match[1])}, ${JSON.stringify(match[2])});\n`
        );
      }
      if (kind === 'schema') {
        const [objectApiName, ...fieldPath] = rest.split('.');
        const value = fieldPath.length ? { objectApiName, fieldApiName: fieldPath.join('.') } : { objectApiName };
        return `export default ${JSON.stringify(value)};\n`;
      }
      if (kind === 'user' || kind === 'customPermission') {
        return (
          `import { sessionValue } from ${stub('session.js')};\n` +
          `export default sessionValue(${JSON.stringify(kind)}, ${JSON.stringify(rest)});\n`
        );
      }
      if (kind === 'label') {
        return (
          `import { labelText } from ${stub('labels.js')};\n` + `export default labelText(${JSON.stringify(rest)});\n`
        );
      }
      return `export default ${JSON.stringify(`/resource/${rest}`)};\n`;
    }
  };
}

async function main() {
  const config = readConfig(process.argv[2]);
  const started = Date.now();
  const bundle = await rollup({
    input: config.input,
    onwarn(warning, warn) {
      // Template warnings inside lightning-base-components 1.28.15-alpha (a duplicate slot in lightning-card) and
      // circular imports are left out, because only that package can fix them. The package's own warnings still show.
      const inBaseComponents = (warning.id ?? '').includes(`${path.sep}lightning-base-components${path.sep}`);
      if (warning.code === 'CIRCULAR_DEPENDENCY' || inBaseComponents) {
        return;
      }
      warn(warning);
    },
    plugins: [
      platformModules(config.stubsDir),
      replace({
        preventAssignment: true,
        'process.env.NODE_ENV': JSON.stringify('production'),
        // LBC reads import.meta.env.SSR, which only exists under Vite.
        'import.meta.env.SSR': 'false'
      }),
      lwc({
        rootDir: config.modulesDirs[0],
        // LBC's datatable uses lwc:dynamic, and the shell renders the pages' components with lwc:is.
        enableDynamicComponents: true,
        // LBC's combobox calls attachInternals, which synthetic shadow allows only in components compiled with this.
        enableSyntheticElementInternals: true,
        apiVersion: config.apiVersion,
        modules: [...config.modulesDirs.map((dir) => ({ dir })), { npm: packageDir('lightning-base-components') }],
        defaultModules: ['@lwc/engine-dom', '@lwc/synthetic-shadow', '@lwc/wire-service'].map((name) => ({
          npm: packageDir(name)
        }))
      }),
      resolve()
    ]
  });
  await bundle.write({ file: config.output, format: 'esm', inlineDynamicImports: true });
  await bundle.close();
  process.stdout.write(`bundled ${path.basename(config.output)} in ${Date.now() - started} ms\n`);
}

main().catch((error) => {
  const where = error.loc
    ? ` (${error.loc.file}:${error.loc.line}:${error.loc.column})`
    : error.id
      ? ` (${error.id})`
      : '';
  process.stderr.write(`Bundling the cockpit failed${where}: ${error.message}\n`);
  process.exitCode = 1;
});

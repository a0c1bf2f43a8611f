// Copies the browser builds listed in static-resources.json from node_modules into the package's static resources and
// writes each one's .resource-meta.xml, whose description names the library, its installed version and its licence.
// With --check it changes nothing, lists every copy or meta file that differs from what it would write, and exits 1
// when there is one.
//
// Usage (from the project root): node scripts/vendor/sync-static-resources.mjs [--check]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import xmlPlugin from '@prettier/plugin-xml';

const SCRIPT = 'scripts/vendor/sync-static-resources.mjs';
// The Description field of the StaticResource object is limited to 255 characters (Salesforce object reference).
const MAX_DESCRIPTION = 255;

const scriptDir = path.dirname(fileURLToPath(import.meta.url));
const root = process.cwd();
// Formatting options come from the repository that contains this script, so a run from another directory formats the
// metadata the same way.
const configRoot = path.resolve(scriptDir, '..', '..');
const manifestPath = path.join(scriptDir, 'static-resources.json');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const isCheck = process.argv.includes('--check');

function escapeXml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function readPackage(resource) {
  const packageJson = path.join(root, 'node_modules', resource.package, 'package.json');
  if (!existsSync(packageJson)) {
    throw new Error(`${resource.package} is not installed (${packageJson} not found). Run npm ci first.`);
  }
  return JSON.parse(readFileSync(packageJson, 'utf8'));
}

async function metaOf(resource, installed) {
  const description = `${resource.title} ${installed.version}, ${installed.license} licence (npm ${resource.package}, ${resource.file}): ${resource.purpose}.`;
  if (description.length > MAX_DESCRIPTION) {
    throw new Error(
      `The description of static resource ${resource.name} is ${description.length} characters long, more than the ` +
        `${MAX_DESCRIPTION} allowed. Shorten its purpose in ${path.relative(configRoot, manifestPath)}.`
    );
  }
  const xml = [
    '<?xml version="1.0" encoding="UTF-8" ?>',
    '<StaticResource xmlns="http://soap.sforce.com/2006/04/metadata">',
    '  <cacheControl>Public</cacheControl>',
    '  <contentType>application/javascript</contentType>',
    `  <description>${escapeXml(description)}</description>`,
    '</StaticResource>',
    ''
  ].join('\n');
  const metaPath = path.join(configRoot, resource.directory, `${resource.name}.resource-meta.xml`);
  const options = (await prettier.resolveConfig(metaPath)) ?? {};
  // The plugin is passed as a module because Prettier resolves plugin names from the working directory.
  return prettier.format(xml, { ...options, plugins: [xmlPlugin], filepath: metaPath });
}

/** Returns the files one resource consists of, each with the path it goes to and the content it must have. */
async function expectedFilesOf(resource) {
  const installed = readPackage(resource);
  const source = path.join(root, 'node_modules', resource.package, resource.file);
  if (!existsSync(source)) {
    throw new Error(
      `${resource.package} ${installed.version} has no ${resource.file}. Update the file in the manifest.`
    );
  }
  return [
    {
      target: path.join(root, resource.directory, `${resource.name}.js`),
      content: readFileSync(source),
      origin: `node_modules/${resource.package}/${resource.file} (${resource.package} ${installed.version})`
    },
    {
      target: path.join(root, resource.directory, `${resource.name}.resource-meta.xml`),
      content: Buffer.from(await metaOf(resource, installed), 'utf8'),
      origin: `the metadata of ${resource.package} ${installed.version}`
    }
  ];
}

let problems = 0;
let written = 0;
for (const resource of manifest.resources) {
  let files;
  try {
    files = await expectedFilesOf(resource);
  } catch (error) {
    console.error(`sync-static-resources: ${error.message}`);
    problems += 1;
    continue;
  }
  for (const file of files) {
    const relative = path.relative(root, file.target);
    const current = existsSync(file.target) ? readFileSync(file.target) : null;
    if (current !== null && current.equals(file.content)) {
      continue;
    }
    if (isCheck) {
      const message =
        current === null
          ? `${relative} is missing. Run node ${SCRIPT} to copy it from ${file.origin}.`
          : `${relative} differs from ${file.origin}. Run node ${SCRIPT} to update it.`;
      console.error(`sync-static-resources: ${message}`);
      problems += 1;
    } else {
      mkdirSync(path.dirname(file.target), { recursive: true });
      writeFileSync(file.target, file.content);
      console.log(`sync-static-resources: wrote ${relative} from ${file.origin}`);
      written += 1;
    }
  }
}

const summary = isCheck
  ? `${manifest.resources.length} resources checked, ${problems} problems`
  : `${manifest.resources.length} resources, ${written} files written, ${problems} problems`;
console.log(`sync-static-resources: ${summary}`);
process.exitCode = problems > 0 ? 1 : 0;

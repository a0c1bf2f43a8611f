// Converts the package and the unpackaged test metadata to Metadata API format with the Salesforce CLI, which fails
// on unknown suffixes, wrong root elements and files without their parent. Telemetry and version checks are turned
// off so the command makes no network calls.
//
// The CLI converts reports and dashboards without checking their folders. A report folder without its
// `<folder>.reportFolder-meta.xml` converts to a report in a folder that the deploy cannot create. A folder file
// placed inside its own folder converts to a nested folder. So after each conversion the generated package.xml must
// list every report, report type, dashboard and folder of the source, each report and dashboard with its folder.
//
// Usage: node scripts/gates/convert-source.mjs [<source folder> <output folder>]...
// Without arguments it converts force-app and unpackaged into build/mdapi.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';

const sf = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'node_modules', '.bin', 'sf');

const env = {
  ...process.env,
  SF_DISABLE_TELEMETRY: 'true',
  SF_SKIP_NEW_VERSION_CHECK: 'true',
  SF_AUTOUPDATE_DISABLE: 'true'
};
const defaultTargets = [
  { rootDir: 'force-app', outputDir: 'build/mdapi/package' },
  { rootDir: 'unpackaged', outputDir: 'build/mdapi/unpackaged' }
];

/** Metadata types kept in folders: the package.xml member of a folder is `<folder>/`, of an item `<folder>/<name>`. */
const FOLDER_TYPES = ['Report', 'Dashboard'];

/**
 * Source files whose components must reach the package.xml: the pattern matches the path from the `reports`,
 * `dashboards` or `reportTypes` folder on, and gives the type and package.xml member of the component.
 */
const EXPECTED_MEMBERS = [
  { pattern: /^reports\/([^/]+)\/([^/]+)\.report-meta\.xml$/, type: 'Report', member: (m) => `${m[1]}/${m[2]}` },
  { pattern: /^reports\/([^/]+)\.reportFolder-meta\.xml$/, type: 'Report', member: (m) => `${m[1]}/` },
  {
    pattern: /^dashboards\/([^/]+)\/([^/]+)\.dashboard-meta\.xml$/,
    type: 'Dashboard',
    member: (m) => `${m[1]}/${m[2]}`
  },
  { pattern: /^dashboards\/([^/]+)\.dashboardFolder-meta\.xml$/, type: 'Dashboard', member: (m) => `${m[1]}/` },
  { pattern: /^reportTypes\/([^/]+)\.reportType-meta\.xml$/, type: 'ReportType', member: (m) => m[1] }
];

/**
 * Reads the members of each type from the text of a package.xml.
 * @param {string} text
 * @returns {Map<string, string[]>}
 */
export function readManifest(text) {
  const parser = new XMLParser({ isArray: (name) => name === 'types' || name === 'members', parseTagValue: false });
  const manifest = new Map();
  for (const entry of parser.parse(text).Package?.types ?? []) {
    manifest.set(String(entry.name), (entry.members ?? []).map(String));
  }
  return manifest;
}

/**
 * Checks that every report and dashboard of a converted manifest has its folder, and that no folder is nested.
 * @param {Map<string, string[]>} manifest
 * @returns {string[]}
 */
export function checkFolders(manifest) {
  const problems = [];
  for (const type of FOLDER_TYPES) {
    const members = manifest.get(type) ?? [];
    const folders = new Set(members.filter((member) => member.endsWith('/')));
    for (const folder of folders) {
      if (folder.slice(0, -1).includes('/')) {
        problems.push(
          `${type} folder ${folder} is nested in another folder: its folder file sits inside the folder it describes; ` +
            `move it next to the folder`
        );
      }
    }
    for (const member of members.filter((candidate) => !candidate.endsWith('/'))) {
      const folder = `${member.slice(0, member.lastIndexOf('/'))}/`;
      if (!folders.has(folder)) {
        problems.push(
          `${type} ${member} has no folder ${folder} in the conversion; add its folder file next to the folder`
        );
      }
    }
  }
  return problems;
}

function listSourceFiles(dir, found = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== '__tests__') {
      listSourceFiles(full, found);
    } else if (entry.isFile() && entry.name.endsWith('-meta.xml')) {
      found.push(full);
    }
  }
  return found;
}

/**
 * Lists the reports, dashboards, folders and report types of a source folder that a converted manifest lacks.
 * @param {string} rootDir Source folder that was converted.
 * @param {Map<string, string[]>} manifest
 * @returns {string[]}
 */
export function findMissingMembers(rootDir, manifest) {
  const problems = [];
  for (const file of listSourceFiles(rootDir)) {
    const relative = path.relative(rootDir, file).split(path.sep);
    const kindAt = relative.findLastIndex((part) => ['reports', 'dashboards', 'reportTypes'].includes(part));
    if (kindAt < 0) {
      continue;
    }
    const tail = relative.slice(kindAt).join('/');
    for (const { pattern, type, member } of EXPECTED_MEMBERS) {
      const match = pattern.exec(tail);
      if (match && !(manifest.get(type) ?? []).includes(member(match))) {
        problems.push(
          `${file}: converted without ${type} ${member(match)} in package.xml; check its folder, its file name and .forceignore`
        );
      }
    }
  }
  return problems;
}

/**
 * Converts one source folder and checks the generated package.xml.
 * @param {string} rootDir
 * @param {string} outputDir
 * @returns {{ converted: boolean, problems: string[], output: string }} `output` is the CLI's output.
 */
export function convertAndCheck(rootDir, outputDir) {
  rmSync(outputDir, { recursive: true, force: true });
  const result = spawnSync(sf, ['project', 'convert', 'source', '--root-dir', rootDir, '--output-dir', outputDir], {
    env,
    encoding: 'utf8'
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0) {
    return { converted: false, problems: [`converting ${rootDir} failed (exit code ${result.status})`], output };
  }
  const manifest = readManifest(readFileSync(path.join(outputDir, 'package.xml'), 'utf8'));
  return { converted: true, problems: [...checkFolders(manifest), ...findMissingMembers(rootDir, manifest)], output };
}

function main(args) {
  if (args.length % 2 !== 0) {
    console.error('Usage: node scripts/gates/convert-source.mjs [<source folder> <output folder>]...');
    process.exit(2);
  }
  const targets = args.length
    ? args.flatMap((rootDir, index) => (index % 2 === 0 ? [{ rootDir, outputDir: args[index + 1] }] : []))
    : defaultTargets;
  for (const { rootDir, outputDir } of targets) {
    const { converted, problems, output } = convertAndCheck(rootDir, outputDir);
    if (!converted) {
      console.error(output);
    }
    for (const problem of problems) {
      console.error(`check:convert: ${problem}`);
    }
    if (problems.length) {
      process.exit(1);
    }
    console.log(`check:convert: ${rootDir} -> ${outputDir}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  main(process.argv.slice(2));
}

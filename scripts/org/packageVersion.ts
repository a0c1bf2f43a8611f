/**
 * Creates a version of the Success Cockpit unlocked package with the default Dev Hub and prints its subscriber
 * package version id (04t…).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseIntegerOption, requireFile, UsageError } from './cli';
import type { OrgScriptDeps } from './cli';
import { runSf, SfCommandError } from './sf';

export const PACKAGE_NAME = 'Success Cockpit';

export const PACKAGE_VERSION_USAGE = `Usage: npm run package:version -- [options]

Creates a version of the "${PACKAGE_NAME}" unlocked package with code coverage and prints its 04t id.

Options:
  --wait <minutes>  minutes to wait for the version to be created, 1 to 240 (default: 60)
  --help            show this help`;

/** Validated options of `package:version`. */
export interface PackageVersionOptions {
  waitMinutes: number;
}

/** Parses and validates the `package:version` arguments. Returns null for `--help`. */
export function parsePackageVersionOptions(argv: string[]): PackageVersionOptions | null {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: { wait: { type: 'string' }, help: { type: 'boolean' } },
      strict: true,
      allowPositionals: false
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) {
    return null;
  }
  return { waitMinutes: parseIntegerOption('wait', values.wait ?? '60', 1, 240) };
}

/** Builds the `sf package version create` arguments. */
export function packageVersionArgs(options: PackageVersionOptions): string[] {
  return [
    'package',
    'version',
    'create',
    '--package',
    PACKAGE_NAME,
    '--installation-key-bypass',
    '--code-coverage',
    '--wait',
    String(options.waitMinutes),
    '--json'
  ];
}

interface SfdxProject {
  packageDirectories?: { package?: string }[];
  packageAliases?: Record<string, string>;
}

/**
 * Checks that sfdx-project.json declares the package and an alias for it, which `--package` resolves to the
 * package id (0Ho…). Throws an error that names the missing entry and how to add it.
 */
export function checkPackageProject(projectFile: string): void {
  requireFile(projectFile, 'project file');
  let project: SfdxProject;
  try {
    project = JSON.parse(readFileSync(projectFile, 'utf8')) as SfdxProject;
  } catch (error) {
    throw new Error(`${projectFile} is not valid JSON: ${(error as Error).message}`);
  }
  if (!(project.packageDirectories ?? []).some((dir) => dir.package === PACKAGE_NAME)) {
    throw new Error(`${projectFile} has no package directory for "${PACKAGE_NAME}"; add "package": "${PACKAGE_NAME}".`);
  }
  if (!project.packageAliases?.[PACKAGE_NAME]) {
    throw new Error(
      `${projectFile} has no packageAliases entry for "${PACKAGE_NAME}". Create the package once with: ` +
        `npx sf package create --name "${PACKAGE_NAME}" --package-type Unlocked --path force-app`
    );
  }
}

/** Fields of the `sf package version create --json` result (PackageVersionCreateRequestResult) that this reads. */
export interface PackageVersionCreateResult {
  Id?: string;
  Status?: string;
  SubscriberPackageVersionId?: string | null;
  VersionNumber?: string | null;
  CodeCoverage?: number | null;
  HasPassedCodeCoverageCheck?: boolean | null;
  Error?: unknown[];
}

/** Returns the 04t id of a finished version. Throws an error with the status and request id otherwise. */
export function subscriberVersionId(result: PackageVersionCreateResult | undefined): string {
  const id = result?.SubscriberPackageVersionId ?? '';
  if (result?.Status !== 'Success' || !id.startsWith('04t')) {
    const requestId = result?.Id ?? '<request id>';
    throw new Error(
      `The package version request ${requestId} ended with status ${result?.Status ?? 'unknown'} and no 04t id. ` +
        `Check it with: npx sf package version create report --package-create-request-id ${requestId}`
    );
  }
  return id;
}

/** Runs `package:version` and returns the exit code. */
export async function runPackageVersion(argv: string[], deps: OrgScriptDeps): Promise<number> {
  const options = parsePackageVersionOptions(argv);
  if (options === null) {
    deps.output.log(PACKAGE_VERSION_USAGE);
    return 0;
  }
  checkPackageProject(path.join(deps.root, 'sfdx-project.json'));

  deps.output.log(`Creating a version of "${PACKAGE_NAME}" (waiting up to ${options.waitMinutes} minutes)…`);
  const json = await runSf<PackageVersionCreateResult>(deps.runner, packageVersionArgs(options), { role: 'devhub' });
  if (json.result === undefined) {
    throw new SfCommandError('sf package version create returned no result.', 'MissingResult', json.status);
  }
  const id = subscriberVersionId(json.result);
  deps.output.log(
    `Created version ${json.result.VersionNumber ?? ''} with code coverage ${json.result.CodeCoverage ?? '?'}%.`
  );
  deps.output.log(id);
  return 0;
}

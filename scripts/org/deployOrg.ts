/**
 * Builds the LWC sources, deploys force-app and unpackaged to the default org, and assigns a permission set to the
 * org's default user.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkName, requireDirectory, UsageError } from './cli';
import type { OrgScriptDeps } from './cli';
import { runSf, SfCommandError } from './sf';

export const DEPLOY_USAGE = `Usage: npm run org:deploy -- [options]

Runs npm run build:lwc, deploys force-app and then unpackaged to the default org, and assigns a permission set.

Options:
  --permission-set <name>  API name of the permission set to assign (default: SuccessCockpitAdmin)
  --help                   show this help`;

/** Exit status of `sf project deploy start` when the deploy was still running at the end of its wait. */
const DEPLOY_IN_PROGRESS_STATUS = 69;

export const SOURCE_DIRECTORIES = ['force-app', 'unpackaged'] as const;

/** Validated options of `org:deploy`. */
export interface DeployOptions {
  permissionSet: string;
}

/** Parses and validates the `org:deploy` arguments. Returns null for `--help`. */
export function parseDeployOptions(argv: string[]): DeployOptions | null {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: { 'permission-set': { type: 'string' }, help: { type: 'boolean' } },
      strict: true,
      allowPositionals: false
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) {
    return null;
  }
  return { permissionSet: checkName('permission-set', values['permission-set'] ?? 'SuccessCockpitAdmin') };
}

/** Builds the `sf project deploy start` arguments for one source folder. */
export function deployArgs(sourceDir: string): string[] {
  return ['project', 'deploy', 'start', '--source-dir', sourceDir, '--json'];
}

/** Builds the `sf org assign permset` arguments. */
export function assignPermsetArgs(permissionSet: string): string[] {
  return ['org', 'assign', 'permset', '--name', permissionSet, '--json'];
}

/** Result fields of `sf project deploy start --json` that this script reads. */
export interface DeployResult {
  success?: boolean;
  status?: string;
  numberComponentsDeployed?: number;
  details?: {
    componentFailures?: ComponentFailure | ComponentFailure[];
  };
}

/** One entry of `details.componentFailures` in a deploy result. */
export interface ComponentFailure {
  fullName?: string;
  componentType?: string;
  problem?: string;
}

/** Result of `sf org assign permset --json`. */
interface AssignResult {
  successes?: { name: string; value: string }[];
  failures?: { name: string; message: string }[];
}

/** Lists the component failures of a deploy result, one line each; the Metadata API returns one object or an array. */
export function componentFailureLines(result: DeployResult | undefined): string[] {
  const failures = result?.details?.componentFailures;
  if (failures === undefined) {
    return [];
  }
  const list: ComponentFailure[] = Array.isArray(failures) ? failures : [failures];
  return list.map(
    (failure) => `${failure.componentType ?? 'component'} ${failure.fullName ?? '?'}: ${failure.problem ?? 'failed'}`
  );
}

/** Runs `org:deploy` and returns the exit code. */
export async function runDeploy(argv: string[], deps: OrgScriptDeps): Promise<number> {
  const options = parseDeployOptions(argv);
  if (options === null) {
    deps.output.log(DEPLOY_USAGE);
    return 0;
  }
  for (const dir of SOURCE_DIRECTORIES) {
    requireDirectory(path.join(deps.root, dir), 'source');
  }

  deps.output.log('Building the LWC sources (npm run build:lwc)…');
  const build = await deps.runner('npm', ['run', 'build:lwc']);
  if (build.exitCode !== 0) {
    deps.output.error(build.stdout + build.stderr);
    throw new Error(`npm run build:lwc failed with exit code ${build.exitCode}; fix the errors above and rerun.`);
  }

  for (const dir of SOURCE_DIRECTORIES) {
    deps.output.log(`Deploying ${dir}…`);
    // A deploy that ran but did not succeed still prints its result: status 1 for Failed or Canceled, 68 for
    // SucceededPartial and 69 for still in progress (DEPLOY_STATUS_CODES in plugin-deploy-retrieve).
    const json = await runSf<DeployResult>(deps.runner, deployArgs(dir), {
      role: 'target-org',
      acceptedStatuses: [1, 68, DEPLOY_IN_PROGRESS_STATUS]
    });
    if (json.status !== 0 || json.result?.success === false) {
      for (const line of componentFailureLines(json.result)) {
        deps.output.error(`  ${line}`);
      }
      const next =
        json.status === DEPLOY_IN_PROGRESS_STATUS
          ? 'Check it with: npx sf project deploy report --use-most-recent'
          : 'Fix the components listed above and rerun.';
      throw new SfCommandError(
        `Deploying ${dir} failed with status ${json.result?.status ?? json.status}. ${next}`,
        'DeployFailed',
        json.status
      );
    }
    deps.output.log(`Deployed ${dir}: ${json.result?.numberComponentsDeployed ?? 0} components.`);
  }

  // `sf org assign permset` exits with 1 when every assignment failed and 68 when some failed.
  const assign = await runSf<AssignResult>(deps.runner, assignPermsetArgs(options.permissionSet), {
    role: 'target-org',
    acceptedStatuses: [1, 68]
  });
  const failures = assign.result?.failures ?? [];
  if (assign.status !== 0 || failures.length > 0) {
    const detail = failures.map((failure) => `${failure.name}: ${failure.message}`).join('; ');
    throw new SfCommandError(
      `Assigning permission set ${options.permissionSet} failed${detail ? `: ${detail}` : ''}.`,
      'AssignFailed',
      assign.status
    );
  }
  deps.output.log(`Assigned permission set ${options.permissionSet}.`);
  return 0;
}

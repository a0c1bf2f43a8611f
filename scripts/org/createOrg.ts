/**
 * Creates a scratch org from config/project-scratch-def.json with the Dev Hub the Salesforce CLI has as default, and
 * makes it the default org.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkName, parseIntegerOption, requireFile, UsageError } from './cli';
import type { OrgScriptDeps } from './cli';
import { runSf } from './sf';

export const CREATE_USAGE = `Usage: npm run org:create -- [options]

Creates a scratch org from config/project-scratch-def.json and sets it as the default org.

Options:
  --alias <name>        alias of the new scratch org (default: cockpit)
  --duration-days <n>   days until the scratch org expires, 1 to 30 (default: 7)
  --help                show this help`;

/** Validated options of `org:create`. */
export interface CreateOptions {
  alias: string;
  durationDays: number;
}

/** Parses and validates the `org:create` arguments. Returns null for `--help`. */
export function parseCreateOptions(argv: string[]): CreateOptions | null {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        alias: { type: 'string' },
        'duration-days': { type: 'string' },
        help: { type: 'boolean' }
      },
      strict: true,
      allowPositionals: false
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) {
    return null;
  }
  return {
    alias: checkName('alias', values.alias ?? 'cockpit'),
    durationDays: parseIntegerOption('duration-days', values['duration-days'] ?? '7', 1, 30)
  };
}

/** Builds the `sf org create scratch` arguments for `definitionFile`. */
export function createScratchArgs(options: CreateOptions, definitionFile: string): string[] {
  return [
    'org',
    'create',
    'scratch',
    '--definition-file',
    definitionFile,
    '--alias',
    options.alias,
    '--duration-days',
    String(options.durationDays),
    '--set-default',
    '--json'
  ];
}

/** Result fields of `sf org create scratch --json` that this script reads. */
interface ScratchCreateResult {
  username?: string;
  orgId?: string;
}

/** Runs `org:create` and returns the exit code. */
export async function runCreate(argv: string[], deps: OrgScriptDeps): Promise<number> {
  const options = parseCreateOptions(argv);
  if (options === null) {
    deps.output.log(CREATE_USAGE);
    return 0;
  }
  const definitionFile = path.join(deps.root, 'config', 'project-scratch-def.json');
  requireFile(definitionFile, 'scratch org definition file');

  deps.output.log(`Creating scratch org "${options.alias}" for ${options.durationDays} days…`);
  const json = await runSf<ScratchCreateResult>(deps.runner, createScratchArgs(options, definitionFile), {
    role: 'devhub'
  });
  const username = json.result?.username ?? 'unknown user';
  deps.output.log(
    `Created scratch org ${json.result?.orgId ?? ''} as ${username}, alias "${options.alias}" (default org).`
  );
  return 0;
}

/**
 * Runs Salesforce CLI commands with `--json` through an injectable runner and turns the JSON output into results, or
 * into errors that name the command to run next. The JSON shapes and error names come from the sources of
 * @salesforce/cli 2.146.3 (sf-plugins-core, @salesforce/core) in node_modules.
 */
import { spawn } from 'node:child_process';

/** Exit code and captured output of one process run. */
export interface CommandOutput {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs `command` with `args` and resolves with its exit code and output. Tests pass a fake runner. */
export type CommandRunner = (command: string, args: string[]) => Promise<CommandOutput>;

/** Org a command needs: the Dev Hub (scratch org and package version creation) or the default target org. */
export type OrgRole = 'devhub' | 'target-org';

/** JSON that `sf <command> --json` prints, on success and on failure (`SfCommand.toSuccessJson` / `toJson`). */
export interface SfJsonOutput<T> {
  status: number;
  result?: T;
  name?: string;
  message?: string;
  actions?: string[];
  warnings?: unknown[];
}

export const DEV_HUB_LOGIN_COMMAND = 'npx sf org login web --set-default-dev-hub --alias devhub';
export const SCRATCH_ORG_COMMAND = 'npm run org:create';

/**
 * Error names that mean the CLI has no usable login for the org a command needs. Each one was found in the CLI
 * sources: `errors.NoDefaultEnv` and `errors.NoDefaultDevHub` and `errors.NotADevHub` in sf-plugins-core become
 * `NoDefaultEnvError`, `NoDefaultDevHubError` and `NotADevHubError` through `Messages.createError`, and
 * @salesforce/core `AuthInfo` raises `NamedOrgNotFoundError` for an unknown alias or username.
 * NOTE: `NoOrgFound` does not occur in the 2.146.3 sources; it is kept for other CLI versions and is unverified.
 */
export const NOT_LOGGED_IN_ERRORS: ReadonlySet<string> = new Set([
  'NoDefaultEnvError',
  'NoDefaultDevHubError',
  'NotADevHubError',
  'NamedOrgNotFoundError',
  'NoOrgFound'
]);

/** Failure of an sf command, with the CLI's error name and message. */
export class SfCommandError extends Error {
  constructor(
    message: string,
    readonly errorName: string,
    readonly exitCode: number
  ) {
    super(message);
    this.name = 'SfCommandError';
  }
}

/** Failure because the CLI has no login for the org a command needs. The message names the command to run. */
export class SfNotLoggedInError extends SfCommandError {
  constructor(message: string, errorName: string, exitCode: number) {
    super(message, errorName, exitCode);
    this.name = 'SfNotLoggedInError';
  }
}

/** Runs a process with captured output and no shell, so no argument is ever interpreted by a shell. */
export const spawnRunner: CommandRunner = (command, args) =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', (error) =>
      reject(new Error(`Failed to start ${command}: ${error.message}. Check that Node.js and npm are on the PATH.`))
    );
    child.on('close', (code) => resolve({ exitCode: code ?? 1, stdout, stderr }));
  });

/** Builds the `npx sf ...` argument list, adding `--json` once. */
export function sfArgs(args: string[]): string[] {
  return ['sf', ...args, ...(args.includes('--json') ? [] : ['--json'])];
}

/**
 * Parses the JSON that `sf --json` printed. The CLI writes it to stdout, so stderr is read only when stdout contains
 * none. Throws when neither contains a JSON object.
 */
export function parseSfJson<T>(output: CommandOutput, commandText: string): SfJsonOutput<T> {
  for (const text of [output.stdout, output.stderr]) {
    const start = text.indexOf('{');
    const end = text.lastIndexOf('}');
    if (start === -1 || end < start) {
      continue;
    }
    try {
      const parsed: unknown = JSON.parse(text.slice(start, end + 1));
      if (parsed !== null && typeof parsed === 'object' && 'status' in parsed) {
        return parsed as SfJsonOutput<T>;
      }
    } catch {
      // Not JSON; the other stream is tried next.
    }
  }
  const detail = (output.stderr || output.stdout).trim().slice(0, 500);
  throw new SfCommandError(
    `"${commandText}" exited with code ${output.exitCode} without JSON output${detail ? `: ${detail}` : '.'}`,
    'InvalidJsonOutput',
    output.exitCode
  );
}

/** Builds the not-logged-in message with the login command for the org that `role` names. */
export function notLoggedInMessage(role: OrgRole, cliMessage: string): string {
  const fix =
    role === 'devhub'
      ? `Log in to your Dev Hub with: ${DEV_HUB_LOGIN_COMMAND}`
      : `Create a scratch org and make it the default with: ${SCRATCH_ORG_COMMAND}`;
  const orgName = role === 'devhub' ? 'Dev Hub' : 'default org';
  return `The Salesforce CLI has no usable ${orgName} login (${cliMessage}). ${fix}`;
}

/** Options of {@link runSf}. */
export interface RunSfOptions {
  /** Org the command needs, used to pick the login advice. */
  role: OrgRole;
  /** Statuses that still carry a usable result, such as 100 for `sf apex run test` with failing tests. */
  acceptedStatuses?: number[];
}

/**
 * Runs `npx sf <args> --json` and returns the parsed output when its status is 0 or accepted. Throws
 * {@link SfNotLoggedInError} for the not-logged-in errors and {@link SfCommandError} for every other failure.
 */
export async function runSf<T>(runner: CommandRunner, args: string[], options: RunSfOptions): Promise<SfJsonOutput<T>> {
  const fullArgs = sfArgs(args);
  const commandText = `npx ${fullArgs.join(' ')}`;
  const output = await runner('npx', fullArgs);
  const json = parseSfJson<T>(output, commandText);
  const accepted = [0, ...(options.acceptedStatuses ?? [])];
  if (accepted.includes(json.status) && json.name === undefined) {
    return json;
  }
  const errorName = json.name ?? 'CommandFailed';
  const cliMessage = json.message ?? `status ${json.status}`;
  if (NOT_LOGGED_IN_ERRORS.has(errorName)) {
    throw new SfNotLoggedInError(notLoggedInMessage(options.role, cliMessage), errorName, json.status);
  }
  const actions = json.actions?.length ? ` Suggested actions: ${json.actions.join(' ')}` : '';
  throw new SfCommandError(
    `"${commandText}" failed with ${errorName}: ${cliMessage}${actions}`,
    errorName,
    json.status
  );
}

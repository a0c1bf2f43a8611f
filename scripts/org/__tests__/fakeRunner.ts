import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { OrgScriptDeps } from '../cli';
import type { CommandOutput, CommandRunner } from '../sf';

/** One recorded runner call. */
export interface RunnerCall {
  command: string;
  args: string[];
}

/** Fake runner that records its calls and returns the queued outputs in order. */
export function fakeRunner(outputs: CommandOutput[]): { runner: CommandRunner; calls: RunnerCall[] } {
  const calls: RunnerCall[] = [];
  const queue = [...outputs];
  const runner: CommandRunner = async (command, args) => {
    calls.push({ command, args });
    const next = queue.shift();
    if (next === undefined) {
      throw new Error(`Unexpected runner call: ${command} ${args.join(' ')}`);
    }
    return next;
  };
  return { runner, calls };
}

/** Output of an sf command that printed `json` to stdout. */
export function sfOutput(json: unknown, exitCode = 0): CommandOutput {
  return { exitCode, stdout: JSON.stringify(json, null, 2), stderr: '' };
}

/** Creates a temporary repository root with the files the org scripts check for. */
export function tempRoot(options: { packageAlias?: boolean } = {}): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'org-scripts-'));
  mkdirSync(path.join(root, 'config'));
  writeFileSync(path.join(root, 'config', 'project-scratch-def.json'), '{"edition":"Developer"}');
  mkdirSync(path.join(root, 'force-app'));
  mkdirSync(path.join(root, 'unpackaged'));
  const project = {
    packageDirectories: [{ path: 'force-app', package: 'Success Cockpit', default: true }],
    packageAliases: options.packageAlias === false ? {} : { 'Success Cockpit': '0Ho000000000001AAA' }
  };
  writeFileSync(path.join(root, 'sfdx-project.json'), JSON.stringify(project));
  return root;
}

/** Dependencies with a fake runner and captured output lines. */
export function testDeps(
  runner: CommandRunner,
  root: string
): { deps: OrgScriptDeps; logs: string[]; errors: string[] } {
  const logs: string[] = [];
  const errors: string[] = [];
  return {
    deps: { runner, root, output: { log: (line) => logs.push(line), error: (line) => errors.push(line) } },
    logs,
    errors
  };
}

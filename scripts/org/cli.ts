/**
 * Option parsing, input checks and the entry point shared by the org scripts.
 */
import { existsSync, statSync } from 'node:fs';
import type { CommandRunner } from './sf';

/** Invalid command-line input; the entry point prints it with the usage text and exits with code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * Parses `text` as a whole number in `min..max` for option `--name`. Throws {@link UsageError} naming the value and
 * the range otherwise.
 */
export function parseIntegerOption(name: string, text: string, min: number, max: number): number {
  const value = /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} "${text}" is invalid; use a whole number from ${min} to ${max}.`);
  }
  return value;
}

/**
 * Checks that `value` of option `--name` is a usable org alias or permission set name: letters, digits, `_`, `-`
 * and `.`, starting with a letter. Throws {@link UsageError} otherwise.
 */
export function checkName(name: string, value: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_.-]{0,79}$/.test(value)) {
    throw new UsageError(
      `--${name} "${value}" is invalid; use up to 80 letters, digits, "_", "-" or "." starting with a letter.`
    );
  }
  return value;
}

/** Throws an error naming `file` and its role when it is missing or is not a file. */
export function requireFile(file: string, role: string): void {
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new Error(`The ${role} ${file} was not found; run the command from a clone of the repository.`);
  }
}

/** Throws an error naming `dir` and its role when it is missing or is not a folder. */
export function requireDirectory(dir: string, role: string): void {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new Error(`The ${role} folder ${dir} was not found; run the command from a clone of the repository.`);
  }
}

/** Output sinks of a script, replaced by arrays in tests. */
export interface Output {
  log: (line: string) => void;
  error: (line: string) => void;
}

/** Dependencies of the org scripts. */
export interface OrgScriptDeps {
  runner: CommandRunner;
  /** Repository root holding config/, force-app/ and unpackaged/. */
  root: string;
  output: Output;
}

export const consoleOutput: Output = {
  log: (line) => console.log(line),
  error: (line) => console.error(line)
};

/**
 * Runs a script's `main` and sets the exit code: its return value, 2 for a {@link UsageError} (printed with
 * `usage`), 1 for any other error.
 */
export function runScript(main: () => Promise<number>, usage: string): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof UsageError) {
        console.error(`${error.message}\n\n${usage}`);
        process.exitCode = 2;
        return;
      }
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    }
  );
}

/**
 * Starts the offline cockpit server as a child process for browser tests and benchmarks, waits until it prints that
 * it is ready, and stops it again with its whole process group.
 *
 * The server keeps its change store, the saved decks beside it and its server.json record at fixed paths below
 * `_local/cockpit`. So that a run starts from an empty store without losing the changes a developer made in the
 * cockpit, the existing store and decks are moved aside while the server runs and moved back when it stops. A run
 * that was killed before it could move them back is repaired by the next start.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { cockpitPaths } from '../build';
import { runningServer } from '../serverRecord';
import { deckFilesDir } from '../store';

/** Time the server gets to build the bundle and score the export; a cold build takes minutes on a busy machine. */
export const DEFAULT_STARTUP_TIMEOUT_MS = 10 * 60 * 1000;
/** Time the server gets to exit after SIGTERM before it is killed. */
const STOP_TIMEOUT_MS = 15_000;
const READY_LINE = /The Success Cockpit is ready: (http:\/\/127\.0\.0\.1:\d+\/)/;
/** Last characters of the server output kept for error messages. */
const OUTPUT_TAIL_CHARS = 4000;

/** Options of a cockpit server started for a test or benchmark. */
export interface StartCockpitOptions {
  /** Org export folder; the demo org when left out. */
  exportDir?: string;
  /** Cockpit user key (csm, manager, admin, ...); the server's default when left out. */
  user?: string;
  /** Maximum wait for the ready line, in milliseconds. */
  startupTimeoutMs?: number;
  /** Receives every line the server prints. */
  log?: (line: string) => void;
}

/** A running cockpit server. */
export interface CockpitServer {
  /** Base URL with a trailing slash, for example `http://127.0.0.1:41234/`. */
  url: string;
  /** Everything the server printed so far. */
  output: () => string;
  /** Stops the server and its child processes, and puts the developer's store back. */
  stop: () => Promise<void>;
}

function parkedPath(storePath: string): string {
  return `${storePath}.moved-aside`;
}

/** Returns the store file and the folder of saved decks, which a run moves aside together. */
function storePaths(storeFile: string): string[] {
  return [storeFile, deckFilesDir(storeFile)];
}

/** Moves what an interrupted run left aside back in place, replacing what that run left behind. */
function restoreParkedStore(storeFile: string): void {
  for (const storePath of storePaths(storeFile)) {
    const parked = parkedPath(storePath);
    if (existsSync(parked)) {
      rmSync(storePath, { recursive: true, force: true });
      renameSync(parked, storePath);
    }
  }
}

function parkStore(storeFile: string): void {
  restoreParkedStore(storeFile);
  for (const storePath of storePaths(storeFile)) {
    if (existsSync(storePath)) {
      renameSync(storePath, parkedPath(storePath));
    }
  }
}

function unparkStore(storeFile: string): void {
  for (const storePath of storePaths(storeFile)) {
    rmSync(storePath, { recursive: true, force: true });
  }
  restoreParkedStore(storeFile);
}

function tail(text: string): string {
  return text.length > OUTPUT_TAIL_CHARS ? `…${text.slice(-OUTPUT_TAIL_CHARS)}` : text;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) {
    return;
  }
  try {
    // A negative id signals the process group: tsx and the node process that runs serve.ts.
    process.kill(-child.pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') {
      throw error;
    }
  }
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve(true);
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Starts `scripts/cockpit/serve.ts --port 0` with an empty change store and resolves once the server is ready.
 * @param options Export folder, cockpit user, startup timeout and a log for the server output.
 * @returns The server's URL, its output and a stop function; call stop in afterAll.
 * @throws Error when another cockpit server runs on the same store, or when the server exits or times out before it
 *   is ready. The message contains the end of the server output.
 */
export async function startCockpit(options: StartCockpitOptions = {}): Promise<CockpitServer> {
  const paths = cockpitPaths();
  const other = runningServer(paths.serverFile);
  if (other) {
    throw new Error(
      `A cockpit server (process ${other.pid}, http://127.0.0.1:${other.port}/) is running with ${paths.storeFile}. ` +
        'Stop it with Ctrl+C, then run the browser tests again: a second server cannot share the store.'
    );
  }
  parkStore(paths.storeFile);

  const args = [path.join(paths.root, 'scripts', 'cockpit', 'serve.ts'), '--port', '0'];
  if (options.exportDir !== undefined) {
    args.push('--export', options.exportDir);
  }
  if (options.user !== undefined) {
    args.push('--user', options.user);
  }
  const env = { ...process.env };
  delete env.PORT;
  const child = spawn(path.join(paths.root, 'node_modules', '.bin', 'tsx'), args, {
    cwd: paths.root,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe']
  });

  let output = '';
  let pending = '';
  let stopped: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      signalGroup(child, 'SIGTERM');
      if (!(await waitForExit(child, STOP_TIMEOUT_MS))) {
        signalGroup(child, 'SIGKILL');
        await waitForExit(child, STOP_TIMEOUT_MS);
      }
      unparkStore(paths.storeFile);
    })();
    return stopped;
  };

  const timeoutMs = options.startupTimeoutMs ?? DEFAULT_STARTUP_TIMEOUT_MS;
  const url = await new Promise<string>((resolve, reject) => {
    const fail = (reason: string): void => {
      clearTimeout(timer);
      reject(new Error(`${reason}\nServer output:\n${tail(output)}`));
    };
    const timer = setTimeout(
      () => fail(`The cockpit server was not ready within ${timeoutMs / 1000} s; check the build and scoring output.`),
      timeoutMs
    );
    const receive = (chunk: Buffer): void => {
      const text = chunk.toString('utf8');
      output += text;
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        options.log?.(line);
        const match = READY_LINE.exec(line);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      }
    };
    child.stdout?.on('data', receive);
    child.stderr?.on('data', receive);
    child.once('error', (error) => fail(`Starting the cockpit server failed: ${error.message}.`));
    child.once('exit', (code, signal) =>
      fail(`The cockpit server exited with ${signal ?? `code ${code}`} before it was ready.`)
    );
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });

  return { url, output: () => output, stop };
}

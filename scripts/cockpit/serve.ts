/**
 * Serves the offline cockpit: the package's real components in the browser, on an org export scored by the
 * reference engine, with a local adapter standing in for the Apex classes.
 *
 *   npm start -- [--port <n>] [--export <folder>] [--as-of <YYYY-MM-DD>] [--config <file>] [--model-dir <folder>]
 *                [--risk-dir <folder>] [--plan-dir <folder>] [--user <key>] [--rebuild]
 *
 * The server listens on 127.0.0.1 only. Changes made in the cockpit (override requests, the job schedule, risks,
 * success plans, renewal calls and business reviews) are kept in _local/cockpit/store.json, and saved decks in
 * _local/cockpit/files/; `npm run cockpit:reset` empties both. Exit
 * codes: 0 after Ctrl+C or SIGTERM, 1 when the build, the scoring or the server fails, 2 for invalid options.
 */
import { existsSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { packageCustomMetadataDir } from '../lib/model';
import { packagePlanMetadataDir } from '../lib/plans';
import { packageRiskMetadataDir } from '../lib/risk';
import { formatSummary } from '../lib/score/print';
import { BuildCancelledError, BuildError, buildCockpit, cockpitPaths, packageDirectories } from './build';
import type { CockpitPaths } from './build';
import { createCockpitApp, scoringInputs } from './cockpitApp';
import { CockpitData, CockpitDataError } from './data';
import { createCockpitServer } from './server';
import type { CockpitApp } from './server';
import { CockpitStore, StoreError, deckFilesDir, writeFileAtomically } from './store';
import { readServerRecord, runningServer, serverFileFor } from './serverRecord';
import type { ServerRecord } from './serverRecord';
import { COCKPIT_USERS, DEFAULT_USER_KEY } from './users';
import type { CockpitUser } from './users';

const DEFAULT_PORT = 3000;
const HOST = '127.0.0.1';
/** Time that open connections get to finish after Ctrl+C before they are closed. */
const SHUTDOWN_GRACE_MS = 2000;
const MAX_PROBLEMS_PRINTED = 10;

const USAGE = `Usage: npm start -- [options]

Options:
  --port <n>           port on 127.0.0.1 (default: the PORT variable, else ${DEFAULT_PORT}; 0 picks a free port)
  --export <folder>    org export folder of CSV files (default: the demo org in demo/org-export)
  --as-of <date>       scoring date YYYY-MM-DD (default: the newest date found in the export)
  --config <file>      JSON file with export rules: login types, user mapping, case priorities
  --model-dir <folder> customMetadata folder holding the health model records (default: the package's)
  --risk-dir <folder>  customMetadata folder holding the risk rules and escalation rungs (default: the package's)
  --plan-dir <folder>  customMetadata folder holding the plan templates and renewal checkpoints (default: the package's)
  --store <file>       change store file (default: _local/cockpit/store.json); saved decks go to the folder
                       files beside it. Tests pass their own
  --user <key>         who the cockpit acts as: ${Object.keys(COCKPIT_USERS).join(', ')} (default: ${DEFAULT_USER_KEY})
  --rebuild            build the browser bundle even when the cached one is up to date
  --help               show this help

Users: ${Object.values(COCKPIT_USERS)
  .map((user) => `${user.key} is ${user.label}`)
  .join('; ')}.`;

class UsageError extends Error {}

interface Options {
  port: number;
  exportDir: string;
  asOf: string | null;
  configFile: string | null;
  modelDir: string;
  riskDir: string;
  planDir: string;
  storeFile: string;
  user: CockpitUser;
  rebuild: boolean;
}

function isValidDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    return false;
  }
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function parsePort(text: string, source: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) {
    throw new UsageError(
      `${source} "${text}" is not a port number; use a whole number from 0 to 65535, for example 3001.`
    );
  }
  return port;
}

function parseOptions(argv: string[], paths: CockpitPaths): Options | null {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        export: { type: 'string' },
        'as-of': { type: 'string' },
        config: { type: 'string' },
        'model-dir': { type: 'string' },
        'risk-dir': { type: 'string' },
        'plan-dir': { type: 'string' },
        store: { type: 'string' },
        user: { type: 'string' },
        rebuild: { type: 'boolean' },
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
  const asOf = values['as-of'] ?? null;
  if (asOf !== null && !isValidDate(asOf)) {
    throw new UsageError(`--as-of "${asOf}" is not a valid date; use the form 2026-11-30.`);
  }
  const userKey = values.user ?? DEFAULT_USER_KEY;
  const user = COCKPIT_USERS[userKey];
  if (user === undefined) {
    throw new UsageError(
      `--user "${userKey}" is not a cockpit user; use one of ${Object.keys(COCKPIT_USERS).join(', ')}.`
    );
  }
  let port = DEFAULT_PORT;
  if (values.port !== undefined) {
    port = parsePort(values.port, '--port');
  } else if (process.env.PORT) {
    port = parsePort(process.env.PORT, 'The PORT variable');
  }
  const exportDir = path.resolve(values.export ?? path.join(paths.root, 'demo', 'org-export'));
  if (!existsSync(exportDir)) {
    throw new UsageError(`--export folder ${exportDir} does not exist; pass a folder of CSV files from an org export.`);
  }
  return {
    port,
    exportDir,
    asOf,
    configFile: values.config ? path.resolve(values.config) : null,
    modelDir: path.resolve(values['model-dir'] ?? packageCustomMetadataDir()),
    riskDir: path.resolve(values['risk-dir'] ?? packageRiskMetadataDir()),
    planDir: path.resolve(values['plan-dir'] ?? packagePlanMetadataDir()),
    storeFile: path.resolve(values.store ?? paths.storeFile),
    user,
    rebuild: values.rebuild === true
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    });
  });
}

function seconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(1)} s`;
}

async function prepare(
  options: Options,
  paths: CockpitPaths,
  store: CockpitStore,
  signal: AbortSignal
): Promise<CockpitApp> {
  const buildPromise = buildCockpit(paths, { force: options.rebuild, log: (line) => console.log(line), signal });
  const scoringStarted = Date.now();
  const dataPromise = CockpitData.load(options, scoringInputs(store)).then((data) => {
    console.log(
      `Scored ${data.accountsByRisk().length} accounts of ${data.exportDir} in ${seconds(Date.now() - scoringStarted)}.`
    );
    return data;
  });
  const [build, data] = await Promise.all([buildPromise, dataPromise]);
  for (const note of build.notes) {
    console.log(`Note: ${note}`);
  }
  for (const notice of data.notices) {
    console.log(`Note: ${notice}`);
  }
  const problems = data.problems;
  if (problems.length) {
    console.log(`${problems.length} problems in the export; the rows concerned were not scored:`);
    for (const problem of problems.slice(0, MAX_PROBLEMS_PRINTED)) {
      console.log(`  - ${problem}`);
    }
    if (problems.length > MAX_PROBLEMS_PRINTED) {
      console.log(`  … and ${problems.length - MAX_PROBLEMS_PRINTED} more; npm run score -- --export lists them all.`);
    }
  }
  console.log('');
  console.log(`Success Cockpit health scores for ${data.exportDir}, as of ${data.asOf}`);
  console.log(formatSummary(data.summary()));
  return createCockpitApp(data, store, options.user);
}

async function main(argv: string[]): Promise<number> {
  const paths = cockpitPaths();
  const options = parseOptions(argv, paths);
  if (options === null) {
    console.log(USAGE);
    return 0;
  }

  const serverFile = serverFileFor(options.storeFile, paths);
  const other = runningServer(serverFile);
  if (other) {
    console.error(
      `Another cockpit server (process ${other.pid}) is running on http://${HOST}:${other.port}/ with the same ` +
        `store ${options.storeFile}. Stop it first (Ctrl+C in its terminal), or use that one.`
    );
    return 1;
  }

  const opened = CockpitStore.open(options.storeFile);
  for (const notice of opened.notices) {
    console.warn(`Warning: ${notice}`);
  }

  let app: CockpitApp | null = null;
  const server = createCockpitServer({
    publicDir: paths.publicDir,
    sldsAssetsDir: paths.sldsAssetsDir,
    packageDirs: packageDirectories(paths.root),
    app: () => app,
    log: (line) => console.log(line)
  });
  let port: number;
  try {
    port = await listen(server, options.port);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(
        `Port ${options.port} on ${HOST} is already in use. Stop the program that uses it, or start the cockpit ` +
          `on another port: npm start -- --port ${options.port + 1}`
      );
      return 1;
    }
    throw error;
  }
  const url = `http://${HOST}:${port}/`;
  writeFileAtomically(
    serverFile,
    `${JSON.stringify({ pid: process.pid, port, startedAt: new Date().toISOString() } satisfies ServerRecord)}\n`
  );

  let stopping = false;
  const startup = new AbortController();
  const stopped = new Promise<number>((resolve) => {
    const stop = (signal: string): void => {
      if (stopping) {
        return;
      }
      stopping = true;
      startup.abort();
      console.log(`\n${signal} received; stopping the cockpit server.`);
      server.close(() => resolve(0));
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
  });

  try {
    console.log(`Starting the Success Cockpit on ${url} as ${options.user.name}, ${options.user.label}.`);
    console.log(
      `Changes made in the cockpit are kept in ${options.storeFile}, saved decks in ${deckFilesDir(options.storeFile)}.`
    );
    app = await prepare(options, paths, opened.store, startup.signal);
    if (!stopping) {
      console.log('');
      console.log(`The Success Cockpit is ready: ${url}  (press Ctrl+C to stop)`);
    }
    return await stopped;
  } catch (error) {
    server.close();
    server.closeAllConnections();
    if (error instanceof BuildCancelledError) {
      console.log('Stopped before the cockpit was ready.');
      return 0;
    }
    throw error;
  } finally {
    const record = readServerRecord(serverFile);
    if (record?.pid === process.pid) {
      rmSync(serverFile, { force: true });
    }
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof UsageError) {
        console.error(`${error.message}\n\n${USAGE}`);
        process.exitCode = 2;
        return;
      }
      const isExpected =
        error instanceof BuildError || error instanceof CockpitDataError || error instanceof StoreError;
      const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
      console.error(isExpected ? (error as Error).message : stack);
      process.exitCode = 1;
    }
  );
}

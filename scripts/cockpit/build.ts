/**
 * Builds the offline cockpit's browser bundle. It compiles the package's TypeScript components with tsc and stages
 * them in the `.stage/c/<name>/` module layout. It then transpiles the shell and the platform stubs, plans the pages
 * from the FlexiPages, and runs rollup with Lightning base components into `_local/cockpit/public/`.
 *
 * The output is cached: a hash of every input (component sources, FlexiPages, tabs, shell, stubs, build tools and
 * their lockfile) is stored next to the bundle, and a build whose inputs did not change is skipped.
 *
 *   npm run cockpit:build [-- --force]
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { repoRoot } from '../lib/paths';
import {
  findBundleDirs,
  findMetadataFiles,
  planPages,
  readBundle,
  readFlexiPage,
  readTabs,
  renderPagesModule
} from './pages';

/** Folders and files of the cockpit below the repository root. */
export interface CockpitPaths {
  root: string;
  /** `_local/cockpit`: everything the cockpit writes. */
  cockpitDir: string;
  /** Compiled package components in the `c/<name>/` layout. */
  stageDir: string;
  /** Transpiled shell (`app/`) and stubs (`stubs/`). */
  shellDir: string;
  /** Files the server serves: index.html, app.js and build.json. */
  publicDir: string;
  storeFile: string;
  /** Process id and port of a running cockpit server. */
  serverFile: string;
  /** SLDS assets of the installed design system package. */
  sldsAssetsDir: string;
}

/** Result of a build. */
export interface BuildResult {
  hash: string;
  /** True when the cached bundle was up to date and nothing was built. */
  skipped: boolean;
  milliseconds: number;
  /** Components of the FlexiPages that the cockpit leaves out. */
  notes: string[];
}

/** Options of a build. */
export interface BuildOptions {
  /** Builds even when the cached bundle is up to date. */
  force?: boolean;
  /** Receives one line per step. */
  log?: (line: string) => void;
  /** Stops the build and its child processes, for a server stopped while it starts. */
  signal?: AbortSignal;
}

/** A build step failed; the message names the step and what to do. */
export class BuildError extends Error {}

/** The build was stopped through its abort signal. */
export class BuildCancelledError extends BuildError {}

const BUILD_TOOLS = 'tools/cockpit-build';

/**
 * Returns the cockpit's folders.
 * @param root Repository root.
 */
export function cockpitPaths(root: string = repoRoot()): CockpitPaths {
  const cockpitDir = path.join(root, '_local', 'cockpit');
  return {
    root,
    cockpitDir,
    stageDir: path.join(cockpitDir, '.stage'),
    shellDir: path.join(cockpitDir, '.shell'),
    publicDir: path.join(cockpitDir, 'public'),
    storeFile: path.join(cockpitDir, 'store.json'),
    serverFile: path.join(cockpitDir, 'server.json'),
    sldsAssetsDir: path.join(root, BUILD_TOOLS, 'node_modules', '@salesforce-ux', 'design-system', 'assets')
  };
}

/** Returns the absolute package directories of sfdx-project.json. */
export function packageDirectories(root: string): string[] {
  const project = JSON.parse(readFileSync(path.join(root, 'sfdx-project.json'), 'utf8')) as {
    packageDirectories: { path: string }[];
  };
  return project.packageDirectories.map((entry) => path.join(root, entry.path)).filter((dir) => existsSync(dir));
}

function listFiles(dir: string, skipDirs: string[] = ['__tests__', 'node_modules']): string[] {
  if (!existsSync(dir)) {
    return [];
  }
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skipDirs.includes(entry.name)) {
        files.push(...listFiles(full, skipDirs));
      }
    } else if (entry.isFile()) {
      files.push(full);
    }
  }
  return files.sort();
}

/** True for a `.js` file that tsc writes next to its `.ts` source: build output, not source. */
function isCompiledOutput(file: string): boolean {
  return file.endsWith('.js') && existsSync(file.replace(/\.js$/, '.ts'));
}

/** Lists every file whose content decides the bundle, relative to the root. */
function buildInputs(paths: CockpitPaths): string[] {
  const packageDirs = packageDirectories(paths.root);
  const componentFiles = findBundleDirs(packageDirs)
    .flatMap((dir) => listFiles(dir))
    .filter((file) => !isCompiledOutput(file) && path.basename(file) !== '.gitignore');
  const cockpitDir = path.join(paths.root, 'scripts', 'cockpit');
  const shellFiles = [
    ...listFiles(path.join(cockpitDir, 'app')),
    ...listFiles(path.join(cockpitDir, 'stubs')),
    path.join(cockpitDir, 'build.ts'),
    path.join(cockpitDir, 'pages.ts')
  ];
  return [
    ...componentFiles,
    ...findMetadataFiles(packageDirs, 'flexipages', '.flexipage-meta.xml'),
    ...findMetadataFiles(packageDirs, 'tabs', '.tab-meta.xml'),
    ...shellFiles,
    path.join(paths.root, BUILD_TOOLS, 'bundle.mjs'),
    path.join(paths.root, BUILD_TOOLS, 'package-lock.json'),
    path.join(paths.root, 'tsconfig.json'),
    path.join(paths.root, 'tsconfig.build.json')
  ].map((file) => path.relative(paths.root, file));
}

/**
 * Hashes the inputs of the bundle: the relative path and content of each file.
 * @param paths The cockpit's folders.
 */
export function hashBuildInputs(paths: CockpitPaths): string {
  const hash = createHash('sha256');
  for (const file of buildInputs(paths)) {
    hash.update(`${file}\0`);
    hash.update(existsSync(path.join(paths.root, file)) ? readFileSync(path.join(paths.root, file)) : 'missing');
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Stored next to the bundle, so the next start can tell whether it is up to date. */
interface BuildStamp {
  hash: string;
  builtAt: string;
  milliseconds: number;
}

function readStamp(publicDir: string): BuildStamp | null {
  try {
    const stamp = JSON.parse(readFileSync(path.join(publicDir, 'build.json'), 'utf8')) as BuildStamp;
    return typeof stamp.hash === 'string' ? stamp : null;
  } catch {
    return null;
  }
}

interface ProcessResult {
  code: number | null;
  output: string;
}

/** Runs a Node script without blocking the event loop, so the server keeps serving requests while it builds. */
function runNode(cwd: string, args: string[], signal?: AbortSignal): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, signal, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', (error) =>
      reject(error.name === 'AbortError' ? new BuildCancelledError('The cockpit build was stopped.') : error)
    );
    child.on('close', (code) => resolve({ code, output }));
  });
}

async function runStep(cwd: string, args: string[], failure: string, signal?: AbortSignal): Promise<string> {
  const result = await runNode(cwd, args, signal);
  if (result.code !== 0) {
    throw new BuildError(`${failure}\n${result.output.trimEnd()}`);
  }
  return result.output;
}

/** True when the generated Apex types are missing or older than an Apex class, so tsc would check stale types. */
function apexTypesAreStale(root: string, typesFile: string): boolean {
  if (!existsSync(typesFile)) {
    return true;
  }
  const generatedAt = statSync(typesFile).mtimeMs;
  return packageDirectories(root)
    .flatMap((dir) => listFiles(dir))
    .some((file) => file.endsWith('.cls') && statSync(file).mtimeMs > generatedAt);
}

async function compileComponents(root: string, log: (line: string) => void, signal?: AbortSignal): Promise<void> {
  const typesFile = path.join(root, 'types', 'apex.generated.d.ts');
  if (apexTypesAreStale(root, typesFile)) {
    await runStep(
      root,
      ['scripts/gates/apex-api.mjs', '--dts', typesFile],
      'Generating the Apex types failed; fix the Apex syntax errors below.',
      signal
    );
    log('Generated the Apex types.');
  }
  await runStep(
    root,
    ['scripts/gates/gen-lwc-paths.mjs'],
    'Updating the component paths in tsconfig.json failed.',
    signal
  );
  await runStep(
    root,
    [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
    'Compiling the components with tsc failed; fix the errors below (npm run check:types shows them too).',
    signal
  );
}

function copyTree(from: string, to: string, include: (file: string) => boolean): void {
  for (const file of listFiles(from)) {
    if (include(file)) {
      const target = path.join(to, path.relative(from, file));
      mkdirSync(path.dirname(target), { recursive: true });
      copyFileSync(file, target);
    }
  }
}

/** Copies each bundle's compiled `.js`, templates and styles into `.stage/c/<name>/`. */
function stageComponents(paths: CockpitPaths): void {
  rmSync(paths.stageDir, { recursive: true, force: true });
  const seen = new Map<string, string>();
  for (const dir of findBundleDirs(packageDirectories(paths.root))) {
    const name = path.basename(dir);
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      throw new BuildError(`Component ${name} exists twice (${earlier} and ${dir}); rename one of them.`);
    }
    seen.set(name, dir);
    for (const file of listFiles(dir)) {
      if (file.endsWith('.ts') && !file.endsWith('.d.ts') && !existsSync(file.replace(/\.ts$/, '.js'))) {
        throw new BuildError(`${file} was not compiled to .js; run npm run build:lwc and check its output.`);
      }
    }
    copyTree(dir, path.join(paths.stageDir, 'c', name), (file) => /\.(js|html|css|svg)$/.test(file));
  }
}

/** Transpiles the shell and the stubs to JavaScript in `.shell/`, keeping their relative layout. */
function stageShell(paths: CockpitPaths): void {
  rmSync(paths.shellDir, { recursive: true, force: true });
  const sourceDir = path.join(paths.root, 'scripts', 'cockpit');
  for (const folder of ['app', 'stubs']) {
    for (const file of listFiles(path.join(sourceDir, folder))) {
      const target = path.join(paths.shellDir, path.relative(sourceDir, file));
      mkdirSync(path.dirname(target), { recursive: true });
      if (file.endsWith('.d.ts')) {
        continue;
      }
      if (!file.endsWith('.ts')) {
        copyFileSync(file, target);
        continue;
      }
      const output = ts.transpileModule(readFileSync(file, 'utf8'), {
        fileName: file,
        reportDiagnostics: true,
        compilerOptions: {
          target: ts.ScriptTarget.ESNext,
          module: ts.ModuleKind.ESNext,
          useDefineForClassFields: true,
          experimentalDecorators: false
        }
      });
      const problems = (output.diagnostics ?? []).map((diagnostic) =>
        ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')
      );
      if (problems.length) {
        throw new BuildError(`Transpiling ${file} failed: ${problems.join('; ')}`);
      }
      writeFileSync(target.replace(/\.ts$/, '.js'), output.outputText);
    }
  }
}

function writePages(paths: CockpitPaths): string[] {
  const packageDirs = packageDirectories(paths.root);
  const bundles = findBundleDirs(packageDirs).map(readBundle);
  const flexiPages = findMetadataFiles(packageDirs, 'flexipages', '.flexipage-meta.xml').map(readFlexiPage);
  const tabs = readTabs(findMetadataFiles(packageDirs, 'tabs', '.tab-meta.xml'));
  const plan = planPages(bundles, flexiPages, tabs);
  const file = path.join(paths.shellDir, 'app', 'lwc', 'x', 'pages', 'pages.js');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, renderPagesModule(plan));
  return plan.notes;
}

async function bundle(paths: CockpitPaths, signal?: AbortSignal): Promise<string> {
  mkdirSync(paths.publicDir, { recursive: true });
  const project = JSON.parse(readFileSync(path.join(paths.root, 'sfdx-project.json'), 'utf8')) as {
    sourceApiVersion?: string;
  };
  const configFile = path.join(paths.cockpitDir, 'bundle-config.json');
  const config = {
    input: path.join(paths.shellDir, 'app', 'main.js'),
    output: path.join(paths.publicDir, 'app.js'),
    modulesDirs: [paths.stageDir, path.join(paths.shellDir, 'app', 'lwc')],
    stubsDir: path.join(paths.shellDir, 'stubs'),
    apiVersion: Math.floor(Number(project.sourceApiVersion ?? '65'))
  };
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  // LWC resolves the npm module records from the working folder, so the bundler runs in its own folder.
  const output = await runStep(
    path.join(paths.root, BUILD_TOOLS),
    [path.join(paths.root, BUILD_TOOLS, 'bundle.mjs'), configFile],
    `Bundling the cockpit failed. If a module is missing, check that ${BUILD_TOOLS}/node_modules is installed ` +
      '(npm ci runs its install).',
    signal
  );
  copyFileSync(
    path.join(paths.root, 'scripts', 'cockpit', 'app', 'index.html'),
    path.join(paths.publicDir, 'index.html')
  );
  return output.trim();
}

function seconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(1)} s`;
}

/** Pause between checks of another build's lock, in milliseconds. */
const LOCK_POLL_MS = 1000;

function isProcessAlive(pid: number): boolean {
  try {
    // Signal 0 only checks that the process exists.
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the build lock of the output folder, waiting while another live process holds it, so two servers that
 * start together do not write the same files. A lock left by a process that no longer runs is taken over.
 * @returns A function that releases the lock.
 */
async function acquireBuildLock(
  paths: CockpitPaths,
  log: (line: string) => void,
  signal?: AbortSignal
): Promise<() => void> {
  const lockFile = path.join(paths.cockpitDir, 'build.lock');
  mkdirSync(paths.cockpitDir, { recursive: true });
  let reported = false;
  for (;;) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw error;
      }
    }
    const holder = Number(readFileSync(lockFile, 'utf8'));
    if (!Number.isInteger(holder) || holder <= 0 || !isProcessAlive(holder)) {
      rmSync(lockFile, { force: true });
      continue;
    }
    if (signal?.aborted) {
      throw new BuildCancelledError('The cockpit build was stopped.');
    }
    if (!reported) {
      log(`Waiting for another cockpit build (process ${holder}) to finish.`);
      reported = true;
    }
    await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
  }
}

/**
 * Builds the cockpit bundle unless the cached one is up to date.
 * @param paths The cockpit's folders.
 * @param options Force a build, and where to log the steps.
 * @returns The inputs' hash, whether the build was skipped, and its time.
 * @throws BuildError naming the step that failed, with the tool's output.
 */
export async function buildCockpit(paths: CockpitPaths, options: BuildOptions = {}): Promise<BuildResult> {
  const log = options.log ?? ((): void => undefined);
  if (!existsSync(path.join(paths.root, BUILD_TOOLS, 'node_modules', 'rollup'))) {
    throw new BuildError(
      `${BUILD_TOOLS}/node_modules is missing; run npm ci in the repository root, which installs it.`
    );
  }
  const release = await acquireBuildLock(paths, log, options.signal);
  try {
    // Timed from here, so the build time leaves out the wait for another build.
    return await buildLocked(paths, options, log, Date.now());
  } finally {
    release();
  }
}

async function buildLocked(
  paths: CockpitPaths,
  options: BuildOptions,
  log: (line: string) => void,
  started: number
): Promise<BuildResult> {
  const hash = hashBuildInputs(paths);
  const stamp = readStamp(paths.publicDir);
  if (!options.force && stamp?.hash === hash && existsSync(path.join(paths.publicDir, 'app.js'))) {
    const milliseconds = Date.now() - started;
    log(`Cockpit bundle is up to date (built ${stamp.builtAt}); checked in ${seconds(milliseconds)}.`);
    return { hash, skipped: true, milliseconds, notes: [] };
  }

  const compileStarted = Date.now();
  await compileComponents(paths.root, log, options.signal);
  stageComponents(paths);
  stageShell(paths);
  const notes = writePages(paths);
  log(`Compiled and staged the components in ${seconds(Date.now() - compileStarted)}.`);

  const bundleStarted = Date.now();
  await bundle(paths, options.signal);
  log(`Bundled them with Lightning base components in ${seconds(Date.now() - bundleStarted)}.`);

  const milliseconds = Date.now() - started;
  const newStamp: BuildStamp = { hash, builtAt: new Date().toISOString(), milliseconds };
  // The stamp is written last, so an interrupted build is built again on the next start.
  writeFileSync(path.join(paths.publicDir, 'build.json'), `${JSON.stringify(newStamp, null, 2)}\n`);
  log(`Built the cockpit bundle in ${seconds(milliseconds)}.`);
  return { hash, skipped: false, milliseconds, notes };
}

async function main(argv: string[]): Promise<number> {
  const unknown = argv.filter((arg) => arg !== '--force');
  if (unknown.length) {
    console.error(`Unknown option ${unknown[0]}. Usage: npm run cockpit:build [-- --force]`);
    return 2;
  }
  const result = await buildCockpit(cockpitPaths(), {
    force: argv.includes('--force'),
    log: (line) => console.log(line)
  });
  for (const note of result.notes) {
    console.log(`Note: ${note}`);
  }
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    }
  );
}

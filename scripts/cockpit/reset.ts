/**
 * Empties the cockpit's change store and removes the decks saved beside it, so the cockpit starts again from the
 * export alone.
 *
 *   npm run cockpit:reset [-- --build]
 *
 * `--build` also removes the cached browser bundle, so the next start builds it again. Copies of unusable stores
 * (`store.json.corrupt-<n>`) are kept. A running cockpit server keeps its changes in memory and would write them
 * back, so the reset refuses while one runs.
 */
import { existsSync, rmSync } from 'node:fs';
import { cockpitPaths } from './build';
import type { CockpitPaths } from './build';
import { runningServer } from './serverRecord';
import { deckFilesDir } from './store';

/** Files and folders a reset removed. */
export interface ResetResult {
  removedStore: boolean;
  /** True when the folder of saved decks existed. */
  removedFiles: boolean;
  removedBuild: boolean;
}

/** A reset cannot run; the message names the reason and the next step. */
export class ResetError extends Error {}

/**
 * Removes the store file, the folder of saved decks beside it and, when asked, the build output.
 * @param paths The cockpit's folders.
 * @param removeBuild Also removes the bundle and the staged components.
 * @throws ResetError while a cockpit server runs on the store.
 */
export function resetCockpit(paths: CockpitPaths, removeBuild: boolean): ResetResult {
  const server = runningServer(paths.serverFile);
  if (server) {
    throw new ResetError(
      `A cockpit server (process ${server.pid}, http://127.0.0.1:${server.port}/) is running with ${paths.storeFile}. ` +
        'Stop it with Ctrl+C first, because it would write its changes back.'
    );
  }
  const removedStore = existsSync(paths.storeFile);
  rmSync(paths.storeFile, { force: true });
  const filesDir = deckFilesDir(paths.storeFile);
  const removedFiles = existsSync(filesDir);
  rmSync(filesDir, { recursive: true, force: true });
  let removedBuild = false;
  if (removeBuild) {
    removedBuild = existsSync(paths.publicDir) || existsSync(paths.stageDir) || existsSync(paths.shellDir);
    for (const dir of [paths.publicDir, paths.stageDir, paths.shellDir]) {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return { removedStore, removedFiles, removedBuild };
}

function main(argv: string[]): number {
  const unknown = argv.filter((arg) => arg !== '--build');
  if (unknown.length) {
    console.error(`Unknown option ${unknown[0]}. Usage: npm run cockpit:reset [-- --build]`);
    return 2;
  }
  const paths = cockpitPaths();
  try {
    const result = resetCockpit(paths, argv.includes('--build'));
    console.log(
      result.removedStore
        ? `Removed the cockpit store ${paths.storeFile}; the next start begins with no changes.`
        : `The cockpit store ${paths.storeFile} was already empty.`
    );
    if (result.removedFiles) {
      console.log(`Removed the saved decks in ${deckFilesDir(paths.storeFile)}.`);
    }
    if (argv.includes('--build')) {
      console.log(
        result.removedBuild ? `Removed the cached bundle in ${paths.publicDir}.` : 'There was no cached bundle.'
      );
    }
    return 0;
  } catch (error) {
    if (error instanceof ResetError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}

/**
 * The server.json record of a running cockpit server, so a second server and `npm run cockpit:reset` can tell
 * that one is running on the same store.
 */
import { readFileSync } from 'node:fs';
import type { CockpitPaths } from './build';

/** Contents of server.json while a server runs. */
export interface ServerRecord {
  pid: number;
  port: number;
  startedAt: string;
}

/**
 * Returns the server record file of a store: server.json for the default store, `<store>.server.json` for another,
 * so servers on different stores do not see each other.
 * @param storeFile The store the server uses.
 * @param paths The cockpit's folders.
 */
export function serverFileFor(storeFile: string, paths: CockpitPaths): string {
  return storeFile === paths.storeFile ? paths.serverFile : `${storeFile}.server.json`;
}

/** Reads server.json; null when it is missing or not JSON. */
export function readServerRecord(serverFile: string): ServerRecord | null {
  try {
    return JSON.parse(readFileSync(serverFile, 'utf8')) as ServerRecord;
  } catch {
    return null;
  }
}

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
 * Returns the record of another cockpit server that is still running with the same store, or null.
 * @param serverFile Path of server.json.
 */
export function runningServer(serverFile: string): ServerRecord | null {
  const record = readServerRecord(serverFile);
  if (record && Number.isInteger(record.pid) && record.pid !== process.pid && isProcessAlive(record.pid)) {
    return record;
  }
  return null;
}

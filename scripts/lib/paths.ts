import { existsSync } from 'node:fs';
import path from 'node:path';

/** Returns the repository root: the nearest folder above this file that contains package.json. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`No package.json found above ${__dirname}; run the tools from a clone of the repository.`);
    }
    dir = parent;
  }
  return dir;
}

/** Returns the folder of the public research data sets beside the repository, whether or not it exists. */
export function researchDataDir(): string {
  return path.resolve(repoRoot(), '..', 'shared', 'research-data');
}

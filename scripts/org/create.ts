/**
 * Creates a scratch org and sets it as the default org.
 *
 *   npm run org:create -- [--alias <name>] [--duration-days <1..30>]
 *
 * Exit codes: 0 on success, 1 when the CLI failed or has no Dev Hub login, 2 for invalid options.
 */
import { consoleOutput, runScript } from './cli';
import { CREATE_USAGE, runCreate } from './createOrg';
import { spawnRunner } from './sf';
import { repoRoot } from '../lib/paths';

runScript(
  () => runCreate(process.argv.slice(2), { runner: spawnRunner, root: repoRoot(), output: consoleOutput }),
  CREATE_USAGE
);

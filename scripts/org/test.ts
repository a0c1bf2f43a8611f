/**
 * Runs the local Apex tests in the default org with code coverage.
 *
 *   npm run org:test -- [--wait <minutes>]
 *
 * Exit codes: 0 when every test passed and org-wide coverage is at least 75%, 1 otherwise or when the CLI failed,
 * 2 for invalid options.
 */
import { consoleOutput, runScript } from './cli';
import { runTest, TEST_USAGE } from './testOrg';
import { spawnRunner } from './sf';
import { repoRoot } from '../lib/paths';

runScript(
  () => runTest(process.argv.slice(2), { runner: spawnRunner, root: repoRoot(), output: consoleOutput }),
  TEST_USAGE
);

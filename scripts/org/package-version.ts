/**
 * Creates a version of the Success Cockpit unlocked package and prints its 04t id.
 *
 *   npm run package:version -- [--wait <minutes>]
 *
 * Exit codes: 0 on success, 1 when the project is not set up for the package or the CLI failed, 2 for invalid
 * options.
 */
import { consoleOutput, runScript } from './cli';
import { PACKAGE_VERSION_USAGE, runPackageVersion } from './packageVersion';
import { spawnRunner } from './sf';
import { repoRoot } from '../lib/paths';

runScript(
  () => runPackageVersion(process.argv.slice(2), { runner: spawnRunner, root: repoRoot(), output: consoleOutput }),
  PACKAGE_VERSION_USAGE
);

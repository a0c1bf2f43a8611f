/**
 * Builds the LWC sources, deploys force-app and unpackaged to the default org and assigns a permission set.
 *
 *   npm run org:deploy -- [--permission-set <name>]
 *
 * Exit codes: 0 on success, 1 when the build, a deploy or the assignment failed, 2 for invalid options.
 */
import { consoleOutput, runScript } from './cli';
import { DEPLOY_USAGE, runDeploy } from './deployOrg';
import { spawnRunner } from './sf';
import { repoRoot } from '../lib/paths';

runScript(
  () => runDeploy(process.argv.slice(2), { runner: spawnRunner, root: repoRoot(), output: consoleOutput }),
  DEPLOY_USAGE
);

/**
 * Seeds demo accounts, contacts, opportunities, Cases and portal users into the default org (or --target-org), and
 * logs each portal user in once through an Experience Cloud site.
 *
 *   npm run org:seed -- [--target-org <alias>] [--accounts <1..200> | --plan <file>] [--no-logins]
 *
 * Exit codes: 0 on success, 1 when the CLI has no such org or a part of the seed failed, 2 for invalid options.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { consoleOutput, runScript } from './cli';
import { generateDemoOrg } from '../demo/generate-export';
import { openJsforceConnection, soapSiteLogin } from './seedJsforce';
import { runSeed } from './seedOrg';
import { SEED_USAGE } from './seedOptions';
import { generatePassword } from './seedPortal';
import { spawnRunner } from './sf';
import { repoRoot } from '../lib/paths';

runScript(
  () =>
    runSeed(process.argv.slice(2), {
      runner: spawnRunner,
      root: repoRoot(),
      output: consoleOutput,
      // npm runs scripts from the repository root and passes the caller's folder in INIT_CWD.
      cwd: process.env.INIT_CWD ?? process.cwd(),
      openConnection: openJsforceConnection,
      siteLogin: soapSiteLogin,
      generatePassword,
      now: () => new Date(),
      sleep: (ms) => delay(ms),
      loadDemoOrg: () => generateDemoOrg()
    }),
  SEED_USAGE
);

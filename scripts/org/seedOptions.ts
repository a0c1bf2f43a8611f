/**
 * Options of `org:seed`: the usage text, parsing and the input checks that run before the org is contacted.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseIntegerOption, UsageError } from './cli';

export const DEFAULT_ACCOUNTS = 25;
export const MAX_ACCOUNTS = 200;
export const DEFAULT_PORTAL_USERS = 2;
export const MAX_PORTAL_USERS = 2;
export const DEFAULT_PORTAL_PROFILE = 'Customer Community User';
export const DEFAULT_SITE_NAME = 'Success Cockpit Customers';
export const DEFAULT_SITE_PREFIX = 'customers';

export const SEED_USAGE = `Usage: npm run org:seed -- [options]

Seeds demo accounts, contacts, opportunities, Cases and Customer Community users into an org, and logs each portal
user in once through an Experience Cloud site so that LoginHistory has rows. A second run updates the records of the
first instead of creating duplicates.

Options:
  --target-org <alias>      alias or username of the org (default: the Salesforce CLI's default org)
  --accounts <n>            demo accounts to seed, 1 to ${MAX_ACCOUNTS} (default: ${DEFAULT_ACCOUNTS})
  --plan <file>             seed the records of an "sf data import tree" plan file instead of the demo accounts
  --portal-users <n>        portal users per account, 0 to ${MAX_PORTAL_USERS} (default: ${DEFAULT_PORTAL_USERS})
  --portal-profile <name>   profile of the portal users (default: ${DEFAULT_PORTAL_PROFILE})
  --site <name>             Experience Cloud site the portal users log in to; created when missing
                            (default: ${DEFAULT_SITE_NAME})
  --site-prefix <path>      URL path prefix of the site when it is created (default: ${DEFAULT_SITE_PREFIX})
  --no-logins               create the portal users but skip the site and the logins
  --assign-permissions      assign the persona permission set groups to the user the CLI is logged in as
  --help                    show this help`;

/** Validated options of `org:seed`. */
export interface SeedOptions {
  /** Alias or username passed to the CLI, or null for the CLI's default org. */
  targetOrg: string | null;
  /** Number of demo accounts, or null when `planFile` is set. */
  accounts: number | null;
  /** Absolute path of the tree plan file, or null for the demo accounts. */
  planFile: string | null;
  portalUsersPerAccount: number;
  portalProfile: string;
  siteName: string;
  sitePrefix: string;
  logins: boolean;
  assignPermissions: boolean;
}

/**
 * Checks `--target-org`: an alias (letters, digits, `_`, `-` and `.`, starting with a letter) or a username, which
 * has the form of an e-mail address. Throws {@link UsageError} otherwise.
 */
export function checkTargetOrg(value: string): string {
  const isAlias = /^[A-Za-z][A-Za-z0-9_.-]{0,79}$/.test(value);
  const isUsername = value.length <= 80 && /^[^\s@'"\\]+@[^\s@'"\\]+\.[^\s@'"\\]+$/.test(value);
  if (!isAlias && !isUsername) {
    throw new UsageError(
      `--target-org "${value}" is invalid; use an org alias (up to 80 letters, digits, "_", "-" or ".", starting ` +
        'with a letter) or a username such as admin@example.com.'
    );
  }
  return value;
}

/**
 * Checks a profile or site name given as option `--name`: 1 to 80 characters of letters, digits, spaces and
 * `_ - . ( ) & +`. Throws {@link UsageError} otherwise.
 */
export function checkDisplayName(name: string, value: string): string {
  const trimmed = value.trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9 _.()&+-]{0,79}$/.test(trimmed)) {
    throw new UsageError(
      `--${name} "${value}" is invalid; use 1 to 80 letters, digits, spaces or "_ - . ( ) & +", starting with a ` +
        'letter or digit.'
    );
  }
  return trimmed;
}

/** Checks `--site-prefix`: 1 to 40 letters and digits. Throws {@link UsageError} otherwise. */
export function checkSitePrefix(value: string): string {
  if (!/^[A-Za-z0-9]{1,40}$/.test(value)) {
    throw new UsageError(`--site-prefix "${value}" is invalid; use 1 to 40 letters and digits, such as customers.`);
  }
  return value;
}

/**
 * Resolves `--plan` against `cwd` and checks that it names a file. Throws {@link UsageError} naming the path
 * otherwise.
 */
export function checkPlanFile(value: string, cwd: string): string {
  const file = path.resolve(cwd, value);
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new UsageError(
      `--plan "${value}" was not found (looked for ${file}); pass the path of an "sf data import tree" plan file.`
    );
  }
  return file;
}

/** Parses and validates the `org:seed` arguments, resolving a relative plan path against `cwd`. Null for `--help`. */
export function parseSeedOptions(argv: string[], cwd: string): SeedOptions | null {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        'target-org': { type: 'string' },
        accounts: { type: 'string' },
        plan: { type: 'string' },
        'portal-users': { type: 'string' },
        'portal-profile': { type: 'string' },
        site: { type: 'string' },
        'site-prefix': { type: 'string' },
        'no-logins': { type: 'boolean' },
        'assign-permissions': { type: 'boolean' },
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
  if (values.plan !== undefined && values.accounts !== undefined) {
    throw new UsageError('--accounts and --plan cannot be used together; choose the demo accounts or a plan file.');
  }
  const planFile = values.plan === undefined ? null : checkPlanFile(values.plan, cwd);
  return {
    targetOrg: values['target-org'] === undefined ? null : checkTargetOrg(values['target-org']),
    accounts:
      planFile === null
        ? parseIntegerOption('accounts', values.accounts ?? String(DEFAULT_ACCOUNTS), 1, MAX_ACCOUNTS)
        : null,
    planFile,
    portalUsersPerAccount: parseIntegerOption(
      'portal-users',
      values['portal-users'] ?? String(DEFAULT_PORTAL_USERS),
      0,
      MAX_PORTAL_USERS
    ),
    portalProfile: checkDisplayName('portal-profile', values['portal-profile'] ?? DEFAULT_PORTAL_PROFILE),
    siteName: checkDisplayName('site', values.site ?? DEFAULT_SITE_NAME),
    sitePrefix: checkSitePrefix(values['site-prefix'] ?? DEFAULT_SITE_PREFIX),
    logins: values['no-logins'] !== true,
    assignPermissions: values['assign-permissions'] === true
  };
}

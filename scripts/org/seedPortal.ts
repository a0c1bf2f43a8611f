/**
 * Customer Community users for the seeded contacts, and one login of each through the Experience Cloud site so that
 * LoginHistory has rows for the nightly roll-up. Passwords are generated per run, kept in memory only, and never
 * printed or written anywhere.
 */
import { createHash, randomInt } from 'node:crypto';
import { DEFAULT_EXPORT_CONFIG, LOGIN_TYPE_LABELS, normalizeLoginType } from '../lib/export/config';
import type { OrgSession, QueryRecord, SeedConnection, SiteLogin } from './seedConnection';
import { API_VERSION, chunk, COLLECTION_SIZE, errorText, queryIn, soqlString, text } from './seedConnection';
import type { SeedPlan, SeedPortalUser, SObjectFields } from './seedRecords';
import { ensureSite, SiteError } from './seedSite';

/** Role given to the running user when it has none, because the owner of a portal user's account needs a role. */
export const OWNER_ROLE = { Name: 'Success Cockpit Demo Owner', DeveloperName: 'SuccessCockpitDemoOwner' } as const;

/** Subrequests per Composite API request, the maximum that the REST API accepts. */
const COMPOSITE_SIZE = 25;

/** Options of the portal step. */
export interface PortalOptions {
  profileName: string;
  siteName: string;
  sitePrefix: string;
  logins: boolean;
}

/** Services of the portal step, replaced in tests. */
export interface PortalContext {
  connection: SeedConnection;
  session: OrgSession;
  log: (line: string) => void;
  sleep: (ms: number) => Promise<void>;
  now: () => Date;
  generatePassword: () => string;
  siteLogin: SiteLogin;
}

/** Counts and problems of the portal step. */
export interface PortalResult {
  created: number;
  existing: number;
  /** Failures that make the run exit with code 1: users, passwords, the site and logins. */
  failures: string[];
  /** Users left out on purpose, such as for lack of licenses. */
  skipped: string[];
  loggedIn: number;
  /** Warnings about the roll-up, such as a login type it does not count. */
  warnings: string[];
}

/** A portal user that exists after the create step. */
interface PortalUser {
  id: string;
  username: string;
  contactKey: string;
}

/** The user the CLI is logged in as, with the locale fields new users copy. */
export interface RunningUser {
  id: string;
  username: string;
  roleId: string | null;
  fields: SObjectFields;
}

const LOCALE_FIELDS = ['TimeZoneSidKey', 'LocaleSidKey', 'LanguageLocaleKey', 'EmailEncodingKey'] as const;

/** Reads the running user. Throws when the user is not found. */
export async function readRunningUser(connection: SeedConnection, username: string): Promise<RunningUser> {
  const [record] = await connection.query(
    `SELECT Id, Username, UserRoleId, ${LOCALE_FIELDS.join(', ')} FROM User WHERE Username = ${soqlString(username)}`
  );
  const id = record === undefined ? null : text(record, 'Id');
  if (record === undefined || id === null) {
    throw new Error(`The user ${username} that the CLI is logged in as was not found in the org; log in again.`);
  }
  return {
    id,
    username,
    roleId: text(record, 'UserRoleId'),
    fields: Object.fromEntries(LOCALE_FIELDS.map((name) => [name, text(record, name)]))
  };
}

/**
 * Returns a password of 20 characters with upper- and lower-case letters, digits and symbols, drawn with a
 * cryptographic random generator, which meets the default password policy of an org.
 */
export function generatePassword(): string {
  // Each symbol counts as a special character for the password complexity policies (Salesforce Help, "Password
  // Policies Fields").
  const groups = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '!#$%-_=+'];
  const all = groups.join('');
  const characters = [
    ...groups.map((group) => group[randomInt(group.length)]),
    ...Array.from({ length: 16 }, () => all[randomInt(all.length)])
  ];
  for (let index = characters.length - 1; index > 0; index--) {
    const other = randomInt(index + 1);
    [characters[index], characters[other]] = [characters[other], characters[index]];
  }
  return characters.join('');
}

/**
 * Username of the portal user of `email` in the org `orgId`: the e-mail address with the lower-case org Id after
 * the local part, so it is unique across orgs, cut to the 80 characters Salesforce allows.
 */
export function portalUsername(email: string, orgId: string): string {
  const at = email.lastIndexOf('@');
  const domain = email.slice(at + 1).toLowerCase();
  const suffix = `.${orgId.toLowerCase()}@${domain}`;
  return `${email
    .slice(0, at)
    .toLowerCase()
    .slice(0, Math.max(1, 80 - suffix.length))}${suffix}`;
}

/** Builds the User record of a new portal user. */
function portalUserFields(
  user: SeedPortalUser,
  contactId: string,
  profileId: string,
  runningUser: RunningUser,
  orgId: string
): SObjectFields {
  const ascii = (value: string): string => value.normalize('NFKD').replace(/[^A-Za-z0-9]/g, '');
  const hash = createHash('sha256').update(user.contactKey).digest('hex').slice(0, 6);
  return {
    ...runningUser.fields,
    Username: portalUsername(user.email, orgId),
    Email: user.email,
    FirstName: user.firstName,
    LastName: user.lastName,
    Alias: `${ascii(user.firstName).slice(0, 1)}${ascii(user.lastName)}`.slice(0, 8) || 'portal',
    // Nicknames are unique in the org, so a hash of the contact key separates namesakes.
    CommunityNickname: `${ascii(user.firstName)}${ascii(user.lastName)}`.slice(0, 32) + hash,
    ContactId: contactId,
    ProfileId: profileId
  };
}

/** Gives the running user a role when it has none, creating the role when it does not exist. */
async function ensureOwnerRole(context: PortalContext, runningUser: RunningUser): Promise<void> {
  if (runningUser.roleId !== null) {
    return;
  }
  const [role] = await context.connection.query(
    `SELECT Id FROM UserRole WHERE DeveloperName = ${soqlString(OWNER_ROLE.DeveloperName)}`
  );
  let roleId = role === undefined ? null : text(role, 'Id');
  if (roleId === null) {
    const [created] = await context.connection.create('UserRole', [{ ...OWNER_ROLE }]);
    if (!created?.success || created.id === null) {
      throw new Error(`Creating the role "${OWNER_ROLE.Name}" failed: ${created?.errors.join('; ')}.`);
    }
    roleId = created.id;
  }
  const [updated] = await context.connection.update('User', [{ Id: runningUser.id, UserRoleId: roleId }]);
  if (!updated?.success) {
    throw new Error(
      `Giving ${runningUser.username} the role "${OWNER_ROLE.Name}" failed: ${updated?.errors.join('; ')}.`
    );
  }
  runningUser.roleId = roleId;
  context.log(
    `Gave ${runningUser.username} the role "${OWNER_ROLE.Name}", because the owner of a portal user's account needs ` +
      'a role.'
  );
}

/** Returns the accounts among `accountIds` whose owner has no role, with a message naming the owner. */
async function accountsWithoutOwnerRole(
  connection: SeedConnection,
  accountIds: readonly string[],
  runningUser: RunningUser
): Promise<Map<string, string>> {
  const accounts = await queryIn(
    connection,
    accountIds,
    (inList) => `SELECT Id, OwnerId FROM Account WHERE Id IN ${inList}`
  );
  const otherOwners = new Set(
    accounts.map((account) => text(account, 'OwnerId') ?? '').filter((id) => id !== '' && id !== runningUser.id)
  );
  const owners = await queryIn(
    connection,
    otherOwners,
    (inList) => `SELECT Id, Username, UserRoleId FROM User WHERE Id IN ${inList}`
  );
  const ownersWithoutRole = new Map(
    owners
      .filter((owner) => text(owner, 'UserRoleId') === null)
      .map((owner) => [text(owner, 'Id'), text(owner, 'Username')])
  );
  const result = new Map<string, string>();
  for (const account of accounts) {
    const owner = ownersWithoutRole.get(text(account, 'OwnerId'));
    if (owner !== undefined) {
      result.set(text(account, 'Id') ?? '', `its owner ${owner} has no role; give that user a role and rerun`);
    }
  }
  return result;
}

/** Returns the free licenses of `licenseId` and its name. */
async function freeLicenses(connection: SeedConnection, licenseId: string): Promise<{ free: number; text: string }> {
  const [license] = await connection.query(
    `SELECT Id, Name, TotalLicenses, UsedLicenses FROM UserLicense WHERE Id = ${soqlString(licenseId)}`
  );
  const total = Number(license?.TotalLicenses ?? 0);
  const used = Number(license?.UsedLicenses ?? 0);
  return {
    free: Math.max(0, total - used),
    text: `the ${text(license ?? {}, 'Name') ?? 'profile'} license has ${Math.max(0, total - used)} of ${total} free`
  };
}

/** Creates the missing users and reactivates inactive ones. Returns every portal user that is active afterwards. */
async function createPortalUsers(
  context: PortalContext,
  requestedUsers: readonly SeedPortalUser[],
  contactIds: ReadonlyMap<string, string>,
  profile: { id: string; licenseId: string | null },
  runningUser: RunningUser,
  result: PortalResult
): Promise<PortalUser[]> {
  const existing = await queryIn(
    context.connection,
    requestedUsers.map((user) => contactIds.get(user.contactKey) ?? ''),
    (inList) => `SELECT Id, Username, ContactId, IsActive FROM User WHERE ContactId IN ${inList}`
  );
  const existingByContact = new Map<string, QueryRecord>(existing.map((user) => [text(user, 'ContactId') ?? '', user]));
  const active: PortalUser[] = [];
  const inactive: PortalUser[] = [];
  let missing: SeedPortalUser[] = [];
  for (const user of requestedUsers) {
    const record = existingByContact.get(contactIds.get(user.contactKey) ?? '');
    if (record === undefined) {
      missing.push(user);
      continue;
    }
    const portalUser = {
      id: text(record, 'Id') ?? '',
      username: text(record, 'Username') ?? '',
      contactKey: user.contactKey
    };
    (record.IsActive === false ? inactive : active).push(portalUser);
  }
  result.existing = active.length + inactive.length;

  for (const part of chunk(inactive, COLLECTION_SIZE)) {
    const outcomes = await context.connection.update(
      'User',
      part.map((user) => ({ Id: user.id, IsActive: true }))
    );
    part.forEach((user, index) => {
      if (outcomes[index]?.success) {
        active.push(user);
      } else {
        result.failures.push(`Reactivating portal user ${user.username} failed: ${outcomes[index]?.errors.join('; ')}`);
      }
    });
  }

  if (missing.length > 0 && profile.licenseId !== null) {
    const license = await freeLicenses(context.connection, profile.licenseId);
    if (missing.length > license.free) {
      result.skipped.push(
        `${missing.length - license.free} portal users were not created because ${license.text}; seed fewer ` +
          'accounts, pass --portal-users 1, or free licenses by deactivating portal users.'
      );
      missing = missing.slice(0, license.free);
    }
  }
  for (const part of chunk(missing, COLLECTION_SIZE)) {
    const records = part.map((user) =>
      portalUserFields(user, contactIds.get(user.contactKey) ?? '', profile.id, runningUser, context.session.orgId)
    );
    let outcomes;
    try {
      outcomes = await context.connection.create('User', records);
    } catch (error) {
      result.failures.push(...part.map((user) => `Portal user for contact ${user.email}: ${errorText(error)}`));
      continue;
    }
    part.forEach((user, index) => {
      const outcome = outcomes[index];
      if (outcome?.success && outcome.id !== null) {
        active.push({ id: outcome.id, username: String(records[index].Username), contactKey: user.contactKey });
        result.created += 1;
      } else {
        result.failures.push(`Portal user for contact ${user.email}: ${outcome?.errors.join('; ') || 'no result'}`);
      }
    });
  }
  return active;
}

/** Sets a new password for each user in Composite API requests of 25. Returns the users whose password was set. */
async function setPasswords(
  context: PortalContext,
  users: readonly PortalUser[],
  passwords: Map<string, string>,
  result: PortalResult
): Promise<PortalUser[]> {
  const ready: PortalUser[] = [];
  for (const part of chunk(users, COMPOSITE_SIZE)) {
    const compositeRequest = part.map((user, index) => {
      passwords.set(user.id, context.generatePassword());
      return {
        method: 'POST',
        url: `/services/data/v${API_VERSION}/sobjects/User/${user.id}/password`,
        referenceId: `password${index}`,
        body: { NewPassword: passwords.get(user.id) }
      };
    });
    let responses: { httpStatusCode: number; body: unknown }[];
    try {
      const response = await context.connection.request<{
        compositeResponse: { httpStatusCode: number; body: unknown }[];
      }>('POST', '/composite', { allOrNone: false, compositeRequest });
      responses = response.compositeResponse;
    } catch (error) {
      result.failures.push(
        ...part.map((user) => `Setting the password of ${user.username} failed: ${errorText(error)}`)
      );
      continue;
    }
    part.forEach((user, index) => {
      const response = responses[index];
      if (response !== undefined && response.httpStatusCode < 300) {
        ready.push(user);
      } else {
        const messages = Array.isArray(response?.body)
          ? response.body.map(
              (entry: { errorCode?: string; message?: string }) => `${entry.errorCode}: ${entry.message}`
            )
          : [`HTTP ${response?.httpStatusCode ?? 'no response'}`];
        result.failures.push(`Setting the password of ${user.username} failed: ${messages.join('; ')}`);
      }
    });
  }
  return ready;
}

/** Logs each user in through the site once. A failed login is reported with the username and the reason. */
async function logIn(
  context: PortalContext,
  siteUrl: string,
  users: readonly PortalUser[],
  passwords: ReadonlyMap<string, string>,
  result: PortalResult
): Promise<PortalUser[]> {
  const loggedIn: PortalUser[] = [];
  for (const user of users) {
    try {
      await context.siteLogin(siteUrl, user.username, passwords.get(user.id) ?? '');
      loggedIn.push(user);
    } catch (error) {
      result.failures.push(`Login of ${user.username} through ${siteUrl} failed: ${errorText(error)}`);
    }
  }
  result.loggedIn = loggedIn.length;
  return loggedIn;
}

/** Returns the label of a LoginHistory LoginType given as API name, such as `Networks Portal API Only`. */
function loginTypeLabel(type: string | null): string {
  return type === null ? 'unknown' : (LOGIN_TYPE_LABELS[type] ?? type);
}

/** Splits a Health Job Setting list, written one value per line or separated by semicolons. */
function splitSettingList(value: string): string[] {
  return value
    .split(/[;\n]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/**
 * Reads the LoginHistory rows of the users' logins, logs their login types, and warns about a type that the Login
 * Types of the Health Job Setting "Default" (or the defaults, without that record) leave out.
 */
async function reportLoginHistory(
  context: PortalContext,
  users: readonly PortalUser[],
  since: Date,
  result: PortalResult
): Promise<void> {
  const sinceLiteral = since.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const rows = await queryIn(
    context.connection,
    users.map((user) => user.id),
    (inList) =>
      `SELECT UserId, LoginType, Status FROM LoginHistory WHERE UserId IN ${inList} AND LoginTime >= ${sinceLiteral}`
  );
  if (rows.length === 0) {
    result.warnings.push(
      'LoginHistory shows none of these logins yet; Salesforce can take a few minutes to write it. Check with: ' +
        'npx sf data query --query "SELECT LoginType, Status, COUNT(Id) FROM LoginHistory ' +
        `WHERE LoginTime >= ${sinceLiteral} GROUP BY LoginType, Status"`
    );
    return;
  }
  const counts = new Map<string, number>();
  for (const row of rows) {
    const key = `${loginTypeLabel(text(row, 'LoginType'))} (${text(row, 'Status') ?? 'unknown'})`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  context.log(`LoginHistory: ${[...counts].map(([key, count]) => `${count} × ${key}`).join(', ')}.`);

  let loginTypes = DEFAULT_EXPORT_CONFIG.loginTypes;
  let successStatus = DEFAULT_EXPORT_CONFIG.loginStatusSuccess;
  let source = 'the default Login Types (no Health Job Setting "Default" record)';
  try {
    const [setting] = await context.connection.query(
      "SELECT LoginTypes__c, LoginStatusSuccess__c FROM HealthJobSetting__mdt WHERE DeveloperName = 'Default'"
    );
    if (setting !== undefined) {
      loginTypes = splitSettingList(text(setting, 'LoginTypes__c') ?? '');
      successStatus = text(setting, 'LoginStatusSuccess__c') ?? successStatus;
      source = 'the Login Types of the Health Job Setting "Default"';
    }
  } catch (error) {
    result.warnings.push(`Reading the Health Job Setting failed (${errorText(error)}); compared with the defaults.`);
  }
  const counted = new Set(loginTypes.map(normalizeLoginType));
  const leftOut = new Set(
    rows
      .filter((row) => text(row, 'Status') === successStatus)
      .map((row) => text(row, 'LoginType') ?? '')
      .filter((type) => !counted.has(normalizeLoginType(type)))
  );
  for (const type of leftOut) {
    result.warnings.push(
      `The roll-up leaves out the "${loginTypeLabel(type)}" logins of the seeded users, because ${source} do not list it. To count ` +
        'them in this org, add it to Login Types in Setup > Custom Metadata Types > Health Job Setting > Default.'
    );
  }
}

/**
 * Creates the Customer Community users of `plan` for the contacts and accounts that were saved, then, unless
 * `options.logins` is false, prepares the site, sets a new password for each user and logs each one in once.
 */
export async function seedPortalUsers(
  context: PortalContext,
  plan: SeedPlan,
  saved: { accountIds: ReadonlyMap<string, string>; contactIds: ReadonlyMap<string, string> },
  options: PortalOptions
): Promise<PortalResult> {
  const result: PortalResult = { created: 0, existing: 0, failures: [], skipped: [], loggedIn: 0, warnings: [] };
  const candidates = plan.portalUsers.filter((user) => {
    const isSaved = saved.contactIds.has(user.contactKey) && saved.accountIds.has(user.accountKey);
    if (!isSaved) {
      result.skipped.push(`No portal user for contact ${user.email}: the contact or its account was not saved.`);
    }
    return isSaved;
  });
  if (candidates.length === 0) {
    return result;
  }

  const [profileRecord] = await context.connection.query(
    `SELECT Id, Name, UserLicenseId FROM Profile WHERE Name = ${soqlString(options.profileName)}`
  );
  const profileId = profileRecord === undefined ? null : text(profileRecord, 'Id');
  if (profileRecord === undefined || profileId === null) {
    result.failures.push(
      `The profile "${options.profileName}" was not found, so no portal user was created. Check the name in Setup > ` +
        'Profiles and pass it with --portal-profile, or seed with --portal-users 0.'
    );
    return result;
  }
  const runningUser = await readRunningUser(context.connection, context.session.username);
  await ensureOwnerRole(context, runningUser);
  const blockedAccounts = await accountsWithoutOwnerRole(
    context.connection,
    candidates.map((user) => saved.accountIds.get(user.accountKey) ?? ''),
    runningUser
  );
  const requestedUsers = candidates.filter((user) => {
    const reason = blockedAccounts.get(saved.accountIds.get(user.accountKey) ?? '');
    if (reason !== undefined) {
      result.skipped.push(`No portal user for contact ${user.email}: account ${user.accountKey}: ${reason}.`);
    }
    return reason === undefined;
  });

  const profile = { id: profileId, licenseId: text(profileRecord, 'UserLicenseId') };
  const users = await createPortalUsers(context, requestedUsers, saved.contactIds, profile, runningUser, result);
  context.log(`Portal users: ${result.created} created, ${result.existing} already present.`);
  if (!options.logins) {
    context.log('Skipped the site and the logins (--no-logins).');
    return result;
  }
  if (users.length === 0) {
    return result;
  }

  let siteUrl: string;
  try {
    siteUrl = await ensureSite(context, {
      siteName: options.siteName,
      sitePrefix: options.sitePrefix,
      profileId,
      profileName: options.profileName
    });
  } catch (error) {
    if (!(error instanceof SiteError)) {
      throw error;
    }
    result.failures.push(`${error.message} No portal user was logged in.`);
    return result;
  }

  // Five minutes of margin allow for a clock difference between this machine and Salesforce.
  const since = new Date(context.now().getTime() - 5 * 60_000);
  const passwords = new Map<string, string>();
  const ready = await setPasswords(context, users, passwords, result);
  const loggedIn = await logIn(context, siteUrl, ready, passwords, result);
  passwords.clear();
  context.log(`Logins: ${loggedIn.length} of ${users.length} portal users logged in through ${siteUrl}.`);
  if (loggedIn.length > 0) {
    await reportLoginHistory(context, loggedIn, since, result);
  } else if (ready.length > 0) {
    result.warnings.push(
      `No login succeeded. Check that the site "${options.siteName}" is published (npx sf community publish --name ` +
        `"${options.siteName}") and that the profile "${options.profileName}" may log in through the API, then rerun.`
    );
  }
  return result;
}

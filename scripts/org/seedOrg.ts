/**
 * `org:seed`: fills an org with demo data so that the app shows something real. The records come from the offline
 * demo org or from an `sf data import tree` plan file. Portal users log in once through an Experience Cloud site, so
 * that LoginHistory has rows for the nightly roll-up.
 */
import type { OrgScriptDeps } from './cli';
import type { DemoOrg } from '../demo/demo-org';
import type { OrgSession, SeedConnection, SiteLogin } from './seedConnection';
import { openOrgSession, queryIn, soqlString, text } from './seedConnection';
import { checkPlanFields, loadSeedPlan } from './seedLoader';
import { parseSeedOptions, SEED_USAGE } from './seedOptions';
import type { SeedOptions } from './seedOptions';
import { readRunningUser, seedPortalUsers } from './seedPortal';
import type { PortalResult } from './seedPortal';
import { buildDemoSeedPlan } from './seedRecords';
import type { SeedPlan } from './seedRecords';
import { readTreePlan } from './seedTreePlan';

/** The persona permission set groups of the package: CSM, CS manager and CS admin. */
export const PERSONA_GROUPS = ['SuccessCockpitCsm', 'SuccessCockpitCsManager', 'SuccessCockpitCsAdmin'] as const;

/** Dependencies of `org:seed`: those of every org script, the connection seam, the clock and the demo org. */
export interface SeedDeps extends OrgScriptDeps {
  /** Folder that relative `--plan` paths resolve against. */
  cwd: string;
  openConnection: (session: OrgSession) => SeedConnection;
  siteLogin: SiteLogin;
  generatePassword: () => string;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  /** Generates the offline demo org. Called only without `--plan`. */
  loadDemoOrg: () => DemoOrg;
}

function buildPlan(options: SeedOptions, deps: SeedDeps): SeedPlan {
  if (options.planFile !== null) {
    return readTreePlan(options.planFile, options.portalUsersPerAccount);
  }
  return buildDemoSeedPlan(deps.loadDemoOrg(), {
    accounts: options.accounts ?? 0,
    portalUsersPerAccount: options.portalUsersPerAccount,
    today: deps.now()
  });
}

/**
 * Assigns the persona permission set groups to `userId`, skipping the ones it already has, in one collection
 * request. Returns the problems, including each group that is still being recalculated.
 */
export async function assignPersonaGroups(
  connection: SeedConnection,
  userId: string,
  username: string,
  log: (line: string) => void
): Promise<string[]> {
  const groups = await queryIn(
    connection,
    PERSONA_GROUPS,
    (inList) => `SELECT Id, DeveloperName, Status FROM PermissionSetGroup WHERE DeveloperName IN ${inList}`
  );
  const problems: string[] = [];
  const missing = PERSONA_GROUPS.filter((name) => !groups.some((group) => text(group, 'DeveloperName') === name));
  if (missing.length > 0) {
    problems.push(
      `The permission set groups ${missing.join(', ')} were not found; deploy the package first with: ` +
        'npm run org:deploy'
    );
  }
  const ready = groups.filter((group) => {
    const status = text(group, 'Status');
    if (status !== 'Updated') {
      problems.push(
        `The permission set group ${text(group, 'DeveloperName')} has status ${status} and cannot be assigned yet; ` +
          'rerun with --assign-permissions in a few minutes.'
      );
    }
    return status === 'Updated';
  });
  const assigned = await queryIn(
    connection,
    ready.map((group) => text(group, 'Id') ?? ''),
    (inList) =>
      `SELECT PermissionSetGroupId FROM PermissionSetAssignment WHERE AssigneeId = ${soqlString(userId)} ` +
      `AND PermissionSetGroupId IN ${inList}`
  );
  const assignedIds = new Set(assigned.map((assignment) => text(assignment, 'PermissionSetGroupId')));
  const toAssign = ready.filter((group) => !assignedIds.has(text(group, 'Id')));
  const outcomes =
    toAssign.length === 0
      ? []
      : await connection.create(
          'PermissionSetAssignment',
          toAssign.map((group) => ({ AssigneeId: userId, PermissionSetGroupId: text(group, 'Id') }))
        );
  toAssign.forEach((group, index) => {
    if (!outcomes[index]?.success) {
      problems.push(
        `Assigning ${text(group, 'DeveloperName')} to ${username} failed: ${outcomes[index]?.errors.join('; ')}`
      );
    }
  });
  const done = toAssign
    .filter((_group, index) => outcomes[index]?.success)
    .map((group) => text(group, 'DeveloperName'));
  log(
    `Permission set groups of ${username}: ${done.length > 0 ? `assigned ${done.join(', ')}` : 'none assigned'}` +
      (ready.length > toAssign.length ? `; ${ready.length - toAssign.length} already assigned.` : '.')
  );
  return problems;
}

/** Prints what to do next: run the health job now, open the org, and where the cleanup steps are. */
function printNextSteps(deps: SeedDeps, options: SeedOptions, portal: PortalResult | null): void {
  const target = options.targetOrg === null ? '' : ` --target-org ${options.targetOrg}`;
  const lines = [
    'Next steps:',
    `  Score the seeded accounts now: npx sf apex run --file scripts/apex/run-health-job-now.apex${target}`,
    `  Open the org: npx sf org open${target}`,
    '  To delete the seeded data, see "Delete the seeded data" in docs/org-scripts.md.'
  ];
  if (portal !== null && portal.loggedIn === 0 && options.logins) {
    lines.splice(2, 0, '  No portal user logged in, so the roll-up has no LoginHistory rows of these accounts yet.');
  }
  for (const line of lines) {
    deps.output.log(line);
  }
}

/** Runs `org:seed` and returns the exit code: 0 when everything was seeded, 1 when some part failed. */
export async function runSeed(argv: string[], deps: SeedDeps): Promise<number> {
  const options = parseSeedOptions(argv, deps.cwd);
  if (options === null) {
    deps.output.log(SEED_USAGE);
    return 0;
  }
  const plan = buildPlan(options, deps);
  deps.output.log(
    `Plan: ${plan.accounts.length} accounts, ${plan.contacts.length} contacts, ${plan.opportunities.length} ` +
      `opportunities, ${plan.cases.length} Cases and ${plan.portalUsers.length} portal users from the ${plan.source}.`
  );

  const session = await openOrgSession(deps.runner, options.targetOrg);
  const connection = deps.openConnection(session);
  deps.output.log(`Seeding ${session.instanceUrl} as ${session.username}…`);

  const fieldProblems = await checkPlanFields(connection, plan);
  if (fieldProblems.length > 0) {
    const fix =
      options.planFile === null
        ? 'Deploy the package first with: npm run org:deploy'
        : 'Remove these fields from the plan or add them to the org, then rerun.';
    throw new Error(
      ['Nothing was seeded, because the org lacks fields the records need:', ...fieldProblems, fix].join('\n')
    );
  }

  const failures: string[] = [];
  const load = await loadSeedPlan(connection, plan, (line) => deps.output.log(line));
  for (const result of load.objects) {
    failures.push(...result.failures);
    result.skipped.forEach((line) => deps.output.error(`  Skipped ${line}`));
  }

  let portal: PortalResult | null = null;
  if (options.portalUsersPerAccount > 0 && plan.portalUsers.length > 0) {
    portal = await seedPortalUsers(
      {
        connection,
        session,
        log: (line) => deps.output.log(line),
        sleep: deps.sleep,
        now: deps.now,
        generatePassword: deps.generatePassword,
        siteLogin: deps.siteLogin
      },
      plan,
      load,
      {
        profileName: options.portalProfile,
        siteName: options.siteName,
        sitePrefix: options.sitePrefix,
        logins: options.logins
      }
    );
    failures.push(...portal.failures);
    portal.skipped.forEach((line) => deps.output.error(`  ${line}`));
    portal.warnings.forEach((line) => deps.output.error(`Warning: ${line}`));
  }

  if (options.assignPermissions) {
    const user = await readRunningUser(connection, session.username);
    failures.push(
      ...(await assignPersonaGroups(connection, user.id, session.username, (line) => deps.output.log(line)))
    );
  }

  for (const failure of failures) {
    deps.output.error(`  FAILED ${failure}`);
  }
  if (failures.length > 0) {
    deps.output.error(
      `Seeding finished with ${failures.length} failures, listed above. Fix their causes and rerun, which updates ` +
        'the records already seeded.'
    );
  }
  printNextSteps(deps, options, portal);
  return failures.length > 0 ? 1 : 0;
}

/**
 * Writes the README of the demo export: what the demo org is, how it was generated, its files, and each story with
 * the accounts that tell it and the figures that show it, all computed from the generated records.
 */

import { dayOfEpochSeconds, formatIsoDate } from './calendar';
import type { DemoAccount, DemoOrg, StoryName } from './demo-org';
import type { ExportFile } from './export-files';
import { COUNTDOWN_START_DAYS } from './renewals';
import { BAD_QUARTER_END, BAD_QUARTER_START, STORIES } from './stories';

const LINE_WIDTH = 120;
/** A word, or a run of characters around one or more code spans (`like this`), which count as one word. */
const WORDS = /(?:[^\s`]*`[^`]*`)+[^\s`]*|\S+/g;

/** Wraps text at spaces to lines of at most LINE_WIDTH characters; `indent` prefixes every line after the first. */
function wrap(text: string, firstPrefix = '', indent = ''): string {
  const lines: string[] = [];
  let line = firstPrefix;
  let lineHasWords = false;
  // A code span with spaces stays on one line, because Markdown formatters join a span broken across lines.
  for (const word of text.match(WORDS) ?? []) {
    const candidate = lineHasWords ? `${line} ${word}` : line + word;
    if (lineHasWords && candidate.length > LINE_WIDTH) {
      lines.push(line);
      line = indent + word;
    } else {
      line = candidate;
    }
    lineHasWords = true;
  }
  lines.push(line);
  return lines.join('\n');
}

function bullet(text: string): string {
  return wrap(text, '- ', '  ');
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KB`;
}

/** Counts successful logins of each account's users per day, from LoginHistory. */
function loginsByAccountDay(org: DemoOrg): Map<string, number> {
  const accountOfUser = new Map(org.users.map((user) => [user.id, user.accountId]));
  const counts = new Map<string, number>();
  for (const login of org.logins) {
    const accountId = accountOfUser.get(login.userId);
    if (login.status === 'Success' && accountId) {
      const key = `${accountId}:${dayOfEpochSeconds(login.at)}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

function loginsBetween(counts: ReadonlyMap<string, number>, accountId: string, fromDay: number, toDay: number): number {
  let total = 0;
  for (let day = fromDay; day <= toDay; day++) {
    total += counts.get(`${accountId}:${day}`) ?? 0;
  }
  return total;
}

/** Returns the average number of distinct users with a successful login per week, over the last `weeks` weeks. */
function averageWeeklyActiveUsers(org: DemoOrg, accountId: string, weeks: number): number {
  const accountUsers = new Set(org.users.filter((user) => user.accountId === accountId).map((user) => user.id));
  const activeByWeek = new Map<number, Set<string>>();
  for (const login of org.logins) {
    const week = Math.floor((org.asOfDay - dayOfEpochSeconds(login.at)) / 7);
    if (login.status === 'Success' && accountUsers.has(login.userId) && week < weeks) {
      const active = activeByWeek.get(week) ?? new Set<string>();
      active.add(login.userId);
      activeByWeek.set(week, active);
    }
  }
  let total = 0;
  for (const active of activeByWeek.values()) {
    total += active.size;
  }
  return total / weeks;
}

/** Returns the figure that shows an account's story, as a phrase for the README. */
function storyFact(org: DemoOrg, account: DemoAccount, loginCounts: ReadonlyMap<string, number>): string {
  const asOf = org.asOfDay;
  const lastFourWeeks = loginsBetween(loginCounts, account.id, asOf - 27, asOf);
  const fourWeeksBefore = loginsBetween(loginCounts, account.id, asOf - 55, asOf - 28);
  const loginTrend = `${fourWeeksBefore} logins in the 4 weeks before the last 4, ${lastFourWeeks} in the last 4`;
  const contactName = (id: string | null): string => {
    const contact = org.contacts.find((entry) => entry.id === id);
    return contact ? `${contact.firstName} ${contact.lastName}` : 'nobody';
  };

  switch (account.story) {
    case 'Steady': {
      const weeks = 12;
      const weeklyLogins = loginsBetween(loginCounts, account.id, asOf - weeks * 7 + 1, asOf) / weeks;
      const activeUsers = averageWeeklyActiveUsers(org, account.id, weeks);
      return (
        `${weeklyLogins.toFixed(1)} logins a week over the last ${weeks} weeks, ` +
        `${activeUsers.toFixed(1)} of ${account.licensedSeats} seats active in an average week`
      );
    }
    case 'Declining':
      return loginTrend;
    case 'Recovering': {
      const badFrom = Math.max(org.loginHistoryStartDay, asOf - BAD_QUARTER_START);
      const badTo = asOf - BAD_QUARTER_END;
      const badWeekly = (loginsBetween(loginCounts, account.id, badFrom, badTo) * 7) / (badTo - badFrom + 1);
      return (
        `${badWeekly.toFixed(1)} logins a week from ${formatIsoDate(badFrom)} to ${formatIsoDate(badTo)}, ` +
        `${(lastFourWeeks / 4).toFixed(1)} a week in the last 4 weeks`
      );
    }
    case 'CaseSpike': {
      const spike = org.cases.filter(
        (entry) =>
          entry.accountId === account.id &&
          (entry.priority === 'High' || entry.priority === 'Critical') &&
          dayOfEpochSeconds(entry.createdAt) > asOf - 30
      );
      const open = spike.filter((entry) => entry.closedAt === null).length;
      return `${spike.length} High or Critical cases in the last 30 days, ${open} still open`;
    }
    case 'SilentSponsor': {
      const lastDay = account.storyDay ?? asOf;
      const sponsor = contactName(account.executiveSponsorId);
      return `last activity with ${sponsor} on ${formatIsoDate(lastDay)}, ${asOf - lastDay} days ago`;
    }
    case 'ChampionGone': {
      const champion = org.contacts.find((entry) => entry.id === account.championId);
      const destination = org.accounts.find((entry) => entry.id === champion?.accountId);
      const moveDate = formatIsoDate(account.storyDay ?? asOf);
      return `${contactName(account.championId)} moved to ${destination?.name ?? 'another account'} on ${moveDate}`;
    }
    case 'RenewalAtRisk': {
      const pastDue = account.daysPastDue > 0 ? `, invoices ${account.daysPastDue} days past due` : '';
      return `renewal closes ${formatIsoDate(account.renewalDay)}, in ${account.renewalDay - asOf} days${pastDue}`;
    }
    case 'Onboarding':
      return `kick-off on ${formatIsoDate(account.storyDay ?? asOf)}`;
    case 'Telemetry': {
      const split = account.usageSegments.length > 0 ? `, rows split by ${account.usageSegments.join(', ')}` : '';
      return `${account.licensedSeats} licensed seats${split}`;
    }
    default:
      return `${account.licensedSeats} licensed seats`;
  }
}

/** Formats counts by key as `3 Active, 2 Draft`, in the order of `keys`, leaving out zero counts. */
function countsOf<T extends string>(
  values: readonly T[],
  keys: readonly T[],
  label: (key: T) => string = String
): string {
  return keys
    .map((key) => [key, values.filter((value) => value === key).length] as const)
    .filter(([, count]) => count > 0)
    .map(([key, count]) => `${count} ${label(key)}`)
    .join(', ');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Describes the success plans, their objectives and milestones, for the README. */
function planSection(org: DemoOrg): string[] {
  const accountOf = new Map(org.accounts.map((account) => [account.id, account]));
  const activePlans = org.plans.filter((plan) => plan.status === 'Active');
  const activeAccounts = new Set(activePlans.map((plan) => plan.accountId)).size;
  const measureMilestones = org.milestones.filter((milestone) => milestone.criteriaMeasure !== null);
  const openMeasureMilestones = measureMilestones.filter((milestone) => milestone.completedDay === null);
  const manualDone = org.milestones.filter((milestone) => milestone.completionSource === 'Manual').length;
  const automaticDone = org.milestones.filter((milestone) => milestone.completionSource === 'Automatic').length;
  const overdue = org.milestones.filter(
    (milestone) => milestone.completedDay === null && milestone.targetDay !== null && milestone.targetDay < org.asOfDay
  ).length;
  const overdueReviews = activePlans.filter(
    (plan) => plan.nextReviewDay !== null && plan.nextReviewDay < org.asOfDay
  ).length;
  const shareWithActivePlan = (story: StoryName): string => {
    const accounts = accountsOf(org, story);
    const withPlan = accounts.filter((account) => activePlans.some((plan) => plan.accountId === account.id));
    return `${withPlan.length} of the ${accounts.length}`;
  };
  const completedPlans = org.plans
    .filter((plan) => plan.status === 'Completed')
    .map((plan) => accountOf.get(plan.accountId)?.name ?? plan.accountId);
  return [
    '## Success plans',
    wrap(
      `SuccessPlan__c.csv holds ${plural(org.plans.length, 'plan')} (${countsOf(
        org.plans.map((plan) => plan.status),
        ['Active', 'Draft', 'OnHold', 'Completed', 'Cancelled']
      )}), created from the package's plan templates (${countsOf(
        org.plans.map((plan) => plan.templateName),
        [...new Set(org.plans.map((plan) => plan.templateName))].sort()
      )}). ${activeAccounts} of ${org.accounts.length} accounts have an Active plan: every story account except ` +
        `the no-usage ones, whose plans are still Drafts, ${shareWithActivePlan('Typical')} typical accounts and ` +
        `${shareWithActivePlan('Telemetry')} telemetry accounts. An ` +
        "account renewing within the pre-renewal template's duration has a pre-renewal plan that ends on the renewal " +
        'date, the onboarding accounts have an onboarding plan from their kick-off, and the others an adoption plan. ' +
        `Completed plans from the previous renewal: ${completedPlans.join(', ')}.`
    ),
    wrap(
      `SuccessObjective__c.csv holds ${plural(org.objectives.length, 'objective')} (${countsOf(
        org.objectives.map((objective) => objective.status),
        ['NotStarted', 'OnTrack', 'AtRisk', 'Achieved', 'Missed']
      )}). Seat and support objectives take their baseline and current value from the health measures ` +
        '(LicenseUtilization30d, OpenHighPriorityCases) on the plan start and the as-of date; objectives without a ' +
        "template target carry a KPI in the customer's words, some of them lower-is-better with a target below the " +
        'baseline. Healthy accounts meet most objectives and struggling ones fall behind, so ObjectivesMetShare ' +
        'follows the stories.'
    ),
    wrap(
      `SuccessMilestone__c.csv holds ${plural(org.milestones.length, 'milestone')}: ${manualDone} completed by ` +
        `hand, ${automaticDone} completed automatically on the first day their criteria were met, and ${overdue} ` +
        `open past their target date. ${openMeasureMilestones.length} of the ${measureMilestones.length} milestones ` +
        'tied to a health measure are open; the first scoring run (`npm run score` or `npm start`) completes those ' +
        `whose criteria the data meets on ${formatIsoDate(org.asOfDay)}. ${overdueReviews} Active plans are past ` +
        'their next review date.'
    )
  ];
}

/** Returns the README title of a story in lower case, or `typical customer`. */
function storyTitle(story: StoryName): string {
  const title = STORIES.find((definition) => definition.story === story)?.title ?? 'Typical customer';
  return title.charAt(0).toLowerCase() + title.slice(1);
}

/** Describes the renewal checkpoints, the playbook Tasks and the renewal calls, for the README. */
function countdownSection(org: DemoOrg): string[] {
  const accountOf = new Map(org.accounts.map((account) => [account.id, account]));
  const playbookTaskIds = new Set(org.checkpoints.flatMap((checkpoint) => checkpoint.taskId ?? []));
  const playbookTasks = org.tasks.filter((task) => playbookTaskIds.has(task.id));
  const calls = org.checkpoints.filter((checkpoint) => checkpoint.call !== null);
  const disagreements = calls.filter((checkpoint) => checkpoint.isDisagreement);
  const callDays = [...new Set(calls.map((checkpoint) => checkpoint.daysBefore))].sort((a, b) => b - a);
  const accountsWithRows = new Set(org.checkpoints.map((checkpoint) => checkpoint.accountId)).size;
  return [
    '## Renewal countdown',
    wrap(
      `RenewalCheckpoint__c.csv holds ${plural(org.checkpoints.length, 'checkpoint')} of the open renewal of ` +
        `${accountsWithRows} accounts, one per active RenewalCheckpoint__mdt definition, as the nightly countdown ` +
        `job stores them. The job has run since ${formatIsoDate(org.asOfDay - COUNTDOWN_START_DAYS)} and first saw ` +
        'each renewal the night after its Opportunity was created; it stored every checkpoint then (CreatedDate), ' +
        `and the ones already due before that night are Skipped. Status: ${countsOf(
          org.checkpoints.map((checkpoint) => checkpoint.status),
          ['Upcoming', 'Due', 'Done', 'Skipped']
        )}. Task.csv contains the ${playbookTasks.length} playbook Tasks the job created when checkpoints opened ` +
        `(TaskId__c), ${playbookTasks.filter((task) => task.isClosed).length} of them completed.`
    ),
    wrap(
      `CSMs recorded ${plural(calls.length, 'renewal call')} at the ${callDays.join('- and ')}-day checkpoints ` +
        `(${countsOf(
          calls.map((checkpoint) => checkpoint.call as string),
          ['Commit', 'AtRisk', 'Upside']
        )}), each with the health band and score of the day in DataBand__c and DataScore__c. ` +
        `${calls.length - disagreements.length} agree with the band within one band; ${disagreements.length} ` +
        'disagree by more than one band and have IsDisagreement__c set:'
    ),
    disagreements
      .map((checkpoint) => {
        const account = accountOf.get(checkpoint.accountId);
        return bullet(
          `${account?.name ?? checkpoint.accountId} (${storyTitle(account?.story ?? 'Typical')}): ${checkpoint.call ?? ''} ` +
            `against ${checkpoint.dataBand ?? 'no band'} at the ${checkpoint.daysBefore}-day checkpoint, ` +
            `recorded ${formatIsoDate(dayOfEpochSeconds(checkpoint.callRecordedAt ?? 0))}.`
        );
      })
      .join('\n')
  ];
}

/**
 * Computes the active users per 100 seats of one whole-account feature over some accounts in one month.
 * @returns The percent, 1 decimal; null without rows.
 */
function averageAdoption(
  org: DemoOrg,
  accounts: readonly DemoAccount[],
  featureKey: string,
  month: string
): number | null {
  const ids = new Map(accounts.map((account) => [account.id, account]));
  let active = 0;
  let seats = 0;
  for (const row of org.featureUsage) {
    const account = ids.get(row.accountId);
    if (
      account &&
      row.featureKey === featureKey &&
      row.segmentType === 'All' &&
      formatIsoDate(row.monthDay) === month
    ) {
      active += row.active;
      seats += account.licensedSeats;
    }
  }
  return seats === 0 ? null : Math.round((active / seats) * 1000) / 10;
}

/** Describes the products, the feature usage, the business triggers and the adoption playbooks, for the README. */
function adoptionSection(org: DemoOrg): string[] {
  const accountOf = new Map(org.accounts.map((account) => [account.id, account]));
  const usageAccounts = new Set(org.featureUsage.map((row) => row.accountId)).size;
  const segmented = new Set(org.featureUsage.filter((row) => row.segmentType !== 'All').map((row) => row.accountId));
  const computed = org.featureUsage.filter((row) => row.source === 'Computed').length;
  const recentTriggers = org.triggers.filter((trigger) => org.asOfDay - trigger.occurredDay <= 180).length;
  const championRoles = org.contactRoles.filter((role) => role.role === 'Champion');
  const newChampionAccounts = org.accounts.filter(
    (account) =>
      account.story === 'ChampionGone' &&
      championRoles.some((role) =>
        org.opportunities.some((entry) => entry.id === role.opportunityId && entry.accountId === account.id)
      )
  );
  const declining = accountsOf(org, 'Declining');
  const before = averageAdoption(org, declining, 'SlaEscalations', '2026-08-01');
  const after = averageAdoption(org, declining, 'SlaEscalations', '2026-11-01');
  const playbookTasks = org.tasks.filter((task) =>
    org.adoptionPlaybooks.some((playbook) => playbook.id === task.whatId)
  );
  return [
    '## Adoption and expansion',
    wrap(
      `Product2.csv holds ${plural(org.products.length, 'product')}: the four products of the expansion catalog ` +
        '(Helpline Service Desk, Automation, Insights and Field Service), two add-ons outside it and the inactive ' +
        `Helpline Classic. PricebookEntry.csv holds their standard list prices and a partner price book. Asset.csv ` +
        `holds ${plural(org.assets.length, 'Asset')} (${countsOf(
          org.assets.map((asset) => asset.status),
          ['Installed', 'Obsolete']
        )}): every account owns Service Desk, and some bought add-ons before or during the year. ` +
        `OpportunityLineItem.csv gives each of the ${org.lineItems.length} Opportunities with a product its ` +
        'product: the ' +
        'core product on renewals, the add-on of an expansion, and on the open expansions of steady accounts an ' +
        'add-on ' +
        'they lack, which the expansion map shows as already open. OpportunityContactRole.csv names ' +
        `${plural(championRoles.length, 'champion')} on open renewals, among them the new champions of ` +
        `${newChampionAccounts.map((account) => account.name).join(', ')}.`
    ),
    wrap(
      `FeatureUsage__c.csv holds ${plural(org.featureUsage.length, 'monthly row')} for ${usageAccounts} accounts: ` +
        'the ' +
        'assigned, active and tried users of each feature of the products they own, from the month they bought the ' +
        `product or the feature became available. ${computed} rows have Source__c \`Computed\`, as the adoption job ` +
        'writes them for in-org measures (portal case submission counts the portal users who opened Cases); the rest ' +
        `are \`Telemetry\`. ${segmented.size} large telemetry accounts also report their features entitled through ` +
        'records by business unit or role. The file leaves out UniqueKey__c, which the org derives from the other ' +
        'columns. Adoption follows the stories: the SLA Escalations adoption of the declining accounts averages ' +
        `${before ?? 'n/a'}% of their seats in August and ${after ?? 'n/a'}% in November.`
    ),
    wrap(
      `FeatureEntitlement__c.csv holds ${plural(org.entitlements.length, 'entitlement')} of the features entitled ` +
        'through records, a blank segment for the whole account; features entitled by licensed seats read ' +
        'LicensedSeats__c instead. User.csv carries Profile.UserLicense.Name for the Customer Community license, and ' +
        `PermissionSetLicenseAssign.csv the ${org.licenseAssignments.length} holders of the Helpline Automation ` +
        `permission set license. BusinessTrigger__c.csv holds ${plural(org.triggers.length, 'business trigger')}, ` +
        `${recentTriggers} of them within the last 180 days.`
    ),
    wrap(
      `AdoptionPlaybook__c.csv holds ${plural(org.adoptionPlaybooks.length, 'adoption playbook')} (${countsOf(
        org.adoptionPlaybooks.map((playbook) => playbook.status),
        ['Active', 'Draft', 'Completed', 'Cancelled']
      )}), each opened on the account's flagged feature with the diagnosis, target and sprint of the reference ` +
        `engine; PlaybookBarrier__c.csv holds their ${org.playbookBarriers.length} barriers and Task.csv their ` +
        `${playbookTasks.length} sprint Tasks (WhatId the playbook). Adoption rises after an Active or Completed ` +
        'playbook starts:'
    ),
    org.adoptionPlaybooks
      .map((playbook) => {
        const barriers = org.playbookBarriers
          .filter((barrier) => barrier.playbookId === playbook.id)
          .map((barrier) => barrier.barrier);
        const done = playbookTasks.filter((task) => task.whatId === playbook.id && task.isClosed).length;
        const all = playbookTasks.filter((task) => task.whatId === playbook.id).length;
        return bullet(
          `${accountOf.get(playbook.accountId)?.name ?? playbook.accountId}: ${playbook.name}, ${playbook.status} ` +
            `from ${formatIsoDate(playbook.startDay)}, baseline ${playbook.baselinePercent ?? 'n/a'}%, target ` +
            `${playbook.targetPercent}%; barriers ${barriers.join(', ')}; ${done} of ${all} sprint Tasks done.`
        );
      })
      .join('\n')
  ];
}

function accountsOf(org: DemoOrg, story: StoryName): DemoAccount[] {
  return org.accounts.filter((account) => account.story === story);
}

/**
 * Renders README.md for the export folder.
 * @param csvFiles the rendered CSV files, for their row counts and sizes
 */
export function renderReadme(org: DemoOrg, csvFiles: readonly ExportFile[]): string {
  const loginCounts = loginsByAccountDay(org);
  const asOf = formatIsoDate(org.asOfDay);
  const typicalCount = accountsOf(org, 'Typical').length;
  const totalBytes = csvFiles.reduce((sum, file) => sum + Buffer.byteLength(file.content, 'utf8'), 0);
  const portalUsers = org.users.filter((user) => user.accountId !== null);
  const inactivePortalUsers = portalUsers.filter((user) => !user.isActive).length;
  const failedLogins = org.logins.filter((login) => login.status !== 'Success').length;
  const integrationUsers = org.users.filter(
    (user) => user.userType === 'AutomatedProcess' || user.profileName === 'Integration User'
  );
  const integrationUserIds = new Set(integrationUsers.map((user) => user.id));
  const integrationLogins = org.logins.filter((login) => integrationUserIds.has(login.userId)).length;
  const withoutSponsor = org.accounts.filter((account) => account.executiveSponsorId === null);
  const urgentCases = org.cases.filter((entry) => entry.priority === 'Urgent').length;
  const statusOnlyEscalations = org.cases.filter((entry) => entry.status === 'Escalated' && !entry.isEscalated).length;
  const multilineDescriptions = org.cases.filter((entry) => entry.description?.includes('\n')).length;
  const withoutFeedback = org.accounts.filter(
    (account) => !org.feedback.some((entry) => entry.accountId === account.id)
  ).length;

  const sections: string[] = [
    '# Demo org export',
    wrap(
      `A generated export of a fictional Salesforce org that runs Success Cockpit: ${org.accounts.length} customer ` +
        `accounts looked after by 8 CSMs, with 12 months of history up to the export date, ${asOf}. \`npm start\` ` +
        'scores this folder by default, so the cockpit can be tried without an org. Every company, person and ' +
        'e-mail address is invented, and e-mail addresses use the reserved `.example` domain.'
    ),
    '## How it was generated',
    wrap(
      `\`npm run demo:data\` runs \`scripts/demo/generate.ts\` with seed ${org.seed} and writes this folder. The ` +
        'generator uses its own seeded random numbers, UTC dates and fixed ordering, so it writes the same bytes on ' +
        'every run and machine, and a Jest test fails when the committed files differ from a fresh generation. To ' +
        'change the data, change the generator and run it again instead of editing the files. `--seed <n>` makes a ' +
        'different org with the same stories and `--out <folder>` writes it elsewhere.'
    ),
    '## Files',
    wrap(
      'The files are written as Data Loader and `sf data export bulk` write them. Each starts with a UTF-8 byte ' +
        'order mark and a header row of API names, ends its lines with CRLF, and puts double quotes only around ' +
        'fields that contain a comma, a quote or a line break. Date-times look like ' +
        '`2026-11-30T14:03:11.000+0000`, dates like `2026-11-30`, and ' +
        `booleans are \`true\` or \`false\`. Together the CSV files take ${kilobytes(totalBytes)}.`
    ),
    csvFiles
      .map((file) =>
        bullet(`\`${file.name}\`: ${file.rows} rows, ${kilobytes(Buffer.byteLength(file.content, 'utf8'))}`)
      )
      .join('\n'),
    wrap(
      `LoginHistory.csv contains only the last 6 months (from ${formatIsoDate(org.loginHistoryStartDay)}), as ` +
        "Salesforce keeps no more. For the 6 months before, DailyUsage__c.csv contains the rows that the package's " +
        'nightly rollup wrote from LoginHistory at the time (Source__c `LoginHistory`): one row per account and UTC ' +
        'day with at least one successful portal login. Telemetry accounts have Source__c `Telemetry` rows for the ' +
        'whole year instead. There is no HealthSnapshot__c.csv: the score history starts with the first scoring run.'
    ),
    '## Stories',
    wrap(
      `Each story below is told by several accounts; the other ${typicalCount} accounts are typical customers whose ` +
        'usage drifts slowly up or down and whose health spreads from good to poor. The figure after each account ' +
        'name is computed from the files.'
    )
  ];

  for (const definition of STORIES) {
    sections.push(`### ${definition.title}`);
    sections.push(wrap(definition.summary));
    sections.push(
      accountsOf(org, definition.story)
        .map((account) => bullet(`${account.name} (${account.segment}): ${storyFact(org, account, loginCounts)}.`))
        .join('\n')
    );
  }

  sections.push(...planSection(org), ...countdownSection(org), ...adoptionSection(org));
  sections.push('## Details a reader of the export must handle');
  sections.push(
    [
      bullet(
        `Integration users: ${integrationUsers.map((user) => user.name).join(' and ')} (UserType AutomatedProcess, ` +
          `and a Standard user with Profile.Name \`Integration User\`) log in every few hours, ${integrationLogins} ` +
          'logins in all; they are not customers and must not count as usage.'
      ),
      bullet(
        `CSMs log in as internal users (LoginType \`Application\`); portal users log in with LoginType ` +
          `\`Chatter Communities External User\`. ${inactivePortalUsers} of ${portalUsers.length} portal users are ` +
          'inactive; their old logins still belong to their account.'
      ),
      bullet(
        `${failedLogins} logins failed (Status \`Invalid Password\` or \`Password Lockout\`) and are not activity.`
      ),
      bullet(
        `Accounts without an executive sponsor (ExecutiveSponsor__c blank): ` +
          `${withoutSponsor.map((account) => account.name).join(', ')}.`
      ),
      bullet(
        'Champion__c of the champion-gone accounts, and of their success plans, points to a contact whose AccountId ' +
          'is now another account.'
      ),
      bullet(
        `${urgentCases} cases have Priority \`Urgent\`, a value outside the priorities the other cases use ` +
          '(Critical, High, Medium, Low), which the reader should report as unmapped. ' +
          `${statusOnlyEscalations} open cases are escalated only through Status \`Escalated\` with IsEscalated ` +
          `false, and ${multilineDescriptions} descriptions span several lines and contain commas or quotes.`
      ),
      bullet(
        'Tasks include open ones (Status `Not Started` or `In Progress`, IsClosed false), some of them overdue. ' +
          'Event.csv includes meetings scheduled after the export date. Neither counts as contact made.'
      ),
      bullet(
        `${withoutFeedback} accounts have no Feedback__c rows. NPS responses are 0 to 10; CSAT (from a 1 to 5 star ` +
          'survey) and CSM Pulse scores are 0 to 100.'
      )
    ].join('\n')
  );

  return sections.join('\n\n') + '\n';
}

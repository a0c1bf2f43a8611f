/**
 * Builds the accounts, their contacts and every user: the CSMs who own the accounts, the integration users, and the
 * portal users through which customers log in.
 */

import { addMonths } from './calendar';
import type {
  ContactRole,
  DemoAccount,
  DemoContact,
  DemoContext,
  DemoUser,
  Segment,
  StoryName,
  UserType
} from './demo-org';
import type { Random } from './random';
import { ACCOUNT_COUNT, STORIES, SILENT_SPONSOR_MIN_DAYS } from './stories';
import {
  CHAMPION_TITLES,
  COUNTRIES,
  CSM_NAMES,
  FIRST_NAMES,
  INDUSTRIES,
  LAST_NAMES,
  NAME_ENDINGS,
  NAME_STARTS,
  OTHER_TITLES,
  SPONSOR_TITLES
} from './word-lists';

/** Accounts, contacts and users, in the order of their CSV files. */
export interface PeopleAndAccounts {
  accounts: DemoAccount[];
  contacts: DemoContact[];
  users: DemoUser[];
}

/** Typical accounts that have no executive sponsor recorded. */
const ACCOUNTS_WITHOUT_SPONSOR = 4;
/** Telemetry accounts whose usage rows are split by business unit. */
const SEGMENTED_TELEMETRY_ACCOUNTS = 3;
const TELEMETRY_SEGMENTS = ['Finance', 'Operations', 'Sales'] as const;
const ORG_DOMAIN = 'successcockpit-demo.example';

/** Segment of each CSM, in the order of CSM_NAMES; the team is split by segment, as CS teams often are. */
const CSM_SEGMENTS: readonly Segment[] = [
  'Enterprise',
  'Enterprise',
  'Mid-Market',
  'Mid-Market',
  'Mid-Market',
  'SMB',
  'SMB',
  'SMB'
];

const TITLES_BY_ROLE: Readonly<Record<ContactRole, readonly string[]>> = {
  ExecutiveSponsor: SPONSOR_TITLES,
  Champion: CHAMPION_TITLES,
  Other: OTHER_TITLES
};

interface Profiles {
  standard: string;
  integration: string;
  communityUser: string;
  communityPlusUser: string;
}

/**
 * Builds accounts, contacts and users.
 * @param context dates, random stream and Id factory of the run
 */
export function buildPeopleAndAccounts(context: DemoContext): PeopleAndAccounts {
  const random = context.random.fork('accounts');
  const profiles: Profiles = {
    standard: context.ids.next('Profile'),
    integration: context.ids.next('Profile'),
    communityUser: context.ids.next('Profile'),
    communityPlusUser: context.ids.next('Profile')
  };
  const csmRoleIds = new Map<Segment, string>([
    ['Enterprise', context.ids.next('UserRole')],
    ['Mid-Market', context.ids.next('UserRole')],
    ['SMB', context.ids.next('UserRole')]
  ]);

  const csms = buildCsms(context, random.fork('csms'), profiles, csmRoleIds);
  const integrationUsers = buildIntegrationUsers(context, profiles);
  const accounts = buildAccounts(context, random, csms);
  const withoutSponsor = new Set(
    random
      .fork('no-sponsor')
      .shuffle(accounts.filter((account) => account.story === 'Typical'))
      .slice(0, ACCOUNTS_WITHOUT_SPONSOR)
  );
  const contacts = buildContacts(context, random.fork('contacts'), accounts, withoutSponsor);
  moveChampions(context, random.fork('moves'), accounts, contacts);
  const portalUsers = buildPortalUsers(context, random.fork('portal-users'), accounts, contacts, profiles);
  return { accounts, contacts, users: [...csms, ...integrationUsers, ...portalUsers] };
}

function buildCsms(
  context: DemoContext,
  random: Random,
  profiles: Profiles,
  roleIds: ReadonlyMap<Segment, string>
): DemoUser[] {
  return CSM_NAMES.map(([firstName, lastName], index) => {
    const segment = CSM_SEGMENTS[index] as Segment;
    return {
      id: context.ids.next('User'),
      username: `${firstName}.${lastName}@${ORG_DOMAIN}`.toLowerCase(),
      name: `${firstName} ${lastName}`,
      accountId: null,
      contactId: null,
      userType: 'Standard',
      isActive: true,
      profileId: profiles.standard,
      profileName: 'Standard User',
      roleId: roleIds.get(segment) ?? null,
      roleName: `CSM - ${segment}`,
      department: 'Customer Success',
      activeFromDay: context.historyStartDay - 400,
      deactivatedOnDay: null,
      loginPropensity: 0.97,
      utcOffsetHours: random.pick([-5, -5, -8, 0, 1])
    };
  });
}

function buildIntegrationUsers(context: DemoContext, profiles: Profiles): DemoUser[] {
  const common = {
    accountId: null,
    contactId: null,
    isActive: true,
    roleId: null,
    roleName: null,
    activeFromDay: context.historyStartDay - 400,
    deactivatedOnDay: null,
    loginPropensity: 1,
    utcOffsetHours: 0
  };
  return [
    {
      ...common,
      id: context.ids.next('User'),
      username: `autoproc@${ORG_DOMAIN}`,
      name: 'Automated Process',
      userType: 'AutomatedProcess' as UserType,
      profileId: null,
      profileName: null,
      department: null
    },
    {
      ...common,
      id: context.ids.next('User'),
      username: `telemetry.sync@${ORG_DOMAIN}`,
      name: 'Telemetry Sync',
      userType: 'Standard' as UserType,
      profileId: profiles.integration,
      profileName: 'Integration User',
      department: 'IT'
    }
  ];
}

function storyOrder(random: Random): StoryName[] {
  const stories: StoryName[] = [];
  for (const definition of STORIES) {
    for (let count = 0; count < definition.accountCount; count++) {
      stories.push(definition.story);
    }
  }
  while (stories.length < ACCOUNT_COUNT) {
    stories.push('Typical');
  }
  return random.shuffle(stories);
}

/** Returns a company name and its invented first word, which no other account in the run uses. */
function uniqueCompanyName(
  random: Random,
  nouns: readonly string[],
  suffix: string,
  used: Set<string>
): { name: string; root: string } {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const root = random.pick(NAME_STARTS) + random.pick(NAME_ENDINGS);
    if (used.has(root)) {
      continue;
    }
    used.add(root);
    const noun = random.pick(nouns);
    return { name: random.chance(0.4) ? `${root} ${noun} ${suffix}` : `${root} ${noun}`, root };
  }
  throw new Error('Ran out of unique company names; add entries to NAME_STARTS or NAME_ENDINGS in word-lists.ts.');
}

function pickSegment(random: Random, story: StoryName): Segment {
  if (story === 'Telemetry') {
    return random.pickWeighted<Segment>([
      ['Enterprise', 6],
      ['Mid-Market', 4]
    ]);
  }
  if (story === 'Declining' || story === 'Recovering' || story === 'ChampionGone') {
    // Usage stories need enough users for the trend to stand out from day-to-day noise.
    return random.pickWeighted<Segment>([
      ['Enterprise', 4],
      ['Mid-Market', 6]
    ]);
  }
  return random.pickWeighted<Segment>([
    ['Enterprise', 25],
    ['Mid-Market', 35],
    ['SMB', 40]
  ]);
}

function roundTo(value: number, step: number): number {
  return Math.round(value / step) * step;
}

function annualRecurringRevenue(random: Random, segment: Segment): number {
  switch (segment) {
    case 'Enterprise':
      return roundTo(random.between(150000, 480000), 500);
    case 'Mid-Market':
      return roundTo(random.between(40000, 120000), 500);
    default:
      return roundTo(random.between(12000, 35000), 500);
  }
}

function daysPastDue(random: Random, story: StoryName): number {
  if (story === 'Steady' || story === 'Onboarding') {
    return 0;
  }
  if (story === 'RenewalAtRisk') {
    return random.chance(0.6) ? random.pick([30, 45, 60, 75]) : 0;
  }
  return random.chance(0.1) ? random.pick([5, 12, 18, 30, 45, 62, 95]) : 0;
}

/** Engagement, drift and sentiment of an account's story; see usageLevel and sentimentLevel in stories.ts. */
function storyTraits(random: Random, story: StoryName): Pick<DemoAccount, 'engagement' | 'yearlyDrift' | 'sentiment'> {
  switch (story) {
    case 'Steady':
      return { engagement: random.between(1.25, 1.45), yearlyDrift: 0, sentiment: random.between(0.85, 0.95) };
    case 'Declining':
    case 'Recovering':
      return { engagement: random.between(0.85, 1.0), yearlyDrift: 0, sentiment: random.between(0.7, 0.8) };
    case 'RenewalAtRisk':
      return { engagement: random.between(0.6, 0.75), yearlyDrift: 0, sentiment: random.between(0.45, 0.55) };
    case 'Onboarding':
      return { engagement: random.between(0.8, 1.0), yearlyDrift: 0, sentiment: random.between(0.7, 0.85) };
    default:
      return {
        engagement: random.between(0.5, 1.0),
        yearlyDrift: random.between(-0.25, 0.25),
        sentiment: random.between(0.45, 0.85)
      };
  }
}

/** Returns the story's turning day; see DemoAccount.storyDay. */
function storyDay(random: Random, story: StoryName, context: DemoContext): number | null {
  switch (story) {
    case 'ChampionGone':
      return context.asOfDay - random.int(75, 120);
    case 'Onboarding':
      return context.asOfDay - random.int(84, 95);
    case 'SilentSponsor':
      return context.asOfDay - random.int(SILENT_SPONSOR_MIN_DAYS, 260);
    default:
      return null;
  }
}

function renewalDay(random: Random, story: StoryName, turningDay: number | null, context: DemoContext): number {
  switch (story) {
    case 'RenewalAtRisk':
      return context.asOfDay + random.int(12, 55);
    case 'Onboarding':
      return addMonths(turningDay ?? context.asOfDay, 12) - 1;
    case 'Typical':
    case 'Steady':
    case 'Telemetry':
      return context.asOfDay + random.int(1, 425);
    default:
      // The other stories renew more than 60 days out, so only the at-risk renewals are troubled and close soon.
      return context.asOfDay + random.int(61, 425);
  }
}

function buildAccounts(context: DemoContext, random: Random, csms: readonly DemoUser[]): DemoAccount[] {
  const stories = storyOrder(random.fork('stories'));
  const names = random.fork('names');
  const usedRoots = new Set<string>();
  let telemetrySeen = 0;

  return stories.map((story, index) => {
    const traits = random.fork(`account:${index}`);
    const industry = traits.pick(INDUSTRIES);
    const country = traits.pickWeighted(COUNTRIES.map((entry) => [entry, entry.weight] as const));
    const { name, root } = uniqueCompanyName(names, industry.nouns, country.suffix, usedRoots);
    const segment = pickSegment(traits, story);
    const owners = csms.filter((_, csmIndex) => CSM_SEGMENTS[csmIndex] === segment);
    const turningDay = storyDay(traits, story, context);
    const customerSinceDay =
      story === 'Onboarding'
        ? (turningDay ?? context.asOfDay) - traits.int(3, 10)
        : context.asOfDay - traits.int(420, 2400);
    const isSegmentedTelemetry = story === 'Telemetry' && telemetrySeen++ < SEGMENTED_TELEMETRY_ACCOUNTS;

    return {
      index,
      id: context.ids.next('Account'),
      name,
      domain: `${root.toLowerCase()}.example`,
      ownerId: traits.pick(owners).id,
      industry: industry.industry,
      country: country.country,
      utcOffsetHours: country.utcOffsetHours,
      segment,
      // Seats are set with the portal users; telemetry accounts license the product outside Salesforce.
      licensedSeats: 0,
      annualRecurringRevenue: annualRecurringRevenue(traits, segment),
      // Set when the contacts are created.
      executiveSponsorId: null,
      championId: null,
      daysPastDue: daysPastDue(traits, story),
      customerSinceDay,
      story,
      ...storyTraits(traits, story),
      storyDay: turningDay,
      renewalDay: renewalDay(traits, story, turningDay, context),
      // Story accounts always have feedback, because their stories show in it.
      hasFeedback: story === 'Typical' || story === 'Telemetry' ? traits.chance(0.9) : true,
      usageSegments: isSegmentedTelemetry ? TELEMETRY_SEGMENTS : []
    };
  });
}

function contactCount(random: Random, segment: Segment): number {
  switch (segment) {
    case 'Enterprise':
      return random.int(5, 8);
    case 'Mid-Market':
      return random.int(4, 7);
    default:
      return random.int(3, 5);
  }
}

function buildContacts(
  context: DemoContext,
  random: Random,
  accounts: DemoAccount[],
  withoutSponsor: ReadonlySet<DemoAccount>
): DemoContact[] {
  const contacts: DemoContact[] = [];
  for (const account of accounts) {
    const count = contactCount(random, account.segment);
    const usedNames = new Set<string>();
    const hasSponsorSlot = !withoutSponsor.has(account);
    for (let position = 0; position < count; position++) {
      let role: ContactRole = 'Other';
      if (position === 0 && hasSponsorSlot) {
        role = 'ExecutiveSponsor';
      } else if (position === (hasSponsorSlot ? 1 : 0)) {
        role = 'Champion';
      }
      let firstName: string = random.pick(FIRST_NAMES);
      let lastName: string = random.pick(LAST_NAMES);
      while (usedNames.has(`${firstName} ${lastName}`)) {
        firstName = random.pick(FIRST_NAMES);
        lastName = random.pick(LAST_NAMES);
      }
      usedNames.add(`${firstName} ${lastName}`);
      const titles = TITLES_BY_ROLE[role];
      const contact: DemoContact = {
        id: context.ids.next('Contact'),
        accountId: account.id,
        originalAccountId: account.id,
        firstName,
        lastName,
        email: `${firstName}.${lastName}@${account.domain}`.toLowerCase(),
        title: random.pick(titles),
        role,
        movedOnDay: null
      };
      contacts.push(contact);
      if (role === 'ExecutiveSponsor') {
        account.executiveSponsorId = contact.id;
      } else if (role === 'Champion') {
        account.championId = contact.id;
      }
    }
  }
  return contacts;
}

/** Moves the champion of every champion-gone account to another customer, where the CSM may meet them again. */
function moveChampions(context: DemoContext, random: Random, accounts: DemoAccount[], contacts: DemoContact[]): void {
  // Destinations have room for one more contact, so every account keeps 3 to 8 contacts.
  const contactCounts = new Map<string, number>();
  for (const contact of contacts) {
    contactCounts.set(contact.accountId, (contactCounts.get(contact.accountId) ?? 0) + 1);
  }
  const destinations = random.shuffle(
    accounts.filter((account) => account.story === 'Typical' && (contactCounts.get(account.id) ?? 0) < 8)
  );
  let next = 0;
  for (const account of accounts) {
    if (account.story !== 'ChampionGone') {
      continue;
    }
    const champion = contacts.find((contact) => contact.id === account.championId);
    const destination = destinations[next++];
    if (!champion || !destination) {
      throw new Error(`Account ${account.name} has no champion or no destination account for the champion's move.`);
    }
    champion.accountId = destination.id;
    champion.email = `${champion.firstName}.${champion.lastName}@${destination.domain}`.toLowerCase();
    champion.movedOnDay = account.storyDay ?? context.asOfDay;
  }
}

function hasPortal(account: DemoAccount): boolean {
  return account.story !== 'Telemetry' && account.story !== 'NoUsage';
}

function licensedSeats(random: Random, account: DemoAccount, portalUsers: number): number {
  if (account.story === 'Telemetry') {
    return account.segment === 'Enterprise'
      ? roundTo(random.between(150, 600), 10)
      : roundTo(random.between(40, 150), 5);
  }
  if (account.story === 'NoUsage') {
    return random.int(5, 20);
  }
  const spareSeats = account.story === 'Steady' || account.segment === 'SMB' ? 1 : 3;
  return portalUsers + random.int(0, spareSeats);
}

function buildPortalUsers(
  context: DemoContext,
  random: Random,
  accounts: DemoAccount[],
  contacts: DemoContact[],
  profiles: Profiles
): DemoUser[] {
  const users: DemoUser[] = [];
  for (const account of accounts) {
    const accountContacts = contacts.filter((contact) => contact.originalAccountId === account.id);
    if (!hasPortal(account)) {
      account.licensedSeats = licensedSeats(random, account, 0);
      continue;
    }
    const isPlus = account.segment !== 'SMB';
    const roleId = isPlus ? context.ids.next('UserRole') : null;
    const startDay =
      account.story === 'Onboarding'
        ? (account.storyDay ?? context.asOfDay)
        : Math.max(account.customerSinceDay, context.historyStartDay - 60);
    let minimumUsers = account.story === 'Typical' ? 2 : 3;
    if (account.segment === 'Enterprise') {
      minimumUsers = 5;
    }
    const candidates = accountContacts.filter((contact) => contact.role !== 'ExecutiveSponsor');
    const sponsor = accountContacts.find((contact) => contact.role === 'ExecutiveSponsor');

    const chosen = candidates.filter(
      (contact, position) => contact.role === 'Champion' || position < minimumUsers || random.chance(0.8)
    );
    if (sponsor && account.segment === 'Enterprise' && random.chance(0.3)) {
      chosen.push(sponsor);
    }

    for (const contact of chosen) {
      const user = portalUser(context, random, account, contact, startDay, isPlus, roleId, profiles);
      users.push(user);
    }
    account.licensedSeats = licensedSeats(random, account, chosen.length);
  }
  return users;
}

function loginPropensity(random: Random, role: ContactRole): number {
  switch (role) {
    case 'Champion':
      return random.between(0.6, 0.85);
    case 'ExecutiveSponsor':
      return random.between(0.04, 0.1);
    default:
      return random.between(0.1, 0.4);
  }
}

function portalUser(
  context: DemoContext,
  random: Random,
  account: DemoAccount,
  contact: DemoContact,
  startDay: number,
  isPlus: boolean,
  roleId: string | null,
  profiles: Profiles
): DemoUser {
  let activeFromDay = startDay;
  let deactivatedOnDay: number | null = null;
  if (contact.movedOnDay !== null) {
    deactivatedOnDay = contact.movedOnDay;
  } else if (contact.role === 'Other' && account.story === 'Typical') {
    // A few people join during the year and a few leave, as in any customer; story accounts keep their users.
    if (random.chance(0.08)) {
      activeFromDay = context.historyStartDay + random.int(30, 300);
    } else if (random.chance(0.05)) {
      deactivatedOnDay = context.historyStartDay + random.int(20, 330);
    }
  }
  const userType: UserType = isPlus ? 'PowerCustomerSuccess' : 'CspLitePortal';
  return {
    id: context.ids.next('User'),
    username: `${contact.firstName}.${contact.lastName}@portal.${account.domain}`.toLowerCase(),
    name: `${contact.firstName} ${contact.lastName}`,
    // A deactivated user keeps the account it logged in for, so its old logins still count there.
    accountId: account.id,
    contactId: contact.id,
    userType,
    isActive: deactivatedOnDay === null || deactivatedOnDay > context.asOfDay,
    profileId: isPlus ? profiles.communityPlusUser : profiles.communityUser,
    profileName: isPlus ? 'Customer Community Plus User' : 'Customer Community User',
    roleId,
    roleName: isPlus ? `${account.name} Customer User` : null,
    department: null,
    activeFromDay,
    deactivatedOnDay,
    loginPropensity: loginPropensity(random, contact.role),
    utcOffsetHours: account.utcOffsetHours
  };
}

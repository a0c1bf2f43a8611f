/**
 * Builds the product side of the demo org. It writes the product catalog with its standard and partner list prices,
 * the products each account owns (Assets, and Closed Won Opportunity products) and the products of the other
 * Opportunities. It also names the contacts who are Champion or Executive Sponsor on the open renewals.
 *
 * Every account owns Helpline Service Desk, the core product, from the day it became a customer; Automation, Insights
 * and Field Service are add-ons that some accounts bought before or during the year, more often the larger ones.
 * Field Service requires Automation, as its ExpansionProduct record does.
 */

import type {
  DemoAccount,
  DemoAsset,
  DemoContact,
  DemoContactRole,
  DemoContext,
  DemoLineItem,
  DemoOpportunity,
  DemoPriceEntry,
  DemoProduct,
  Segment
} from './demo-org';
import type { Random } from './random';

/** One product of the demo catalog. */
interface ProductDefinition {
  code: string;
  name: string;
  family: string;
  isActive: boolean;
  /** Yearly list price in the standard price book. */
  listPrice: number;
}

/** ProductCode of the core product every account owns. */
export const CORE_PRODUCT_CODE = 'HLP-DESK';
const AUTOMATION_CODE = 'HLP-AUTO';
const INSIGHTS_CODE = 'HLP-INSIGHT';
const FIELD_SERVICE_CODE = 'HLP-FIELD';
const SUPPORT_CODE = 'HLP-SUPPORT';
const SEATS_CODE = 'HLP-SEATS';
const CLASSIC_CODE = 'HLP-CLASSIC';

/** The catalog in Product2.csv order. The first four match the package's ExpansionProduct records. */
const PRODUCTS: readonly ProductDefinition[] = [
  { code: CORE_PRODUCT_CODE, name: 'Helpline Service Desk', family: 'Service', isActive: true, listPrice: 24000 },
  { code: AUTOMATION_CODE, name: 'Helpline Automation', family: 'Service', isActive: true, listPrice: 9000 },
  { code: INSIGHTS_CODE, name: 'Helpline Insights', family: 'Analytics', isActive: true, listPrice: 6000 },
  {
    code: FIELD_SERVICE_CODE,
    name: 'Helpline Field Service',
    family: 'Field Service',
    isActive: true,
    listPrice: 18000
  },
  { code: SUPPORT_CODE, name: 'Premier Support', family: 'Support', isActive: true, listPrice: 4500 },
  { code: SEATS_CODE, name: 'Additional Seats (10-pack)', family: 'Service', isActive: true, listPrice: 3000 },
  { code: CLASSIC_CODE, name: 'Helpline Classic', family: 'Service', isActive: false, listPrice: 12000 }
];

/** Products with a partner price below the list price, in a second, non-standard price book. */
const PARTNER_DISCOUNT = 0.8;
const PARTNER_PRODUCTS: readonly string[] = [CORE_PRODUCT_CODE, AUTOMATION_CODE, INSIGHTS_CODE];

/** Chance that an account owns each add-on, by segment; Field Service only among Automation owners. */
const ADD_ON_CHANCES: Readonly<Record<string, Readonly<Record<Segment, number>>>> = {
  [AUTOMATION_CODE]: { Enterprise: 0.55, 'Mid-Market': 0.4, SMB: 0.2 },
  [INSIGHTS_CODE]: { Enterprise: 0.35, 'Mid-Market': 0.25, SMB: 0.1 },
  [FIELD_SERVICE_CODE]: { Enterprise: 0.35, 'Mid-Market': 0.15, SMB: 0.05 }
};

/** Product of each expansion Opportunity name, as commercial.ts names them. */
const EXPANSION_PRODUCTS: Readonly<Record<string, string>> = {
  'Additional seats': SEATS_CODE,
  'Analytics add-on': INSIGHTS_CODE,
  'Premier support upgrade': SUPPORT_CODE,
  'Second business unit': CORE_PRODUCT_CODE
};

/** Whitespace products offered on an open expansion, first one the account lacks. */
const OFFER_ORDER: readonly string[] = [INSIGHTS_CODE, AUTOMATION_CODE, FIELD_SERVICE_CODE];

/** Champion-gone accounts whose renewal names a new champion. */
const NEW_CHAMPION_ACCOUNTS = 3;
/** Chance that an open renewal lists the account's champion and sponsor as contact roles. */
const RENEWAL_ROLE_SHARE = 0.35;

/** Products, prices, the footprint of each account and the Opportunity products and contact roles. */
export interface CatalogRecords {
  products: DemoProduct[];
  priceEntries: DemoPriceEntry[];
  assets: DemoAsset[];
  lineItems: DemoLineItem[];
  contactRoles: DemoContactRole[];
  /** Day each account started to own each catalog product, by account Id and ProductCode. */
  ownedSince: Map<string, Map<string, number>>;
}

/** Returns the day an add-on was bought: long ago for most accounts, during the year for some. */
function purchaseDay(context: DemoContext, random: Random, account: DemoAccount, earliest: number): number {
  const latest = context.asOfDay - 45;
  if (earliest >= latest) {
    return earliest;
  }
  if (random.chance(0.7)) {
    return random.int(earliest, Math.max(earliest, Math.min(latest, context.historyStartDay - 1)));
  }
  return random.int(Math.max(earliest, context.historyStartDay), latest);
}

function chooseOwnership(
  context: DemoContext,
  random: Random,
  accounts: readonly DemoAccount[],
  opportunities: readonly DemoOpportunity[]
): Map<string, Map<string, number>> {
  const ownedSince = new Map<string, Map<string, number>>();
  for (const account of accounts) {
    const accountRandom = random.fork(account.id);
    const owned = new Map<string, number>([[CORE_PRODUCT_CODE, account.customerSinceDay]]);
    // Onboarding accounts bought the core product only; their add-ons come later.
    if (account.story !== 'Onboarding') {
      for (const code of [AUTOMATION_CODE, INSIGHTS_CODE, FIELD_SERVICE_CODE]) {
        const needsAutomation = code === FIELD_SERVICE_CODE && !owned.has(AUTOMATION_CODE);
        const chance = ADD_ON_CHANCES[code]?.[account.segment] ?? 0;
        if (!needsAutomation && accountRandom.chance(chance)) {
          const earliest = Math.max(account.customerSinceDay + 30, owned.get(AUTOMATION_CODE) ?? 0);
          owned.set(code, purchaseDay(context, accountRandom, account, earliest));
        }
      }
    }
    ownedSince.set(account.id, owned);
  }
  // A won Analytics add-on is a purchase of Insights.
  for (const opportunity of opportunities) {
    const code = expansionProductOf(opportunity);
    const owned = ownedSince.get(opportunity.accountId);
    if (opportunity.isWon && code === INSIGHTS_CODE && owned !== undefined) {
      owned.set(code, Math.min(owned.get(code) ?? opportunity.closeDay, opportunity.closeDay));
    }
  }
  return ownedSince;
}

function expansionProductOf(opportunity: DemoOpportunity): string | null {
  if (opportunity.type === 'Renewal') {
    return CORE_PRODUCT_CODE;
  }
  const suffix = opportunity.name.slice(opportunity.name.lastIndexOf(' - ') + 3);
  return EXPANSION_PRODUCTS[suffix] ?? null;
}

/**
 * Builds the catalog, the prices, the Assets of each account, the products of the Opportunities and the contact roles
 * of the open renewals.
 * @param context dates, random stream and Id factory of the run
 */
export function buildCatalog(
  context: DemoContext,
  accounts: readonly DemoAccount[],
  contacts: readonly DemoContact[],
  opportunities: readonly DemoOpportunity[]
): CatalogRecords {
  const random = context.random.fork('catalog');
  const products: DemoProduct[] = PRODUCTS.map((definition) => ({
    id: context.ids.next('Product2'),
    name: definition.name,
    productCode: definition.code,
    family: definition.family,
    isActive: definition.isActive,
    listPrice: definition.listPrice
  }));
  const productByCode = new Map(products.map((product) => [product.productCode, product]));
  const standardBook = context.ids.next('Pricebook2');
  const partnerBook = context.ids.next('Pricebook2');
  const priceEntries: DemoPriceEntry[] = products.map((product) => ({
    id: context.ids.next('PricebookEntry'),
    pricebookId: standardBook,
    productId: product.id,
    unitPrice: product.listPrice,
    isActive: product.isActive,
    isStandard: true
  }));
  for (const code of PARTNER_PRODUCTS) {
    const product = productByCode.get(code) as DemoProduct;
    priceEntries.push({
      id: context.ids.next('PricebookEntry'),
      pricebookId: partnerBook,
      productId: product.id,
      unitPrice: Math.round(product.listPrice * PARTNER_DISCOUNT),
      isActive: true,
      isStandard: false
    });
  }
  const standardEntryOf = new Map(
    priceEntries.filter((entry) => entry.isStandard).map((entry) => [entry.productId, entry.id])
  );

  const ownedSince = chooseOwnership(context, random.fork('ownership'), accounts, opportunities);
  const assets = buildAssets(context, random.fork('assets'), accounts, ownedSince, opportunities, productByCode);
  const lineItems = buildLineItems(context, opportunities, ownedSince, productByCode, standardEntryOf);
  const contactRoles = buildContactRoles(context, random.fork('contact-roles'), accounts, contacts, opportunities);
  return { products, priceEntries, assets, lineItems, contactRoles, ownedSince };
}

/**
 * Builds one Installed Asset per owned catalog product, except Insights bought through a won Analytics add-on, which
 * half of the accounts never recorded as an Asset. Some long-standing accounts also get an Obsolete Helpline Classic
 * Asset.
 */
function buildAssets(
  context: DemoContext,
  random: Random,
  accounts: readonly DemoAccount[],
  ownedSince: ReadonlyMap<string, ReadonlyMap<string, number>>,
  opportunities: readonly DemoOpportunity[],
  productByCode: ReadonlyMap<string, DemoProduct>
): DemoAsset[] {
  const boughtThroughOpportunity = new Set(
    opportunities
      .filter((entry) => entry.isWon && expansionProductOf(entry) === INSIGHTS_CODE)
      .map((entry) => entry.accountId)
  );
  const assets: DemoAsset[] = [];
  for (const account of accounts) {
    const accountRandom = random.fork(account.id);
    const owned = ownedSince.get(account.id) ?? new Map<string, number>();
    if (account.customerSinceDay < context.historyStartDay - 365 && accountRandom.chance(0.12)) {
      const classic = productByCode.get(CLASSIC_CODE) as DemoProduct;
      assets.push({
        id: context.ids.next('Asset'),
        accountId: account.id,
        productId: classic.id,
        name: classic.name,
        status: 'Obsolete',
        installDay: Math.max(account.customerSinceDay - 700, account.customerSinceDay - 30),
        usageEndDay: account.customerSinceDay + accountRandom.int(30, 200)
      });
    }
    for (const [code, sinceDay] of owned) {
      if (code === INSIGHTS_CODE && boughtThroughOpportunity.has(account.id) && accountRandom.chance(0.5)) {
        continue;
      }
      const product = productByCode.get(code) as DemoProduct;
      assets.push({
        id: context.ids.next('Asset'),
        accountId: account.id,
        productId: product.id,
        name: product.name,
        status: 'Installed',
        installDay: sinceDay,
        usageEndDay: null
      });
    }
  }
  return assets;
}

/**
 * Gives each Opportunity one product: the core product on renewals, the product of an expansion's name, and on the
 * open expansions of steady accounts the first add-on they lack, which the expansion map then shows as already open.
 */
function buildLineItems(
  context: DemoContext,
  opportunities: readonly DemoOpportunity[],
  ownedSince: ReadonlyMap<string, ReadonlyMap<string, number>>,
  productByCode: ReadonlyMap<string, DemoProduct>,
  standardEntryOf: ReadonlyMap<string, string>
): DemoLineItem[] {
  const lineItems: DemoLineItem[] = [];
  for (const opportunity of opportunities) {
    let code = expansionProductOf(opportunity);
    if (opportunity.type !== 'Renewal' && !opportunity.isClosed) {
      const owned = ownedSince.get(opportunity.accountId);
      code = OFFER_ORDER.find((candidate) => owned?.has(candidate) !== true) ?? SEATS_CODE;
    }
    if (code === null) {
      continue;
    }
    const product = productByCode.get(code) as DemoProduct;
    lineItems.push({
      id: context.ids.next('OpportunityLineItem'),
      opportunityId: opportunity.id,
      productId: product.id,
      priceEntryId: standardEntryOf.get(product.id) as string,
      quantity: 1,
      unitPrice: opportunity.amount
    });
  }
  return lineItems;
}

/**
 * Builds the contact roles of the open renewals. Some accounts name their champion (Champion) and their sponsor
 * (Executive Sponsor, the primary contact). A few champion-gone accounts name another of their contacts Champion: the
 * customer's new champion.
 */
function buildContactRoles(
  context: DemoContext,
  random: Random,
  accounts: readonly DemoAccount[],
  contacts: readonly DemoContact[],
  opportunities: readonly DemoOpportunity[]
): DemoContactRole[] {
  const openRenewals = new Map(
    opportunities
      .filter((entry) => entry.type === 'Renewal' && !entry.isClosed)
      .map((entry) => [entry.accountId, entry.id])
  );
  const roles: DemoContactRole[] = [];
  const add = (opportunityId: string, contactId: string, role: string, isPrimary: boolean): void => {
    roles.push({ id: context.ids.next('OpportunityContactRole'), opportunityId, contactId, role, isPrimary });
  };
  let newChampions = 0;
  for (const account of accounts) {
    const opportunityId = openRenewals.get(account.id);
    if (opportunityId === undefined) {
      continue;
    }
    const accountRandom = random.fork(account.id);
    if (account.story === 'ChampionGone' && newChampions < NEW_CHAMPION_ACCOUNTS) {
      const successor = contacts.find((contact) => contact.accountId === account.id && contact.role === 'Other');
      if (successor !== undefined) {
        add(opportunityId, successor.id, 'Champion', false);
        newChampions++;
      }
      continue;
    }
    const champion = contacts.find((contact) => contact.id === account.championId);
    if (champion === undefined || champion.movedOnDay !== null || !accountRandom.chance(RENEWAL_ROLE_SHARE)) {
      continue;
    }
    if (account.executiveSponsorId !== null) {
      add(opportunityId, account.executiveSponsorId, 'Executive Sponsor', true);
    }
    add(opportunityId, champion.id, 'Champion', account.executiveSponsorId === null);
  }
  return roles;
}

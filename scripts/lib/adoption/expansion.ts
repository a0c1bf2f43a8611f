/**
 * The expansion map of one account, built as the Apex classes ExpansionMapService and ExpansionMapView build it. It
 * sets the footprint from Assets and Closed Won Opportunity products against the catalog of active expansion products
 * whose Product2 is active. It grades the whitespace, lists business triggers and champions, and gives each whitespace
 * product its recommended approach, its value hypothesis and the evidence behind it.
 */
import {
  ALL_SEGMENT,
  monthStart,
  recentTriggers,
  recommendApproach,
  valueHypothesis,
  whitespaceGrid
} from 'c/adoptionEngine';
import type {
  AdoptionFactRow,
  AdoptionFeature,
  BusinessTriggerRow,
  ChampionRow,
  ExpansionApproach,
  ExpansionMapModel,
  ExpansionProduct,
  WhitespaceCell,
  WhitespaceStatus
} from 'c/adoptionEngine';
import type {
  AssetRecord,
  LineItemRecord,
  OpportunityRecord,
  PriceEntryRecord,
  ProductRecord,
  TriggerRecord
} from '../export';
import type { ExpansionProductRecord } from './loadAdoptionMetadata';
import { featureLabelOf } from './scorecard';

/** Asset status of a product the account no longer uses. */
export const ASSET_OBSOLETE = 'Obsolete';
/** Source of a product owned through an Asset. */
export const SOURCE_ASSET = 'Asset';
/** Source of a product owned through a Closed Won Opportunity. */
export const SOURCE_WON_OPPORTUNITY = 'Closed Won Opportunity';
/** Length of Opportunity.Name, to which a hand-off's name is cut. */
export const OPPORTUNITY_NAME_LENGTH = 120;

/** A product the account owns, with where the ownership comes from. */
export interface OwnedProductView {
  productCode: string;
  productName: string;
  productId: string | null;
  /** `Asset` and `Closed Won Opportunity`, in the order found. */
  sources: string[];
  /** Earliest install or close date; null when none is known. */
  since: string | null;
}

/** Adoption of a prerequisite feature in the whole account. */
export interface FeatureAdoptionView {
  featureKey: string;
  label: string;
  adoptionPercent: number | null;
  targetPercent: number | null;
  hasData: boolean;
}

/** A contact who champions the product, with where the role comes from. */
export interface ChampionView {
  contactId: string;
  name: string | null;
  title: string | null;
  sources: string[];
}

/** A business trigger with whether it counts for the approach. */
export interface TriggerView extends BusinessTriggerRow {
  id: string | null;
  /** True within TRIGGER_WINDOW_DAYS before the as-of date. */
  isRecent: boolean;
}

/** A product of the catalog with its whitespace status, and for a whitespace product its approach and hypothesis. */
export interface CatalogProductView {
  productCode: string;
  productName: string;
  productId: string | null;
  /** Product2.Family; null when blank. */
  productFamily: string | null;
  status: WhitespaceStatus;
  readiness: number | null;
  reason: string;
  valueStatement: string | null;
  /** Active standard list price; null without one. */
  listPrice: number | null;
  prerequisites: FeatureAdoptionView[];
  requiredProducts: string[];
  missingProducts: string[];
  /** Null for an owned product. */
  approach: ExpansionApproach | null;
  approachReason: string | null;
  hypothesis: string | null;
  evidence: string[];
  /** Open Opportunity a hand-off created for the product; null when none. */
  openOpportunityId: string | null;
  openOpportunityName: string | null;
  /** True for a whitespace product without an open Opportunity, before the user's permissions are checked. */
  canHandOff: boolean;
  /** The price book entry a hand-off adds as a line item; null without one. */
  priceEntry: PriceEntryRecord | null;
}

/** The account the map is built for. */
export interface ExpansionAccount {
  accountId: string;
  name: string;
  annualRecurringRevenue: number | null;
  /** Contact Id of the account's champion (Champion__c); null when blank or no longer a contact of the account. */
  championId: string | null;
  championName: string | null;
  championTitle: string | null;
}

/** A contact named Champion, with its name and title from the contacts of the export. */
export interface ChampionRole {
  contactId: string;
  name: string | null;
  title: string | null;
  /** Name of the Opportunity the role is on; null for the role on the account relation. */
  opportunityName: string | null;
  opportunityId: string | null;
}

/** Everything the map of one account is built from. */
export interface ExpansionInput {
  account: ExpansionAccount;
  /** ISO date the map is built for; the trigger window and Asset end dates compare with it. */
  asOf: string;
  assets: readonly AssetRecord[];
  /** Products of the account's Opportunities; won ones count as owned, open ones as offered. */
  lineItems: readonly LineItemRecord[];
  /** Open Opportunities of the account, to find hand-offs without a product. */
  openOpportunities: readonly OpportunityRecord[];
  catalog: readonly ExpansionProductRecord[];
  /** Every product of the export. */
  products: readonly ProductRecord[];
  /** Every price book entry of the export. */
  prices: readonly PriceEntryRecord[];
  /** Adoption facts of the account, any months. */
  facts: readonly AdoptionFactRow[];
  features: ReadonlyMap<string, AdoptionFeature>;
  triggers: readonly TriggerRecord[];
  championRoles: readonly ChampionRole[];
}

/** The expansion map of one account. */
export interface ExpansionMapView {
  account: ExpansionAccount;
  asOf: string;
  /** First day of the month of the adoption facts used; null without facts. */
  adoptionMonth: string | null;
  footprint: OwnedProductView[];
  catalog: CatalogProductView[];
  /** Adoption of every prerequisite feature of the active catalog, by feature key. */
  adoption: FeatureAdoptionView[];
  triggers: TriggerView[];
  champions: ChampionView[];
  /** The whitespace grid, in catalog order. */
  grid: WhitespaceCell[];
  /** Sentence shown when the catalog is empty; null otherwise. */
  emptyMessage: string | null;
}

function compareText(left: string, right: string): number {
  if (left === right) {
    return 0;
  }
  return left < right ? -1 : 1;
}

/** Cuts text to a maximum length with a trailing ellipsis, as Apex String.abbreviate does. */
function abbreviate(text: string, maxLength: number): string {
  return text.length <= maxLength ? text : `${text.slice(0, maxLength - 3)}...`;
}

/**
 * Builds the name a hand-off gives its Opportunity: `<Account> - <Product> expansion`, cut to the 120 characters of
 * Opportunity.Name.
 */
export function handOffName(accountName: string, productName: string): string {
  return abbreviate(`${accountName} - ${productName} expansion`, OPPORTUNITY_NAME_LENGTH);
}

function addOwned(
  owned: Map<string, OwnedProductView>,
  code: string,
  name: string | null,
  productId: string | null,
  source: string,
  since: string | null
): void {
  let entry = owned.get(code);
  if (entry === undefined) {
    entry = { productCode: code, productName: name ?? code, productId, sources: [], since: null };
    owned.set(code, entry);
  }
  if (!entry.sources.includes(source)) {
    entry.sources.push(source);
  }
  if (since !== null && (entry.since === null || since < entry.since)) {
    entry.since = since;
  }
}

function footprintOf(input: ExpansionInput): Map<string, OwnedProductView> {
  const owned = new Map<string, OwnedProductView>();
  const byInstall = [...input.assets].sort(
    (left, right) =>
      compareText(left.installDate ?? '\uffff', right.installDate ?? '\uffff') || compareText(left.id, right.id)
  );
  for (const asset of byInstall) {
    const ended = asset.usageEndDate !== null && asset.usageEndDate < input.asOf;
    const code = asset.productCode?.trim() ?? '';
    if (asset.status === ASSET_OBSOLETE || ended || code === '') {
      continue;
    }
    addOwned(owned, code, asset.productName, asset.productId, SOURCE_ASSET, asset.installDate);
  }
  const won = input.lineItems
    .filter((item) => item.isWon)
    .sort((left, right) => compareText(left.closeDate, right.closeDate) || compareText(left.id, right.id));
  for (const item of won) {
    const code = item.productCode?.trim() ?? '';
    if (code !== '') {
      addOwned(owned, code, item.productName, item.productId, SOURCE_WON_OPPORTUNITY, item.closeDate);
    }
  }
  return owned;
}

/** Adoption percent of each feature in the whole account's latest month with facts. */
function latestAdoption(facts: readonly AdoptionFactRow[]): {
  month: string | null;
  byFeature: Map<string, number | null>;
} {
  const accountFacts = facts
    .filter((fact) => fact.segmentType === ALL_SEGMENT)
    .sort((left, right) => compareText(monthStart(right.month), monthStart(left.month)));
  const month = accountFacts.length === 0 ? null : monthStart((accountFacts[0] as AdoptionFactRow).month);
  const byFeature = new Map<string, number | null>();
  for (const fact of accountFacts) {
    if (monthStart(fact.month) === month && !byFeature.has(fact.featureKey)) {
      byFeature.set(fact.featureKey, fact.adoptionPercent);
    }
  }
  return { month, byFeature };
}

function featureAdoption(
  features: ReadonlyMap<string, AdoptionFeature>,
  featureKey: string,
  percent: number | null
): FeatureAdoptionView {
  return {
    featureKey,
    label: featureLabelOf(features, featureKey),
    adoptionPercent: percent,
    targetPercent: features.get(featureKey)?.targetPercent ?? null,
    hasData: percent !== null
  };
}

/** Active catalog records whose ProductCode names an active product, by product name; with each code's list price. */
function catalogOf(input: ExpansionInput): {
  catalog: ExpansionProduct[];
  productIdByCode: Map<string, string>;
  priceByCode: Map<string, PriceEntryRecord>;
} {
  const activeCodes = new Set(
    input.catalog.filter((record) => record.isActive && record.productCode !== '').map((record) => record.productCode)
  );
  const products = input.products
    .filter((product) => product.isActive && product.productCode !== null && activeCodes.has(product.productCode))
    .sort((left, right) => compareText(left.name, right.name) || compareText(left.id, right.id));
  const productByCode = new Map<string, ProductRecord>();
  for (const product of products) {
    const code = (product.productCode as string).trim();
    if (!productByCode.has(code)) {
      productByCode.set(code, product);
    }
  }
  const productIds = new Set(products.map((product) => product.id));
  const priceByProductId = new Map<string, PriceEntryRecord>();
  const standardPrices = input.prices
    .filter((price) => price.isActive && price.isStandard && productIds.has(price.productId))
    .sort((left, right) => compareText(left.productId, right.productId) || compareText(left.id, right.id));
  for (const price of standardPrices) {
    if (!priceByProductId.has(price.productId)) {
      priceByProductId.set(price.productId, price);
    }
  }

  const entries: { sortKey: string; product: ExpansionProduct }[] = [];
  const productIdByCode = new Map<string, string>();
  const priceByCode = new Map<string, PriceEntryRecord>();
  const seenSortKeys = new Set<string>();
  for (const record of input.catalog) {
    const code = record.productCode.trim();
    const product = productByCode.get(code);
    if (!record.isActive || product === undefined) {
      continue;
    }
    // Two records of one code give one entry, as the org's map keyed by name and code keeps the last one.
    const sortKey = `${product.name.toLowerCase()}|${code}`;
    const entry: ExpansionProduct = {
      productCode: code,
      productName: product.name,
      prerequisiteFeatures: record.prerequisiteFeatures,
      requiredProducts: record.requiredProducts,
      valueStatement: record.valueStatement,
      isActive: true
    };
    if (seenSortKeys.has(sortKey)) {
      const index = entries.findIndex((candidate) => candidate.sortKey === sortKey);
      entries[index] = { sortKey, product: entry };
    } else {
      seenSortKeys.add(sortKey);
      entries.push({ sortKey, product: entry });
    }
    productIdByCode.set(code, product.id);
    const price = priceByProductId.get(product.id);
    if (price !== undefined) {
      priceByCode.set(code, price);
    }
  }
  entries.sort((left, right) => compareText(left.sortKey, right.sortKey));
  return { catalog: entries.map((entry) => entry.product), productIdByCode, priceByCode };
}

function triggersOf(input: ExpansionInput): TriggerView[] {
  const ordered = [...input.triggers].sort((left, right) => {
    if (left.occurredOn === right.occurredOn) return 0;
    if (left.occurredOn === null) return 1;
    if (right.occurredOn === null) return -1;
    return compareText(right.occurredOn, left.occurredOn);
  });
  return ordered.map((trigger) => ({
    id: trigger.id,
    type: trigger.type,
    occurredOn: trigger.occurredOn,
    description: trigger.description,
    isRecent: recentTriggers([trigger], input.asOf).length > 0
  }));
}

/** Lists the account's champion first, then the contacts named Champion on Opportunities or on the account relation. */
function championsOf(input: ExpansionInput): ChampionView[] {
  const byContact = new Map<string, ChampionView>();
  const add = (contactId: string, name: string | null, title: string | null, source: string): void => {
    let champion = byContact.get(contactId);
    if (champion === undefined) {
      champion = { contactId, name: null, title: null, sources: [] };
      byContact.set(contactId, champion);
    }
    champion.name ??= name;
    champion.title ??= title;
    if (!champion.sources.includes(source)) {
      champion.sources.push(source);
    }
  };
  const { account } = input;
  if (account.championId !== null) {
    add(account.championId, account.championName, account.championTitle, 'Account champion');
  }
  const opportunityRoles = input.championRoles
    .filter((role) => role.opportunityId !== null)
    .sort((left, right) => compareText(left.name ?? '', right.name ?? ''));
  for (const role of opportunityRoles) {
    add(role.contactId, role.name, role.title, `Champion on opportunity ${role.opportunityName ?? role.opportunityId}`);
  }
  for (const role of input.championRoles.filter((candidate) => candidate.opportunityId === null)) {
    add(role.contactId, role.name, role.title, 'Champion role on the account');
  }

  const champions: ChampionView[] = [];
  if (account.championId !== null) {
    champions.push(byContact.get(account.championId) as ChampionView);
    byContact.delete(account.championId);
  }
  const rest = [...byContact.values()].sort((left, right) =>
    compareText(
      `${(left.name ?? '').toLowerCase()}|${left.contactId}`,
      `${(right.name ?? '').toLowerCase()}|${right.contactId}`
    )
  );
  return [...champions, ...rest];
}

/**
 * Finds, per product, the open Opportunity a hand-off created for it: one whose line item carries the product and
 * whose name is the hand-off name of that product, else one named as a hand-off of it. A renewal or another open
 * Opportunity that carries the product is not a hand-off.
 * NOTE: ExpansionMapView also counts an open line item whose Opportunity has ExpansionHypothesis__c set, such as a
 * renamed hand-off. The export has no ExpansionHypothesis__c column, so the offline map finds hand-offs by name only.
 */
function openOpportunitiesByCode(input: ExpansionInput): Map<string, { id: string; name: string }> {
  const byCode = new Map<string, { id: string; name: string }>();
  for (const item of input.lineItems.filter((candidate) => !candidate.isClosed)) {
    const code = item.productCode?.trim() ?? '';
    const isHandOff =
      item.productName !== null && item.opportunityName === handOffName(input.account.name, item.productName);
    if (code !== '' && isHandOff && !byCode.has(code)) {
      byCode.set(code, { id: item.opportunityId, name: item.opportunityName });
    }
  }
  const byName = new Map<string, OpportunityRecord>();
  for (const opportunity of input.openOpportunities) {
    if (!byName.has(opportunity.name)) {
      byName.set(opportunity.name, opportunity);
    }
  }
  for (const product of input.products) {
    const code = product.productCode?.trim() ?? '';
    const named = byName.get(handOffName(input.account.name, product.name));
    if (code !== '' && product.isActive && named !== undefined && !byCode.has(code)) {
      byCode.set(code, { id: named.id, name: named.name });
    }
  }
  return byCode;
}

/**
 * Builds the expansion map of one account. A moved champion (Champion__c naming a contact of another account) is not
 * counted, as the health scores do not count one.
 * @param input The account, its records and the catalog.
 */
export function buildExpansionMap(input: ExpansionInput): ExpansionMapView {
  const footprint = footprintOf(input);
  const { month, byFeature } = latestAdoption(input.facts);
  const prerequisiteKeys = new Set<string>();
  for (const record of input.catalog) {
    if (record.isActive) {
      record.prerequisiteFeatures.forEach((key) => prerequisiteKeys.add(key));
    }
  }
  const adoption = [...prerequisiteKeys]
    .sort(compareText)
    .map((key) => featureAdoption(input.features, key, byFeature.get(key) ?? null));
  const featureTargets: Record<string, number> = {};
  const featureLabels: Record<string, string> = {};
  for (const [key, feature] of input.features) {
    featureTargets[key] = feature.targetPercent;
    featureLabels[key] = feature.label;
  }
  const adoptionByFeature: Record<string, number | null> = Object.fromEntries(byFeature);

  const { catalog, productIdByCode, priceByCode } = catalogOf(input);
  const triggers = triggersOf(input);
  const champions = championsOf(input);
  const recentCount = triggers.filter((trigger) => trigger.isRecent).length;
  const latestRecent = recentTriggers(
    input.triggers.map((trigger) => ({
      type: trigger.type,
      occurredOn: trigger.occurredOn,
      description: trigger.description
    })),
    input.asOf
  )[0];
  const champion: ChampionRow | null =
    champions.length > 0 && champions[0]?.name != null ? { name: champions[0].name, title: champions[0].title } : null;

  const grid = whitespaceGrid(catalog, [...footprint.keys()], adoptionByFeature, featureTargets);
  const productsByCode = new Map(catalog.map((product) => [product.productCode, product]));
  const openByCode = openOpportunitiesByCode(input);
  const familyById = new Map(input.products.map((product) => [product.id, product.family?.trim() || null]));
  const rows = grid.map((cell): CatalogProductView => {
    const product = productsByCode.get(cell.productCode) as ExpansionProduct;
    const price = priceByCode.get(cell.productCode) ?? null;
    const open = openByCode.get(cell.productCode) ?? null;
    const row: CatalogProductView = {
      productCode: cell.productCode,
      productName: cell.productName,
      productId: productIdByCode.get(cell.productCode) ?? null,
      productFamily: familyById.get(productIdByCode.get(cell.productCode) ?? '') ?? null,
      status: cell.status,
      readiness: cell.readiness,
      reason: cell.reason,
      valueStatement: product.valueStatement,
      listPrice: price?.unitPrice ?? null,
      prerequisites: cell.prerequisites.map((prerequisite) => ({
        ...featureAdoption(input.features, prerequisite.featureKey, prerequisite.percent),
        targetPercent: prerequisite.target,
        hasData: prerequisite.hasData
      })),
      requiredProducts: product.requiredProducts,
      missingProducts: cell.missingProducts,
      approach: null,
      approachReason: null,
      hypothesis: null,
      evidence: [],
      openOpportunityId: open?.id ?? null,
      openOpportunityName: open?.name ?? null,
      canHandOff: false,
      priceEntry: price
    };
    if (cell.status !== 'Owned') {
      const approach = recommendApproach({
        triggerCount: recentCount,
        hasChampion: champions.length > 0,
        listPrice: row.listPrice,
        arr: input.account.annualRecurringRevenue
      });
      const hypothesis = valueHypothesis({
        customer: input.account.name,
        product,
        cell,
        featureLabels,
        trigger: latestRecent ?? null,
        champion
      });
      row.approach = approach.approach;
      row.approachReason = approach.reason;
      row.hypothesis = hypothesis.hypothesis;
      row.evidence = hypothesis.evidence;
      row.canHandOff = open === null;
    }
    return row;
  });

  const footprintRows = [...footprint.values()].sort((left, right) =>
    compareText(
      `${left.productName.toLowerCase()}|${left.productCode}`,
      `${right.productName.toLowerCase()}|${right.productCode}`
    )
  );
  return {
    account: input.account,
    asOf: input.asOf,
    adoptionMonth: month,
    footprint: footprintRows,
    catalog: rows,
    adoption,
    triggers,
    champions,
    grid,
    emptyMessage:
      catalog.length === 0
        ? 'No expansion product is configured. Ask your admin to add active Expansion Product records whose ' +
          'ProductCode matches an active product.'
        : null
  };
}

/**
 * Turns an expansion map into the model of the Markdown renderer `renderExpansionMap`: one opportunity per whitespace
 * product, with the open Opportunity that carries it once handed off.
 * @param view The map.
 */
export function expansionMapModelOf(view: ExpansionMapView): ExpansionMapModel {
  return {
    customer: view.account.name,
    asOf: view.asOf,
    grid: view.grid,
    triggers: view.triggers.map((trigger) => ({
      type: trigger.type,
      occurredOn: trigger.occurredOn,
      description: trigger.description
    })),
    champions: view.champions.map((champion) => ({ name: champion.name ?? champion.contactId, title: champion.title })),
    opportunities: view.catalog
      .filter((row) => row.status !== 'Owned')
      .map((row) => ({
        productCode: row.productCode,
        productName: row.productName,
        status: row.status,
        readiness: row.readiness,
        approach: row.approach as ExpansionApproach,
        approachReason: row.approachReason ?? '',
        hypothesis: row.hypothesis ?? '',
        evidence: row.evidence,
        opportunityName: row.openOpportunityName
      }))
  };
}

/**
 * Pure functions that turn the expansion map of ExpansionMapController into what the expansionMap template shows.
 * They build the whitespace grid, the footprint, the business triggers, the champions and the opportunity of each
 * whitespace product. They also check the trigger and hand-off forms and build the model of the Markdown export.
 */
import { formatNumber, parseIsoDate } from 'c/healthEngine';
import {
  compareText,
  EXPANSION_APPROACHES,
  TRIGGER_TYPES,
  WHITESPACE_STATUS_LABELS,
  WHITESPACE_STATUSES,
  triggerTitle
} from 'c/adoptionEngine';
import type {
  ExpansionApproach,
  ExpansionMapModel,
  TriggerType,
  WhitespaceCell,
  WhitespaceStatus
} from 'c/adoptionEngine';

type ExpansionMap = ApexTypes.ExpansionMapController_ExpansionMap;
type CatalogProduct = ApexTypes.ExpansionMapController_CatalogProduct;

/** Start of the Apex messages of access failures. */
export const ACCESS_DENIED_PREFIX = 'Access denied: ';

/** Length of BusinessTrigger__c.Description__c. */
export const TRIGGER_DESCRIPTION_LENGTH = 255;

/** Length of Opportunity.ExpansionHypothesis__c. */
export const HYPOTHESIS_LENGTH = 32768;

const STATUS_DISPLAY: Record<WhitespaceStatus, { label: string; className: string }> = {
  Owned: { label: WHITESPACE_STATUS_LABELS.Owned, className: 'status status_owned' },
  Ready: { label: WHITESPACE_STATUS_LABELS.Ready, className: 'status status_ready' },
  Developing: { label: WHITESPACE_STATUS_LABELS.Developing, className: 'status status_developing' },
  NotReady: { label: WHITESPACE_STATUS_LABELS.NotReady, className: 'status status_not-ready' },
  Unknown: { label: WHITESPACE_STATUS_LABELS.Unknown, className: 'status status_unknown' }
};

const APPROACH_LABELS: Record<ExpansionApproach, string> = {
  UserLed: 'User-led',
  ExecutiveSponsored: 'Executive-sponsored',
  EventTriggered: 'Event-triggered'
};

/** Option of a combobox. */
export interface Option {
  label: string;
  value: string;
}

/** One product of the whitespace grid as the template shows it. */
export interface GridRow {
  key: string;
  productName: string;
  productCode: string;
  statusLabel: string;
  className: string;
  readinessText: string;
  reason: string;
  handedOffText: string;
}

/** The products of one product family in the whitespace grid. */
export interface GridGroup {
  key: string;
  /** Product2.Family, or `No product family` for the products without one. */
  familyLabel: string;
  /** False when no product of the catalog has a family, so the grid needs no family headings. */
  showHeading: boolean;
  rows: GridRow[];
}

/** A product the account owns. */
export interface FootprintRow {
  key: string;
  productName: string;
  /** `, <sources>, since <date>`, to follow the product name. */
  detailText: string;
}

/** A business trigger as the template shows it. */
export interface TriggerRow {
  key: string;
  typeLabel: string;
  /** `, <date>`, to follow the type. */
  dateText: string;
  description: string;
  isRecent: boolean;
}

/** A champion as the template shows it. */
export interface ChampionRow {
  key: string;
  name: string;
  /** `, <title>` to follow the name; empty without a title. */
  titleText: string;
  sourcesText: string;
}

/** A whitespace product with its approach, value hypothesis and evidence. */
export interface OpportunityRow {
  key: string;
  productCode: string;
  productName: string;
  headingId: string;
  statusLabel: string;
  readinessText: string;
  valueStatement: string;
  approachLabel: string;
  approachReason: string;
  hypothesis: string;
  evidence: { key: string; text: string }[];
  hasEvidence: boolean;
  prerequisitesText: string;
  canHandOff: boolean;
  handOffTitle: string;
  isHandedOff: boolean;
  opportunityId: string;
  opportunityName: string;
  opportunityUrl: string;
}

/** Values of the form that records a business trigger. */
export interface TriggerForm {
  type: string;
  occurredOn: string;
  description: string;
}

/** Message per invalid field of a form. A field without a message is valid. */
export type FormErrors = Record<string, string>;

function isNumber(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isStatus(value: string | null | undefined): value is WhitespaceStatus {
  return (WHITESPACE_STATUSES as readonly string[]).includes(value ?? '');
}

function isApproach(value: string | null | undefined): value is ExpansionApproach {
  return (EXPANSION_APPROACHES as readonly string[]).includes(value ?? '');
}

function isTriggerType(value: string | null | undefined): value is TriggerType {
  return (TRIGGER_TYPES as readonly string[]).includes(value ?? '');
}

function statusOf(product: CatalogProduct): WhitespaceStatus {
  return isStatus(product.status) ? product.status : 'Unknown';
}

function readinessText(product: CatalogProduct): string {
  if (statusOf(product) === 'Owned') {
    return 'Owned';
  }
  return isNumber(product.readiness) ? `${formatNumber(product.readiness)}%` : 'Not known';
}

/**
 * Returns the label of a business trigger type, such as `Funding round`.
 * @param type Type__c value of BusinessTrigger__c.
 */
export function triggerTypeLabel(type: string | null | undefined): string {
  return isTriggerType(type) ? triggerTitle(type) : (type ?? 'Business event');
}

/** Trigger types in picklist order. */
export const TRIGGER_TYPE_OPTIONS: Option[] = TRIGGER_TYPES.map((value) => ({ label: triggerTypeLabel(value), value }));

/**
 * Returns the Lightning Experience URL of an Opportunity record page, for a link that opens in a new tab too.
 * @param opportunityId Id of the Opportunity.
 */
export function opportunityUrl(opportunityId: string): string {
  return `/lightning/r/Opportunity/${opportunityId}/view`;
}

/**
 * Builds the whitespace grid in the order Apex returns the catalog (by product name).
 * @param map The expansion map.
 */
export function buildGridRows(map: ExpansionMap): GridRow[] {
  return (map.catalog ?? []).map((product, index) => {
    const status = statusOf(product);
    return {
      key: product.productCode ?? `product-${index}`,
      productName: product.productName ?? product.productCode ?? 'Unnamed product',
      productCode: product.productCode ?? '',
      statusLabel: STATUS_DISPLAY[status].label,
      className: STATUS_DISPLAY[status].className,
      readinessText: readinessText(product),
      reason: product.reason?.trim() ?? '',
      handedOffText: product.openOpportunityName ? `Handed off: ${product.openOpportunityName}` : ''
    };
  });
}

/** Label of the grid group of the products without a Product2.Family. */
export const NO_FAMILY_LABEL = 'No product family';

/**
 * Groups the whitespace grid by Product2.Family: families in alphabetical order (by UTF-16 code units, as Apex
 * sorts), then the products without a family. Within a family the products keep the catalog order (by name).
 * @param map The expansion map.
 */
export function buildGridGroups(map: ExpansionMap): GridGroup[] {
  const rows = buildGridRows(map);
  const families = (map.catalog ?? []).map((product) => product.productFamily?.trim() || null);
  const showHeading = families.some((family) => family !== null);
  const byFamily = new Map<string | null, GridRow[]>();
  rows.forEach((row, index) => {
    const family = families[index];
    const familyRows = byFamily.get(family);
    if (familyRows === undefined) {
      byFamily.set(family, [row]);
    } else {
      familyRows.push(row);
    }
  });
  const named = [...byFamily.keys()].filter((family): family is string => family !== null).sort(compareText);
  const ordered: (string | null)[] = byFamily.has(null) ? [...named, null] : named;
  return ordered.map((family, index) => ({
    key: `family-${index}`,
    familyLabel: family ?? NO_FAMILY_LABEL,
    showHeading,
    rows: byFamily.get(family) ?? []
  }));
}

/**
 * Lists the products the account owns, each with where the ownership comes from and since when.
 * @param map The expansion map.
 */
export function buildFootprintRows(map: ExpansionMap): FootprintRow[] {
  return (map.footprint ?? []).map((owned, index) => {
    const sources = (owned.sources ?? []).join(' and ') || 'source not known';
    const since = owned.since ? `, since ${owned.since}` : '';
    return {
      key: owned.productCode ?? owned.productId ?? `owned-${index}`,
      productName: owned.productName ?? owned.productCode ?? 'Unnamed product',
      detailText: `, ${sources}${since}`
    };
  });
}

/**
 * Lists the business triggers in the order Apex returns them (newest first).
 * @param map The expansion map.
 */
export function buildTriggerRows(map: ExpansionMap): TriggerRow[] {
  return (map.triggers ?? []).map((trigger, index) => ({
    key: trigger.id ?? `trigger-${index}`,
    typeLabel: triggerTypeLabel(trigger.type),
    dateText: `, ${trigger.occurredOn ?? 'date not set'}`,
    description: trigger.description?.trim() || 'No description',
    isRecent: trigger.isRecent === true
  }));
}

/**
 * Lists the champions with where each is named champion.
 * @param map The expansion map.
 */
export function buildChampionRows(map: ExpansionMap): ChampionRow[] {
  return (map.champions ?? []).map((champion, index) => ({
    key: champion.contactId ?? `champion-${index}`,
    name: champion.name ?? 'Unnamed contact',
    titleText: champion.title?.trim() ? `, ${champion.title.trim()}` : '',
    sourcesText: (champion.sources ?? []).join('; ')
  }));
}

function prerequisitesText(product: CatalogProduct): string {
  const prerequisites = product.prerequisites ?? [];
  if (prerequisites.length === 0) {
    return 'No prerequisite feature';
  }
  const parts = prerequisites.map((feature) => {
    const label = feature.label ?? feature.featureKey ?? 'feature';
    if (feature.hasData !== true || !isNumber(feature.adoptionPercent)) {
      return `${label} not measured`;
    }
    const target = isNumber(feature.targetPercent) ? ` of ${formatNumber(feature.targetPercent)}% target` : '';
    return `${label} ${formatNumber(feature.adoptionPercent)}%${target}`;
  });
  return `Prerequisites: ${parts.join(', ')}`;
}

/**
 * Builds an opportunity per whitespace product (every product the account does not own), in catalog order.
 * @param map The expansion map.
 */
export function buildOpportunityRows(map: ExpansionMap): OpportunityRow[] {
  return (map.catalog ?? [])
    .filter((product) => statusOf(product) !== 'Owned')
    .map((product, index) => {
      const productCode = product.productCode ?? '';
      const productName = product.productName ?? (productCode || 'Unnamed product');
      const opportunityId = product.openOpportunityId ?? '';
      const evidence = (product.evidence ?? []).map((text, at) => ({ key: `${productCode}-evidence-${at}`, text }));
      return {
        key: productCode || `opportunity-${index}`,
        productCode,
        productName,
        headingId: `opportunity-heading-${index}`,
        statusLabel: STATUS_DISPLAY[statusOf(product)].label,
        readinessText: readinessText(product),
        valueStatement: product.valueStatement?.trim() ?? '',
        approachLabel: isApproach(product.approach) ? APPROACH_LABELS[product.approach] : 'Not recommended',
        approachReason: product.approachReason?.trim() ?? '',
        hypothesis: product.hypothesis?.trim() ?? '',
        evidence,
        hasEvidence: evidence.length > 0,
        prerequisitesText: prerequisitesText(product),
        canHandOff: map.canHandOff === true && product.canHandOff === true && productCode !== '',
        handOffTitle: `Hand off ${productName} to sales`,
        isHandedOff: opportunityId !== '',
        opportunityId,
        opportunityName: product.openOpportunityName ?? 'Open Opportunity',
        opportunityUrl: opportunityId === '' ? '' : opportunityUrl(opportunityId)
      };
    });
}

function isIsoDate(value: string): boolean {
  try {
    parseIsoDate(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Returns an empty trigger form dated today.
 * @param today The current day as `YYYY-MM-DD`.
 */
export function emptyTriggerForm(today: string): TriggerForm {
  return { type: '', occurredOn: today, description: '' };
}

/**
 * Checks the trigger form as ExpansionMapService checks the trigger: a known type, a date up to today, and a
 * description of at most 255 characters.
 * @param form Values as entered.
 * @param today The current day as `YYYY-MM-DD`.
 */
export function validateTriggerForm(form: TriggerForm, today: string): FormErrors {
  const errors: FormErrors = {};
  if (form.type === '') {
    errors.type = 'Choose the type of the event.';
  } else if (!isTriggerType(form.type)) {
    errors.type = `${form.type} is not a trigger type. Choose one from the list.`;
  }
  if (form.occurredOn === '') {
    errors.occurredOn = 'Enter the day the event happened.';
  } else if (!isIsoDate(form.occurredOn)) {
    errors.occurredOn = `${form.occurredOn} is not a date. Enter a date such as ${today}.`;
  } else if (form.occurredOn > today) {
    errors.occurredOn = `${form.occurredOn} is in the future. Record the event once it has happened, with a date up to ${today}.`;
  }
  const length = form.description.trim().length;
  if (length > TRIGGER_DESCRIPTION_LENGTH) {
    errors.description = `The description is ${length} characters long, more than the ${TRIGGER_DESCRIPTION_LENGTH} allowed. Shorten it.`;
  }
  return errors;
}

/**
 * Checks the hypothesis of the hand-off dialog: it must not be blank, because sales reads it first, and it must fit
 * Opportunity.ExpansionHypothesis__c.
 * @param hypothesis The hypothesis as edited.
 * @returns The message, or an empty string when it is valid.
 */
export function validateHypothesis(hypothesis: string): string {
  const length = hypothesis.trim().length;
  if (length === 0) {
    return 'Enter the value hypothesis: why the customer gains from the product, in a few sentences.';
  }
  if (length > HYPOTHESIS_LENGTH) {
    return `The hypothesis is ${length} characters long, more than the ${HYPOTHESIS_LENGTH} allowed. Shorten it.`;
  }
  return '';
}

function gridCellOf(product: CatalogProduct, namesByCode: ReadonlyMap<string, string>): WhitespaceCell {
  const missing = product.missingProducts ?? [];
  return {
    productCode: product.productCode ?? '',
    productName: product.productName ?? product.productCode ?? '',
    status: statusOf(product),
    readiness: isNumber(product.readiness) ? product.readiness : null,
    reason: product.reason ?? '',
    prerequisites: (product.prerequisites ?? []).map((feature) => ({
      featureKey: feature.featureKey ?? '',
      percent: feature.adoptionPercent,
      target: feature.targetPercent,
      hasData: feature.hasData === true
    })),
    missingProducts: missing,
    missingProductNames: missing.map((code) => namesByCode.get(code) ?? code)
  };
}

/**
 * Builds the model of `renderExpansionMap`, as `npm run score` exports it: the grid in catalog order, the triggers,
 * the champions, and one opportunity per whitespace product with the open Opportunity that carries it once handed
 * off.
 * @param map The expansion map.
 */
export function buildExpansionMapModel(map: ExpansionMap): ExpansionMapModel {
  const catalog = map.catalog ?? [];
  // Type__c is a restricted picklist, so a trigger of another type cannot exist in the org.
  const triggers = (map.triggers ?? [])
    .filter((trigger) => isTriggerType(trigger.type))
    .map((trigger) => ({
      type: trigger.type as TriggerType,
      occurredOn: trigger.occurredOn,
      description: trigger.description
    }));
  const namesByCode = new Map(
    catalog.map((product) => [product.productCode ?? '', product.productName ?? product.productCode ?? ''])
  );
  return {
    customer: map.accountName ?? '',
    asOf: map.asOf ?? '',
    grid: catalog.map((product) => gridCellOf(product, namesByCode)),
    triggers,
    champions: (map.champions ?? []).map((champion) => ({
      name: champion.name ?? champion.contactId ?? '',
      title: champion.title
    })),
    opportunities: catalog
      .filter((product) => statusOf(product) !== 'Owned')
      .map((product) => ({
        productCode: product.productCode ?? '',
        productName: product.productName ?? product.productCode ?? '',
        status: statusOf(product),
        readiness: isNumber(product.readiness) ? product.readiness : null,
        // Apex recommends an approach for every product the account does not own, so User-led only fills a missing value.
        approach: isApproach(product.approach) ? product.approach : 'UserLed',
        approachReason: product.approachReason ?? '',
        hypothesis: product.hypothesis ?? '',
        evidence: product.evidence ?? [],
        opportunityName: product.openOpportunityName
      }))
  };
}

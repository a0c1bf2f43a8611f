/**
 * ExpansionMapController offline, with the checks and messages of ExpansionMapService and the map that
 * ExpansionMapView builds, computed from the export's products, Assets, Opportunity products, champions, business
 * triggers and adoption facts with the reference engine.
 *
 * Business triggers recorded in the cockpit and the Opportunities that hand-offs create are kept in the change store
 * and join the export's records, so a hand-off shows as an open Opportunity of its product from then on. An export
 * carries no OpportunityStage records, so a hand-off opens in Prospecting, the first open stage of a new org.
 */
import { TRIGGER_TYPES } from 'c/adoptionEngine';
import { formatIsoDate, parseIsoDate } from 'c/healthEngine';
import { buildExpansionMap, expansionInputOf, handOffName } from '../lib/adoption';
import type { CatalogProductView, ExpansionMapView } from '../lib/adoption';
import type { LineItemRecord, OpportunityRecord, TriggerRecord } from '../lib/export';
import {
  ACCESS_DENIED_PREFIX,
  adoptionStateOf,
  factsOf,
  fail,
  newRecordId,
  PERMISSION_SET_HINT,
  requireAccount,
  requireAccountId
} from './adoptionScorecard';
import type { AdoptionContext } from './adoptionScorecard';
import type { StoredHandOff } from './adoptionRecords';
import type { AccountState } from './data';
import { syntheticId } from './ids';

type ExpansionMapDto = ApexTypes.ExpansionMapController_ExpansionMap;
type CatalogProductDto = ApexTypes.ExpansionMapController_CatalogProduct;

/** Days from the scoring date to the Close Date of a handed-off Opportunity. */
export const HANDOFF_CLOSE_DAYS = 90;
/** Stage of a handed-off Opportunity: the first open stage of the standard sales process. */
export const HANDOFF_STAGE = 'Prospecting';
/** Length of BusinessTrigger__c.Description__c. */
const DESCRIPTION_LENGTH = 255;
/** Length of Opportunity.ExpansionHypothesis__c. */
const HYPOTHESIS_LENGTH = 32768;

function compareText(left: string, right: string): number {
  if (left === right) {
    return 0;
  }
  return left < right ? -1 : 1;
}

function storedHandOffsOf(context: AdoptionContext, accountId: string): StoredHandOff[] {
  return context.store
    .list('handOffs')
    .filter((handOff) => handOff.accountId === accountId)
    .sort((left, right) => compareText(left.createdAt, right.createdAt));
}

/** Returns the business triggers of an account: the ones recorded in the cockpit, newest first, then the export's. */
function triggersOf(context: AdoptionContext, state: AccountState): TriggerRecord[] {
  const accountId = state.signals.accountId;
  const recorded = context.store
    .list('businessTriggers')
    .filter((trigger) => trigger.accountId === accountId)
    .sort((left, right) => compareText(right.createdAt, left.createdAt))
    .map((trigger) => ({
      id: trigger.id,
      type: trigger.type,
      occurredOn: trigger.occurredOn,
      description: trigger.description
    }));
  const exported = context.data.exportContent.adoption.accounts.get(accountId)?.triggers ?? [];
  return [...recorded, ...exported];
}

/** Builds the map of an account from the export and the store, before the user's permissions are applied. */
function loadMap(context: AdoptionContext, accountIdParam: string): ExpansionMapView {
  if (!context.user.canReadAdoption) {
    fail(`${ACCESS_DENIED_PREFIX}you cannot read business triggers or products. ${PERMISSION_SET_HINT}`);
  }
  const state = requireAccount(context.data, accountIdParam);
  const { metadata } = adoptionStateOf(context.data);
  const accountId = state.signals.accountId;
  const input = expansionInputOf(
    context.data.exportContent,
    metadata,
    accountId,
    factsOf(context.data, state),
    context.data.asOf
  );
  const handOffs = storedHandOffsOf(context, accountId);
  const opportunities: OpportunityRecord[] = handOffs.map((handOff) => ({
    id: handOff.id,
    accountId,
    name: handOff.name,
    isClosed: false,
    isWon: false,
    closeDate: handOff.closeDate
  }));
  const lineItems: LineItemRecord[] = handOffs.flatMap((handOff) =>
    handOff.lineItemId === null
      ? []
      : [
          {
            id: handOff.lineItemId,
            opportunityId: handOff.id,
            opportunityName: handOff.name,
            isClosed: false,
            isWon: false,
            closeDate: handOff.closeDate,
            productId: handOff.productId,
            productCode: handOff.productCode,
            productName: handOff.productName
          }
        ]
  );
  return buildExpansionMap({
    ...input,
    account: { ...input.account, name: state.signals.accountName },
    triggers: triggersOf(context, state),
    openOpportunities: [...input.openOpportunities, ...opportunities],
    lineItems: [...input.lineItems, ...lineItems]
  });
}

function toCatalogDto(row: CatalogProductView, canHandOff: boolean): CatalogProductDto {
  return {
    productCode: row.productCode,
    productName: row.productName,
    productId: row.productId,
    productFamily: row.productFamily,
    status: row.status,
    readiness: row.readiness,
    reason: row.reason,
    valueStatement: row.valueStatement,
    listPrice: row.listPrice,
    prerequisites: row.prerequisites.map((prerequisite) => ({ ...prerequisite })),
    requiredProducts: row.requiredProducts,
    missingProducts: row.missingProducts,
    approach: row.approach,
    approachReason: row.approachReason,
    hypothesis: row.hypothesis,
    evidence: row.evidence,
    openOpportunityId: row.openOpportunityId,
    openOpportunityName: row.openOpportunityName,
    canHandOff: row.canHandOff && canHandOff
  };
}

/**
 * Loads the expansion map of an account, as ExpansionMapController.getExpansionMap does.
 * @param context Data, store, user and clock.
 * @param accountIdParam Id of the account.
 */
export function getExpansionMap(context: AdoptionContext, accountIdParam: string | null): ExpansionMapDto {
  const accountId = requireAccountId(accountIdParam, 'expansion map', 'Open the expansion map');
  const map = loadMap(context, accountId);
  return {
    accountId: map.account.accountId,
    accountName: map.account.name,
    asOf: map.asOf,
    annualRecurringRevenue: map.account.annualRecurringRevenue,
    adoptionMonth: map.adoptionMonth,
    footprint: map.footprint.map((owned) => ({ ...owned })),
    catalog: map.catalog.map((row) => toCatalogDto(row, context.user.canHandOff)),
    adoption: map.adoption.map((adoption) => ({ ...adoption })),
    triggers: map.triggers.map((trigger) => ({ ...trigger })),
    champions: map.champions.map((champion) => ({ ...champion })),
    canRecordTriggers: context.user.canRecordTriggers,
    canHandOff: context.user.canHandOff,
    emptyMessage: map.emptyMessage
  };
}

/**
 * Records a business trigger of an account in the change store, as ExpansionMapController.recordTrigger does.
 * @returns Id of the new trigger.
 */
export function recordTrigger(
  context: AdoptionContext,
  accountIdParam: string | null,
  type: string | null,
  occurredOn: string | null,
  description: string | null
): string {
  const accountId = requireAccountId(accountIdParam, 'expansion map', 'Open the expansion map');
  if (!context.user.canRecordTriggers) {
    fail(`${ACCESS_DENIED_PREFIX}you cannot record business triggers. ${PERMISSION_SET_HINT}`);
  }
  const typeValue = TRIGGER_TYPES.find((candidate) => candidate === (type?.trim() ?? ''));
  if (typeValue === undefined) {
    const problem =
      (type?.trim() ?? '') === '' ? 'Type is missing.' : `Type ${type?.trim() ?? ''} is not a valid value.`;
    fail(`${problem} Choose one of ${TRIGGER_TYPES.join(', ')}.`);
  }

  const asOf = context.data.asOf;
  if (occurredOn === null) {
    fail('The date of the event is missing. Enter the day it happened.');
  }
  if (occurredOn > asOf) {
    fail(`Date ${occurredOn} is in the future. Record the event once it has happened, with a date up to ${asOf}.`);
  }
  const text = description === null || description.trim() === '' ? null : description.trim();
  if (text !== null && text.length > DESCRIPTION_LENGTH) {
    fail(`Description is ${text.length} characters long, more than the ${DESCRIPTION_LENGTH} allowed. Shorten it.`);
  }
  const state = requireAccount(context.data, accountId);

  const createdAt = context.now().toISOString();
  const id = newRecordId(
    'BusinessTrigger',
    `${state.signals.accountId}:${typeValue}:${occurredOn}:${createdAt}`,
    (candidate) => context.store.get('businessTriggers', candidate) !== undefined
  );
  context.store.put('businessTriggers', id, {
    id,
    accountId: state.signals.accountId,
    type: typeValue,
    occurredOn,
    description: text,
    createdAt
  });
  return id;
}

function requireWhitespace(map: ExpansionMapView, code: string): CatalogProductView {
  const found = map.catalog.find((row) => row.productCode === code);
  if (found === undefined) {
    const codes = map.catalog.map((row) => row.productCode);
    fail(
      `Product ${code} is not in the expansion catalog.` +
        (codes.length === 0
          ? ' No expansion product is configured; ask your admin to add active Expansion Product records.'
          : ` Choose one of ${codes.join(', ')}.`)
    );
  }
  if (found.status === 'Owned') {
    fail(
      `Account ${map.account.name} already owns ${found.productName}, so there is nothing to hand off. Choose a ` +
        'whitespace product.'
    );
  }
  if (found.openOpportunityId !== null) {
    fail(
      `Opportunity ${found.openOpportunityName ?? found.openOpportunityId} is already open for ${found.productName}. ` +
        'Work that opportunity instead of handing the product off again.'
    );
  }
  return found;
}

/**
 * Hands a whitespace product over to sales, as ExpansionMapController.handOff does. It creates an Opportunity named
 * "<Account> - <Product> expansion" that closes 90 days after the scoring date and carries the hypothesis, the evidence
 * and the approach, with a line item at the standard list price when the product has one. Both are kept in the change
 * store.
 * @returns Id of the new Opportunity.
 */
export function handOff(
  context: AdoptionContext,
  accountIdParam: string | null,
  productCode: string | null,
  hypothesis: string | null
): string {
  const accountId = requireAccountId(accountIdParam, 'expansion map', 'Open the expansion map');
  if (!context.user.canHandOff) {
    fail(
      `${ACCESS_DENIED_PREFIX}you cannot create Opportunities with the expansion hypothesis, evidence and approach. ` +
        PERMISSION_SET_HINT
    );
  }
  const code = productCode?.trim() ?? '';
  if (code === '') {
    fail('The product code is missing. Choose a whitespace product of the map.');
  }
  const edited = hypothesis === null || hypothesis.trim() === '' ? null : hypothesis.trim();
  if (edited !== null && edited.length > HYPOTHESIS_LENGTH) {
    fail(`Hypothesis is ${edited.length} characters long, more than the ${HYPOTHESIS_LENGTH} allowed. Shorten it.`);
  }
  const map = loadMap(context, accountId);
  const product = requireWhitespace(map, code);

  const createdAt = context.now().toISOString();
  const id = newRecordId(
    'Opportunity',
    `${map.account.accountId}:${code}:${createdAt}`,
    (candidate) => context.store.get('handOffs', candidate) !== undefined
  );
  const price = product.priceEntry;
  context.store.put('handOffs', id, {
    id,
    accountId: map.account.accountId,
    name: handOffName(map.account.name, product.productName),
    stageName: HANDOFF_STAGE,
    closeDate: formatIsoDate(parseIsoDate(context.data.asOf, 'asOf') + HANDOFF_CLOSE_DAYS),
    hypothesis: edited ?? product.hypothesis ?? '',
    evidence: product.evidence.join('\n'),
    approach: product.approach ?? 'UserLed',
    productCode: code,
    productId: product.productId,
    productName: product.productName,
    lineItemId: price === null ? null : syntheticId('OpportunityLineItem', `${id}:${price.id}`),
    unitPrice: price?.unitPrice ?? null,
    createdAt,
    createdById: context.user.id
  });
  return id;
}

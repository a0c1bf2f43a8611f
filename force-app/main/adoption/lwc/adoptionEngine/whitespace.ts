import { parseIsoDate, roundTo } from 'c/healthEngine';
import { DEVELOPING_PERCENT, EXECUTIVE_PRICE_SHARE, READY_PERCENT, TRIGGER_WINDOW_DAYS } from './constants';
import { isNumber, joinWords, lowerFirst, percentText, plural, shareText, thresholdOf, withoutFullStop } from './text';
import type {
  ApproachInput,
  ApproachResult,
  BusinessTriggerRow,
  ExpansionProduct,
  HypothesisInput,
  PrerequisiteReadiness,
  TriggerType,
  ValueHypothesis,
  WhitespaceCell,
  WhitespaceStatus
} from './types';

/** Business trigger types in words, for sentences. */
export const TRIGGER_LABELS: Readonly<Record<TriggerType, string>> = {
  HeadcountGrowth: 'headcount growth',
  NewBusinessLine: 'new business line',
  Merger: 'merger',
  Acquisition: 'acquisition',
  Funding: 'funding round',
  LeadershipChange: 'leadership change',
  Other: 'business event'
};

/** Whitespace statuses as the page and the Markdown show them. */
export const WHITESPACE_STATUS_LABELS: Readonly<Record<WhitespaceStatus, string>> = {
  Owned: 'Owned',
  Ready: 'Ready',
  Developing: 'Developing',
  NotReady: 'Not ready',
  Unknown: 'Unknown'
};

/**
 * Returns a business trigger type as a title, such as `Funding round`.
 * @param type Type__c value of BusinessTrigger__c.
 */
export function triggerTitle(type: TriggerType): string {
  const label = TRIGGER_LABELS[type];
  return `${label.charAt(0).toUpperCase()}${label.slice(1)}`;
}

/**
 * Writes an amount of money in dollars with thousands separators, as the other cockpit reports do: `$78,000`, and
 * `$20,000.02` when cents remain after rounding half away from zero to 2 decimals.
 * @param value The amount.
 */
export function moneyText(value: number): string {
  const rounded = roundTo(Math.abs(value), 2);
  const [whole, cents] = rounded.toFixed(2).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = value < 0 && rounded > 0 ? '-' : '';
  return `${sign}$${grouped}${cents === '00' ? '' : `.${cents}`}`;
}

function valueOf<T>(map: Record<string, T>, key: string): T | null {
  return Object.prototype.hasOwnProperty.call(map, key) ? map[key] : null;
}

/**
 * Splits a comma-separated list of keys, such as PrerequisiteFeatures__c or RequiredProducts__c, into trimmed keys
 * without blanks or repeats, in their first order.
 * @param text The field value; null or blank gives an empty list.
 */
export function splitKeyList(text: string | null): string[] {
  if (text === null) {
    return [];
  }
  const keys: string[] = [];
  for (const part of text.split(',')) {
    const key = part.trim();
    if (key !== '' && !keys.includes(key)) {
      keys.push(key);
    }
  }
  return keys;
}

function prerequisitesOf(
  product: ExpansionProduct,
  adoptionByFeature: Record<string, number | null>,
  featureTargets: Record<string, number>
): PrerequisiteReadiness[] {
  const keys = splitKeyList(product.prerequisiteFeatures.join(','));
  return keys.map((featureKey) => {
    const percent = valueOf(adoptionByFeature, featureKey);
    const target = valueOf(featureTargets, featureKey);
    const hasData = isNumber(percent) && isNumber(target) && target > 0;
    return {
      featureKey,
      percent: isNumber(percent) ? percent : null,
      target: isNumber(target) ? target : null,
      hasData
    };
  });
}

function readinessOf(prerequisites: PrerequisiteReadiness[]): number | null {
  if (prerequisites.length === 0) {
    return 100;
  }
  const scores = prerequisites
    .filter((prerequisite) => prerequisite.hasData)
    .map((prerequisite) => Math.min(1, (prerequisite.percent as number) / (prerequisite.target as number)) * 100);
  if (scores.length === 0) {
    return null;
  }
  return roundTo(scores.reduce((sum, score) => sum + score, 0) / scores.length, 0);
}

function readinessReason(readiness: number, prerequisites: PrerequisiteReadiness[]): string {
  const withData = prerequisites.filter((prerequisite) => prerequisite.hasData).length;
  const withoutData = prerequisites.length - withData;
  const rest = withoutData === 0 ? '' : `; ${withoutData} more without data`;
  const targets = withData === 1 ? 'its target' : 'their targets';
  return (
    `Readiness ${percentText(readiness)} from the adoption of ${plural(withData, 'prerequisite feature')} ` +
    `against ${targets}${rest}.`
  );
}

/**
 * Builds the whitespace grid of one account: one cell per active catalog product, in catalog order.
 * - Owned when the account owns the product; its readiness is null.
 * - Otherwise readiness is the mean, over the prerequisite features with data (a percent and a positive target), of
 *   min(1, percent / target) × 100, rounded half away from zero to a whole number. A product without prerequisite
 *   features has readiness 100; one whose prerequisites all lack data has readiness null.
 * - Status, checked in this order: NotReady when a required product is not owned (the reason names it, and the
 *   readiness is still shown); Unknown when the readiness is null; Ready from READY_PERCENT (80); Developing from
 *   DEVELOPING_PERCENT (50); NotReady below. A missing required product comes first because the product cannot be
 *   sold before it, whatever the adoption shows.
 * @param catalog Expansion products with their prerequisites and required products.
 * @param ownedProductCodes ProductCodes the account owns.
 * @param adoptionByFeature Latest adoption percent of each feature in the whole account (segment All).
 * @param featureTargets TargetAdoptionPercent__c of each feature.
 */
export function whitespaceGrid(
  catalog: ExpansionProduct[],
  ownedProductCodes: string[],
  adoptionByFeature: Record<string, number | null>,
  featureTargets: Record<string, number>
): WhitespaceCell[] {
  const owned = new Set(ownedProductCodes);
  const nameByCode = new Map<string, string>();
  for (const product of catalog) {
    if (!nameByCode.has(product.productCode)) {
      nameByCode.set(product.productCode, product.productName);
    }
  }

  return catalog
    .filter((product) => product.isActive)
    .map((product) => {
      const prerequisites = prerequisitesOf(product, adoptionByFeature, featureTargets);
      const missingProducts = splitKeyList(product.requiredProducts.join(',')).filter((code) => !owned.has(code));
      const missingProductNames = missingProducts.map((code) => nameByCode.get(code) ?? code);
      const cell = {
        productCode: product.productCode,
        productName: product.productName,
        prerequisites,
        missingProducts,
        missingProductNames
      };
      if (owned.has(product.productCode)) {
        return { ...cell, status: 'Owned', readiness: null, reason: 'The account owns the product.' };
      }

      const readiness = readinessOf(prerequisites);
      if (missingProducts.length > 0) {
        const reason = `It requires ${joinWords(missingProductNames)}, which the account does not own.`;
        return { ...cell, status: 'NotReady', readiness, reason };
      }
      if (readiness === null) {
        const keys = joinWords(prerequisites.map((prerequisite) => prerequisite.featureKey));
        return { ...cell, status: 'Unknown', readiness, reason: `No adoption data yet for ${keys}.` };
      }
      if (prerequisites.length === 0) {
        return { ...cell, status: 'Ready', readiness, reason: 'It has no prerequisite features.' };
      }
      let status: WhitespaceCell['status'] = 'NotReady';
      if (readiness >= READY_PERCENT) {
        status = 'Ready';
      } else if (readiness >= DEVELOPING_PERCENT) {
        status = 'Developing';
      }
      return { ...cell, status, readiness, reason: readinessReason(readiness, prerequisites) };
    });
}

/**
 * Lists the business triggers within TRIGGER_WINDOW_DAYS (180) before the as-of date, both ends included, latest
 * first (ties in input order). Triggers without a date or dated after asOf are left out.
 * @param triggers Business triggers of one account.
 * @param asOf ISO date.
 * @throws Error when asOf or a trigger's date is not an ISO date.
 */
export function recentTriggers(triggers: BusinessTriggerRow[], asOf: string): BusinessTriggerRow[] {
  const asOfDay = parseIsoDate(asOf, 'asOf');
  return triggers
    .map((trigger, index) => ({
      trigger,
      day: trigger.occurredOn === null ? null : parseIsoDate(trigger.occurredOn, `triggers[${index}].occurredOn`)
    }))
    .filter(({ day }) => day !== null && day <= asOfDay && asOfDay - day <= TRIGGER_WINDOW_DAYS)
    .sort((left, right) => (right.day as number) - (left.day as number))
    .map(({ trigger }) => trigger);
}

function priceClause(listPrice: number, arr: number): string {
  return `the list price of ${moneyText(listPrice)} is ${shareText(listPrice, arr)} of the ARR of ${moneyText(arr)}`;
}

/**
 * Recommends who leads an expansion conversation, checked in this order:
 * 1. EventTriggered when a business trigger fell within TRIGGER_WINDOW_DAYS (triggerCount > 0).
 * 2. ExecutiveSponsored when no champion is named, or when the list price and the ARR are known, the ARR is above 0
 *    and listPrice ≥ EXECUTIVE_PRICE_SHARE (0.2) × ARR. An ARR of 0 is taken as not filled in, since an account with
 *    an expansion map is a paying customer.
 * 3. UserLed otherwise.
 * @param input Recent trigger count, champion, list price and ARR.
 * @returns The approach with a sentence saying why.
 */
export function recommendApproach(input: ApproachInput): ApproachResult {
  const { triggerCount, hasChampion, listPrice, arr } = input;
  if (triggerCount > 0) {
    return {
      approach: 'EventTriggered',
      reason:
        `The account had ${plural(triggerCount, 'business trigger')} in the last ${TRIGGER_WINDOW_DAYS} days, ` +
        'which gives the conversation a reason to act now.'
    };
  }

  const priceKnown = isNumber(listPrice) && isNumber(arr) && arr > 0;
  const limit = percentText(EXECUTIVE_PRICE_SHARE * 100);
  const priceCallsForExecutive = priceKnown && listPrice >= thresholdOf(EXECUTIVE_PRICE_SHARE, arr);
  if (!hasChampion && priceCallsForExecutive) {
    return {
      approach: 'ExecutiveSponsored',
      reason:
        `No champion is named and ${priceClause(listPrice, arr)} (at least ${limit}), ` +
        'so an executive sponsor should carry the proposal.'
    };
  }
  if (!hasChampion) {
    return {
      approach: 'ExecutiveSponsored',
      reason: 'No champion is named, so an executive sponsor should carry the proposal.'
    };
  }
  if (priceCallsForExecutive) {
    const clause = priceClause(listPrice, arr);
    return {
      approach: 'ExecutiveSponsored',
      reason: `${clause.charAt(0).toUpperCase()}${clause.slice(1)} (at least ${limit}), so the decision needs an executive sponsor.`
    };
  }
  if (priceKnown) {
    return {
      approach: 'UserLed',
      reason: `The champion can lead the users to it, and ${priceClause(listPrice, arr)} (below ${limit}).`
    };
  }
  return {
    approach: 'UserLed',
    reason: 'The champion can lead the users to it, and no known list price and ARR call for an executive sponsor.'
  };
}

function featureLabelOf(labels: Record<string, string>, key: string): string {
  const label = valueOf(labels, key);
  return label === null || label.trim() === '' ? key : label;
}

function readinessSentence(input: HypothesisInput): string {
  const { cell, customer } = input;
  if (cell.status === 'Owned') {
    return `${customer} already owns it.`;
  }
  if (cell.missingProducts.length > 0) {
    return `It first needs ${joinWords(cell.missingProductNames)}, which ${customer} does not own yet.`;
  }
  if (cell.prerequisites.length === 0) {
    return 'It needs no prerequisite feature.';
  }
  if (cell.readiness === null) {
    return 'The adoption of its prerequisite features is not measured yet, so its readiness is unknown.';
  }
  const parts = cell.prerequisites.map((prerequisite) => {
    const label = featureLabelOf(input.featureLabels, prerequisite.featureKey);
    if (!prerequisite.hasData) {
      return `${label} without data`;
    }
    return `${label} at ${percentText(prerequisite.percent as number)} (target ${percentText(prerequisite.target as number)})`;
  });
  return `Readiness is ${percentText(cell.readiness)}, from ${joinWords(parts)}.`;
}

function triggerSentence(trigger: BusinessTriggerRow | null): string | null {
  if (trigger === null) {
    return null;
  }
  const date = trigger.occurredOn === null ? '' : ` on ${trigger.occurredOn}`;
  const description =
    trigger.description === null || trigger.description.trim() === ''
      ? ''
      : ` (${withoutFullStop(trigger.description)})`;
  return `The ${TRIGGER_LABELS[trigger.type]}${date}${description} gives a reason to act now.`;
}

function evidenceLines(input: HypothesisInput): string[] {
  const { product, cell, trigger, champion } = input;
  const lines: string[] = [];
  const valueStatement = product.valueStatement?.trim() ?? '';
  if (valueStatement !== '') {
    lines.push(`${product.productName}: ${withoutFullStop(valueStatement)} (source: product catalog)`);
  }
  for (const prerequisite of cell.prerequisites) {
    const label = featureLabelOf(input.featureLabels, prerequisite.featureKey);
    lines.push(
      prerequisite.hasData
        ? `${label} adoption is ${percentText(prerequisite.percent as number)} against a target of ` +
            `${percentText(prerequisite.target as number)} (source: adoption scorecard)`
        : `${label} has no adoption data (source: adoption scorecard)`
    );
  }
  const readiness = cell.readiness === null ? 'unknown' : percentText(cell.readiness);
  lines.push(`Readiness ${readiness}, status ${WHITESPACE_STATUS_LABELS[cell.status]} (source: whitespace grid)`);
  if (cell.missingProducts.length > 0) {
    lines.push(`Does not own ${joinWords(cell.missingProductNames)} yet (source: current footprint)`);
  } else if (product.requiredProducts.length > 0) {
    lines.push(`Owns every required product: ${joinWords(product.requiredProducts)} (source: current footprint)`);
  }
  if (trigger !== null) {
    const date = trigger.occurredOn === null ? '' : ` on ${trigger.occurredOn}`;
    const description =
      trigger.description === null || trigger.description.trim() === ''
        ? ''
        : `: ${withoutFullStop(trigger.description)}`;
    lines.push(`${triggerTitle(trigger.type)}${date}${description} (source: business trigger)`);
  }
  if (champion !== null) {
    const title = champion.title === null || champion.title.trim() === '' ? '' : `, ${champion.title.trim()}`;
    lines.push(`Champion: ${champion.name}${title} (source: account contacts)`);
  }
  return lines;
}

/**
 * Writes the value hypothesis of an expansion opportunity: one paragraph and the evidence behind it.
 * The paragraph has, in order:
 * - the value: `For <customer>, <product> <value statement>.`, the statement's first letter lower-cased (unless it
 *   starts an acronym) and its full stop dropped; `<product> is the next step for <customer>.` without a statement;
 * - the readiness: the missing required products, or the readiness with each prerequisite feature's adoption and
 *   target (`Case Routing at 54% (target 60%)`), or why it is unknown;
 * - the trigger, when there is one: `The <type> on <date> (<description>) gives a reason to act now.`;
 * - the champion: `<name> (<title>) can champion it with the users.`, else `No champion is named yet.`
 * The evidence has one line per fact, each ending with its source in brackets: the value statement, each
 * prerequisite's adoption, the readiness and status, the required products, the trigger and the champion. The text
 * is plain, for Opportunity fields; renderers escape it.
 * @param input Customer, product, whitespace cell, feature labels, latest recent trigger and champion.
 */
export function valueHypothesis(input: HypothesisInput): ValueHypothesis {
  const { customer, product, champion } = input;
  const valueStatement = product.valueStatement?.trim() ?? '';
  const sentences = [
    valueStatement === ''
      ? `${product.productName} is the next step for ${customer}.`
      : `For ${customer}, ${product.productName} ${lowerFirst(withoutFullStop(valueStatement))}.`,
    readinessSentence(input)
  ];
  const trigger = triggerSentence(input.trigger);
  if (trigger !== null) {
    sentences.push(trigger);
  }
  if (champion === null) {
    sentences.push('No champion is named yet.');
  } else {
    const title = champion.title === null || champion.title.trim() === '' ? '' : ` (${champion.title.trim()})`;
    sentences.push(`${champion.name}${title} can champion it with the users.`);
  }
  return { hypothesis: sentences.join(' '), evidence: evidenceLines(input) };
}

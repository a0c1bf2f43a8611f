import { compareText } from './numbers';
import type { HealthModel } from './types';

/**
 * Picks the model for one account. A model with segment criteria matches when the account's attribute named by
 * `segment.field` equals one of `segment.values` exactly (case-sensitive). A model without criteria (segment null)
 * matches every account. Any matching model with criteria wins over every model without; among the winners of that
 * tier the highest version wins, then the name that sorts first by code units.
 * @param models Candidate models, in any order.
 * @param attributes Account fields that segment criteria test, for example `{ Segment__c: 'Enterprise' }`.
 * @returns The chosen model, or null when none matches.
 */
export function selectModel(models: HealthModel[], attributes: Record<string, string>): HealthModel | null {
  let best: HealthModel | null = null;
  let bestIsSegmented = false;
  for (const model of models) {
    const isSegmented = model.segment !== null && model.segment !== undefined;
    if (isSegmented && !matchesSegment(model, attributes)) {
      continue;
    }
    if (best === null || isBetter(model, isSegmented, best, bestIsSegmented)) {
      best = model;
      bestIsSegmented = isSegmented;
    }
  }
  return best;
}

function matchesSegment(model: HealthModel, attributes: Record<string, string>): boolean {
  const segment = model.segment;
  if (segment === null || !Object.prototype.hasOwnProperty.call(attributes, segment.field)) {
    return false;
  }
  return segment.values.includes(attributes[segment.field]);
}

function isBetter(model: HealthModel, isSegmented: boolean, best: HealthModel, bestIsSegmented: boolean): boolean {
  if (isSegmented !== bestIsSegmented) {
    return isSegmented;
  }
  if (model.version !== best.version) {
    return model.version > best.version;
  }
  return compareText(model.name, best.name) < 0;
}

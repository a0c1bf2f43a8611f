/**
 * Record Ids for the records that only exist in the cockpit (snapshots, ledger lines, override requests, risks, plans,
 * checkpoints, business reviews and their files, adoption playbooks, business triggers and hand-off Opportunities), in
 * Salesforce's 18-character format so components handle them like real Ids.
 */
import { createHash } from 'node:crypto';
import { toCaseSafeId } from '../demo/salesforce-ids';

/**
 * Key prefixes of the objects whose records the cockpit creates: the standard ones of Opportunity, OpportunityLineItem,
 * Task, ContentDocument and ContentVersion, and for the package's custom objects prefixes an org could assign. The
 * adoption objects use the prefixes of the demo org's export.
 */
export const COCKPIT_KEY_PREFIXES = {
  HealthSnapshot: 'a0E',
  HealthContribution: 'a0F',
  ScoreOverride: 'a0G',
  Risk: 'a0H',
  RiskEscalation: 'a0J',
  SuccessPlan: 'a0K',
  SuccessObjective: 'a0L',
  SuccessMilestone: 'a0M',
  RenewalCheckpoint: 'a0N',
  BusinessReview: 'a0P',
  AdoptionPlaybook: 'a0S',
  PlaybookBarrier: 'a0T',
  BusinessTrigger: 'a0U',
  Opportunity: '006',
  OpportunityLineItem: '00k',
  Task: '00T',
  ContentDocument: '069',
  ContentVersion: '068'
} as const;

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * Returns a stable 18-character Id for a key: the same object and key always give the same Id.
 * @param object Object of the record.
 * @param key Text that identifies the record, for example `<accountId>:<asOf>:<measure>`.
 */
export function syntheticId(object: keyof typeof COCKPIT_KEY_PREFIXES, key: string): string {
  const digest = createHash('sha256').update(`${object}:${key}`).digest();
  let body = '';
  for (let index = 0; index < 12; index++) {
    body += BASE62.charAt(digest[index] % 62);
  }
  return toCaseSafeId(COCKPIT_KEY_PREFIXES[object] + body);
}

/** Salesforce Id format: 15 case-sensitive or 18 case-safe characters. */
const ID_PATTERN = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/**
 * Returns the 18-character form of an Id, or null when the text is not an Id.
 * @param text A 15- or 18-character Id.
 */
export function toId18(text: string): string | null {
  if (!ID_PATTERN.test(text)) {
    return null;
  }
  return text.length === 15 ? toCaseSafeId(text) : text;
}

/**
 * Record Ids in Salesforce's format: a 3-character key prefix naming the object, 12 more base-62 characters, and
 * the 3-character case-safe suffix that turns the 15-character Id into the 18-character one exports contain.
 */

import { hashString } from './random';

/**
 * Key prefixes of the objects in the demo export: the platform's for standard objects, and for the custom objects
 * prefixes an org could assign, each used by one object only (the offline cockpit uses a0E to a0P for its own records).
 */
export const KEY_PREFIXES = {
  Account: '001',
  Contact: '003',
  User: '005',
  Profile: '00e',
  UserRole: '00E',
  Opportunity: '006',
  Case: '500',
  Task: '00T',
  Event: '00U',
  Contract: '800',
  LoginHistory: '0Ya',
  DailyUsage: 'a0B',
  Feedback: 'a0C',
  SuccessPlan: 'a0K',
  SuccessObjective: 'a0L',
  SuccessMilestone: 'a0M',
  RenewalCheckpoint: 'a0N',
  Product2: '01t',
  Pricebook2: '01s',
  PricebookEntry: '01u',
  Asset: '02i',
  OpportunityLineItem: '00k',
  OpportunityContactRole: '00K',
  PermissionSetLicense: '0PL',
  PermissionSetLicenseAssign: '2LA',
  FeatureUsage: 'a0Q',
  FeatureEntitlement: 'a0R',
  AdoptionPlaybook: 'a0S',
  PlaybookBarrier: 'a0T',
  BusinessTrigger: 'a0U'
} as const;

/** Object whose Ids the factory can create. */
export type IdObject = keyof typeof KEY_PREFIXES;

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
/** Pod and reserved characters that follow the key prefix in every Id of one org. */
const INSTANCE = 'Dp0';
/** Gap between consecutive Ids, so they are not plain counters but still sort in creation order. */
const ID_STEP = 7919;

/**
 * Appends the case-safe suffix to a 15-character Id. Each suffix character encodes, as a 5-bit mask, which of
 * 5 Id characters are upper-case letters.
 * @throws Error when the Id is not 15 characters long
 */
export function toCaseSafeId(id15: string): string {
  if (id15.length !== 15) {
    throw new Error(`Id "${id15}" has ${id15.length} characters; a case-safe suffix needs exactly 15.`);
  }
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let mask = 0;
    for (let position = 0; position < 5; position++) {
      const character = id15.charAt(chunk * 5 + position);
      if (character >= 'A' && character <= 'Z') {
        mask |= 1 << position;
      }
    }
    suffix += SUFFIX_ALPHABET.charAt(mask);
  }
  return id15 + suffix;
}

function toBase62(value: number, width: number): string {
  let text = '';
  let remaining = value;
  while (remaining > 0) {
    text = BASE62.charAt(remaining % 62) + text;
    remaining = Math.floor(remaining / 62);
  }
  if (text.length > width) {
    throw new Error(`Id counter ${value} does not fit in ${width} base-62 characters.`);
  }
  return text.padStart(width, '0');
}

/** Creates 18-character Ids in creation order, one counter per object. */
export class IdFactory {
  private readonly counters = new Map<IdObject, number>();

  /** Returns the next Id of an object; Ids of one object sort in the order they were created. */
  next(object: IdObject): string {
    const count = (this.counters.get(object) ?? 0) + 1;
    this.counters.set(object, count);
    // Each object starts at its own point, so Ids of different objects do not share their last characters.
    const start = 1000000 + (hashString(object) % 40000000);
    const id15 = KEY_PREFIXES[object] + INSTANCE + toBase62(start + count * ID_STEP, 9);
    return toCaseSafeId(id15);
  }
}

import { formatNumber, roundTo } from 'c/healthEngine';

/** Compares two strings by UTF-16 code units, like Apex `String.compareTo`, so both sort the same way. */
export function compareText(left: string, right: string): number {
  if (left === right) {
    return 0;
  }
  return left < right ? -1 : 1;
}

/** Returns true for a finite number, false for null, undefined, NaN and the infinities. */
export function isNumber(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export { plural } from 'c/healthReport';

/** Writes a percent for a sentence: `formatNumber` followed by `%` (12.5 → `12.5%`). */
export function percentText(value: number): string {
  return `${formatNumber(value)}%`;
}

/** Computes part / whole × 100, rounded half away from zero to 1 decimal; whole must not be 0. */
export function shareText(part: number, whole: number): string {
  return percentText(roundTo((part / whole) * 100, 1));
}

/**
 * Computes share × whole for a threshold comparison, rounded to 6 decimals. A share such as 0.8 has no exact binary
 * value, so 0.8 × 35 would give 28.000000000000004 in a double. Rounding restores the decimal product that Apex
 * `Decimal` arithmetic gives, so a count exactly on a threshold falls on the same side in both.
 */
export function thresholdOf(share: number, whole: number): number {
  return roundTo(share * whole, 6);
}

/** Joins items as a sentence list: `a`, `a and b`, `a, b and c`. */
export function joinWords(items: string[]): string {
  if (items.length <= 1) {
    return items.join('');
  }
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * Lower-cases the first character of a sentence so it can follow a subject, unless the second character is an
 * upper-case letter (an acronym such as `CRM`): `Cuts case time` → `cuts case time`.
 */
export function lowerFirst(text: string): string {
  if (text.length === 0) {
    return text;
  }
  const second = text.charAt(1);
  if (second !== '' && second !== second.toLowerCase()) {
    return text;
  }
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Trims text and drops the full stops at its end, so it can be embedded in a longer sentence. */
export function withoutFullStop(text: string): string {
  return text.trim().replace(/\.+$/, '');
}

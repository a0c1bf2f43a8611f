/**
 * Number helpers whose results do not depend on JavaScript-only behaviour, so the Apex evaluator (which uses
 * `Decimal`) can reproduce them exactly.
 */

/**
 * Relative distance from an exact half within which a fraction counts as that half. A double carries about 16
 * significant digits, and a sum of a few dozen products drifts by a few units in the last place. A tolerance of 5e-15
 * covers that drift and stays far below any difference that a result with 2 or 4 places can show.
 */
const HALF_TOLERANCE = 5e-15;

const SCALES = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10];

/**
 * Rounds half away from zero to `places` decimals, like Apex `Decimal.setScale(places, RoundingMode.HALF_UP)`.
 * A scaled fraction within a relative 5e-15 of one half counts as an exact half, so binary noise rounds the way the
 * decimal value does in Apex. For example, 1.005 is stored as 1.00499999999999989… in a double and 1.005 × 100 gives
 * 100.49999999999999, yet 1.005 still rounds to 1.01. `Math.round` is not used because it rounds -2.5 to -2, while
 * HALF_UP gives -3. `toPrecision` is not used either, because this runs many times per account and string
 * conversion is slow.
 * @param value Finite number to round.
 * @param places Decimal places, an integer from 0 to 10.
 * @returns The rounded number; never negative zero.
 * @throws RangeError when the value is not finite or `places` is out of range.
 */
export function roundTo(value: number, places: number): number {
  if (!Number.isFinite(value)) {
    throw new RangeError(`Cannot round ${value}: only finite numbers can be rounded.`);
  }
  const scale = SCALES[places];
  if (scale === undefined) {
    throw new RangeError(`Cannot round to ${places} places: use a whole number of places from 0 to 10.`);
  }
  if (Number.isInteger(value)) {
    // Whole numbers (counts, days, most scores) are already rounded; adding 0 turns -0 into 0.
    return value + 0;
  }
  const shifted = Math.abs(value) * scale;
  const whole = Math.floor(shifted);
  const roundsUp = shifted - whole >= 0.5 - shifted * HALF_TOLERANCE;
  const rounded = (roundsUp ? whole + 1 : whole) / scale;
  if (rounded === 0) {
    return 0;
  }
  return value < 0 ? -rounded : rounded;
}

/**
 * Limits a value to the range from `min` to `max`.
 * @param value Number to limit.
 * @param min Lowest result.
 * @param max Highest result.
 */
export function clamp(value: number, min: number, max: number): number {
  if (value < min) {
    return min;
  }
  return value > max ? max : value;
}

/**
 * Formats a number for a sentence: rounded half away from zero to 2 places, without trailing zeros (20 → "20",
 * 12.5 → "12.5", -3.333 → "-3.33"). Apex gets the same text from
 * `value.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()`. The shortest text that reads back
 * as a double rounded to 2 places is exactly its decimal digits, so `String` gives it directly.
 * NOTE: from 1e21 up, JavaScript writes an exponent where Apex writes plain digits; no signal reaches that size.
 * @param value Finite number.
 */
export function formatNumber(value: number): string {
  return String(roundTo(value, 2));
}

/**
 * Compares two strings by UTF-16 code units, like Apex `String.compareTo`. `localeCompare` is not used because its
 * order depends on the runtime's locale data.
 * @returns A negative number, zero or a positive number.
 */
export function compareText(left: string, right: string): number {
  if (left === right) {
    return 0;
  }
  return left < right ? -1 : 1;
}

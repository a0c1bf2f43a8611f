/**
 * Seeded pseudo-random numbers for the demo export. The generator is xoshiro128** seeded through splitmix32, and
 * every draw uses only 32-bit integer arithmetic and one division, so it gives the same sequence on every machine and
 * Node version. Transcendental functions (`Math.log`, `Math.exp`, `Math.sin`) are avoided on purpose,
 * because their last bit may differ between engines.
 */

// Module-level copies, because a global lookup such as `Math` is several times slower inside Jest's vm sandbox and
// these run millions of times per export.
const imul = Math.imul;
const floor = Math.floor;

/** Returns the 32-bit FNV-1a hash of a string's UTF-16 code units. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Advances a splitmix32 state and returns the next 32-bit output, used to expand one seed into four state words. */
function splitmix32(state: { value: number }): number {
  state.value = (state.value + 0x9e3779b9) >>> 0;
  let mixed = state.value;
  mixed = imul(mixed ^ (mixed >>> 16), 0x85ebca6b) >>> 0;
  mixed = imul(mixed ^ (mixed >>> 13), 0xc2b2ae35) >>> 0;
  return (mixed ^ (mixed >>> 16)) >>> 0;
}

function rotateLeft(value: number, bits: number): number {
  return ((value << bits) | (value >>> (32 - bits))) >>> 0;
}

/** A xoshiro128** stream with the draws the demo generator needs. */
export class Random {
  /** Seed the stream was created with; `fork` derives child seeds from it, never from the current state. */
  readonly seed: number;
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /**
   * Creates a stream from a 32-bit seed.
   * @param seed any integer; only its low 32 bits are used
   */
  constructor(seed: number) {
    if (!Number.isInteger(seed)) {
      throw new Error(`Random seed ${seed} is not an integer; pass a whole number such as 20261130.`);
    }
    this.seed = seed >>> 0;
    const state = { value: this.seed };
    this.s0 = splitmix32(state);
    this.s1 = splitmix32(state);
    this.s2 = splitmix32(state);
    this.s3 = splitmix32(state);
  }

  /**
   * Creates an independent stream for one named part of the data, such as `logins:001...`. Because the child seed
   * depends only on this stream's seed and the label, adding draws to one part leaves every other part unchanged.
   * @param label name of the part, unique within the parent stream
   * @returns a new stream
   */
  fork(label: string): Random {
    return new Random((hashString(label) ^ imul(this.seed, 0x9e3779b1)) >>> 0);
  }

  /** Returns the next 32-bit unsigned integer. */
  nextUint32(): number {
    const result = imul(rotateLeft(imul(this.s1, 5) >>> 0, 7), 9) >>> 0;
    const shifted = (this.s1 << 9) >>> 0;
    this.s2 = (this.s2 ^ this.s0) >>> 0;
    this.s3 = (this.s3 ^ this.s1) >>> 0;
    this.s1 = (this.s1 ^ this.s2) >>> 0;
    this.s0 = (this.s0 ^ this.s3) >>> 0;
    this.s2 = (this.s2 ^ shifted) >>> 0;
    this.s3 = rotateLeft(this.s3, 11);
    return result;
  }

  /** Returns a float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Returns a float in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Returns an integer in [min, max], both ends included. */
  int(min: number, max: number): number {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new Error(`Random.int needs integers with min <= max, got min ${min} and max ${max}.`);
    }
    return min + floor(this.next() * (max - min + 1));
  }

  /** Returns true with probability `probability`: always false at 0 or below, always true at 1 or above. */
  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** Returns one element of a non-empty list, each equally likely. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) {
      throw new Error('Random.pick needs a non-empty list.');
    }
    return items[floor(this.next() * items.length)] as T;
  }

  /** Returns one value of a list of `[value, weight]` pairs, with probability proportional to its weight. */
  pickWeighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
    if (!(total > 0)) {
      throw new Error('Random.pickWeighted needs at least one choice with a positive weight.');
    }
    let remaining = this.next() * total;
    for (const [value, weight] of choices) {
      remaining -= weight;
      if (remaining < 0) {
        return value;
      }
    }
    // Rounding can leave a tiny remainder after the last choice; the last positive weight takes it.
    const last = [...choices].reverse().find(([, weight]) => weight > 0);
    return (last as readonly [T, number])[0];
  }

  /** Returns a shuffled copy of a list (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let index = copy.length - 1; index > 0; index--) {
      const other = floor(this.next() * (index + 1));
      const current = copy[index] as T;
      copy[index] = copy[other] as T;
      copy[other] = current;
    }
    return copy;
  }

  /**
   * Returns an approximately normal value: the Irwin-Hall sum of 12 uniforms, which stays within 6 standard
   * deviations of the mean and needs no logarithm.
   */
  normal(mean: number, standardDeviation: number): number {
    let sum = 0;
    for (let draw = 0; draw < 12; draw++) {
      sum += this.next();
    }
    return mean + (sum - 6) * standardDeviation;
  }
}

import { hashString, Random } from '../random';

function draws(random: Random, count: number): number[] {
  return Array.from({ length: count }, () => random.nextUint32());
}

describe('Random', () => {
  it('repeats a sequence for one seed', () => {
    expect(draws(new Random(42), 50)).toEqual(draws(new Random(42), 50));
  });

  it('differs between seeds', () => {
    expect(draws(new Random(42), 50)).not.toEqual(draws(new Random(43), 50));
  });

  it('matches a port of the reference xoshiro128**', () => {
    // Outputs of a separate Python port of the authors' C code, seeded through the same splitmix32 expansion.
    expect(draws(new Random(1), 3)).toEqual([2442144158, 3238099751, 3819917871]);
    expect(draws(new Random(20261130), 3)).toEqual([2468732522, 561393889, 2762010580]);
  });

  it('spreads next() over [0, 1)', () => {
    const random = new Random(7);
    const values = Array.from({ length: 20000 }, () => random.next());
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;

    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
  });

  it('keeps int() within both bounds', () => {
    const random = new Random(9);
    const values = Array.from({ length: 5000 }, () => random.int(3, 6));

    expect(new Set(values)).toEqual(new Set([3, 4, 5, 6]));
  });

  it('rejects an int() range with min above max', () => {
    expect(() => new Random(1).int(5, 4)).toThrow('min 5 and max 4');
  });

  it('rejects a seed that is not an integer', () => {
    expect(() => new Random(1.5)).toThrow('not an integer');
  });

  it('forks streams that ignore the parent state', () => {
    const parent = new Random(11);
    const before = draws(parent.fork('logins'), 5);
    draws(parent, 100);
    const after = draws(parent.fork('logins'), 5);

    expect(after).toEqual(before);
    expect(draws(parent.fork('cases'), 5)).not.toEqual(before);
  });

  it('picks weighted choices in proportion', () => {
    const random = new Random(5);
    let heavy = 0;
    for (let draw = 0; draw < 10000; draw++) {
      if (random.pickWeighted([['heavy', 3] as const, ['light', 1] as const]) === 'heavy') {
        heavy++;
      }
    }

    expect(heavy / 10000).toBeGreaterThan(0.72);
    expect(heavy / 10000).toBeLessThan(0.78);
  });

  it('never picks a zero weight', () => {
    const random = new Random(6);
    const picks = new Set(
      Array.from({ length: 2000 }, () => random.pickWeighted([['a', 1] as const, ['b', 0] as const]))
    );

    expect(picks).toEqual(new Set(['a']));
  });

  it('shuffles without losing items', () => {
    const items = Array.from({ length: 30 }, (_, index) => index);
    const shuffled = new Random(3).shuffle(items);

    expect([...shuffled].sort((first, second) => first - second)).toEqual(items);
    expect(shuffled).not.toEqual(items);
  });

  it('centres normal() on the mean', () => {
    const random = new Random(8);
    const values = Array.from({ length: 10000 }, () => random.normal(10, 2));
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;

    expect(mean).toBeGreaterThan(9.9);
    expect(mean).toBeLessThan(10.1);
    expect(Math.sqrt(variance)).toBeGreaterThan(1.9);
    expect(Math.sqrt(variance)).toBeLessThan(2.1);
  });
});

describe('hashString', () => {
  it('matches FNV-1a test values', () => {
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
    expect(hashString('foobar')).toBe(0xbf9cf968);
  });
});

import type { HealthModel } from 'c/healthEngine';
import { PeerBenchmark, maxPeersFor, segmentOf } from '..';
import type { PeerCandidate } from '..';

/** Sixteen measure names, the number of measures of the package's model. */
const SIXTEEN = Array.from({ length: 16 }, (_, index) => `M${index}`);

function candidate(index: number, values: Record<string, number | null> | null, segment = 'Enterprise'): PeerCandidate {
  return { accountId: `001P${String(index).padStart(14, '0')}`, attributes: { Segment__c: segment }, values };
}

function model(segmentField: string | null): HealthModel {
  return { segment: segmentField === null ? null : { field: segmentField, values: ['x'] } } as HealthModel;
}

describe('segmentOf', () => {
  it('prefers the segment field of a model', () => {
    expect(segmentOf({ Type: 'Customer', Segment__c: 'SMB' }, [model(null), model('Type')])).toEqual({
      field: 'Type',
      value: 'Customer'
    });
  });

  it('falls back to Segment__c, then Industry', () => {
    expect(segmentOf({ Segment__c: 'SMB', Industry: 'Retail' }, [model('Type')])).toEqual({
      field: 'Segment__c',
      value: 'SMB'
    });
    expect(segmentOf({ Segment__c: ' ', Industry: 'Retail' }, [])).toEqual({ field: 'Industry', value: 'Retail' });
  });

  it('is null without a value', () => {
    expect(segmentOf({ Type: 'Customer' }, [])).toBeNull();
  });
});

describe('maxPeersFor', () => {
  it.each([
    [16, 1666],
    [0, 2000],
    [13, 2000],
    [28, 1000]
  ])('fits %i measures into the row budget', (measures, expected) => {
    expect(maxPeersFor(measures)).toBe(expected);
  });
});

describe('PeerBenchmark', () => {
  it('takes the median of every other account of the segment', () => {
    const benchmark = new PeerBenchmark(
      [
        candidate(1, { A: 10, B: null }),
        candidate(2, { A: 20, B: 4 }),
        candidate(3, { A: 40, B: 6 }),
        candidate(4, { A: 1000 }, 'SMB'),
        candidate(5, null)
      ],
      []
    );

    const result = benchmark.benchmark(candidate(1, null).accountId, { Segment__c: 'Enterprise' }, ['B', 'A']);

    expect(result).toEqual({
      medians: [
        { measure: 'B', median: 5, peerCount: 2 },
        { measure: 'A', median: 30, peerCount: 2 }
      ],
      peerCount: 2
    });
  });

  it('lists measures the account lacks after its own, by name', () => {
    const benchmark = new PeerBenchmark([candidate(1, { Z: 1, Y: 2, A: 3 }), candidate(2, {})], []);

    const result = benchmark.benchmark(candidate(2, null).accountId, { Segment__c: 'Enterprise' }, ['A']);

    expect(result.medians.map((median) => median.measure)).toEqual(['A', 'Y', 'Z']);
  });

  it('has no peers without a segment or measures', () => {
    const benchmark = new PeerBenchmark([candidate(1, { A: 1 }), candidate(2, { A: 2 })], []);

    expect(benchmark.benchmark(candidate(1, null).accountId, {}, ['A'])).toEqual({ medians: [], peerCount: 0 });
    expect(benchmark.benchmark(candidate(1, null).accountId, { Segment__c: 'Enterprise' }, [])).toEqual({
      medians: [],
      peerCount: 0
    });
  });

  describe('with more accounts than the row budget allows', () => {
    // 1,700 accounts with A = their position in Id order; 16 measures allow 1,666 peers.
    const candidates = Array.from({ length: 1700 }, (_, index) => candidate(index, { A: index }));
    const benchmark = new PeerBenchmark([...candidates].reverse(), []);

    it('reads the first accounts in Id order', () => {
      const result = benchmark.benchmark(candidates[1690].accountId, { Segment__c: 'Enterprise' }, SIXTEEN);

      expect(result.peerCount).toBe(1666);
      expect(result.medians).toEqual([{ measure: 'A', median: 832.5, peerCount: 1666 }]);
    });

    it('takes the next account in place of the one benchmarked', () => {
      const result = benchmark.benchmark(candidates[0].accountId, { Segment__c: 'Enterprise' }, SIXTEEN);

      expect(result.peerCount).toBe(1666);
      expect(result.medians).toEqual([{ measure: 'A', median: 833.5, peerCount: 1666 }]);
    });

    it('counts unscored accounts against the limit', () => {
      const withGap = candidates.map((entry, index) => (index === 5 ? { ...entry, values: null } : entry));
      const result = new PeerBenchmark(withGap, []).benchmark(
        candidates[1690].accountId,
        { Segment__c: 'Enterprise' },
        SIXTEEN
      );

      expect(result.peerCount).toBe(1665);
    });
  });
});

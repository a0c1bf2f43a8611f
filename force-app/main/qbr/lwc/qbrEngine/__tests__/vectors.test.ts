import { readFileSync } from 'fs';
import { join } from 'path';
import {
  benchmarkOf,
  deckFileName,
  periodOfQuarter,
  previousQuarter,
  qbrFileName,
  quarterOf,
  quarterSlug,
  readinessBandOf,
  scoreReadiness
} from '../qbrEngine';
import type { BenchmarkMeasure, MeasureValues, ReadinessBand, ReadinessCategory, ReadinessInput } from '../qbrEngine';

const VECTORS_PATH = join(__dirname, '../../../../../../unpackaged/qbr/staticresources/ReadinessVectors.json');

interface Vectors {
  description: string;
  readinessCases: {
    description: string;
    input: ReadinessInput;
    expected: {
      score: number;
      band: ReadinessBand;
      categories: { category: ReadinessCategory; points: number; maxPoints: number }[];
      checks: { id: string; points: number; passed: boolean }[];
      missing: string[];
    };
  }[];
  bandCases: { score: number; band: ReadinessBand }[];
  benchmarkCases: {
    description: string;
    accountValues: MeasureValues;
    peers: MeasureValues[];
    measures: BenchmarkMeasure[];
    expected: {
      peerCount: number;
      rows: {
        measure: string;
        median: number | null;
        peerCount: number;
        gap: number | null;
        favourableGap: number | null;
      }[];
      insight: string | null;
    };
  }[];
  quarterCases: {
    description: string;
    date: string;
    expected: { quarter: string; start: string; end: string; previous: string; slug: string };
  }[];
}

const vectors = JSON.parse(readFileSync(VECTORS_PATH, 'utf8')) as Vectors;

describe('readiness vectors', () => {
  it('cover at least 15 cases and every check', () => {
    expect(vectors.readinessCases.length).toBeGreaterThanOrEqual(15);
    const failing = new Set<string>();
    const partial = new Set<string>();
    for (const testCase of vectors.readinessCases) {
      for (const check of testCase.expected.checks) {
        if (check.points === 0) {
          failing.add(check.id);
        }
      }
      testCase.expected.checks
        .filter((check) => check.points > 0 && !check.passed)
        .forEach((check) => partial.add(check.id));
    }
    expect([...failing].sort()).toHaveLength(11);
    expect(partial.has('goalsLinkedToObjectives')).toBe(true);
    expect(partial.has('actionItemsOwnedAndDated')).toBe(true);
    expect(partial.has('claimsHaveNumberAndPeriod')).toBe(true);
    expect(partial.has('severeRisksMitigated')).toBe(true);
  });

  it('cover the three kinds and every band boundary', () => {
    const kinds = new Set(vectors.readinessCases.map((testCase) => testCase.input.kind));
    const scores = new Set(vectors.readinessCases.map((testCase) => testCase.expected.score));

    expect([...kinds].sort()).toEqual(['Qbr', 'RiskPlan', 'SuccessPlan']);
    for (const score of [85, 84, 70, 69, 50, 49]) {
      expect(scores.has(score)).toBe(true);
    }
  });

  it.each(vectors.readinessCases.map((testCase) => [testCase.description, testCase] as const))(
    '%s',
    (_description, testCase) => {
      const result = scoreReadiness(testCase.input);

      expect(result.score).toBe(testCase.expected.score);
      expect(result.band).toBe(testCase.expected.band);
      expect(result.categories).toEqual(testCase.expected.categories);
      expect(result.checks.map(({ id, points, passed }) => ({ id, points, passed }))).toEqual(testCase.expected.checks);
      expect(result.missing).toEqual(testCase.expected.missing);
    }
  );
});

describe('band vectors', () => {
  it.each(vectors.bandCases.map((testCase) => [testCase.score, testCase.band] as const))(
    'score %i is %s',
    (score, band) => {
      expect(readinessBandOf(score)).toBe(band);
    }
  );
});

describe('benchmark vectors', () => {
  it.each(vectors.benchmarkCases.map((testCase) => [testCase.description, testCase] as const))(
    '%s',
    (_description, testCase) => {
      const result = benchmarkOf(testCase.accountValues, testCase.peers, testCase.measures);

      expect(result.peerCount).toBe(testCase.expected.peerCount);
      expect(
        result.rows.map(({ measure, median, peerCount, gap, favourableGap }) => ({
          measure,
          median,
          peerCount,
          gap,
          favourableGap
        }))
      ).toEqual(testCase.expected.rows);
      expect(result.insight).toBe(testCase.expected.insight);
    }
  );
});

describe('quarter vectors', () => {
  it.each(vectors.quarterCases.map((testCase) => [testCase.description, testCase] as const))(
    '%s',
    (_description, testCase) => {
      const quarter = quarterOf(testCase.date);

      expect(quarter).toBe(testCase.expected.quarter);
      expect(periodOfQuarter(quarter)).toEqual({ start: testCase.expected.start, end: testCase.expected.end });
      expect(previousQuarter(quarter)).toBe(testCase.expected.previous);
      expect(quarterSlug(quarter)).toBe(testCase.expected.slug);
      expect(qbrFileName('Acme', quarter)).toBe(`acme-qbr-${testCase.expected.slug}.md`);
      expect(deckFileName('Acme', quarter)).toBe(`acme-qbr-${testCase.expected.slug}.pptx`);
    }
  );
});

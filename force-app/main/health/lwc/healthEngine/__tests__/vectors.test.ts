import { readFileSync } from 'fs';
import { join } from 'path';
import { evaluateAccount, validateModel } from '../healthEngine';
import type { AccountHealth, AccountSignals, EvaluationOptions, HealthModel } from '../healthEngine';

const VECTORS_PATH = join(__dirname, '../../../../../../unpackaged/health/staticresources/HealthEngineVectors.json');
const TOLERANCE = 0.01;

type Expected = Record<string, unknown>;

interface VectorCase {
  name: string;
  kind: 'evaluation' | 'validation';
  description: string;
  model: HealthModel;
  signals: AccountSignals | null;
  options: EvaluationOptions | null;
  expected: Expected | null;
  expectedProblems?: { location: string; messageIncludes: string }[];
}

const vectors = JSON.parse(readFileSync(VECTORS_PATH, 'utf8')) as { cases: VectorCase[] };
const evaluations = vectors.cases.filter((vector) => vector.kind === 'evaluation');
const validations = vectors.cases.filter((vector) => vector.kind === 'validation');

/** Compares `actual` with the fields listed in `expected`, numbers within the tolerance; returns the differences. */
function differences(path: string, expected: unknown, actual: unknown): string[] {
  if (typeof expected === 'number') {
    return typeof actual === 'number' && Math.abs(actual - expected) <= TOLERANCE
      ? []
      : [`${path}: expected ${expected}, got ${JSON.stringify(actual)}`];
  }
  if (expected === null || typeof expected !== 'object') {
    return actual === expected ? [] : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      return [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
    }
    return expected.flatMap((item, index) => differences(`${path}[${index}]`, item, actual[index]));
  }
  if (actual === null || typeof actual !== 'object') {
    return [`${path}: expected an object, got ${JSON.stringify(actual)}`];
  }
  const record = actual as Record<string, unknown>;
  return Object.entries(expected).flatMap(([key, value]) => differences(`${path}.${key}`, value, record[key]));
}

/** Re-keys the ledger and dimensions by name, the shape the vectors use. */
function byName(health: AccountHealth): Record<string, unknown> {
  return {
    ...health,
    ledger: Object.fromEntries(health.ledger.map((entry) => [entry.measure, entry])),
    dimensions: Object.fromEntries(health.dimensions.map((dimension) => [dimension.name, dimension]))
  };
}

describe('shared vectors', () => {
  it('has enough cases', () => {
    expect(evaluations.length).toBeGreaterThanOrEqual(40);
    expect(validations.length).toBeGreaterThanOrEqual(5);
  });

  it('has unique names', () => {
    const names = vectors.cases.map((vector) => vector.name);

    expect(new Set(names).size).toBe(names.length);
  });

  it.each(evaluations.map((vector) => [vector.name, vector] as const))('evaluates %s', (_name, vector) => {
    const health = evaluateAccount(vector.model, vector.signals as AccountSignals, vector.options as EvaluationOptions);

    expect(differences('health', vector.expected, byName(health))).toEqual([]);
  });

  it.each(validations.map((vector) => [vector.name, vector] as const))('validates %s', (_name, vector) => {
    const problems = validateModel(vector.model);
    const expected = vector.expectedProblems ?? [];

    expect(problems.map((problem) => problem.location).sort()).toEqual(
      expected.map((problem) => problem.location).sort()
    );
    for (const { location, messageIncludes } of expected) {
      const messages = problems.filter((problem) => problem.location === location).map((problem) => problem.message);
      expect(messages.some((message) => message.includes(messageIncludes))).toBe(true);
    }
  });

  it('evaluates only valid models', () => {
    for (const vector of evaluations) {
      expect(validateModel(vector.model)).toEqual([]);
    }
  });
});

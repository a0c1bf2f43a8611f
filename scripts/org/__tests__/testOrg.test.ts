import { rmSync } from 'node:fs';
import failedRun from './fixtures/handwritten-apex-run-test-failed.json';
import {
  apexTestArgs,
  gateProblems,
  parseCoveragePercent,
  parseTestOptions,
  runTest,
  summarizeTestRun
} from '../testOrg';
import type { TestRunSummary } from '../testOrg';
import { SCRATCH_ORG_COMMAND } from '../sf';
import { fakeRunner, sfOutput, tempRoot, testDeps } from './fakeRunner';

function passingRun(orgWideCoverage: string): unknown {
  return {
    status: 0,
    result: {
      summary: { outcome: 'Passed', testsRan: 4, passing: 4, failing: 0, skipped: 0, orgWideCoverage },
      tests: []
    }
  };
}

describe('parseTestOptions', () => {
  it('waits 30 minutes by default', () => {
    expect(parseTestOptions([])).toEqual({ waitMinutes: 30 });
  });

  it.each(['0', '241', 'soon'])('rejects --wait %s', (wait) => {
    expect(() => parseTestOptions(['--wait', wait])).toThrow(
      `--wait "${wait}" is invalid; use a whole number from 1 to 240.`
    );
  });
});

describe('apexTestArgs', () => {
  it('builds the sf apex run test arguments', () => {
    expect(apexTestArgs({ waitMinutes: 10 })).toEqual([
      'apex',
      'run',
      'test',
      '--test-level',
      'RunLocalTests',
      '--code-coverage',
      '--result-format',
      'json',
      '--wait',
      '10',
      '--json'
    ]);
  });
});

describe('parseCoveragePercent', () => {
  it('reads whole and decimal percentages', () => {
    expect(parseCoveragePercent('81%')).toBe(81);
    expect(parseCoveragePercent('74.5%')).toBe(74.5);
  });

  it('rejects a missing value', () => {
    expect(() => parseCoveragePercent(undefined)).toThrow(
      'Org-wide coverage "" in the test result is not a percentage'
    );
  });
});

describe('summarizeTestRun', () => {
  it('reads the hand-written failed run fixture', () => {
    const summary = summarizeTestRun(failedRun.result);

    expect(summary.outcome).toBe('Failed');
    expect(summary.testsRan).toBe(4);
    expect(summary.passing).toBe(3);
    expect(summary.failing).toBe(1);
    expect(summary.orgWideCoverage).toBe(81);
    expect(summary.failedTests).toEqual([
      'RiskService_Tests.shouldOpenRiskWhenScoreDrops: System.AssertException: Assertion Failed: Expected: 1, Actual: 0'
    ]);
  });

  it('rejects a result without a summary', () => {
    expect(() => summarizeTestRun({})).toThrow('The test result has no summary');
  });
});

describe('gateProblems', () => {
  const base: TestRunSummary = {
    outcome: 'Passed',
    testsRan: 10,
    passing: 10,
    failing: 0,
    skipped: 0,
    orgWideCoverage: 75,
    failedTests: []
  };

  it('passes at exactly 75% with no failures', () => {
    expect(gateProblems(base)).toEqual([]);
  });

  it('fails under 75%', () => {
    expect(gateProblems({ ...base, orgWideCoverage: 74.9 })).toEqual([
      'Org-wide coverage 74.9% is under the minimum of 75%.'
    ]);
  });

  it('fails on a failing test', () => {
    expect(gateProblems({ ...base, failing: 2, passing: 8 })).toEqual(['2 of 10 tests failed.']);
  });
});

describe('runTest', () => {
  let root: string;

  beforeEach(() => {
    root = tempRoot();
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('returns 0 when every test passes with enough coverage', async () => {
    const { runner } = fakeRunner([sfOutput(passingRun('88%'))]);
    const { deps, logs, errors } = testDeps(runner, root);

    expect(await runTest([], deps)).toBe(0);

    expect(logs).toContain('Tests: 4 ran, 4 passed, 0 failed, 0 skipped.');
    expect(logs).toContain('Org-wide coverage: 88% (minimum 75%).');
    expect(errors).toEqual([]);
  });

  it('returns 1 when coverage is under 75%', async () => {
    const { runner } = fakeRunner([sfOutput(passingRun('70%'))]);
    const { deps, errors } = testDeps(runner, root);

    expect(await runTest([], deps)).toBe(1);

    expect(errors).toEqual(['Org-wide coverage 70% is under the minimum of 75%.']);
  });

  it('returns 1 and lists failed tests for status 100', async () => {
    const { runner } = fakeRunner([sfOutput(failedRun, 100)]);
    const { deps, errors } = testDeps(runner, root);

    expect(await runTest(['--wait', '5'], deps)).toBe(1);

    expect(errors[0]).toContain('FAIL RiskService_Tests.shouldOpenRiskWhenScoreDrops');
    expect(errors).toContain('1 of 4 tests failed.');
  });

  it('advises org:create without a default org', async () => {
    const noOrg = { status: 1, name: 'NoDefaultEnvError', message: 'No default environment found.' };
    const { runner } = fakeRunner([sfOutput(noOrg, 1)]);
    const { deps } = testDeps(runner, root);

    await expect(runTest([], deps)).rejects.toThrow(SCRATCH_ORG_COMMAND);
  });
});

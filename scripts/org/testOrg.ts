/**
 * Runs the local Apex tests in the default org and checks the results: every test passes and org-wide coverage is
 * at least 75%, the minimum Salesforce requires to deploy Apex to production.
 */
import { parseArgs } from 'node:util';
import { parseIntegerOption, UsageError } from './cli';
import type { OrgScriptDeps } from './cli';
import { runSf, SfCommandError } from './sf';

export const MIN_ORG_WIDE_COVERAGE = 75;

/** Status of `sf apex run test` when at least one test failed (FAILURE_EXIT_CODE in plugin-apex testReporter). */
export const TESTS_FAILED_STATUS = 100;

export const TEST_USAGE = `Usage: npm run org:test -- [options]

Runs the local Apex tests in the default org with code coverage. Exits with code 1 when a test fails or org-wide
coverage is under ${MIN_ORG_WIDE_COVERAGE}%.

Options:
  --wait <minutes>  minutes to wait for the test run, 1 to 240 (default: 30)
  --help            show this help`;

/** Validated options of `org:test`. */
export interface TestOptions {
  waitMinutes: number;
}

/** Parses and validates the `org:test` arguments. Returns null for `--help`. */
export function parseTestOptions(argv: string[]): TestOptions | null {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: { wait: { type: 'string' }, help: { type: 'boolean' } },
      strict: true,
      allowPositionals: false
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) {
    return null;
  }
  return { waitMinutes: parseIntegerOption('wait', values.wait ?? '30', 1, 240) };
}

/** Builds the `sf apex run test` arguments. */
export function apexTestArgs(options: TestOptions): string[] {
  return [
    'apex',
    'run',
    'test',
    '--test-level',
    'RunLocalTests',
    '--code-coverage',
    '--result-format',
    'json',
    '--wait',
    String(options.waitMinutes),
    '--json'
  ];
}

/** Fields of the `sf apex run test --json` result that this script reads (plugin-apex JsonReporter). */
export interface ApexTestRunResult {
  summary?: {
    outcome?: string;
    testsRan?: number;
    passing?: number;
    failing?: number;
    skipped?: number;
    /** Percentage with a `%` sign, such as `"82%"`, from the ApexOrgWideCoverage tooling object. */
    orgWideCoverage?: string;
  };
  tests?: { FullName?: string; Outcome?: string; Message?: string | null }[];
}

/** Counts and coverage of one test run. */
export interface TestRunSummary {
  outcome: string;
  testsRan: number;
  passing: number;
  failing: number;
  skipped: number;
  orgWideCoverage: number;
  failedTests: string[];
}

/** Parses a coverage percentage such as `"82%"` or `"82.5%"`. Throws an error naming the value otherwise. */
export function parseCoveragePercent(text: string | undefined): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(text ?? '');
  if (match === null) {
    throw new Error(
      `Org-wide coverage "${text ?? ''}" in the test result is not a percentage; rerun with --code-coverage.`
    );
  }
  return Number(match[1]);
}

/** Reads the counts, coverage and failed test names from a test run result. */
export function summarizeTestRun(result: ApexTestRunResult | undefined): TestRunSummary {
  const summary = result?.summary;
  if (summary === undefined) {
    throw new Error('The test result has no summary; the test run may not have finished within --wait.');
  }
  const failedTests = (result?.tests ?? [])
    .filter((test) => test.Outcome === 'Fail' || test.Outcome === 'CompileFail')
    .map((test) => `${test.FullName ?? '?'}: ${test.Message ?? ''}`.trim());
  return {
    outcome: summary.outcome ?? 'Unknown',
    testsRan: summary.testsRan ?? 0,
    passing: summary.passing ?? 0,
    failing: summary.failing ?? 0,
    skipped: summary.skipped ?? 0,
    orgWideCoverage: parseCoveragePercent(summary.orgWideCoverage),
    failedTests
  };
}

/** Lists why a run fails the gate: failing tests, and coverage under `minCoverage`. Empty when the run passes. */
export function gateProblems(summary: TestRunSummary, minCoverage = MIN_ORG_WIDE_COVERAGE): string[] {
  const problems: string[] = [];
  if (summary.failing > 0) {
    problems.push(`${summary.failing} of ${summary.testsRan} tests failed.`);
  }
  if (summary.orgWideCoverage < minCoverage) {
    problems.push(`Org-wide coverage ${summary.orgWideCoverage}% is under the minimum of ${minCoverage}%.`);
  }
  return problems;
}

/** Runs `org:test` and returns the exit code. */
export async function runTest(argv: string[], deps: OrgScriptDeps): Promise<number> {
  const options = parseTestOptions(argv);
  if (options === null) {
    deps.output.log(TEST_USAGE);
    return 0;
  }

  deps.output.log(`Running local Apex tests (waiting up to ${options.waitMinutes} minutes)…`);
  const json = await runSf<ApexTestRunResult>(deps.runner, apexTestArgs(options), {
    role: 'target-org',
    acceptedStatuses: [TESTS_FAILED_STATUS]
  });
  if (json.result === undefined) {
    throw new SfCommandError('sf apex run test returned no result.', 'MissingResult', json.status);
  }
  const summary = summarizeTestRun(json.result);
  deps.output.log(
    `Tests: ${summary.testsRan} ran, ${summary.passing} passed, ${summary.failing} failed, ${summary.skipped} skipped.`
  );
  deps.output.log(`Org-wide coverage: ${summary.orgWideCoverage}% (minimum ${MIN_ORG_WIDE_COVERAGE}%).`);
  for (const failed of summary.failedTests) {
    deps.output.error(`  FAIL ${failed}`);
  }
  const problems = gateProblems(summary);
  for (const problem of problems) {
    deps.output.error(problem);
  }
  return problems.length > 0 ? 1 : 0;
}

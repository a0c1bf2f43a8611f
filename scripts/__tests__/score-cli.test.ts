import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const fixture = path.join(root, 'scripts', 'lib', 'export', '__tests__', 'fixtures', 'full-export');
const fixtureConfig = path.join(root, 'scripts', 'lib', 'export', '__tests__', 'fixtures', 'full-export.config.json');

function runScore(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(tsx, [path.join(root, 'scripts', 'score.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('score command', () => {
  let outDir: string;

  beforeEach(() => {
    outDir = mkdtempSync(path.join(os.tmpdir(), 'score-cli-'));
  });

  afterEach(() => {
    rmSync(outDir, { recursive: true, force: true });
  });

  it('scores good rows and exits 1 when rows were rejected', () => {
    const result = runScore(['--export', fixture, '--config', fixtureConfig, '--out', outDir, '--all']);

    expect(result.status).toBe(1);
    expect(result.stdout).toContain('as of');
    expect(result.stdout).toMatch(/\d+ accounts: \d+ red, \d+ yellow, \d+ green, \d+ insufficient data/);
    expect(result.stderr).toContain('problems in the export');
    expect(result.stderr).toMatch(/Account\.csv line \d+, column LicensedSeats__c/);
    expect(result.stderr).toContain('Notes.csv');
    expect(readdirSync(outDir).filter((name) => name.endsWith('-health-check.md')).length).toBeGreaterThan(0);
  });

  it('writes a report with the ledger and actions', () => {
    runScore(['--export', fixture, '--config', fixtureConfig, '--out', outDir]);

    const report = readFileSync(path.join(outDir, 'acme-inc-health-check.md'), 'utf8');

    expect(report).toContain('# Acme, Inc.: health check');
    expect(report).toContain('## Contribution ledger');
    expect(report).toContain('## Recommended actions');
  });

  it('opens risks and writes a risk plan per account with one', () => {
    const result = runScore(['--out', outDir, '--top', '0']);

    const counts = [...result.stdout.matchAll(/^ {2}(\w+) +(\d+) {2}/gm)].map((match) => [match[1], Number(match[2])]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Risks opened: \d+ on \d+ accounts/);
    expect(counts.filter(([, count]) => (count as number) > 0).length).toBeGreaterThanOrEqual(4);
    const plans = readdirSync(outDir).filter((name) => name.endsWith('-risk-plan.md'));
    expect(plans.length).toBeGreaterThan(0);
    const plan = readFileSync(path.join(outDir, plans[0]), 'utf8');
    expect(plan).toContain(': risk mitigation plan');
    expect(plan).toContain('- Escalation: CSM rung, deadline 2026-12-07');
    expect(plan).toContain('| Agree a mitigation plan with the customer |');
    const report = readFileSync(path.join(outDir, plans[0].replace('-risk-plan.md', '-health-check.md')), 'utf8');
    expect(report).toContain('## Risks');
  });

  it('stops on invalid risk rules', () => {
    const riskDir = path.join(outDir, 'risk');
    mkdirSync(riskDir);
    const defaultDir = path.join(root, 'force-app', 'main', 'risk', 'customMetadata');
    for (const name of readdirSync(defaultDir)) {
      let text = readFileSync(path.join(defaultDir, name), 'utf8');
      if (name === 'RiskRule.BandDrop.md-meta.xml') {
        text = text.replace(/(<field>WindowDays__c<\/field>\s*<value xsi:type="xsd:double">)[^<]+/, '$13.0');
      }
      writeFileSync(path.join(riskDir, name), text);
    }

    const result = runScore(['--export', fixture, '--risk-dir', riskDir, '--out', path.join(outDir, 'reports')]);

    expect(result.status).toBe(2);
    expect(result.stderr).toContain('The risk rules are invalid; nothing was scored.');
    expect(result.stderr).toContain('RiskRule.BandDrop.md-meta.xml');
    expect(result.stderr).toContain('WindowDays__c is 3');
  });

  it('rejects an invalid date option with exit code 2', () => {
    const result = runScore(['--export', fixture, '--as-of', '2026-02-30']);

    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--as-of "2026-02-30" is not a valid date');
  });

  it('rejects an unknown option with the usage text', () => {
    const result = runScore(['--colour']);

    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Usage: npm run score');
  });

  it('stops on an invalid model and lists every problem', () => {
    const modelDir = path.join(outDir, 'model');
    mkdirSync(modelDir);
    const defaultDir = path.join(root, 'force-app', 'main', 'health', 'customMetadata');
    for (const name of readdirSync(defaultDir)) {
      let text = readFileSync(path.join(defaultDir, name), 'utf8');
      if (name === 'HealthModel.Default.md-meta.xml') {
        text = text.replace(/(<field>GreenMin__c<\/field>\s*<value xsi:type="xsd:double">)[^<]+/, '$110.0');
      }
      writeFileSync(path.join(modelDir, name), text);
    }

    const result = runScore(['--export', fixture, '--model-dir', modelDir, '--out', path.join(outDir, 'reports')]);

    expect(result.status).toBe(2);
    expect(result.stderr).toContain('The health model is invalid; nothing was scored.');
    expect(result.stderr).toMatch(/greenMin/i);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../paths';

const root = repoRoot();
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const fixture = path.join(root, 'scripts', 'lib', 'export', '__tests__', 'fixtures', 'full-export');

function runScore(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(tsx, [path.join(root, 'scripts', 'score.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('score command with success plans', () => {
  let outDir: string;

  beforeEach(() => {
    outDir = mkdtempSync(path.join(os.tmpdir(), 'score-plans-'));
  });

  afterEach(() => {
    rmSync(outDir, { recursive: true, force: true });
  });

  it('writes a success plan per demo account with a plan', () => {
    const result = runScore(['--out', outDir, '--top', '0']);

    const written = /Wrote \d+ health-check reports, \d+ risk plans and (\d+) success plans/.exec(result.stdout);
    const completed = /Milestones completed automatically on 2026-11-30: (\d+) on (\d+) accounts/.exec(result.stdout);
    const files = readdirSync(outDir).filter((name) => name.endsWith('-success-plan.md'));
    expect(result.status).toBe(0);
    expect(Number(written?.[1])).toBe(files.length);
    expect(files.length).toBeGreaterThan(80);
    expect(Number(completed?.[1])).toBeGreaterThanOrEqual(10);
    const withCountdown = files.filter((name) =>
      readFileSync(path.join(outDir, name), 'utf8').includes('## Renewal checkpoints')
    );
    expect(withCountdown).toHaveLength(files.length);
  });

  it('stops on an invalid plan template', () => {
    const planDir = path.join(outDir, 'plans');
    mkdirSync(planDir);
    const defaultDir = path.join(root, 'force-app', 'main', 'plans', 'customMetadata');
    for (const name of readdirSync(defaultDir)) {
      let text = readFileSync(path.join(defaultDir, name), 'utf8');
      if (name === 'PlanTemplate.Adoption.md-meta.xml') {
        text = text.replace(/(<field>DurationDays__c<\/field>\s*<value xsi:type="xsd:double">)[^<]+/, '$10.0');
      }
      writeFileSync(path.join(planDir, name), text);
    }

    const result = runScore(['--export', fixture, '--plan-dir', planDir, '--out', path.join(outDir, 'reports')]);

    expect(result.status).toBe(2);
    expect(result.stderr).toContain('The plan templates or renewal checkpoints are invalid; nothing was scored.');
    expect(result.stderr).toContain('PlanTemplate.Adoption.md-meta.xml');
    expect(result.stderr).toContain('durationDays is 0');
  });
});

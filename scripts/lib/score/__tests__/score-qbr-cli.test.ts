import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../paths';

const root = repoRoot();
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const fixture = path.join(root, 'scripts', 'lib', 'qbr', '__tests__', 'fixtures', 'qbr-export');

function runScore(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(tsx, [path.join(root, 'scripts', 'score.ts'), '--export', fixture, '--top', '0', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('score command with business reviews', () => {
  let outDir: string;

  beforeEach(() => {
    outDir = mkdtempSync(path.join(os.tmpdir(), 'score-qbr-'));
  });

  afterEach(() => {
    rmSync(outDir, { recursive: true, force: true });
  });

  it('writes the reviews of the as-of quarter', () => {
    const result = runScore(['--out', outDir]);

    const files = readdirSync(outDir).filter((name) => name.endsWith('-qbr-2026-q4.md'));
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`Wrote 6 business reviews (QBRs) of 2026-Q4, one per scored account, to ${outDir}`);
    expect(files).toHaveLength(6);
    expect(readFileSync(path.join(outDir, 'acme-corp-qbr-2026-q4.md'), 'utf8')).toContain(
      '| Cases opened | 4 Cases[^2] |'
    );
  });

  it('writes the reviews of a chosen quarter', () => {
    const result = runScore(['--out', outDir, '--quarter', '2026-q3']);

    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Wrote 6 business reviews (QBRs) of 2026-Q3');
    const markdown = readFileSync(path.join(outDir, 'acme-corp-qbr-2026-q3.md'), 'utf8');
    expect(markdown).toContain('- Period: 2026-07-01 to 2026-09-30');
    expect(markdown).toContain('| Cases opened | 2 Cases');
  });

  it('rejects an invalid quarter', () => {
    const result = runScore(['--out', outDir, '--quarter', '2026-Q5']);

    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      '--quarter: Quarter "2026-Q5" is not valid. Use the form YYYY-Qn, for example 2026-Q4.'
    );
    expect(readdirSync(outDir)).toEqual([]);
  });

  it('rejects a quarter after the as-of date', () => {
    const result = runScore(['--out', path.join(outDir, 'reports'), '--quarter', '2027-Q1']);

    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--quarter: Quarter 2027-Q1 has not started by 2026-11-30');
    expect(existsSync(path.join(outDir, 'reports'))).toBe(false);
  });
});

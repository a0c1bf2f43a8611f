import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../paths';

const root = repoRoot();
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const adoptionExport = path.join(root, 'scripts', 'lib', 'adoption', '__tests__', 'fixtures', 'adoption-export');
const fullExport = path.join(root, 'scripts', 'lib', 'export', '__tests__', 'fixtures', 'full-export');

function runScore(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(tsx, [path.join(root, 'scripts', 'score.ts'), '--top', '0', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function filesEndingWith(folder: string, suffix: string): string[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith(suffix))
    .sort();
}

describe('score command with adoption reports', () => {
  let outDir: string;

  beforeEach(() => {
    outDir = mkdtempSync(path.join(os.tmpdir(), 'score-adoption-'));
  });

  afterEach(() => {
    rmSync(outDir, { recursive: true, force: true });
  });

  it('writes the reports of the demo org', () => {
    const result = runScore(['--out', outDir]);

    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      `Wrote 197 adoption scorecards, 197 expansion maps and 6 adoption playbooks (one per Active playbook in the ` +
        `export) to ${outDir}; 192 accounts have a flagged feature without an Active playbook; none is written for ` +
        "it, because starting a playbook is the CSM's decision."
    );
    expect(filesEndingWith(outDir, '-adoption-scorecard.md')).toHaveLength(197);
    expect(filesEndingWith(outDir, '-expansion-map.md')).toHaveLength(197);
    expect(filesEndingWith(outDir, '-adoption-playbook.md')).toEqual([
      'heskholt-insurance-csat-surveys-adoption-playbook.md',
      'neskamere-brewing-executive-dashboards-adoption-playbook.md',
      'pellthorpe-utilities-sla-escalations-adoption-playbook.md',
      'quillwick-capital-ai-triage-adoption-playbook.md',
      'skeling-builders-inc-mobile-work-orders-adoption-playbook.md',
      'yarnridge-renewables-inc-workflow-designer-adoption-playbook.md'
    ]);
    const playbook = readFileSync(
      path.join(outDir, 'neskamere-brewing-executive-dashboards-adoption-playbook.md'),
      'utf8'
    );
    expect(playbook).toContain('# Neskamere Brewing: Executive Dashboards adoption playbook');
    expect(playbook).toContain('- Baseline: 40%');
    expect(playbook).toContain('| Access | Only 3 of 5 entitled users (60%) are assigned the feature;');
  });

  it('writes the reports of an export with adoption files', () => {
    const result = runScore(['--export', adoptionExport, '--out', outDir]);

    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      `Wrote 2 adoption scorecards, 2 expansion maps and 1 adoption playbook (one per Active playbook in the export) ` +
        `to ${outDir}; 2 accounts have a flagged feature without an Active playbook;`
    );
    expect(result.stdout).toContain('Note: FeatureUsage__c.csv: 1 row names a feature that is not active');
    expect(filesEndingWith(outDir, '-adoption-playbook.md')).toEqual([
      'acme-corp-sla-escalations-adoption-playbook.md'
    ]);
    const scorecard = readFileSync(path.join(outDir, 'acme-corp-adoption-scorecard.md'), 'utf8');
    expect(scorecard).toContain(
      '| Approval Chains | 50% | 25% too few months | 0% too few months | 40% too few months |'
    );
    expect(scorecard).toContain('| 1 | Workflow Designer | 0% | 60% | 5 | 300 | Yes |');
    const map = readFileSync(path.join(outDir, 'globex-expansion-map.md'), 'utf8');
    expect(map).toContain('- Opportunity: Globex - Helpline Automation expansion');
    expect(readdirSync(outDir).some((name) => name.startsWith('initech-adoption'))).toBe(false);
  });

  it('writes no adoption report for an export without adoption files', () => {
    const result = runScore([
      '--export',
      fullExport,
      '--config',
      path.join(fullExport, '..', 'full-export.config.json'),
      '--out',
      outDir
    ]);

    expect(result.stdout).toContain('Wrote 0 adoption scorecards, 0 expansion maps and 0 adoption playbooks');
    expect(filesEndingWith(outDir, '-adoption-scorecard.md')).toEqual([]);
  });

  it('stops on invalid adoption metadata', () => {
    const adoptionDir = path.join(outDir, 'adoption');
    cpSync(path.join(root, 'force-app', 'main', 'adoption', 'customMetadata'), adoptionDir, { recursive: true });
    const record = path.join(adoptionDir, 'AdoptionFeature.AiTriage.md-meta.xml');
    writeFileSync(
      record,
      readFileSync(record, 'utf8').replace(
        /(<field>ValueRank__c<\/field>\s*<value xsi:type="xsd:double">)[^<]+/,
        '$19.0'
      )
    );

    const result = runScore([
      '--export',
      adoptionExport,
      '--adoption-dir',
      adoptionDir,
      '--out',
      path.join(outDir, 'reports')
    ]);

    expect(result.status).toBe(2);
    expect(result.stderr).toContain('The adoption metadata is invalid; nothing was scored.');
    expect(result.stderr).toContain('ValueRank__c: value 9 is out of range; set a rank from 1 to 5');
    expect(readdirSync(outDir)).toEqual(['adoption']);
  });
});

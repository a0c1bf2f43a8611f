import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderRiskPlan } from 'c/riskEngine';
import { buildPlanInput } from '../../../../force-app/main/risk/lwc/riskRegister/registerView';
import { loadFixture } from '../../../cockpit/__tests__/cockpitFixture';
import type { CockpitFixture } from '../../../cockpit/__tests__/cockpitFixture';

type Register = ApexTypes.RiskRegisterController_Register;

const root = path.resolve(__dirname, '..', '..', '..', '..');
const demoExport = path.join(root, 'demo', 'org-export');

describe('risk plan of the demo org', () => {
  let outDir: string;
  let fixture: CockpitFixture;

  beforeAll(async () => {
    outDir = mkdtempSync(path.join(os.tmpdir(), 'risk-plan-export-'));
    const result = spawnSync(
      path.join(root, 'node_modules', '.bin', 'tsx'),
      [path.join(root, 'scripts', 'score.ts'), '--out', outDir, '--top', '0'],
      { cwd: root, encoding: 'utf8', timeout: 240_000 }
    );
    if (result.status !== 0) {
      throw new Error(`The score command failed with status ${String(result.status)}: ${result.stderr}`);
    }
    fixture = await loadFixture({ exportDir: demoExport, configFile: null });
  }, 300_000);

  afterAll(() => {
    fixture?.cleanup();
    rmSync(outDir, { recursive: true, force: true });
  });

  it('matches the score command file for every account', async () => {
    const cliPlans = new Map(
      readdirSync(outDir)
        .filter((name) => name.endsWith('-risk-plan.md'))
        .map((name) => readFileSync(path.join(outDir, name), 'utf8'))
        .map((text) => [text.slice(0, text.indexOf('\n')), text])
    );
    const accounts = fixture.data.accountsByRisk().filter((state) => state.risks.length > 0);
    expect(accounts.length).toBe(cliPlans.size);

    for (const account of accounts) {
      const register = (await fixture
        .app('csm')
        .invokeApex('RiskRegisterController.getRegister', { accountId: account.signals.accountId })) as Register;

      const exported = renderRiskPlan(buildPlanInput(register));

      expect(exported).toBe(cliPlans.get(exported.slice(0, exported.indexOf('\n'))));
      expect(exported).toContain(`As of ${fixture.data.asOf as string}:`);
      for (const finding of account.risks) {
        expect(exported).not.toContain(`. ${finding.rule}:`);
      }
    }
  });
});

import { existsSync } from 'node:fs';
import path from 'node:path';
import type { AccountHealth, LedgerEntry } from 'c/healthEngine';
import { defaultExportConfig, readOrgExport } from '../../export';
import { loadDefaultModels } from '../../model';
import { researchDataDir } from '../../paths';
import { scorePortfolio } from '../portfolio';

// A real org export (Account, Case and Contact only) published by Salesforce under the BSD-3-Clause licence.
const exportDir = path.join(researchDataDir(), 'sfdc-assets-gen-ai-demo');
const hasExport = existsSync(exportDir);
if (!hasExport) {
  console.warn(`Skipping the real-export scoring tests: ${exportDir} is missing.`);
}
const describeIfPresent = hasExport ? describe : describe.skip;

const ABE_SAMPSON = '001Nq00000J1MwnIAF';
const JOES_TAVERN = '001Nq00000J1MpvIAF';
const USAGE_SIGNALS = ['LicenseUtilization', 'ActiveDayShare', 'LoginChange'];

function entry(health: AccountHealth, signal: string): LedgerEntry {
  const found = health.ledger.find((line) => line.signal === signal);
  if (!found) {
    throw new Error(`No ledger entry for ${signal}`);
  }
  return found;
}

describeIfPresent('scoring a real export without login data', () => {
  let healths: Map<string, AccountHealth>;

  beforeAll(async () => {
    const orgExport = await readOrgExport(exportDir, defaultExportConfig());
    const result = scorePortfolio(
      loadDefaultModels(),
      orgExport.accounts,
      orgExport.history,
      orgExport.latestDate as string
    );
    healths = new Map(result.scored.map((scored) => [scored.health.accountId, scored.health]));
  });

  it('scores every account', () => {
    expect(healths.size).toBe(94);
  });

  it('shows reduced coverage instead of a band', () => {
    for (const health of healths.values()) {
      expect(health.coverage).toBeLessThan(0.5);
      expect(health.isInsufficient).toBe(true);
      expect(health.band).toBe('Insufficient');
    }
  });

  it('scores no login measure', () => {
    for (const health of healths.values()) {
      for (const signal of USAGE_SIGNALS) {
        const line = entry(health, signal);
        expect(line.hasData).toBe(false);
        expect(line.raw).toBeNull();
        expect(line.score).toBeNull();
        expect(line.points).toBe(0);
      }
    }
  });

  it('never scores missing data as zero', () => {
    for (const health of healths.values()) {
      for (const line of health.ledger.filter((candidate) => !candidate.hasData)) {
        expect(line.score).not.toBe(0);
      }
    }
  });

  it('counts an Escalated status as an escalation', () => {
    expect(entry(healths.get(JOES_TAVERN) as AccountHealth, 'EscalatedCases').raw).toBe(1);
    expect(entry(healths.get(ABE_SAMPSON) as AccountHealth, 'EscalatedCases').raw).toBe(1);
  });

  it('counts the open high-priority Case', () => {
    expect(entry(healths.get(ABE_SAMPSON) as AccountHealth, 'OpenHighPriorityCases').raw).toBe(1);
    expect(entry(healths.get(JOES_TAVERN) as AccountHealth, 'OpenHighPriorityCases').raw).toBe(0);
  });

  it('gives accounts without Cases a full support score', () => {
    const quiet = [...healths.values()].find(
      (health) => health.accountId !== ABE_SAMPSON && entry(health, 'OpenHighPriorityCases').raw === 0
    ) as AccountHealth;

    expect(entry(quiet, 'OpenHighPriorityCases').score).toBe(100);
  });
});

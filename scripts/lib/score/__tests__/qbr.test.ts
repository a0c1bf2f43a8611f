import path from 'node:path';
import type { HealthModel } from 'c/healthEngine';
import type { EscalationRung, RiskFinding, RiskRule } from 'c/riskEngine';
import { defaultExportConfig, readOrgExport } from '../../export';
import type { OrgExport } from '../../export';
import { loadDefaultModels } from '../../model';
import { scorePortfolio } from '../portfolio';
import type { ScoredAccount } from '../portfolio';
import { buildQbrReports, qbrAccountsOf, qbrSourceOf } from '../qbr';

const FIXTURE = path.join(__dirname, '..', '..', 'qbr', '__tests__', 'fixtures', 'qbr-export');
const AS_OF = '2026-11-30';
const ACME = '001Q00000000001AAA';
const RUNGS = [
  { rung: 'CSM', deadlineDays: 7 },
  { rung: 'Manager', deadlineDays: 14 }
] as EscalationRung[];
const RULES = [{ name: 'LoginDrop', label: 'Login drop' }] as RiskRule[];

let orgExport: OrgExport;
let models: HealthModel[];
let scored: ScoredAccount[];

beforeAll(async () => {
  orgExport = await readOrgExport(FIXTURE, defaultExportConfig());
  models = loadDefaultModels().filter((model) => model.isActive !== false);
  scored = scorePortfolio(models, orgExport.accounts, orgExport.history, AS_OF).scored;
});

function stem(accountId: string): string {
  return accountId === ACME ? 'acme-corp' : accountId.toLowerCase();
}

describe('qbrAccountsOf', () => {
  it('completes the milestones of Active plans on the as-of date', () => {
    const acme = qbrAccountsOf(orgExport, scored, AS_OF).find((account) => account.signals.accountId === ACME);
    const milestone = acme?.plans
      .flatMap((plan) => plan.milestones)
      .find((entry) => entry.name === 'Invoices paid on time');

    expect(milestone?.completedDate).toBe(AS_OF);
    expect(milestone?.completionSource).toBe('Automatic');
  });

  it('keeps every account of the export', () => {
    expect(qbrAccountsOf(orgExport, scored.slice(0, 1), AS_OF)).toHaveLength(6);
  });
});

describe('buildQbrReports', () => {
  it('writes one review per scored account', () => {
    const reports = buildQbrReports(qbrSourceOf(orgExport, scored, models, AS_OF), scored, '2026-Q4', [], RUNGS, stem);

    expect(reports).toHaveLength(6);
    expect(reports.map((report) => report.accountId)).toEqual(scored.map((account) => account.signals.accountId));
  });

  it('renders the numbers of the quarter', () => {
    const acme = scored.filter((account) => account.signals.accountId === ACME);

    const [report] = buildQbrReports(qbrSourceOf(orgExport, scored, models, AS_OF), acme, '2026-Q4', [], RUNGS, stem);

    expect(report.fileName).toBe('acme-corp-qbr-2026-q4.md');
    expect(report.markdown).toContain('# Acme Corp: business review 2026-Q4');
    expect(report.markdown).toContain('- Executive sponsor: Ada Sponsor');
    expect(report.markdown).toContain('| Cases resolved | 4 Cases[^3] | 2026-10-01 to 2026-12-31 | 2026-11-30 |');
    expect(report.markdown).toContain('| Median resolution time | 6.5 days[^6] |');
    expect(report.markdown).toContain('| Logins | 305 logins[^7] |');
    expect(report.markdown).toContain('| Licensed seats in use at peak in 2026-11 | 88%[^9] |');
    expect(report.markdown).toContain(
      '- Milestone achieved: Invoices paid on time, on 2026-11-30, confirmed by the data'
    );
    expect(report.markdown).toContain('Ahead: Days Past Due is 5 against a peer median of 15');
  });

  it('shows the risks the rules opened', () => {
    const finding = { rule: 'LoginDrop', severity: 'Medium', detectedOn: AS_OF } as RiskFinding;
    const acme = scored
      .filter((account) => account.signals.accountId === ACME)
      .map((account) => ({ ...account, risks: [finding] }));

    const [report] = buildQbrReports(
      qbrSourceOf(orgExport, scored, models, AS_OF),
      acme,
      '2026-Q4',
      RULES,
      RUNGS,
      stem
    );

    expect(report.markdown).toContain(
      '- Medium risk: Login drop, detected on 2026-11-30. Open: mitigation under way, CSM rung'
    );
  });

  it('names the file after a past quarter', () => {
    const acme = scored.filter((account) => account.signals.accountId === ACME);

    const [report] = buildQbrReports(qbrSourceOf(orgExport, scored, models, AS_OF), acme, '2026-Q3', [], RUNGS, stem);

    expect(report.fileName).toBe('acme-corp-qbr-2026-q3.md');
    expect(report.markdown).toContain('- Data as of: 2026-09-30');
  });
});

import { existsSync } from 'fs';
import path from 'path';
import { repoRoot } from '../../paths';
import { loadExportConfig } from '../config';
import { readOrgExport } from '../read-export';
import type { OrgExport } from '../read-export';

// A real org export (Account, Case, Contact) published in SFDC-Assets/gen-ai-demo under BSD-3-Clause. It sits
// beside the repository, so a fresh clone without it skips these tests.
const EXPORT_DIR = path.resolve(repoRoot(), '..', 'shared', 'research-data', 'sfdc-assets-gen-ai-demo');
const hasExport = existsSync(path.join(EXPORT_DIR, 'Account.csv'));
if (!hasExport) {
  console.warn(`Skipping the real org export tests: ${EXPORT_DIR} is missing.`);
}
const describeIfPresent = hasExport ? describe : describe.skip;

describeIfPresent('readOrgExport with a real export', () => {
  let result: OrgExport;

  beforeAll(async () => {
    result = await readOrgExport(EXPORT_DIR, loadExportConfig(null));
  });

  it('reads every row without problems', () => {
    expect(result.problems).toEqual([]);
    expect(result.files).toEqual([
      { name: 'Account.csv', rows: 94, rejected: 0, skipped: false },
      { name: 'Contact.csv', rows: 64, rejected: 0, skipped: false },
      { name: 'Case.csv', rows: 40, rejected: 0, skipped: false }
    ]);
  });

  it('loads all 94 accounts', () => {
    expect(result.accounts).toHaveLength(94);
    expect(new Set(result.accounts.map((signals) => signals.accountId)).size).toBe(94);
  });

  it('counts cases of the six accounts', () => {
    const counts = Object.fromEntries(
      result.accounts
        .filter((signals) => (signals.cases?.length ?? 0) > 0)
        .map((signals) => [signals.accountId, signals.cases?.length])
    );

    expect(counts).toEqual({
      '001Nq00000J1MpkIAF': 1,
      '001Nq00000J1MpvIAF': 1,
      '001Nq00000J1MwUIAV': 1,
      '001Nq00000J1MwfIAF': 1,
      '001Nq00000J1MwnIAF': 18,
      '001Nq00000J1ZlfIAF': 18
    });
    expect(result.accounts.every((signals) => signals.cases !== null)).toBe(true);
  });

  it('escalates the four Escalated cases', () => {
    const escalated = result.accounts.flatMap((signals) =>
      (signals.cases ?? []).filter((fact) => fact.isEscalated).map((fact) => fact.id)
    );

    expect(escalated.sort()).toEqual([
      '500Nq00000CBxteIAD',
      '500Nq00000CBzShIAL',
      '500Nq00000CC5rUIAT',
      '500Nq00000CC98fIAD'
    ]);
  });

  it('closes the 32 closed cases', () => {
    const cases = result.accounts.flatMap((signals) => signals.cases ?? []);

    expect(cases.filter((fact) => fact.closedDate === '2024-07-11')).toHaveLength(32);
    expect(cases.filter((fact) => fact.closedDate === null)).toHaveLength(8);
    expect(cases.filter((fact) => fact.isHighPriority)).toHaveLength(2);
  });

  it('has no usage source', () => {
    expect(result.hasLoginData).toBe(false);
    expect(result.accounts.every((signals) => signals.usage === null)).toBe(true);
    expect(result.accounts.every((signals) => signals.activities === null && signals.feedback === null)).toBe(true);
  });

  it('takes latestDate from the cases', () => {
    expect(result.latestDate).toBe('2024-07-11');
  });

  it('reads Type and Industry as attributes', () => {
    expect(result.accounts.find((signals) => signals.accountId === '001Nq00000J1MpvIAF')?.attributes).toEqual({
      Industry: 'Food & Beverage'
    });
    expect(result.accounts.filter((signals) => Object.keys(signals.attributes).length > 0)).toHaveLength(26);
  });
});

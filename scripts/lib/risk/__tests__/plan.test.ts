import type { EscalationRung, RiskFinding, RiskRule } from 'c/riskEngine';
import { buildOfflinePlanEntries, buildOfflinePlanInput, FIRST_MITIGATION_ACTION, fridayOnOrAfter } from '..';

const RUNGS: EscalationRung[] = [
  { rung: 'CSM', sortOrder: 1, deadlineDays: 7 },
  { rung: 'Manager', sortOrder: 2, deadlineDays: 5 }
];

function finding(overrides: Partial<RiskFinding> = {}): RiskFinding {
  return {
    rule: 'LoginDrop',
    ruleType: 'LoginDrop',
    category: 'Adoption',
    severity: 'Medium',
    leadingIndicator: 'Falling logins',
    evidence: 'Logins fell 50% to 50 in the 28 days to 2026-11-30, from 100 in the 28 days before.',
    caseIds: [],
    snapshotDates: [],
    resolutionCriteria: 'Score at least 75 for 2 snapshots',
    checkInCadenceDays: 14,
    detectedOn: '2026-11-30',
    ...overrides
  };
}

describe('fridayOnOrAfter', () => {
  it.each([
    ['2026-11-30', '2026-12-04'],
    ['2026-12-03', '2026-12-04'],
    ['2026-12-04', '2026-12-04'],
    ['2026-12-05', '2026-12-11'],
    ['2026-12-06', '2026-12-11'],
    ['1969-12-31', '1970-01-02']
  ])('maps %s to %s', (date, friday) => {
    expect(fridayOnOrAfter(date)).toBe(friday);
  });
});

describe('buildOfflinePlanEntries', () => {
  it('starts each risk on the CSM rung', () => {
    const [entry] = buildOfflinePlanEntries([finding()], { ownerName: 'Dana Reyes', arr: 50000 }, RUNGS);

    expect(entry).toEqual({
      title: finding().rule,
      finding: finding(),
      owner: 'Dana Reyes',
      rung: 'CSM',
      rungDeadline: '2026-12-07',
      nextCheckIn: '2026-12-14',
      actions: [
        { subject: FIRST_MITIGATION_ACTION, owner: 'Dana Reyes', dueDate: '2026-12-04', status: 'Not Started' }
      ],
      arrAtRisk: 50000
    });
  });

  it('leaves the check-in open without a cadence', () => {
    const [entry] = buildOfflinePlanEntries(
      [finding({ checkInCadenceDays: null })],
      { ownerName: null, arr: null },
      RUNGS
    );

    expect(entry.nextCheckIn).toBeNull();
    expect(entry.owner).toBeNull();
  });

  it('titles each risk with the label of its rule', () => {
    const input = buildOfflinePlanInput(
      'Acme',
      '2026-11-30',
      [finding()],
      { ownerName: null, arr: null },
      { rules: [{ name: finding().rule, label: 'Health Score Drop' } as RiskRule], rungs: RUNGS }
    );

    expect(input.asOf).toBe('2026-11-30');
    expect(input.risks.map((entry) => entry.title)).toEqual(['Health Score Drop']);
  });

  it('rejects a ladder without CSM', () => {
    expect(() => buildOfflinePlanEntries([finding()], { ownerName: null, arr: null }, RUNGS.slice(1))).toThrow(
      'The escalation ladder has no CSM rung'
    );
  });
});

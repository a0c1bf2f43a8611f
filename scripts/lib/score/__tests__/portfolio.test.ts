import type { AccountHealth, AccountSignals, HealthModel, UsageDay } from 'c/healthEngine';
import { loadDefaultModels } from '../../model';
import { loadRiskMetadata, packageRiskMetadataDir } from '../../risk';
import { compareByRisk, scorePortfolio, shiftDate } from '../portfolio';
import { formatPortfolio, formatSummary, summarize } from '../print';

const AS_OF = '2026-11-30';

function usage(days: number, activeUsers: (day: number) => number): UsageDay[] {
  const rows: UsageDay[] = [];
  for (let day = days - 1; day >= 0; day--) {
    const users = activeUsers(day);
    rows.push({ date: shiftDate(AS_OF, -day), activeUsers: users, logins: users * 2 });
  }
  return rows;
}

function account(id: string, name: string, overrides: Partial<AccountSignals> = {}): AccountSignals {
  return {
    accountId: id,
    accountName: name,
    attributes: {},
    licensedSeats: 20,
    usage: usage(120, () => 12),
    cases: [],
    activities: null,
    hasExecutiveSponsor: false,
    hasChampion: false,
    feedback: null,
    objectives: null,
    renewalDate: '2027-06-30',
    daysPastDue: 0,
    ...overrides
  };
}

function health(overrides: Partial<AccountHealth>): AccountHealth {
  return {
    accountId: '001',
    accountName: 'A',
    asOf: AS_OF,
    modelName: 'Default',
    modelVersion: 1,
    score: 50,
    band: 'Yellow',
    uncappedScore: 50,
    isCapped: false,
    cappedBy: [],
    coverage: 1,
    isInsufficient: false,
    dimensions: [],
    ledger: [],
    trend: { slopePerWeek: 0, direction: 'Stable', points: 2 },
    topLever: null,
    topReason: 'reason',
    overallOverrideId: null,
    ...overrides
  };
}

describe('shiftDate', () => {
  it('moves across month and year ends in UTC', () => {
    expect(shiftDate('2026-12-31', 1)).toBe('2027-01-01');
    expect(shiftDate('2026-03-01', -1)).toBe('2026-02-28');
  });
});

describe('scorePortfolio', () => {
  const models: HealthModel[] = loadDefaultModels();

  it('recomputes weekly history when the export has no snapshots', () => {
    const result = scorePortfolio(models, [account('001A', 'Steady')], new Map(), AS_OF);

    const scored = result.scored[0];
    expect(scored.historySource).toBe('recomputed');
    expect(scored.health.trend.points).toBe(Math.floor((models[0].trendWindowDays - 1) / 7) + 1);
    expect(scored.health.trend.direction).toBe('Stable');
  });

  it('sees a decline in recomputed history', () => {
    const falling = account('001B', 'Falling', { usage: usage(120, (day) => (day < 42 ? Math.floor(day / 4) : 12)) });

    const result = scorePortfolio(models, [falling], new Map(), AS_OF);

    expect(result.scored[0].health.trend.direction).toBe('Declining');
  });

  it('fills the ledger change column from last week', () => {
    const falling = account('001B', 'Falling', { usage: usage(120, (day) => (day < 7 ? 2 : 12)) });

    const result = scorePortfolio(models, [falling], new Map(), AS_OF);

    const utilization = result.scored[0].health.ledger.find((entry) => entry.signal === 'LicenseUtilization');
    expect(utilization?.pointsChange).not.toBeNull();
  });

  it('prefers stored snapshots for the trend', () => {
    const stored = new Map([
      [
        '001A',
        [
          { asOf: '2026-11-16', score: 90 },
          { asOf: '2026-11-23', score: 80 }
        ]
      ]
    ]);

    const result = scorePortfolio(models, [account('001A', 'Steady')], stored, AS_OF);

    expect(result.scored[0].historySource).toBe('snapshots');
    expect(result.scored[0].health.trend.points).toBe(3);
  });

  it('detects risks from recomputed history', () => {
    const rules = loadRiskMetadata(packageRiskMetadataDir()).rules;
    const falling = account('001B', 'Falling', {
      usage: usage(120, (day) => (day < 28 ? 1 : 12)),
      championStatus: 'Gone'
    });

    const result = scorePortfolio(models, [falling], new Map(), AS_OF, rules);

    const scored = result.scored[0];
    expect(scored.history.length).toBeGreaterThan(0);
    expect(scored.history.every((point) => point.band !== 'Insufficient')).toBe(true);
    expect(scored.risks.map((risk) => risk.rule)).toEqual(expect.arrayContaining(['ChampionGone', 'LoginDrop']));
    expect(scored.risks.every((risk) => risk.detectedOn === AS_OF)).toBe(true);
  });

  it('detects no risk without rules', () => {
    const falling = account('001B', 'Falling', { championStatus: 'Gone' });

    const result = scorePortfolio(models, [falling], new Map(), AS_OF);

    expect(result.scored[0].risks).toEqual([]);
  });

  it('bands stored history for the risk rules', () => {
    const rules = loadRiskMetadata(packageRiskMetadataDir()).rules.filter((rule) => rule.ruleType === 'ScoreDrop');
    const stored = new Map([['001A', [{ asOf: '2026-11-23', score: 100 }]]]);

    const result = scorePortfolio(models, [account('001A', 'Steady')], stored, AS_OF, rules);

    expect(result.scored[0].history).toEqual([{ asOf: '2026-11-23', score: 100, band: 'Green' }]);
    expect(result.scored[0].risks.map((risk) => risk.snapshotDates)).toEqual([['2026-11-23', AS_OF]]);
  });

  it('leaves accounts out when no model applies', () => {
    const segmentOnly: HealthModel[] = models.map((model) => ({
      ...model,
      segment: { field: 'Segment__c', values: ['Enterprise'] }
    }));

    const result = scorePortfolio(segmentOnly, [account('001C', 'Small')], new Map(), AS_OF);

    expect(result.scored).toHaveLength(0);
    expect(result.unscored[0].reason).toContain('no active health model');
  });
});

describe('compareByRisk', () => {
  it('orders red, yellow, green, then insufficient data', () => {
    const accounts = [
      health({ accountName: 'Green', band: 'Green', score: 90 }),
      health({ accountName: 'Thin', band: 'Insufficient', score: 10, isInsufficient: true }),
      health({ accountName: 'Red', band: 'Red', score: 30 }),
      health({ accountName: 'Yellow', band: 'Yellow', score: 60 })
    ];

    accounts.sort(compareByRisk);

    expect(accounts.map((entry) => entry.accountName)).toEqual(['Red', 'Yellow', 'Green', 'Thin']);
  });

  it('puts the lower score and then the declining trend first', () => {
    const accounts = [
      health({ accountName: 'Stable', score: 55 }),
      health({ accountName: 'Lower', score: 51 }),
      health({ accountName: 'Declining', score: 55, trend: { slopePerWeek: -3, direction: 'Declining', points: 8 } })
    ];

    accounts.sort(compareByRisk);

    expect(accounts.map((entry) => entry.accountName)).toEqual(['Lower', 'Declining', 'Stable']);
  });
});

describe('portfolio output', () => {
  it('counts bands and the ARR of red accounts', () => {
    const accounts = [
      health({ accountId: 'r1', band: 'Red' }),
      health({ accountId: 'r2', band: 'Red' }),
      health({ accountId: 'g1', band: 'Green' }),
      health({ accountId: 'i1', band: 'Insufficient' })
    ];

    const summary = summarize(accounts, (id) => (id === 'r1' ? 1000 : id === 'r2' ? 2500.4 : 99));

    expect(summary).toEqual({ accounts: 4, red: 2, yellow: 0, green: 1, insufficient: 1, redArr: 3500.4 });
    expect(formatSummary(summary)).toBe(
      '4 accounts: 2 red, 0 yellow, 1 green, 1 insufficient data; ARR in red accounts $3,500'
    );
  });

  it('prints one line per account with score, band, coverage and trend', () => {
    const lines = formatPortfolio([
      health({ accountName: 'Acme', score: 42.25, band: 'Red', isCapped: true, coverage: 0.625 })
    ]);

    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^Acme\s+42\.3\s+Red \(cap\)\s+63%\s+stable 0\.0\/wk\s+reason$/);
  });
});

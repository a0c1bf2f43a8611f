import { customerSlug, escapeMarkdown, formatWeight, renderHealthCheck } from 'c/healthReport';
import type { HealthCheckInput } from 'c/healthReport';
import type { AccountHealth, AccountSignals, HealthModel, LedgerEntry } from 'c/healthEngine';
import type { RiskFinding } from 'c/riskEngine';

function ledgerEntry(overrides: Partial<LedgerEntry>): LedgerEntry {
  return {
    measure: 'LicenseUtilization30d',
    label: 'License utilization',
    dimension: 'ProductAdoption',
    signal: 'LicenseUtilization',
    raw: 35,
    hasData: true,
    missingPolicy: null,
    score: 25,
    weight: 0.5,
    points: 12.5,
    isCritical: true,
    isCriticalRed: true,
    scoreChange: -10,
    pointsChange: -5,
    overrideId: null,
    ...overrides
  };
}

const model: HealthModel = {
  name: 'Default',
  label: 'Default',
  version: 3,
  segment: null,
  greenMin: 70,
  yellowMin: 40,
  neutralScore: 50,
  minimumCoverage: 0.5,
  criticalCapScore: 69,
  trendWindowDays: 56,
  trendDeadBand: 1,
  dimensions: [
    {
      name: 'ProductAdoption',
      label: 'Product adoption',
      weight: 50,
      measures: [],
      category: 'Technical',
      recommendedAction: 'Run an enablement session for inactive users.'
    },
    { name: 'Sentiment', label: 'Sentiment', weight: 50, measures: [], category: 'Business' }
  ]
};

function health(overrides: Partial<AccountHealth> = {}): AccountHealth {
  return {
    accountId: '001000000000001AAA',
    accountName: 'Acme | Widgets',
    asOf: '2026-11-30',
    modelName: 'Default',
    modelVersion: 3,
    score: 38.5,
    band: 'Red',
    uncappedScore: 38.5,
    isCapped: false,
    cappedBy: [],
    coverage: 0.75,
    isInsufficient: false,
    dimensions: [
      { name: 'ProductAdoption', label: 'Product adoption', score: 25, weight: 0.5, coverage: 1 },
      { name: 'Sentiment', label: 'Sentiment', score: 52, weight: 0.5, coverage: 0.5 }
    ],
    ledger: [
      ledgerEntry({}),
      ledgerEntry({
        measure: 'Nps180d',
        label: 'NPS',
        dimension: 'Sentiment',
        signal: 'Nps',
        raw: null,
        hasData: false,
        missingPolicy: 'Neutral',
        score: 50,
        weight: 0.25,
        points: 12.5,
        isCritical: false,
        isCriticalRed: false,
        scoreChange: null,
        pointsChange: null
      })
    ],
    trend: { slopePerWeek: -2.25, direction: 'Declining', points: 8 },
    topLever: { measure: 'LicenseUtilization30d', label: 'License utilization', gain: 37.5 },
    topReason: 'Product adoption - License utilization scored 25 (raw 35)',
    overallOverrideId: null,
    ...overrides
  };
}

const signals: AccountSignals = {
  accountId: '001000000000001AAA',
  accountName: 'Acme | Widgets',
  attributes: {},
  licensedSeats: 40,
  usage: [
    { date: '2026-11-02', activeUsers: 14, logins: 30 },
    { date: '2026-11-30', activeUsers: 9, logins: 12 },
    { date: '2026-09-01', activeUsers: 30, logins: 80 }
  ],
  cases: [
    {
      id: '500A',
      createdDate: '2026-11-10',
      closedDate: null,
      isEscalated: true,
      priorityWeight: 3,
      isHighPriority: true
    },
    {
      id: '500B',
      createdDate: '2026-07-10',
      closedDate: '2026-07-12',
      isEscalated: false,
      priorityWeight: 1,
      isHighPriority: false
    }
  ],
  activities: [{ date: '2026-11-20', contactRole: 'Champion' }],
  hasExecutiveSponsor: false,
  hasChampion: true,
  feedback: [{ date: '2026-10-01', type: 'Nps', score: 9 }],
  objectives: null,
  renewalDate: '2027-02-01',
  daysPastDue: 0
};

function input(overrides: Partial<HealthCheckInput> = {}): HealthCheckInput {
  return {
    health: health(),
    signals,
    model,
    arr: 125000,
    ownerName: 'Dana CSM',
    historySource: 'recomputed',
    ...overrides
  };
}

describe('customerSlug', () => {
  it('keeps letters and digits separated by hyphens', () => {
    expect(customerSlug('Acme | Widgets, Inc.')).toBe('acme-widgets-inc');
  });

  it('drops accents', () => {
    expect(customerSlug('Société Générale')).toBe('societe-generale');
  });

  it('falls back for names without letters', () => {
    expect(customerSlug('***')).toBe('account');
  });

  it('limits the length to 60 characters', () => {
    expect(customerSlug('a'.repeat(80))).toHaveLength(60);
  });
});

describe('escapeMarkdown', () => {
  it('escapes table and emphasis characters', () => {
    expect(escapeMarkdown('a|b*c_d')).toBe('a\\|b\\*c\\_d');
  });

  it('turns line breaks into spaces', () => {
    expect(escapeMarkdown('one\r\ntwo\nthree')).toBe('one two three');
  });

  it('escapes angle brackets so no HTML is rendered', () => {
    expect(escapeMarkdown('<script>')).toBe('\\<script\\>');
  });
});

const risk: RiskFinding = {
  rule: 'HighPrioritySpike',
  ruleType: 'HighPrioritySpike',
  category: 'Support',
  severity: 'High',
  leadingIndicator: 'Spike in high-priority Cases.',
  evidence: '2 high-priority Cases created in the 30 days to 2026-11-30: 500A, 500B.',
  caseIds: ['500A', '500B'],
  snapshotDates: [],
  resolutionCriteria: 'Score at least 75 for 2 snapshots and no open high-priority Case',
  checkInCadenceDays: 7,
  detectedOn: '2026-11-30'
};

describe('renderHealthCheck', () => {
  it('lists the risks found', () => {
    const markdown = renderHealthCheck(input({ risks: [risk] }));

    expect(markdown).toContain('## Risks');
    expect(markdown).toContain(
      '- **High**, Support, HighPrioritySpike: 2 high-priority Cases created in the 30 days to 2026-11-30: 500A, ' +
        '500B. Leading indicator: Spike in high-priority Cases. Resolved when: Score at least 75 for 2 snapshots and ' +
        'no open high-priority Case.'
    );
  });

  it('says when no risk rule fired', () => {
    const markdown = renderHealthCheck(input({ risks: [] }));

    expect(markdown).toContain('## Risks\n\nNo risk rule fired on 2026-11-30.');
  });

  it('leaves the risks out when none were evaluated', () => {
    expect(renderHealthCheck(input())).not.toContain('## Risks');
  });

  it('escapes risk text', () => {
    const markdown = renderHealthCheck(input({ risks: [{ ...risk, evidence: 'Case <b>|1</b>' }] }));

    expect(markdown).toContain('Case \\<b\\>\\|1\\</b\\>');
  });

  it('shows the score, band, coverage and trend', () => {
    const markdown = renderHealthCheck(input());

    expect(markdown).toContain('# Acme \\| Widgets: health check');
    expect(markdown).toContain('| Score | 38.5 / 100 |');
    expect(markdown).toContain('| Band | Red |');
    expect(markdown).toContain('| Coverage | 75% of the model');
    expect(markdown).toContain('declining, -2.25 points a week over 8 scores, from weekly scores recomputed');
    expect(markdown).toContain('| ARR | $125,000 |');
  });

  it('lists every ledger entry with points and change', () => {
    const markdown = renderHealthCheck(input());

    expect(markdown).toContain(
      '| Product adoption | License utilization | 35 | 25 (critical, red) | 50% | 12.5 | -5 |'
    );
    expect(markdown).toContain('| Sentiment | NPS | n/a | 50 (no data, neutral) | 25% | 12.5 | n/a |');
  });

  it('shows fractional weights with one decimal', () => {
    const escalated = ledgerEntry({
      measure: 'EscalatedCases90d',
      label: 'Escalated cases',
      dimension: 'Support',
      raw: 0,
      score: 100,
      weight: 0.045,
      points: 4.5,
      isCriticalRed: false,
      pointsChange: null
    });

    const markdown = renderHealthCheck(input({ health: { ...input().health, ledger: [escalated] } }));

    expect(markdown).toContain('| Escalated cases | 0 | 100 | 4.5% | 4.5 | n/a |');
    expect(formatWeight(0.05)).toBe('5%');
    expect(formatWeight(0.0449999)).toBe('4.5%');
  });

  it('recommends an action for a red dimension only', () => {
    const markdown = renderHealthCheck(input());

    expect(markdown).toContain('**Product adoption** (Red, 25): Run an enablement session for inactive users.');
    expect(markdown).toContain('**Sentiment** (Yellow, 52)');
  });

  it('says when no dimension needs action', () => {
    const healthy = health({
      dimensions: [{ name: 'ProductAdoption', label: 'Product adoption', score: 90, weight: 1, coverage: 1 }]
    });

    const markdown = renderHealthCheck(input({ health: healthy }));

    expect(markdown).toContain('No dimension is red or yellow.');
  });

  it('splits technical and business health by category', () => {
    const markdown = renderHealthCheck(input());

    expect(markdown).toContain('- Technical health (Product adoption): 25');
    expect(markdown).toContain('- Business health (Sentiment): 52');
  });

  it('explains the cap', () => {
    const capped = health({ isCapped: true, cappedBy: ['LicenseUtilization30d'], uncappedScore: 74, score: 69 });

    const markdown = renderHealthCheck(input({ health: capped }));

    expect(markdown).toContain('capped at 69 (from 74) because a critical measure is red: License utilization.');
  });

  it('shows insufficient data instead of a band', () => {
    const thin = health({ band: 'Insufficient', isInsufficient: true, coverage: 0.3 });

    const markdown = renderHealthCheck(input({ health: thin }));

    expect(markdown).toContain('| Band | Insufficient data |');
    expect(markdown).toContain("below the model's minimum of 50%");
  });

  it('counts cases per month and the open ones', () => {
    const markdown = renderHealthCheck(input());

    expect(markdown).toContain('| 2026-11 | 1 | 1 |');
    expect(markdown).toContain('| 2026-07 | 1 | 0 |');
    expect(markdown).toContain('Open on 2026-11-30: 1 Case, 1 of them high priority.');
  });

  it('reports license use from the last 30 days only', () => {
    const markdown = renderHealthCheck(input());

    expect(markdown).toContain('- Licensed seats: 40');
    expect(markdown).toContain('- Most users active on one day in the last 30 days: 14');
    expect(markdown).toContain('- Logins in the last 30 days: 42, on 2 of 30 days');
  });

  it('says when usage and activities are missing', () => {
    const bare = { ...signals, usage: null, activities: null, cases: null, feedback: null };

    const markdown = renderHealthCheck(input({ signals: bare }));

    expect(markdown).toContain('No login or usage data for this account');
    expect(markdown).toContain('No Task or Event data in the export');
    expect(markdown).toContain('No Case data in the export.');
    expect(markdown).not.toContain('## NPS and CSAT');
  });

  it('lists missing measures in the data notes', () => {
    const markdown = renderHealthCheck(input());

    expect(markdown).toContain("- NPS: no data; scored with the model's neutral score.");
  });
});

import { readFileSync } from 'fs';
import { join } from 'path';
import {
  describeResolution,
  evaluateRiskRules,
  meetsResolution,
  renderRiskPlan,
  resolutionCriteriaOf,
  validateEscalationRungs,
  validateRiskRule
} from '../riskEngine';
import type {
  BandedScorePoint,
  ResolutionCriteria,
  RiskFinding,
  RiskInput,
  RiskPlanEntry,
  RiskRule
} from '../riskEngine';
import type { AccountHealth, AccountSignals } from 'c/healthEngine';

/** The fields of the current health that the risk rules read. */
type HealthFields = Pick<AccountHealth, 'asOf' | 'score' | 'band'>;

const AS_OF = '2026-11-30';

/** Builds a full AccountHealth around the fields the rules read, with neutral values in the other fields. */
function healthOf(fields: HealthFields): AccountHealth {
  return {
    accountId: '001000000000001AAA',
    accountName: 'Acme Corporation',
    modelName: 'Default',
    modelVersion: 1,
    uncappedScore: fields.score,
    isCapped: false,
    cappedBy: [],
    coverage: fields.band === 'Insufficient' ? 0.2 : 1,
    isInsufficient: fields.band === 'Insufficient',
    dimensions: [],
    ledger: [],
    trend: { slopePerWeek: null, direction: 'Unknown', points: 1 },
    topLever: null,
    topReason: 'No measure pulls the score down.',
    overallOverrideId: null,
    ...fields
  };
}

/** Signals with every source missing; tests add the facts they need. */
function signalsOf(overrides: Partial<AccountSignals> = {}): AccountSignals {
  return {
    accountId: '001000000000001AAA',
    accountName: 'Acme Corporation',
    attributes: {},
    licensedSeats: 10,
    usage: null,
    cases: null,
    activities: null,
    hasExecutiveSponsor: false,
    hasChampion: false,
    feedback: null,
    objectives: null,
    renewalDate: null,
    daysPastDue: null,
    ...overrides
  };
}

const BASE_RULES: Record<RiskRule['ruleType'], Omit<RiskRule, 'name' | 'ruleType'>> = {
  BandDrop: base('Technical', 'High', null, 14, 7),
  ScoreDrop: base('Adoption', 'High', 10, 28, 7),
  LoginDrop: base('Adoption', 'Medium', 40, 28, 14),
  HighPrioritySpike: { ...base('Support', 'High', 2, 30, 7), resolutionNoOpenHighPriority: true },
  SponsorSilence: base('Engagement', 'Medium', 90, 120, 14),
  ChampionGone: base('ChampionLoss', 'High', null, null, 7),
  RenewalWhileRed: base('Commercial', 'Critical', 90, null, 7)
};

function base(
  category: RiskRule['category'],
  severity: RiskRule['severity'],
  threshold: number | null,
  windowDays: number | null,
  checkInCadenceDays: number
): Omit<RiskRule, 'name' | 'ruleType'> {
  return {
    label: 'Rule',
    isActive: true,
    category,
    severity,
    threshold,
    windowDays,
    leadingIndicator: 'Signal to watch',
    resolutionMinScore: 75,
    resolutionSnapshots: 2,
    resolutionNoOpenHighPriority: false,
    checkInCadenceDays
  };
}

/** Returns a valid rule of the given type with the shipped threshold and window, named after its type. */
function ruleOf(ruleType: RiskRule['ruleType'], overrides: Partial<RiskRule> = {}): RiskRule {
  return { name: ruleType, ruleType, ...BASE_RULES[ruleType], ...overrides };
}

const VECTORS_PATH = join(__dirname, '../../../../../../unpackaged/risk/staticresources/RiskRuleVectors.json');

interface EvaluationCase {
  name: string;
  kind: 'evaluation';
  description: string;
  rules: RiskRule[];
  input: { asOf: string; signals: AccountSignals; health: HealthFields; history: BandedScorePoint[] };
  expected: RiskFinding[];
}

interface ResolutionCase {
  name: string;
  kind: 'resolution';
  description: string;
  criteria: ResolutionCriteria;
  history: BandedScorePoint[];
  openHighPriorityCases: number | null;
  expected: boolean;
  expectedText: string;
}

interface ValidationCase {
  name: string;
  kind: 'validation';
  description: string;
  rule: RiskRule | null;
  expectedProblems: string[];
}

type VectorCase = EvaluationCase | ResolutionCase | ValidationCase;

const vectors = JSON.parse(readFileSync(VECTORS_PATH, 'utf8')) as { shippedRules: RiskRule[]; cases: VectorCase[] };
const evaluations = vectors.cases.filter((vector): vector is EvaluationCase => vector.kind === 'evaluation');
const resolutions = vectors.cases.filter((vector): vector is ResolutionCase => vector.kind === 'resolution');
const validations = vectors.cases.filter((vector): vector is ValidationCase => vector.kind === 'validation');

describe('risk rule vectors', () => {
  it('covers every rule type fired and not fired', () => {
    const firing = new Set(evaluations.flatMap((vector) => vector.expected.map((finding) => finding.ruleType)));
    const silent = new Set(
      evaluations
        .filter((vector) => vector.expected.length === 0)
        .flatMap((vector) => vector.rules.map((rule) => rule.ruleType))
    );

    expect([...firing].sort()).toEqual(vectors.shippedRules.map((rule) => rule.ruleType).sort());
    expect([...silent].sort()).toEqual(vectors.shippedRules.map((rule) => rule.ruleType).sort());
    expect(evaluations.length).toBeGreaterThanOrEqual(20);
  });

  it.each(evaluations.map((vector) => [vector.name, vector] as const))('evaluates %s', (_name, vector) => {
    const input = { ...vector.input, health: healthOf(vector.input.health) };

    const findings = evaluateRiskRules(vector.rules, input);

    expect(findings).toEqual(vector.expected);
  });

  it.each(resolutions.map((vector) => [vector.name, vector] as const))('resolves %s', (_name, vector) => {
    const met = meetsResolution(vector.criteria, vector.history, vector.openHighPriorityCases);
    const text = describeResolution({
      resolutionMinScore: vector.criteria.minScore,
      resolutionSnapshots: vector.criteria.snapshots,
      resolutionNoOpenHighPriority: vector.criteria.noOpenHighPriority
    });

    expect(met).toBe(vector.expected);
    expect(text).toBe(vector.expectedText);
  });

  it.each(validations.map((vector) => [vector.name, vector] as const))('validates %s', (_name, vector) => {
    const rules = vector.rule === null ? vectors.shippedRules : [vector.rule];

    const problems = rules.flatMap(validateRiskRule);

    expect(problems).toHaveLength(vector.expectedProblems.length);
    vector.expectedProblems.forEach((fragment, index) => {
      expect(problems[index]).toContain(fragment);
    });
  });
});

function point(asOf: string, score: number, band: BandedScorePoint['band']): BandedScorePoint {
  return { asOf, score, band };
}

function inputOf(
  signals: Partial<AccountSignals>,
  current: Pick<AccountHealth, 'score' | 'band'>,
  history: BandedScorePoint[] = []
): RiskInput {
  return { signals: signalsOf(signals), health: healthOf({ asOf: AS_OF, ...current }), history, asOf: AS_OF };
}

function fired(rule: RiskRule, input: RiskInput): RiskFinding | undefined {
  const findings = evaluateRiskRules([rule], input);
  expect(findings.length).toBeLessThanOrEqual(1);
  return findings[0];
}

const YELLOW = { score: 70, band: 'Yellow' } as const;
const RED = { score: 45, band: 'Red' } as const;

describe('evaluateRiskRules', () => {
  it('fires BandDrop from Yellow to Red', () => {
    const finding = fired(ruleOf('BandDrop'), inputOf({}, RED, [point('2026-11-23', 60, 'Yellow')]));

    expect(finding?.evidence).toBe('Band fell from Yellow (score 60) on 2026-11-23 to Red (score 45) on 2026-11-30.');
    expect(finding?.snapshotDates).toEqual(['2026-11-23', AS_OF]);
  });

  it('keeps BandDrop silent without history', () => {
    expect(fired(ruleOf('BandDrop'), inputOf({}, RED))).toBeUndefined();
  });

  it('uses the latest old-enough BandDrop reference', () => {
    const history = [point('2026-11-18', 50, 'Yellow'), point('2026-11-20', 80, 'Green')];

    const finding = fired(ruleOf('BandDrop'), inputOf({}, YELLOW, history));

    expect(finding?.snapshotDates).toEqual(['2026-11-20', AS_OF]);
  });

  it('ignores history after the as-of date', () => {
    const history = [point('2026-12-07', 20, 'Red'), point('2026-11-23', 60, 'Yellow')];

    const findings = evaluateRiskRules([ruleOf('BandDrop'), ruleOf('ScoreDrop')], inputOf({}, YELLOW, history));

    expect(findings).toEqual([]);
  });

  it.each([
    [80.01, true],
    [79.99, false]
  ])('fires ScoreDrop from %d to 70: %s', (earlier, expected) => {
    const finding = fired(ruleOf('ScoreDrop'), inputOf({}, YELLOW, [point('2026-11-09', earlier, 'Green')]));

    expect(finding !== undefined).toBe(expected);
  });

  it('fires ScoreDrop inside a custom window', () => {
    const history = [point('2026-11-20', 90, 'Green')];

    const finding = fired(ruleOf('ScoreDrop', { windowDays: 11 }), inputOf({}, YELLOW, history));

    expect(finding?.evidence).toBe('Score fell 20 points in 11 days, from 90 on 2026-11-20 to 70 on 2026-11-30.');
  });

  it('keeps ScoreDrop silent outside a custom window', () => {
    const history = [point('2026-11-20', 90, 'Green')];

    expect(fired(ruleOf('ScoreDrop', { windowDays: 10 }), inputOf({}, YELLOW, history))).toBeUndefined();
  });

  it.each([
    [60, true],
    [61, false]
  ])('fires LoginDrop with %d logins after 100: %s', (current, expected) => {
    const usage = [
      { date: '2026-10-10', activeUsers: 4, logins: 100 },
      { date: '2026-11-10', activeUsers: 3, logins: current }
    ];

    expect(fired(ruleOf('LoginDrop'), inputOf({ usage }, YELLOW)) !== undefined).toBe(expected);
  });

  it('keeps LoginDrop silent when logins rise', () => {
    const usage = [
      { date: '2026-10-10', activeUsers: 4, logins: 10 },
      { date: '2026-11-10', activeUsers: 3, logins: 30 }
    ];

    expect(fired(ruleOf('LoginDrop'), inputOf({ usage }, YELLOW))).toBeUndefined();
  });

  function highPriorityCases(count: number): NonNullable<AccountSignals['cases']> {
    return Array.from({ length: count }, (_, index) => ({
      id: `500${index}`,
      createdDate: `2026-11-2${count - index}`,
      closedDate: null,
      isEscalated: false,
      priorityWeight: 3,
      isHighPriority: true
    }));
  }

  it('fires HighPrioritySpike at threshold 3', () => {
    const finding = fired(
      ruleOf('HighPrioritySpike', { threshold: 3 }),
      inputOf({ cases: highPriorityCases(3) }, YELLOW)
    );

    expect(finding?.caseIds).toEqual(['5002', '5001', '5000']);
  });

  it('keeps HighPrioritySpike silent below threshold 3', () => {
    const input = inputOf({ cases: highPriorityCases(2) }, YELLOW);

    expect(fired(ruleOf('HighPrioritySpike', { threshold: 3 }), input)).toBeUndefined();
  });

  it('keeps HighPrioritySpike silent for an empty Case list', () => {
    expect(fired(ruleOf('HighPrioritySpike'), inputOf({ cases: [] }, YELLOW))).toBeUndefined();
  });

  it('fires SponsorSilence with no sponsor activity ever', () => {
    const finding = fired(ruleOf('SponsorSilence'), inputOf({ hasExecutiveSponsor: true, activities: [] }, YELLOW));

    expect(finding?.evidence).toBe('No activity with the executive sponsor in the 120 days to 2026-11-30.');
  });

  it('keeps SponsorSilence silent after recent contact', () => {
    const activities = [{ date: '2026-11-29', contactRole: 'ExecutiveSponsor' as const }];

    expect(fired(ruleOf('SponsorSilence'), inputOf({ hasExecutiveSponsor: true, activities }, YELLOW))).toBeUndefined();
  });

  it.each([
    ['Gone', true],
    ['Present', false],
    ['None', false]
  ] as const)('fires ChampionGone for %s: %s', (championStatus, expected) => {
    expect(fired(ruleOf('ChampionGone'), inputOf({ championStatus }, YELLOW)) !== undefined).toBe(expected);
  });

  it.each([
    ['2027-02-28', RED, true],
    ['2027-03-01', RED, false],
    ['2026-11-30', RED, true],
    ['2026-11-29', RED, false],
    ['2026-12-01', YELLOW, false]
  ])('fires RenewalWhileRed for %s: %s %s', (renewalDate, current, expected) => {
    expect(fired(ruleOf('RenewalWhileRed'), inputOf({ renewalDate }, current)) !== undefined).toBe(expected);
  });

  it('fires nothing when every source is missing', () => {
    const rules = (Object.keys(BASE_RULES) as RiskRule['ruleType'][]).map((ruleType) => ruleOf(ruleType));
    const input = inputOf({ hasExecutiveSponsor: true, hasChampion: true }, { score: null, band: 'Insufficient' });

    expect(evaluateRiskRules(rules, input)).toEqual([]);
  });

  it('copies the rule into the finding', () => {
    const rule = ruleOf('ChampionGone', {
      name: 'ChampionLeft',
      leadingIndicator: 'Champion moved',
      checkInCadenceDays: 3
    });

    const finding = fired(rule, inputOf({ championStatus: 'Gone' }, YELLOW));

    expect(finding).toMatchObject({
      rule: 'ChampionLeft',
      ruleType: 'ChampionGone',
      category: 'ChampionLoss',
      severity: 'High',
      leadingIndicator: 'Champion moved',
      checkInCadenceDays: 3,
      detectedOn: AS_OF,
      resolutionCriteria: 'Score at least 75 for 2 snapshots',
      caseIds: []
    });
  });

  it('rejects an invalid active rule', () => {
    const rule = ruleOf('ScoreDrop', { threshold: null });

    expect(() => evaluateRiskRules([rule], inputOf({}, YELLOW))).toThrow(/Risk rule ScoreDrop: Threshold__c is blank/);
  });

  it('rejects a health of another date', () => {
    const input = { ...inputOf({}, YELLOW), asOf: '2026-12-01' };

    expect(() => evaluateRiskRules([ruleOf('ScoreDrop')], input)).toThrow(/as of 2026-11-30 but the risk rules run/);
  });

  it.each([
    [{ asOf: '2026-13-01', score: 50, band: 'Yellow' }, /history\[0\]\.asOf of account 001000000000001AAA/],
    [{ asOf: '2026-11-01', score: Number.NaN, band: 'Yellow' }, /history\[0\]\.score/],
    [{ asOf: '2026-11-01', score: 50, band: 'Amber' }, /history\[0\]\.band .*"Amber"/]
  ])('rejects history point %o', (bad, message) => {
    const input = inputOf({}, YELLOW, [bad as BandedScorePoint]);

    expect(() => evaluateRiskRules([ruleOf('ScoreDrop')], input)).toThrow(message);
  });

  it('names a malformed Case date', () => {
    const cases = [
      {
        id: '5001',
        createdDate: '15/11/2026',
        closedDate: null,
        isEscalated: false,
        priorityWeight: 3,
        isHighPriority: true
      }
    ];

    expect(() => evaluateRiskRules([ruleOf('HighPrioritySpike')], inputOf({ cases }, YELLOW))).toThrow(
      /cases\[0\]\.createdDate of account 001000000000001AAA/
    );
  });
});

describe('resolution', () => {
  it('reads criteria from a rule', () => {
    expect(resolutionCriteriaOf(ruleOf('HighPrioritySpike'))).toEqual({
      minScore: 75,
      snapshots: 2,
      noOpenHighPriority: true
    });
  });

  it('meets a Case-only criterion', () => {
    expect(meetsResolution({ minScore: null, snapshots: null, noOpenHighPriority: true }, [], 0)).toBe(true);
  });

  it('fails on empty history', () => {
    expect(meetsResolution({ minScore: 75, snapshots: 1, noOpenHighPriority: false }, [], 0)).toBe(false);
  });
});

describe('validateRiskRule', () => {
  it('accepts every shipped rule type', () => {
    for (const ruleType of Object.keys(BASE_RULES) as RiskRule['ruleType'][]) {
      expect(validateRiskRule(ruleOf(ruleType))).toEqual([]);
    }
  });

  it.each([
    [{ ruleType: 'Churn' as RiskRule['ruleType'] }, 'RuleType__c "Churn" is not allowed'],
    [{ category: 'Money' as RiskRule['category'] }, 'Category__c "Money" is not allowed'],
    [{ severity: 'Urgent' as RiskRule['severity'] }, 'Severity__c "Urgent" is not allowed'],
    [{ leadingIndicator: ' ' }, 'LeadingIndicator__c is blank'],
    [{ checkInCadenceDays: null }, 'CheckInCadenceDays__c is null'],
    [{ checkInCadenceDays: 0 }, 'CheckInCadenceDays__c is 0'],
    [{ threshold: 0 }, 'Threshold__c is 0'],
    [{ threshold: 100.5 }, 'Threshold__c is 100.5'],
    [{ windowDays: null }, 'WindowDays__c is blank'],
    [{ windowDays: 2.5 }, 'WindowDays__c is 2.5'],
    [{ resolutionMinScore: 101 }, 'ResolutionMinScore__c is 101'],
    [{ resolutionSnapshots: 0 }, 'ResolutionSnapshots__c is 0'],
    [{ resolutionMinScore: null }, 'ResolutionMinScore__c is blank'],
    [{ name: '' }, 'has no DeveloperName']
  ])('reports %o', (overrides, message) => {
    const problems = validateRiskRule(ruleOf('LoginDrop', overrides));

    expect(problems.some((problem) => problem.includes(message))).toBe(true);
  });

  it.each([
    ['RenewalWhileRed', { windowDays: 30 }, 'WindowDays__c is 30'],
    ['RenewalWhileRed', { threshold: -1 }, 'Threshold__c is -1'],
    ['BandDrop', { threshold: 3 }, 'Threshold__c is 3'],
    ['SponsorSilence', { threshold: 0 }, 'Threshold__c is 0']
  ] as const)('reports %s with %o', (ruleType, overrides, message) => {
    const problems = validateRiskRule(ruleOf(ruleType, overrides));

    expect(problems.some((problem) => problem.includes(message))).toBe(true);
  });
});

describe('validateEscalationRungs', () => {
  const ladder = [
    { rung: 'CSM' as const, sortOrder: 1, deadlineDays: 7 },
    { rung: 'Manager' as const, sortOrder: 2, deadlineDays: 5 }
  ];

  it('accepts a ladder', () => {
    expect(validateEscalationRungs(ladder)).toEqual([]);
  });

  it.each([
    [[...ladder, { rung: 'CSM' as const, sortOrder: 3, deadlineDays: 7 }], 'appears twice'],
    [[...ladder, { rung: 'VP' as const, sortOrder: 2, deadlineDays: 7 }], 'SortOrder__c 2'],
    [[{ rung: 'VP' as const, sortOrder: 1, deadlineDays: 0 }], 'DeadlineDays__c is 0'],
    [[], 'No escalation rung is defined']
  ])('reports ladder %#', (rungs, message) => {
    expect(validateEscalationRungs(rungs).join('\n')).toContain(message);
  });
});

function planEntry(finding: Partial<RiskFinding>, overrides: Partial<RiskPlanEntry> = {}): RiskPlanEntry {
  return {
    title: 'Score drop',
    finding: {
      rule: 'ScoreDrop',
      ruleType: 'ScoreDrop',
      category: 'Adoption',
      severity: 'High',
      leadingIndicator: 'Health score falling',
      evidence: 'Score fell 12 points in 28 days, from 80 on 2026-11-09 to 68 on 2026-11-30.',
      caseIds: [],
      snapshotDates: ['2026-11-09', AS_OF],
      resolutionCriteria: 'Score at least 75 for 2 snapshots',
      checkInCadenceDays: 7,
      detectedOn: AS_OF,
      ...finding
    },
    owner: 'Dana Reyes',
    rung: 'CSM',
    rungDeadline: '2026-12-07',
    nextCheckIn: '2026-12-07',
    actions: [
      { subject: 'Agree a mitigation plan', owner: 'Dana Reyes', dueDate: '2026-12-04', status: 'Not Started' }
    ],
    arrAtRisk: 120000,
    ...overrides
  };
}

describe('renderRiskPlan', () => {
  it('renders every field of a risk', () => {
    const markdown = renderRiskPlan({ customer: 'Acme', asOf: AS_OF, risks: [planEntry({})] });

    expect(markdown).toContain('# Acme: risk mitigation plan');
    expect(markdown).toContain('As of 2026-11-30: 1 open risk (1 High); ARR at risk $120,000.');
    expect(markdown).toContain('## 1. Score drop: High, Adoption');
    expect(markdown).toContain(
      '- Evidence: Score fell 12 points in 28 days, from 80 on 2026-11-09 to 68 on 2026-11-30.'
    );
    expect(markdown).toContain('- Leading indicator: Health score falling');
    expect(markdown).toContain('- Owner: Dana Reyes');
    expect(markdown).toContain('- Escalation: CSM rung, deadline 2026-12-07');
    expect(markdown).toContain('- Check-in: every 7 days, next on 2026-12-07');
    expect(markdown).toContain('- Resolution criteria: Score at least 75 for 2 snapshots');
    expect(markdown).toContain('- ARR at risk: $120,000');
    expect(markdown).not.toContain('Snapshots');
    expect(markdown).toContain('| Agree a mitigation plan | Dana Reyes | 2026-12-04 | Not Started |');
    expect(markdown.endsWith('\n')).toBe(true);
    expect(markdown.endsWith('\n\n')).toBe(false);
  });

  it('orders risks like the register', () => {
    const risks = [
      planEntry({ rule: 'LoginDrop', severity: 'Medium' }, { title: 'Login drop' }),
      planEntry({ rule: 'ScoreDrop', severity: 'High', detectedOn: AS_OF }, { title: 'Score drop' }),
      planEntry({ rule: 'RenewalWhileRed', severity: 'Critical' }, { title: 'Renewal while red' }),
      planEntry({ rule: 'ChampionGone', severity: 'High', detectedOn: '2026-11-20' }, { title: 'Champion gone' }),
      planEntry({ rule: 'BandDrop', severity: 'High', detectedOn: AS_OF }, { title: 'Band drop' })
    ];

    const markdown = renderRiskPlan({ customer: 'Acme', asOf: AS_OF, risks });

    const headings = markdown.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual([
      '## 1. Renewal while red: Critical, Adoption',
      '## 2. Champion gone: High, Adoption',
      '## 3. Score drop: High, Adoption',
      '## 4. Band drop: High, Adoption',
      '## 5. Login drop: Medium, Adoption'
    ]);
    expect(markdown).toContain('| 1 | Renewal while red | Adoption | Critical |');
    expect(markdown).toContain('5 open risks (1 Critical, 3 High, 1 Medium)');
  });

  it('shows a category with spaces', () => {
    const entry = planEntry({ category: 'ChampionLoss' }, { title: 'Champion gone' });

    const markdown = renderRiskPlan({ customer: 'Acme', asOf: AS_OF, risks: [entry] });

    expect(markdown).toContain('## 1. Champion gone: High, Champion loss');
    expect(markdown).toContain('| 1 | Champion gone | Champion loss | High |');
  });

  it('escapes record text', () => {
    const entry = planEntry(
      { evidence: 'Cases | *urgent* <b>', leadingIndicator: '_x_' },
      { owner: 'A|B', actions: [{ subject: '[call](x)', owner: null, dueDate: null }] }
    );

    const markdown = renderRiskPlan({ customer: 'Acme # Corp', asOf: AS_OF, risks: [entry] });

    expect(markdown).toContain('# Acme \\# Corp: risk mitigation plan');
    expect(markdown).toContain('- Evidence: Cases \\| \\*urgent\\* \\<b\\>');
    expect(markdown).toContain('- Leading indicator: \\_x\\_');
    expect(markdown).toContain('- Owner: A\\|B');
    expect(markdown).toContain('| \\[call\\](x) | not set | not set | not set |');
  });

  it('lists Case ids', () => {
    const entry = planEntry({ ruleType: 'HighPrioritySpike', caseIds: ['500A', '500B'], snapshotDates: [] });

    const markdown = renderRiskPlan({ customer: 'Acme', asOf: AS_OF, risks: [entry] });

    expect(markdown).toContain('- Cases: 500A, 500B');
  });

  it('shows unknown values', () => {
    const entry = planEntry(
      { checkInCadenceDays: null },
      { owner: null, rungDeadline: null, nextCheckIn: null, arrAtRisk: null, actions: [] }
    );

    const markdown = renderRiskPlan({ customer: 'Acme', asOf: AS_OF, risks: [entry] });

    expect(markdown).toContain('ARR at risk unknown.');
    expect(markdown).toContain('- Check-in: not set, next on not set');
    expect(markdown).toContain('No mitigation action yet');
    expect(markdown).toContain('| 1 | Score drop | Adoption | High | not set | CSM | not set | not set |');
  });

  it('renders a plan without risks', () => {
    const markdown = renderRiskPlan({ customer: 'Acme', asOf: AS_OF, risks: [] });

    expect(markdown).toBe('# Acme: risk mitigation plan\n\nNo open risk as of 2026-11-30.\n');
  });
});

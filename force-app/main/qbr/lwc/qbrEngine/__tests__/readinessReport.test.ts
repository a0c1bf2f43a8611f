import { renderReadiness } from '../report';
import type { ReadinessResult } from '../types';

const RESULT: ReadinessResult = {
  score: 72,
  band: 'Refine',
  categories: [
    { category: 'CustomerCentricity', points: 20, maxPoints: 25 },
    { category: 'Actionability', points: 20, maxPoints: 20 },
    { category: 'DataDrivenInsight', points: 10, maxPoints: 20 },
    { category: 'ProactiveRiskManagement', points: 20, maxPoints: 20 },
    { category: 'ExpansionAwareness', points: 2, maxPoints: 15 }
  ],
  checks: [
    {
      id: 'insightPresent',
      category: 'DataDrivenInsight',
      maxPoints: 10,
      points: 0,
      passed: false,
      finding: 'No insight | none at all.',
      missing: 'Add an insight the customer did not have.'
    },
    {
      id: 'risksReviewed',
      category: 'ProactiveRiskManagement',
      maxPoints: 5,
      points: 5,
      passed: true,
      finding: 'Risks were reviewed: 0 risks listed.',
      missing: null
    }
  ],
  missing: ['Add an insight the customer did not have.', 'Mention an expansion signal: *whitespace*.']
};

describe('renderReadiness', () => {
  it('renders score, band, categories, checks and missing', () => {
    const lines = renderReadiness(RESULT);

    expect(lines[0]).toBe('## Readiness');
    expect(lines).toContain('Score: 72 of 100, refine (70 to 84).');
    expect(lines).toContain('| Customer centricity | 20 of 25 |');
    expect(lines).toContain('| Expansion awareness | 2 of 15 |');
    expect(lines).toContain('| Risks reviewed | 5 of 5 | Risks were reviewed: 0 risks listed. |');
    expect(lines).toContain('- Add an insight the customer did not have.');
    expect(lines[lines.length - 1]).toBe('');
  });

  it('escapes findings and missing items', () => {
    const lines = renderReadiness(RESULT);

    expect(lines).toContain('| Insight the customer did not have | 0 of 10 | No insight \\| none at all. |');
    expect(lines).toContain('- Mention an expansion signal: \\*whitespace\\*.');
  });

  it('names every band with its range', () => {
    const bands = (['ReadyToPresent', 'Refine', 'DeeperAnalysis', 'BackToDiscovery'] as const).map(
      (band) => renderReadiness({ ...RESULT, band })[2]
    );

    expect(bands).toEqual([
      'Score: 72 of 100, ready to present (85 or more).',
      'Score: 72 of 100, refine (70 to 84).',
      'Score: 72 of 100, needs deeper analysis (50 to 69).',
      'Score: 72 of 100, back to discovery (under 50).'
    ]);
  });

  it('says when nothing is missing', () => {
    const lines = renderReadiness({ ...RESULT, missing: [] });

    expect(lines.slice(-4)).toEqual(['### Missing', '', 'Nothing is missing.', '']);
  });
});

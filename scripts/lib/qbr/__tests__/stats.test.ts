import type { CaseFact } from 'c/healthEngine';
import { caseStatsOf, feedbackCountOf, medianOf, monthlyUsage } from '..';

function caseFact(id: string, createdDate: string, closedDate: string | null, isHighPriority = false): CaseFact {
  return { id, createdDate, closedDate, isEscalated: false, priorityWeight: 1, isHighPriority };
}

describe('medianOf', () => {
  it('takes the middle of an odd count', () => {
    expect(medianOf([9, 1, 5])).toBe(5);
  });

  it('averages the two middle values of an even count', () => {
    expect(medianOf([4, 1, 3, 10])).toBe(3.5);
  });

  it('keeps 4-place values exact', () => {
    expect(medianOf([0.1234, 0.2345])).toBe(0.17895);
  });

  it('returns null without values', () => {
    expect(medianOf([])).toBeNull();
  });

  it('leaves the input unsorted', () => {
    const values = [3, 1, 2];

    medianOf(values);

    expect(values).toEqual([3, 1, 2]);
  });
});

describe('monthlyUsage', () => {
  it('keeps the peak day and the login total per month', () => {
    const usage = [
      { date: '2026-09-30', activeUsers: 50, logins: 500 },
      { date: '2026-10-01', activeUsers: 10, logins: 20 },
      { date: '2026-10-31', activeUsers: 12, logins: 30 },
      { date: '2026-11-02', activeUsers: 7, logins: 9 },
      { date: '2026-11-30', activeUsers: 90, logins: 900 }
    ];

    expect(monthlyUsage(usage, '2026-10-01', '2026-11-29')).toEqual([
      { month: '2026-10', activeUsers: 12, logins: 50 },
      { month: '2026-11', activeUsers: 7, logins: 9 }
    ]);
  });

  it('is empty without a usage source', () => {
    expect(monthlyUsage(null, '2026-10-01', '2026-12-31')).toEqual([]);
  });
});

describe('caseStatsOf', () => {
  it('counts opened, resolved and open Cases', () => {
    const cases = [
      caseFact('500A', '2026-09-01', '2026-10-11'),
      caseFact('500B', '2026-10-03', null, true),
      caseFact('500C', '2026-10-04', '2026-10-04'),
      caseFact('500D', '2026-11-01', '2026-12-05', true),
      caseFact('500E', '2026-12-01', null)
    ];

    expect(caseStatsOf(cases, '2026-10-01', '2026-11-30')).toEqual({
      opened: 3,
      resolved: 2,
      openAtEnd: 2,
      highPriorityOpen: 2,
      medianResolutionDays: 20
    });
  });

  it('rounds the median resolution time to one place', () => {
    const cases = [
      caseFact('500A', '2026-10-01', '2026-10-02'),
      caseFact('500B', '2026-10-01', '2026-10-03'),
      caseFact('500C', '2026-10-01', '2026-10-05'),
      caseFact('500D', '2026-10-01', '2026-10-06')
    ];

    expect(caseStatsOf(cases, '2026-10-01', '2026-10-31')?.medianResolutionDays).toBe(3);
  });

  it('is null without Case.csv', () => {
    expect(caseStatsOf(null, '2026-10-01', '2026-12-31')).toBeNull();
  });

  it('has no median without resolved Cases', () => {
    expect(caseStatsOf([], '2026-10-01', '2026-12-31')).toEqual({
      opened: 0,
      resolved: 0,
      openAtEnd: 0,
      highPriorityOpen: 0,
      medianResolutionDays: null
    });
  });
});

describe('feedbackCountOf', () => {
  it('counts answers of the period', () => {
    const feedback = [
      { date: '2026-09-30', type: 'Nps' as const, score: 9 },
      { date: '2026-10-01', type: 'Csat' as const, score: 80 },
      { date: '2026-11-30', type: 'CsmPulse' as const, score: 70 }
    ];

    expect(feedbackCountOf(feedback, '2026-10-01', '2026-11-30')).toBe(2);
  });

  it('is null without Feedback__c.csv', () => {
    expect(feedbackCountOf(null, '2026-10-01', '2026-11-30')).toBeNull();
  });
});

import type { RiskFinding } from 'c/riskEngine';
import type { QbrRiskRow } from 'c/qbrEngine';
import { riskRowsOfFindings, riskRowsOfPeriod } from '..';

function risk(title: string, fields: Partial<QbrRiskRow>): QbrRiskRow {
  return {
    id: null,
    title,
    severity: 'Medium',
    status: 'Open',
    rung: 'CSM',
    hasMitigation: false,
    detectedOn: null,
    closedOn: null,
    ...fields
  };
}

describe('riskRowsOfPeriod', () => {
  const FIRST = '2026-10-01';
  const LAST = '2026-11-30';

  it('keeps active risks detected by the last day', () => {
    const rows = [
      risk('Before the period', { detectedOn: '2026-08-01' }),
      risk('Undated', { status: 'Mitigating' }),
      risk('After the last day', { detectedOn: '2026-12-01' })
    ];

    expect(riskRowsOfPeriod(rows, FIRST, LAST).map((row) => row.title)).toEqual(['Before the period', 'Undated']);
  });

  it('keeps ended risks that ended or were detected in the period', () => {
    const rows = [
      risk('Ended in the period', { status: 'Mitigated', detectedOn: '2026-08-01', closedOn: '2026-10-15' }),
      risk('Detected and ended later', { status: 'Closed', detectedOn: '2026-11-01', closedOn: '2026-12-10' }),
      risk('Ended before', { status: 'Realized', detectedOn: '2026-06-01', closedOn: '2026-09-30' })
    ];

    expect(riskRowsOfPeriod(rows, FIRST, LAST).map((row) => row.title)).toEqual([
      'Ended in the period',
      'Detected and ended later'
    ]);
  });

  it('orders by severity, then detection day', () => {
    const rows = [
      risk('Low', { severity: 'Low', detectedOn: '2026-10-01' }),
      risk('Unrated', { severity: null, detectedOn: '2026-10-01' }),
      risk('High, later', { severity: 'High', detectedOn: '2026-11-01' }),
      risk('High, undated', { severity: 'High' }),
      risk('Critical', { severity: 'Critical', detectedOn: '2026-11-20' }),
      risk('High, earlier', { severity: 'High', detectedOn: '2026-10-02' })
    ];

    expect(riskRowsOfPeriod(rows, FIRST, LAST).map((row) => row.title)).toEqual([
      'Critical',
      'High, earlier',
      'High, later',
      'High, undated',
      'Low',
      'Unrated'
    ]);
  });
});

describe('riskRowsOfFindings', () => {
  it('opens each finding on the lowest rung with a mitigation', () => {
    const finding = { rule: 'LoginDrop', severity: 'Medium', detectedOn: '2026-11-30' } as RiskFinding;

    const rows = riskRowsOfFindings([finding], (rule) => `${rule} label`, [
      { rung: 'CSM', deadlineDays: 7 },
      { rung: 'Manager', deadlineDays: 14 }
    ] as never);

    expect(rows).toEqual([
      {
        id: null,
        title: 'LoginDrop label',
        severity: 'Medium',
        status: 'Open',
        rung: 'CSM',
        hasMitigation: true,
        detectedOn: '2026-11-30',
        closedOn: null
      }
    ]);
  });
});

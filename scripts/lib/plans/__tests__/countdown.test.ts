import { renewalCountdownOf } from 'c/planEngine';
import type { CheckpointDefinition } from 'c/planEngine';
import type { RenewalCheckpointRow } from '../../export';
import { checkpointProgressOf, countdownInputOf, firstSeenOf } from '../countdown';

function row(overrides: Partial<RenewalCheckpointRow>): RenewalCheckpointRow {
  return {
    id: null,
    renewalDate: '2027-06-30',
    daysBefore: 180,
    dueDate: null,
    playbook: null,
    status: 'Upcoming',
    taskId: null,
    taskClosed: false,
    call: null,
    callNote: null,
    dataBand: null,
    dataScore: null,
    isDisagreement: false,
    recordedAt: null,
    recordedByName: null,
    createdDate: '2026-06-01',
    ...overrides
  };
}

function definition(daysBefore: number, requiresCall = false): CheckpointDefinition {
  return {
    name: `Days${daysBefore}`,
    daysBefore,
    playbook: requiresCall ? 'QBR' : 'ValueReview',
    taskSubject: `Checkpoint ${daysBefore}`,
    guidance: null,
    requiresCall,
    leadDays: 14,
    isActive: true
  };
}

const ROWS: RenewalCheckpointRow[] = [
  row({ renewalDate: '2026-06-30', daysBefore: 90, status: 'Done', createdDate: '2025-12-01' }),
  row({ daysBefore: 365, status: 'Skipped', createdDate: '2026-08-02' }),
  row({
    daysBefore: 180,
    status: 'Done',
    call: 'AtRisk',
    callNote: 'Budget freeze',
    dataBand: 'Green',
    dataScore: 81.5,
    isDisagreement: true,
    recordedAt: '2027-01-02T10:00:00.000Z',
    recordedByName: 'Olivia Owner',
    createdDate: '2026-08-01'
  }),
  row({ daysBefore: 120, status: 'Due', taskClosed: true, createdDate: null })
];

describe('checkpointProgressOf', () => {
  it('keeps the rows of the renewal date', () => {
    expect(checkpointProgressOf(ROWS, '2027-06-30')).toEqual([
      {
        daysBefore: 365,
        status: 'Skipped',
        isTaskClosed: false,
        call: null,
        callNote: null,
        dataBand: null,
        dataScore: null,
        isDisagreement: false,
        recordedAt: null,
        recordedByName: null
      },
      {
        daysBefore: 180,
        status: 'Done',
        isTaskClosed: false,
        call: 'AtRisk',
        callNote: 'Budget freeze',
        dataBand: 'Green',
        dataScore: 81.5,
        isDisagreement: true,
        recordedAt: '2027-01-02T10:00:00.000Z',
        recordedByName: 'Olivia Owner'
      },
      expect.objectContaining({ daysBefore: 120, isTaskClosed: true })
    ]);
  });

  it('gives nothing for another renewal date', () => {
    expect(checkpointProgressOf(ROWS, '2028-06-30')).toEqual([]);
  });
});

describe('firstSeenOf', () => {
  it('takes the earliest CreatedDate of the renewal date', () => {
    expect(firstSeenOf(ROWS, '2027-06-30')).toBe('2026-08-01');
    expect(firstSeenOf(ROWS, '2026-06-30')).toBe('2025-12-01');
  });

  it('gives null without stored rows or dates', () => {
    expect(firstSeenOf(ROWS, '2028-06-30')).toBeNull();
    expect(firstSeenOf([row({ createdDate: null })], '2027-06-30')).toBeNull();
  });
});

describe('countdownInputOf', () => {
  const definitions = [definition(365), definition(180, true), definition(120), definition(90, true)];

  it('builds the input of the renewal date', () => {
    const input = countdownInputOf('2027-06-30', '2027-01-10', ROWS, definitions);

    expect(input.firstSeen).toBe('2026-08-01');
    expect(input.progress.map((progress) => progress.daysBefore)).toEqual([365, 180, 120]);
    expect(input.definitions).toBe(definitions);
  });

  it('gives an empty input without a renewal date', () => {
    expect(countdownInputOf(null, '2027-01-10', ROWS, definitions)).toEqual({
      renewalDate: null,
      asOf: '2027-01-10',
      firstSeen: null,
      definitions,
      progress: []
    });
  });

  it('feeds the engine countdown', () => {
    const views = renewalCountdownOf(countdownInputOf('2027-06-30', '2027-03-25', ROWS, definitions));

    expect(views.map((view) => [view.daysBefore, view.state])).toEqual([
      [365, 'Skipped'],
      [180, 'Done'],
      [120, 'Done'],
      [90, 'Due']
    ]);
    expect(views[1]).toMatchObject({ call: 'AtRisk', dataBand: 'Green', isDisagreement: true });
  });
});

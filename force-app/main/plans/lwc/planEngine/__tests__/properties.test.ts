import fc from 'fast-check';
import { formatIsoDate, parseIsoDate } from 'c/healthEngine';
import {
  compareRenewalCall,
  isObjectiveMet,
  milestoneStateOf,
  objectiveProgress,
  renderSuccessPlan,
  renewalCountdownOf
} from '../planEngine';
import type {
  CheckpointDefinition,
  MilestoneRecord,
  MilestoneStatus,
  ObjectiveRecord,
  PlanRecord
} from '../planEngine';

const AS_OF = '2025-06-15';
const AS_OF_DAY = parseIsoDate(AS_OF);

/** Values with at most 2 decimals, like Number(16,2) fields. */
const amount = fc.integer({ min: -1_000_000, max: 1_000_000 }).map((cents) => cents / 100);

function objectiveOf(baseline: number | null, target: number | null, currentValue: number | null): ObjectiveRecord {
  return {
    id: 'OBJ-1',
    outcome: 'Outcome',
    successMetric: null,
    unit: null,
    baseline,
    target,
    currentValue,
    dueDate: null,
    status: 'OnTrack',
    capability: null,
    sortOrder: null
  };
}

function milestoneOf(targetDate: string | null, completedDate: string | null): MilestoneRecord {
  return {
    id: 'MS-1',
    name: 'Milestone',
    objectiveId: null,
    phase: null,
    targetDate,
    criteria: null,
    criteriaMeasure: null,
    criteriaOperator: null,
    criteriaValue: null,
    completedDate,
    completionSource: null,
    ownerId: null,
    ownerName: null,
    sortOrder: null
  };
}

describe('objectiveProgress properties', () => {
  it('stays within 0..100 with at most 1 decimal', () => {
    fc.assert(
      fc.property(amount, amount, amount, (baseline, target, current) => {
        fc.pre(baseline !== target);
        const progress = objectiveProgress(objectiveOf(baseline, target, current));

        expect(progress).not.toBeNull();
        expect(progress).toBeGreaterThanOrEqual(0);
        expect(progress).toBeLessThanOrEqual(100);
        expect(Math.round((progress as number) * 10) / 10).toBe(progress);
      })
    );
  });

  it('is null when the target equals the baseline', () => {
    fc.assert(
      fc.property(amount, amount, (level, current) => {
        expect(objectiveProgress(objectiveOf(level, level, current))).toBeNull();
      })
    );
  });

  it('does not decrease as the current value moves towards the target', () => {
    fc.assert(
      fc.property(amount, amount, amount, amount, (baseline, target, first, second) => {
        fc.pre(baseline !== target);
        const towardsTarget = target > baseline ? Math.max(first, second) : Math.min(first, second);
        const awayFromTarget = target > baseline ? Math.min(first, second) : Math.max(first, second);

        const nearer = objectiveProgress(objectiveOf(baseline, target, towardsTarget)) as number;
        const farther = objectiveProgress(objectiveOf(baseline, target, awayFromTarget)) as number;

        expect(nearer).toBeGreaterThanOrEqual(farther);
      })
    );
  });

  it('is met exactly when the progress is 100 for an open status', () => {
    fc.assert(
      fc.property(amount, amount, amount, (baseline, target, current) => {
        const objective = objectiveOf(baseline, target, current);

        expect(isObjectiveMet(objective)).toBe(objectiveProgress(objective) === 100);
      })
    );
  });
});

describe('milestoneStateOf properties', () => {
  it('sets exactly the day count that matches the state', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 400 }), (offset) => {
        const status = milestoneStateOf(milestoneOf(formatIsoDate(AS_OF_DAY + offset), null), AS_OF);

        let expected: MilestoneStatus;
        if (offset < 0) {
          expected = { state: 'Overdue', daysOverdue: -offset, daysUntilDue: null };
        } else if (offset <= 14) {
          expected = { state: 'DueSoon', daysOverdue: null, daysUntilDue: offset };
        } else {
          expected = { state: 'Upcoming', daysOverdue: null, daysUntilDue: offset };
        }
        expect(status).toEqual(expected);
      })
    );
  });
});

describe('renewalCountdownOf properties', () => {
  const definition = fc.record({
    name: fc.constantFrom('Days365', 'Days180', 'Days90', 'Days30', 'Extra'),
    daysBefore: fc.integer({ min: 0, max: 400 }),
    playbook: fc.constantFrom('ValueReview' as const, 'SponsorTouch' as const, 'QBR' as const, 'Proposal' as const),
    taskSubject: fc.constant('Task'),
    guidance: fc.constant(null),
    requiresCall: fc.boolean(),
    leadDays: fc.integer({ min: 0, max: 30 }),
    isActive: fc.boolean()
  }) as fc.Arbitrary<CheckpointDefinition>;

  it('orders active checkpoints with consistent dates', () => {
    fc.assert(
      fc.property(
        fc.array(definition, { maxLength: 8 }),
        fc.integer({ min: -100, max: 500 }),
        (definitions, renewalOffset) => {
          const renewalDay = AS_OF_DAY + renewalOffset;

          const views = renewalCountdownOf({
            renewalDate: formatIsoDate(renewalDay),
            asOf: AS_OF,
            firstSeen: null,
            definitions,
            progress: []
          });

          expect(views).toHaveLength(definitions.filter((item) => item.isActive).length);
          const daysBefore = views.map((view) => view.daysBefore);
          expect(daysBefore).toEqual([...daysBefore].sort((left, right) => right - left));
          for (const view of views) {
            expect(parseIsoDate(view.dueDate)).toBe(renewalDay - view.daysBefore);
            expect(parseIsoDate(view.opensOn)).toBeLessThanOrEqual(parseIsoDate(view.dueDate));
            // Without firstSeen nothing can be Overdue: a due date before the as-of date is Skipped.
            expect(view.state).not.toBe('Overdue');
            expect(view.state).not.toBe('Done');
          }
        }
      )
    );
  });
});

describe('compareRenewalCall properties', () => {
  it('flags a disagreement exactly when the gap is 2 or more either way', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('Commit' as const, 'AtRisk' as const, 'Upside' as const),
        fc.constantFrom('Red', 'Yellow', 'Green'),
        (call, band) => {
          const comparison = compareRenewalCall(call, band);

          expect(comparison.gap).toBe(comparison.callLevel - (comparison.dataLevel as number));
          expect(comparison.isDisagreement).toBe(Math.abs(comparison.gap as number) >= 2);
        }
      )
    );
  });
});

describe('renderSuccessPlan properties', () => {
  it('keeps table rows at header width', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (outcome, name, escalationPath) => {
        const plan: PlanRecord = {
          id: 'PLAN-1',
          accountId: '001000000000001AAA',
          name,
          status: 'Active',
          stage: null,
          executiveSponsor: null,
          champion: null,
          reviewCadenceDays: null,
          nextReview: null,
          escalationPath,
          startDate: null,
          endDate: null,
          templateName: null,
          objectives: [{ ...objectiveOf(0, 10, 5), outcome }],
          milestones: [{ ...milestoneOf(AS_OF, null), name, criteria: outcome }]
        };

        const markdown = renderSuccessPlan({
          accountName: name,
          asOf: AS_OF,
          plan,
          measureValues: {},
          countdown: [],
          renewalDate: null
        });

        const tables = markdown.split('\n\n').filter((block) => block.startsWith('|'));
        expect(tables).toHaveLength(3);
        for (const table of tables) {
          const rows = table.split('\n').filter((row) => row !== '');
          const widths = rows.map((row) => row.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length);
          expect(new Set(widths).size).toBe(1);
        }
      })
    );
  });
});

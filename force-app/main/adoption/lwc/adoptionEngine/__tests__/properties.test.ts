import fc from 'fast-check';
import { formatIsoDate, parseIsoDate } from 'c/healthEngine';
import {
  BARRIERS,
  PRIORITY_FLAG_COUNT,
  SPRINT_DAYS,
  adoptionPercent,
  adoptionTrend,
  playbookProgress,
  playbookTarget,
  sprintTasks,
  underusedFeatures,
  whitespaceGrid
} from '../adoptionEngine';
import type { Barrier, PlaybookTaskTemplate, UnderusedCandidate } from '../adoptionEngine';

/** Percents with 1 decimal, like AdoptionPercent__c (Number(5,1)). */
const percent = fc.integer({ min: 0, max: 1500 }).map((tenths) => tenths / 10);

/** Any date from 2000 to 2049. */
const isoDate = fc.integer({ min: parseIsoDate('2000-01-01'), max: parseIsoDate('2049-12-31') }).map(formatIsoDate);

const barrier = fc.constantFrom<Barrier>(...BARRIERS);

/** Returns the trend the rule gives a rounded slope, written out apart from the engine. */
function trendForSlope(slope: number | null): string {
  if (slope === null) {
    return 'Insufficient';
  }
  if (slope > 2) {
    return 'Improving';
  }
  return slope < -2 ? 'Declining' : 'Stable';
}

/** Returns the status the rule gives the readiness of a product without required products. */
function statusForReadiness(readiness: number | null): string {
  if (readiness === null) {
    return 'Unknown';
  }
  if (readiness >= 80) {
    return 'Ready';
  }
  return readiness >= 50 ? 'Developing' : 'NotReady';
}

function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

describe('adoptionPercent properties', () => {
  it('never falls when active users rise', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.integer({ min: 0, max: 2_000_000 }),
        (entitled, first, second) => {
          const low = Math.min(first, second);
          const high = Math.max(first, second);

          expect(adoptionPercent(low, entitled) as number).toBeLessThanOrEqual(
            adoptionPercent(high, entitled) as number
          );
        }
      )
    );
  });

  it('has at most 1 decimal', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), (entitled, active) => {
        const result = adoptionPercent(active, entitled) as number;

        expect(Math.round(result * 10) / 10).toBe(result);
      })
    );
  });
});

describe('adoptionTrend properties', () => {
  it('finds a constant series Stable with slope 0', () => {
    fc.assert(
      fc.property(percent, fc.integer({ min: 2, max: 8 }), (value, length) => {
        expect(adoptionTrend(Array.from({ length }, () => value))).toEqual({ trend: 'Stable', slope: 0 });
      })
    );
  });

  it('finds a constant series with one gap Stable with slope 0', () => {
    fc.assert(
      fc.property(percent, fc.integer({ min: 0, max: 2 }), (value, gap) => {
        const series: (number | null)[] = [value, value, value];
        series[gap] = null;

        expect(adoptionTrend(series)).toEqual({ trend: 'Stable', slope: 0 });
      })
    );
  });

  it('gives the trend that the sign and size of the slope call for', () => {
    fc.assert(
      fc.property(fc.array(fc.option(percent, { nil: null }), { maxLength: 6 }), (series) => {
        const result = adoptionTrend(series);

        expect(result.trend).toBe(trendForSlope(result.slope));
      })
    );
  });
});

describe('underusedFeatures properties', () => {
  const candidate: fc.Arbitrary<UnderusedCandidate> = fc.record({
    featureKey: fc.constantFrom('Routing', 'Knowledge', 'Macros', 'Bots', 'Voice', 'Flows'),
    segmentType: fc.constant('All' as const),
    month: fc.constant('2025-05-01'),
    percent: fc.option(percent, { nil: null }),
    target: fc.integer({ min: 0, max: 100 }),
    valueRank: fc.integer({ min: 1, max: 5 }),
    enablementAction: fc.constant(null),
    barriers: fc.constant([])
  });

  it('flags the first three in descending priority', () => {
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 10 }), (rows) => {
        const result = underusedFeatures(rows);

        expect(result.filter((feature) => feature.isFlagged)).toHaveLength(
          Math.min(PRIORITY_FLAG_COUNT, result.length)
        );
        for (let index = 1; index < result.length; index++) {
          expect(result[index - 1].priority).toBeGreaterThanOrEqual(result[index].priority);
        }
        for (const feature of result) {
          expect(feature.percent).toBeLessThan(feature.target);
        }
      })
    );
  });
});

describe('playbookTarget properties', () => {
  it('stays within the feature target and 100', () => {
    fc.assert(
      fc.property(percent, fc.integer({ min: 0, max: 100 }), (current, featureTarget) => {
        const target = playbookTarget(current, featureTarget);

        expect(target).toBeLessThanOrEqual(100);
        expect(target).toBeGreaterThanOrEqual(Math.min(100, featureTarget));
        expect(target === 100 || target === featureTarget || target % 5 === 0).toBe(true);
        expect(target === 100 || target >= current + 10).toBe(true);
      })
    );
  });
});

describe('playbookProgress properties', () => {
  it('stays a whole number within 0..100', () => {
    fc.assert(
      fc.property(percent, percent, percent, (baseline, current, target) => {
        fc.pre(baseline !== target);
        const progress = playbookProgress(baseline, current, target) as number;

        expect(Number.isInteger(progress)).toBe(true);
        expect(progress).toBeGreaterThanOrEqual(0);
        expect(progress).toBeLessThanOrEqual(100);
      })
    );
  });
});

describe('sprintTasks properties', () => {
  const template: fc.Arbitrary<PlaybookTaskTemplate> = fc.record({
    barrier,
    dayOffset: fc.option(fc.integer({ min: -20, max: 60 }), { nil: null }),
    subject: fc.constantFrom('Train {segment} on {feature}', 'Check {feature}', 'Call the sponsor'),
    description: fc.constant(null),
    sortOrder: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null })
  });

  it('never falls on a weekend and stays within the sprint plus 2 days', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ barrier, action: fc.constant(null) }), { maxLength: 6 }),
        fc.array(template, { maxLength: 12 }),
        isoDate,
        (barriers, templates, start) => {
          const startDay = parseIsoDate(start);

          for (const task of sprintTasks(barriers, templates, start, 'Case Routing', 'EMEA Sales')) {
            const dueDay = parseIsoDate(task.dueDate);
            expect([0, 6]).not.toContain(weekdayOf(task.dueDate));
            expect(dueDay).toBeGreaterThanOrEqual(startDay);
            expect(dueDay).toBeLessThanOrEqual(startDay + SPRINT_DAYS + 2);
            expect(task.subject).not.toContain('{feature}');
            expect(task.subject).not.toContain('{segment}');
          }
        }
      )
    );
  });

  it('gives every distinct barrier at least one task', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ barrier, action: fc.constant(null) }), { maxLength: 6 }),
        fc.array(template, { maxLength: 12 }),
        (barriers, templates) => {
          const tasks = sprintTasks(barriers, templates, '2025-06-02', 'Case Routing', 'EMEA Sales');

          expect(new Set(tasks.map((task) => task.barrier))).toEqual(new Set(barriers.map((entry) => entry.barrier)));
        }
      )
    );
  });
});

describe('whitespaceGrid properties', () => {
  it('keeps readiness within 0..100 and matches the status to it', () => {
    const features = ['Routing', 'Knowledge', 'Macros'];
    fc.assert(
      fc.property(
        fc.subarray(features),
        fc.dictionary(fc.constantFrom(...features), fc.option(percent, { nil: null })),
        fc.dictionary(fc.constantFrom(...features), fc.integer({ min: 1, max: 100 })),
        (prerequisites, adoption, targets) => {
          const [cell] = whitespaceGrid(
            [
              {
                productCode: 'P',
                productName: 'Product',
                prerequisiteFeatures: prerequisites,
                requiredProducts: [],
                valueStatement: null,
                isActive: true
              }
            ],
            [],
            adoption,
            targets
          );

          expect(cell.readiness ?? 0).toBeGreaterThanOrEqual(0);
          expect(cell.readiness ?? 0).toBeLessThanOrEqual(100);
          expect(cell.status).toBe(statusForReadiness(cell.readiness));
        }
      )
    );
  });
});

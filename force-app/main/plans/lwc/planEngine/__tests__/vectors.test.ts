import { readFileSync } from 'fs';
import { join } from 'path';
import {
  autoCompletions,
  compareRenewalCall,
  instantiateTemplate,
  isObjectiveMet,
  milestoneCriteriaMet,
  milestoneStateOf,
  objectiveFactsOf,
  objectiveProgress,
  renewalCountdownOf,
  validatePlanTemplate
} from '../planEngine';
import type {
  CheckpointView,
  CountdownInput,
  MeasureValues,
  MilestoneRecord,
  MilestoneState,
  ObjectiveRecord,
  PlanRecord,
  PlanTemplate,
  PlanTemplateItem,
  RenewalCall,
  TemplateInstance
} from '../planEngine';

const VECTORS_PATH = join(__dirname, '../../../../../../unpackaged/plans/staticresources/SuccessPlanVectors.json');

interface Vectors {
  description: string;
  objectiveCases: {
    description: string;
    objective: ObjectiveRecord;
    expected: { progressPercent: number | null; isMet: boolean };
  }[];
  objectiveFactsCases: { description: string; plans: PlanRecord[]; expected: { total: number; met: number } | null }[];
  milestoneCases: {
    description: string;
    asOf: string;
    milestone: MilestoneRecord;
    measureValues: MeasureValues;
    expected: {
      state: MilestoneState;
      daysOverdue: number | null;
      daysUntilDue: number | null;
      criteriaMet: boolean;
      autoComplete: boolean;
    };
  }[];
  templateCases: {
    description: string;
    startDate: string;
    template: PlanTemplate;
    items: PlanTemplateItem[];
    measureNames: string[];
    expectedProblems: string[];
    expected: TemplateInstance | null;
  }[];
  checkpointCases: { description: string; input: CountdownInput; expected: CheckpointView[] }[];
  callCases: {
    description: string;
    call: RenewalCall;
    band: string | null;
    expected: { callLevel: number; dataLevel: number | null; gap: number | null; isDisagreement: boolean };
  }[];
}

const vectors = JSON.parse(readFileSync(VECTORS_PATH, 'utf8')) as Vectors;

describe('SuccessPlanVectors.json', () => {
  it('has the minimum number of cases per section', () => {
    expect(vectors.objectiveCases.length).toBeGreaterThanOrEqual(12);
    expect(vectors.objectiveFactsCases.length).toBeGreaterThanOrEqual(5);
    expect(vectors.milestoneCases.length).toBeGreaterThanOrEqual(12);
    expect(vectors.templateCases.length).toBeGreaterThanOrEqual(5);
    expect(vectors.checkpointCases.length).toBeGreaterThanOrEqual(10);
    expect(vectors.callCases.length).toBeGreaterThanOrEqual(15);
  });

  it('gives every case a unique description', () => {
    const sections = [
      vectors.objectiveCases,
      vectors.objectiveFactsCases,
      vectors.milestoneCases,
      vectors.templateCases,
      vectors.checkpointCases,
      vectors.callCases
    ];
    for (const section of sections) {
      const descriptions = section.map((vector) => vector.description);
      expect(new Set(descriptions).size).toBe(descriptions.length);
    }
  });
});

describe('objective vectors', () => {
  it.each(vectors.objectiveCases.map((vector) => [vector.description, vector] as const))('%s', (_name, vector) => {
    expect(objectiveProgress(vector.objective)).toBe(vector.expected.progressPercent);
    expect(isObjectiveMet(vector.objective)).toBe(vector.expected.isMet);
  });
});

describe('objective facts vectors', () => {
  it.each(vectors.objectiveFactsCases.map((vector) => [vector.description, vector] as const))('%s', (_name, vector) => {
    expect(objectiveFactsOf(vector.plans)).toEqual(vector.expected);
  });
});

describe('milestone vectors', () => {
  it.each(vectors.milestoneCases.map((vector) => [vector.description, vector] as const))('%s', (_name, vector) => {
    const status = milestoneStateOf(vector.milestone, vector.asOf);
    const completions = autoCompletions([vector.milestone], vector.measureValues, vector.asOf);

    expect(status.state).toBe(vector.expected.state);
    expect(status.daysOverdue).toBe(vector.expected.daysOverdue);
    expect(status.daysUntilDue).toBe(vector.expected.daysUntilDue);
    expect(milestoneCriteriaMet(vector.milestone, vector.measureValues)).toBe(vector.expected.criteriaMet);
    expect(completions).toEqual(
      vector.expected.autoComplete ? [{ milestoneId: vector.milestone.id, completedDate: vector.asOf }] : []
    );
  });
});

describe('template vectors', () => {
  it.each(vectors.templateCases.map((vector) => [vector.description, vector] as const))('%s', (_name, vector) => {
    const problems = validatePlanTemplate(vector.template, vector.items, vector.measureNames);

    expect(problems).toHaveLength(vector.expectedProblems.length);
    for (const fragment of vector.expectedProblems) {
      expect(problems.some((problem) => problem.includes(fragment))).toBe(true);
    }
    // A template case carries an instantiation result exactly when the template is valid.
    expect(vector.expected === null).toBe(problems.length > 0);
  });

  it.each(
    vectors.templateCases
      .filter((vector) => vector.expected !== null)
      .map((vector) => [vector.description, vector] as const)
  )('instantiates: %s', (_name, vector) => {
    expect(instantiateTemplate(vector.template, vector.items, vector.startDate)).toEqual(vector.expected);
  });
});

describe('checkpoint vectors', () => {
  it.each(vectors.checkpointCases.map((vector) => [vector.description, vector] as const))('%s', (_name, vector) => {
    expect(renewalCountdownOf(vector.input)).toEqual(vector.expected);
  });
});

describe('call vectors', () => {
  it.each(vectors.callCases.map((vector) => [vector.description, vector] as const))('%s', (_name, vector) => {
    const comparison = compareRenewalCall(vector.call, vector.band);

    expect(comparison.callLevel).toBe(vector.expected.callLevel);
    expect(comparison.dataLevel).toBe(vector.expected.dataLevel);
    expect(comparison.gap).toBe(vector.expected.gap);
    expect(comparison.isDisagreement).toBe(vector.expected.isDisagreement);
    expect(comparison.explanation.length).toBeGreaterThan(0);
  });

  it('covers every call with every band and with no band', () => {
    const pairs = new Set(vectors.callCases.map((vector) => `${vector.call}/${String(vector.band)}`));

    for (const call of ['AtRisk', 'Commit', 'Upside']) {
      for (const band of ['Red', 'Yellow', 'Green', 'Insufficient', 'null']) {
        expect(pairs.has(`${call}/${band}`)).toBe(true);
      }
    }
  });
});

import { readFileSync } from 'fs';
import { join } from 'path';
import {
  adoptionPercent,
  adoptionTrend,
  diagnoseBarriers,
  playbookProgress,
  playbookTarget,
  playbookTargetDate,
  recommendApproach,
  sprintTasks,
  underusedFeatures,
  valueHypothesis,
  whitespaceGrid
} from '../adoptionEngine';
import type {
  AdoptionTrendResult,
  ApproachInput,
  ApproachResult,
  BarrierFinding,
  BarrierInput,
  ExpansionProduct,
  HypothesisInput,
  PlaybookTaskTemplate,
  SprintBarrier,
  SprintTask,
  UnderusedCandidate,
  UnderusedFeature,
  ValueHypothesis,
  WhitespaceCell
} from '../adoptionEngine';

const VECTORS_PATH = join(__dirname, '../../../../../../unpackaged/adoption/staticresources/AdoptionVectors.json');

interface Vector<I, E> {
  name: string;
  input: I;
  expected: E;
}

interface Vectors {
  description: string;
  percent: Vector<{ active: number | null; entitled: number | null }, number | null>[];
  trend: Vector<{ percents: (number | null)[] }, AdoptionTrendResult>[];
  underused: Vector<{ rows: UnderusedCandidate[] }, UnderusedFeature[]>[];
  barriers: Vector<BarrierInput, BarrierFinding[]>[];
  target: Vector<
    { current: number | null; featureTarget: number; start: string },
    { targetPercent: number; targetDate: string }
  >[];
  sprint: Vector<
    {
      barriers: SprintBarrier[];
      templates: PlaybookTaskTemplate[];
      start: string;
      featureLabel: string;
      segmentLabel: string;
    },
    SprintTask[]
  >[];
  progress: Vector<{ baseline: number | null; current: number | null; target: number | null }, number | null>[];
  whitespace: Vector<
    {
      catalog: ExpansionProduct[];
      ownedProductCodes: string[];
      adoptionByFeature: Record<string, number | null>;
      featureTargets: Record<string, number>;
    },
    WhitespaceCell[]
  >[];
  approach: Vector<ApproachInput, ApproachResult>[];
  hypothesis: Vector<HypothesisInput, ValueHypothesis>[];
}

const vectors = JSON.parse(readFileSync(VECTORS_PATH, 'utf8')) as Vectors;

const SECTIONS = [
  'percent',
  'trend',
  'underused',
  'barriers',
  'target',
  'sprint',
  'progress',
  'whitespace',
  'approach',
  'hypothesis'
] as const;

function casesOf<I, E>(section: Vector<I, E>[]): [string, Vector<I, E>][] {
  return section.map((vector) => [vector.name, vector]);
}

describe('AdoptionVectors.json', () => {
  it.each(SECTIONS)('has unique case names in %s', (section) => {
    const names = (vectors[section] as { name: string }[]).map((vector) => vector.name);

    expect(names.length).toBeGreaterThanOrEqual(5);
    expect(new Set(names).size).toBe(names.length);
  });

  it('covers every barrier alone and all five together', () => {
    const found = vectors.barriers.map((vector) => vector.expected.map((finding) => finding.barrier).join(','));

    for (const barrier of ['Access', 'Awareness', 'Training', 'UX', 'Relevance']) {
      expect(found).toContain(barrier);
    }
    expect(found).toContain('Access,Awareness,Training,UX,Relevance');
    expect(found).toContain('');
  });

  it('covers every whitespace status and approach', () => {
    const statuses = new Set(vectors.whitespace.flatMap((vector) => vector.expected.map((cell) => cell.status)));
    const approaches = new Set(vectors.approach.map((vector) => vector.expected.approach));

    expect([...statuses].sort()).toEqual(['Developing', 'NotReady', 'Owned', 'Ready', 'Unknown']);
    expect([...approaches].sort()).toEqual(['EventTriggered', 'ExecutiveSponsored', 'UserLed']);
  });
});

describe('percent vectors', () => {
  it.each(casesOf(vectors.percent))('%s', (_name, vector) => {
    expect(adoptionPercent(vector.input.active, vector.input.entitled)).toBe(vector.expected);
  });
});

describe('trend vectors', () => {
  it.each(casesOf(vectors.trend))('%s', (_name, vector) => {
    expect(adoptionTrend(vector.input.percents)).toEqual(vector.expected);
  });
});

describe('underused vectors', () => {
  it.each(casesOf(vectors.underused))('%s', (_name, vector) => {
    expect(underusedFeatures(vector.input.rows)).toEqual(vector.expected);
  });
});

describe('barrier vectors', () => {
  it.each(casesOf(vectors.barriers))('%s', (_name, vector) => {
    expect(diagnoseBarriers(vector.input)).toEqual(vector.expected);
  });
});

describe('target vectors', () => {
  it.each(casesOf(vectors.target))('%s', (_name, vector) => {
    expect(playbookTarget(vector.input.current, vector.input.featureTarget)).toBe(vector.expected.targetPercent);
    expect(playbookTargetDate(vector.input.start)).toBe(vector.expected.targetDate);
  });
});

describe('sprint vectors', () => {
  it.each(casesOf(vectors.sprint))('%s', (_name, vector) => {
    const { barriers, templates, start, featureLabel, segmentLabel } = vector.input;

    expect(sprintTasks(barriers, templates, start, featureLabel, segmentLabel)).toEqual(vector.expected);
  });
});

describe('progress vectors', () => {
  it.each(casesOf(vectors.progress))('%s', (_name, vector) => {
    const { baseline, current, target } = vector.input;

    expect(playbookProgress(baseline, current, target)).toBe(vector.expected);
  });
});

describe('whitespace vectors', () => {
  it.each(casesOf(vectors.whitespace))('%s', (_name, vector) => {
    const { catalog, ownedProductCodes, adoptionByFeature, featureTargets } = vector.input;

    expect(whitespaceGrid(catalog, ownedProductCodes, adoptionByFeature, featureTargets)).toEqual(vector.expected);
  });
});

describe('approach vectors', () => {
  it.each(casesOf(vectors.approach))('%s', (_name, vector) => {
    expect(recommendApproach(vector.input)).toEqual(vector.expected);
  });
});

describe('hypothesis vectors', () => {
  it.each(casesOf(vectors.hypothesis))('%s', (_name, vector) => {
    expect(valueHypothesis(vector.input)).toEqual(vector.expected);
  });
});

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { validateModel } from 'c/healthEngine';
import type { MeasureDefinition } from 'c/healthEngine';
import {
  LoadedHealthModel,
  loadDefaultModels,
  loadModelsFromMetadata,
  ModelLoadError,
  ModelLoadProblem,
  packageCustomMetadataDir
} from '..';

const defaultDir = packageCustomMetadataDir();

type MeasureRow = Pick<
  MeasureDefinition,
  | 'name'
  | 'signal'
  | 'windowDays'
  | 'direction'
  | 'curve'
  | 'lowerThreshold'
  | 'upperThreshold'
  | 'missingData'
  | 'isCritical'
  | 'weight'
> & { bands: string | null };

function measure(
  name: string,
  signal: MeasureDefinition['signal'],
  windowDays: number,
  direction: MeasureDefinition['direction'],
  curve: string,
  missingData: MeasureDefinition['missingData'],
  weight: number,
  isCritical = false
): MeasureRow {
  const linear = /^(-?\d+)\.\.(-?\d+)$/.exec(curve);
  return {
    name,
    signal,
    windowDays,
    direction,
    curve: linear === null ? 'Bands' : 'Linear',
    lowerThreshold: linear === null ? null : Number(linear[1]),
    upperThreshold: linear === null ? null : Number(linear[2]),
    bands: linear === null ? curve : null,
    missingData,
    isCritical,
    weight
  };
}

/** The default model as specified for the package: dimensions in order, each with its weight and measures. */
const EXPECTED_DIMENSIONS: { name: string; weight: number; measures: MeasureRow[] }[] = [
  {
    name: 'ProductAdoption',
    weight: 30,
    measures: [
      measure('LicenseUtilization30d', 'LicenseUtilization', 30, 'HigherIsBetter', '10..60', 'Redistribute', 40, true),
      measure('ActiveDayShare30d', 'ActiveDayShare', 30, 'HigherIsBetter', '10..60', 'Redistribute', 30),
      measure('LoginChange28d', 'LoginChange', 28, 'HigherIsBetter', '-50..0', 'Redistribute', 30)
    ]
  },
  {
    name: 'Support',
    weight: 15,
    measures: [
      measure(
        'OpenHighPriorityCases',
        'OpenHighPriorityCases',
        1,
        'LowerIsBetter',
        '0:100;1:60;2:30;4:0',
        'Redistribute',
        40,
        true
      ),
      measure('EscalatedCases90d', 'EscalatedCases', 90, 'LowerIsBetter', '0:100;1:60;2:30;3:0', 'Redistribute', 30),
      measure('AverageOpenCaseAgeDays', 'AverageOpenCaseAgeDays', 1, 'LowerIsBetter', '7..45', 'Redistribute', 30),
      measure('CasesCreated30d', 'CasesCreated', 30, 'LowerIsBetter', '5..30', 'Redistribute', 0)
    ]
  },
  {
    name: 'StakeholderEngagement',
    weight: 20,
    measures: [
      measure(
        'DaysSinceSponsorActivity120d',
        'DaysSinceSponsorActivity',
        120,
        'LowerIsBetter',
        '30..90',
        'Neutral',
        40
      ),
      measure(
        'DaysSinceChampionActivity60d',
        'DaysSinceChampionActivity',
        60,
        'LowerIsBetter',
        '14..45',
        'Neutral',
        35
      ),
      measure('ActivityCount30d', 'ActivityCount', 30, 'HigherIsBetter', '0..6', 'Redistribute', 25)
    ]
  },
  {
    name: 'Sentiment',
    weight: 15,
    measures: [
      measure('Nps180d', 'Nps', 180, 'HigherIsBetter', '-30..50', 'Neutral', 40),
      measure('Csat90d', 'Csat', 90, 'HigherIsBetter', '60..90', 'Neutral', 30),
      measure('CsmPulse60d', 'CsmPulse', 60, 'HigherIsBetter', '30..80', 'Neutral', 30)
    ]
  },
  {
    name: 'BusinessOutcomes',
    weight: 10,
    measures: [measure('ObjectivesMetShare', 'ObjectivesMetShare', 1, 'HigherIsBetter', '0..80', 'Exclude', 100)]
  },
  {
    name: 'Commercial',
    weight: 10,
    measures: [
      measure('DaysToRenewal', 'DaysToRenewal', 1, 'HigherIsBetter', '-1:20;0:40;30:70;90:100', 'Redistribute', 40),
      measure('DaysPastDue', 'DaysPastDue', 1, 'LowerIsBetter', '0:100;1:70;31:40;61:10', 'Exclude', 60)
    ]
  }
];

function toRow(definition: MeasureDefinition): MeasureRow {
  const {
    name,
    signal,
    windowDays,
    direction,
    curve,
    lowerThreshold,
    upperThreshold,
    missingData,
    isCritical,
    weight
  } = definition;
  const bands = definition.bands.length === 0 ? null : definition.bands.map((s) => `${s.min}:${s.score}`).join(';');
  return {
    name,
    signal,
    windowDays,
    direction,
    curve,
    lowerThreshold,
    upperThreshold,
    bands,
    missingData,
    isCritical,
    weight
  };
}

function loadDefault(): LoadedHealthModel {
  const models = loadDefaultModels();
  expect(models).toHaveLength(1);
  return models[0];
}

describe('loadDefaultModels', () => {
  it('loads the model settings', () => {
    const model = loadDefault();

    expect(model.name).toBe('Default');
    expect(model.label).toBe('Default');
    expect(model.isActive).toBe(true);
    expect(model.version).toBe(1);
    expect(model.segment).toBeNull();
    expect(model.greenMin).toBe(75);
    expect(model.yellowMin).toBe(50);
    expect(model.neutralScore).toBe(50);
    expect(model.minimumCoverage).toBe(0.5);
    expect(model.criticalCapScore).toBe(74);
    expect(model.trendWindowDays).toBe(56);
    expect(model.trendDeadBand).toBe(1);
  });

  it('loads dimensions in sort order', () => {
    const model = loadDefault();

    expect(model.dimensions.map((d) => [d.name, d.weight])).toEqual(EXPECTED_DIMENSIONS.map((d) => [d.name, d.weight]));
  });

  it.each(EXPECTED_DIMENSIONS)('loads the measures of $name', ({ name, measures }) => {
    const dimension = loadDefault().dimensions.find((d) => d.name === name);

    expect(dimension?.measures.map(toRow)).toEqual(measures);
  });

  it('loads labels and texts', () => {
    const model = loadDefault();

    for (const dimension of model.dimensions) {
      expect(dimension.label).not.toBe('');
      expect(dimension.description?.length).toBeGreaterThan(50);
      expect(dimension.recommendedAction?.length).toBeGreaterThan(50);
      for (const definition of dimension.measures) {
        expect(definition.label).not.toBe('');
        expect(definition.description?.length).toBeGreaterThan(100);
      }
    }
  });

  it('passes engine validation', () => {
    expect(validateModel(loadDefault())).toEqual([]);
  });

  it('uses no Zero policy', () => {
    const policies = loadDefault().dimensions.flatMap((d) => d.measures.map((m) => m.missingData));

    expect(policies).not.toContain('Zero');
  });

  it('resolves every record relationship', () => {
    const files = fs.readdirSync(defaultDir);
    const model = loadDefault();

    const dimensionNames = model.dimensions.map((d) => d.name).sort();
    const measureNames = model.dimensions.flatMap((d) => d.measures.map((m) => m.name)).sort();
    expect(dimensionNames).toEqual(
      files
        .filter((f) => f.startsWith('HealthDimension.'))
        .map((f) => f.split('.')[1])
        .sort()
    );
    expect(measureNames).toEqual(
      files
        .filter((f) => f.startsWith('HealthMeasure.'))
        .map((f) => f.split('.')[1])
        .sort()
    );
  });
});

describe('loadModelsFromMetadata', () => {
  const tempDirs: string[] = [];

  afterEach(() => {
    for (const dir of tempDirs.splice(0)) {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  function copyDefault(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'health-model-'));
    tempDirs.push(dir);
    for (const name of fs.readdirSync(defaultDir)) {
      fs.copyFileSync(path.join(defaultDir, name), path.join(dir, name));
    }
    return dir;
  }

  /** Replaces the `<value>` of `field` in a record file with `valueXml`. */
  function setValue(dir: string, record: string, field: string, valueXml: string): void {
    const file = path.join(dir, `${record}.md-meta.xml`);
    const text = fs.readFileSync(file, 'utf8');
    const pattern = new RegExp(`(<field>${field}</field>\\s*)<value[^>]*?(?:/>|>[\\s\\S]*?</value>)`);
    expect(text).toMatch(pattern);
    fs.writeFileSync(file, text.replace(pattern, `$1${valueXml}`));
  }

  function setText(dir: string, record: string, field: string, value: string): void {
    setValue(dir, record, field, `<value xsi:type="xsd:string">${value}</value>`);
  }

  function lineOfField(dir: string, record: string, field: string): number {
    const lines = fs.readFileSync(path.join(dir, `${record}.md-meta.xml`), 'utf8').split('\n');
    return lines.findIndex((line) => line.includes(`<field>${field}</field>`)) + 1;
  }

  function loadProblems(dir: string): ModelLoadProblem[] {
    try {
      loadModelsFromMetadata(dir);
    } catch (error) {
      expect(error).toBeInstanceOf(ModelLoadError);
      return (error as ModelLoadError).problems;
    }
    throw new Error(`loading ${dir} succeeded, but a ModelLoadError was expected`);
  }

  function onlyProblem(dir: string): ModelLoadProblem {
    const problems = loadProblems(dir);
    expect(problems).toHaveLength(1);
    return problems[0];
  }

  it('names file, line and field of bad bands', () => {
    const dir = copyDefault();
    setText(dir, 'HealthMeasure.OpenHighPriorityCases', 'Bands__c', '0:100;1-60');

    const problem = onlyProblem(dir);

    expect(problem.file).toBe(path.join(dir, 'HealthMeasure.OpenHighPriorityCases.md-meta.xml'));
    expect(problem.field).toBe('Bands__c');
    expect(problem.line).toBe(lineOfField(dir, 'HealthMeasure.OpenHighPriorityCases', 'Bands__c'));
    expect(problem.message).toContain('"1-60"');
  });

  it('puts file and field in the message', () => {
    const dir = copyDefault();
    setText(dir, 'HealthMeasure.OpenHighPriorityCases', 'Bands__c', '1:60;0:100');

    expect(() => loadModelsFromMetadata(dir)).toThrow(
      `HealthMeasure.OpenHighPriorityCases.md-meta.xml:${lineOfField(dir, 'HealthMeasure.OpenHighPriorityCases', 'Bands__c')}: Bands__c:`
    );
  });

  it('rejects an unknown dimension', () => {
    const dir = copyDefault();
    setText(dir, 'HealthMeasure.Csat90d', 'Dimension__c', 'CustomerSentiment');

    const problem = onlyProblem(dir);

    expect(path.basename(problem.file)).toBe('HealthMeasure.Csat90d.md-meta.xml');
    expect(problem.field).toBe('Dimension__c');
    expect(problem.message).toContain('"CustomerSentiment"');
    expect(problem.message).toContain('Sentiment, ');
  });

  it('suggests a dimension differing in case', () => {
    const dir = copyDefault();
    setText(dir, 'HealthMeasure.Csat90d', 'Dimension__c', 'sentiment');

    expect(onlyProblem(dir).message).toContain('did you mean Sentiment?');
  });

  it('rejects an unknown model', () => {
    const dir = copyDefault();
    setText(dir, 'HealthDimension.Support', 'Model__c', 'Standard');

    const problems = loadProblems(dir);

    expect(problems[0].field).toBe('Model__c');
    expect(path.basename(problems[0].file)).toBe('HealthDimension.Support.md-meta.xml');
    // The measures of the orphaned dimension are reported too, so the message lists what depends on it.
    expect(problems.slice(1).map((p) => p.field)).toEqual([
      'Dimension__c',
      'Dimension__c',
      'Dimension__c',
      'Dimension__c'
    ]);
  });

  it.each([
    ['Signal__c', 'NetPromoterScore', 'use one of LicenseUtilization, ActiveDayShare'],
    ['Direction__c', 'higherisbetter', 'did you mean HigherIsBetter?'],
    ['Curve__c', 'Step', 'use one of Bands, Linear'],
    ['MissingDataPolicy__c', 'Ignore', 'use one of Neutral, Redistribute, Zero, Exclude']
  ])('rejects %s value %s', (field, value, hint) => {
    const dir = copyDefault();
    setText(dir, 'HealthMeasure.Nps180d', field, value);

    const problem = onlyProblem(dir);

    expect(path.basename(problem.file)).toBe('HealthMeasure.Nps180d.md-meta.xml');
    expect(problem.field).toBe(field);
    expect(problem.message).toContain(`"${value}"`);
    expect(problem.message).toContain(hint);
  });

  it.each([
    ['Weight__c', '<value xsi:nil="true" />', 'is required'],
    ['Weight__c', '<value xsi:type="xsd:double">forty</value>', '"forty" is not a number'],
    ['Weight__c', '<value xsi:type="xsd:string">40</value>', 'needs xsi:type="xsd:double"'],
    ['Weight__c', '<value>40</value>', 'value has no xsi:type'],
    ['Weight__c', '<value xsi:type="xsd:double">40.125</value>', 'at most 2 decimal places'],
    ['WindowDays__c', '<value xsi:type="xsd:double">30.5</value>', 'not a whole number'],
    ['WindowDays__c', '<value xsi:type="xsd:double">10000</value>', 'out of range'],
    ['IsCritical__c', '<value xsi:type="xsd:boolean">yes</value>', 'write true or false'],
    ['Signal__c', '<value xsi:type="xsd:picklist">Nps</value>', 'needs xsi:type="xsd:string"'],
    ['LowerThreshold__c', '<value xsi:nil="true" />', 'Curve is Linear'],
    ['Bands__c', '<value xsi:type="xsd:string">0:0;50:100</value>', 'Curve is Linear, which ignores it']
  ])('rejects %s set to %s', (field, valueXml, message) => {
    const dir = copyDefault();
    setValue(dir, 'HealthMeasure.Nps180d', field, valueXml);

    const problem = onlyProblem(dir);

    expect(problem.field).toBe(field);
    expect(problem.line).toBe(lineOfField(dir, 'HealthMeasure.Nps180d', field));
    expect(problem.message).toContain(message);
  });

  it('requires bands for a banded curve', () => {
    const dir = copyDefault();
    setValue(dir, 'HealthMeasure.DaysPastDue', 'Bands__c', '<value xsi:nil="true" />');

    const problem = onlyProblem(dir);

    expect(problem.field).toBe('Bands__c');
    expect(problem.message).toContain('Curve is Bands');
  });

  it('rejects an unknown field', () => {
    const dir = copyDefault();
    const file = path.join(dir, 'HealthDimension.Support.md-meta.xml');
    const extra =
      '<values><field>Colour__c</field><value xsi:type="xsd:string">Red</value></values>\n</CustomMetadata>';
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('</CustomMetadata>', extra));

    const problem = onlyProblem(dir);

    expect(problem.field).toBe('Colour__c');
    expect(problem.message).toContain('is not a field of HealthDimension__mdt');
  });

  it('reports XML errors with a line', () => {
    const dir = copyDefault();
    const file = path.join(dir, 'HealthModel.Default.md-meta.xml');
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.replace('</label>', ''));

    const problems = loadProblems(dir);

    expect(problems[0].file).toBe(file);
    expect(problems[0].field).toBeNull();
    expect(problems[0].line).toBeGreaterThan(1);
    expect(problems[0].message).toContain('not well formed');
  });

  it('reports every problem at once', () => {
    const dir = copyDefault();
    setText(dir, 'HealthMeasure.Nps180d', 'Signal__c', 'Promoters');
    setText(dir, 'HealthMeasure.DaysPastDue', 'Bands__c', '0:100;x');

    const problems = loadProblems(dir);

    expect(problems.map((p) => [path.basename(p.file), p.field])).toEqual([
      ['HealthMeasure.DaysPastDue.md-meta.xml', 'Bands__c'],
      ['HealthMeasure.Nps180d.md-meta.xml', 'Signal__c']
    ]);
  });

  it('rejects an invalid record name', () => {
    const dir = copyDefault();
    fs.renameSync(
      path.join(dir, 'HealthMeasure.Csat90d.md-meta.xml'),
      path.join(dir, 'HealthMeasure.Csat__90d.md-meta.xml')
    );

    const problem = onlyProblem(dir);

    expect(path.basename(problem.file)).toBe('HealthMeasure.Csat__90d.md-meta.xml');
    expect(problem.message).toContain('not a valid DeveloperName');
  });

  it('rejects a missing folder', () => {
    const dir = path.join(os.tmpdir(), 'health-model-missing-folder');

    expect(() => loadModelsFromMetadata(dir)).toThrow(`${dir}: folder not found`);
  });

  it('rejects a folder without models', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'health-model-'));
    tempDirs.push(dir);

    expect(() => loadModelsFromMetadata(dir)).toThrow('holds no HealthModel.<Name>.md-meta.xml record');
  });

  it('ignores other files', () => {
    const dir = copyDefault();
    fs.writeFileSync(path.join(dir, 'OtherSetting.Value.md-meta.xml'), '<not-xml');
    fs.writeFileSync(path.join(dir, 'README.md'), 'notes');

    expect(loadModelsFromMetadata(dir).map((m) => m.name)).toEqual(['Default']);
  });

  it('skips inactive models', () => {
    const dir = copyDefault();
    setValue(dir, 'HealthModel.Default', 'IsActive__c', '<value xsi:type="xsd:boolean">false</value>');

    expect(loadModelsFromMetadata(dir)).toEqual([]);
    expect(loadModelsFromMetadata(dir, { includeInactive: true }).map((m) => [m.name, m.isActive])).toEqual([
      ['Default', false]
    ]);
  });

  it('reads segment criteria', () => {
    const dir = copyDefault();
    setText(dir, 'HealthModel.Default', 'SegmentField__c', 'Segment__c');
    setText(dir, 'HealthModel.Default', 'SegmentValues__c', 'Enterprise; Strategic;');

    expect(loadModelsFromMetadata(dir)[0].segment).toEqual({
      field: 'Segment__c',
      values: ['Enterprise', 'Strategic']
    });
  });

  it.each([
    ['SegmentValues__c', 'Enterprise', 'SegmentField__c'],
    ['SegmentField__c', 'Segment__c', 'SegmentValues__c'],
    ['SegmentField__c', 'Account.Segment', 'SegmentField__c']
  ])('rejects segment with only %s %s', (field, value, problemField) => {
    const dir = copyDefault();
    setText(dir, 'HealthModel.Default', field, value);

    expect(onlyProblem(dir).field).toBe(problemField);
  });

  it('orders by sort order, blanks last', () => {
    const dir = copyDefault();
    setValue(dir, 'HealthDimension.Commercial', 'SortOrder__c', '<value xsi:type="xsd:double">5.0</value>');
    setValue(dir, 'HealthDimension.ProductAdoption', 'SortOrder__c', '<value xsi:nil="true" />');
    setValue(dir, 'HealthMeasure.CasesCreated30d', 'SortOrder__c', '<value xsi:type="xsd:double">1.0</value>');

    const model = loadModelsFromMetadata(dir)[0];

    expect(model.dimensions.map((d) => d.name)).toEqual([
      'Commercial',
      'Support',
      'StakeholderEngagement',
      'Sentiment',
      'BusinessOutcomes',
      'ProductAdoption'
    ]);
    expect(model.dimensions[1].measures[0].name).toBe('CasesCreated30d');
  });

  it('sorts models by name', () => {
    const dir = copyDefault();
    const text = fs.readFileSync(path.join(dir, 'HealthModel.Default.md-meta.xml'), 'utf8');
    fs.writeFileSync(path.join(dir, 'HealthModel.Alpha.md-meta.xml'), text);

    const models = loadModelsFromMetadata(dir);

    expect(models.map((m) => [m.name, m.dimensions.length])).toEqual([
      ['Alpha', 0],
      ['Default', 6]
    ]);
  });
});

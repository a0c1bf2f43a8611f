import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ApexParserBaseListener, ApexParseTreeWalker, VariableDeclaratorContext } from '@apexdevtools/apex-parser';
import { FieldInitialisers, parseApexClass } from './apexSource';
import * as engine from 'c/adoptionEngine';

const adoptionDir = path.resolve(__dirname, '../../../force-app/main/adoption');
const classesDir = path.join(adoptionDir, 'classes');

/** Collects the source text of every initialiser, by variable name. */
class InitialiserTexts extends ApexParserBaseListener {
  readonly byName = new Map<string, string>();

  enterVariableDeclarator(ctx: VariableDeclaratorContext): void {
    const expression = ctx.expression();
    if (expression) {
      this.byName.set(ctx.id().getText(), expression.getText());
    }
  }
}

const tree = parseApexClass(classesDir, 'AdoptionRules');
const literals = new FieldInitialisers();
const texts = new InitialiserTexts();
ApexParseTreeWalker.DEFAULT.walk(literals, tree);
ApexParseTreeWalker.DEFAULT.walk(texts, tree);

/** Reads a `Map<String, String>` initialiser as key and value literals in turn. */
function stringMap(name: string): Record<string, string> {
  const values = literals.byName.get(name) ?? [];
  const entries: Record<string, string> = {};
  for (let i = 0; i + 1 < values.length; i += 2) {
    entries[values[i]] = values[i + 1];
  }
  return entries;
}

/** Reads the API names of the values of a picklist field of the feature's metadata. */
function picklistValues(objectName: string, fieldName: string): string[] {
  const file = path.join(adoptionDir, 'objects', objectName, 'fields', `${fieldName}.field-meta.xml`);
  const xml = readFileSync(file, 'utf8');
  return [...xml.matchAll(/<value>\s*<fullName>([^<]+)<\/fullName>/g)].map((match) => match[1]);
}

const NUMERIC_CONSTANTS = [
  'TREND_MONTHS',
  'TREND_DEAD_BAND',
  'ACCESS_ASSIGNED_SHARE',
  'TRAINING_UNTRIED_SHARE',
  'UX_RETAINED_SHARE',
  'AWARENESS_NEW_DAYS',
  'RELEVANCE_PEER_RATIO',
  'PRIORITY_FLAG_COUNT',
  'SPRINT_DAYS',
  'PLAYBOOK_TARGET_DAYS',
  'READY_PERCENT',
  'DEVELOPING_PERCENT',
  'TRIGGER_WINDOW_DAYS',
  'EXECUTIVE_PRICE_SHARE',
  'TASK_SUBJECT_LENGTH',
  'UNTEMPLATED_TASK_DAY'
] as const;

const LIST_CONSTANTS: [string, readonly string[]][] = [
  ['SEGMENT_TYPES', engine.SEGMENT_TYPES],
  ['ADOPTION_TRENDS', engine.ADOPTION_TRENDS],
  ['BARRIERS', engine.BARRIERS],
  ['MEASURE_TYPES', engine.MEASURE_TYPES],
  ['ENTITLEMENT_SOURCES', engine.ENTITLEMENT_SOURCES],
  ['WHITESPACE_STATUSES', engine.WHITESPACE_STATUSES],
  ['EXPANSION_APPROACHES', engine.EXPANSION_APPROACHES]
];

describe('AdoptionRules', () => {
  it.each(NUMERIC_CONSTANTS)('declares the engine value of %s', (name) => {
    const text = texts.byName.get(name);

    expect(text).toBeDefined();
    expect(Number(text)).toBe(engine[name]);
  });

  it.each(LIST_CONSTANTS)('lists the engine values of %s in order', (name, values) => {
    expect(literals.byName.get(name)).toEqual([...values]);
  });

  it('names the whole-account segment as the engine does', () => {
    expect(literals.byName.get('SEGMENT_ALL')).toEqual([engine.ALL_SEGMENT]);
  });

  it('gives each barrier the engine action', () => {
    expect(stringMap('BARRIER_ACTIONS')).toEqual(engine.BARRIER_ACTIONS);
  });

  it('words each trigger type as the engine does', () => {
    expect(stringMap('TRIGGER_LABELS')).toEqual(engine.TRIGGER_LABELS);
  });
});

describe('adoption picklists', () => {
  const cases: [string, string, readonly string[]][] = [
    ['FeatureUsage__c', 'SegmentType__c', engine.SEGMENT_TYPES],
    ['FeatureEntitlement__c', 'SegmentType__c', engine.SEGMENT_TYPES],
    ['AdoptionFact__c', 'SegmentType__c', engine.SEGMENT_TYPES],
    ['AdoptionPlaybook__c', 'SegmentType__c', engine.SEGMENT_TYPES],
    ['AdoptionFact__c', 'Trend__c', engine.ADOPTION_TRENDS],
    ['AdoptionPlaybook__c', 'Status__c', engine.PLAYBOOK_STATUSES],
    ['PlaybookBarrier__c', 'Barrier__c', engine.BARRIERS],
    ['PlaybookTaskTemplate__mdt', 'Barrier__c', engine.BARRIERS],
    ['AdoptionFeature__mdt', 'MeasureType__c', engine.MEASURE_TYPES],
    ['AdoptionFeature__mdt', 'EntitlementSource__c', engine.ENTITLEMENT_SOURCES],
    ['BusinessTrigger__c', 'Type__c', engine.TRIGGER_TYPES],
    ['Opportunity', 'ExpansionApproach__c', engine.EXPANSION_APPROACHES]
  ];

  it.each(cases)('%s.%s holds the engine values in order', (objectName, fieldName, values) => {
    expect(picklistValues(objectName, fieldName)).toEqual([...values]);
  });
});

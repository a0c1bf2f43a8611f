import path from 'node:path';
import { ApexParserBaseListener, ApexParseTreeWalker, VariableDeclaratorContext } from '@apexdevtools/apex-parser';
import { FieldInitialisers, parseApexClass } from './apexSource';
import {
  CHECKPOINT_STATES,
  CRITERIA_OPERATORS,
  MILESTONE_DUE_SOON_DAYS,
  MILESTONE_STATES,
  OBJECTIVE_STATUSES,
  PLAN_STATUSES,
  PLAYBOOKS,
  RENEWAL_CALLS,
  compareRenewalCall
} from 'c/planEngine';

const classesDir = path.resolve(__dirname, '../../../force-app/main/plans/classes');

/** Collects the source text of every initialiser, by variable name, for initialisers without string literals. */
class InitialiserTexts extends ApexParserBaseListener {
  readonly byName = new Map<string, string>();

  enterVariableDeclarator(ctx: VariableDeclaratorContext): void {
    const expression = ctx.expression();
    if (expression) {
      this.byName.set(ctx.id().getText(), expression.getText());
    }
  }
}

interface ApexClassFields {
  literals: Map<string, string[]>;
  texts: Map<string, string>;
}

function readFields(name: string): ApexClassFields {
  const tree = parseApexClass(classesDir, name);
  const literals = new FieldInitialisers();
  const texts = new InitialiserTexts();
  ApexParseTreeWalker.DEFAULT.walk(literals, tree);
  ApexParseTreeWalker.DEFAULT.walk(texts, tree);
  return { literals: literals.byName, texts: texts.byName };
}

/** Returns the single string value of every field whose name starts with `prefix`. */
function prefixedValues(fields: ApexClassFields, prefix: string): string[] {
  return [...fields.literals.entries()]
    .filter(([name, values]) => name.startsWith(prefix) && values.length === 1)
    .map(([, values]) => values[0]);
}

/** Reads the `'key' => number` entries of a `Map<String, Integer>` initialiser. */
function integerMap(text: string | undefined): Record<string, number> {
  const entries: Record<string, number> = {};
  for (const match of (text ?? '').matchAll(/'([^']*)'=>(-?\d+)/g)) {
    entries[match[1]] = Number(match[2]);
  }
  return entries;
}

function sorted(values: readonly string[]): string[] {
  return [...values].sort();
}

describe('SuccessPlanRules', () => {
  const fields = readFields('SuccessPlanRules');

  it('lists the engine milestone states', () => {
    expect(sorted(prefixedValues(fields, 'STATE_'))).toEqual(sorted(MILESTONE_STATES));
  });

  it('lists the engine criteria operators', () => {
    expect(sorted(prefixedValues(fields, 'OPERATOR_'))).toEqual(sorted(CRITERIA_OPERATORS));
  });

  it('uses the engine due-soon window', () => {
    expect(fields.texts.get('MILESTONE_DUE_SOON_DAYS')).toBe(String(MILESTONE_DUE_SOON_DAYS));
  });

  it('names only engine statuses', () => {
    expect(PLAN_STATUSES).toContain(fields.literals.get('PLAN_ACTIVE')?.[0]);
    for (const name of ['OBJECTIVE_ACHIEVED', 'OBJECTIVE_MISSED', 'OBJECTIVE_NOT_STARTED']) {
      expect(OBJECTIVE_STATUSES).toContain(fields.literals.get(name)?.[0]);
    }
  });
});

describe('RenewalCountdownRules', () => {
  const fields = readFields('RenewalCountdownRules');

  it('lists the engine checkpoint states', () => {
    expect(sorted(prefixedValues(fields, 'STATE_'))).toEqual(sorted(CHECKPOINT_STATES));
  });

  it('lists the engine playbooks', () => {
    expect(sorted(fields.literals.get('PLAYBOOKS') ?? [])).toEqual(sorted(PLAYBOOKS));
  });

  it('gives each call the engine level', () => {
    const levels = integerMap(fields.texts.get('CALL_LEVELS'));

    expect(sorted(Object.keys(levels))).toEqual(sorted(RENEWAL_CALLS));
    for (const call of RENEWAL_CALLS) {
      expect(levels[call]).toBe(compareRenewalCall(call, null).callLevel);
    }
  });

  it('gives each band the engine level', () => {
    const levels = integerMap(fields.texts.get('BAND_LEVELS'));

    expect(sorted(Object.keys(levels))).toEqual(sorted(['Red', 'Yellow', 'Green']));
    for (const band of ['Red', 'Yellow', 'Green']) {
      expect(levels[band]).toBe(compareRenewalCall('Commit', band).dataLevel);
    }
  });

  it('flags the engine disagreement gap', () => {
    const gap = Number(fields.texts.get('DISAGREEMENT_GAP'));

    expect(compareRenewalCall('Commit', 'Red').gap).toBe(gap);
    expect(compareRenewalCall('Commit', 'Red').isDisagreement).toBe(true);
    expect(compareRenewalCall('Commit', 'Yellow').gap).toBe(gap - 1);
    expect(compareRenewalCall('Commit', 'Yellow').isDisagreement).toBe(false);
  });
});

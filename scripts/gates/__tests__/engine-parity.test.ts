import path from 'node:path';
import {
  ApexParserBaseListener,
  ApexParseTreeWalker,
  MethodDeclarationContext,
  SwitchStatementContext
} from '@apexdevtools/apex-parser';
import { FieldInitialisers, parseApexClass, unquote } from './apexSource';
import { CURVE_TYPES, DIRECTIONS, MISSING_DATA_POLICIES, SIGNAL_NAMES } from 'c/healthEngine';

const classesDir = path.resolve(__dirname, '../../../force-app/main/health/classes');

interface SwitchOnSignal {
  method: string;
  names: string[];
}

/** Collects the `when` values of every `switch on signal`, with the method that contains the switch. */
class SignalSwitches extends ApexParserBaseListener {
  readonly switches: SwitchOnSignal[] = [];
  private method = '';

  enterMethodDeclaration(ctx: MethodDeclarationContext): void {
    this.method = ctx.id().getText();
  }

  enterSwitchStatement(ctx: SwitchStatementContext): void {
    if (ctx.expression().getText() !== 'signal') {
      return;
    }
    const names = ctx
      .whenControl_list()
      .flatMap((control) => control.whenValue().whenLiteral_list())
      .map((literal) => literal.StringLiteral())
      .filter((literal) => literal !== null && literal !== undefined)
      .map((literal) => unquote(literal.getText()));
    this.switches.push({ method: this.method, names });
  }
}

function sorted(values: readonly string[]): string[] {
  return [...values].sort();
}

function duplicates(values: readonly string[]): string[] {
  return values.filter((value, index) => values.indexOf(value) !== index);
}

describe('HealthSignalNames', () => {
  const fields = new FieldInitialisers();
  ApexParseTreeWalker.DEFAULT.walk(fields, parseApexClass(classesDir, 'HealthSignalNames'));

  it.each([
    ['SIGNALS', SIGNAL_NAMES],
    ['CURVES', CURVE_TYPES],
    ['DIRECTIONS', DIRECTIONS],
    ['MISSING_DATA_POLICIES', MISSING_DATA_POLICIES]
  ] as const)('matches %s', (field, engineNames) => {
    const apexNames = fields.byName.get(field) ?? [];

    expect(apexNames.length).toBeGreaterThan(0);
    expect(duplicates(apexNames)).toEqual([]);
    expect(sorted(apexNames)).toEqual(sorted(engineNames));
  });
});

describe('HealthSignalCalculator', () => {
  const switches = new SignalSwitches();
  ApexParseTreeWalker.DEFAULT.walk(switches, parseApexClass(classesDir, 'HealthSignalCalculator'));
  const fields = new FieldInitialisers();
  ApexParseTreeWalker.DEFAULT.walk(fields, parseApexClass(classesDir, 'HealthSignalNames'));
  const apexSignals = new Set(fields.byName.get('SIGNALS') ?? []);

  it('switches on signal', () => {
    expect(switches.switches.length).toBeGreaterThan(0);
  });

  it('handles only listed signals', () => {
    const unlisted = switches.switches.flatMap((entry) => entry.names).filter((name) => !apexSignals.has(name));

    expect(unlisted).toEqual([]);
  });

  it('dispatches every signal', () => {
    const dispatch = switches.switches.find((entry) => entry.method === 'computePrepared');

    expect(dispatch).toBeDefined();
    expect(duplicates(dispatch?.names ?? [])).toEqual([]);
    expect(sorted(dispatch?.names ?? [])).toEqual(sorted([...apexSignals]));
  });
});

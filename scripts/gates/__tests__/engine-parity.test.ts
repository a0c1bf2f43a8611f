import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  ApexErrorListener,
  ApexParserBaseListener,
  ApexParserFactory,
  ApexParseTreeWalker,
  LiteralContext,
  MethodDeclarationContext,
  SwitchStatementContext,
  VariableDeclaratorContext
} from '@apexdevtools/apex-parser';
import type { ApexParseTree } from '@apexdevtools/apex-parser';
import { CURVE_TYPES, DIRECTIONS, MISSING_DATA_POLICIES, SIGNAL_NAMES } from 'c/healthEngine';

const classesDir = path.resolve(__dirname, '../../../force-app/main/health/classes');

class SyntaxErrors extends ApexErrorListener {
  readonly errors: string[] = [];

  constructor(private readonly file: string) {
    super();
  }

  apexSyntaxError(line: number, column: number, message: string): void {
    this.errors.push(`${this.file}:${line}:${column} ${message}`);
  }
}

/** Parses one Apex class of the health feature and fails on any syntax error, naming the file, line and column. */
function parseClass(name: string): ApexParseTree {
  const file = path.join(classesDir, `${name}.cls`);
  const listener = new SyntaxErrors(file);
  const { parser } = ApexParserFactory.createLexerAndParser(readFileSync(file, 'utf8'), listener);
  const unit = parser.compilationUnit();
  if (listener.errors.length > 0) {
    throw new Error(
      `Failed to parse ${name}.cls, so it cannot be compared with the engine. Fix these syntax errors:\n${listener.errors.join('\n')}`
    );
  }
  return unit;
}

/** Turns the text of an Apex string literal into its value. */
function unquote(literal: string): string {
  return literal.slice(1, -1).replace(/\\(.)/g, '$1');
}

class StringLiterals extends ApexParserBaseListener {
  readonly values: string[] = [];

  enterLiteral(ctx: LiteralContext): void {
    const literal = ctx.StringLiteral();
    if (literal) {
      this.values.push(unquote(literal.getText()));
    }
  }
}

/** Collects the string literals of every field initialiser, by field name. */
class FieldInitialisers extends ApexParserBaseListener {
  readonly byName = new Map<string, string[]>();

  enterVariableDeclarator(ctx: VariableDeclaratorContext): void {
    const expression = ctx.expression();
    if (!expression) {
      return;
    }
    const literals = new StringLiterals();
    ApexParseTreeWalker.DEFAULT.walk(literals, expression);
    this.byName.set(ctx.id().getText(), literals.values);
  }
}

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
  ApexParseTreeWalker.DEFAULT.walk(fields, parseClass('HealthSignalNames'));

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
  ApexParseTreeWalker.DEFAULT.walk(switches, parseClass('HealthSignalCalculator'));
  const fields = new FieldInitialisers();
  ApexParseTreeWalker.DEFAULT.walk(fields, parseClass('HealthSignalNames'));
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

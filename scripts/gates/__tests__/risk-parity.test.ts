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
import { RISK_RULE_TYPES } from 'c/riskEngine';

const classesDir = path.resolve(__dirname, '../../../force-app/main/risk/classes');

class SyntaxErrors extends ApexErrorListener {
  readonly errors: string[] = [];

  constructor(private readonly file: string) {
    super();
  }

  apexSyntaxError(line: number, column: number, message: string): void {
    this.errors.push(`${this.file}:${line}:${column} ${message}`);
  }
}

/** Parses one Apex class of the risk feature and fails on any syntax error, naming the file, line and column. */
function parseClass(name: string): ApexParseTree {
  const file = path.join(classesDir, `${name}.cls`);
  const listener = new SyntaxErrors(file);
  const { parser } = ApexParserFactory.createLexerAndParser(readFileSync(file, 'utf8'), listener);
  const unit = parser.compilationUnit();
  if (listener.errors.length > 0) {
    throw new Error(
      `Failed to parse ${name}.cls, so its rule types cannot be compared with the engine. Fix these syntax errors:\n` +
        listener.errors.join('\n')
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

/** Collects the `when` values of every `switch on rule.ruleType`, with the method that contains the switch. */
class RuleTypeSwitches extends ApexParserBaseListener {
  readonly switches: { method: string; names: string[] }[] = [];
  private method = '';

  enterMethodDeclaration(ctx: MethodDeclarationContext): void {
    this.method = ctx.id().getText();
  }

  enterSwitchStatement(ctx: SwitchStatementContext): void {
    if (ctx.expression().getText() !== 'rule.ruleType') {
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

describe('RiskRules', () => {
  const tree = parseClass('RiskRules');
  const fields = new FieldInitialisers();
  ApexParseTreeWalker.DEFAULT.walk(fields, tree);
  const switches = new RuleTypeSwitches();
  ApexParseTreeWalker.DEFAULT.walk(switches, tree);
  const apexTypes = fields.byName.get('RULE_TYPES') ?? [];

  it('lists the engine rule types', () => {
    expect(apexTypes.length).toBeGreaterThan(0);
    expect(duplicates(apexTypes)).toEqual([]);
    expect(sorted(apexTypes)).toEqual(sorted(RISK_RULE_TYPES));
  });

  it('evaluates every listed type', () => {
    const dispatch = switches.switches.find((entry) => entry.method === 'evaluateRule');

    expect(dispatch).toBeDefined();
    expect(duplicates(dispatch?.names ?? [])).toEqual([]);
    expect(sorted(dispatch?.names ?? [])).toEqual(sorted(apexTypes));
  });
});

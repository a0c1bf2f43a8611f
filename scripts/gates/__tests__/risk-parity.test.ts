import path from 'node:path';
import {
  ApexParserBaseListener,
  ApexParseTreeWalker,
  MethodDeclarationContext,
  SwitchStatementContext
} from '@apexdevtools/apex-parser';
import { FieldInitialisers, parseApexClass, unquote } from './apexSource';
import { RISK_RULE_TYPES } from 'c/riskEngine';

const classesDir = path.resolve(__dirname, '../../../force-app/main/risk/classes');

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
  const tree = parseApexClass(classesDir, 'RiskRules');
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

// Parse helpers shared by the tests that compare Apex classes with the TypeScript engines.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  ApexErrorListener,
  ApexParserBaseListener,
  ApexParserFactory,
  ApexParseTreeWalker,
  LiteralContext,
  VariableDeclaratorContext
} from '@apexdevtools/apex-parser';
import type { ApexParseTree } from '@apexdevtools/apex-parser';

class SyntaxErrors extends ApexErrorListener {
  readonly errors: string[] = [];

  constructor(private readonly file: string) {
    super();
  }

  apexSyntaxError(line: number, column: number, message: string): void {
    this.errors.push(`${this.file}:${line}:${column} ${message}`);
  }
}

/** Parses one Apex class of `classesDir` and fails on any syntax error, naming the file, line and column. */
export function parseApexClass(classesDir: string, name: string): ApexParseTree {
  const file = path.join(classesDir, `${name}.cls`);
  const listener = new SyntaxErrors(file);
  const { parser } = ApexParserFactory.createLexerAndParser(readFileSync(file, 'utf8'), listener);
  const unit = parser.compilationUnit();
  if (listener.errors.length > 0) {
    throw new Error(
      `Failed to parse ${name}.cls, so it cannot be compared with the TypeScript engine. Fix these syntax errors:\n${listener.errors.join('\n')}`
    );
  }
  return unit;
}

/** Turns the text of an Apex string literal into its value. */
export function unquote(literal: string): string {
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
export class FieldInitialisers extends ApexParserBaseListener {
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

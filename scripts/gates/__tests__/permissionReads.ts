// Derives which objects and fields each persona reads through the app's code, and which of those reads its
// permission set does not grant. The reads come from the SOQL of the Apex classes (static `[SELECT ...]` and the text
// given to Database.query and its relatives) and from the `@salesforce/schema` imports of the components.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import {
  ApexErrorListener,
  ApexLexer,
  ApexParserFactory,
  Arth2ExpressionContext,
  AssignExpressionContext,
  ClassDeclarationContext,
  ConstructorDeclarationContext,
  DotExpressionContext,
  EnhancedForControlContext,
  ExpressionContext,
  FieldDeclarationContext,
  FieldNameContext,
  FromNameListContext,
  IdPrimaryContext,
  LiteralPrimaryContext,
  LocalVariableDeclarationContext,
  MethodDeclarationContext,
  NewExpressionContext,
  PrimaryExpressionContext,
  QueryContext,
  SelectEntryContext,
  SoqlLiteralContext,
  SubExpressionContext,
  SubFieldEntryContext,
  SubQueryContext,
  TypeOfContext,
  ValueContext,
  VariableDeclaratorContext
} from '@apexdevtools/apex-parser';
import type { ApexParserRuleContext, ApexParseTree } from '@apexdevtools/apex-parser';
import { XMLParser } from 'fast-xml-parser';

/** How a query decides field-level security and object permissions. */
export type AccessMode = 'user' | 'system' | 'caller';

/** A field of an object, as declared in the project's metadata. */
export interface FieldInfo {
  name: string;
  type: string;
  isRequired: boolean;
  referenceTo: string;
  relationshipName: string;
}

/** An object that the project declares custom fields on, with those fields by lower-case name. */
export interface ObjectInfo {
  name: string;
  fields: Map<string, FieldInfo>;
}

/** One SOQL query of an Apex class. For dynamic SOQL, `soql` is the part of the text that could be worked out. */
export interface ApexQuery {
  className: string;
  method: string;
  line: number;
  soql: string;
  access: AccessMode;
  isDynamic: boolean;
  /** Why the text of a dynamic query could not be worked out fully, or null when it could. */
  unresolved: string | null;
}

/** An Apex class with the classes it names, its queries and its constant lists of strings. */
export interface ApexClassFacts {
  name: string;
  file: string;
  references: Set<string>;
  queries: ApexQuery[];
  /** Class fields initialised with a List or Set of string literals, by field name. */
  stringLists: Map<string, string[]>;
}

/** A read of an object (field null) or of one field of it. */
export interface Read {
  object: string;
  field: string | null;
}

/**
 * What a permission set grants, in lower case: Apex classes, readable objects (custom metadata types included) and
 * readable fields (`object.field`).
 */
export interface PermissionSetGrants {
  name: string;
  classes: Set<string>;
  readableObjects: Set<string>;
  readableFields: Set<string>;
}

/** A component and what it imports: Apex classes and schema references. */
export interface ComponentFacts {
  name: string;
  file: string;
  apexClasses: Set<string>;
  schemaReads: Read[];
}

/** A read that a persona makes without the grant it needs. */
export interface Gap {
  permissionSet: string;
  object: string;
  field: string | null;
  /** Where the read happens, such as `SuccessPlanSelector.getOpenPlans (SuccessPlanSelector.cls:73)`. */
  source: string;
  /** The class granted to the persona, or the component, through which the read is reached. */
  via: string;
}

/** The widest form of a dynamic query whose text the analysis cannot work out, with the reason. */
export interface DynamicQueryException {
  /** SOQL with every field the query can select. `{CONSTANT}` is replaced by the items of that List<String> constant. */
  soql: string;
  reason: string;
}

// Standard relationships that queries follow, by relationship name (lower case), to the object they reach.
const STANDARD_RELATIONSHIPS: Record<string, string> = {
  account: 'Account',
  contact: 'Contact',
  contract: 'Contract',
  createdby: 'User',
  lastmodifiedby: 'User',
  manager: 'User',
  opportunity: 'Opportunity',
  owner: 'User'
};

const DATABASE_QUERY_METHODS = new Set([
  'query',
  'querywithbinds',
  'getquerylocator',
  'getquerylocatorwithbinds',
  'countquery',
  'countquerywithbinds',
  'getcursor',
  'getcursorwithbinds'
]);

const UNRESOLVED = '\u0000';

function listFiles(dir: string, accept: (file: string) => boolean, found: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== '__tests__') {
      listFiles(full, accept, found);
    } else if (entry.isFile() && accept(full)) {
      found.push(full);
    }
  }
  return found;
}

const xml = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true });

function asList<T>(value: T | T[] | undefined): T[] {
  if (value === undefined || value === null || (value as unknown) === '') {
    return [];
  }
  return Array.isArray(value) ? value : [value];
}

function textOf(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

/** Reads the custom fields declared under a package directory (`objects/<Object>/fields/<Field>.field-meta.xml`). */
export function loadObjects(packageDir: string): Map<string, ObjectInfo> {
  const objects = new Map<string, ObjectInfo>();
  const objectNamed = (name: string): ObjectInfo => {
    const key = name.toLowerCase();
    let object = objects.get(key);
    if (!object) {
      object = { name, fields: new Map() };
      objects.set(key, object);
    }
    return object;
  };
  for (const file of listFiles(packageDir, (candidate) => candidate.endsWith('.field-meta.xml'))) {
    const parts = file.split(path.sep);
    const objectName = parts[parts.lastIndexOf('fields') - 1];
    const field = xml.parse(readFileSync(file, 'utf8')).CustomField ?? {};
    const name = path.basename(file, '.field-meta.xml');
    objectNamed(objectName).fields.set(name.toLowerCase(), {
      name,
      type: textOf(field.type),
      isRequired: textOf(field.required) === 'true',
      referenceTo: textOf(field.referenceTo),
      relationshipName: textOf(field.relationshipName)
    });
  }
  return objects;
}

class SyntaxErrors extends ApexErrorListener {
  readonly errors: string[] = [];

  constructor(private readonly source: string) {
    super();
  }

  apexSyntaxError(line: number, column: number, message: string): void {
    this.errors.push(`${this.source}:${line}:${column} ${message}`);
  }
}

function descendants<T>(node: ApexParseTree, type: abstract new (...args: never[]) => T, found: T[] = []): T[] {
  if (node instanceof type) {
    found.push(node);
  }
  const count = (node as ApexParserRuleContext).getChildCount?.() ?? 0;
  for (let i = 0; i < count; i += 1) {
    descendants((node as ApexParserRuleContext).getChild(i), type, found);
  }
  return found;
}

function ancestor<T>(node: ApexParseTree, type: abstract new (...args: never[]) => T): T | null {
  let current = (node as ApexParserRuleContext).parentCtx;
  while (current) {
    if (current instanceof type) {
      return current;
    }
    current = current.parentCtx;
  }
  return null;
}

function unquote(literal: string): string {
  return literal.slice(1, -1).replace(/\\(.)/g, '$1');
}

function enclosingMember(node: ApexParseTree): { name: string; body: ApexParseTree | null } {
  const method = ancestor(node, MethodDeclarationContext);
  if (method) {
    return { name: method.id().getText(), body: method };
  }
  const constructor = ancestor(node, ConstructorDeclarationContext);
  if (constructor) {
    return { name: 'constructor', body: constructor };
  }
  return { name: 'initialiser', body: null };
}

/**
 * Works out the text of a string expression built from literals, `+`, variables initialised from such expressions
 * (with every `+=` of the method appended, so optional parts count as present) and String.join over lists of string
 * literals. Parts it cannot work out become UNRESOLVED.
 */
class StringEvaluator {
  constructor(
    private readonly classBody: ClassDeclarationContext,
    private readonly member: ApexParseTree | null
  ) {}

  evaluate(expression: ExpressionContext | null, depth = 0): string {
    if (!expression || depth > 20) {
      return UNRESOLVED;
    }
    if (expression instanceof SubExpressionContext) {
      return this.evaluate(expression.expression(), depth + 1);
    }
    if (expression instanceof Arth2ExpressionContext && expression.ADD()) {
      return this.evaluate(expression.expression(0), depth + 1) + this.evaluate(expression.expression(1), depth + 1);
    }
    if (expression instanceof PrimaryExpressionContext) {
      const primary = expression.primary();
      if (primary instanceof LiteralPrimaryContext) {
        const literal = primary.literal();
        return literal.StringLiteral() ? unquote(literal.getText()) : literal.getText();
      }
      if (primary instanceof IdPrimaryContext) {
        return this.variable(primary.id().getText(), depth);
      }
      return UNRESOLVED;
    }
    if (expression instanceof DotExpressionContext) {
      const call = expression.dotMethodCall();
      if (call && expression.expression().getText().toLowerCase() === 'string' && call.anyId().getText() === 'join') {
        const args = call.expressionList()?.expression_list() ?? [];
        const items = this.list(args[0] ?? null, depth + 1);
        return items === null ? UNRESOLVED : items.join(this.evaluate(args[1] ?? null, depth + 1));
      }
    }
    return UNRESOLVED;
  }

  /** Returns the string items of a List or Set expression, or null when they cannot be worked out. */
  list(expression: ExpressionContext | null, depth: number): string[] | null {
    if (!expression || depth > 20) {
      return null;
    }
    if (expression instanceof NewExpressionContext) {
      const creator = expression.creator();
      const initialiser = creator.setCreatorRest();
      if (initialiser) {
        const items = initialiser.expression_list().map((item) => this.evaluate(item, depth + 1));
        return items.some((item) => item.includes(UNRESOLVED)) ? null : items;
      }
      const copied = creator.classCreatorRest()?.arguments().expressionList()?.expression_list() ?? [];
      return copied.length === 1 ? this.list(copied[0], depth + 1) : null;
    }
    if (expression instanceof PrimaryExpressionContext && expression.primary() instanceof IdPrimaryContext) {
      const name = expression.getText();
      const declared = this.declaration(name);
      const items = declared ? this.list(declared, depth + 1) : null;
      if (items === null) {
        return null;
      }
      for (const added of this.addedItems(name)) {
        const loopItems = this.loopItems(added, depth + 1);
        const item = loopItems ? null : this.evaluate(added, depth + 1);
        if (loopItems === null && (item === null || item.includes(UNRESOLVED))) {
          return null;
        }
        items.push(...(loopItems ?? [item as string]));
      }
      return items;
    }
    return null;
  }

  /**
   * Returns every value a variable takes when it is the variable of a `for (String x : <list>)` loop of the member,
   * else null.
   */
  private loopItems(expression: ExpressionContext, depth: number): string[] | null {
    if (!this.member || !(expression instanceof PrimaryExpressionContext)) {
      return null;
    }
    const name = expression.getText();
    const loop = descendants(this.member, EnhancedForControlContext).find((control) => control.id().getText() === name);
    return loop ? this.list(loop.expression(), depth) : null;
  }

  private variable(name: string, depth: number): string {
    const declared = this.declaration(name);
    if (!declared) {
      return UNRESOLVED;
    }
    let value = this.evaluate(declared, depth + 1);
    for (const appended of this.appendedParts(name)) {
      value += this.evaluate(appended, depth + 1);
    }
    return value;
  }

  /** Finds the initialiser of a local variable of the member, else of a field of the class. */
  private declaration(name: string): ExpressionContext | null {
    const scopes: ApexParseTree[] = this.member ? [this.member, this.classBody] : [this.classBody];
    for (const scope of scopes) {
      for (const declarator of descendants(scope, VariableDeclaratorContext)) {
        const isLocal = ancestor(declarator, LocalVariableDeclarationContext) !== null;
        const isField = ancestor(declarator, FieldDeclarationContext) !== null;
        if ((scope === this.member ? isLocal : isField) && declarator.id().getText() === name) {
          return declarator.expression();
        }
      }
    }
    return null;
  }

  private appendedParts(name: string): ExpressionContext[] {
    if (!this.member) {
      return [];
    }
    return descendants(this.member, AssignExpressionContext)
      .filter((assign) => assign.ADD_ASSIGN() && assign.expression(0).getText() === name)
      .map((assign) => assign.expression(1));
  }

  private addedItems(name: string): ExpressionContext[] {
    if (!this.member) {
      return [];
    }
    return descendants(this.member, DotExpressionContext)
      .filter((dot) => dot.expression().getText() === name && dot.dotMethodCall()?.anyId().getText() === 'add')
      .map((dot) => dot.dotMethodCall().expressionList()?.expression(0) ?? null)
      .filter((argument): argument is ExpressionContext => argument !== null);
  }
}

function staticAccess(query: QueryContext): AccessMode {
  const withClause = query.withClause();
  return withClause?.USER_MODE() || withClause?.SECURITY_ENFORCED() ? 'user' : 'system';
}

function dynamicAccess(args: ExpressionContext[], soql: string): AccessMode {
  const last = args.length > 1 ? args[args.length - 1].getText() : '';
  if (/AccessLevel\.USER_MODE$/i.test(last) || /\bWITH\s+(USER_MODE|SECURITY_ENFORCED)\b/i.test(soql)) {
    return 'user';
  }
  if (last === '' || /AccessLevel\.SYSTEM_MODE$/i.test(last)) {
    return 'system';
  }
  // The access level is a parameter, so the caller decides.
  return 'caller';
}

/**
 * Parses the Apex classes of the given folders and lists, per class, the classes it names and its SOQL queries.
 * @throws Error naming the file, line and column of any syntax error.
 */
export function analyseApexClasses(classesDirs: string[]): Map<string, ApexClassFacts> {
  const files = classesDirs.flatMap((dir) => listFiles(dir, (file) => file.endsWith('.cls')));
  const classNames = new Map(
    files.map((file) => [path.basename(file, '.cls').toLowerCase(), path.basename(file, '.cls')])
  );
  const facts = new Map<string, ApexClassFacts>();
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    const listener = new SyntaxErrors(file);
    const { lexer, parser } = ApexParserFactory.createLexerAndParser(source, listener);
    const unit = parser.compilationUnit();
    if (listener.errors.length > 0) {
      throw new Error(`Failed to parse ${file}, so its queries cannot be checked. Fix:\n${listener.errors.join('\n')}`);
    }
    const name = path.basename(file, '.cls');
    const references = new Set<string>();
    lexer.reset();
    for (const token of lexer.getAllTokens()) {
      const known = token.type === ApexLexer.Identifier ? classNames.get(token.text.toLowerCase()) : undefined;
      if (known && known !== name) {
        references.add(known);
      }
    }
    const classBody = unit.typeDeclaration()?.classDeclaration();
    const stringLists = new Map<string, string[]>();
    if (classBody) {
      const evaluator = new StringEvaluator(classBody, null);
      for (const declarator of descendants(classBody, VariableDeclaratorContext)) {
        const items = ancestor(declarator, FieldDeclarationContext) ? evaluator.list(declarator.expression(), 0) : null;
        if (items) {
          stringLists.set(declarator.id().getText(), items);
        }
      }
    }
    const queries: ApexQuery[] = [];
    for (const literal of descendants(unit, SoqlLiteralContext)) {
      const query = literal.query();
      queries.push({
        className: name,
        method: enclosingMember(literal).name,
        line: literal.start.line,
        soql: source.slice(query.start.start, query.stop!.stop + 1),
        access: staticAccess(query),
        isDynamic: false,
        unresolved: null
      });
    }
    for (const dot of descendants(unit, DotExpressionContext)) {
      const call = dot.dotMethodCall();
      if (
        !call ||
        dot.expression().getText().toLowerCase() !== 'database' ||
        !DATABASE_QUERY_METHODS.has(call.anyId().getText().toLowerCase())
      ) {
        continue;
      }
      const args = call.expressionList()?.expression_list() ?? [];
      if (!args.length || descendants(args[0], SoqlLiteralContext).length > 0 || !classBody) {
        continue;
      }
      const member = enclosingMember(dot);
      const text = new StringEvaluator(classBody, member.body).evaluate(args[0]);
      queries.push({
        className: name,
        method: member.name,
        line: dot.start.line,
        soql: text.split(UNRESOLVED).join('Id'),
        access: dynamicAccess(args, text),
        isDynamic: true,
        unresolved: text.includes(UNRESOLVED) ? `cannot work out ${args[0].getText().slice(0, 120)}` : null
      });
    }
    facts.set(name.toLowerCase(), { name, file, references, queries, stringLists });
  }
  return facts;
}

/** Parses a SOQL query text. @throws Error when the text is not a valid query. */
export function parseSoql(soql: string, source: string): QueryContext {
  const listener = new SyntaxErrors(source);
  const { parser } = ApexParserFactory.createLexerAndParser(soql, listener);
  const query = parser.query();
  if (listener.errors.length > 0) {
    throw new Error(`Failed to parse the SOQL of ${source}: ${soql}\n${listener.errors.join('\n')}`);
  }
  return query;
}

function childObjectOf(objects: Map<string, ObjectInfo>, parent: string, relationship: string): string | null {
  const expectedName = relationship.replace(/__r$/i, '').toLowerCase();
  for (const object of objects.values()) {
    for (const field of object.fields.values()) {
      if (
        field.referenceTo.toLowerCase() === parent.toLowerCase() &&
        field.relationshipName.toLowerCase() === expectedName
      ) {
        return object.name;
      }
    }
  }
  return null;
}

/** Resolves a field path such as `SuccessPlan__r.Status__c` on an object into the reads it makes. */
export function readsOfFieldPath(objects: Map<string, ObjectInfo>, objectName: string, fieldPath: string): Read[] {
  const reads: Read[] = [];
  let current = objectName;
  const segments = fieldPath.split('.');
  for (const [index, segment] of segments.entries()) {
    const object = objects.get(current.toLowerCase());
    const isLast = index === segments.length - 1;
    if (isLast) {
      const field = object?.fields.get(segment.toLowerCase());
      if (/__c$/i.test(segment) && !field) {
        throw new Error(`${current}.${segment} is read by a query but is not a field in the project's metadata`);
      }
      reads.push({ object: object?.name ?? current, field: field?.name ?? segment });
      continue;
    }
    if (/__r$/i.test(segment)) {
      const lookup = object?.fields.get(segment.replace(/__r$/i, '__c').toLowerCase());
      if (!lookup?.referenceTo) {
        throw new Error(`${current}.${segment} is followed by a query but no lookup field of ${current} has that name`);
      }
      reads.push({ object: object!.name, field: lookup.name }, { object: lookup.referenceTo, field: null });
      current = lookup.referenceTo;
      continue;
    }
    const target = STANDARD_RELATIONSHIPS[segment.toLowerCase()];
    if (!target) {
      const rest = segments.slice(index + 1);
      if (rest.some((part) => /__[cr]$/i.test(part))) {
        throw new Error(
          `${current}.${fieldPath} follows the standard relationship ${segment} to custom fields; add it to ` +
            'STANDARD_RELATIONSHIPS so the analysis knows the object it reaches'
        );
      }
      return reads;
    }
    current = target;
  }
  return reads;
}

function queryObject(fromList: FromNameListContext): string {
  return fromList.fieldName(0).getText();
}

function isOwnedBy(node: ApexParseTree, owner: ApexParseTree): boolean {
  let current = (node as ApexParserRuleContext).parentCtx;
  while (current && current !== owner) {
    if (
      current instanceof SubQueryContext ||
      current instanceof QueryContext ||
      current instanceof FromNameListContext
    ) {
      return false;
    }
    if (current instanceof TypeOfContext) {
      return false;
    }
    current = current.parentCtx;
  }
  return current === owner;
}

/** Lists the objects and fields a query reads: selected, filtered, grouped and sorted fields, and subqueries. */
export function readsOfQuery(
  objects: Map<string, ObjectInfo>,
  query: QueryContext | SubQueryContext,
  object: string
): Read[] {
  const reads: Read[] = [{ object: objects.get(object.toLowerCase())?.name ?? object, field: null }];
  for (const fieldName of descendants(query, FieldNameContext)) {
    if (isOwnedBy(fieldName, query)) {
      reads.push(...readsOfFieldPath(objects, object, fieldName.getText()));
    }
  }
  for (const subQuery of descendants(query, SubQueryContext)) {
    if (ancestor(subQuery, SubQueryContext) !== (query instanceof SubQueryContext ? query : null)) {
      continue;
    }
    const inSelect = ancestor(subQuery, SelectEntryContext) ?? ancestor(subQuery, SubFieldEntryContext);
    const from = queryObject(subQuery.fromNameList());
    const child = inSelect && !ancestor(subQuery, ValueContext) ? childObjectOf(objects, object, from) : from;
    if (!child) {
      throw new Error(
        `The subquery FROM ${from} of a query on ${object} names a child relationship that no lookup or master-detail ` +
          `field of the project declares; check the relationshipName of the child's field`
      );
    }
    reads.push(...readsOfQuery(objects, subQuery, child));
  }
  return reads;
}

/** Reads the grants of the permission sets in a folder. */
export function loadPermissionSets(dir: string): Map<string, PermissionSetGrants> {
  const sets = new Map<string, PermissionSetGrants>();
  for (const file of listFiles(dir, (candidate) => candidate.endsWith('.permissionset-meta.xml'))) {
    const set = xml.parse(readFileSync(file, 'utf8')).PermissionSet ?? {};
    const name = path.basename(file, '.permissionset-meta.xml');
    sets.set(name, {
      name,
      classes: new Set(
        asList<{ apexClass: string; enabled: string }>(set.classAccesses)
          .filter((access) => textOf(access.enabled) === 'true')
          .map((access) => textOf(access.apexClass).toLowerCase())
      ),
      readableObjects: new Set([
        ...asList<{ object: string; allowRead: string }>(set.objectPermissions)
          .filter((permission) => textOf(permission.allowRead) === 'true')
          .map((permission) => textOf(permission.object).toLowerCase()),
        ...asList<{ name: string; enabled: string }>(set.customMetadataTypeAccesses)
          .filter((access) => textOf(access.enabled) === 'true')
          .map((access) => textOf(access.name).toLowerCase())
      ]),
      readableFields: new Set(
        asList<{ field: string; readable: string }>(set.fieldPermissions)
          .filter((permission) => textOf(permission.readable) === 'true')
          .map((permission) => textOf(permission.field).toLowerCase())
      )
    });
  }
  return sets;
}

/** Lists the components under a package directory with their Apex and `@salesforce/schema` imports. */
export function loadComponents(packageDir: string): ComponentFacts[] {
  const files = listFiles(
    packageDir,
    (file) => file.includes(`${path.sep}lwc${path.sep}`) && file.endsWith('.ts') && !file.endsWith('.d.ts')
  );
  const components = new Map<string, ComponentFacts>();
  for (const file of files) {
    const name = path.basename(path.dirname(file));
    const component = components.get(name) ?? { name, file, apexClasses: new Set<string>(), schemaReads: [] };
    const source = readFileSync(file, 'utf8');
    for (const [, className] of source.matchAll(/from\s+['"]@salesforce\/apex\/(\w+)\.\w+['"]/g)) {
      component.apexClasses.add(className);
    }
    for (const [, reference] of source.matchAll(/from\s+['"]@salesforce\/schema\/([\w.]+)['"]/g)) {
      const [object, ...fieldPath] = reference.split('.');
      component.schemaReads.push(fieldPath.length ? { object, field: fieldPath.join('.') } : { object, field: null });
    }
    components.set(name, component);
  }
  return [...components.values()];
}

/** Returns the classes reachable from a class through the class names each one mentions, the class itself included. */
export function reachableClasses(classes: Map<string, ApexClassFacts>, start: string): Set<string> {
  const reached = new Set<string>();
  const pending = [start.toLowerCase()];
  while (pending.length) {
    const next = pending.pop()!;
    const facts = classes.get(next);
    if (!facts || reached.has(next)) {
      continue;
    }
    reached.add(next);
    pending.push(...[...facts.references].map((reference) => reference.toLowerCase()));
  }
  return reached;
}

/** Everything the coverage check compares. */
export interface CoverageInput {
  classes: Map<string, ApexClassFacts>;
  objects: Map<string, ObjectInfo>;
  permissionSets: Map<string, PermissionSetGrants>;
  components: ComponentFacts[];
  /** Dynamic queries whose text cannot be worked out, by `Class.method`. */
  exceptions: Record<string, DynamicQueryException>;
}

/**
 * Decides whether a read needs a grant in a permission set, and which one. Returns null for reads that need none:
 * - standard objects and standard fields, which the user's profile grants (Id, Name, OwnerId and the like);
 * - fields of custom metadata types, which a permission set grants with the type as a whole;
 * - required fields and master-detail fields, which are readable with their object and which a permission set
 *   cannot list.
 */
export function grantNeeded(objects: Map<string, ObjectInfo>, read: Read): string | null {
  const isMetadataType = /__mdt$/i.test(read.object);
  if (!/__(c|mdt)$/i.test(read.object) && read.field === null) {
    return null;
  }
  if (read.field === null) {
    return read.object.toLowerCase();
  }
  if (!/__c$/i.test(read.field) || isMetadataType) {
    return null;
  }
  const field = objects.get(read.object.toLowerCase())?.fields.get(read.field.toLowerCase());
  if (field && (field.isRequired || field.type === 'MasterDetail')) {
    return null;
  }
  return `${read.object}.${read.field}`.toLowerCase();
}

/** Returns the SOQL that stands for a query: its own text, or the exception's widest form. Null when unknown. */
export function effectiveSoql(
  query: ApexQuery,
  facts: ApexClassFacts,
  exceptions: Record<string, DynamicQueryException>
): string | null {
  if (!query.unresolved) {
    return query.soql;
  }
  const exception = exceptions[`${query.className}.${query.method}`];
  if (!exception) {
    return null;
  }
  return exception.soql.replace(/\{(\w+)\}/g, (placeholder, constant: string) => {
    const items = facts.stringLists.get(constant);
    if (!items) {
      throw new Error(
        `The exception for ${query.className}.${query.method} names ${placeholder}, which is not a List<String> constant of ${query.className}`
      );
    }
    return items.join(', ');
  });
}

/** Lists the reads of one query, with the place it happens. */
export function readsOfApexQuery(input: CoverageInput, query: ApexQuery): Read[] {
  const facts = input.classes.get(query.className.toLowerCase())!;
  const soql = effectiveSoql(query, facts, input.exceptions);
  if (soql === null) {
    return [];
  }
  const parsed = parseSoql(soql, `${query.className}.${query.method}`);
  return readsOfQuery(input.objects, parsed, queryObject(parsed.fromNameList()));
}

/**
 * Finds the reads each permission set's persona makes without the grant they need. A persona reads what every query
 * in user mode (or with the access level chosen by its caller) of every class reachable from a granted class reads,
 * and what the components it uses import from `@salesforce/schema`. A component is used by the personas granted one
 * of the Apex classes it imports, or by every persona when it imports none.
 */
export function findGaps(input: CoverageInput): Gap[] {
  const gaps = new Map<string, Gap>();
  const record = (permissionSet: PermissionSetGrants, read: Read, source: string, via: string): void => {
    const grant = grantNeeded(input.objects, read);
    if (grant === null) {
      return;
    }
    const granted = read.field === null ? permissionSet.readableObjects : permissionSet.readableFields;
    const key = `${permissionSet.name}|${grant}`;
    if (!granted.has(grant) && !gaps.has(key)) {
      gaps.set(key, { permissionSet: permissionSet.name, object: read.object, field: read.field, source, via });
    }
  };
  for (const permissionSet of input.permissionSets.values()) {
    for (const grantedClass of permissionSet.classes) {
      const entry = input.classes.get(grantedClass);
      if (!entry) {
        continue;
      }
      for (const reached of reachableClasses(input.classes, grantedClass)) {
        const facts = input.classes.get(reached)!;
        for (const query of facts.queries.filter((candidate) => candidate.access !== 'system')) {
          const source = `${query.className}.${query.method} (${path.basename(facts.file)}:${query.line})`;
          for (const read of readsOfApexQuery(input, query)) {
            record(permissionSet, read, source, entry.name);
          }
        }
      }
    }
    for (const component of input.components) {
      const usedBy =
        component.apexClasses.size === 0 ||
        [...component.apexClasses].some((className) => permissionSet.classes.has(className.toLowerCase()));
      if (!usedBy) {
        continue;
      }
      for (const schemaRead of component.schemaReads) {
        const reads =
          schemaRead.field === null
            ? [schemaRead]
            : [
                { object: schemaRead.object, field: null },
                ...readsOfFieldPath(input.objects, schemaRead.object, schemaRead.field)
              ];
        for (const read of reads) {
          record(
            permissionSet,
            read,
            `@salesforce/schema/${schemaRead.object}${schemaRead.field ? `.${schemaRead.field}` : ''}`,
            `component ${component.name}`
          );
        }
      }
    }
  }
  return [...gaps.values()];
}

/** Writes the permission set entry that closes a gap. */
export function grantEntry(gap: Gap): string {
  if (gap.field !== null) {
    return `<fieldPermissions><editable>false</editable><field>${gap.object}.${gap.field}</field><readable>true</readable></fieldPermissions>`;
  }
  if (/__mdt$/i.test(gap.object)) {
    return `<customMetadataTypeAccesses><enabled>true</enabled><name>${gap.object}</name></customMetadataTypeAccesses>`;
  }
  return (
    '<objectPermissions><allowCreate>false</allowCreate><allowDelete>false</allowDelete><allowEdit>false</allowEdit>' +
    `<allowRead>true</allowRead><modifyAllRecords>false</modifyAllRecords><object>${gap.object}</object>` +
    '<viewAllRecords>false</viewAllRecords></objectPermissions>'
  );
}

// Lists the @AuraEnabled methods of the Apex classes and writes TypeScript declarations for every
// `@salesforce/apex/<Class>.<method>` import, so components are type-checked against the real Apex signatures.
//
// Usage: node scripts/gates/apex-api.mjs [--dts <file>] [--list] [source folders...]
// With no folders it scans every package directory of sfdx-project.json.
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { ApexErrorListener, ApexParserFactory } from '@apexdevtools/apex-parser';

const PRIMITIVES = {
  string: 'string',
  id: 'string',
  date: 'string',
  datetime: 'string',
  time: 'string',
  blob: 'string',
  integer: 'number',
  long: 'number',
  decimal: 'number',
  double: 'number',
  boolean: 'boolean',
  object: 'unknown'
};

class SyntaxErrors extends ApexErrorListener {
  constructor(file) {
    super();
    this.file = file;
    this.errors = [];
  }

  apexSyntaxError(line, column, message) {
    this.errors.push(`${this.file}:${line}:${column} ${message}`);
  }
}

function annotationsOf(modifiers) {
  return modifiers
    .map((modifier) => modifier.annotation())
    .filter(Boolean)
    .map((annotation) => ({
      name: annotation.id().getText().toLowerCase(),
      text: annotation.getText().toLowerCase()
    }));
}

function isStatic(modifiers) {
  return modifiers.some((modifier) => modifier.STATIC && modifier.STATIC());
}

function describeTypeRef(typeRef) {
  // Keep the source text of the type (for example `List<HealthSnapshot__c>`), normalised without spaces.
  return typeRef.getText();
}

function collectClass(classDeclaration, outerName, file, classes) {
  const name = classDeclaration.id().getText();
  const fullName = outerName ? `${outerName}.${name}` : name;
  const info = { name, fullName, outerName, file, methods: [], properties: [] };
  classes.set(fullName.toLowerCase(), info);

  for (const declaration of classDeclaration.classBody().classBodyDeclaration_list()) {
    const member = declaration.memberDeclaration();
    if (!member) {
      continue;
    }
    const modifiers = declaration.modifier_list();
    const annotations = annotationsOf(modifiers);
    const auraEnabled = annotations.find((annotation) => annotation.name === 'auraenabled');

    const method = member.methodDeclaration();
    if (method && auraEnabled) {
      const parameters = method.formalParameters().formalParameterList()?.formalParameter_list() ?? [];
      info.methods.push({
        name: method.id().getText(),
        returnType: method.VOID() ? 'void' : describeTypeRef(method.typeRef()),
        parameters: parameters.map((parameter) => ({
          name: parameter.id().getText(),
          type: describeTypeRef(parameter.typeRef())
        })),
        isStatic: isStatic(modifiers),
        isCacheable: auraEnabled.text.includes('cacheable=true'),
        line: method.start.line
      });
    }

    const field = member.fieldDeclaration();
    if (field && auraEnabled) {
      for (const declarator of field.variableDeclarators().variableDeclarator_list()) {
        info.properties.push({ name: declarator.id().getText(), type: describeTypeRef(field.typeRef()) });
      }
    }

    const property = member.propertyDeclaration();
    if (property && auraEnabled) {
      info.properties.push({ name: property.id().getText(), type: describeTypeRef(property.typeRef()) });
    }

    const inner = member.classDeclaration();
    if (inner) {
      collectClass(inner, fullName, file, classes);
    }
  }
}

/**
 * Parses Apex sources and returns the classes with their @AuraEnabled methods and properties.
 * @param {{ file: string, source: string }[]} sources
 */
export function extractApexApi(sources) {
  const classes = new Map();
  const errors = [];
  for (const { file, source } of sources) {
    const listener = new SyntaxErrors(file);
    const { parser } = ApexParserFactory.createLexerAndParser(source, listener);
    const unit = parser.compilationUnit();
    errors.push(...listener.errors);
    const typeDeclaration = unit.typeDeclaration();
    const classDeclaration = typeDeclaration?.classDeclaration();
    if (classDeclaration) {
      collectClass(classDeclaration, null, file, classes);
    }
  }
  return { classes, errors };
}

function splitTypeArguments(text) {
  const parts = [];
  let depth = 0;
  let current = '';
  for (const character of text) {
    if (character === '<') depth++;
    if (character === '>') depth--;
    if (character === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += character;
    }
  }
  parts.push(current);
  return parts;
}

function interfaceName(info) {
  return info.fullName.replace(/\./g, '_');
}

function resolveClass(typeName, contextClass, classes) {
  const lower = typeName.toLowerCase();
  let scope = contextClass;
  while (scope) {
    const candidate = classes.get(`${scope.fullName}.${typeName}`.toLowerCase());
    if (candidate) return candidate;
    scope = scope.outerName ? classes.get(scope.outerName.toLowerCase()) : null;
  }
  return classes.get(lower) ?? null;
}

function toTypeScript(apexType, contextClass, classes, used) {
  const text = apexType.replace(/\s+/g, '');
  if (text.endsWith('[]')) {
    return `${toTypeScript(text.slice(0, -2), contextClass, classes, used)}[]`;
  }
  const generic = /^(\w+)<(.*)>$/.exec(text);
  if (generic) {
    const container = generic[1].toLowerCase();
    const args = splitTypeArguments(generic[2]);
    if (container === 'list' || container === 'set') {
      return `${toTypeScript(args[0], contextClass, classes, used)}[]`;
    }
    if (container === 'map') {
      return `Record<string, ${toTypeScript(args[1], contextClass, classes, used)}>`;
    }
  }
  const primitive = PRIMITIVES[text.toLowerCase()];
  if (primitive) return primitive;
  if (text.toLowerCase() === 'void') return 'void';
  const known = resolveClass(text, contextClass, classes);
  if (known) {
    used.add(known.fullName.toLowerCase());
    return `ApexTypes.${interfaceName(known)}`;
  }
  // SObjects (standard or custom) arrive as plain records keyed by field API name.
  return 'ApexTypes.SObjectRecord';
}

/**
 * Renders the declarations for every @AuraEnabled method.
 */
export function renderDeclarations(classes) {
  const used = new Set();
  const modules = [];
  const sortedClasses = [...classes.values()].sort((a, b) => a.fullName.localeCompare(b.fullName));
  for (const info of sortedClasses) {
    for (const method of info.methods) {
      const returnType = toTypeScript(method.returnType, info, classes, used);
      const parameters = method.parameters
        .map((parameter) => `${parameter.name}: ${toTypeScript(parameter.type, info, classes, used)}`)
        .join('; ');
      const signature = method.parameters.length ? `params: { ${parameters} }` : 'params?: Record<string, never>';
      const promised = returnType === 'void' ? 'void' : returnType;
      const params = method.parameters.length ? `{ ${parameters} }` : 'Record<string, never>';
      // Only cacheable methods can be wired, so only they get the wire adapter type.
      const declaration = method.isCacheable
        ? `  const ${method.name}: ApexTypes.WireableMethod<${params}, ${promised}>;\n  export default ${method.name};\n`
        : `  export default function ${method.name}(${signature}): Promise<${promised}>;\n`;
      modules.push(`declare module '@salesforce/apex/${info.fullName}.${method.name}' {\n${declaration}}\n`);
    }
  }

  // Interfaces for every class reached from a signature, including classes reached from their properties.
  const pending = [...used];
  const rendered = new Set();
  const interfaces = [];
  while (pending.length) {
    const key = pending.shift();
    if (rendered.has(key)) continue;
    rendered.add(key);
    const info = classes.get(key);
    const before = new Set(used);
    const fields = info.properties.map(
      (property) => `    ${property.name}: ${toTypeScript(property.type, info, classes, used)} | null;`
    );
    for (const added of used) {
      if (!before.has(added)) pending.push(added);
    }
    interfaces.push(`  interface ${interfaceName(info)} {\n${fields.join('\n')}\n  }`);
  }
  interfaces.sort();

  return (
    '// Generated by scripts/gates/apex-api.mjs from the Apex sources. Do not edit.\n' +
    'declare namespace ApexTypes {\n' +
    '  type SObjectRecord = { Id?: string } & Record<string, unknown>;\n' +
    '  type WireableMethod<Params, Result> = ((params: Params) => Promise<Result>) &\n' +
    "    import('lwc').WireAdapterConstructor<Params, { data?: Result; error?: unknown }>;\n" +
    (interfaces.length ? interfaces.join('\n') + '\n' : '') +
    '}\n' +
    modules.join('')
  );
}

function findClassFiles(dir, found = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules') {
      findClassFiles(full, found);
    } else if (entry.isFile() && entry.name.endsWith('.cls')) {
      found.push(full);
    }
  }
  return found;
}

function main(argv) {
  const args = [...argv];
  let dtsFile = null;
  let list = false;
  const folders = [];
  while (args.length) {
    const arg = args.shift();
    if (arg === '--dts') dtsFile = args.shift();
    else if (arg === '--list') list = true;
    else folders.push(arg);
  }
  if (!folders.length) {
    const project = JSON.parse(readFileSync('sfdx-project.json', 'utf8'));
    folders.push(...project.packageDirectories.map((entry) => entry.path));
  }
  const files = folders.flatMap((folder) => findClassFiles(folder)).sort();
  const { classes, errors } = extractApexApi(files.map((file) => ({ file, source: readFileSync(file, 'utf8') })));
  if (errors.length) {
    console.error(`apex-api: syntax errors in Apex sources:\n${errors.join('\n')}`);
    process.exit(1);
  }
  if (list) {
    for (const info of classes.values()) {
      for (const method of info.methods) {
        const parameters = method.parameters.map((parameter) => `${parameter.type} ${parameter.name}`).join(', ');
        const flags = [method.isStatic ? 'static' : 'instance', method.isCacheable ? 'cacheable' : ''].join(' ');
        console.log(`${info.fullName}.${method.name}(${parameters}): ${method.returnType} ${flags.trim()}`);
      }
    }
  }
  if (dtsFile) {
    mkdirSync(path.dirname(dtsFile), { recursive: true });
    writeFileSync(dtsFile, renderDeclarations(classes));
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  main(process.argv.slice(2));
}

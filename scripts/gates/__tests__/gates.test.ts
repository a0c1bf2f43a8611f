import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const gatesDir = path.resolve(__dirname, '..');
const fixtures = path.join(__dirname, 'fixtures');

function runNode(script: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(gatesDir, script), ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('apex-api', () => {
  let outDir: string;

  beforeEach(() => {
    outDir = mkdtempSync(path.join(os.tmpdir(), 'apex-api-'));
  });

  afterEach(() => {
    rmSync(outDir, { recursive: true, force: true });
  });

  it('lists AuraEnabled methods', () => {
    const result = runNode('apex-api.mjs', ['--list', path.join(fixtures, 'apex')]);

    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      'SampleController.getViews(Id accountId, Integer limitCount): List<View> static cacheable'
    );
    expect(result.stdout).toContain('SampleController.save(Map<String,Object> values): void static');
  });

  it('declares modules with typed parameters and results', () => {
    const dts = path.join(outDir, 'apex.d.ts');

    const result = runNode('apex-api.mjs', ['--dts', dts, path.join(fixtures, 'apex')]);
    const text = readFileSync(dts, 'utf8');

    expect(result.status).toBe(0);
    expect(text).toContain("declare module '@salesforce/apex/SampleController.getViews'");
    expect(text).toContain(
      'const getViews: ApexTypes.WireableMethod<{ accountId: string; limitCount: number }, ApexTypes.SampleController_View[]>;'
    );
    expect(text).toContain('lines: ApexTypes.SampleController_Line[] | null;');
    expect(text).toContain('account: ApexTypes.SObjectRecord | null;');
    expect(text).toContain('asOf: string | null;');
    expect(text).toContain('export default function save(params: { values: Record<string, unknown> }): Promise<void>;');
  });
});

describe('validate-metadata', () => {
  const result = runNode('validate-metadata.mjs', [path.join(fixtures, 'metadata')]);

  it('fails when any file has a problem', () => {
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('4 files, 5 problems');
  });

  it('accepts a valid field', () => {
    expect(result.stderr).not.toContain('Good__c');
  });

  it('reports malformed XML with its line', () => {
    expect(result.stderr).toMatch(/Malformed__c\.field-meta\.xml: line \d+: not well-formed XML/);
  });

  it('reports unknown elements and bad values', () => {
    expect(result.stderr).toContain('<bogusElement> is not a field of CustomField');
    expect(result.stderr).toContain('CustomField/precision must be a number, found "sixteen"');
    expect(result.stderr).toContain('CustomField/required must be true or false, found "maybe"');
  });

  it('reports a wrong root element', () => {
    expect(result.stderr).toContain('root element must be <CustomField>, found <CustomFeld>');
  });

  it('reports a static resource without meta', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'resources-'));
    const resources = path.join(dir, 'feature', 'staticresources');
    mkdirSync(resources, { recursive: true });
    writeFileSync(path.join(resources, 'Vectors.json'), '{}');
    writeFileSync(path.join(resources, 'Described.json'), '{}');
    writeFileSync(
      path.join(resources, 'Described.resource-meta.xml'),
      '<?xml version="1.0" encoding="UTF-8"?>\n<StaticResource xmlns="http://soap.sforce.com/2006/04/metadata">' +
        '<cacheControl>Private</cacheControl><contentType>application/json</contentType></StaticResource>\n'
    );
    try {
      const missing = runNode('validate-metadata.mjs', [dir]);

      expect(missing.status).toBe(1);
      expect(missing.stderr).toContain('Vectors.json: static resource without a .resource-meta.xml file');
      expect(missing.stderr).not.toContain('Described.json');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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

describe('validate-metadata analytics', () => {
  const analytics = path.join(fixtures, 'analytics');

  it('accepts a consistent analytics tree', () => {
    const result = runNode('validate-metadata.mjs', [path.join(analytics, 'valid')]);

    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('14 files, 0 problems');
  });

  describe('with mistakes', () => {
    const result = runNode('validate-metadata.mjs', [path.join(analytics, 'invalid')]);

    it('fails', () => {
      expect(result.status).toBe(1);
    });

    it('reports a misspelled element in a report', () => {
      expect(result.stderr).toContain('Misspelled.report-meta.xml: <colums> is not a field of Report (in Report)');
    });

    it('reports values outside the enumerations', () => {
      expect(result.stderr).toContain(
        'Report/format must be one of MultiBlock, Matrix, Summary, Tabular; found "Sumary"'
      );
      expect(result.stderr).toMatch(/ReportType\/category must be one of accounts, .*; found "stuff"/);
    });

    it('reports an element out of order', () => {
      expect(result.stderr).toContain('Misspelled.report-meta.xml: <format> must come before <name> in Report');
    });

    it('reports a missing required element', () => {
      expect(result.stderr).toContain('Broken.reportType-meta.xml: ReportType lacks the required element <label>');
    });

    it('reports unknown report type joins and fields', () => {
      expect(result.stderr).toContain('join relationship Nothing__r not found');
      expect(result.stderr).toContain('column Thing__c.Bogus__c: Thing__c has no field Bogus__c in this project');
      expect(result.stderr).toContain('lists Name of table Thing__c.Other__r, which is neither the base object');
    });

    it('reports columns outside the report type', () => {
      expect(result.stderr).toContain(
        'columns/field Thing__c$Missing__c is not a column of report type ThingsWithChildren__c'
      );
      expect(result.stderr).toContain('columns/field Account.Missing__c: Account has no field Missing__c');
      expect(result.stderr).toContain('Thing__c$Name has the custom report type form <table>$<field>');
      expect(result.stderr).toContain('report type NoSuchType__c not found');
    });

    it('reports a summary report without groupings', () => {
      expect(result.stderr).toContain(
        'WrongColumn.report-meta.xml: a Summary report needs at least one <groupingsDown>'
      );
    });

    it('reports filter logic beyond its conditions', () => {
      expect(result.stderr).toContain('filter/booleanFilter refers to condition 2, but the filter has 1 conditions');
    });

    it('reports a joined object without reports enabled', () => {
      expect(result.stderr).toContain(
        'ThingsWithChildren.reportType-meta.xml: Child__c does not set <enableReports>true</enableReports>'
      );
    });

    it('reports a report folder without its folder file', () => {
      expect(result.stderr).toContain('Lonely.report-meta.xml: folder Orphans has no Orphans.reportFolder-meta.xml');
    });

    it('reports a dashboard that runs as a specified user', () => {
      expect(result.stderr).toContain('Wrong.dashboard-meta.xml: the dashboard must run as the viewer');
    });

    it('reports components that do not match their report', () => {
      expect(result.stderr).toContain(
        'component "Wrong grouping" groups by Thing__c$Amount__c, which is not a grouping of report Sample/ThingsByStatus'
      );
      expect(result.stderr).toContain('component "Wrong grouping" shows the Sum of Thing__c$Name');
      expect(result.stderr).toContain('component "Missing report" shows report Sample/NoSuchReport');
    });

    it('counts every problem', () => {
      expect(result.stdout).toContain('19 files, 20 problems');
    });
  });
});

describe('convert-source', () => {
  let workDir: string;

  beforeEach(() => {
    workDir = mkdtempSync(path.join(os.tmpdir(), 'convert-source-'));
    // The fixtures sit under __tests__, which .forceignore hides from the CLI, so each test converts a copy.
    cpSync(path.join(fixtures, 'analytics', 'valid'), path.join(workDir, 'source'), { recursive: true });
  });

  afterEach(() => {
    rmSync(workDir, { recursive: true, force: true });
  });

  it('converts reports and dashboards with folders', () => {
    const result = runNode('convert-source.mjs', [path.join(workDir, 'source'), path.join(workDir, 'out')]);

    expect(result.stderr).not.toContain('check:convert:');
    expect(result.status).toBe(0);
    expect(readFileSync(path.join(workDir, 'out', 'package.xml'), 'utf8')).toContain(
      '<members>Sample/ThingsByStatus</members>'
    );
  });

  it('reports a folder file inside its own folder', () => {
    const dashboards = path.join(workDir, 'source', 'dashboards');
    renameSync(
      path.join(dashboards, 'SampleDashboards.dashboardFolder-meta.xml'),
      path.join(dashboards, 'SampleDashboards', 'SampleDashboards.dashboardFolder-meta.xml')
    );

    const result = runNode('convert-source.mjs', [path.join(workDir, 'source'), path.join(workDir, 'out')]);

    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Dashboard folder SampleDashboards/SampleDashboards/ is nested in another folder');
    expect(result.stderr).toContain('Dashboard SampleDashboards/Overview has no folder SampleDashboards/');
  });

  it('reports a report folder without its folder file', () => {
    rmSync(path.join(workDir, 'source', 'reports', 'Sample.reportFolder-meta.xml'));

    const result = runNode('convert-source.mjs', [path.join(workDir, 'source'), path.join(workDir, 'out')]);

    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Report Sample/ThingsByStatus has no folder Sample/ in the conversion');
  });
});

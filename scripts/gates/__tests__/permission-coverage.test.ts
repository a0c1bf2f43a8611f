// Checks that each persona's permission set grants every object and field the app reads for that persona:
// SuccessCockpitUser is the CSM, SuccessCockpitManager the CS manager and SuccessCockpitAdmin the CS admin.
//
// The reads are derived from the code, not listed by hand (permissionReads.ts does the work):
// - Apex: every SOQL query that runs in user mode (WITH USER_MODE, WITH SECURITY_ENFORCED or AccessLevel.USER_MODE),
//   or with an access level its caller passes in, in every class reachable from a class the permission set grants.
//   A class reaches the classes whose names it mentions, so the graph errs on the side of more reads. Queries in
//   system mode need no grant. Dynamic SOQL is read from its string literals, variables and String.join over
//   literal lists. A query built in ways that the analysis cannot follow needs an entry in DYNAMIC_QUERY_EXCEPTIONS.
// - Components: every `@salesforce/schema` import, for the personas granted one of the Apex classes the component
//   imports, or for every persona when it imports none.
// Reads that need no grant are skipped: standard objects and standard fields (the profile grants them, and Id, Name
// and OwnerId are among them), fields of custom metadata types (granted with the type), and required and
// master-detail fields (readable with their object, and a permission set cannot list them).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  analyseApexClasses,
  findGaps,
  grantEntry,
  loadComponents,
  loadObjects,
  loadPermissionSets,
  reachableClasses,
  readsOfApexQuery
} from './permissionReads';
import type { CoverageInput, DynamicQueryException, Gap } from './permissionReads';

const root = path.resolve(__dirname, '..', '..', '..');
const packageDir = path.join(root, 'force-app', 'main');
const permissionSetsDir = path.join(packageDir, 'health', 'permissionsets');

const PERSONAS: Record<string, string> = {
  SuccessCockpitUser: 'CSM',
  SuccessCockpitManager: 'CS manager',
  SuccessCockpitAdmin: 'CS admin'
};

/**
 * Dynamic queries in user mode whose text the analysis cannot work out, by `Class.method`, each with the widest
 * query it can run. `{NAME}` stands for the items of the class's List<String> constant NAME.
 */
const DYNAMIC_QUERY_EXCEPTIONS: Record<string, DynamicQueryException> = {
  'SuccessPlanSelector.getOpenPlans': {
    soql:
      'SELECT {PLAN_FIELDS}, ExecutiveSponsor__r.Name, ExecutiveSponsor__r.Title, Champion__r.Name, Champion__r.Title ' +
      'FROM SuccessPlan__c WHERE Account__c = :accountId AND Status__c IN :statuses ORDER BY LastModifiedDate DESC',
    reason: 'planFields() adds the sponsor and champion names and titles only when the user can read contacts.'
  },
  'QbrBuilderSelector.getAccount': {
    soql:
      'SELECT Id, Name, AnnualRecurringRevenue__c, LicensedSeats__c, ExecutiveSponsor__c, ExecutiveSponsor__r.Name ' +
      'FROM Account WHERE Id = :accountId',
    reason:
      'The segment fields of the health model are added at run time from Custom Metadata, each one only when the ' +
      'user can read it, so they need no grant.'
  },
  'QbrBuilderSelector.getPeerSnapshotIds': {
    soql:
      'SELECT Id, (SELECT Id FROM HealthSnapshots__r WHERE AsOfDate__c <= :lastDay ' +
      'ORDER BY AsOfDate__c DESC, LastModifiedDate DESC LIMIT 1) FROM Account WHERE Id != :accountId',
    reason: 'The filter uses the segment field of the health model, whose name comes from describe at run time.'
  }
};

function describeGap(gap: Gap): string {
  const persona = PERSONAS[gap.permissionSet] ?? 'unknown persona';
  const target = gap.field === null ? `object ${gap.object}` : `field ${gap.object}.${gap.field}`;
  return (
    `${gap.permissionSet} (${persona}) cannot read ${target}, which ${gap.source} reads through ${gap.via}. ` +
    `Add to ${gap.permissionSet}.permissionset-meta.xml: ${grantEntry(gap)}`
  );
}

function loadInput(permissionSets = permissionSetsDir): CoverageInput {
  return {
    classes: analyseApexClasses([packageDir]),
    objects: loadObjects(packageDir),
    permissionSets: loadPermissionSets(permissionSets),
    components: loadComponents(packageDir),
    exceptions: DYNAMIC_QUERY_EXCEPTIONS
  };
}

describe('permission coverage', () => {
  let input: CoverageInput;
  let gaps: Gap[];

  beforeAll(() => {
    input = loadInput();
    gaps = findGaps(input);
  }, 180_000);

  function readsThrough(controller: string): string[] {
    return [...reachableClasses(input.classes, controller)].flatMap((name) =>
      input.classes
        .get(name)!
        .queries.filter((query) => query.access !== 'system')
        .flatMap((query) => readsOfApexQuery(input, query))
        .map((read) => (read.field === null ? read.object : `${read.object}.${read.field}`))
    );
  }

  it('derives controller reads from queries', () => {
    expect(readsThrough('SuccessPlanController')).toContain('SuccessPlan__c.NextReview__c');
    expect(readsThrough('SuccessPlanController')).toContain('HealthContribution__c.RawValue__c');
    expect(readsThrough('RiskRegisterController')).toContain('Risk__c.NextCheckIn__c');
    expect(readsThrough('HealthPortfolioController')).toContain('Account.AnnualRecurringRevenue__c');
  });

  it('resolves dynamic queries or lists exceptions', () => {
    const unknown = [...input.classes.values()]
      .flatMap((facts) => facts.queries)
      .filter((query) => query.access !== 'system' && query.unresolved)
      .filter((query) => !DYNAMIC_QUERY_EXCEPTIONS[`${query.className}.${query.method}`])
      .map((query) => `${query.className}.${query.method} (line ${query.line}): ${query.unresolved}`);

    expect(unknown).toEqual([]);
  });

  it('lists no stale exceptions', () => {
    const unresolved = new Set(
      [...input.classes.values()]
        .flatMap((facts) => facts.queries)
        .filter((query) => query.access !== 'system' && query.unresolved)
        .map((query) => `${query.className}.${query.method}`)
    );

    expect(Object.keys(DYNAMIC_QUERY_EXCEPTIONS).filter((key) => !unresolved.has(key))).toEqual([]);
  });

  it.each(Object.keys(PERSONAS))('grants %s every read', (permissionSet) => {
    expect(input.permissionSets.has(permissionSet)).toBe(true);
    expect(gaps.filter((gap) => gap.permissionSet === permissionSet).map(describeGap)).toEqual([]);
  });

  it('reports a field removed from a permission set', () => {
    const copy = mkdtempSync(path.join(os.tmpdir(), 'permission-sets-'));
    try {
      cpSync(permissionSetsDir, copy, { recursive: true });
      const file = path.join(copy, 'SuccessCockpitUser.permissionset-meta.xml');
      const withoutField = readFileSync(file, 'utf8').replace(
        /<fieldPermissions>\s*<editable>\w+<\/editable>\s*<field>SuccessPlan__c\.NextReview__c<\/field>\s*<readable>true<\/readable>\s*<\/fieldPermissions>/,
        ''
      );
      writeFileSync(file, withoutField);

      const reduced = findGaps({ ...input, permissionSets: loadPermissionSets(copy) }).map(describeGap);

      expect(reduced).toContainEqual(
        expect.stringMatching(/^SuccessCockpitUser \(CSM\) cannot read field SuccessPlan__c\.NextReview__c, which /)
      );
      expect(reduced.filter((gap) => !gap.startsWith('SuccessCockpitUser '))).toEqual(
        gaps.map(describeGap).filter((gap) => !gap.startsWith('SuccessCockpitUser '))
      );
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

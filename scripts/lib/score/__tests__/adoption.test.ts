import path from 'node:path';
import { loadAdoptionMetadata, packageAdoptionMetadataDir } from '../../adoption';
import type { AdoptionMetadata } from '../../adoption';
import { adoptionRecordsOf, defaultExportConfig, readOrgExport } from '../../export';
import type { OrgExport } from '../../export';
import { repoRoot } from '../../paths';
import { buildAdoptionReports, formatAdoptionSummary } from '../adoption';

const adoptionExport = path.join(repoRoot(), 'scripts', 'lib', 'adoption', '__tests__', 'fixtures', 'adoption-export');
const ACME = '001A00000000001AAA';
const GLOBEX = '001A00000000002AAA';
const INITECH = '001A00000000003AAA';
const AS_OF = '2026-11-30';

let orgExport: OrgExport;
let metadata: AdoptionMetadata;

beforeEach(async () => {
  orgExport = await readOrgExport(adoptionExport, defaultExportConfig());
  metadata = loadAdoptionMetadata(packageAdoptionMetadataDir());
});

describe('buildAdoptionReports', () => {
  it('writes scorecard and map per account', () => {
    const { reports } = buildAdoptionReports(orgExport, metadata, [GLOBEX, INITECH, ACME], AS_OF, (id) => id);

    expect(reports.map((report) => [report.accountId, report.kind])).toEqual([
      [GLOBEX, 'scorecard'],
      [GLOBEX, 'expansionMap'],
      [ACME, 'scorecard'],
      [ACME, 'expansionMap'],
      [ACME, 'playbook']
    ]);
  });

  it('leaves out accounts that are not scored', () => {
    const { counts } = buildAdoptionReports(orgExport, metadata, [ACME], AS_OF, (id) => id);

    expect(counts).toEqual({ scorecards: 1, expansionMaps: 1, playbooks: 1, flaggedWithoutPlaybook: 1 });
  });

  it('names the files after the stem of each account', () => {
    const stems = new Map([
      [ACME, 'acme-corp-001a00000000001aaa'],
      [GLOBEX, 'globex']
    ]);

    const { reports } = buildAdoptionReports(orgExport, metadata, [ACME, GLOBEX], AS_OF, (id) => stems.get(id) ?? id);

    expect(reports.map((report) => report.fileName)).toEqual([
      'acme-corp-001a00000000001aaa-adoption-scorecard.md',
      'acme-corp-001a00000000001aaa-expansion-map.md',
      'acme-corp-001a00000000001aaa-sla-escalations-adoption-playbook.md',
      'globex-adoption-scorecard.md',
      'globex-expansion-map.md'
    ]);
  });

  it('names the segment of a segment playbook in its file', () => {
    const acme = adoptionRecordsOf(orgExport.adoption, ACME);
    acme.playbooks.push({
      ...(acme.playbooks[0] as (typeof acme.playbooks)[number]),
      id: 'a0SA00000000009AAA',
      featureKey: 'ApprovalChains',
      segmentType: 'Department',
      segment: 'Finance',
      barriers: [],
      tasks: []
    });

    const { reports, counts } = buildAdoptionReports(orgExport, metadata, [ACME], AS_OF, () => 'acme-corp');

    expect(reports.filter((report) => report.kind === 'playbook').map((report) => report.fileName)).toEqual([
      'acme-corp-approval-chains-finance-adoption-playbook.md',
      'acme-corp-sla-escalations-adoption-playbook.md'
    ]);
    expect(counts.playbooks).toBe(2);
    expect(reports.find((report) => report.fileName.includes('finance'))?.markdown).toContain(
      '| Segment | Finance (department) |'
    );
  });

  it('counts an account whose flagged feature has an Active playbook as covered', () => {
    const acme = adoptionRecordsOf(orgExport.adoption, ACME);
    const playbook = acme.playbooks[0] as (typeof acme.playbooks)[number];
    playbook.featureKey = 'WorkflowDesigner';

    const { counts } = buildAdoptionReports(orgExport, metadata, [ACME], AS_OF, (id) => id);

    expect(counts.flaggedWithoutPlaybook).toBe(0);
  });
});

describe('formatAdoptionSummary', () => {
  it('uses the singular for one playbook and one account', () => {
    expect(
      formatAdoptionSummary({ scorecards: 2, expansionMaps: 2, playbooks: 1, flaggedWithoutPlaybook: 1 }, '/out')
    ).toBe(
      'Wrote 2 adoption scorecards, 2 expansion maps and 1 adoption playbook (one per Active playbook in the export) ' +
        'to /out; 1 account has a flagged feature without an Active playbook; none is written for it, because ' +
        "starting a playbook is the CSM's decision."
    );
  });
});

/**
 * The cockpit test export with success plans and renewal checkpoints: the export reader's full-export fixture
 * (scored on 2024-07-12), copied to a temporary folder with these files added or replaced.
 *
 * - Acme (Yellow; ActiveDayShare30d 6.6667, LicenseUtilization30d 5, OpenHighPriorityCases 0) has an Active plan and
 *   a Completed one. Its renewal Opportunity closes on 2025-01-13, 185 days after the as-of date, so the 180-day
 *   checkpoint is Due and no checkpoint is stored.
 * - Globex (Red) has no plan. Its renewal Opportunity closes on 2024-10-15, 95 days after the as-of date, and the
 *   countdown first stored a checkpoint on 2024-01-01: 365 days Skipped, 270 days Done by its closed Task, 180 days
 *   Done with a Commit call that disagrees with Red, 120 days Overdue with an open Task, 90 days Due.
 * - Initech has only a Cancelled plan and an activated Contract that ends on 2024-10-20, 100 days after the as-of
 *   date, and no stored checkpoint: the 180-day checkpoint is Skipped and the 90-day one is Due. A Draft Contract
 *   that ends later gives no renewal date.
 * - Hooli has no renewal date.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { packageCustomMetadataDir } from '../../lib/model';
import { packageRiskMetadataDir } from '../../lib/risk';
import { createCockpitApp, scoringInputs } from '../cockpitApp';
import type { CockpitAppWithAdapter } from '../cockpitApp';
import { CockpitData } from '../data';
import { CockpitStore } from '../store';
import { COCKPIT_USERS } from '../users';
import type { CockpitUser } from '../users';
import { ACME_ID, FIXED_NOW, FIXTURE_EXPORT } from './cockpitFixture';

/** Scoring date of the fixture export. */
export const AS_OF = '2024-07-12';
/** The red account without a plan. */
export const GLOBEX_ID = '001A00000000002AAA';
/** The account with a Cancelled plan only. */
export const INITECH_ID = '001A00000000003AAA';
/** The account without a renewal date. */
export const HOOLI_ID = '001A00000000005AAA';
/** Acme's executive sponsor and champion, and a contact of Globex. */
export const ADA_ID = '003A00000000001AAA';
export const CARL_ID = '003A00000000002AAA';
export const GINA_ID = '003A00000000003AAA';

/** Acme's Active plan and its records. */
export const ACME_PLAN_ID = 'a0DA00000000001AAA';
export const ACME_PAST_PLAN_ID = 'a0DA00000000002AAA';
export const INITECH_PLAN_ID = 'a0DA00000000003AAA';
export const OBJECTIVE_ADOPTION_ID = 'a0EA00000000001AAA';
export const OBJECTIVE_ACHIEVED_ID = 'a0EA00000000002AAA';
export const PAST_OBJECTIVE_ID = 'a0EA00000000003AAA';
/** Criteria ActiveDayShare30d AtLeast 5: met, so scoring completes it. */
export const MILESTONE_AUTO_ID = 'a0FA00000000001AAA';
/** Criteria LicenseUtilization30d AtLeast 60: not met, and its target date has passed. */
export const MILESTONE_OVERDUE_ID = 'a0FA00000000002AAA';
/** Manual milestone completed by hand. */
export const MILESTONE_MANUAL_ID = 'a0FA00000000003AAA';
/** Completed itself; criteria OpenHighPriorityCases AtMost 0 still met. */
export const MILESTONE_STILL_MET_ID = 'a0FA00000000004AAA';
/** Completed itself; criteria LicenseUtilization30d AtLeast 50 no longer met. */
export const MILESTONE_NO_LONGER_MET_ID = 'a0FA00000000005AAA';
/** Manual milestone far in the future. */
export const MILESTONE_UPCOMING_ID = 'a0FA00000000006AAA';
export const PAST_MILESTONE_ID = 'a0FA00000000007AAA';

/** A scored plan export with a fresh store. */
export interface PlanFixture {
  dir: string;
  exportDir: string;
  storeFile: string;
  store: CockpitStore;
  data: CockpitData;
  app: (user?: string | CockpitUser) => CockpitAppWithAdapter;
  /** Scores the same export again with a store reopened from the file, as a restart does. */
  restart: () => Promise<PlanFixture>;
  cleanup: () => void;
}

function csv(rows: (string | number | null)[][]): string {
  const cell = (value: string | number | null): string => {
    const text = value === null ? '' : String(value);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `${rows.map((row) => row.map(cell).join(',')).join('\n')}\n`;
}

const FILES: Record<string, (string | number | null)[][]> = {
  'Opportunity.csv': [
    ['Id', 'AccountId', 'Name', 'Type', 'StageName', 'CloseDate', 'IsClosed', 'IsWon', 'Amount'],
    [
      '006A00000000001AAA',
      ACME_ID,
      'Acme renewal 2025 Q1',
      'Renewal',
      'Negotiation',
      '2025-03-31',
      'false',
      'false',
      1
    ],
    ['006A00000000002AAA', ACME_ID, 'Acme renewal 2025', 'Renewal', 'Prospecting', '2025-01-13', 'false', 'false', 1],
    ['006A00000000003AAA', ACME_ID, 'Acme renewal 2024', 'Renewal', 'Closed Won', '2024-01-31', 'true', 'true', 1],
    ['006A00000000004AAA', ACME_ID, 'Acme add-on', 'New Business', 'Prospecting', '2024-12-31', 'false', 'false', 1],
    [
      '006A00000000005AAA',
      GLOBEX_ID,
      'Globex renewal 2023',
      'Renewal',
      'Closed Lost',
      '2024-02-01',
      'true',
      'false',
      1
    ],
    [
      '006A00000000006AAA',
      GLOBEX_ID,
      'Globex renewal 2024',
      'Renewal',
      'Negotiation',
      '2024-10-15',
      'false',
      'false',
      1
    ]
  ],
  'Contract.csv': [
    ['Id', 'AccountId', 'ContractNumber', 'StartDate', 'EndDate', 'Status'],
    ['800A00000000001AAA', GLOBEX_ID, '00000101', '2023-01-01', '2025-06-30', 'Activated'],
    ['800A00000000003AAA', INITECH_ID, '00000103', '2024-01-01', '2024-10-20', 'Activated'],
    ['800A00000000004AAA', INITECH_ID, '00000104', '2024-01-01', '2026-09-30', 'Draft']
  ],
  'SuccessPlan__c.csv': [
    [
      'Id',
      'Account__c',
      'Name',
      'Status__c',
      'Stage__c',
      'ExecutiveSponsor__c',
      'Champion__c',
      'ReviewCadenceDays__c',
      'NextReview__c',
      'EscalationPath__c',
      'StartDate__c',
      'EndDate__c',
      'Template__c',
      'CreatedDate'
    ],
    [
      ACME_PLAN_ID,
      ACME_ID,
      'Acme adoption plan',
      'Active',
      'Adoption',
      ADA_ID,
      CARL_ID,
      30,
      '2024-07-01',
      'CSM, then the CS manager',
      '2024-05-01',
      '2024-10-28',
      'Adoption',
      '2024-05-01T09:00:00.000+0000'
    ],
    [
      ACME_PAST_PLAN_ID,
      ACME_ID,
      'Acme onboarding plan',
      'Completed',
      'Onboarding',
      null,
      null,
      null,
      null,
      null,
      '2024-01-01',
      '2024-03-31',
      'Onboarding',
      '2024-01-01T09:00:00.000+0000'
    ],
    [
      INITECH_PLAN_ID,
      INITECH_ID,
      'Initech onboarding plan',
      'Cancelled',
      'Onboarding',
      null,
      null,
      null,
      null,
      null,
      '2024-02-01',
      '2024-05-01',
      null,
      '2024-02-01T09:00:00.000+0000'
    ]
  ],
  'SuccessObjective__c.csv': [
    [
      'Id',
      'SuccessPlan__c',
      'Outcome__c',
      'SuccessMetric__c',
      'Unit__c',
      'Baseline__c',
      'Target__c',
      'CurrentValue__c',
      'DueDate__c',
      'Status__c',
      'Capability__c',
      'SortOrder__c'
    ],
    [
      OBJECTIVE_ADOPTION_ID,
      ACME_PLAN_ID,
      'Every planner works in the tool | weekly',
      'Weekly active planners',
      'planners',
      10,
      60,
      35,
      '2024-07-01',
      'OnTrack',
      'Planning module',
      1
    ],
    [
      OBJECTIVE_ACHIEVED_ID,
      ACME_PLAN_ID,
      'Month-end close in 3 days',
      'Days to close',
      'days',
      8,
      3,
      4,
      '2024-09-30',
      'Achieved',
      'Close module',
      2
    ],
    [PAST_OBJECTIVE_ID, ACME_PAST_PLAN_ID, 'Go live', null, null, null, null, null, null, 'Achieved', null, 1]
  ],
  'SuccessMilestone__c.csv': [
    [
      'Id',
      'SuccessPlan__c',
      'Name',
      'Objective__c',
      'Phase__c',
      'TargetDate__c',
      'Criteria__c',
      'CriteriaMeasure__c',
      'CriteriaOperator__c',
      'CriteriaValue__c',
      'CompletedDate__c',
      'CompletionSource__c',
      'Owner__c',
      'SortOrder__c'
    ],
    [
      MILESTONE_AUTO_ID,
      ACME_PLAN_ID,
      'Users active on 5% of days',
      OBJECTIVE_ADOPTION_ID,
      'Days30',
      '2024-06-01',
      'Active on at least 5% of days',
      'ActiveDayShare30d',
      'AtLeast',
      5,
      null,
      null,
      '005A00000000001AAA',
      1
    ],
    [
      MILESTONE_OVERDUE_ID,
      ACME_PLAN_ID,
      'Licenses in use',
      OBJECTIVE_ADOPTION_ID,
      'Days60',
      '2024-07-09',
      'At least 60% of licenses in use',
      'LicenseUtilization30d',
      'AtLeast',
      60,
      null,
      null,
      '005A00000000001AAA',
      2
    ],
    [
      MILESTONE_MANUAL_ID,
      ACME_PLAN_ID,
      'Kickoff held',
      null,
      'Days30',
      '2024-05-15',
      'Kickoff with the sponsor',
      null,
      null,
      null,
      '2024-05-14',
      'Manual',
      '005A00000000001AAA',
      3
    ],
    [
      MILESTONE_STILL_MET_ID,
      ACME_PLAN_ID,
      'No open high-priority cases',
      null,
      'Days60',
      '2024-06-15',
      'No open P1 cases',
      'OpenHighPriorityCases',
      'AtMost',
      0,
      '2024-06-10',
      'Automatic',
      null,
      4
    ],
    [
      MILESTONE_NO_LONGER_MET_ID,
      ACME_PLAN_ID,
      'Half the licenses in use',
      null,
      'Days60',
      '2024-06-20',
      'At least 50% of licenses in use',
      'LicenseUtilization30d',
      'AtLeast',
      50,
      '2024-06-18',
      'Automatic',
      null,
      5
    ],
    [
      MILESTONE_UPCOMING_ID,
      ACME_PLAN_ID,
      'Quarterly business review',
      null,
      'Quarter',
      '2024-09-30',
      'QBR held with the sponsor',
      null,
      null,
      null,
      null,
      null,
      null,
      6
    ],
    [
      PAST_MILESTONE_ID,
      ACME_PAST_PLAN_ID,
      'Go-live',
      null,
      'Days90',
      '2024-03-31',
      null,
      null,
      null,
      null,
      '2024-03-30',
      'Manual',
      null,
      1
    ]
  ],
  'RenewalCheckpoint__c.csv': [
    [
      'Id',
      'Account__c',
      'RenewalDate__c',
      'DaysBefore__c',
      'CheckpointKey__c',
      'DueDate__c',
      'Playbook__c',
      'Status__c',
      'TaskId__c',
      'Source__c',
      'Call__c',
      'CallNote__c',
      'CallRecordedAt__c',
      'CallRecordedBy__c',
      'DataBand__c',
      'DataScore__c',
      'IsDisagreement__c',
      'CreatedDate'
    ],
    [
      'a0GA00000000001AAA',
      GLOBEX_ID,
      '2024-10-15',
      270,
      `${GLOBEX_ID}-2024-10-15-270`,
      '2024-01-19',
      'SponsorTouch',
      'Due',
      '00TA00000000004AAA',
      'Opportunity',
      null,
      null,
      null,
      null,
      null,
      null,
      'false',
      '2024-01-01T02:04:00.000+0000'
    ],
    [
      'a0GA00000000002AAA',
      GLOBEX_ID,
      '2024-10-15',
      180,
      `${GLOBEX_ID}-2024-10-15-180`,
      '2024-04-18',
      'QBR',
      'Done',
      null,
      'Opportunity',
      'Commit',
      'Sponsor confirmed the budget',
      '2024-04-10T15:00:00.000+0000',
      '005A00000000001AAA',
      'Red',
      41.5,
      'true',
      '2024-01-01T02:04:00.000+0000'
    ],
    [
      'a0GA00000000003AAA',
      GLOBEX_ID,
      '2024-10-15',
      120,
      `${GLOBEX_ID}-2024-10-15-120`,
      '2024-06-17',
      'ValueReview',
      'Due',
      '00TA00000000003AAA',
      'Opportunity',
      null,
      null,
      null,
      null,
      null,
      null,
      'false',
      '2024-01-01T02:04:00.000+0000'
    ]
  ]
};

/** Copies the fixture export and adds the plan files; returns the folder. */
export function writePlanExport(dir: string): string {
  const exportDir = path.join(dir, 'export');
  cpSync(FIXTURE_EXPORT, exportDir, { recursive: true });
  for (const [name, rows] of Object.entries(FILES)) {
    writeFileSync(path.join(exportDir, name), csv(rows));
  }
  return exportDir;
}

async function scorePlanExport(
  dir: string,
  exportDir: string,
  storeFile: string,
  planDir: string | undefined
): Promise<PlanFixture> {
  const store = CockpitStore.open(storeFile).store;
  const data = await CockpitData.load(
    {
      exportDir,
      asOf: null,
      configFile: path.join(FIXTURE_EXPORT, '..', 'full-export.config.json'),
      modelDir: packageCustomMetadataDir(),
      riskDir: packageRiskMetadataDir(),
      planDir
    },
    scoringInputs(store)
  );
  return {
    dir,
    exportDir,
    storeFile,
    store,
    data,
    app: (user: string | CockpitUser = 'csm') =>
      createCockpitApp(data, store, typeof user === 'string' ? COCKPIT_USERS[user] : user, { now: () => FIXED_NOW }),
    restart: () => scorePlanExport(dir, exportDir, storeFile, planDir),
    cleanup: () => rmSync(dir, { recursive: true, force: true })
  };
}

/**
 * Scores the plan export with a fresh store in a new temporary folder.
 * @param planDir customMetadata folder of the plan templates and checkpoints; the package's when left out.
 */
export async function loadPlanFixture(planDir?: string): Promise<PlanFixture> {
  const dir = mkdtempSync(path.join(tmpdir(), 'cockpit-plans-'));
  return scorePlanExport(dir, writePlanExport(dir), path.join(dir, 'store.json'), planDir);
}

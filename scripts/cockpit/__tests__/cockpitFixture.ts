/**
 * A small scored export for the cockpit tests: the export reader's full-export fixture unless a test names another,
 * scored with the package's health model, with a change store in a temporary folder and a fixed clock.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { packageCustomMetadataDir } from '../../lib/model';
import { packageRiskMetadataDir } from '../../lib/risk';
import { createCockpitApp, scoringInputs } from '../cockpitApp';
import type { CockpitAppWithAdapter } from '../cockpitApp';
import { CockpitData } from '../data';
import { CockpitStore } from '../store';
import { COCKPIT_USERS } from '../users';

/** Folder of the fixture export. */
export const FIXTURE_EXPORT = path.join(__dirname, '..', '..', 'lib', 'export', '__tests__', 'fixtures', 'full-export');
/** A scored account of the fixture. */
export const ACME_ID = '001A00000000001AAA';
/** Local time the fixture's clock shows: 1 December 2026, noon. */
export const FIXED_NOW = new Date(2026, 11, 1, 12, 0, 0);
/** Today's date on that clock. */
export const TODAY = '2026-12-01';

/** Everything a cockpit test needs, and a cleanup. */
export interface CockpitFixture {
  dir: string;
  storeFile: string;
  store: CockpitStore;
  data: CockpitData;
  app: (userKey?: string) => CockpitAppWithAdapter;
  cleanup: () => void;
}

/** Export and export rules of a fixture; the full-export fixture when left out. */
export interface FixtureExport {
  exportDir: string;
  /** Export rules file; null for the defaults. */
  configFile: string | null;
}

/** Scores a fixture export with a fresh store. */
export async function loadFixture(
  source: FixtureExport = {
    exportDir: FIXTURE_EXPORT,
    configFile: path.join(FIXTURE_EXPORT, '..', 'full-export.config.json')
  }
): Promise<CockpitFixture> {
  const dir = mkdtempSync(path.join(tmpdir(), 'cockpit-'));
  const storeFile = path.join(dir, 'store.json');
  const store = CockpitStore.open(storeFile).store;
  const data = await CockpitData.load(
    {
      exportDir: source.exportDir,
      asOf: null,
      configFile: source.configFile,
      modelDir: packageCustomMetadataDir(),
      riskDir: packageRiskMetadataDir()
    },
    scoringInputs(store)
  );
  return {
    dir,
    storeFile,
    store,
    data,
    app: (userKey = 'csm') => createCockpitApp(data, store, COCKPIT_USERS[userKey], { now: () => FIXED_NOW }),
    cleanup: () => rmSync(dir, { recursive: true, force: true })
  };
}

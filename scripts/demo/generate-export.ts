/**
 * Generates the demo org and its export files. The same seed gives the same bytes on every run and machine, because
 * every random draw comes from seeded streams, every date is computed in UTC, and every list has a fixed order.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';

import { buildActivities } from './activities';
import { buildPeopleAndAccounts } from './accounts';
import { addMonths, parseIsoDate, SECONDS_PER_DAY } from './calendar';
import { buildCases } from './cases';
import { buildCommercial } from './commercial';
import type { DemoContext, DemoOrg } from './demo-org';
import { renderCsvFiles, type ExportFile } from './export-files';
import { buildFeedback } from './feedback';
import { Random } from './random';
import { renderReadme } from './readme';
import { IdFactory } from './salesforce-ids';
import { buildUsage } from './usage';

/** Seed of the committed demo export. */
export const DEFAULT_SEED = 20261130;
/** As-of and export date of the demo org: its history ends on this day. */
export const AS_OF_DATE = '2026-11-30';
/** Folder of the committed demo export, relative to the repository root. */
export const DEFAULT_OUTPUT_FOLDER = path.join('demo', 'org-export');
/** Hour (UTC) on the as-of date when the export ran. */
const EXPORT_HOUR_UTC = 18;

/** The generated org and the files that represent it. */
export interface DemoExport {
  org: DemoOrg;
  /** CSV files followed by README.md. */
  files: ExportFile[];
}

/**
 * Builds every record of the demo org.
 * @param seed seed of all random draws; the committed export uses DEFAULT_SEED
 */
export function generateDemoOrg(seed: number = DEFAULT_SEED): DemoOrg {
  const asOfDay = parseIsoDate(AS_OF_DATE);
  const context: DemoContext = {
    asOfDay,
    historyStartDay: addMonths(asOfDay + 1, -12),
    loginHistoryStartDay: addMonths(asOfDay + 1, -6),
    exportAt: asOfDay * SECONDS_PER_DAY + EXPORT_HOUR_UTC * 3600,
    random: new Random(seed),
    ids: new IdFactory()
  };

  const { accounts, contacts, users } = buildPeopleAndAccounts(context);
  const { logins, dailyUsage } = buildUsage(context, accounts, users);
  const cases = buildCases(context, accounts, contacts);
  const { opportunities, contracts } = buildCommercial(context, accounts);
  const { tasks, events } = buildActivities(context, accounts, contacts, opportunities);
  const feedback = buildFeedback(context, accounts, contacts, cases);

  return {
    seed: context.random.seed,
    asOfDay,
    historyStartDay: context.historyStartDay,
    loginHistoryStartDay: context.loginHistoryStartDay,
    accounts,
    contacts,
    users,
    logins,
    dailyUsage,
    cases,
    tasks,
    events,
    opportunities,
    contracts,
    feedback
  };
}

/**
 * Generates the demo org and renders its CSV files and README.
 * @param seed seed of all random draws; the committed export uses DEFAULT_SEED
 */
export function generateDemoExport(seed: number = DEFAULT_SEED): DemoExport {
  const org = generateDemoOrg(seed);
  const csvFiles = renderCsvFiles(org);
  const readme: ExportFile = { name: 'README.md', content: renderReadme(org, csvFiles), rows: 0 };
  return { org, files: [...csvFiles, readme] };
}

/**
 * Writes the export files into a folder, creating it when needed and replacing files of the same name.
 * @returns names of other CSV files in the folder, which the generator did not write and left in place
 */
export function writeDemoExport(folder: string, files: readonly ExportFile[]): string[] {
  fs.mkdirSync(folder, { recursive: true });
  for (const file of files) {
    fs.writeFileSync(path.join(folder, file.name), file.content, 'utf8');
  }
  const written = new Set(files.map((file) => file.name));
  return fs
    .readdirSync(folder)
    .filter((name) => name.toLowerCase().endsWith('.csv') && !written.has(name))
    .sort();
}

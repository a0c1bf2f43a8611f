/**
 * Generates the demo org and its export files. The same seed gives the same bytes on every run and machine, because
 * every random draw comes from seeded streams, every date is computed in UTC, and every list has a fixed order.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';

import type { HealthModel } from 'c/healthEngine';

import { loadAdoptionMetadata, packageAdoptionMetadataDir } from '../lib/adoption';
import type { AdoptionMetadata } from '../lib/adoption';
import { loadDefaultModels } from '../lib/model';
import { loadPlanMetadata, packagePlanMetadataDir } from '../lib/plans';
import type { PlanMetadata } from '../lib/plans';
import { buildActivities, numberTasks } from './activities';
import { buildPeopleAndAccounts } from './accounts';
import { buildAdoption } from './adoption';
import { addMonths, parseIsoDate, SECONDS_PER_DAY } from './calendar';
import { buildCases } from './cases';
import { buildCatalog } from './catalog';
import { buildCommercial } from './commercial';
import type { DemoContext, DemoOrg } from './demo-org';
import { renderCsvFiles, type ExportFile } from './export-files';
import { DemoHealth } from './demo-health';
import { buildFeedback } from './feedback';
import { buildPlans, objectiveFactsOfAccount } from './plans';
import { Random } from './random';
import { renderReadme } from './readme';
import { buildCheckpoints, scheduleCountdown } from './renewals';
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
 * The package metadata the demo org is built with: the health model, the plan templates and the checkpoints, and the
 * feature dictionary with the sprint Task templates of the adoption playbooks.
 */
export interface DemoMetadata {
  models: HealthModel[];
  plans: PlanMetadata;
  adoption: AdoptionMetadata;
}

/**
 * Loads the package's health model, plan templates, renewal checkpoint definitions, feature dictionary and sprint Task
 * templates from the repository's Custom Metadata records, so the demo org's plans, renewal checkpoints and adoption
 * playbooks look like the ones the package creates.
 * @throws Error naming every problem when the records are invalid
 */
export function loadDemoMetadata(): DemoMetadata {
  const models = loadDefaultModels();
  const measureNames = models.flatMap((model) =>
    model.dimensions.flatMap((dimension) => dimension.measures.map((measure) => measure.name))
  );
  return {
    models,
    plans: loadPlanMetadata(packagePlanMetadataDir(), measureNames),
    adoption: loadAdoptionMetadata(packageAdoptionMetadataDir())
  };
}

/**
 * Builds every record of the demo org. Success plans and renewal calls depend on the accounts' health, so the other
 * records are built first and scored with the package's health model. The adoption records depend on the products
 * each account owns and on its usage story, but not on its health.
 * @param seed seed of all random draws; the committed export uses DEFAULT_SEED
 * @param metadata health model, plan templates and checkpoint definitions; the repository's by default
 */
export function generateDemoOrg(seed: number = DEFAULT_SEED, metadata: DemoMetadata = loadDemoMetadata()): DemoOrg {
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
  const catalog = buildCatalog(context, accounts, contacts, opportunities);
  const adoption = buildAdoption(context, {
    accounts,
    users,
    cases,
    ownedSince: catalog.ownedSince,
    features: metadata.adoption.features,
    templates: metadata.adoption.templates
  });
  const countdown = scheduleCountdown(context, accounts, opportunities, metadata.plans.checkpoints);
  const activities = buildActivities(context, accounts, contacts, opportunities);
  const { tasks, idOf: taskIdOf } = numberTasks(context, [...activities.tasks, ...countdown.tasks, ...adoption.tasks]);
  const feedback = buildFeedback(context, accounts, contacts, cases);

  const org: DemoOrg = {
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
    events: activities.events,
    opportunities,
    contracts,
    feedback,
    plans: [],
    objectives: [],
    milestones: [],
    checkpoints: [],
    products: catalog.products,
    priceEntries: catalog.priceEntries,
    assets: catalog.assets,
    lineItems: catalog.lineItems,
    contactRoles: catalog.contactRoles,
    featureUsage: adoption.featureUsage,
    entitlements: adoption.entitlements,
    licenseAssignments: adoption.licenseAssignments,
    triggers: adoption.triggers,
    adoptionPlaybooks: adoption.adoptionPlaybooks,
    playbookBarriers: adoption.playbookBarriers
  };

  const health = new DemoHealth(org, metadata.models);
  const planRecords = buildPlans(context, org, metadata.plans, health);
  for (const account of accounts) {
    health.setObjectives(account.id, objectiveFactsOfAccount(planRecords, account.id));
  }
  const expansionAccounts = new Set(
    opportunities.filter((entry) => entry.type !== 'Renewal' && !entry.isClosed).map((entry) => entry.accountId)
  );
  const checkpoints = buildCheckpoints(context, countdown, taskIdOf, health, expansionAccounts);
  return { ...org, ...planRecords, checkpoints };
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

/**
 * Scores the demo org with the package's health model the way `npm run score` does: the records are rendered as CSV,
 * read back with the export reader, and evaluated with the reference engine. The success plan and renewal generators
 * use the results, so that objectives, milestones and renewal calls agree with what the data shows.
 */

import { computeSignal, evaluateAccount, selectModel } from 'c/healthEngine';
import type { AccountHealth, AccountSignals, HealthModel, MeasureDefinition, ObjectiveFacts } from 'c/healthEngine';

import { defaultExportConfig, readOrgExportText } from '../lib/export';
import { formatIsoDate } from './calendar';
import type { DemoOrg } from './demo-org';
import { renderCsvFiles } from './export-files';

interface ScoredAccount {
  signals: AccountSignals;
  model: HealthModel | null;
  measures: Map<string, MeasureDefinition>;
  /** Evaluations by day number. */
  evaluations: Map<number, AccountHealth>;
}

/** Health of every demo account on any day, computed on demand and cached. */
export class DemoHealth {
  private readonly accounts = new Map<string, ScoredAccount>();

  /**
   * Reads the org's records back as an export and prepares each account for scoring.
   * @param models health models; the first that applies to an account's segment scores it
   * @throws Error when the rendered export does not read back without problems, which is a generator bug
   */
  constructor(org: DemoOrg, models: readonly HealthModel[]) {
    const files = new Map(renderCsvFiles(org).map((file) => [file.name, file.content]));
    const orgExport = readOrgExportText(files, defaultExportConfig());
    if (orgExport.problems.length > 0) {
      const first = orgExport.problems[0];
      throw new Error(
        `The generated export does not read back cleanly (${orgExport.problems.length} problems, first in ` +
          `${first?.file ?? '?'} line ${first?.line ?? '-'}: ${first?.message ?? ''}); fix the generator.`
      );
    }
    for (const signals of orgExport.accounts) {
      const model = selectModel([...models], signals.attributes);
      const measures = new Map<string, MeasureDefinition>();
      for (const dimension of model?.dimensions ?? []) {
        for (const measure of dimension.measures) {
          measures.set(measure.name, measure);
        }
      }
      this.accounts.set(signals.accountId, { signals, model, measures, evaluations: new Map() });
    }
  }

  private account(accountId: string): ScoredAccount {
    const account = this.accounts.get(accountId);
    if (account === undefined) {
      throw new Error(`Account ${accountId} is not in the demo export.`);
    }
    return account;
  }

  /** Returns the account's health on a day, or null when no model applies to it. */
  healthOn(accountId: string, day: number): AccountHealth | null {
    const account = this.account(accountId);
    if (account.model === null) {
      return null;
    }
    let health = account.evaluations.get(day);
    if (health === undefined) {
      health = evaluateAccount(account.model, account.signals, { asOf: formatIsoDate(day) });
      account.evaluations.set(day, health);
    }
    return health;
  }

  /** Returns the raw value of a health measure of the account's model on a day; null without data or measure. */
  measureOn(accountId: string, measureName: string, day: number): number | null {
    const account = this.account(accountId);
    const measure = account.measures.get(measureName);
    if (measure === undefined) {
      return null;
    }
    return computeSignal(measure.signal, account.signals, measure.windowDays, formatIsoDate(day));
  }

  /** Sets the account's objective counts, which the ObjectivesMetShare measure scores, and clears its cached scores. */
  setObjectives(accountId: string, objectives: ObjectiveFacts | null): void {
    const account = this.account(accountId);
    account.signals.objectives = objectives;
    account.evaluations.clear();
  }
}

/**
 * Adoption reports of a scored portfolio: for every scored account with adoption data, the adoption scorecard, the
 * expansion map and one feature adoption playbook per Active playbook of the export, rendered as Markdown by the
 * adoption engine. Playbooks are the CSM's decision, so an account's flagged feature without a playbook gets none;
 * the counts include how many accounts have one.
 */
import {
  ALL_SEGMENT,
  adoptionPlaybookFileName,
  adoptionScorecardFileName,
  expansionMapFileName,
  renderAdoptionPlaybook,
  renderAdoptionScorecard,
  renderExpansionMap
} from 'c/adoptionEngine';
import { customerSlug } from 'c/healthReport';
import {
  buildExpansionMap,
  buildPlaybookViews,
  buildScorecardView,
  computeExportFacts,
  expansionInputOf,
  expansionMapModelOf,
  featuresByKey,
  playbookModelOf,
  scorecardModelOf
} from '../adoption';
import type { AdoptionMetadata } from '../adoption';
import { adoptionRecordsOf } from '../export';
import type { OrgExport } from '../export';

/** Kind of an adoption report. */
export type AdoptionReportKind = 'scorecard' | 'expansionMap' | 'playbook';

/** One rendered adoption report. */
export interface AdoptionReport {
  accountId: string;
  kind: AdoptionReportKind;
  fileName: string;
  markdown: string;
}

/** Counts of the adoption reports, for the summary line. */
export interface AdoptionReportCounts {
  scorecards: number;
  expansionMaps: number;
  playbooks: number;
  /** Accounts whose flagged feature of highest priority has no Active playbook, so no playbook file. */
  flaggedWithoutPlaybook: number;
}

/** The adoption reports of an export. */
export interface AdoptionReports {
  reports: AdoptionReport[];
  counts: AdoptionReportCounts;
  /** Facts about the adoption data worth knowing that are not errors. */
  notices: string[];
}

/** Replaces the customer slug at the start of an engine file name with the account's stem, which may add its Id. */
function withStem(fileName: string, customer: string, stem: string): string {
  const slug = customerSlug(customer);
  return fileName.startsWith(slug) ? stem + fileName.slice(slug.length) : fileName;
}

/**
 * Builds the adoption reports of the scored accounts that have adoption data, in the order given.
 * @param orgExport The export.
 * @param metadata The feature dictionary, the expansion catalog and the sprint templates.
 * @param scoredAccountIds Ids of the scored accounts, in the order to write them.
 * @param asOf ISO date of the scoring.
 * @param stemOf Returns the file name stem of an account, `<customer>`.
 */
export function buildAdoptionReports(
  orgExport: OrgExport,
  metadata: AdoptionMetadata,
  scoredAccountIds: readonly string[],
  asOf: string,
  stemOf: (accountId: string) => string
): AdoptionReports {
  const { factsByAccount, notices } = computeExportFacts(orgExport, metadata, asOf);
  const features = featuresByKey(metadata);
  const reports: AdoptionReport[] = [];
  const counts: AdoptionReportCounts = { scorecards: 0, expansionMaps: 0, playbooks: 0, flaggedWithoutPlaybook: 0 };
  for (const accountId of scoredAccountIds) {
    const facts = factsByAccount.get(accountId);
    if (facts === undefined) {
      continue;
    }
    const customer = orgExport.accountInfo.get(accountId)?.name ?? accountId;
    const stem = stemOf(accountId);

    const scorecard = buildScorecardView(facts, features, null, asOf);
    reports.push({
      accountId,
      kind: 'scorecard',
      fileName: withStem(adoptionScorecardFileName(customer), customer, stem),
      markdown: renderAdoptionScorecard(scorecardModelOf(customer, asOf, scorecard))
    });
    counts.scorecards++;

    const expansion = buildExpansionMap(expansionInputOf(orgExport, metadata, accountId, facts, asOf));
    reports.push({
      accountId,
      kind: 'expansionMap',
      fileName: withStem(expansionMapFileName(customer), customer, stem),
      markdown: renderExpansionMap(expansionMapModelOf(expansion))
    });
    counts.expansionMaps++;

    const playbooks = adoptionRecordsOf(orgExport.adoption, accountId).playbooks;
    const active = buildPlaybookViews(playbooks, facts, features, asOf).filter(
      (view) => view.record.status === 'Active'
    );
    for (const view of active) {
      const record = view.record;
      // A segment's playbook names its segment, so two Active playbooks of one feature get two files.
      const fileLabel =
        record.segmentType === ALL_SEGMENT ? view.featureLabel : `${view.featureLabel} ${record.segment}`;
      reports.push({
        accountId,
        kind: 'playbook',
        fileName: withStem(adoptionPlaybookFileName(customer, fileLabel), customer, stem),
        markdown: renderAdoptionPlaybook(playbookModelOf(customer, asOf, view, features.get(record.featureKey) ?? null))
      });
      counts.playbooks++;
    }

    const topFlagged = scorecard.underused.find((row) => row.isFlagged);
    if (topFlagged !== undefined && !active.some((view) => view.record.featureKey === topFlagged.featureKey)) {
      counts.flaggedWithoutPlaybook++;
    }
  }
  return { reports, counts, notices };
}

/** Returns the summary line of the adoption reports written to a folder. */
export function formatAdoptionSummary(counts: AdoptionReportCounts, outDir: string): string {
  const playbookNoun = counts.playbooks === 1 ? 'adoption playbook' : 'adoption playbooks';
  const accounts =
    counts.flaggedWithoutPlaybook === 1 ? '1 account has' : `${counts.flaggedWithoutPlaybook} accounts have`;
  return (
    `Wrote ${counts.scorecards} adoption scorecards, ${counts.expansionMaps} expansion maps and ${counts.playbooks} ` +
    `${playbookNoun} (one per Active playbook in the export) to ${outDir}; ${accounts} a flagged feature without an ` +
    "Active playbook; none is written for it, because starting a playbook is the CSM's decision."
  );
}

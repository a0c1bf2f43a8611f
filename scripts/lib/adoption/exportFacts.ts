/**
 * Adoption facts of every account of an org export, and the inputs of the scorecard, playbooks and expansion map of
 * one account, joined from the export's records and the adoption metadata.
 */
import type { AdoptionFactRow, AdoptionFeature } from 'c/adoptionEngine';
import { adoptionRecordsOf } from '../export';
import type { OrgExport } from '../export';
import type { ChampionRole, ExpansionInput } from './expansion';
import { computeFactHistory, factMonthOf } from './facts';
import type { AccountAdoptionInput } from './facts';
import type { AdoptionMetadata } from './loadAdoptionMetadata';

/** Feature keys shown in a notice at most. */
const MAX_KEYS_LISTED = 5;

/** Adoption facts of an export and what a reader should know about them. */
export interface ExportFacts {
  /** Facts of each account with adoption data, oldest month first; accounts without facts have no entry. */
  factsByAccount: Map<string, AdoptionFactRow[]>;
  /** Facts worth knowing that are not errors, such as usage rows of features that are not active. */
  notices: string[];
}

/** Returns every feature of the dictionary by key, active or not. */
export function featuresByKey(metadata: AdoptionMetadata): Map<string, AdoptionFeature> {
  return new Map(metadata.features.map((feature) => [feature.key, feature]));
}

/**
 * Returns what the facts of one account are computed from: its usage rows, entitlements, licensed seats, active users
 * and the holders of permission set licenses.
 * @param orgExport The export.
 * @param accountId Id of an account of the export.
 */
export function accountAdoptionInput(orgExport: OrgExport, accountId: string): AccountAdoptionInput {
  const records = adoptionRecordsOf(orgExport.adoption, accountId);
  const loaded = orgExport.adoption.loaded;
  return {
    licensedSeats: orgExport.accountInfo.get(accountId)?.licensedSeats ?? null,
    usage: records.usage,
    entitlements: records.entitlements,
    users: orgExport.files.some((file) => file.name.toLowerCase() === 'user.csv' && !file.skipped)
      ? records.users
      : null,
    hasUserLicenses: loaded.userLicenses,
    permissionSetLicenseHolders: loaded.permissionSetLicenses ? orgExport.adoption.permissionSetLicenseHolders : null
  };
}

function listKeys(keys: Set<string>): string {
  const sorted = [...keys].sort();
  const more = sorted.length > MAX_KEYS_LISTED ? ` and ${sorted.length - MAX_KEYS_LISTED} more` : '';
  return sorted.slice(0, MAX_KEYS_LISTED).join(', ') + more;
}

function sourceNotices(orgExport: OrgExport, active: readonly AdoptionFeature[]): string[] {
  const notices: string[] = [];
  const loaded = orgExport.adoption.loaded;
  const byUserLicense = active.filter((feature) => feature.entitlementSource === 'UserLicense');
  if (byUserLicense.length > 0 && !loaded.userLicenses) {
    notices.push(
      `Adoption: ${byUserLicense.map((feature) => feature.key).join(', ')} count entitled users by user license, ` +
        'but User.csv is missing or has no Profile.UserLicense.Name column, so their adoption percent stays blank. ' +
        'Export User with Profile.UserLicense.Name.'
    );
  }
  const byPermissionSetLicense = active.filter((feature) => feature.entitlementSource === 'PermissionSetLicense');
  if (byPermissionSetLicense.length > 0 && !loaded.permissionSetLicenses) {
    notices.push(
      `Adoption: ${byPermissionSetLicense.map((feature) => feature.key).join(', ')} count entitled users by ` +
        'permission set license, but the export has no PermissionSetLicenseAssign.csv, so their adoption percent ' +
        'stays blank. Export PermissionSetLicenseAssign with AssigneeId and PermissionSetLicense.DeveloperName.'
    );
  }
  return notices;
}

/**
 * Computes the adoption facts of every account of an export, month by month up to the month the nightly job
 * completes on the as-of date, with the active features of the dictionary.
 * @param orgExport The export.
 * @param metadata The feature dictionary.
 * @param asOf ISO date of the scoring.
 */
export function computeExportFacts(orgExport: OrgExport, metadata: AdoptionMetadata, asOf: string): ExportFacts {
  const active = metadata.features.filter((feature) => feature.isActive);
  const activeKeys = new Set(active.map((feature) => feature.key));
  const lastMonth = factMonthOf(asOf);
  const factsByAccount = new Map<string, AdoptionFactRow[]>();
  const inactiveKeys = new Set<string>();
  let inactiveRows = 0;
  for (const signals of orgExport.accounts) {
    const input = accountAdoptionInput(orgExport, signals.accountId);
    for (const row of input.usage) {
      if (!activeKeys.has(row.featureKey)) {
        inactiveKeys.add(row.featureKey);
        inactiveRows++;
      }
    }
    const facts = computeFactHistory(active, input, lastMonth);
    if (facts.length > 0) {
      factsByAccount.set(signals.accountId, facts);
    }
  }

  const notices = orgExport.adoption.loaded.featureUsage ? sourceNotices(orgExport, active) : [];
  if (inactiveRows > 0) {
    notices.push(
      `FeatureUsage__c.csv: ${inactiveRows} ${inactiveRows === 1 ? 'row names a feature' : 'rows name features'} ` +
        `that ${inactiveKeys.size === 1 ? 'is' : 'are'} not active in the feature dictionary (${listKeys(inactiveKeys)}) ` +
        'and got no facts. Activate the AdoptionFeature record or correct FeatureKey__c.'
    );
  }
  return { factsByAccount, notices };
}

/**
 * Returns what the expansion map of one account is built from, with the export's records and the dictionary.
 * @param orgExport The export.
 * @param metadata The feature dictionary and the expansion catalog.
 * @param accountId Id of an account of the export.
 * @param facts Adoption facts of the account.
 * @param asOf ISO date the map is built for.
 */
export function expansionInputOf(
  orgExport: OrgExport,
  metadata: AdoptionMetadata,
  accountId: string,
  facts: readonly AdoptionFactRow[],
  asOf: string
): ExpansionInput {
  const info = orgExport.accountInfo.get(accountId);
  const records = adoptionRecordsOf(orgExport.adoption, accountId);
  const contacts = orgExport.adoption.contacts;
  const championRoles: ChampionRole[] = records.championRoles.map((role) => ({
    contactId: role.contactId,
    name: contacts.get(role.contactId)?.name ?? null,
    title: contacts.get(role.contactId)?.title ?? null,
    opportunityId: role.opportunityId,
    opportunityName: role.opportunityName
  }));
  const championId = info?.championId ?? null;
  return {
    account: {
      accountId,
      name: info?.name ?? accountId,
      annualRecurringRevenue: info?.arr ?? null,
      championId,
      championName: info?.championName ?? null,
      championTitle: championId === null ? null : (contacts.get(championId)?.title ?? null)
    },
    asOf,
    assets: records.assets,
    lineItems: records.lineItems,
    openOpportunities: records.openOpportunities,
    catalog: metadata.products,
    products: [...orgExport.adoption.products.values()],
    prices: orgExport.adoption.prices,
    facts,
    features: featuresByKey(metadata),
    triggers: records.triggers,
    championRoles
  };
}

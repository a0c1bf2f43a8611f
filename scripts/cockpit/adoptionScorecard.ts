/**
 * AdoptionScorecardController offline, with the checks and messages of AdoptionScorecardService and the view that
 * AdoptionScorecardView builds, computed from the export's feature usage and entitlements with the reference engine.
 * This module also holds what the three adoption modules share: the adoption metadata and facts of the export, and
 * the checks of the account Id.
 *
 * The as-of date is the export's scoring date instead of the machine's date, so facts, playbooks and triggers agree
 * with the scores of the same data. The org's user and permission set licenses are not part of an export, so a
 * license row names why it shows no org license counts.
 */
import { ALL_SEGMENT, monthStart } from 'c/adoptionEngine';
import type { AdoptionFactRow, AdoptionFeature } from 'c/adoptionEngine';
import {
  AdoptionMetadataError,
  buildScorecardView,
  computeExportFacts,
  featuresByKey,
  loadAdoptionMetadata,
  packageAdoptionMetadataDir
} from '../lib/adoption';
import type { AdoptionMetadata, ScorecardView } from '../lib/adoption';
import { playbooksOf } from './adoptionPlaybook';
import { ApexError } from './apexErrors';
import type { AccountState, CockpitData } from './data';
import { syntheticId } from './ids';
import type { CockpitStore } from './store';
import type { CockpitUser } from './users';

type Scorecard = ApexTypes.AdoptionScorecardController_Scorecard;
type FeatureRow = ApexTypes.AdoptionScorecardController_FeatureRow;
type MatrixCell = ApexTypes.AdoptionScorecardController_MatrixCell;
type LicenseUtilization = ApexTypes.AdoptionScorecardController_LicenseUtilization;
type FeatureDefinition = ApexTypes.AdoptionScorecardController_FeatureDefinition;

/** Start of every access-failure message. The adoption components check for the same text. */
export const ACCESS_DENIED_PREFIX = 'Access denied: ';
/** Tells the user how to get access, at the end of an access-failure message. */
export const PERMISSION_SET_HINT = 'Ask your admin to assign you the Success Cockpit User permission set.';

/** Data, store, user and clock of the adoption methods. */
export interface AdoptionContext {
  data: CockpitData;
  store: CockpitStore;
  user: CockpitUser;
  today: () => string;
  now: () => Date;
}

/** The adoption metadata of the package and the facts of every account of the export. */
export interface AdoptionState {
  metadata: AdoptionMetadata;
  /** Every feature of the dictionary by key, active or not. */
  features: Map<string, AdoptionFeature>;
  factsByAccount: Map<string, AdoptionFactRow[]>;
}

const states = new WeakMap<CockpitData, AdoptionState>();

/**
 * Returns a new record Id for a key, with a counter when an earlier record took the key's Id, so two records created
 * at the same moment get two Ids.
 * @param object Object of the record.
 * @param key Text that identifies the record.
 * @param isTaken Tells whether an Id is in use.
 */
export function newRecordId(
  object: Parameters<typeof syntheticId>[0],
  key: string,
  isTaken: (id: string) => boolean
): string {
  let id = syntheticId(object, key);
  for (let attempt = 1; isTaken(id); attempt++) {
    id = syntheticId(object, `${key}:${attempt}`);
  }
  return id;
}

/** Fails the call with a message the component shows. */
export function fail(message: string): never {
  throw new ApexError(message);
}

/**
 * Returns the adoption metadata and the facts of the export, read and computed on the first call for the data.
 * @throws ApexError naming every problem when the package's adoption metadata is invalid.
 */
export function adoptionStateOf(data: CockpitData): AdoptionState {
  let state = states.get(data);
  if (state === undefined) {
    let metadata: AdoptionMetadata;
    try {
      metadata = loadAdoptionMetadata(packageAdoptionMetadataDir());
    } catch (error) {
      if (error instanceof AdoptionMetadataError) {
        fail(`${error.message}\nFix the adoption records in ${packageAdoptionMetadataDir()} and restart the cockpit.`);
      }
      throw error;
    }
    const { factsByAccount } = computeExportFacts(data.exportContent, metadata, data.asOf);
    state = { metadata, features: featuresByKey(metadata), factsByAccount };
    states.set(data, state);
  }
  return state;
}

/**
 * Checks that an Id is an account Id, as the Apex services do.
 * @param accountId The Id, or null.
 * @param component Name of the component for the messages, such as `adoption scorecard`.
 * @param openText Where to open it from, such as `Open the adoption scorecard`.
 */
export function requireAccountId(accountId: string | null, component: string, openText: string): string {
  if (accountId === null) {
    fail(`The account Id is missing. ${openText} from an Account record page.`);
  }
  if (!accountId.startsWith('001')) {
    fail(`Id ${accountId} is not an account Id. Place the ${component} component on an Account record page.`);
  }
  return accountId;
}

/** Returns the account of the export, or fails as for an account the user cannot see. */
export function requireAccount(data: CockpitData, accountId: string): AccountState {
  const state = data.account(accountId);
  if (state === undefined) {
    fail(
      `${ACCESS_DENIED_PREFIX}account ${accountId} does not exist or is not shared with you. Ask the account owner ` +
        'or your admin for access.'
    );
  }
  return state;
}

/** Returns the facts of an account, oldest month first; empty without adoption data. */
export function factsOf(data: CockpitData, state: AccountState): AdoptionFactRow[] {
  return adoptionStateOf(data).factsByAccount.get(state.signals.accountId) ?? [];
}

function monthLabel(month: string): string {
  return month.slice(0, 7);
}

function emptyMessage(accountName: string, month: string | null, monthsAvailable: string[]): string {
  if (month !== null && monthsAvailable.length > 0) {
    return (
      `Account ${accountName} has no adoption facts for ${monthLabel(month)}. Choose one of the months that have ` +
      `facts, the latest being ${monthLabel(monthsAvailable[0] as string)}.`
    );
  }
  return (
    `Account ${accountName} has no adoption facts yet. The nightly adoption job writes them from the Feature Usage ` +
    'records loaded through the API and from the in-org measures of the feature dictionary. If the account should ' +
    'have data, ask your admin whether usage was loaded and the job ran.'
  );
}

function toCell(fact: AdoptionFactRow | null, key: string, target: number | null): MatrixCell {
  return {
    segmentKey: key,
    hasData: fact !== null,
    entitledUsers: fact?.entitledUsers ?? null,
    assignedUsers: fact?.assignedUsers ?? null,
    activeUsers: fact?.activeUsers ?? null,
    triedUsers: fact?.triedUsers ?? null,
    adoptionPercent: fact?.adoptionPercent ?? null,
    trend: fact?.trend ?? null,
    trendSlope: fact?.trendSlope ?? null,
    isBelowTarget: fact?.adoptionPercent != null && target !== null && fact.adoptionPercent < target
  };
}

function featureRows(view: ScorecardView): FeatureRow[] {
  return view.rows.map((row) => ({
    featureKey: row.featureKey,
    label: row.label,
    productCode: row.feature?.productCode ?? null,
    targetPercent: row.feature?.targetPercent ?? null,
    valueRank: row.feature?.valueRank ?? null,
    isInDictionary: row.feature !== null,
    cells: row.cells.map((fact, index) =>
      toCell(fact, view.columns[index]?.key ?? '', row.feature?.targetPercent ?? null)
    )
  }));
}

function licenseRows(view: ScorecardView): LicenseUtilization[] {
  return view.licenses.map((row) => {
    const source = row.feature?.entitlementSource ?? null;
    const isOrgLicense = source === 'UserLicense' || source === 'PermissionSetLicense';
    const licenseName = isOrgLicense ? (row.feature?.licenseName ?? null) : null;
    const noun = source === 'UserLicense' ? 'user licenses' : 'permission set licenses';
    return {
      featureKey: row.featureKey,
      label: row.label,
      entitlementSource: source,
      licenseName,
      entitledUsers: row.fact.entitledUsers,
      assignedUsers: row.fact.assignedUsers,
      activeUsers: row.fact.activeUsers,
      assignedPercent: row.assignedPercent,
      adoptionPercent: row.fact.adoptionPercent,
      orgLicense: null,
      orgLicenseMessage:
        licenseName === null
          ? null
          : `The org's ${noun} are not part of the export, so the row shows the account's utilization without the ` +
            "org's license counts."
    };
  });
}

function dictionaryEntries(view: ScorecardView): FeatureDefinition[] {
  return view.rows.flatMap((row) => {
    const feature = row.feature;
    if (feature === null) {
      return [];
    }
    return [
      {
        key: feature.key,
        label: feature.label,
        productCode: feature.productCode,
        valueStatement: feature.valueStatement,
        valueRank: feature.valueRank,
        measureType: feature.measureType,
        entitlementSource: feature.entitlementSource,
        licenseName: feature.licenseName,
        targetPercent: feature.targetPercent,
        enablementAction: feature.enablementAction,
        availableSince: feature.availableSince
      }
    ];
  });
}

/**
 * Loads the adoption scorecard of an account for one month, as AdoptionScorecardController.getScorecard does.
 * @param context Data, store, user and clock.
 * @param accountIdParam Id of the account.
 * @param month Any day of the month to show; null shows the latest month with facts.
 */
export function getScorecard(context: AdoptionContext, accountIdParam: string | null, month: string | null): Scorecard {
  const accountId = requireAccountId(accountIdParam, 'adoption scorecard', 'Open the adoption scorecard');
  if (!context.user.canReadAdoption) {
    fail(`${ACCESS_DENIED_PREFIX}you cannot read adoption facts. ${PERMISSION_SET_HINT}`);
  }
  const state = requireAccount(context.data, accountId);

  const asOf = context.data.asOf;
  const view = buildScorecardView(factsOf(context.data, state), adoptionStateOf(context.data).features, month, asOf);
  const scorecard: Scorecard = {
    accountId: state.signals.accountId,
    accountName: state.signals.accountName,
    month: month === null ? view.month : monthStart(month),
    asOf,
    monthsAvailable: view.monthsAvailable,
    isEmpty: view.facts.length === 0,
    emptyMessage: null,
    segments: [],
    features: [],
    licenses: [],
    underused: [],
    dictionary: [],
    canCreatePlaybooks: context.user.canEditPlaybooks
  };
  if (view.facts.length === 0) {
    scorecard.emptyMessage = emptyMessage(state.signals.accountName, scorecard.month, view.monthsAvailable);
    return scorecard;
  }

  scorecard.segments = view.columns.map((column) => ({
    key: column.key,
    segmentType: column.segmentType,
    segment: column.segment,
    label: column.label
  }));
  scorecard.features = featureRows(view);
  scorecard.licenses = licenseRows(view);
  scorecard.dictionary = dictionaryEntries(view);
  const activePlaybookIds = activeAccountPlaybookIds(context, state);
  scorecard.underused = view.underused.map((row) => ({
    featureKey: row.featureKey,
    label: row.label,
    valueStatement: row.valueStatement,
    adoptionPercent: row.percent,
    targetPercent: row.target,
    valueRank: row.valueRank,
    priority: row.priority,
    isFlagged: row.isFlagged,
    action: row.action,
    actionBarrier: row.actionBarrier,
    activePlaybookId: activePlaybookIds.get(row.featureKey) ?? null
  }));
  return scorecard;
}

/**
 * Maps each feature key to the Id of its Active playbook for all users, newest start first, as
 * AdoptionScorecardSelector.getActiveAccountPlaybooks orders them.
 */
function activeAccountPlaybookIds(context: AdoptionContext, state: AccountState): Map<string, string> {
  const active = playbooksOf(context, state)
    .filter((playbook) => playbook.status === 'Active' && playbook.segmentType === ALL_SEGMENT)
    .sort((left, right) => {
      // A blank start date sorts as the empty string, so it comes last in the descending order, like NULLS LAST.
      const leftKey = `${left.startDate ?? ''}|${left.id}`;
      const rightKey = `${right.startDate ?? ''}|${right.id}`;
      if (leftKey === rightKey) {
        return 0;
      }
      return leftKey < rightKey ? 1 : -1;
    });
  const ids = new Map<string, string>();
  for (const playbook of active) {
    if (!ids.has(playbook.featureKey)) {
      ids.set(playbook.featureKey, playbook.id);
    }
  }
  return ids;
}

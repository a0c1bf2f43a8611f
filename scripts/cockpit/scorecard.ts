/**
 * HealthScorecardController offline: the same checks and messages as HealthScorecardService, with the scorecard
 * built from the reference engine's result the way HealthScorecardView builds it from the stored records.
 */
import { randomUUID } from 'node:crypto';
import { roundTo } from 'c/healthEngine';
import type { LedgerEntry, ScoreOverride, ScorePoint } from 'c/healthEngine';
import { ApexError } from './apexErrors';
import type { AccountState, CockpitData } from './data';
import { syntheticId } from './ids';
import type { CockpitStore, StoredOverride } from './store';
import { RECALCULATE_HEALTH, hasCustomPermission } from './users';
import type { CockpitUser } from './users';

type Scorecard = ApexTypes.HealthScorecardController_Scorecard;
type LedgerLine = ApexTypes.HealthScorecardController_LedgerLine;
type Permissions = ApexTypes.HealthScorecardController_Permissions;

/** Start of every access-failure message; the healthScorecard component checks for the same text. */
export const ACCESS_DENIED_PREFIX = 'Access denied: ';
/** Latest expiry of a new override, in days after today. */
export const MAX_OVERRIDE_DAYS = 180;
/** Length of ScoreOverride__c.Reason__c. */
export const MAX_REASON_LENGTH = 32768;
/** Label of an override of the overall score. */
export const OVERALL_LABEL = 'Overall score';

const PERMISSION_SET_HINT = 'Ask your admin to assign you the Success Cockpit User permission set.';

/** Data, store, user and clock of the scorecard methods. */
export interface ScorecardContext {
  data: CockpitData;
  store: CockpitStore;
  user: CockpitUser;
  /** Today's date YYYY-MM-DD, the date override requests are checked against. */
  today: () => string;
  now: () => Date;
}

/** Parameters of requestOverride after conversion to the Apex types. */
export interface OverrideRequest {
  accountId: string | null;
  measure: string | null;
  value: number | null;
  reason: string | null;
  expiresOn: string | null;
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Rounds like a Number field of the given scale does on save; keeps null. */
function scaled(value: number | null | undefined, places: number): number | null {
  return value === null || value === undefined ? null : roundTo(value, places);
}

function requireAccountId(accountId: string | null): string {
  if (accountId === null) {
    throw new ApexError('The account Id is missing. Open the health scorecard from an Account record page.');
  }
  if (!accountId.startsWith('001')) {
    throw new ApexError(
      `Record ${accountId} is not an account. Place the health scorecard on an Account record page only.`
    );
  }
  return accountId;
}

function requireAccount(data: CockpitData, accountId: string): AccountState {
  const state = data.account(accountId);
  if (!state) {
    throw new ApexError(
      `${ACCESS_DENIED_PREFIX}account ${accountId} does not exist or is not shared with you. Ask the account owner ` +
        'or your admin for access.'
    );
  }
  return state;
}

function requireHealthReadAccess(user: CockpitUser): void {
  if (!user.canReadHealth) {
    throw new ApexError(
      `${ACCESS_DENIED_PREFIX}you cannot read Health Snapshot and Health Contribution records. ${PERMISSION_SET_HINT}`
    );
  }
}

/**
 * Returns the Requested and Approved overrides of an account that have not expired, soonest expiry first.
 * @param store The change store.
 * @param accountId 18-character account Id.
 * @param today Today's date YYYY-MM-DD; an override still applies on its expiry date.
 */
export function activeOverrides(store: CockpitStore, accountId: string, today: string): StoredOverride[] {
  return store
    .list('overrides')
    .filter(
      (override) =>
        override.accountId === accountId &&
        (override.status === 'Requested' || override.status === 'Approved') &&
        override.expiresOn >= today
    )
    .sort((a, b) => a.expiresOn.localeCompare(b.expiresOn) || a.requestedAt.localeCompare(b.requestedAt));
}

/**
 * Returns the Approved overrides of an account in the engine's shape. The engine applies the ones in force on the
 * as-of date, as the nightly job does.
 */
export function approvedOverrides(store: CockpitStore, accountId: string): ScoreOverride[] {
  return store
    .list('overrides')
    .filter((override) => override.accountId === accountId && override.status === 'Approved')
    .map(({ id, measure, value, reason, expiresOn }) => ({ id, measure, value, reason, expiresOn }));
}

/** Tells whether a measure carries weight in the model, as HealthScorecardView.isWeighted does. */
function isWeighted(entry: LedgerEntry): boolean {
  return (entry.hasData && entry.weight > 0) || entry.missingPolicy !== null;
}

function toLedgerLine(entry: LedgerEntry, accountId: string, asOf: string): LedgerLine {
  return {
    id: syntheticId('HealthContribution', `${accountId}:${asOf}:${entry.measure}`),
    measure: entry.measure,
    label: entry.label,
    dimension: entry.dimension,
    signal: entry.signal,
    raw: scaled(entry.raw, 4),
    score: scaled(entry.score, 2),
    weight: roundTo(entry.weight, 6),
    points: roundTo(entry.points, 4),
    pointsChange: scaled(entry.pointsChange, 4),
    scoreChange: scaled(entry.scoreChange, 2),
    hasData: entry.hasData,
    missingPolicy: entry.missingPolicy,
    isCritical: entry.isCritical,
    isCriticalRed: entry.isCriticalRed,
    overrideId: entry.overrideId
  };
}

/**
 * Builds the scorecard of one account, with the fields HealthScorecardView fills from the latest snapshot, its
 * ledger, the history and the active overrides. An account without a score gets hasSnapshot false and empty lists.
 * @param state The account and its scores.
 * @param history Scores of the trend line, oldest first, the current one included.
 * @param overrides Active overrides, soonest expiry first.
 * @param permissions What the user may do.
 */
export function buildScorecard(
  state: AccountState,
  history: ScorePoint[],
  overrides: StoredOverride[],
  permissions: Permissions
): Scorecard {
  const health = state.health;
  const labels = new Map((health?.ledger ?? []).map((entry) => [entry.measure, entry.label]));
  const labelOf = (measure: string): string => labels.get(measure) ?? measure;
  const activeList = overrides.map((override) => ({
    id: override.id,
    measure: override.measure,
    measureLabel: override.measure === null ? OVERALL_LABEL : labelOf(override.measure),
    value: override.value,
    reason: override.reason,
    expiresOn: override.expiresOn,
    status: override.status
  }));
  const accountId = state.signals.accountId;
  if (health === null) {
    return {
      accountId,
      accountName: state.signals.accountName,
      hasSnapshot: false,
      snapshotId: null,
      asOf: null,
      modelName: null,
      modelVersion: null,
      score: null,
      uncappedScore: null,
      band: null,
      coverage: null,
      isInsufficient: false,
      isCapped: false,
      cappedBy: [],
      cappedByLabels: [],
      trend: null,
      trendSlope: null,
      topReason: null,
      topLever: null,
      topLeverLabel: null,
      topLeverGain: null,
      previousAsOf: null,
      previousScore: null,
      previousModelVersion: null,
      dimensions: [],
      ledger: [],
      history: [],
      overrides: activeList,
      overrideMeasures: [],
      permissions
    };
  }

  const lastWeek = state.lastWeek;
  return {
    accountId,
    accountName: health.accountName,
    hasSnapshot: true,
    snapshotId: syntheticId('HealthSnapshot', `${accountId}:${health.asOf}`),
    asOf: health.asOf,
    modelName: health.modelName,
    modelVersion: health.modelVersion,
    score: scaled(health.score, 2),
    uncappedScore: scaled(health.uncappedScore, 2),
    band: health.band,
    // The snapshot stores coverage as a percentage with 2 decimals; the component works with shares.
    coverage: roundTo(roundTo(health.coverage * 100, 2) / 100, 4),
    isInsufficient: health.isInsufficient,
    isCapped: health.isCapped,
    cappedBy: health.cappedBy,
    cappedByLabels: health.cappedBy.map(labelOf),
    trend: health.trend.direction,
    trendSlope: scaled(health.trend.slopePerWeek, 2),
    topReason: health.topReason,
    topLever: health.topLever?.measure ?? null,
    topLeverLabel: health.topLever ? labelOf(health.topLever.measure) : null,
    topLeverGain: scaled(health.topLever?.gain, 2),
    // Last week's evaluation is the snapshot the ledger's change column compares with.
    previousAsOf: lastWeek?.asOf ?? null,
    previousScore: scaled(lastWeek?.score, 2),
    previousModelVersion: lastWeek?.modelVersion ?? null,
    dimensions: health.dimensions.map((dimension) => ({
      name: dimension.name,
      label: dimension.label,
      score: scaled(dimension.score, 2),
      weight: roundTo(dimension.weight, 4),
      coverage: roundTo(dimension.coverage, 4)
    })),
    ledger: health.ledger.map((entry) => toLedgerLine(entry, accountId, health.asOf)),
    history: history.map((point) => ({
      asOf: point.asOf,
      score: roundTo(point.score, 2),
      modelName: health.modelName,
      modelVersion: point.modelVersion ?? null
    })),
    overrides: activeList,
    overrideMeasures: health.ledger.filter(isWeighted).map((entry) => ({ name: entry.measure, label: entry.label })),
    permissions
  };
}

function currentPermissions(user: CockpitUser): Permissions {
  return {
    canRecalculate: hasCustomPermission(user, RECALCULATE_HEALTH),
    canRequestOverride: user.canCreateOverrides
  };
}

/**
 * HealthScorecardController.getScorecard.
 * @param context Data, store, user and clock.
 * @param accountIdParam The accountId parameter, converted to an Id.
 * @throws ApexError with the service's messages.
 */
export function getScorecard(context: ScorecardContext, accountIdParam: string | null): Scorecard {
  requireHealthReadAccess(context.user);
  const state = requireAccount(context.data, requireAccountId(accountIdParam));
  // Records are keyed by the export's form of the Id, which a 15-character parameter may not match.
  const accountId = state.signals.accountId;
  const overrides = context.user.canCreateOverrides ? activeOverrides(context.store, accountId, context.today()) : [];
  return buildScorecard(
    state,
    state.health ? context.data.scorecardHistory(accountId) : [],
    overrides,
    currentPermissions(context.user)
  );
}

function validateReason(reason: string | null): string {
  if (reason === null || reason.trim() === '') {
    throw new ApexError(
      'Reason is missing. Explain why the calculated score misrepresents the account, so that your manager can ' +
        'approve the override.'
    );
  }
  const trimmed = reason.trim();
  if (trimmed.length > MAX_REASON_LENGTH) {
    throw new ApexError(
      `Reason is ${trimmed.length} characters long, more than the ${MAX_REASON_LENGTH} allowed. Shorten it.`
    );
  }
  return trimmed;
}

function validateExpiry(expiresOn: string | null, today: string): string {
  const firstDay = addDays(today, 1);
  const lastDay = addDays(today, MAX_OVERRIDE_DAYS);
  const range = ` Choose a date from ${firstDay} to ${lastDay}.`;
  if (expiresOn === null) {
    throw new ApexError(`Expiry date is missing.${range}`);
  }
  if (expiresOn <= today) {
    throw new ApexError(`Expiry date ${expiresOn} is not in the future.${range}`);
  }
  if (expiresOn > lastDay) {
    throw new ApexError(
      `Expiry date ${expiresOn} is more than ${MAX_OVERRIDE_DAYS} days ahead, so the override would not be reviewed ` +
        `in time.${range} Request a new override then if it is still needed.`
    );
  }
  return expiresOn;
}

function validateValue(value: number | null): number {
  if (value === null) {
    throw new ApexError('Value is missing. Enter the score to use, from 0 to 100.');
  }
  if (value < 0 || value > 100) {
    throw new ApexError(`Value ${value} is outside 0 to 100. Enter a score from 0 to 100.`);
  }
  return value;
}

function validateMeasure(state: AccountState, measure: string): void {
  const health = state.health;
  if (health === null) {
    throw new ApexError(
      `Measure ${measure} cannot be checked because the account has no health score yet. Leave the measure blank ` +
        'to override the overall score, or wait until the nightly job has scored the account.'
    );
  }
  const names = health.ledger.filter(isWeighted).map((entry) => entry.measure);
  if (names.length === 0) {
    throw new ApexError(
      `Measure ${measure} cannot be overridden because the latest health score has no scored measure. Leave the ` +
        'measure blank to override the overall score.'
    );
  }
  if (!names.includes(measure)) {
    throw new ApexError(
      `Measure ${measure} is not a scored measure of health model ${health.modelName} version ` +
        `${health.modelVersion}. Choose one of ${names.join(', ')}, or leave the measure blank to override the ` +
        'overall score.'
    );
  }
}

/**
 * HealthScorecardController.requestOverride: validates the request like HealthScorecardService and saves it in the
 * store as a Requested override for a manager to approve.
 * @returns Id of the new override.
 * @throws ApexError with the service's messages.
 */
export function requestOverride(context: ScorecardContext, request: OverrideRequest): string {
  const requestedId = requireAccountId(request.accountId);
  if (!context.user.canCreateOverrides) {
    throw new ApexError(`${ACCESS_DENIED_PREFIX}you cannot create score overrides. ${PERMISSION_SET_HINT}`);
  }
  const today = context.today();
  const reason = validateReason(request.reason);
  const expiresOn = validateExpiry(request.expiresOn, today);
  const value = validateValue(request.value);
  const state = requireAccount(context.data, requestedId);
  const accountId = state.signals.accountId;
  const measure = request.measure === null || request.measure.trim() === '' ? null : request.measure.trim();
  if (measure !== null) {
    validateMeasure(state, measure);
  }

  const requestedAt = context.now().toISOString();
  const id = syntheticId('ScoreOverride', `${accountId}:${requestedAt}:${randomUUID()}`);
  context.store.put('overrides', id, {
    id,
    accountId,
    measure,
    value,
    reason,
    expiresOn,
    status: 'Requested',
    requestedBy: context.user.name,
    requestedAt
  });
  return id;
}

/**
 * HealthScorecardController.recalculate: checks the Recalculate Health permission, scores the account again with
 * its approved overrides, marks approved overrides past their expiry as Expired as the scoring job does, and
 * returns the fresh scorecard.
 * @throws ApexError with the service's messages.
 */
export function recalculate(context: ScorecardContext, accountIdParam: string | null): Scorecard {
  const requestedId = requireAccountId(accountIdParam);
  if (!hasCustomPermission(context.user, RECALCULATE_HEALTH)) {
    throw new ApexError(
      'You need the Recalculate Health permission to recalculate health scores outside the nightly job. Ask your ' +
        'admin to assign it to you; the Success Cockpit Admin permission set includes it.'
    );
  }
  const state = requireAccount(context.data, requestedId);
  const accountId = state.signals.accountId;
  const today = context.today();
  for (const override of context.store.list('overrides')) {
    if (override.accountId === accountId && override.status === 'Approved' && override.expiresOn < today) {
      context.store.put('overrides', override.id, { ...override, status: 'Expired' });
    }
  }
  const fresh = context.data.rescore(accountId);
  if (fresh.health === null) {
    throw new ApexError(
      `Recalculating the health score of ${state.signals.accountName} failed: ${accountId}: ` +
        `${fresh.unscoredReason ?? 'no reason was given'}. The previous score stays in place. Fix the cause named ` +
        'here, or ask your admin to check the health model and the Cockpit Log records.'
    );
  }
  return getScorecard(context, accountId);
}

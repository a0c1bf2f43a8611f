/**
 * RiskRegisterController offline, with the checks and messages of RiskRegisterService.
 *
 * Risks come from two places. The risk rules run on every account when it is scored (at start and on
 * recalculation), and each finding is an open risk as RiskDetectionService would insert it. Risks that someone
 * created, escalated, checked in on or closed in the cockpit are kept in the change store, which takes precedence.
 * A detected risk that was closed stays closed until the account is scored again. After that, as in the org, a rule
 * that still fires opens a new risk.
 */
import { createHash } from 'node:crypto';
import { formatIsoDate, parseIsoDate } from 'c/healthEngine';
import { RISK_CATEGORIES, RISK_SEVERITIES } from 'c/riskEngine';
import type { EscalationRung, RiskFinding } from 'c/riskEngine';
import { FIRST_MITIGATION_ACTION, fridayOnOrAfter } from '../lib/risk';
import { ApexError } from './apexErrors';
import type { AccountState, CockpitData } from './data';
import { COCKPIT_KEY_PREFIXES, syntheticId } from './ids';
import { scoredAtOf } from './records';
import type { CockpitStore, StoredRisk } from './store';
import type { CockpitUser } from './users';

type Register = ApexTypes.RiskRegisterController_Register;
type RiskItem = ApexTypes.RiskRegisterController_RiskItem;
type Escalation = ApexTypes.RiskRegisterController_Escalation;
type EvidenceLink = ApexTypes.RiskRegisterController_EvidenceLink;

/** Statuses of a risk that is still being worked on. */
export const ACTIVE_STATUSES = ['Open', 'Mitigating'];
/** Statuses that end a risk. */
export const ENDED_STATUSES = ['Mitigated', 'Realized', 'Closed'];
/** Source of a risk a user created. */
export const MANUAL_SOURCE = 'Manual';
/** Check-in cadence of a manual risk, and of a risk whose rule sets none. */
export const DEFAULT_CHECK_IN_DAYS = 7;
/** Latest next check-in, in days after today. */
export const MAX_CHECK_IN_DAYS = 90;
/** Subject prefix of a check-in Task, which the escalation job counts as progress. */
export const CHECK_IN_PREFIX = 'Risk check-in: ';

const ACCESS_DENIED_PREFIX = 'Access denied: ';
const PERMISSION_SET_HINT = 'Ask your admin to assign you the Success Cockpit User permission set.';
const NAME_LENGTH = 80;
const TEXT_LENGTHS = { evidence: 32768, resolutionCriteria: 255, escalationReason: 255, taskDescription: 32000 };
const SEVERITY_ORDER: readonly string[] = RISK_SEVERITIES;
/** Labels of the objects whose Ids appear in evidence links, by key prefix. */
const OBJECT_LABELS: Record<string, string> = {
  '500': 'Case',
  [COCKPIT_KEY_PREFIXES.HealthSnapshot]: 'Health Snapshot'
};

/** Data, store, user and clock of the risk register methods. */
export interface RiskContext {
  data: CockpitData;
  store: CockpitStore;
  user: CockpitUser;
  /** Today's date YYYY-MM-DD. */
  today: () => string;
  now: () => Date;
}

function addDays(isoDate: string, days: number): string {
  return formatIsoDate(parseIsoDate(isoDate) + days);
}

/** Shortens text to a maximum length with a trailing ellipsis, as Apex String.abbreviate does. */
export function abbreviate(text: string, maxLength: number): string {
  return text.length <= maxLength ? text : `${text.slice(0, maxLength - 3)}...`;
}

function requireAccountId(accountId: string | null): string {
  if (accountId === null) {
    throw new ApexError('The account Id is missing. Open the risk register from an Account record page.');
  }
  if (!accountId.startsWith('001')) {
    throw new ApexError(
      `Record ${accountId} is not an account. Place the risk register on an Account record page only.`
    );
  }
  return accountId;
}

function requireRiskId(riskId: string | null): string {
  if (riskId === null) {
    throw new ApexError('The risk Id is missing. Reload the page and choose the risk again.');
  }
  if (!riskId.startsWith(COCKPIT_KEY_PREFIXES.Risk)) {
    throw new ApexError(`Record ${riskId} is not a risk. Reload the page and choose the risk again.`);
  }
  return riskId;
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

function requireWriteAccess(user: CockpitUser, action: string): void {
  if (!user.canEditRisks) {
    throw new ApexError(`${ACCESS_DENIED_PREFIX}you cannot ${action}. ${PERMISSION_SET_HINT}`);
  }
}

function requireText(label: string, value: string | null, maxLength: number, nextStep: string): string {
  if (value === null || value.trim() === '') {
    throw new ApexError(`${label} is missing. ${nextStep}`);
  }
  const trimmed = value.trim();
  if (trimmed.length > maxLength) {
    throw new ApexError(
      `${label} is ${trimmed.length} characters long, more than the ${maxLength} allowed. Shorten it.`
    );
  }
  return trimmed;
}

function requirePicklistValue(label: string, value: string | null, allowed: readonly string[]): string {
  const trimmed = value?.trim() ?? '';
  if (allowed.includes(trimmed)) {
    return trimmed;
  }
  const problem = trimmed === '' ? `${label} is missing.` : `${label} ${trimmed} is not a valid value.`;
  throw new ApexError(`${problem} Choose one of ${allowed.join(', ')}.`);
}

/**
 * Counts the ended risks of an account that a rule opened; scoring records the count as the detection run of the
 * rule's next risk.
 */
export function endedRiskCount(store: CockpitStore, accountId: string, rule: string): number {
  return store
    .list('risks')
    .filter((risk) => risk.accountId === accountId && risk.source === rule && risk.endedAt !== null).length;
}

function evidenceLinksOf(finding: RiskFinding, accountId: string): string {
  const snapshotIds = finding.snapshotDates.map((date) => syntheticId('HealthSnapshot', `${accountId}:${date}`));
  return [...snapshotIds, ...finding.caseIds].join('\n');
}

/** Builds the risk that RiskDetectionService would insert for a finding. */
function detectedRisk(context: RiskContext, state: AccountState, finding: RiskFinding): StoredRisk {
  const accountId = state.signals.accountId;
  const run = state.detectionRuns[finding.rule] ?? 0;
  const detectedAt = scoredAtOf(finding.detectedOn);
  const firstRung = context.data.rungs[0];
  return {
    id: syntheticId('Risk', `${accountId}|${finding.rule}|${run}`),
    accountId,
    name: abbreviate(context.data.ruleLabel(finding.rule), NAME_LENGTH),
    category: finding.category,
    severity: finding.severity,
    status: 'Open',
    source: finding.rule,
    ruleKey: `${accountId}|${finding.rule}`,
    evidence: finding.evidence,
    evidenceLinks: evidenceLinksOf(finding, accountId),
    leadingIndicator: finding.leadingIndicator ? abbreviate(finding.leadingIndicator, 255) : null,
    detectedAt,
    ownerId: state.info?.ownerId ?? null,
    ownerName: state.info?.ownerName ?? null,
    rung: firstRung?.rung ?? null,
    rungStartedAt: detectedAt,
    rungDeadline: firstRung ? addDays(finding.detectedOn, firstRung.deadlineDays) : null,
    checkInCadenceDays: finding.checkInCadenceDays,
    nextCheckIn: finding.checkInCadenceDays === null ? null : addDays(finding.detectedOn, finding.checkInCadenceDays),
    lastCheckInAt: null,
    resolutionCriteria: abbreviate(finding.resolutionCriteria, 255),
    isClosureProposed: false,
    arrAtRisk: state.info?.arr ?? null,
    openTasks: [
      {
        id: syntheticId('Task', `${accountId}|${finding.rule}|${run}|first-action`),
        subject: FIRST_MITIGATION_ACTION,
        ownerName: state.info?.ownerName ?? null,
        dueDate: fridayOnOrAfter(finding.detectedOn),
        status: 'Not Started'
      }
    ],
    endedAt: null
  };
}

/** Returns every risk of an account, active or ended: the stored ones, and the detected ones not stored yet. */
export function risksOf(context: RiskContext, state: AccountState): StoredRisk[] {
  const accountId = state.signals.accountId;
  const stored = context.store.list('risks').filter((risk) => risk.accountId === accountId);
  const storedIds = new Set(stored.map((risk) => risk.id));
  const activeKeys = new Set(stored.filter((risk) => risk.ruleKey !== null).map((risk) => risk.ruleKey));
  const detected = state.risks
    .map((finding) => detectedRisk(context, state, finding))
    .filter((risk) => !storedIds.has(risk.id) && !activeKeys.has(risk.ruleKey));
  return [...stored, ...detected];
}

/** Finds a risk of any account by Id. */
function findRisk(context: RiskContext, riskId: string): StoredRisk | undefined {
  const stored = context.store.get('risks', riskId);
  if (stored) {
    return stored;
  }
  for (const state of context.data.accountsByRisk()) {
    const risk = risksOf(context, state).find((candidate) => candidate.id === riskId);
    if (risk) {
      return risk;
    }
  }
  return undefined;
}

function requireActiveRisk(context: RiskContext, riskId: string): StoredRisk {
  const risk = findRisk(context, riskId);
  if (!risk) {
    throw new ApexError(
      `${ACCESS_DENIED_PREFIX}risk ${riskId} does not exist or is not shared with you. Reload the page; if the ` +
        'risk is still listed, ask its owner for access.'
    );
  }
  if (!ACTIVE_STATUSES.includes(risk.status)) {
    throw new ApexError(`Risk ${risk.name} is already ${risk.status}. Reload the page to see the current risks.`);
  }
  return risk;
}

function nextRung(rungs: EscalationRung[], current: string | null): EscalationRung | null {
  if (current === null) {
    return rungs[0] ?? null;
  }
  const index = rungs.findIndex((rung) => rung.rung === current);
  return index < 0 ? null : (rungs[index + 1] ?? null);
}

/** Builds the links of a risk's evidence: every Id in the text, with its object's label. */
export function toEvidenceLinks(text: string): EvidenceLink[] {
  const seen = new Set<string>();
  const links: EvidenceLink[] = [];
  for (const word of text.split(/[^a-zA-Z0-9]+/)) {
    const label = OBJECT_LABELS[word.slice(0, 3)];
    if ((word.length !== 15 && word.length !== 18) || label === undefined || seen.has(word)) {
      continue;
    }
    seen.add(word);
    links.push({ recordId: word, label: `${label} ${word}` });
  }
  return links;
}

function toItem(risk: StoredRisk, rungs: EscalationRung[], today: string): RiskItem {
  return {
    id: risk.id,
    name: risk.name,
    category: risk.category,
    severity: risk.severity,
    status: risk.status,
    source: risk.source,
    evidence: risk.evidence,
    evidenceLinks: toEvidenceLinks(risk.evidenceLinks),
    leadingIndicator: risk.leadingIndicator,
    detectedAt: risk.detectedAt,
    ownerId: risk.ownerId,
    ownerName: risk.ownerName,
    rung: risk.rung,
    nextRung: nextRung(rungs, risk.rung)?.rung ?? null,
    rungDeadline: risk.rungDeadline,
    isRungOverdue: risk.rungDeadline !== null && risk.rungDeadline < today,
    checkInCadenceDays: risk.checkInCadenceDays,
    nextCheckIn: risk.nextCheckIn,
    isCheckInOverdue: risk.nextCheckIn !== null && risk.nextCheckIn < today,
    lastCheckInAt: risk.lastCheckInAt,
    resolutionCriteria: risk.resolutionCriteria,
    isClosureProposed: risk.isClosureProposed,
    arrAtRisk: risk.arrAtRisk,
    mitigationTasks: risk.openTasks.map((task) => ({
      id: task.id,
      subject: task.subject,
      ownerName: task.ownerName,
      dueDate: task.dueDate,
      status: task.status,
      isOverdue: task.dueDate !== null && task.dueDate < today
    }))
  };
}

function compareItems(left: RiskItem, right: RiskItem): number {
  const rank = (severity: string | null): number => {
    const index = severity === null ? -1 : SEVERITY_ORDER.indexOf(severity);
    return index < 0 ? SEVERITY_ORDER.length : index;
  };
  const bySeverity = rank(left.severity) - rank(right.severity);
  if (bySeverity !== 0) {
    return bySeverity;
  }
  if (left.detectedAt === right.detectedAt) {
    return 0;
  }
  if (left.detectedAt === null || right.detectedAt === null) {
    return left.detectedAt === null ? 1 : -1;
  }
  return left.detectedAt < right.detectedAt ? -1 : 1;
}

/**
 * RiskRegisterController.getRegister: the account's active risks by severity, then detection time.
 * @throws ApexError with the service's messages.
 */
export function getRegister(context: RiskContext, accountIdParam: string | null): Register {
  const requestedId = requireAccountId(accountIdParam);
  if (!context.user.canReadHealth) {
    throw new ApexError(`${ACCESS_DENIED_PREFIX}you cannot read Risk records. ${PERMISSION_SET_HINT}`);
  }
  const state = requireAccount(context.data, requestedId);
  const today = context.today();
  const all = risksOf(context, state);
  const items = all
    .filter((risk) => ACTIVE_STATUSES.includes(risk.status))
    .map((risk) => toItem(risk, context.data.rungs, today))
    .sort(compareItems);
  const canEdit = context.user.canEditRisks;
  return {
    accountId: state.signals.accountId,
    accountName: state.signals.accountName,
    today,
    risks: items,
    endedCount: all.filter((risk) => ENDED_STATUSES.includes(risk.status)).length,
    permissions: { canCreate: canEdit, canEscalate: canEdit, canLogCheckIn: canEdit, canClose: canEdit }
  };
}

/** Parameters of createRisk after conversion to the Apex types. */
export interface NewRisk {
  accountId: string | null;
  category: string | null;
  severity: string | null;
  evidence: string | null;
  resolutionCriteria: string | null;
}

/**
 * RiskRegisterController.createRisk: a manual risk on the first rung, owned by the current user.
 * @returns Id of the new risk.
 * @throws ApexError with the service's messages.
 */
export function createRisk(context: RiskContext, request: NewRisk): string {
  const requestedId = requireAccountId(request.accountId);
  requireWriteAccess(context.user, 'create risks');
  const category = requirePicklistValue('Category', request.category, RISK_CATEGORIES);
  const severity = requirePicklistValue('Severity', request.severity, RISK_SEVERITIES);
  const evidence = requireText(
    'Evidence',
    request.evidence,
    TEXT_LENGTHS.evidence,
    'Describe what you observed, with numbers and dates, for example "Logins fell from 220 to 90 a week since 1 May".'
  );
  const resolutionCriteria = requireText(
    'Resolution criteria',
    request.resolutionCriteria,
    TEXT_LENGTHS.resolutionCriteria,
    'Say what must be true to call the risk mitigated, for example "Score at least 75 for 2 snapshots".'
  );
  const state = requireAccount(context.data, requestedId);
  const firstRung = context.data.rungs[0] ?? null;
  const today = context.today();
  const now = context.now().toISOString();
  const id = syntheticId(
    'Risk',
    `${state.signals.accountId}|manual|${now}|${createHash('sha256').update(evidence).digest('hex')}`
  );
  context.store.put('risks', id, {
    id,
    accountId: state.signals.accountId,
    name: abbreviate(`${category} risk: ${evidence.replace(/\s+/g, ' ')}`, NAME_LENGTH),
    category,
    severity,
    status: 'Open',
    source: MANUAL_SOURCE,
    ruleKey: null,
    evidence,
    evidenceLinks: '',
    leadingIndicator: null,
    detectedAt: now,
    ownerId: context.user.id,
    ownerName: context.user.name,
    rung: firstRung?.rung ?? null,
    rungStartedAt: now,
    rungDeadline: addDays(today, firstRung?.deadlineDays ?? 0),
    checkInCadenceDays: DEFAULT_CHECK_IN_DAYS,
    nextCheckIn: addDays(today, DEFAULT_CHECK_IN_DAYS),
    lastCheckInAt: null,
    resolutionCriteria,
    isClosureProposed: false,
    arrAtRisk: state.info?.arr ?? null,
    openTasks: [],
    endedAt: null
  });
  return id;
}

/**
 * RiskRegisterController.escalate: moves the risk to the next rung with a new deadline. The owner stays, because
 * the export has no manager hierarchy to find the next level's owner.
 * @throws ApexError with the service's messages.
 */
export function escalate(context: RiskContext, riskIdParam: string | null, reasonParam: string | null): Escalation {
  const riskId = requireRiskId(riskIdParam);
  requireWriteAccess(context.user, 'escalate risks');
  const reason = requireText(
    'Reason',
    reasonParam,
    TEXT_LENGTHS.escalationReason,
    'Say why the risk needs the next level and what you ask of them.'
  );
  const risk = requireActiveRisk(context, riskId);
  const next = nextRung(context.data.rungs, risk.rung);
  if (next === null) {
    throw new ApexError(
      `Risk ${risk.name} is on the ${risk.rung ?? 'last'} rung, which has no higher rung on the escalation ladder. ` +
        'Log a check-in with the agreed next step instead.'
    );
  }
  const now = context.now().toISOString();
  const rungDeadline = addDays(context.today(), next.deadlineDays);
  const escalationId = syntheticId('RiskEscalation', `${riskId}|${now}`);
  context.store.put('riskEscalations', escalationId, {
    id: escalationId,
    riskId,
    fromRung: risk.rung,
    toRung: next.rung,
    fromOwnerName: risk.ownerName,
    toOwnerName: risk.ownerName,
    escalatedAt: now,
    reason
  });
  context.store.put('risks', riskId, { ...risk, rung: next.rung, rungStartedAt: now, rungDeadline });
  return {
    riskId,
    fromRung: risk.rung,
    toRung: next.rung,
    ownerName: risk.ownerName,
    isOwnerChanged: false,
    rungDeadline
  };
}

function addActivity(context: RiskContext, risk: StoredRisk, subject: string, description: string): string {
  const id = syntheticId('Task', `${risk.id}|${context.now().toISOString()}|${subject}`);
  context.store.put('riskActivities', id, {
    id,
    riskId: risk.id,
    subject: abbreviate(subject, 255),
    description,
    status: 'Completed',
    activityDate: context.today(),
    ownerName: context.user.name
  });
  return id;
}

/**
 * RiskRegisterController.logCheckIn: a completed check-in Task on the risk and its next check-in date.
 * @returns Id of the Task.
 * @throws ApexError with the service's messages.
 */
export function logCheckIn(
  context: RiskContext,
  riskIdParam: string | null,
  notesParam: string | null,
  nextCheckInParam: string | null
): string {
  const riskId = requireRiskId(riskIdParam);
  requireWriteAccess(context.user, 'log check-ins on risks');
  const notes = requireText(
    'Notes',
    notesParam,
    TEXT_LENGTHS.taskDescription,
    'Write what you reviewed with the customer and what you agreed.'
  );
  const today = context.today();
  if (nextCheckInParam !== null) {
    const lastDay = addDays(today, MAX_CHECK_IN_DAYS);
    const range = ` Choose a date from ${addDays(today, 1)} to ${lastDay}.`;
    if (nextCheckInParam <= today) {
      throw new ApexError(`Next check-in ${nextCheckInParam} is not in the future.${range}`);
    }
    if (nextCheckInParam > lastDay) {
      throw new ApexError(
        `Next check-in ${nextCheckInParam} is more than ${MAX_CHECK_IN_DAYS} days ahead, too late to notice a ` +
          `worsening risk.${range}`
      );
    }
  }
  const risk = requireActiveRisk(context, riskId);
  const cadence =
    risk.checkInCadenceDays === null || risk.checkInCadenceDays < 1 ? DEFAULT_CHECK_IN_DAYS : risk.checkInCadenceDays;
  const taskId = addActivity(context, risk, `${CHECK_IN_PREFIX}${risk.name}`, notes);
  context.store.put('risks', riskId, {
    ...risk,
    lastCheckInAt: context.now().toISOString(),
    nextCheckIn: nextCheckInParam ?? addDays(today, cadence)
  });
  return taskId;
}

/**
 * RiskRegisterController.closeRisk: ends the risk as Mitigated, Realized or Closed with a note, and clears its
 * rule key so the rule can open a new risk on the next scoring.
 * @returns Id of the Task holding the note.
 * @throws ApexError with the service's messages.
 */
export function closeRisk(
  context: RiskContext,
  riskIdParam: string | null,
  statusParam: string | null,
  noteParam: string | null
): string {
  const riskId = requireRiskId(riskIdParam);
  requireWriteAccess(context.user, 'close risks');
  const status = statusParam?.trim() ?? '';
  if (!ENDED_STATUSES.includes(status)) {
    throw new ApexError(
      `${status === '' ? 'Status is missing.' : `Status ${status} does not end a risk.`} Choose Mitigated when the ` +
        'resolution criteria were met, Realized when the risk happened (churn or downsell), or Closed when it no ' +
        'longer applies.'
    );
  }
  const note = requireText(
    'Note',
    noteParam,
    TEXT_LENGTHS.taskDescription,
    'Say why the risk ends, so that the next reader of the account understands the decision.'
  );
  const risk = requireActiveRisk(context, riskId);
  const taskId = addActivity(context, risk, `Risk ${status.toLowerCase()}: ${risk.name}`, note);
  context.store.put('risks', riskId, {
    ...risk,
    status,
    ruleKey: null,
    isClosureProposed: false,
    endedAt: context.now().toISOString()
  });
  return taskId;
}

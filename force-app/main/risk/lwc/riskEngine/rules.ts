import { computeSignal, formatIsoDate, formatNumber, parseIsoDate, roundTo } from 'c/healthEngine';
import type { Band } from 'c/healthEngine';
import { plural } from 'c/healthReport';
import { describeResolution } from './resolution';
import { BAND_DROP_LOOKBACK_DAYS, validateRiskRule } from './validate';
import { RISK_SEVERITIES } from './types';
import type { RiskFinding, RiskInput, RiskRule } from './types';

/** Evidence and links of one rule that fired; the other fields of the finding come from the rule. */
interface Detection {
  evidence: string;
  caseIds: string[];
  snapshotDates: string[];
}

/** A history point with its parsed day, for window checks. */
interface DayPoint {
  day: number;
  asOf: string;
  score: number;
  band: Band;
}

/** Facts shared by every rule of one evaluation. */
interface RuleContext {
  input: RiskInput;
  asOfDay: number;
  /** Earlier points and the current one, oldest first. */
  history: DayPoint[];
  /** The current point; null when the current evaluation has no score. */
  current: DayPoint | null;
}

const BAND_RANK: Record<Band, number> = { Green: 3, Yellow: 2, Red: 1, Insufficient: 0 };
const BANDS: readonly Band[] = ['Green', 'Yellow', 'Red', 'Insufficient'];

/** Valid rules by object, so a rule list is checked once however many accounts it is evaluated for. */
const checkedRules = new WeakSet<RiskRule>();

function compareText(left: string, right: string): number {
  if (left === right) {
    return 0;
  }
  return left < right ? -1 : 1;
}

function checkRules(rules: RiskRule[]): void {
  const problems: string[] = [];
  for (const rule of rules) {
    if (!checkedRules.has(rule)) {
      const ruleProblems = validateRiskRule(rule);
      if (ruleProblems.length === 0) {
        checkedRules.add(rule);
      }
      problems.push(...ruleProblems);
    }
  }
  if (problems.length > 0) {
    throw new Error(`The risk rules are invalid, so no risk was detected; fix:\n${problems.join('\n')}`);
  }
}

function buildContext(input: RiskInput): RuleContext {
  const accountId = input.signals.accountId;
  const asOfDay = parseIsoDate(input.asOf, `asOf of account ${accountId}`);
  if (input.health.asOf !== input.asOf) {
    throw new Error(
      `Health of account ${accountId} is as of ${input.health.asOf} but the risk rules run as of ${input.asOf}; ` +
        'evaluate the health on the same date.'
    );
  }
  const history: DayPoint[] = [];
  input.history.forEach((point, index) => {
    const field = `history[${index}]`;
    const day = parseIsoDate(point.asOf, `${field}.asOf of account ${accountId}`);
    if (typeof point.score !== 'number' || !Number.isFinite(point.score)) {
      throw new Error(
        `${field}.score of account ${accountId} is ${JSON.stringify(point.score)}; store a number from 0 to 100.`
      );
    }
    if (!BANDS.includes(point.band)) {
      throw new Error(
        `${field}.band of account ${accountId} is ${JSON.stringify(point.band)}; use one of ${BANDS.join(', ')}.`
      );
    }
    // The current evaluation replaces a snapshot of the same day, so a job run twice on one day counts it once.
    if (day < asOfDay) {
      history.push({ day, asOf: point.asOf, score: point.score, band: point.band });
    }
  });
  history.sort((left, right) => left.day - right.day);
  const score = input.health.score;
  const current = score === null ? null : { day: asOfDay, asOf: input.asOf, score, band: input.health.band };
  if (current !== null) {
    history.push(current);
  }
  return { input, asOfDay, history, current };
}

function inWindow(point: DayPoint, context: RuleContext, windowDays: number): boolean {
  return point.day > context.asOfDay - windowDays && point.day <= context.asOfDay;
}

/**
 * BandDrop: the band at A is worse than the band of the latest point dated on or before A - 7 within the window.
 * Insufficient never counts: an Insufficient band at A fires nothing, and Insufficient earlier points are skipped.
 */
function detectBandDrop(rule: RiskRule, context: RuleContext): Detection | null {
  const current = context.current;
  if (current === null || current.band === 'Insufficient') {
    return null;
  }
  const windowDays = rule.windowDays as number;
  let reference: DayPoint | null = null;
  for (const point of context.history) {
    if (
      inWindow(point, context, windowDays) &&
      point.day <= context.asOfDay - BAND_DROP_LOOKBACK_DAYS &&
      point.band !== 'Insufficient'
    ) {
      reference = point;
    }
  }
  if (reference === null || BAND_RANK[current.band] >= BAND_RANK[reference.band]) {
    return null;
  }
  return {
    evidence:
      `Band fell from ${reference.band} (score ${formatNumber(reference.score)}) on ${reference.asOf} to ` +
      `${current.band} (score ${formatNumber(current.score)}) on ${current.asOf}.`,
    caseIds: [],
    snapshotDates: [reference.asOf, current.asOf]
  };
}

/**
 * ScoreDrop: the highest score in the window minus the score at A, rounded to 2 places, is at least the threshold.
 * Points with an Insufficient band carry too little data to count, at A or before.
 */
function detectScoreDrop(rule: RiskRule, context: RuleContext): Detection | null {
  const current = context.current;
  if (current === null || current.band === 'Insufficient') {
    return null;
  }
  const windowDays = rule.windowDays as number;
  let highest: DayPoint | null = null;
  for (const point of context.history) {
    // On a tie the earliest point stays, so the evidence names when the score was first that high.
    if (inWindow(point, context, windowDays) && point.band !== 'Insufficient' && point.score > (highest?.score ?? -1)) {
      highest = point;
    }
  }
  if (highest === null) {
    return null;
  }
  const drop = roundTo(highest.score - current.score, 2);
  if (drop < (rule.threshold as number)) {
    return null;
  }
  return {
    evidence:
      `Score fell ${formatNumber(drop)} points in ${plural(windowDays, 'day')}, from ${formatNumber(highest.score)} on ` +
      `${highest.asOf} to ${formatNumber(current.score)} on ${current.asOf}.`,
    caseIds: [],
    snapshotDates: [highest.asOf, current.asOf]
  };
}

/**
 * LoginDrop: logins in the W days to A are at least the threshold percent below the W days before them. The drop is
 * 100 × (prior - current) / prior rounded half away from zero to 2 places; a prior window without logins fires nothing.
 */
function detectLoginDrop(rule: RiskRule, context: RuleContext): Detection | null {
  const signals = context.input.signals;
  if (signals.usage === null) {
    return null;
  }
  const windowDays = rule.windowDays as number;
  const current = computeSignal('Logins', signals, windowDays, context.input.asOf);
  const prior = computeSignal('Logins', signals, windowDays, formatIsoDate(context.asOfDay - windowDays));
  if (current === null || prior === null || prior <= 0) {
    return null;
  }
  const dropPercent = roundTo((100 * (prior - current)) / prior, 2);
  if (dropPercent < (rule.threshold as number)) {
    return null;
  }
  return {
    evidence:
      `Logins fell ${formatNumber(dropPercent)}% to ${formatNumber(current)} in the ${windowDays} days to ` +
      `${context.input.asOf}, from ${formatNumber(prior)} in the ${windowDays} days before.`,
    caseIds: [],
    snapshotDates: []
  };
}

/** HighPrioritySpike: high-priority Cases created in the window number at least the threshold. */
function detectHighPrioritySpike(rule: RiskRule, context: RuleContext): Detection | null {
  const signals = context.input.signals;
  if (signals.cases === null) {
    return null;
  }
  const windowDays = rule.windowDays as number;
  const spike: { id: string; day: number }[] = [];
  signals.cases.forEach((fact, index) => {
    const day = parseIsoDate(fact.createdDate, `cases[${index}].createdDate of account ${signals.accountId}`);
    if (fact.isHighPriority === true && day > context.asOfDay - windowDays && day <= context.asOfDay) {
      spike.push({ id: fact.id, day });
    }
  });
  if (spike.length < (rule.threshold as number)) {
    return null;
  }
  spike.sort((left, right) => left.day - right.day || compareText(left.id, right.id));
  const caseIds = spike.map((fact) => fact.id);
  return {
    evidence:
      `${plural(caseIds.length, 'high-priority Case')} created in the ${windowDays} days to ${context.input.asOf}: ` +
      `${caseIds.join(', ')}.`,
    caseIds,
    snapshotDates: []
  };
}

/**
 * SponsorSilence: an account with an executive sponsor had no activity with them for at least the threshold in
 * days. Days are counted as in the DaysSinceSponsorActivity signal with the rule's window as the search limit, so no
 * activity in the window counts as W days.
 */
function detectSponsorSilence(rule: RiskRule, context: RuleContext): Detection | null {
  const signals = context.input.signals;
  if (signals.activities === null || !signals.hasExecutiveSponsor) {
    return null;
  }
  const windowDays = rule.windowDays as number;
  const days = computeSignal('DaysSinceSponsorActivity', signals, windowDays, context.input.asOf);
  if (days === null || days < (rule.threshold as number)) {
    return null;
  }
  const evidence =
    days >= windowDays
      ? `No activity with the executive sponsor in the ${windowDays} days to ${context.input.asOf}.`
      : `No activity with the executive sponsor for ${plural(days, 'day')}, since ` +
        `${formatIsoDate(context.asOfDay - days)}, as of ${context.input.asOf}.`;
  return { evidence, caseIds: [], snapshotDates: [] };
}

/** ChampionGone: the champion field points to a contact that left the account or no longer exists. */
function detectChampionGone(context: RuleContext): Detection | null {
  if (context.input.signals.championStatus !== 'Gone') {
    return null;
  }
  return {
    evidence:
      `On ${context.input.asOf} the champion named on the account is no longer one of its contacts: ` +
      'the contact moved to another account or was deleted.',
    caseIds: [],
    snapshotDates: []
  };
}

/** RenewalWhileRed: the band at A is Red and the renewal date is 0 to threshold days after A. */
function detectRenewalWhileRed(rule: RiskRule, context: RuleContext): Detection | null {
  const signals = context.input.signals;
  const current = context.current;
  if (signals.renewalDate === null || current === null || current.band !== 'Red') {
    return null;
  }
  const renewalDay = parseIsoDate(signals.renewalDate, `renewalDate of account ${signals.accountId}`);
  const days = renewalDay - context.asOfDay;
  if (days < 0 || days > (rule.threshold as number)) {
    return null;
  }
  return {
    evidence:
      `Renewal on ${signals.renewalDate} is ${plural(days, 'day')} away while the band is Red ` +
      `(score ${formatNumber(current.score)}) on ${current.asOf}.`,
    caseIds: [],
    snapshotDates: [current.asOf]
  };
}

function detect(rule: RiskRule, context: RuleContext): Detection | null {
  switch (rule.ruleType) {
    case 'BandDrop':
      return detectBandDrop(rule, context);
    case 'ScoreDrop':
      return detectScoreDrop(rule, context);
    case 'LoginDrop':
      return detectLoginDrop(rule, context);
    case 'HighPrioritySpike':
      return detectHighPrioritySpike(rule, context);
    case 'SponsorSilence':
      return detectSponsorSilence(rule, context);
    case 'ChampionGone':
      return detectChampionGone(context);
    default:
      return detectRenewalWhileRed(rule, context);
  }
}

/**
 * Evaluates the active risk rules for one account on the as-of date A. Windows contain the days d with
 * A - W < d <= A. The history is the account's earlier scores with bands plus the current evaluation as its last
 * point. Missing data never fires a rule: no usage, Cases or activities, no renewal date, no current score, or an
 * unknown champion status leave the rules that need them silent.
 *
 * - BandDrop: the band at A is worse (Green > Yellow > Red) than the band of the latest point dated on or before
 *   A - 7 within the window. Insufficient points are skipped, and an Insufficient band at A fires nothing.
 * - ScoreDrop: the highest score in the window minus the score at A is at least the threshold (points).
 * - LoginDrop: logins in the last W days are at least the threshold percent below the W days before, which had logins.
 * - HighPrioritySpike: at least the threshold of high-priority Cases created in the window.
 * - SponsorSilence: the account has an executive sponsor and no activity with them for at least the threshold days.
 * - ChampionGone: `championStatus` is `Gone`.
 * - RenewalWhileRed: the band at A is Red and the renewal is 0 to threshold days away.
 *
 * @param rules Risk rules; inactive ones are skipped, and active ones must pass `validateRiskRule`.
 * @param input Signals, current health, earlier scores with bands and the as-of date of one account.
 * @returns One finding per rule that fired, by severity (Critical first), then by rule name.
 * @throws Error listing every problem of the active rules, or naming a malformed date, score or band of the input.
 */
export function evaluateRiskRules(rules: RiskRule[], input: RiskInput): RiskFinding[] {
  const active = rules.filter((rule) => rule.isActive);
  checkRules(active);
  const context = buildContext(input);
  const findings: RiskFinding[] = [];
  for (const rule of active) {
    const detection = detect(rule, context);
    if (detection === null) {
      continue;
    }
    findings.push({
      rule: rule.name,
      ruleType: rule.ruleType,
      category: rule.category,
      severity: rule.severity,
      leadingIndicator: rule.leadingIndicator,
      evidence: detection.evidence,
      caseIds: detection.caseIds,
      snapshotDates: detection.snapshotDates,
      resolutionCriteria: describeResolution(rule),
      checkInCadenceDays: rule.checkInCadenceDays,
      detectedOn: input.asOf
    });
  }
  return findings.sort(compareFindings);
}

/**
 * Orders findings by severity, Critical first, then by rule name.
 * @returns A negative number, zero or a positive number, for `Array.prototype.sort`.
 */
export function compareFindings(left: RiskFinding, right: RiskFinding): number {
  return (
    RISK_SEVERITIES.indexOf(left.severity) - RISK_SEVERITIES.indexOf(right.severity) ||
    compareText(left.rule, right.rule)
  );
}

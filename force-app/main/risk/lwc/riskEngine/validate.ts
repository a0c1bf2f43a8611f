import { ESCALATION_RUNG_NAMES, RISK_CATEGORIES, RISK_RULE_TYPES, RISK_SEVERITIES } from './types';
import type { EscalationRung, RiskRule, RiskRuleType } from './types';

/** Meaning of the threshold of each rule type, or null when the type uses none. */
const THRESHOLD_MEANING: Record<RiskRuleType, string | null> = {
  BandDrop: null,
  ScoreDrop: 'the points the score must fall by, for example 10',
  LoginDrop: 'the percent by which logins must fall, for example 40',
  HighPrioritySpike: 'the number of high-priority Cases created in the window, for example 2',
  SponsorSilence: 'the days without activity with the executive sponsor, for example 90',
  ChampionGone: null,
  RenewalWhileRed: 'the days before the renewal date from which a red account is a risk, for example 90'
};

/** Rule types that look back over WindowDays__c. */
const USES_WINDOW: Record<RiskRuleType, boolean> = {
  BandDrop: true,
  ScoreDrop: true,
  LoginDrop: true,
  HighPrioritySpike: true,
  SponsorSilence: true,
  ChampionGone: false,
  RenewalWhileRed: false
};

/** Largest value of WindowDays__c, a Number(4, 0) field. */
const MAX_WINDOW_DAYS = 9999;

/**
 * Days between the reference snapshot of BandDrop and the as-of date; the window must reach further back than this.
 */
export const BAND_DROP_LOOKBACK_DAYS = 7;

function isWholeNumber(value: number): boolean {
  return Number.isInteger(value);
}

function oneOf(value: unknown, allowed: readonly string[]): boolean {
  return typeof value === 'string' && allowed.includes(value);
}

function checkThreshold(rule: RiskRule, problem: (message: string) => void): void {
  const meaning = THRESHOLD_MEANING[rule.ruleType];
  const threshold = rule.threshold;
  if (meaning === null) {
    if (threshold !== null) {
      problem(`Threshold__c is ${threshold}, but a ${rule.ruleType} rule uses no threshold; clear it`);
    }
    return;
  }
  if (threshold === null || !Number.isFinite(threshold)) {
    problem(`Threshold__c is blank; set ${meaning}`);
    return;
  }
  switch (rule.ruleType) {
    case 'ScoreDrop':
    case 'LoginDrop':
      if (threshold <= 0 || threshold > 100) {
        problem(`Threshold__c is ${threshold}; set ${meaning}, above 0 and at most 100`);
      }
      break;
    case 'HighPrioritySpike':
    case 'SponsorSilence':
      if (threshold < 1 || !isWholeNumber(threshold)) {
        problem(`Threshold__c is ${threshold}; set ${meaning}, a whole number of at least 1`);
      }
      break;
    default:
      if (threshold < 0 || !isWholeNumber(threshold)) {
        problem(`Threshold__c is ${threshold}; set ${meaning}, a whole number of at least 0`);
      }
  }
}

function checkWindow(rule: RiskRule, problem: (message: string) => void): void {
  const window = rule.windowDays;
  if (!USES_WINDOW[rule.ruleType]) {
    if (window !== null) {
      problem(`WindowDays__c is ${window}, but a ${rule.ruleType} rule uses no window; clear it`);
    }
    return;
  }
  if (window === null || !Number.isFinite(window)) {
    problem('WindowDays__c is blank; set the days the rule looks back over, for example 28');
    return;
  }
  const minimum = rule.ruleType === 'BandDrop' ? BAND_DROP_LOOKBACK_DAYS + 1 : 1;
  if (!isWholeNumber(window) || window < minimum || window > MAX_WINDOW_DAYS) {
    const reason =
      rule.ruleType === 'BandDrop'
        ? `, because the band is compared with a snapshot at least ${BAND_DROP_LOOKBACK_DAYS} days old`
        : '';
    problem(`WindowDays__c is ${window}; set a whole number of days from ${minimum} to ${MAX_WINDOW_DAYS}${reason}`);
    return;
  }
  if (rule.ruleType === 'SponsorSilence' && rule.threshold !== null && rule.threshold > window) {
    problem(
      `Threshold__c is ${rule.threshold} days but WindowDays__c is ${window}, so the rule can never fire; ` +
        'set the window to at least the threshold'
    );
  }
}

function checkResolution(rule: RiskRule, problem: (message: string) => void): void {
  const minScore = rule.resolutionMinScore;
  const snapshots = rule.resolutionSnapshots;
  if (minScore !== null && (!Number.isFinite(minScore) || minScore < 0 || minScore > 100)) {
    problem(`ResolutionMinScore__c is ${minScore}; set a score from 0 to 100, for example 75`);
  }
  if (snapshots !== null) {
    if (minScore === null) {
      problem(`ResolutionSnapshots__c is ${snapshots} but ResolutionMinScore__c is blank; set both, or clear both`);
    } else if (!isWholeNumber(snapshots) || snapshots < 1 || snapshots > 99) {
      problem(`ResolutionSnapshots__c is ${snapshots}; set a whole number of snapshots from 1 to 99, for example 2`);
    }
  }
  if (minScore === null && !rule.resolutionNoOpenHighPriority) {
    problem(
      'has no resolution criterion, so no risk it opens could be shown as resolved; set ResolutionMinScore__c, ' +
        'check ResolutionNoOpenHighPriority__c, or both'
    );
  }
}

/**
 * Checks one risk rule and returns every problem found, each a sentence that starts with the rule's name, names the
 * field and states what to change. Inactive rules are checked too, so they can be switched on safely.
 * @param rule Rule as read from a RiskRule__mdt record.
 * @returns Problems; empty when the rule is valid.
 */
export function validateRiskRule(rule: RiskRule): string[] {
  const name = typeof rule.name === 'string' && rule.name.trim() !== '' ? rule.name : '(unnamed rule)';
  const problems: string[] = [];
  const problem = (message: string): void => {
    problems.push(`Risk rule ${name}: ${message}.`);
  };
  if (name === '(unnamed rule)') {
    problem('has no DeveloperName; give the record a name such as ScoreDrop');
  }
  if (!oneOf(rule.category, RISK_CATEGORIES)) {
    problem(`Category__c ${JSON.stringify(rule.category)} is not allowed; use one of ${RISK_CATEGORIES.join(', ')}`);
  }
  if (!oneOf(rule.severity, RISK_SEVERITIES)) {
    problem(`Severity__c ${JSON.stringify(rule.severity)} is not allowed; use one of ${RISK_SEVERITIES.join(', ')}`);
  }
  if (typeof rule.leadingIndicator !== 'string' || rule.leadingIndicator.trim() === '') {
    problem('LeadingIndicator__c is blank; name the signal that predicts this risk, for the CSM to watch');
  }
  const cadence = rule.checkInCadenceDays;
  if (cadence === null || !Number.isFinite(cadence) || !isWholeNumber(cadence) || cadence < 1 || cadence > 999) {
    problem(`CheckInCadenceDays__c is ${cadence}; set the days between check-ins, a whole number from 1 to 999`);
  }
  checkResolution(rule, problem);
  if (!oneOf(rule.ruleType, RISK_RULE_TYPES)) {
    problem(`RuleType__c ${JSON.stringify(rule.ruleType)} is not allowed; use one of ${RISK_RULE_TYPES.join(', ')}`);
    return problems;
  }
  checkThreshold(rule, problem);
  checkWindow(rule, problem);
  return problems;
}

/**
 * Checks the escalation ladder: one rung of each name, distinct sort orders and a positive whole deadline.
 * @param rungs Rungs as read from EscalationRung__mdt records.
 * @returns Problems; empty when the ladder is valid.
 */
export function validateEscalationRungs(rungs: EscalationRung[]): string[] {
  const problems: string[] = [];
  const seenRungs = new Set<string>();
  const seenOrders = new Set<number>();
  for (const rung of rungs) {
    const label = `Escalation rung ${String(rung.rung)}`;
    if (!oneOf(rung.rung, ESCALATION_RUNG_NAMES)) {
      problems.push(`${label}: Rung__c is not allowed; use one of ${ESCALATION_RUNG_NAMES.join(', ')}.`);
    } else if (seenRungs.has(rung.rung)) {
      problems.push(`${label}: appears twice; keep one record per rung.`);
    }
    seenRungs.add(rung.rung);
    if (!Number.isFinite(rung.sortOrder) || seenOrders.has(rung.sortOrder)) {
      problems.push(
        `${label}: SortOrder__c ${rung.sortOrder} is blank or shared with another rung; give each a distinct order.`
      );
    }
    seenOrders.add(rung.sortOrder);
    if (!Number.isFinite(rung.deadlineDays) || !isWholeNumber(rung.deadlineDays) || rung.deadlineDays < 1) {
      problems.push(`${label}: DeadlineDays__c is ${rung.deadlineDays}; set a whole number of days of at least 1.`);
    }
  }
  if (rungs.length === 0) {
    problems.push('No escalation rung is defined; add EscalationRung__mdt records for CSM, Manager, VP and Executive.');
  }
  return problems;
}

/**
 * Types of the risk detection rules, their findings and the risk mitigation plan. The Apex port mirrors these shapes
 * field for field, and the shared test vectors use them as JSON.
 */
import type { AccountHealth, AccountSignals, Band, ScorePoint } from 'c/healthEngine';

/** Rule types; the RuleType__c picklist of RiskRule__mdt offers the same list. */
export const RISK_RULE_TYPES = [
  'BandDrop',
  'ScoreDrop',
  'LoginDrop',
  'HighPrioritySpike',
  'SponsorSilence',
  'ChampionGone',
  'RenewalWhileRed'
] as const;

/** Condition a rule watches; each type gives the threshold and window its own meaning (see `evaluateRiskRules`). */
export type RiskRuleType = (typeof RISK_RULE_TYPES)[number];

/** Risk categories; the Category__c picklists of RiskRule__mdt and Risk__c offer the same list. */
export const RISK_CATEGORIES = [
  'Adoption',
  'Engagement',
  'Support',
  'Sentiment',
  'Commercial',
  'Technical',
  'ChampionLoss'
] as const;

/** Area of the customer relationship a risk belongs to. */
export type RiskCategory = (typeof RISK_CATEGORIES)[number];

/** Severities from the most to the least urgent; findings and plans are ordered this way. */
export const RISK_SEVERITIES = ['Critical', 'High', 'Medium', 'Low'] as const;

/** Urgency of a risk. */
export type RiskSeverity = (typeof RISK_SEVERITIES)[number];

/** Rungs of the escalation ladder, from the first to the last. */
export const ESCALATION_RUNG_NAMES = ['CSM', 'Manager', 'VP', 'Executive'] as const;

/** Level of the escalation ladder that currently owns a risk. */
export type EscalationRungName = (typeof ESCALATION_RUNG_NAMES)[number];

/** One detection rule, read from a RiskRule__mdt record. */
export interface RiskRule {
  /** DeveloperName of the record; a finding names its rule by it. */
  name: string;
  label: string;
  ruleType: RiskRuleType;
  isActive: boolean;
  category: RiskCategory;
  severity: RiskSeverity;
  /**
   * Points for ScoreDrop, percent for LoginDrop, a count of Cases for HighPrioritySpike, days for SponsorSilence and
   * RenewalWhileRed; null for BandDrop and ChampionGone, which use none.
   */
  threshold: number | null;
  /** Days the rule looks back over (A - W < d <= A); null for ChampionGone and RenewalWhileRed, which use none. */
  windowDays: number | null;
  /** The signal that predicted the risk, shown to the CSM. */
  leadingIndicator: string;
  /** Lowest score that counts towards resolution; null when the score is not a criterion. */
  resolutionMinScore: number | null;
  /** Consecutive latest snapshots that must reach `resolutionMinScore`; null counts as 1. */
  resolutionSnapshots: number | null;
  /** True when resolution also needs no open high-priority Case. */
  resolutionNoOpenHighPriority: boolean;
  /** Days between check-ins with the customer while the risk is open. */
  checkInCadenceDays: number | null;
  description?: string;
}

/** One rung of the escalation ladder, read from an EscalationRung__mdt record. */
export interface EscalationRung {
  rung: EscalationRungName;
  sortOrder: number;
  /** Days a risk may stay on this rung without progress before it moves to the next one. */
  deadlineDays: number;
  description?: string;
}

/** A score point with its band, as stored on a snapshot or computed with `bandFor` for recomputed history. */
export interface BandedScorePoint extends ScorePoint {
  band: Band;
}

/** Everything the rules read for one account on one as-of date. */
export interface RiskInput {
  signals: AccountSignals;
  /** The account's health on `asOf`; its score and band are the current point of the history. */
  health: AccountHealth;
  /**
   * Earlier scores with bands, in any order. Points dated `asOf` or later are left out, because the current
   * evaluation replaces that day's snapshot.
   */
  history: BandedScorePoint[];
  /** As-of date A, ISO `YYYY-MM-DD`; must equal `health.asOf`. */
  asOf: string;
}

/** A risk that one rule detected on one account. */
export interface RiskFinding {
  /** DeveloperName of the rule. */
  rule: string;
  ruleType: RiskRuleType;
  category: RiskCategory;
  severity: RiskSeverity;
  leadingIndicator: string;
  /** One plain sentence with the numbers and dates that made the rule fire. */
  evidence: string;
  /** Ids of the Cases behind the finding, oldest first; empty for rules that read no Cases. */
  caseIds: string[];
  /** ISO dates of the snapshots behind the finding, oldest first. */
  snapshotDates: string[];
  /** Plain sentence built from the rule's resolution fields (see `describeResolution`). */
  resolutionCriteria: string;
  checkInCadenceDays: number | null;
  /** As-of date the rule fired on. */
  detectedOn: string;
}

/** Measurable conditions under which an open risk counts as mitigated. */
export interface ResolutionCriteria {
  minScore: number | null;
  /** Consecutive latest snapshots at or above `minScore`; null counts as 1. */
  snapshots: number | null;
  noOpenHighPriority: boolean;
}

/** One mitigation action of a risk: a standard Task whose WhatId is the risk. */
export interface MitigationAction {
  subject: string;
  /** Name of the user the Task is assigned to; null when unassigned. */
  owner: string | null;
  /** ISO due date; null when none is set. */
  dueDate: string | null;
  /** Task status, for example `Not Started`; null when unknown. */
  status?: string | null;
}

/** One risk as the mitigation plan shows it. */
export interface RiskPlanEntry {
  /** Readable name of the risk, which titles its section: the rule's label, or the Name of a manual risk. */
  title: string;
  finding: RiskFinding;
  /** Name of the risk owner; null when unassigned. */
  owner: string | null;
  rung: EscalationRungName;
  /** ISO date by which the risk must progress on its rung. */
  rungDeadline: string | null;
  /** ISO date of the next check-in with the customer. */
  nextCheckIn: string | null;
  actions: MitigationAction[];
  /** Annual recurring revenue at risk; null when unknown. */
  arrAtRisk: number | null;
}

/** Input of the risk mitigation plan of one account. */
export interface RiskPlanInput {
  /** Account name, shown in the title. */
  customer: string;
  /** ISO date of the data the plan describes: the latest scoring date, not the day the plan is exported. */
  asOf: string;
  /** Risks in the order of the register (severity, then detection date); the plan keeps that order. */
  risks: RiskPlanEntry[];
}

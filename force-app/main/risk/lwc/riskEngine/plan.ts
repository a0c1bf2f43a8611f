import { escapeMarkdown } from 'c/healthReport';
import { RISK_SEVERITIES } from './types';
import type { MitigationAction, RiskPlanEntry, RiskPlanInput, RiskSeverity } from './types';

function formatMoney(value: number): string {
  return `$${Math.round(value)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
}

function severityRank(severity: RiskSeverity): number {
  return RISK_SEVERITIES.indexOf(severity);
}

function compareText(left: string, right: string): number {
  if (left === right) {
    return 0;
  }
  return left < right ? -1 : 1;
}

function compareEntries(left: RiskPlanEntry, right: RiskPlanEntry): number {
  return (
    severityRank(left.finding.severity) - severityRank(right.finding.severity) ||
    compareText(left.finding.rule, right.finding.rule)
  );
}

function orNotSet(value: string | null | undefined): string {
  return value === null || value === undefined || value === '' ? 'not set' : escapeMarkdown(value);
}

function summarySection(input: RiskPlanInput, entries: RiskPlanEntry[]): string[] {
  const lines = [`# ${escapeMarkdown(input.customer)}: risk mitigation plan`, ''];
  if (entries.length === 0) {
    lines.push(`No open risk as of ${input.asOf}.`, '');
    return lines;
  }
  const counts = RISK_SEVERITIES.map((severity) => ({
    severity,
    count: entries.filter((entry) => entry.finding.severity === severity).length
  }))
    .filter((item) => item.count > 0)
    .map((item) => `${item.count} ${item.severity}`);
  const arrValues = entries.map((entry) => entry.arrAtRisk).filter((value): value is number => value !== null);
  // Risks of one account put the same ARR at risk, so the plan shows the largest amount instead of a sum.
  const arr = arrValues.length === 0 ? 'unknown' : formatMoney(Math.max(...arrValues));
  lines.push(
    `As of ${input.asOf}: ${entries.length} open ${entries.length === 1 ? 'risk' : 'risks'} (${counts.join(', ')}); ` +
      `ARR at risk ${arr}.`,
    '',
    '| # | Risk | Category | Severity | Owner | Rung | Rung deadline | Next check-in |',
    '| ---: | --- | --- | --- | --- | --- | --- | --- |'
  );
  entries.forEach((entry, index) => {
    const finding = entry.finding;
    lines.push(
      `| ${index + 1} | ${escapeMarkdown(finding.rule)} | ${finding.category} | ${finding.severity} | ` +
        `${orNotSet(entry.owner)} | ${entry.rung} | ${orNotSet(entry.rungDeadline)} | ${orNotSet(entry.nextCheckIn)} |`
    );
  });
  lines.push('');
  return lines;
}

function actionLines(actions: MitigationAction[]): string[] {
  if (actions.length === 0) {
    return ['No mitigation action yet: agree one with the customer, with an owner and a due date.', ''];
  }
  const lines = ['| Mitigation action | Owner | Due | Status |', '| --- | --- | --- | --- |'];
  for (const action of actions) {
    lines.push(
      `| ${escapeMarkdown(action.subject)} | ${orNotSet(action.owner)} | ${orNotSet(action.dueDate)} | ` +
        `${orNotSet(action.status)} |`
    );
  }
  lines.push('');
  return lines;
}

function riskSection(entry: RiskPlanEntry, index: number): string[] {
  const finding = entry.finding;
  const cadence =
    finding.checkInCadenceDays === null
      ? 'not set'
      : `every ${finding.checkInCadenceDays} ${finding.checkInCadenceDays === 1 ? 'day' : 'days'}`;
  const lines = [
    `## ${index + 1}. ${escapeMarkdown(finding.rule)}: ${finding.severity}, ${finding.category}`,
    '',
    `- Evidence: ${escapeMarkdown(finding.evidence)}`,
    `- Leading indicator: ${escapeMarkdown(finding.leadingIndicator)}`,
    `- Detected on: ${finding.detectedOn}`,
    `- Owner: ${orNotSet(entry.owner)}`,
    `- Escalation: ${entry.rung} rung, deadline ${orNotSet(entry.rungDeadline)}`,
    `- Check-in: ${cadence}, next on ${orNotSet(entry.nextCheckIn)}`,
    `- Resolution criteria: ${escapeMarkdown(finding.resolutionCriteria)}`,
    `- ARR at risk: ${entry.arrAtRisk === null ? 'unknown' : formatMoney(entry.arrAtRisk)}`
  ];
  if (finding.caseIds.length > 0) {
    lines.push(`- Cases: ${finding.caseIds.map(escapeMarkdown).join(', ')}`);
  }
  if (finding.snapshotDates.length > 0) {
    lines.push(`- Snapshots: ${finding.snapshotDates.join(', ')}`);
  }
  lines.push('', ...actionLines(entry.actions));
  return lines;
}

/**
 * Renders the risk mitigation plan of one account as Markdown, for `<customer>-risk-plan.md`: a summary table, then
 * one section per risk ordered by severity (Critical first) and rule name. Each section lists the category, severity,
 * evidence, leading indicator, owner, escalation rung and its deadline, check-in cadence and next check-in, resolution
 * criteria, ARR at risk and the mitigation actions with owner and due date. Every text from records is escaped.
 * @param input Account name, as-of date and the open risks.
 * @returns Markdown ending with one newline.
 */
export function renderRiskPlan(input: RiskPlanInput): string {
  const entries = [...input.risks].sort(compareEntries);
  const lines = [...summarySection(input, entries), ...entries.flatMap(riskSection)];
  return lines.join('\n').trimEnd() + '\n';
}

import { escapeMarkdown, formatMoney } from 'c/healthReport';
import { RISK_SEVERITIES } from './types';
import type { MitigationAction, RiskPlanEntry, RiskPlanInput, RiskSeverity } from './types';

/** Labels of the categories whose stored value has no spaces, as the risk register shows them. */
const CATEGORY_LABELS: Record<string, string> = { ChampionLoss: 'Champion loss' };

function categoryLabel(category: string): string {
  return CATEGORY_LABELS[category] ?? category;
}

function severityRank(severity: RiskSeverity): number {
  return RISK_SEVERITIES.indexOf(severity);
}

/**
 * Orders risks as the register lists them: by severity (Critical first), then by detection date. The sort is stable,
 * so risks detected on the same day keep the order of the input, which is the order they were detected in.
 */
function compareEntries(left: RiskPlanEntry, right: RiskPlanEntry): number {
  const bySeverity = severityRank(left.finding.severity) - severityRank(right.finding.severity);
  if (bySeverity !== 0) {
    return bySeverity;
  }
  if (left.finding.detectedOn === right.finding.detectedOn) {
    return 0;
  }
  return left.finding.detectedOn < right.finding.detectedOn ? -1 : 1;
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
      `| ${index + 1} | ${escapeMarkdown(entry.title)} | ${categoryLabel(finding.category)} | ${finding.severity} | ` +
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
    `## ${index + 1}. ${escapeMarkdown(entry.title)}: ${finding.severity}, ${categoryLabel(finding.category)}`,
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
  lines.push('', ...actionLines(entry.actions));
  return lines;
}

/**
 * Renders the risk mitigation plan of one account as Markdown, for `<customer>-risk-plan.md`. The risk register's
 * export and the score CLI both call it, so the two files are the same for the same data. The plan has a summary
 * table, then one section per risk, titled with its readable name and ordered as the register lists risks: by
 * severity (Critical first), then detection date. Each section lists the category, severity, evidence, leading
 * indicator, owner, escalation rung and its deadline, check-in cadence and next check-in, resolution criteria, ARR at
 * risk, the Cases behind the risk and the mitigation actions with owner and due date. Every text from records is
 * escaped.
 * @param input Account name, the as-of date of the data and the open risks.
 * @returns Markdown ending with one newline.
 */
export function renderRiskPlan(input: RiskPlanInput): string {
  const entries = [...input.risks].sort(compareEntries);
  const lines = [...summarySection(input, entries), ...entries.flatMap(riskSection)];
  return lines.join('\n').trimEnd() + '\n';
}

/**
 * Renders the health-check deliverable of one account as Markdown. Pure functions without a template, shared by the
 * components (export) and the command-line tools (`npm run score`).
 */
import type {
  AccountHealth,
  AccountSignals,
  Band,
  DimensionCategory,
  DimensionDefinition,
  DimensionResult,
  HealthModel,
  LedgerEntry,
  MissingDataPolicy
} from 'c/healthEngine';
import type { RiskFinding } from 'c/riskEngine';

/** Source of the trend's earlier scores. */
export type HistorySource = 'snapshots' | 'recomputed' | 'none';

/** Everything the health-check report shows besides the evaluation itself. */
export interface HealthCheckInput {
  health: AccountHealth;
  signals: AccountSignals;
  model: HealthModel;
  /** Annual recurring revenue, when known. */
  arr: number | null;
  /** Name of the account's CSM or owner, when known. */
  ownerName: string | null;
  historySource: HistorySource;
  /** Findings of the risk rules on the as-of date; the report leaves out its Risks section when absent. */
  risks?: RiskFinding[];
}

const DAY_MS = 86_400_000;

const MISSING_POLICY_TEXT: Record<MissingDataPolicy, string> = {
  Neutral: "scored with the model's neutral score.",
  Redistribute: 'its weight went to the measures of the same dimension that had data.',
  Zero: 'scored 0, as the model sets for this measure.',
  Exclude: 'left out of the score; the other weights were scaled up.'
};
const SUPPORT_MONTHS = 6;

/**
 * Turns an account name into the `<customer>` part of a deliverable's file name: lower case ASCII letters and digits
 * separated by single hyphens, at most 60 characters; `account` when nothing remains.
 */
export function customerSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug || 'account';
}

/** Escapes text for a Markdown table cell or a line: pipes, backslashes, emphasis marks and line breaks. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/([|*_`[\]<>#])/g, '\\$1')
    .replace(/\r?\n|\r/g, ' ');
}

function formatNumber(value: number | null | undefined, places = 1): string {
  if (value === null || value === undefined || Number.isNaN(value)) {
    return 'n/a';
  }
  const text = value.toFixed(places);
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/** Writes a count with the singular or plural form of its noun: `1 user`, `3 users`. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

function formatPercent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/**
 * Formats a weight (a share of 1) as a percent, with one decimal when it is not whole: 0.045 gives `4.5%`, 0.05 gives
 * `5%`. Points are score times weight, so a reader can check them against the weight as shown.
 * @param share Weight as a share of 1.
 * @returns The percent text.
 */
export function formatWeight(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

function formatSigned(value: number | null, places = 1): string {
  if (value === null) {
    return 'n/a';
  }
  const text = formatNumber(value, places);
  return value > 0 ? `+${text}` : text;
}

/** Writes an amount as whole dollars with thousands separators (`$78,000`), or `n/a` when it is unknown. */
export function formatMoney(value: number | null): string {
  if (value === null) {
    return 'n/a';
  }
  return `$${Math.round(value)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
}

function bandOf(model: HealthModel, score: number | null): Exclude<Band, 'Insufficient'> | null {
  if (score === null) {
    return null;
  }
  if (score >= model.greenMin) {
    return 'Green';
  }
  return score >= model.yellowMin ? 'Yellow' : 'Red';
}

function categoryOf(definition: DimensionDefinition | undefined, name: string): DimensionCategory {
  if (definition?.category) {
    return definition.category;
  }
  return /adoption|usage|support|technical|license/i.test(name) ? 'Technical' : 'Business';
}

function weightedScore(dimensions: DimensionResult[]): number | null {
  const scored = dimensions.filter((dimension) => dimension.score !== null && dimension.weight > 0);
  const weight = scored.reduce((sum, dimension) => sum + dimension.weight, 0);
  if (weight === 0) {
    return null;
  }
  return scored.reduce((sum, dimension) => sum + (dimension.score as number) * dimension.weight, 0) / weight;
}

function ledgerFor(health: AccountHealth, signal: LedgerEntry['signal']): LedgerEntry | undefined {
  return health.ledger.find((entry) => entry.signal === signal);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

function monthKey(date: string): string {
  return date.slice(0, 7);
}

function previousMonths(asOf: string, count: number): string[] {
  const year = Number(asOf.slice(0, 4));
  const month = Number(asOf.slice(5, 7)) - 1;
  const months: string[] = [];
  for (let offset = count - 1; offset >= 0; offset--) {
    const date = new Date(Date.UTC(year, month - offset, 1));
    months.push(date.toISOString().slice(0, 7));
  }
  return months;
}

function headerSection(input: HealthCheckInput): string[] {
  const { health, model } = input;
  const score = health.score === null ? 'not scored' : `${formatNumber(health.score)} / 100`;
  const lines = [
    `# ${escapeMarkdown(health.accountName)}: health check`,
    '',
    `As of ${health.asOf}, scored with the ${escapeMarkdown(model.label)} model, version ${health.modelVersion}.`,
    '',
    `| | |`,
    `| --- | --- |`,
    `| Score | ${score} |`,
    `| Band | ${health.isInsufficient ? 'Insufficient data' : health.band} |`,
    `| Coverage | ${formatPercent(health.coverage)} of the model's weight had data |`,
    `| Trend | ${trendText(input)} |`
  ];
  if (input.ownerName) {
    lines.push(`| Owner | ${escapeMarkdown(input.ownerName)} |`);
  }
  if (input.arr !== null) {
    lines.push(`| ARR | ${formatMoney(input.arr)} |`);
  }
  lines.push('');
  if (health.isInsufficient) {
    lines.push(
      `Coverage is below the model's minimum of ${formatPercent(model.minimumCoverage)}, so the score is shown without ` +
        'a band: too little data to call this account healthy or at risk.',
      ''
    );
  }
  if (health.isCapped) {
    const capped = health.cappedBy.map((name) => measureLabel(health, name)).join(', ');
    lines.push(
      `The score is capped at ${formatNumber(model.criticalCapScore)} (from ${formatNumber(health.uncappedScore)}) ` +
        `because a critical measure is red: ${capped}.`,
      ''
    );
  }
  if (health.overallOverrideId) {
    lines.push(`The overall score is set by a CSM override (${escapeMarkdown(health.overallOverrideId)}).`, '');
  }
  lines.push(`Main reason: ${escapeMarkdown(health.topReason)}`, '');
  if (health.topLever) {
    lines.push(
      `Top lever: bringing ${escapeMarkdown(health.topLever.label)} to full marks would add ` +
        `${formatNumber(health.topLever.gain)} points.`,
      ''
    );
  }
  return lines;
}

function trendText(input: HealthCheckInput): string {
  const { trend } = input.health;
  if (trend.direction === 'Unknown' || trend.slopePerWeek === null) {
    return 'unknown (fewer than two scores in the window)';
  }
  const source =
    input.historySource === 'recomputed'
      ? ', from weekly scores recomputed from the export'
      : ', from stored snapshots';
  return `${trend.direction.toLowerCase()}, ${formatSigned(trend.slopePerWeek, 2)} points a week over ${trend.points} scores${source}`;
}

function measureLabel(health: AccountHealth, name: string): string {
  return escapeMarkdown(health.ledger.find((entry) => entry.measure === name)?.label ?? name);
}

function dimensionSection(input: HealthCheckInput): string[] {
  const { health, model } = input;
  const lines = [
    '## Dimensions',
    '',
    '| Dimension | Weight | Score | Band | Coverage |',
    '| --- | ---: | ---: | --- | ---: |'
  ];
  for (const dimension of health.dimensions) {
    const band = bandOf(model, dimension.score) ?? 'no data';
    lines.push(
      `| ${escapeMarkdown(dimension.label)} | ${formatWeight(dimension.weight)} | ${formatNumber(dimension.score)} | ` +
        `${band} | ${formatPercent(dimension.coverage)} |`
    );
  }
  lines.push('');

  const definitions = new Map(model.dimensions.map((definition) => [definition.name, definition]));
  const technical = health.dimensions.filter(
    (dimension) => categoryOf(definitions.get(dimension.name), dimension.name) === 'Technical'
  );
  const business = health.dimensions.filter(
    (dimension) => categoryOf(definitions.get(dimension.name), dimension.name) === 'Business'
  );
  lines.push(
    '## Technical and business health',
    '',
    `- Technical health (${technical.map((dimension) => escapeMarkdown(dimension.label)).join(', ') || 'none'}): ` +
      `${formatNumber(weightedScore(technical))}`,
    `- Business health (${business.map((dimension) => escapeMarkdown(dimension.label)).join(', ') || 'none'}): ` +
      `${formatNumber(weightedScore(business))}`,
    ''
  );
  return lines;
}

function ledgerSection(health: AccountHealth): string[] {
  const dimensionLabels = new Map(health.dimensions.map((dimension) => [dimension.name, dimension.label]));
  const lines = [
    '## Contribution ledger',
    '',
    '| Dimension | Measure | Raw value | Score | Weight | Points | Change |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |'
  ];
  for (const entry of health.ledger) {
    let score = formatNumber(entry.score);
    if (!entry.hasData) {
      score = entry.score === null ? `no data (${entry.missingPolicy?.toLowerCase()})` : `${score} (no data, neutral)`;
    }
    if (entry.overrideId) {
      score += ' (override)';
    }
    if (entry.isCriticalRed) {
      score += ' (critical, red)';
    }
    lines.push(
      `| ${escapeMarkdown(dimensionLabels.get(entry.dimension) ?? entry.dimension)} | ${escapeMarkdown(entry.label)} | ${formatNumber(entry.raw, 2)} | ${score} | ` +
        `${formatWeight(entry.weight)} | ${formatNumber(entry.points, 2)} | ${formatSigned(entry.pointsChange, 2)} |`
    );
  }
  lines.push('', 'Points are score times weight; the overall score is their sum before any cap or override.', '');
  return lines;
}

function adoptionSection(input: HealthCheckInput): string[] {
  const { health, signals } = input;
  const lines = ['## License utilization', ''];
  const utilization = ledgerFor(health, 'LicenseUtilization');
  if (signals.usage === null) {
    lines.push('No login or usage data for this account, so adoption is not scored.', '');
    return lines;
  }
  const windowStart = shiftDate(health.asOf, -29);
  const recent = signals.usage.filter((day) => day.date >= windowStart && day.date <= health.asOf);
  const peak = recent.reduce((max, day) => Math.max(max, day.activeUsers), 0);
  const logins = recent.reduce((sum, day) => sum + day.logins, 0);
  const activeDays = recent.filter((day) => day.logins > 0).length;
  lines.push(
    `- Licensed seats: ${signals.licensedSeats === null ? 'unknown' : signals.licensedSeats}`,
    `- Most users active on one day in the last 30 days: ${peak}`,
    `- Utilization: ${utilization?.raw === null || utilization === undefined ? 'n/a' : `${formatNumber(utilization.raw)}%`}`,
    `- Logins in the last 30 days: ${logins}, on ${activeDays} of 30 days`,
    ''
  );
  return lines;
}

function engagementSection(input: HealthCheckInput): string[] {
  const { health, signals } = input;
  const lines = ['## Stakeholder engagement', ''];
  const sponsor = ledgerFor(health, 'DaysSinceSponsorActivity');
  const champion = ledgerFor(health, 'DaysSinceChampionActivity');
  if (signals.activities === null) {
    lines.push('No Task or Event data in the export, so engagement is not scored.', '');
    return lines;
  }
  lines.push(
    signals.hasExecutiveSponsor
      ? `- Executive sponsor: last activity ${daysText(sponsor?.raw ?? null)}`
      : '- Executive sponsor: none named on the account',
    signals.hasChampion
      ? `- Champion: last activity ${daysText(champion?.raw ?? null)}`
      : '- Champion: none named on the account, or no longer a contact of it',
    `- Activities in the last 30 days: ${signals.activities.filter((activity) => daysBetween(activity.date, health.asOf) < 30 && activity.date <= health.asOf).length}`,
    ''
  );
  return lines;
}

function daysText(days: number | null): string {
  if (days === null) {
    return 'unknown';
  }
  return `${formatNumber(days, 0)} days ago (or none within the measure's window)`;
}

function supportSection(input: HealthCheckInput): string[] {
  const { health, signals } = input;
  const lines = ['## Support trend', ''];
  if (signals.cases === null) {
    lines.push('No Case data in the export.', '');
    return lines;
  }
  const months = previousMonths(health.asOf, SUPPORT_MONTHS);
  const created = new Map(months.map((month) => [month, 0]));
  const escalated = new Map(months.map((month) => [month, 0]));
  for (const supportCase of signals.cases) {
    const month = monthKey(supportCase.createdDate);
    if (created.has(month) && supportCase.createdDate <= health.asOf) {
      created.set(month, (created.get(month) as number) + 1);
      if (supportCase.isEscalated) {
        escalated.set(month, (escalated.get(month) as number) + 1);
      }
    }
  }
  const open = signals.cases.filter(
    (supportCase) =>
      supportCase.createdDate <= health.asOf &&
      (supportCase.closedDate === null || supportCase.closedDate > health.asOf)
  );
  lines.push('| Month | Cases created | Escalated |', '| --- | ---: | ---: |');
  for (const month of months) {
    lines.push(`| ${month} | ${created.get(month)} | ${escalated.get(month)} |`);
  }
  lines.push(
    '',
    `Open on ${health.asOf}: ${plural(open.length, 'Case')}, ` +
      `${open.filter((supportCase) => supportCase.isHighPriority).length} of them high priority.`,
    ''
  );
  return lines;
}

function sentimentSection(input: HealthCheckInput): string[] {
  const { health, signals } = input;
  if (signals.feedback === null || signals.feedback.length === 0) {
    return [];
  }
  const lines = ['## NPS and CSAT', ''];
  for (const [signal, label] of [
    ['Nps', 'NPS'],
    ['Csat', 'CSAT'],
    ['CsmPulse', 'CSM pulse']
  ] as const) {
    const entry = ledgerFor(health, signal);
    const answers = signals.feedback.filter((answer) => answer.type === signal && answer.date <= health.asOf);
    if (answers.length === 0) {
      continue;
    }
    const latest = answers.reduce((last, answer) => (answer.date > last.date ? answer : last));
    const windowText = entry ? `${formatNumber(entry.raw)} over the measure's window` : 'not in the model';
    lines.push(`- ${label}: ${windowText}; ${plural(answers.length, 'answer')}, the latest ${latest.date}`);
  }
  lines.push('');
  return lines.length > 3 ? lines : [];
}

function actionSection(input: HealthCheckInput): string[] {
  const { health, model } = input;
  const definitions = new Map(model.dimensions.map((definition) => [definition.name, definition]));
  const lines = ['## Recommended actions', ''];
  const weak = health.dimensions.filter((dimension) => {
    const band = bandOf(model, dimension.score);
    return dimension.weight > 0 && (band === 'Red' || band === 'Yellow');
  });
  if (weak.length === 0) {
    lines.push('No dimension is red or yellow. Keep the review cadence and look for expansion.', '');
    return lines;
  }
  weak.sort((a, b) => (a.score as number) - (b.score as number));
  for (const dimension of weak) {
    const band = bandOf(model, dimension.score);
    const action =
      definitions.get(dimension.name)?.recommendedAction ??
      `Review the ${dimension.label} measures with the customer and agree one improvement with an owner and a date.`;
    lines.push(
      `- **${escapeMarkdown(dimension.label)}** (${band}, ${formatNumber(dimension.score)}): ${escapeMarkdown(action)}`
    );
  }
  lines.push('');
  return lines;
}

function risksSection(input: HealthCheckInput): string[] {
  const risks = input.risks;
  if (risks === undefined) {
    return [];
  }
  const lines = ['## Risks', ''];
  if (risks.length === 0) {
    lines.push(`No risk rule fired on ${input.health.asOf}.`, '');
    return lines;
  }
  for (const risk of risks) {
    lines.push(
      `- **${risk.severity}**, ${risk.category}, ${escapeMarkdown(risk.rule)}: ${escapeMarkdown(risk.evidence)} ` +
        `Leading indicator: ${escapeMarkdown(risk.leadingIndicator.replace(/\.+$/, ''))}. ` +
        `Resolved when: ${escapeMarkdown(risk.resolutionCriteria)}.`
    );
  }
  lines.push('');
  return lines;
}

function dataNotesSection(health: AccountHealth): string[] {
  const missing = health.ledger.filter((entry) => !entry.hasData);
  if (missing.length === 0) {
    return [];
  }
  const lines = ['## Data notes', ''];
  for (const entry of missing) {
    lines.push(`- ${escapeMarkdown(entry.label)}: no data; ${MISSING_POLICY_TEXT[entry.missingPolicy ?? 'Exclude']}`);
  }
  lines.push('');
  return lines;
}

function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Renders the health-check report of one account: the composite score with its dimension breakdown, the ledger,
 * coverage, technical and business health, license utilization, stakeholder engagement, support trend, NPS and CSAT
 * where present, a recommended action for every red or yellow dimension, and the risks found when `input.risks` is set.
 */
export function renderHealthCheck(input: HealthCheckInput): string {
  const sections = [
    headerSection(input),
    dimensionSection(input),
    actionSection(input),
    risksSection(input),
    ledgerSection(input.health),
    adoptionSection(input),
    engagementSection(input),
    supportSection(input),
    sentimentSection(input),
    dataNotesSection(input.health)
  ];
  return (
    sections
      .flat()
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd() + '\n'
  );
}

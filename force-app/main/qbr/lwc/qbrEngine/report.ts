import { customerSlug, escapeMarkdown } from 'c/healthReport';
import { formatNumber } from 'c/healthEngine';
import { quarterSlug } from './quarters';
import { readinessCheckLabel } from './readiness';
import { SECTION_TITLES, footnoteOf, formatClaimValue, pluralize } from './sections';
import { SECTION_KEYS } from './types';
import type { Benchmark, QbrDraft, ReadinessBand, ReadinessCategory, ReadinessResult, SectionLine } from './types';

function footnoteMarks(claims: number[]): string {
  return claims.map((claim) => `[^${claim}]`).join('');
}

function orNotSet(value: string | null): string {
  return value === null || value === '' ? 'not set' : escapeMarkdown(value);
}

function headerLines(draft: QbrDraft): string[] {
  const lines = [
    `# ${escapeMarkdown(draft.customer)}: business review ${draft.quarter}`,
    '',
    `- Period: ${draft.periodStart} to ${draft.periodEnd}`,
    `- Data as of: ${draft.asOf}`,
    `- Status: ${draft.status}`
  ];
  if (draft.segment !== null && draft.segment !== '') {
    lines.push(`- Segment: ${escapeMarkdown(draft.segment)}`);
  }
  lines.push(`- Executive sponsor: ${orNotSet(draft.executiveSponsorName)}`);
  if (draft.renewalDate !== null) {
    lines.push(`- Renewal date: ${draft.renewalDate}`);
  }
  lines.push('');
  return lines;
}

function claimTable(draft: QbrDraft, title: string, refs: number[]): string[] {
  const lines = [`## ${title}`, ''];
  if (refs.length === 0) {
    lines.push('No data for this period.', '');
    return lines;
  }
  lines.push('| Measure | Value | Period | As of |', '| --- | ---: | --- | --- |');
  for (const ref of refs) {
    const claim = draft.claims[ref - 1];
    lines.push(
      `| ${escapeMarkdown(claim.text)} | ${escapeMarkdown(formatClaimValue(claim))}${footnoteMarks([ref])} | ` +
        `${orNotSet(claim.period)} | ${orNotSet(claim.asOf)} |`
    );
  }
  lines.push('');
  return lines;
}

function sectionLines(title: string, lines: SectionLine[]): string[] {
  const output = [`## ${title}`, ''];
  if (lines.length === 0) {
    output.push('None recorded.', '');
    return output;
  }
  for (const line of lines) {
    output.push(`- ${escapeMarkdown(line.text)}${footnoteMarks(line.claims)}`);
  }
  output.push('');
  return output;
}

function benchmarkLines(benchmark: Benchmark | null, asOf: string): string[] {
  if (benchmark === null || benchmark.rows.length === 0) {
    return [];
  }
  const lines = [
    `Benchmark against the median of ${pluralize(benchmark.peerCount, 'peer account')} in the same segment, ` +
      `latest values as of ` +
      `${asOf}:`,
    '',
    '| Measure | Account | Peer median | Peers with data |',
    '| --- | ---: | ---: | ---: |'
  ];
  for (const row of benchmark.rows) {
    const account = row.value === null ? 'n/a' : formatNumber(row.value);
    const median = row.median === null ? 'n/a' : formatNumber(row.median);
    lines.push(`| ${escapeMarkdown(row.label)} | ${account} | ${median} | ${row.peerCount} |`);
  }
  lines.push('');
  return lines;
}

function actionItemLines(draft: QbrDraft): string[] {
  const lines = ['## Action items', ''];
  if (draft.actionItems.length === 0) {
    lines.push('None recorded.', '');
    return lines;
  }
  lines.push('| Action | Owner | Due |', '| --- | --- | --- |');
  for (const item of draft.actionItems) {
    lines.push(`| ${escapeMarkdown(item.subject)} | ${orNotSet(item.ownerName)} | ${orNotSet(item.dueDate)} |`);
  }
  lines.push('');
  return lines;
}

/**
 * Renders a QBR draft as Markdown, for `<customer>-qbr-<quarter>.md`. The header gives the period, as-of date, status,
 * segment, sponsor and renewal. Tables show the health and support metrics and the adoption figures, bullets the five
 * sections, with the benchmark table under the insights, then the action items and the footnotes. Every number from
 * the records carries a footnote `[^n]` with its value, period and as-of date. Text from records and from the CSM is
 * escaped, so a pipe or a bracket cannot break a table or forge a footnote.
 * @param draft The draft, with the CSM's edits.
 * @returns Markdown ending with one newline.
 */
export function renderQbr(draft: QbrDraft): string {
  const lines = [
    ...headerLines(draft),
    ...claimTable(draft, 'Health and support', draft.metricClaims),
    ...claimTable(draft, 'Adoption', draft.adoptionClaims)
  ];
  for (const key of SECTION_KEYS) {
    lines.push(...sectionLines(SECTION_TITLES[key], draft.sections[key]));
    if (key === 'insights') {
      lines.push(...benchmarkLines(draft.benchmark, draft.asOf));
    }
  }
  lines.push(...actionItemLines(draft));
  if (draft.claims.length > 0) {
    lines.push('## Sources', '');
    draft.claims.forEach((claim, index) => {
      lines.push(`[^${index + 1}]: ${escapeMarkdown(footnoteOf(claim))}`);
    });
  }
  return lines.join('\n').trimEnd() + '\n';
}

/**
 * Returns the Markdown file name, `<customer>-qbr-<quarter>.md`, like `acme-corp-qbr-2026-q4.md`.
 * @param customer Account name.
 * @param quarter Quarter as `YYYY-Qn`.
 */
export function qbrFileName(customer: string, quarter: string): string {
  return `${customerSlug(customer)}-qbr-${quarterSlug(quarter)}.md`;
}

const READINESS_BAND_TEXT: Record<ReadinessBand, string> = {
  ReadyToPresent: 'ready to present (85 or more)',
  Refine: 'refine (70 to 84)',
  DeeperAnalysis: 'needs deeper analysis (50 to 69)',
  BackToDiscovery: 'back to discovery (under 50)'
};

const READINESS_CATEGORY_TEXT: Record<ReadinessCategory, string> = {
  CustomerCentricity: 'Customer centricity',
  Actionability: 'Actionability',
  DataDrivenInsight: 'Data-driven insight',
  ProactiveRiskManagement: 'Proactive risk management',
  ExpansionAwareness: 'Expansion awareness'
};

/**
 * Renders a readiness result as a Markdown section: the score out of 100 with its band, a table of the category
 * totals, every check by its readable label with its finding, and the missing list ("Nothing is missing." when it is empty).
 * @param result The result of `scoreReadiness`.
 * @returns Lines of Markdown, starting with the `## Readiness` heading and ending with a blank line.
 */
export function renderReadiness(result: ReadinessResult): string[] {
  const lines = [
    '## Readiness',
    '',
    `Score: ${result.score} of 100, ${READINESS_BAND_TEXT[result.band]}.`,
    '',
    '| Category | Points |',
    '| --- | ---: |'
  ];
  for (const category of result.categories) {
    lines.push(`| ${READINESS_CATEGORY_TEXT[category.category]} | ${category.points} of ${category.maxPoints} |`);
  }
  lines.push('', '| Check | Points | Finding |', '| --- | ---: | --- |');
  for (const check of result.checks) {
    lines.push(
      `| ${readinessCheckLabel(check.id)} | ${check.points} of ${check.maxPoints} | ${escapeMarkdown(check.finding)} |`
    );
  }
  lines.push('', '### Missing', '');
  if (result.missing.length === 0) {
    lines.push('Nothing is missing.');
  }
  for (const item of result.missing) {
    lines.push(`- ${escapeMarkdown(item)}`);
  }
  lines.push('');
  return lines;
}

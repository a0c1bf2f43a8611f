import { formatNumber } from 'c/healthEngine';
import { customerSlug, escapeMarkdown } from 'c/healthReport';
import { TREND_MONTHS } from './constants';
import { monthStart } from './months';
import { barrierEvidenceNote, playbookProgress } from './playbook';
import { compareText, isNumber, percentText, plural, shareText } from './text';
import { ALL_SEGMENT, SEGMENT_TYPES } from './types';
import { triggerTitle, WHITESPACE_STATUS_LABELS } from './whitespace';
import type {
  AdoptionFactRow,
  AdoptionPlaybookModel,
  AdoptionScorecardModel,
  AdoptionTrend,
  ExpansionApproach,
  ExpansionMapModel,
  ExpansionOpportunityRow,
  PlaybookTaskRow,
  ScorecardFeature,
  ScorecardSegment,
  SegmentType,
  WhitespaceStatus
} from './types';

/**
 * Trend arrows with a word after each, so a screen reader, which may skip or misname the arrow, still reads the
 * direction.
 */
export const TREND_TEXT: Readonly<Record<AdoptionTrend, string>> = {
  Improving: '↑ improving',
  Stable: '→ stable',
  Declining: '↓ declining',
  Insufficient: 'too few months'
};

const SEGMENT_TYPE_WORDS: Record<SegmentType, string> = {
  All: 'all users',
  Role: 'role',
  Profile: 'profile',
  Department: 'department',
  BusinessUnit: 'business unit'
};

const APPROACH_TEXT: Record<ExpansionApproach, string> = {
  UserLed: 'User-led',
  ExecutiveSponsored: 'Executive-sponsored',
  EventTriggered: 'Event-triggered'
};

const NO_ACTION_TEXT = 'No action configured: open a playbook to diagnose the barriers.';

function orNotSet(value: string | null | undefined): string {
  return value === null || value === undefined || value.trim() === '' ? 'not set' : escapeMarkdown(value.trim());
}

function percentOrNa(value: number | null | undefined): string {
  return isNumber(value) ? percentText(value) : 'n/a';
}

function countOrNa(value: number | null | undefined): string {
  return isNumber(value) ? formatNumber(value) : 'n/a';
}

/**
 * Names a segment for a heading, a table or a task placeholder: `All users` for the whole account, else the segment
 * name with its type in brackets, such as `EMEA Sales (department)`. The text is not escaped.
 * @param segmentType Segment type.
 * @param segment Segment name.
 */
export function segmentLabelOf(segmentType: SegmentType, segment: string): string {
  return segmentType === ALL_SEGMENT ? 'All users' : `${segment} (${SEGMENT_TYPE_WORDS[segmentType]})`;
}

/**
 * Lists the segments of a set of facts as scorecard columns: the whole account first, then by segment type in the
 * order of SEGMENT_TYPES and by segment name, each once.
 * @param facts Adoption facts.
 */
export function scorecardSegmentsOf(facts: AdoptionFactRow[]): ScorecardSegment[] {
  const keys = new Set<string>();
  const segments: ScorecardSegment[] = [];
  for (const fact of facts) {
    const key = `${fact.segmentType}|${fact.segment}`;
    if (!keys.has(key)) {
      keys.add(key);
      segments.push({ segmentType: fact.segmentType, segment: fact.segment });
    }
  }
  return segments.sort(
    (left, right) =>
      SEGMENT_TYPES.indexOf(left.segmentType) - SEGMENT_TYPES.indexOf(right.segmentType) ||
      compareText(left.segment, right.segment)
  );
}

function monthText(month: string): string {
  return month.slice(0, 7);
}

function trendCell(fact: AdoptionFactRow): string {
  const percent = isNumber(fact.adoptionPercent) ? percentText(fact.adoptionPercent) : 'n/a';
  return `${percent} ${TREND_TEXT[fact.trend]}`;
}

/** Features of the scorecard rows: the model's, then any feature of the facts it does not list, by key. */
function scorecardFeatures(model: AdoptionScorecardModel, facts: AdoptionFactRow[]): ScorecardFeature[] {
  const known = new Set(model.features.map((feature) => feature.key));
  const extraKeys = [...new Set(facts.map((fact) => fact.featureKey).filter((key) => !known.has(key)))].sort(
    compareText
  );
  const extras = extraKeys.map((key) => ({ key, label: key, valueRank: 0, targetPercent: 0 }));
  return [...model.features, ...extras];
}

function matrixSection(
  model: AdoptionScorecardModel,
  facts: AdoptionFactRow[],
  features: ScorecardFeature[]
): string[] {
  const lines = ['## Feature adoption by segment', ''];
  if (facts.length === 0 || features.length === 0) {
    lines.push('No adoption data yet: load feature usage or run the adoption job, then export again.', '');
    return lines;
  }
  const segments = model.segments.length > 0 ? model.segments : scorecardSegmentsOf(facts);
  const factByCell = new Map<string, AdoptionFactRow>();
  for (const fact of facts) {
    const key = `${fact.featureKey}|${fact.segmentType}|${fact.segment}`;
    if (!factByCell.has(key)) {
      factByCell.set(key, fact);
    }
  }
  lines.push(
    `Active users as a share of entitled users, with the trend over the last ${TREND_MONTHS} months ` +
      `(${TREND_TEXT.Improving}, ${TREND_TEXT.Stable}, ${TREND_TEXT.Declining}).`,
    '',
    `| Feature | Target | ${segments.map((segment) => escapeMarkdown(segmentLabelOf(segment.segmentType, segment.segment))).join(' | ')} |`,
    `| --- | ---: | ${segments.map(() => '---').join(' | ')} |`
  );
  for (const feature of features) {
    const cells = segments.map((segment) => {
      const fact = factByCell.get(`${feature.key}|${segment.segmentType}|${segment.segment}`);
      return fact === undefined ? 'no data' : trendCell(fact);
    });
    const target = feature.targetPercent > 0 ? percentText(feature.targetPercent) : 'not set';
    lines.push(`| ${escapeMarkdown(feature.label)} | ${target} | ${cells.join(' | ')} |`);
  }
  lines.push('');
  return lines;
}

function licenseSection(facts: AdoptionFactRow[], features: ScorecardFeature[]): string[] {
  const lines = ['## Assigned share and adoption', ''];
  const accountFacts = new Map<string, AdoptionFactRow>();
  for (const fact of facts) {
    if (fact.segmentType === ALL_SEGMENT && !accountFacts.has(fact.featureKey)) {
      accountFacts.set(fact.featureKey, fact);
    }
  }
  const rows = features.filter((feature) => accountFacts.has(feature.key));
  if (rows.length === 0) {
    lines.push('No whole-account adoption data, so the assigned share is not known.', '');
    return lines;
  }
  lines.push(
    'Assigned share is assigned users as a share of entitled users; adoption is active users as a share of ' +
      'entitled users.',
    '',
    '| Feature | Entitled | Assigned | Assigned share | Active | Adoption |',
    '| --- | ---: | ---: | ---: | ---: | ---: |'
  );
  for (const feature of rows) {
    const fact = accountFacts.get(feature.key) as AdoptionFactRow;
    const entitled = fact.entitledUsers;
    const assigned = fact.assignedUsers;
    const assignedShare =
      isNumber(entitled) && isNumber(assigned) && entitled > 0 ? shareText(assigned, entitled) : 'n/a';
    lines.push(
      `| ${escapeMarkdown(feature.label)} | ${countOrNa(entitled)} | ${countOrNa(assigned)} | ${assignedShare} | ` +
        `${countOrNa(fact.activeUsers)} | ${percentOrNa(fact.adoptionPercent)} |`
    );
  }
  lines.push('');
  return lines;
}

function underusedSection(model: AdoptionScorecardModel, features: ScorecardFeature[]): string[] {
  const lines = ['## Under-used features', ''];
  if (model.underused.length === 0) {
    lines.push('No feature is below its target.', '');
    return lines;
  }
  const labelByKey = new Map(features.map((feature) => [feature.key, feature.label]));
  const flagged = model.underused.filter((feature) => feature.isFlagged).length;
  lines.push(
    `${plural(model.underused.length, 'feature')} below target, ranked by priority (value rank × points below ` +
      `target). Flagged for enablement: ${flagged}.`,
    '',
    '| # | Feature | Adoption | Target | Value rank | Priority | Flagged | Recommended action |',
    '| ---: | --- | ---: | ---: | ---: | ---: | --- | --- |'
  );
  model.underused.forEach((feature, index) => {
    const label = labelByKey.get(feature.featureKey) ?? feature.featureKey;
    const action = feature.action === null ? NO_ACTION_TEXT : escapeMarkdown(feature.action);
    lines.push(
      `| ${index + 1} | ${escapeMarkdown(label)} | ${percentText(feature.percent)} | ${percentText(feature.target)} | ` +
        `${feature.valueRank} | ${formatNumber(feature.priority)} | ${feature.isFlagged ? 'Yes' : 'No'} | ${action} |`
    );
  });
  lines.push('');
  return lines;
}

/**
 * Renders the adoption scorecard of one account as Markdown, for `<customer>-adoption-scorecard.md`. Sections:
 * - title, as-of date and month;
 * - the feature by segment matrix: one row per feature (the model's order, then features found only in the facts, by
 *   key), one column per segment (the model's order, or `scorecardSegmentsOf` when it lists none), each cell the
 *   adoption percent with its trend arrow and word (`45.2% ↑ improving`), `no data` without a fact;
 * - assigned share and adoption from the whole-account facts: entitled, assigned, assigned share, active, adoption;
 * - the under-used features in priority order, the flagged ones marked, each with its recommended action.
 * Only facts of the model's month are shown. Feature labels, segment names and actions are escaped for Markdown.
 * @param model The scorecard's data.
 * @returns Markdown ending with one newline.
 */
export function renderAdoptionScorecard(model: AdoptionScorecardModel): string {
  const month = model.month === null ? null : monthStart(model.month);
  const facts = month === null ? [] : model.facts.filter((fact) => monthStart(fact.month) === month);
  const features = scorecardFeatures(model, facts);
  const lines = [
    `# ${escapeMarkdown(model.customer)}: adoption scorecard`,
    '',
    model.month === null ? `As of ${model.asOf}.` : `As of ${model.asOf}, adoption in ${monthText(model.month)}.`,
    '',
    ...matrixSection(model, facts, features),
    ...licenseSection(facts, features),
    ...underusedSection(model, features)
  ];
  return lines.join('\n').trimEnd() + '\n';
}

function currentSection(model: AdoptionPlaybookModel): string[] {
  const lines = ['## Current adoption', ''];
  const fact = model.current;
  if (fact === null) {
    lines.push('No adoption data for this feature and segment yet.', '');
    return lines;
  }
  const slope = isNumber(fact.trendSlope) ? ` (${formatNumber(fact.trendSlope)} points per month)` : '';
  lines.push(
    '| Measure | Value |',
    '| --- | ---: |',
    `| Month | ${monthText(fact.month)} |`,
    `| Entitled users | ${countOrNa(fact.entitledUsers)} |`,
    `| Assigned users | ${countOrNa(fact.assignedUsers)} |`,
    `| Users who tried it in the last 90 days | ${countOrNa(fact.triedUsers)} |`,
    `| Active users | ${countOrNa(fact.activeUsers)} |`,
    `| Adoption | ${percentOrNa(fact.adoptionPercent)} |`,
    `| Trend | ${TREND_TEXT[fact.trend]}${slope} |`,
    ''
  );
  return lines;
}

function targetSection(model: AdoptionPlaybookModel): string[] {
  const progress = playbookProgress(model.baselinePercent, model.currentPercent, model.targetPercent);
  const target = isNumber(model.targetPercent) ? percentText(model.targetPercent) : 'not set';
  return [
    '## Target',
    '',
    `- Baseline: ${percentOrNa(model.baselinePercent)}`,
    `- Current: ${percentOrNa(model.currentPercent)}`,
    `- Target: ${target} by ${model.targetDate ?? 'a date not set'}`,
    `- Progress: ${progress === null ? 'not measurable yet' : `${progress}% of the way from the baseline to the target`}`,
    ''
  ];
}

function barrierSection(model: AdoptionPlaybookModel): string[] {
  const lines = ['## Barriers', ''];
  if (model.barriers.length === 0) {
    lines.push('No barrier diagnosed: the data shows none, and none was added.', '');
    return lines;
  }
  lines.push(barrierEvidenceNote(model.startDate), '');
  lines.push('| Barrier | Evidence | Action | Source |', '| --- | --- | --- | --- |');
  for (const barrier of model.barriers) {
    lines.push(
      `| ${barrier.barrier} | ${orNotSet(barrier.evidence)} | ${orNotSet(barrier.action)} | ` +
        `${barrier.isSuggested ? 'Suggested by the data' : 'Added by the CSM'} |`
    );
  }
  lines.push('');
  return lines;
}

function compareTasks(left: PlaybookTaskRow, right: PlaybookTaskRow): number {
  if (left.dueDate !== right.dueDate) {
    if (left.dueDate === null) {
      return 1;
    }
    if (right.dueDate === null) {
      return -1;
    }
    return compareText(left.dueDate, right.dueDate);
  }
  return compareText(left.subject, right.subject);
}

function sprintSection(model: AdoptionPlaybookModel): string[] {
  const lines = ['## Sprint', ''];
  if (model.tasks.length === 0) {
    lines.push('No sprint Task yet: start the playbook to create them.', '');
    return lines;
  }
  lines.push('| Due | Task | Status | Owner |', '| --- | --- | --- | --- |');
  for (const task of [...model.tasks].sort(compareTasks)) {
    lines.push(
      `| ${task.dueDate ?? 'not set'} | ${escapeMarkdown(task.subject)} | ${orNotSet(task.status)} | ` +
        `${orNotSet(task.ownerName)} |`
    );
  }
  lines.push('');
  return lines;
}

/**
 * Renders one feature adoption playbook as Markdown, for `<customer>-<feature>-adoption-playbook.md`. Sections:
 * - title, as-of date, and a table of feature, segment, status, value statement and dates;
 * - current adoption: month, entitled, assigned, tried, active, adoption and trend with its slope;
 * - target: baseline, current, target and target date, and the progress of `playbookProgress`;
 * - barriers with their evidence, action and whether the data suggested them;
 * - the sprint Tasks by due date (missing dates last) and subject.
 * Every text entered by users (names, evidence, actions, subjects) is escaped for Markdown.
 * @param model The playbook's data.
 * @returns Markdown ending with one newline.
 */
export function renderAdoptionPlaybook(model: AdoptionPlaybookModel): string {
  const lines = [
    `# ${escapeMarkdown(model.customer)}: ${escapeMarkdown(model.featureLabel)} adoption playbook`,
    '',
    `As of ${model.asOf}.`,
    '',
    '| | |',
    '| --- | --- |',
    `| Feature | ${escapeMarkdown(model.featureLabel)} |`,
    `| Segment | ${escapeMarkdown(segmentLabelOf(model.segmentType, model.segment))} |`,
    `| Status | ${model.status} |`,
    `| Value | ${orNotSet(model.valueStatement)} |`,
    `| Dates | ${model.startDate ?? 'not set'} to ${model.targetDate ?? 'not set'} |`,
    '',
    ...currentSection(model),
    ...targetSection(model),
    ...barrierSection(model),
    ...sprintSection(model)
  ];
  return lines.join('\n').trimEnd() + '\n';
}

// The readiness column as the page's grid shows it.
function readinessText(status: WhitespaceStatus, readiness: number | null): string {
  if (status === 'Owned') {
    return 'Owned';
  }
  return readiness === null ? 'Not known' : percentText(readiness);
}

function gridSection(model: ExpansionMapModel): string[] {
  const lines = ['## Whitespace', ''];
  if (model.grid.length === 0) {
    lines.push('No active product in the expansion catalog.', '');
    return lines;
  }
  lines.push('| Product | Status | Readiness | Why |', '| --- | --- | ---: | --- |');
  for (const cell of model.grid) {
    const readiness = readinessText(cell.status, cell.readiness);
    lines.push(
      `| ${escapeMarkdown(cell.productName)} | ${WHITESPACE_STATUS_LABELS[cell.status]} | ${readiness} | ` +
        `${escapeMarkdown(cell.reason)} |`
    );
  }
  lines.push('');
  return lines;
}

function triggerSection(model: ExpansionMapModel): string[] {
  const lines = ['## Business triggers', ''];
  if (model.triggers.length === 0) {
    lines.push('No business trigger recorded.', '');
    return lines;
  }
  const triggers = [...model.triggers].sort((left, right) => {
    if (left.occurredOn === right.occurredOn) {
      return 0;
    }
    if (left.occurredOn === null) {
      return 1;
    }
    if (right.occurredOn === null) {
      return -1;
    }
    return compareText(right.occurredOn, left.occurredOn);
  });
  lines.push('| Date | Type | Description |', '| --- | --- | --- |');
  for (const trigger of triggers) {
    const description =
      trigger.description === null || trigger.description.trim() === ''
        ? 'No description'
        : escapeMarkdown(trigger.description.trim());
    lines.push(`| ${trigger.occurredOn ?? 'date not set'} | ${triggerTitle(trigger.type)} | ${description} |`);
  }
  lines.push('');
  return lines;
}

function championSection(model: ExpansionMapModel): string[] {
  const lines = ['## Champions', ''];
  if (model.champions.length === 0) {
    lines.push('No champion named: an executive sponsor should carry expansion conversations.', '');
    return lines;
  }
  for (const champion of model.champions) {
    const title = champion.title === null || champion.title.trim() === '' ? '' : `, ${escapeMarkdown(champion.title)}`;
    lines.push(`- ${escapeMarkdown(champion.name)}${title}`);
  }
  lines.push('');
  return lines;
}

function opportunityLines(opportunity: ExpansionOpportunityRow): string[] {
  const readiness = readinessText(opportunity.status, opportunity.readiness);
  const lines = [
    `### ${escapeMarkdown(opportunity.productName)}`,
    '',
    `- Readiness: ${readiness} (${WHITESPACE_STATUS_LABELS[opportunity.status]})`,
    `- Approach: ${APPROACH_TEXT[opportunity.approach]}. ${escapeMarkdown(opportunity.approachReason)}`
  ];
  if (opportunity.opportunityName !== null && opportunity.opportunityName.trim() !== '') {
    lines.push(`- Opportunity: ${escapeMarkdown(opportunity.opportunityName)}`);
  }
  lines.push('', `Hypothesis: ${escapeMarkdown(opportunity.hypothesis)}`, '');
  if (opportunity.evidence.length === 0) {
    lines.push('Evidence: none recorded.', '');
    return lines;
  }
  lines.push('Evidence:', '', ...opportunity.evidence.map((line) => `- ${escapeMarkdown(line)}`), '');
  return lines;
}

function opportunitySection(model: ExpansionMapModel): string[] {
  const lines = ['## Opportunities', ''];
  if (model.opportunities.length === 0) {
    lines.push('No expansion opportunity yet: the whitespace grid shows no product to propose.', '');
    return lines;
  }
  for (const opportunity of model.opportunities) {
    lines.push(...opportunityLines(opportunity));
  }
  return lines;
}

/**
 * Renders the expansion map of one account as Markdown, for `<customer>-expansion-map.md`. Sections:
 * - title and as-of date;
 * - the whitespace grid: each catalog product with its status, readiness and reason;
 * - business triggers, latest first (missing dates last);
 * - champions;
 * - one subsection per opportunity: readiness, approach with its reason, the Opportunity once handed off, the value
 *   hypothesis and its evidence, one bullet per fact.
 * Every text from records (names, descriptions, reasons, hypotheses, evidence) is escaped for Markdown.
 * @param model The map's data.
 * @returns Markdown ending with one newline.
 */
export function renderExpansionMap(model: ExpansionMapModel): string {
  const lines = [
    `# ${escapeMarkdown(model.customer)}: expansion map`,
    '',
    `As of ${model.asOf}.`,
    '',
    ...gridSection(model),
    ...triggerSection(model),
    ...championSection(model),
    ...opportunitySection(model)
  ];
  return lines.join('\n').trimEnd() + '\n';
}

/**
 * Returns the file name of an account's adoption scorecard: `<customer>-adoption-scorecard.md`, with the slug of
 * `customerSlug`.
 * @param customer Account name.
 */
export function adoptionScorecardFileName(customer: string): string {
  return `${customerSlug(customer)}-adoption-scorecard.md`;
}

/**
 * Returns the file name of a feature adoption playbook: `<customer>-<feature>-adoption-playbook.md`, both parts
 * slugged by `customerSlug`. A feature label without an ASCII letter or digit, even after accents are dropped, gives
 * `feature`.
 * @param customer Account name.
 * @param featureLabel Feature label.
 */
export function adoptionPlaybookFileName(customer: string, featureLabel: string): string {
  const hasSlug = /[a-z0-9]/i.test(featureLabel.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''));
  const featureSlug = hasSlug ? customerSlug(featureLabel) : 'feature';
  return `${customerSlug(customer)}-${featureSlug}-adoption-playbook.md`;
}

/**
 * Returns the file name of an account's expansion map: `<customer>-expansion-map.md`, with the slug of
 * `customerSlug`.
 * @param customer Account name.
 */
export function expansionMapFileName(customer: string): string {
  return `${customerSlug(customer)}-expansion-map.md`;
}

import { formatNumber } from 'c/healthEngine';
import { SECTION_KEYS, SLIDE_KEYS } from './types';
import type { Claim, QbrDraft, SectionKey, SectionLine, SlideKey } from './types';

/** Slide titles, used by the slide toggles, the agenda and the deck. */
export const SLIDE_TITLES: Record<SlideKey, string> = {
  title: 'Business review',
  agenda: 'Agenda',
  wins: 'Wins',
  metrics: 'Health and support',
  adoption: 'Adoption',
  challenges: 'Challenges and how they were resolved',
  roadmap: 'Roadmap alignment',
  insights: 'Insights',
  nextGoals: 'Next-period goals',
  actionItems: 'Action items'
};

/** Section headings of the Markdown export and the component's editors. */
export const SECTION_TITLES: Record<SectionKey, string> = {
  wins: 'Wins',
  challenges: 'Challenges and how they were resolved',
  roadmapAlignment: 'Roadmap alignment',
  insights: 'Insights',
  nextPeriodGoals: 'Next-period goals'
};

/**
 * Formats a number with its unit: `%` sticks to the number, other units follow it after a space, a plural unit loses
 * its final `s` when the number reads 1 or -1 (`1 day`, `1 Case`), and a missing number reads `n/a`.
 * @param value The number, or null when there is none.
 * @param unit Unit in the plural, like `days`, or `%`; null for a plain count.
 */
export function formatWithUnit(value: number | null, unit: string | null): string {
  if (value === null) {
    return 'n/a';
  }
  const text = formatNumber(value);
  if (unit === null || unit === '') {
    return text;
  }
  if (unit === '%') {
    return `${text}%`;
  }
  const isOne = text === '1' || text === '-1';
  const singular = isOne && unit.length > 1 && unit.endsWith('s') ? unit.slice(0, -1) : unit;
  return `${text} ${singular}`;
}

/**
 * Writes a count with the singular or plural noun, judged on the formatted number, so 1.004 (shown as `1`) reads
 * `1 team`, not `1 teams`.
 * @param count The count.
 * @param singular Noun for exactly 1.
 * @param pluralForm Noun for any other count; the singular plus `s` when omitted.
 */
export function pluralize(count: number, singular: string, pluralForm = `${singular}s`): string {
  const text = formatNumber(count);
  return `${text} ${text === '1' || text === '-1' ? singular : pluralForm}`;
}

/** Readable labels of the Status__c picklist values of SuccessObjective__c and Risk__c. */
export const STATUS_LABELS: Record<string, string> = {
  NotStarted: 'Not started',
  OnTrack: 'On track',
  AtRisk: 'At risk',
  Achieved: 'Achieved',
  Missed: 'Missed',
  Open: 'Open',
  Mitigating: 'Mitigating',
  Mitigated: 'Mitigated',
  Realized: 'Realized',
  Closed: 'Closed'
};

/**
 * Returns the readable label of a status value: the label from {@link STATUS_LABELS}, or for any other value the
 * PascalCase words split and lower-cased after the first (`WaitingOnCustomer` reads `Waiting on customer`).
 * @param status Picklist value, like `AtRisk`.
 */
export function statusLabel(status: string): string {
  const known = STATUS_LABELS[status];
  if (known !== undefined) {
    return known;
  }
  const words = status.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(' ');
  return words.map((word, index) => (index === 0 ? word : word.toLowerCase())).join(' ');
}

/** Formats a claim's number with its unit, like {@link formatWithUnit}. */
export function formatClaimValue(claim: Pick<Claim, 'value' | 'unit'>): string {
  return formatWithUnit(claim.value, claim.unit);
}

/**
 * Writes the footnote of a claim: what was measured, the number, the period it covers and the date it was read, like
 * `Cases resolved: 12 Cases; period 2026-10-01 to 2026-12-31; as of 2026-12-04.`
 */
export function footnoteOf(claim: Claim): string {
  const period = claim.period === null || claim.period === '' ? 'period not stated' : `period ${claim.period}`;
  const asOf = claim.asOf === null || claim.asOf === '' ? 'as-of date not stated' : `as of ${claim.asOf}`;
  return `${claim.text}: ${formatClaimValue(claim)}; ${period}; ${asOf}.`;
}

/**
 * Joins the lines of a section into the text stored in its LongTextArea field, one bullet per line.
 * @param lines Section lines.
 */
export function sectionText(lines: SectionLine[]): string {
  return lines.map((line) => line.text).join('\n');
}

/**
 * Splits stored or edited section text into lines, dropping blank lines and leading bullet marks (`-`, `*`). A line
 * whose text equals a line of `previous` keeps that line's footnotes, so a suggested bullet that the CSM leaves alone
 * keeps the sources of its numbers. New or changed lines have none.
 * @param text Text with one bullet per line.
 * @param previous Lines the text was edited from.
 */
export function parseSectionText(text: string | null, previous: SectionLine[] = []): SectionLine[] {
  if (text === null || text.trim() === '') {
    return [];
  }
  const claimsByText = new Map(previous.map((line) => [line.text, line.claims]));
  return text
    .split(/\r?\n|\r/)
    .map((line) => line.replace(/^\s*[-*]\s+/, '').trim())
    .filter((line) => line !== '')
    .map((line) => ({ text: line, claims: [...(claimsByText.get(line) ?? [])] }));
}

/**
 * Returns a copy of the draft with one section replaced by edited text (see {@link parseSectionText}).
 * @param draft The draft.
 * @param key Section to replace.
 * @param text Edited text, one bullet per line.
 * @throws Error when the key is not a section key.
 */
export function withSectionText(draft: QbrDraft, key: SectionKey, text: string): QbrDraft {
  if (!(SECTION_KEYS as readonly string[]).includes(key)) {
    throw new Error(`Section ${JSON.stringify(key)} is unknown: use one of ${SECTION_KEYS.join(', ')}.`);
  }
  return { ...draft, sections: { ...draft.sections, [key]: parseSectionText(text, draft.sections[key]) } };
}

/**
 * Returns a copy of the draft with one slide switched on or off.
 * @throws Error when the key is not a slide key.
 */
export function withSlideIncluded(draft: QbrDraft, key: SlideKey, included: boolean): QbrDraft {
  if (!(SLIDE_KEYS as readonly string[]).includes(key)) {
    throw new Error(`Slide ${JSON.stringify(key)} is unknown: use one of ${SLIDE_KEYS.join(', ')}.`);
  }
  return { ...draft, slides: draft.slides.map((slide) => (slide.key === key ? { ...slide, included } : slide)) };
}

/**
 * Returns the included slide keys as the comma-separated text of `IncludedSlides__c`, in deck order.
 * @param draft The draft.
 */
export function includedSlidesText(draft: QbrDraft): string {
  return draft.slides
    .filter((slide) => slide.included)
    .map((slide) => slide.key)
    .join(',');
}

/**
 * Reads the comma-separated text of `IncludedSlides__c` into a set of slide keys. Unknown keys and blanks are ignored
 * because a key removed in a later version must not break old reviews.
 */
export function parseIncludedSlides(text: string): Set<SlideKey> {
  const keys = new Set<SlideKey>();
  for (const part of text.split(',')) {
    const key = part.trim();
    if ((SLIDE_KEYS as readonly string[]).includes(key)) {
      keys.add(key as SlideKey);
    }
  }
  return keys;
}

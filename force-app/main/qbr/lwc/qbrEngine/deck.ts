import { customerSlug } from 'c/healthReport';
import { quarterSlug } from './quarters';
import { SLIDE_TITLES, footnoteOf, formatClaimValue } from './sections';
import { SLIDE_KEYS } from './types';
import type {
  ChartSpec,
  DeckSlide,
  PptxLike,
  PptxSlideLike,
  PptxTextRun,
  QbrDraft,
  SectionKey,
  SectionLine,
  SlideKey
} from './types';

/** Slide keys whose content is one text section of the draft. */
const SECTION_OF_SLIDE: Partial<Record<SlideKey, SectionKey>> = {
  wins: 'wins',
  challenges: 'challenges',
  roadmap: 'roadmapAlignment',
  insights: 'insights',
  nextGoals: 'nextPeriodGoals'
};

const EMPTY_SLIDE_TEXT = 'Nothing recorded for this period.';

/** Layout of the 16:9 deck in inches (pptxgenjs `LAYOUT_WIDE` is 13.33 x 7.5). */
const LAYOUT = {
  name: 'LAYOUT_WIDE',
  margin: 0.5,
  width: 12.33,
  titleY: 0.3,
  titleH: 0.9,
  bodyY: 1.35,
  bodyH: 5.1,
  textWithChartW: 6.1,
  chartX: 6.8,
  chartW: 6.0,
  chartH: 4.0,
  footnoteY: 6.55,
  footnoteH: 0.8
} as const;

const FONT = 'Calibri';
const TEXT_COLOR = '1F2937';
const NOTE_COLOR = '6B7280';

function marker(claims: number[]): string {
  return claims.length === 0 ? '' : ` ${claims.map((claim) => `[${claim}]`).join('')}`;
}

/** Footnotes of the claims a slide cites, in the order the slide first cites them. */
function footnotesOf(draft: QbrDraft, claims: number[]): string[] {
  return [...new Set(claims)]
    .filter((claim) => claim >= 1 && claim <= draft.claims.length)
    .map((claim) => `[${claim}] ${footnoteOf(draft.claims[claim - 1])}`);
}

function sectionSlide(draft: QbrDraft, key: SlideKey, title: string, lines: SectionLine[]): DeckSlide {
  return {
    key,
    title,
    bullets: lines.map((line) => `${line.text}${marker(line.claims)}`),
    chart: null,
    footnotes: footnotesOf(
      draft,
      lines.flatMap((line) => line.claims)
    ),
    table: null
  };
}

function claimSlide(draft: QbrDraft, key: SlideKey, title: string, refs: number[], chart: ChartSpec | null) {
  const slide: DeckSlide = {
    key,
    title,
    bullets: refs.map((ref) => {
      const claim = draft.claims[ref - 1];
      return `${claim.text}: ${formatClaimValue(claim)}${marker([ref])}`;
    }),
    chart,
    footnotes: footnotesOf(draft, refs),
    table: null
  };
  return slide;
}

function titleSlide(draft: QbrDraft): DeckSlide {
  const bullets = [`Business review ${draft.quarter}: ${draft.periodStart} to ${draft.periodEnd}`];
  if (draft.segment !== null && draft.segment !== '') {
    bullets.push(`Segment: ${draft.segment}`);
  }
  bullets.push(`Data as of ${draft.asOf}`);
  return { key: 'title', title: draft.customer, bullets, chart: null, footnotes: [], table: null };
}

function actionItemsSlide(draft: QbrDraft, title: string): DeckSlide {
  const rows = draft.actionItems.map((item) => [item.subject, item.ownerName ?? 'not set', item.dueDate ?? 'not set']);
  return {
    key: 'actionItems',
    title,
    bullets: rows.map(([subject, owner, due]) => `${subject}: owner ${owner}, due ${due}`),
    chart: null,
    footnotes: [],
    table: rows.length === 0 ? null : { header: ['Action', 'Owner', 'Due'], rows }
  };
}

function slideOf(draft: QbrDraft, key: SlideKey, title: string): DeckSlide {
  const section = SECTION_OF_SLIDE[key];
  if (section !== undefined) {
    return sectionSlide(draft, key, title, draft.sections[section]);
  }
  switch (key) {
    case 'title':
      return titleSlide(draft);
    case 'metrics':
      return claimSlide(draft, key, title, draft.metricClaims, draft.charts.health);
    case 'adoption':
      return claimSlide(draft, key, title, draft.adoptionClaims, draft.charts.usage);
    case 'actionItems':
      return actionItemsSlide(draft, title);
    default:
      return { key, title, bullets: [], chart: null, footnotes: [], table: null };
  }
}

/**
 * Lays out the deck of a draft: only the included slides, in the order of `SLIDE_KEYS`.
 * - The title slide carries the customer, quarter, period and as-of date.
 * - The agenda lists the titles of the included slides after it.
 * - Section slides carry their lines, and the metrics and adoption slides list their claims with the health and usage
 *   charts. The action items slide carries a table.
 * Every bullet with a number ends with its footnote markers, like `[3]`, and the slide lists those footnotes. An
 * included slide with no content shows `Nothing recorded for this period.` instead of staying blank.
 * @param draft The draft, with the CSM's edits and slide toggles.
 */
export function buildDeck(draft: QbrDraft): DeckSlide[] {
  const titleOf = new Map(draft.slides.map((slide) => [slide.key, slide.title]));
  const included = SLIDE_KEYS.filter((key) => draft.slides.some((slide) => slide.key === key && slide.included));
  const slides = included.map((key) => slideOf(draft, key, titleOf.get(key) ?? SLIDE_TITLES[key]));
  const agenda = slides.find((slide) => slide.key === 'agenda');
  if (agenda !== undefined) {
    const after = slides.slice(slides.indexOf(agenda) + 1);
    agenda.bullets = after.map((slide) => slide.title);
  }
  for (const slide of slides) {
    if (slide.bullets.length === 0 && slide.chart === null && slide.key !== 'title') {
      slide.bullets = [EMPTY_SLIDE_TEXT];
    }
  }
  return slides;
}

function bulletRuns(bullets: string[]): PptxTextRun[] {
  return bullets.map((text) => ({ text, options: { bullet: true, breakLine: true } }));
}

function addTitleSlide(slide: PptxSlideLike, deckSlide: DeckSlide): void {
  slide.addText(deckSlide.title, {
    x: LAYOUT.margin,
    y: 2.2,
    w: LAYOUT.width,
    h: 1.4,
    fontFace: FONT,
    fontSize: 40,
    bold: true,
    color: TEXT_COLOR,
    align: 'center',
    valign: 'middle'
  });
  slide.addText(
    deckSlide.bullets.map((text) => ({ text, options: { breakLine: true } })),
    {
      x: LAYOUT.margin,
      y: 3.8,
      w: LAYOUT.width,
      h: 1.4,
      fontFace: FONT,
      fontSize: 18,
      color: NOTE_COLOR,
      align: 'center'
    }
  );
}

function addBody(slide: PptxSlideLike, deckSlide: DeckSlide, chartImage: string | undefined): void {
  const textWidth = chartImage === undefined ? LAYOUT.width : LAYOUT.textWithChartW;
  if (deckSlide.table !== undefined && deckSlide.table !== null) {
    const header = deckSlide.table.header.map((text) => ({ text, options: { bold: true } }));
    const rows = deckSlide.table.rows.map((row) => row.map((text) => ({ text })));
    slide.addTable([header, ...rows], {
      x: LAYOUT.margin,
      y: LAYOUT.bodyY,
      w: textWidth,
      fontFace: FONT,
      fontSize: 14,
      color: TEXT_COLOR,
      autoPage: false
    });
  } else if (deckSlide.bullets.length > 0) {
    slide.addText(bulletRuns(deckSlide.bullets), {
      x: LAYOUT.margin,
      y: LAYOUT.bodyY,
      w: textWidth,
      h: LAYOUT.bodyH,
      fontFace: FONT,
      fontSize: 16,
      color: TEXT_COLOR,
      valign: 'top'
    });
  }
  if (chartImage !== undefined) {
    slide.addImage({
      data: chartImage,
      x: LAYOUT.chartX,
      y: LAYOUT.bodyY,
      w: LAYOUT.chartW,
      h: LAYOUT.chartH,
      altText: deckSlide.chart?.title ?? deckSlide.title
    });
  }
  if (deckSlide.footnotes.length > 0) {
    slide.addText(
      deckSlide.footnotes.map((text) => ({ text, options: { breakLine: true } })),
      {
        x: LAYOUT.margin,
        y: LAYOUT.footnoteY,
        w: LAYOUT.width,
        h: LAYOUT.footnoteH,
        fontFace: FONT,
        fontSize: 9,
        color: NOTE_COLOR,
        valign: 'top'
      }
    );
  }
}

/**
 * Writes the slides into a new pptxgenjs presentation (16:9, `LAYOUT_WIDE`). The engine takes the constructor instead
 * of importing the library, so the component passes the static resource's global and Node passes
 * `require('pptxgenjs')`. Each slide gets its title, its bullets or table, its chart image on the right when one is
 * given for its key, and its footnotes in small type at the bottom.
 * @param PptxGenJS The pptxgenjs constructor (version 4.0.1 or any with the same calls).
 * @param slides Slides from {@link buildDeck}.
 * @param chartImages PNG data URLs (`data:image/png;base64,...`) of the charts, by slide key.
 * @returns The presentation; call `write({ outputType })` on it to get the file.
 * @throws Error when a chart image is not a PNG data URL.
 */
export function writeDeck(
  PptxGenJS: new () => PptxLike,
  slides: DeckSlide[],
  chartImages: Partial<Record<SlideKey, string>>
): PptxLike {
  for (const [key, image] of Object.entries(chartImages)) {
    if (image !== undefined && !image.startsWith('data:image/png;base64,')) {
      throw new Error(`Chart image of slide ${key} is not a PNG data URL: pass canvas.toDataURL('image/png').`);
    }
  }
  const pptx = new PptxGenJS();
  pptx.layout = LAYOUT.name;
  const first = slides.find((slide) => slide.key === 'title');
  pptx.title = first === undefined ? 'Business review' : `${first.title}: business review`;
  pptx.author = 'Success Cockpit';
  for (const deckSlide of slides) {
    const slide = pptx.addSlide();
    if (deckSlide.key === 'title') {
      addTitleSlide(slide, deckSlide);
      continue;
    }
    slide.addText(deckSlide.title, {
      x: LAYOUT.margin,
      y: LAYOUT.titleY,
      w: LAYOUT.width,
      h: LAYOUT.titleH,
      fontFace: FONT,
      fontSize: 28,
      bold: true,
      color: TEXT_COLOR,
      valign: 'middle'
    });
    addBody(slide, deckSlide, chartImages[deckSlide.key]);
  }
  return pptx;
}

/**
 * Returns the deck's file name, `<customer>-qbr-<quarter>.pptx`, like `acme-corp-qbr-2026-q4.pptx`.
 * @param customer Account name.
 * @param quarter Quarter as `YYYY-Qn`.
 */
export function deckFileName(customer: string, quarter: string): string {
  return `${customerSlug(customer)}-qbr-${quarterSlug(quarter)}.pptx`;
}

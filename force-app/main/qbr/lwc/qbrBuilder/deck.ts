/**
 * Writes the PowerPoint deck with pptxgenjs, which the pptxgenjs static resource defines as `window.PptxGenJS`, and
 * prepares it for saveDeck and for download.
 */
import { writeDeck } from 'c/qbrEngine';
import type { DeckSlide, PptxLike, SlideKey } from 'c/qbrEngine';
import { chartImageOf } from './charts';
import type { DrawnChart } from './charts';

/** Media type of a .pptx file. */
export const PPTX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

/** Largest deck saveDeck accepts, in bytes once decoded. */
export const MAX_DECK_BYTES = 10 * 1024 * 1024;

/** The pptxgenjs constructor, which the static resource sets as `window.PptxGenJS` when it loads. */
export type PptxConstructor = new () => PptxLike;

/**
 * Returns the pptxgenjs constructor that the static resource defined on the global object, or null when it is absent.
 * @param scope The global object (`window`).
 */
export function pptxConstructorOf(scope: object): PptxConstructor | null {
  const candidate = (scope as { PptxGenJS?: unknown }).PptxGenJS;
  return typeof candidate === 'function' ? (candidate as PptxConstructor) : null;
}

/**
 * Picks the PNG of each slide that shows a chart, from the charts drawn on the page: a slide gets the image of the
 * drawn chart with the same title. A slide whose chart is not drawn gets none.
 * @param slides Slides from `buildDeck`.
 * @param charts Charts drawn on the page.
 */
export function chartImagesFor(slides: DeckSlide[], charts: DrawnChart[]): Partial<Record<SlideKey, string>> {
  const images: Partial<Record<SlideKey, string>> = {};
  for (const slide of slides) {
    if (slide.chart === null) {
      continue;
    }
    const title = slide.chart.title;
    const drawn = charts.find((chart) => chart.spec.title === title);
    const image = drawn ? chartImageOf(drawn) : null;
    if (image !== null) {
      images[slide.key] = image;
    }
  }
  return images;
}

/**
 * Returns the size in bytes of base64 data once decoded.
 * @param base64 Base64 text without a data URL prefix.
 */
export function decodedSize(base64: string): number {
  const length = base64.replace(/\s/g, '').length;
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor((length * 3) / 4) - padding;
}

/**
 * Writes the deck and returns it as base64.
 * @param PptxGenJS The pptxgenjs constructor.
 * @param slides Slides from `buildDeck`.
 * @param images PNG data URLs of the chart slides.
 * @returns The .pptx file as base64.
 * @throws Error when pptxgenjs returns something other than base64 text, or the deck is larger than saveDeck accepts.
 */
export async function writeDeckBase64(
  PptxGenJS: PptxConstructor,
  slides: DeckSlide[],
  images: Partial<Record<SlideKey, string>>
): Promise<string> {
  const pptx = writeDeck(PptxGenJS, slides, images);
  const output = await pptx.write({ outputType: 'base64' });
  if (typeof output !== 'string' || output === '') {
    throw new Error('The PowerPoint library returned no base64 data for the deck. Reload the page and export again.');
  }
  const size = decodedSize(output);
  if (size > MAX_DECK_BYTES) {
    const megabytes = (size / (1024 * 1024)).toFixed(1);
    throw new Error(
      `The deck is ${megabytes} MB, more than the 10 MB a file on the account may hold. Leave out slides and export again.`
    );
  }
  return output;
}

/**
 * Returns the data URL that downloads a deck.
 * @param base64 The .pptx file as base64.
 */
export function deckDataUrl(base64: string): string {
  return `data:${PPTX_MEDIA_TYPE};base64,${base64}`;
}

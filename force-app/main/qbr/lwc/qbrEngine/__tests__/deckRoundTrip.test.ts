// This file runs in the LWC project's jsdom environment: `@jest-environment node` is not possible there, because the
// project's setup files need DOM globals. pptxgenjs 4.0.1 treats any runtime whose `process.release.name` is `node`
// as Node and starts `import('node:fs')` on every write, which Jest's module sandbox rejects without
// --experimental-vm-modules. The tests therefore give the sandbox's `process` another release name, so pptxgenjs
// takes its browser path, as it does in Lightning; JSZip still writes a Buffer for `outputType: 'nodebuffer'`.
import JSZip from 'jszip';
import PptxGenJS from 'pptxgenjs';
import { assembleQbr, buildDeck, withSlideIncluded, writeDeck } from '../qbrEngine';
import type { PptxLike, QbrData, SlideKey } from '../qbrEngine';
import reviewData from './data/reviewData.json';

// 1x1 transparent PNG.
const PNG_DATA_URL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

// Compile-time proof that the real constructor satisfies the structural interface the engine declares.
const Constructor: new () => PptxLike = PptxGenJS;

async function unzip(pptx: PptxLike): Promise<JSZip> {
  const output = await pptx.write({ outputType: 'nodebuffer' });
  return JSZip.loadAsync(output as Buffer);
}

function slideNames(zip: JSZip): string[] {
  return Object.keys(zip.files)
    .filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
    .sort((left, right) => Number(/(\d+)\.xml$/.exec(left)?.[1]) - Number(/(\d+)\.xml$/.exec(right)?.[1]));
}

/** Text of all `<a:t>` runs of a slide, with XML entities decoded. */
async function slideText(zip: JSZip, name: string): Promise<string> {
  const xml = await zip.file(name)!.async('string');
  return [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)]
    .map((match) =>
      match[1]
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&')
    )
    .join('\n');
}

describe('writeDeck with pptxgenjs', () => {
  const release = Object.getOwnPropertyDescriptor(process, 'release') as PropertyDescriptor;

  beforeEach(() => {
    Object.defineProperty(process, 'release', { ...release, value: { ...process.release, name: 'jsdom' } });
  });

  afterEach(() => {
    Object.defineProperty(process, 'release', release);
  });

  const draft = assembleQbr(reviewData as QbrData);

  it('writes titles and numbers', async () => {
    const slides = buildDeck(draft);

    const zip = await unzip(writeDeck(Constructor, slides, {}));
    const names = slideNames(zip);

    expect(names).toHaveLength(slides.length);
    expect(names).toHaveLength(10);
    const texts = await Promise.all(names.map((name) => slideText(zip, name)));
    slides.forEach((slide, index) => {
      expect(texts[index]).toContain(slide.title);
    });
    expect(texts[0]).toContain('Acme | Corp');
    expect(texts[0]).toContain('2026-10-01 to 2026-12-31');
    const metrics = texts[slides.findIndex((slide) => slide.key === 'metrics')];
    expect(metrics).toContain('Health score: 74 points [');
    expect(metrics).toContain('Cases resolved: 12 Cases');
    expect(metrics).toContain('as of 2026-11-30');
    const adoption = texts[slides.findIndex((slide) => slide.key === 'adoption')];
    expect(adoption).toContain('Licensed seats in use at peak in 2026-12: 90%');
    const actions = texts[slides.findIndex((slide) => slide.key === 'actionItems')];
    expect(actions).toContain('Send the renewal proposal');
    expect(actions).toContain('Dana Reyes');
    expect(actions).toContain('2027-01-15');
  });

  it('places chart images as PNG media', async () => {
    const slides = buildDeck(draft);
    const images: Partial<Record<SlideKey, string>> = { metrics: PNG_DATA_URL, adoption: PNG_DATA_URL };

    const zip = await unzip(writeDeck(Constructor, slides, images));
    const media = Object.keys(zip.files).filter((name) => /^ppt\/media\/.+\.png$/.test(name));

    expect(media).toHaveLength(2);
    const bytes = await zip.file(media[0])!.async('uint8array');
    expect([...bytes.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const metricsIndex = slides.findIndex((slide) => slide.key === 'metrics') + 1;
    const rels = await zip.file(`ppt/slides/_rels/slide${metricsIndex}.xml.rels`)!.async('string');
    expect(rels).toMatch(/media\/[^"]+\.png/);
  });

  it('writes no media without chart images', async () => {
    const zip = await unzip(writeDeck(Constructor, buildDeck(draft), {}));

    expect(Object.keys(zip.files).filter((name) => /^ppt\/media\/.+\.png$/.test(name))).toEqual([]);
  });

  it('drops toggled-off slides', async () => {
    const trimmed = withSlideIncluded(withSlideIncluded(draft, 'adoption', false), 'roadmap', false);

    const zip = await unzip(writeDeck(Constructor, buildDeck(trimmed), {}));
    const texts = await Promise.all(slideNames(zip).map((name) => slideText(zip, name)));

    expect(texts).toHaveLength(8);
    expect(texts.join('\n')).not.toContain('Roadmap alignment');
    expect(texts[1]).not.toContain('Adoption');
  });
});

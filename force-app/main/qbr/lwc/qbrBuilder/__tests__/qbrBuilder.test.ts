import { createElement } from '@lwc/engine-dom';
import QbrBuilder from 'c/qbrBuilder';
import { refreshApex } from '@salesforce/apex';
import { loadScript } from 'lightning/platformResourceLoader';
import getReviewData from '@salesforce/apex/QbrBuilderController.getReviewData';
import saveReview from '@salesforce/apex/QbrBuilderController.saveReview';
import addActionItem from '@salesforce/apex/QbrBuilderController.addActionItem';
import saveDeck from '@salesforce/apex/QbrBuilderController.saveDeck';
import type { ChartSpec, DeckSlide, PptxImageOptions, PptxTextRun, QbrDraft } from 'c/qbrEngine';
import { assembleQbr } from 'c/qbrEngine';
import {
  benchmarkSummary,
  claimRows,
  footnoteRows,
  localToday,
  objectiveRows,
  quarterOptions,
  readinessPanel,
  riskRows,
  toQbrData
} from '../reviewView';
import {
  actionItemParamsOf,
  emptyActionItemForm,
  saveParamsOf,
  validateActionItemForm,
  validateReview
} from '../reviewForms';
import {
  ChartBoard,
  chartConfigOf,
  chartConstructorOf,
  chartLabel,
  chartTableOf,
  destroyChart,
  drawChart
} from '../charts';
import type { ChartConfig, DrawnChart } from '../charts';
import { chartImagesFor, decodedSize, deckDataUrl, pptxConstructorOf, writeDeckBase64 } from '../deck';
import reviewData from './data/review.json';
import reviewEmpty from './data/reviewEmpty.json';
import reviewSaved from './data/reviewSaved.json';

jest.mock(
  '@salesforce/apex/QbrBuilderController.getReviewData',
  () => {
    const { createApexTestWireAdapter } = jest.requireActual<typeof import('@salesforce/wire-service-jest-util')>(
      '@salesforce/wire-service-jest-util'
    );
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true }
);
jest.mock('@salesforce/apex/QbrBuilderController.saveReview', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/QbrBuilderController.addActionItem', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/QbrBuilderController.saveDeck', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });
jest.mock('@salesforce/resourceUrl/chartjs', () => ({ default: '/resource/chartjs' }), { virtual: true });
jest.mock('@salesforce/resourceUrl/pptxgenjs', () => ({ default: '/resource/pptxgenjs' }), { virtual: true });
jest.mock('lightning/platformResourceLoader', () => ({ loadScript: jest.fn(), loadStyle: jest.fn() }));

type ReviewData = ApexTypes.QbrBuilderController_ReviewData;
type Rendered = HTMLElement & Record<string, unknown>;

interface ApexWireAdapterMock {
  emit(value: unknown): void;
  error(body?: unknown, status?: number, statusText?: string): void;
  getLastConfig(): Record<string, unknown> | null;
}

interface Toast {
  title: string;
  message: string;
  variant: string;
}

const DECK_BASE64 = 'UEsDBBQAAAAIAA==';

/** Chart.js double: records what each chart was built with and whether it was destroyed. */
class FakeChart {
  static instances: FakeChart[] = [];
  destroyed = false;

  constructor(
    readonly canvas: HTMLCanvasElement,
    readonly config: ChartConfig
  ) {
    FakeChart.instances.push(this);
  }

  destroy(): void {
    this.destroyed = true;
  }
}

/** Slide of the pptxgenjs double. */
class FakeSlide {
  texts: string[] = [];
  images: PptxImageOptions[] = [];
  tables: unknown[] = [];

  addText(text: string | PptxTextRun[]): FakeSlide {
    this.texts.push(typeof text === 'string' ? text : text.map((run) => run.text).join('|'));
    return this;
  }

  addImage(options: PptxImageOptions): FakeSlide {
    this.images.push(options);
    return this;
  }

  addTable(rows: unknown): FakeSlide {
    this.tables.push(rows);
    return this;
  }
}

/** pptxgenjs double: records the slides and returns fixed base64 from write. */
class FakePptx {
  static instances: FakePptx[] = [];
  layout = '';
  title = '';
  author = '';
  company = '';
  slides: FakeSlide[] = [];
  writeProps: unknown = null;

  constructor() {
    FakePptx.instances.push(this);
  }

  addSlide(): FakeSlide {
    const slide = new FakeSlide();
    this.slides.push(slide);
    return slide;
  }

  write(props: unknown): Promise<string> {
    this.writeProps = props;
    return Promise.resolve(DECK_BASE64);
  }
}

const getReviewDataAdapter = getReviewData as unknown as ApexWireAdapterMock;
const mockSaveReview = saveReview as unknown as jest.Mock;
const mockAddActionItem = addActionItem as unknown as jest.Mock;
const mockSaveDeck = saveDeck as unknown as jest.Mock;
const mockRefreshApex = refreshApex as unknown as jest.Mock;
const mockLoadScript = loadScript as unknown as jest.Mock;

const ACCOUNT_ID = '001000000000001AAA';
const REVIEW_ID = 'a0B000000000001AAA';
const CHART_PNG = 'data:image/png;base64,iVBORw0KGgo=';
const DECK_NAME = 'acme-widgets-inc-qbr-2026-q4.pptx';
const REVIEW = reviewData as ReviewData;
const EMPTY = reviewEmpty as ReviewData;
const SAVED = { ...REVIEW, review: reviewSaved.review, actionItems: reviewSaved.actionItems } as ReviewData;
const TODAY = new Date(2026, 11, 4, 10, 0, 0);
const RENEWAL_LINE = 'Renewal on 2027-03-31: agree the terms by 2027-02-15';

function flush(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Waits for the wire, loadScript and the re-render that follows each, which take a macrotask each. */
async function settle(): Promise<void> {
  await flush();
  await flush();
  await flush();
}

function mount(): HTMLElement {
  const element = createElement('c-qbr-builder', { is: QbrBuilder });
  (element as HTMLElement & { recordId: string }).recordId = ACCOUNT_ID;
  document.body.appendChild(element);
  return element;
}

async function mountWith(data: ReviewData): Promise<HTMLElement> {
  const element = mount();
  getReviewDataAdapter.emit(data);
  await settle();
  return element;
}

function byId(element: HTMLElement, id: string): Rendered | null {
  return (element.shadowRoot?.querySelector<HTMLElement>(`[data-id="${id}"]`) as Rendered | null) ?? null;
}

function allById(element: HTMLElement, id: string): Rendered[] {
  return Array.from(element.shadowRoot?.querySelectorAll<HTMLElement>(`[data-id="${id}"]`) ?? []) as Rendered[];
}

function query(element: HTMLElement, selector: string): Rendered {
  const found = element.shadowRoot?.querySelector<HTMLElement>(selector);
  if (!found) {
    throw new Error(`Nothing matches ${selector}. Check that the step is rendered.`);
  }
  return found as Rendered;
}

function textOf(element: HTMLElement | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function collectToasts(element: HTMLElement): Toast[] {
  const toasts: Toast[] = [];
  element.addEventListener('lightning__showtoast', (event) => toasts.push((event as CustomEvent<Toast>).detail));
  return toasts;
}

async function click(target: HTMLElement | null): Promise<void> {
  if (!target) {
    throw new Error('The element to click is not rendered.');
  }
  target.click();
  await settle();
}

async function editSection(element: HTMLElement, section: string, value: string): Promise<void> {
  query(element, `[data-section="${section}"]`).dispatchEvent(new CustomEvent('change', { detail: { value } }));
  await flush();
}

async function toggleSlide(element: HTMLElement, slide: string, checked: boolean): Promise<void> {
  query(element, `[data-slide="${slide}"]`).dispatchEvent(new CustomEvent('change', { detail: { checked } }));
  await flush();
}

async function changeAction(element: HTMLElement, field: string, value: string): Promise<void> {
  query(element, `[data-form="action"][data-field="${field}"]`).dispatchEvent(
    new CustomEvent('change', { detail: { value } })
  );
  await flush();
}

function readBlob(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

function mockDownload(): { blobs: Blob[]; clicked: { href: string; download: string }[] } {
  const blobs: Blob[] = [];
  const clicked: { href: string; download: string }[] = [];
  Object.assign(URL, {
    createObjectURL: jest.fn((blob: Blob) => {
      blobs.push(blob);
      return `blob:qbr-${blobs.length}`;
    }),
    revokeObjectURL: jest.fn()
  });
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push({ href: this.href, download: this.download });
  });
  return { blobs, clicked };
}

/** Makes loadScript define the library globals, or fail for the given resources. */
function mockLibraries(failing: string[] = []): void {
  mockLoadScript.mockImplementation((_component: unknown, url: string) => {
    if (failing.includes(url)) {
      return Promise.reject(new Error(`Failed to load ${url}: network error.`));
    }
    const scope = window as unknown as Record<string, unknown>;
    if (url === '/resource/chartjs') {
      scope.Chart = FakeChart;
    } else if (url === '/resource/pptxgenjs') {
      scope.PptxGenJS = FakePptx;
    }
    return Promise.resolve();
  });
}

function liveCharts(): FakeChart[] {
  return FakeChart.instances.filter((chart) => !chart.destroyed);
}

function slideTitles(pptx: FakePptx): string[] {
  return pptx.slides.map((slide) => slide.texts[0] ?? '');
}

describe('c-qbr-builder', () => {
  beforeEach(() => {
    jest.useFakeTimers({
      now: TODAY,
      doNotFake: [
        'setTimeout',
        'clearTimeout',
        'setInterval',
        'clearInterval',
        'setImmediate',
        'clearImmediate',
        'nextTick',
        'queueMicrotask',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'requestIdleCallback',
        'cancelIdleCallback',
        'performance',
        'hrtime'
      ]
    });
    FakeChart.instances = [];
    FakePptx.instances = [];
    mockLibraries();
    jest.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockReturnValue(CHART_PNG);
  });

  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    const scope = window as unknown as Record<string, unknown>;
    delete scope.Chart;
    delete scope.PptxGenJS;
    jest.clearAllMocks();
    jest.restoreAllMocks();
    jest.useRealTimers();
  });

  it('shows a spinner while loading', async () => {
    const element = mount();
    await flush();

    expect(byId(element, 'loading')).not.toBeNull();
    expect(getReviewDataAdapter.getLastConfig()).toEqual({ accountId: ACCOUNT_ID, quarter: '2026-Q4' });
  });

  it('shows every number with its footnote', async () => {
    const element = await mountWith(REVIEW);

    const claims = allById(element, 'claim').map(textOf);
    const footnotes = allById(element, 'footnote').map(textOf);
    const footnoteOfClaim = (claim: string | undefined): string | undefined => {
      const reference = /\[(\d+)\]$/.exec(claim ?? '')?.[0];
      return footnotes.find((footnote) => reference !== undefined && footnote.startsWith(`${reference} `));
    };
    const health = claims.find((claim) => claim.startsWith('Health score: 74 points['));
    const resolved = claims.find((claim) => claim.startsWith('Cases resolved: 12 Cases['));
    expect(footnoteOfClaim(health)).toMatch(/\] Health score: 74 points; period 2026-Q4; as of 2026-12-01\.$/);
    expect(footnoteOfClaim(resolved)).toMatch(
      /\] Cases resolved: 12 Cases; period 2026-10-01 to 2026-12-31; as of 2026-12-04\.$/
    );
    expect(claims).toContainEqual(expect.stringMatching(/^Licensed seats in use at peak in 2026-12: 90%\[\d+\]$/));
    expect(claims).toHaveLength(9);
    for (const claim of claims) {
      expect(footnoteOfClaim(claim)).toContain('; as of 2026-12-');
    }
    expect(footnotes).toHaveLength(claims.length);
    expect(textOf(byId(element, 'cases'))).toContain('Median resolution time2.5 days');
    expect(textOf(byId(element, 'risks'))).toContain('Champion leaving in January');
    expect(textOf(byId(element, 'objectives'))).toContain('55%');
    expect(textOf(byId(element, 'milestones'))).toContain(
      'Weekly active use, completed on 2026-11-18. Confirmed by the data.'
    );
    expect(textOf(byId(element, 'list-footnote'))).toBe(
      'Cases, risks, objectives and milestones: Read on 2026-12-04 for 2026-Q4, 2026-10-01 to 2026-12-31.'
    );
    expect(textOf(byId(element, 'period-text'))).toBe(
      '2026-Q4: 2026-10-01 to 2026-12-31. Numbers are read as of 2026-12-04.'
    );
    await expect(element).toBeAccessible();
  });

  it('draws both charts with the period data', async () => {
    const element = await mountWith(REVIEW);

    expect(mockLoadScript).toHaveBeenCalledWith(expect.anything(), '/resource/chartjs');
    expect(liveCharts()).toHaveLength(2);
    const [health, usage] = liveCharts();
    expect(health.config.type).toBe('line');
    expect(health.config.data.labels).toEqual(['2026-10-05', '2026-11-02', '2026-12-01']);
    expect(health.config.data.datasets[0].data).toEqual([62, 68.5, 74]);
    expect(health.config.options.animation).toBe(false);
    expect(usage.config.type).toBe('bar');
    expect(usage.config.data.datasets.map((dataset) => dataset.label)).toEqual(['Peak daily active users', 'Logins']);
    expect(usage.config.data.datasets[1].data).toEqual([1200, 1350, null]);
    const host = query(element, '[data-chart="health"]');
    expect(health.canvas.parentNode).toBe(host);
    expect(health.canvas.getAttribute('role')).toBe('img');
    expect(health.canvas.getAttribute('aria-label')).toBe(
      'Line chart: Health score, Health score from 2026-10-05 to 2026-12-01. The table of the chart lists the values.'
    );
    expect(byId(element, 'health-table')?.className).toBe('slds-assistive-text');
    expect(textOf(byId(element, 'usage-table'))).toContain('2026-1290no data');
    expect(byId(element, 'charts-loading')).toBeNull();
  });

  it('draws the charts only once the data is there', async () => {
    const element = mount();
    await settle();

    expect(byId(element, 'loading')).not.toBeNull();
    expect(mockLoadScript).toHaveBeenCalledWith(expect.anything(), '/resource/chartjs');
    expect(FakeChart.instances).toHaveLength(0);

    getReviewDataAdapter.emit(REVIEW);
    await settle();

    expect(liveCharts()).toHaveLength(2);
  });

  it('draws a chart again when its data changes', async () => {
    const element = await mountWith(REVIEW);
    const [firstHealth, firstUsage] = liveCharts();

    getReviewDataAdapter.emit({
      ...REVIEW,
      healthPoints: [...(REVIEW.healthPoints ?? []), { scoredOn: '2026-12-03', score: 76, band: 'Green' }]
    });
    await settle();

    expect(firstHealth.destroyed).toBe(true);
    expect(firstUsage.destroyed).toBe(false);
    const health = liveCharts().find((chart) => chart.config.type === 'line');
    expect(health?.config.data.datasets[0].data).toEqual([62, 68.5, 74, 76]);
    expect(query(element, '[data-chart="health"]').querySelectorAll('canvas')).toHaveLength(1);
  });

  it('destroys the charts when removed', async () => {
    const element = await mountWith(REVIEW);

    document.body.removeChild(element);

    expect(FakeChart.instances).toHaveLength(2);
    expect(liveCharts()).toHaveLength(0);
  });

  it('moves through the steps', async () => {
    const element = await mountWith(REVIEW);
    const stepper = byId(element, 'stepper');

    expect(stepper?.currentStep).toBe('period');
    expect(query(element, '[data-section="period"]').className).toBe('step');
    expect(query(element, '[data-section="metrics"]').className).toBe('step slds-hide');
    expect(byId(element, 'previous-step')?.disabled).toBe(true);

    await click(byId(element, 'next-step'));

    expect(stepper?.currentStep).toBe('metrics');
    expect(textOf(byId(element, 'step-announcement'))).toBe('Step 2 of 6: Metrics');
    expect(query(element, '[data-section="metrics"]').className).toBe('step');
    expect(byId(element, 'next-step')?.label).toBe('Next: Wins & challenges');
    expect(byId(element, 'previous-step')?.label).toBe('Back: Period');

    await click(query(element, 'lightning-progress-step[data-step="readiness"]'));

    expect(stepper?.currentStep).toBe('readiness');
    expect(byId(element, 'next-step')?.disabled).toBe(true);
    expect(element.shadowRoot?.activeElement?.getAttribute('data-step-heading')).toBe('readiness');

    await click(byId(element, 'previous-step'));

    expect(stepper?.currentStep).toBe('next');
  });

  it('prefills the sections with suggestions', async () => {
    const element = await mountWith(REVIEW);

    expect(query(element, '[data-section="wins"]').value).toContain(
      'Objective met: Cut the ticket backlog: Open tickets at 140 tickets against a target of 150 tickets'
    );
    expect(query(element, '[data-section="insights"]').value).toContain(
      'Compared with the median of 6 peer accounts in the same segment'
    );
    expect(textOf(byId(element, 'benchmark-insight'))).toContain('Ahead: Active day share (30 days) is ');
    expect(textOf(byId(element, 'benchmark'))).toContain('Licence utilisation (30 days)7075');
    expect(textOf(byId(element, 'review-state'))).toContain('No review is saved for this quarter.');
  });

  it('exports the edited sections as Markdown', async () => {
    const { blobs, clicked } = mockDownload();
    const element = await mountWith(REVIEW);
    const toasts = collectToasts(element);

    await editSection(element, 'wins', 'Backlog down to 140 tickets\n- Admins trained');
    await click(byId(element, 'export-markdown'));

    expect(clicked).toEqual([{ href: 'blob:qbr-1', download: 'acme-widgets-inc-qbr-2026-q4.md' }]);
    const markdown = await readBlob(blobs[0]);
    expect(markdown).toContain('## Wins\n\n- Backlog down to 140 tickets\n- Admins trained\n');
    expect(markdown).not.toContain('Objective met: Cut the ticket backlog');
    expect(toasts).toEqual([
      { title: 'Business review exported', message: 'Downloaded acme-widgets-inc-qbr-2026-q4.md.', variant: 'success' }
    ]);
  });

  it('shows readiness with its checks', async () => {
    const element = await mountWith(REVIEW);

    expect(textOf(byId(element, 'readiness-score'))).toBe('Readiness 80 of 100');
    expect(byId(element, 'readiness-band')?.label).toBe('Refine');
    expect(allById(element, 'category').map(textOf)).toEqual([
      'Customer centricity25 of 25',
      'Actionability5 of 20',
      'Data-driven insight20 of 20',
      'Proactive risk management20 of 20',
      'Expansion awareness10 of 15'
    ]);
    const checks = allById(element, 'check');
    expect(checks).toHaveLength(11);
    const actionCheck = query(element, '[data-check="actionItemsOwnedAndDated"]');
    expect(textOf(actionCheck)).toContain('Actionability, 0 of 15 points');
    expect(textOf(actionCheck.querySelector('[data-id="finding"]'))).toBe('No action item.');
    expect(textOf(actionCheck)).toContain('To add: Add action items, each with an owner and a due date.');
    expect(allById(element, 'finding').every((finding) => textOf(finding) !== '')).toBe(true);
    expect(textOf(byId(element, 'missing'))).toContain('Address the renewal: add a goal or an action item for it.');
  });

  it('rescores when the renewal is addressed', async () => {
    const element = await mountWith(REVIEW);
    const roadmap = String(query(element, '[data-section="roadmapAlignment"]').value);

    await editSection(element, 'roadmapAlignment', `${roadmap}\n${RENEWAL_LINE}`);

    expect(textOf(byId(element, 'readiness-score'))).toBe('Readiness 85 of 100');
    expect(byId(element, 'readiness-band')?.label).toBe('Ready to present');
    expect(textOf(byId(element, 'missing'))).not.toContain('Address the renewal');
  });

  it('saves the review with the score and band', async () => {
    mockSaveReview.mockResolvedValue(REVIEW_ID);
    const element = await mountWith(REVIEW);
    const toasts = collectToasts(element);
    const roadmap = String(query(element, '[data-section="roadmapAlignment"]').value);
    await editSection(element, 'roadmapAlignment', `${roadmap}\n- ${RENEWAL_LINE}\n\n`);
    await toggleSlide(element, 'adoption', false);
    byId(element, 'status')?.dispatchEvent(new CustomEvent('change', { detail: { value: 'Ready' } }));
    await flush();

    await click(byId(element, 'save'));

    expect(mockSaveReview).toHaveBeenCalledTimes(1);
    const params = mockSaveReview.mock.calls[0][0];
    expect(params).toEqual({
      accountId: ACCOUNT_ID,
      quarter: '2026-Q4',
      status: 'Ready',
      wins: expect.stringContaining('Objective met: Cut the ticket backlog'),
      challenges: expect.stringContaining('High risk: Champion leaving in January'),
      roadmapAlignment: `${roadmap}\n${RENEWAL_LINE}`,
      insights: expect.stringContaining('Compared with the median of 6 peer accounts'),
      nextPeriodGoals: 'Every support agent uses the knowledge base weekly: reach 80% on Weekly knowledge users',
      includedSlides: 'title,agenda,wins,metrics,challenges,roadmap,insights,nextGoals',
      readinessScore: 85,
      readinessBand: 'ReadyToPresent'
    });
    expect(mockRefreshApex).toHaveBeenCalledTimes(1);
    expect(toasts).toEqual([
      {
        title: 'Business review saved',
        message: 'Acme | Widgets, Inc. 2026-Q4 is saved as Ready with readiness 85 of 100 (Ready to present).',
        variant: 'success'
      }
    ]);
  });

  it('disables the actions while saving', async () => {
    let finishSave: (id: string) => void = () => undefined;
    mockSaveReview.mockReturnValue(
      new Promise<string>((resolve) => {
        finishSave = resolve;
      })
    );
    const element = await mountWith(SAVED);

    byId(element, 'save')?.click();
    await flush();

    for (const id of ['save', 'export-deck', 'export-markdown', 'add-action']) {
      expect(byId(element, id)?.disabled).toBe(true);
    }

    finishSave(REVIEW_ID);
    await settle();

    for (const id of ['save', 'export-deck', 'export-markdown', 'add-action']) {
      expect(byId(element, id)?.disabled).toBe(false);
    }
  });

  it('reports a failed save', async () => {
    mockSaveReview.mockRejectedValue({
      body: { message: 'Readiness band Refine does not match score 85. Reload the page and save again.' }
    });
    const element = await mountWith(REVIEW);
    const toasts = collectToasts(element);

    await click(byId(element, 'save'));

    expect(mockRefreshApex).not.toHaveBeenCalled();
    expect(toasts).toEqual([
      {
        title: 'The business review was not saved',
        message: 'Readiness band Refine does not match score 85. Reload the page and save again.',
        variant: 'error'
      }
    ]);
    expect(byId(element, 'save')?.disabled).toBe(false);
  });

  it('saves and downloads the deck', async () => {
    mockSaveDeck.mockResolvedValue({
      contentDocumentId: '069000000000002AAA',
      contentVersionId: '068000000000002AAA',
      downloadUrl: '/sfc/servlet.shepherd/version/download/068000000000002AAA'
    });
    const { clicked } = mockDownload();
    const element = await mountWith(SAVED);
    const toasts = collectToasts(element);

    await click(byId(element, 'export-deck'));

    expect(mockLoadScript.mock.calls.map((call) => call[1])).toEqual(['/resource/chartjs', '/resource/pptxgenjs']);
    expect(mockSaveDeck).toHaveBeenCalledWith({ reviewId: REVIEW_ID, fileName: DECK_NAME, base64Data: DECK_BASE64 });
    const [pptx] = FakePptx.instances;
    expect(pptx.writeProps).toEqual({ outputType: 'base64' });
    expect(pptx.slides.flatMap((slide) => slide.images.map((image) => image.data))).toEqual([CHART_PNG]);
    expect(clicked).toEqual([
      {
        href: `data:application/vnd.openxmlformats-officedocument.presentationml.presentation;base64,${DECK_BASE64}`,
        download: DECK_NAME
      }
    ]);
    expect(toasts).toEqual([
      {
        title: 'PowerPoint deck exported',
        message: `Saved ${DECK_NAME} on the account and downloaded it.`,
        variant: 'success'
      }
    ]);
    expect(mockRefreshApex).toHaveBeenCalledTimes(1);
    expect(textOf(byId(element, 'last-deck'))).toBe(`Download ${DECK_NAME} from the account`);
  });

  it('leaves switched-off slides out of the deck', async () => {
    mockSaveDeck.mockResolvedValue({ contentDocumentId: null, contentVersionId: null, downloadUrl: null });
    mockDownload();
    const element = await mountWith(SAVED);

    expect(query(element, '[data-slide="wins"]').checked).toBe(true);
    expect(query(element, '[data-slide="adoption"]').checked).toBe(false);
    await click(byId(element, 'export-deck'));
    await toggleSlide(element, 'wins', false);
    await toggleSlide(element, 'adoption', true);
    await click(byId(element, 'export-deck'));

    const [before, after] = FakePptx.instances;
    expect(slideTitles(before)).toContain('Wins');
    expect(slideTitles(before)).not.toContain('Adoption');
    expect(slideTitles(after)).not.toContain('Wins');
    expect(slideTitles(after)).toContain('Adoption');
    expect(textOf(byId(element, 'slide-count'))).toBe('6 of 10 slides included.');
    expect(byId(element, 'last-deck')).toBeNull();
  });

  it('downloads the deck of an unsaved review', async () => {
    const { clicked } = mockDownload();
    const element = await mountWith(REVIEW);
    const toasts = collectToasts(element);

    await click(byId(element, 'export-deck'));

    expect(mockSaveDeck).not.toHaveBeenCalled();
    expect(clicked.map((entry) => entry.download)).toEqual([DECK_NAME]);
    expect(toasts).toEqual([
      {
        title: 'PowerPoint deck downloaded',
        message: `Downloaded ${DECK_NAME}. Save the review first to store its deck on the account.`,
        variant: 'warning'
      }
    ]);
  });

  it('still downloads the deck when saving it fails', async () => {
    mockSaveDeck.mockRejectedValue({ body: { message: 'The deck is larger than 10 MB. Leave out slides.' } });
    const { clicked } = mockDownload();
    const element = await mountWith(SAVED);
    const toasts = collectToasts(element);

    await click(byId(element, 'export-deck'));

    expect(clicked).toHaveLength(1);
    expect(toasts).toEqual([
      {
        title: 'PowerPoint deck downloaded',
        message: `Downloaded ${DECK_NAME}. It was not saved on the account: The deck is larger than 10 MB. Leave out slides.`,
        variant: 'warning'
      }
    ]);
  });

  it('adds an action item', async () => {
    mockAddActionItem.mockResolvedValue('00T000000000002AAA');
    const element = await mountWith(SAVED);
    const toasts = collectToasts(element);

    expect(textOf(byId(element, 'action-items'))).toContain(
      'Send the knowledge base rollout planDana Kim2026-12-18Open'
    );
    await changeAction(element, 'subject', '  Book the renewal workshop ');
    await changeAction(element, 'ownerId', '005000000000002AAA');
    await changeAction(element, 'dueDate', '2027-01-15');
    await click(byId(element, 'add-action'));

    expect(mockAddActionItem).toHaveBeenCalledWith({
      reviewId: REVIEW_ID,
      subject: 'Book the renewal workshop',
      ownerId: '005000000000002AAA',
      dueDate: '2027-01-15'
    });
    expect(mockRefreshApex).toHaveBeenCalledTimes(1);
    expect(toasts).toEqual([
      {
        title: 'Action item added',
        message: 'Book the renewal workshop is due on 2027-01-15, owned by Lee Park.',
        variant: 'success'
      }
    ]);
    expect(query(element, '[data-form="action"][data-field="subject"]').value).toBe('');
  });

  it('checks the action item form before adding', async () => {
    const element = await mountWith(SAVED);

    await click(byId(element, 'add-action'));

    expect(mockAddActionItem).not.toHaveBeenCalled();
    expect(textOf(byId(element, 'action-errors'))).toBe(
      'Fix these problems: Enter what is to be done, for example "Send the adoption plan to the sponsor". Choose who ' +
        'owns the action item. Enter the day the action item is due.'
    );

    await changeAction(element, 'subject', 'Book the workshop');
    await changeAction(element, 'ownerId', '005000000000001AAA');
    await changeAction(element, 'dueDate', '2026-12-03');
    await click(byId(element, 'add-action'));

    expect(mockAddActionItem).not.toHaveBeenCalled();
    expect(textOf(byId(element, 'action-errors'))).toBe(
      'Fix this problem: The due date 2026-12-03 is in the past. Choose 2026-12-04 or later.'
    );
  });

  it('asks to save before adding action items', async () => {
    const element = await mountWith(REVIEW);

    expect(byId(element, 'action-form')).toBeNull();
    expect(textOf(byId(element, 'save-first'))).toContain('Save the review in the last step');
    expect(textOf(byId(element, 'no-action-items'))).toBe('No action items yet.');
  });

  it('works without the chart library', async () => {
    mockLibraries(['/resource/chartjs']);
    const { blobs } = mockDownload();
    const element = mount();
    const toasts = collectToasts(element);
    getReviewDataAdapter.emit(REVIEW);
    await settle();

    expect(toasts).toEqual([
      {
        title: 'The chart library could not be loaded',
        message:
          'Failed to load /resource/chartjs: network error. Reload the page to try again. The rest of the review ' +
          'still works.',
        variant: 'error'
      }
    ]);
    expect(FakeChart.instances).toHaveLength(0);
    expect(textOf(byId(element, 'charts-failed'))).toContain('The charts could not be drawn');
    expect(byId(element, 'health-table')?.className).toContain('slds-table');
    expect(allById(element, 'claim').length).toBeGreaterThan(0);

    await click(byId(element, 'export-markdown'));
    await click(byId(element, 'export-deck'));

    expect(await readBlob(blobs[0])).toContain('## Health and support');
    expect(FakePptx.instances[0].slides.flatMap((slide) => slide.images)).toEqual([]);
    expect(toasts[toasts.length - 1].message).toContain('The charts could not be drawn');
    await expect(element).toBeAccessible();
  });

  it('reports a PowerPoint library failure', async () => {
    mockLibraries(['/resource/pptxgenjs']);
    const { clicked } = mockDownload();
    const element = await mountWith(SAVED);
    const toasts = collectToasts(element);

    await click(byId(element, 'export-deck'));

    expect(mockSaveDeck).not.toHaveBeenCalled();
    expect(clicked).toEqual([]);
    expect(toasts).toEqual([
      {
        title: 'The PowerPoint library could not be loaded',
        message:
          'Failed to load /resource/pptxgenjs: network error. Reload the page to try again. The rest of the review ' +
          'still works.',
        variant: 'error'
      }
    ]);
    expect(byId(element, 'export-deck')?.disabled).toBe(false);
  });

  it('shows the review read-only without edit access', async () => {
    mockDownload();
    const element = await mountWith({ ...SAVED, canEdit: false });
    const toasts = collectToasts(element);

    expect(element.shadowRoot?.querySelector('lightning-textarea')).toBeNull();
    expect(byId(element, 'save')).toBeNull();
    expect(byId(element, 'status')).toBeNull();
    expect(byId(element, 'action-form')).toBeNull();
    expect(byId(element, 'save-first')).toBeNull();
    expect(textOf(byId(element, 'read-only'))).toBe('You can read and export this review but not edit it.');
    expect(Array.from(query(element, '[data-id="wins-lines"]').querySelectorAll('li')).map(textOf)).toEqual([
      'Cut the ticket backlog to 140 open tickets',
      'Admins trained on 2026-10-15'
    ]);
    expect(textOf(byId(element, 'review-state'))).toBe(
      'A review is saved for this quarter: Ready, readiness 95 of 100.'
    );
    expect(textOf(byId(element, 'deck-state'))).toBe('A deck was saved on the account on 2026-12-03.');

    await click(byId(element, 'export-deck'));

    expect(mockSaveDeck).not.toHaveBeenCalled();
    expect(toasts[0].message).toBe(
      `Downloaded ${DECK_NAME}. You can read this review but not edit it, so the deck is not stored on the account.`
    );
    await expect(element).toBeAccessible();
  });

  it('shows an empty quarter', async () => {
    const element = await mountWith(EMPTY);

    expect(textOf(byId(element, 'health-empty'))).toBe('No health scores were recorded in this period.');
    expect(textOf(byId(element, 'usage-empty'))).toBe('No usage was recorded in this period.');
    expect(FakeChart.instances).toHaveLength(0);
    expect(allById(element, 'claim')).toHaveLength(0);
    expect(byId(element, 'cases')).toBeNull();
    expect(textOf(byId(element, 'benchmark-summary'))).toBe(
      'No peer medians were found for the same segment, so there is no benchmark.'
    );
    expect(query(element, '[data-section="wins"]').value).toBe('');
    expect(textOf(byId(element, 'account-text'))).toBe(
      'Nordic Freight AB. No executive sponsor named; no renewal date known.'
    );
    await expect(element).toBeAccessible();
  });

  it('loads another quarter and discards the edits', async () => {
    const element = await mountWith(REVIEW);
    await editSection(element, 'wins', 'Edited win');

    byId(element, 'quarter')?.dispatchEvent(new CustomEvent('change', { detail: { value: '2026-Q3' } }));
    await settle();

    expect(getReviewDataAdapter.getLastConfig()).toEqual({ accountId: ACCOUNT_ID, quarter: '2026-Q3' });
    expect(byId(element, 'switching')).not.toBeNull();
    expect(byId(element, 'save')?.disabled).toBe(true);
    expect(byId(element, 'quarter')?.options).toEqual([
      { label: '2026-Q4 (2026-10-01 to 2026-12-31, current quarter)', value: '2026-Q4' },
      { label: '2026-Q3 (2026-07-01 to 2026-09-30)', value: '2026-Q3' },
      { label: '2026-Q2 (2026-04-01 to 2026-06-30)', value: '2026-Q2' },
      { label: '2026-Q1 (2026-01-01 to 2026-03-31)', value: '2026-Q1' }
    ]);

    getReviewDataAdapter.emit({
      ...REVIEW,
      quarter: '2026-Q3',
      periodStart: '2026-07-01',
      periodEnd: '2026-09-30',
      asOf: '2026-09-30'
    });
    await settle();

    expect(byId(element, 'switching')).toBeNull();
    expect(query(element, '[data-section="wins"]').value).not.toContain('Edited win');
    expect(textOf(byId(element, 'period-text'))).toBe(
      '2026-Q3: 2026-07-01 to 2026-09-30. Numbers are read as of 2026-09-30.'
    );
  });

  it('shows the error panel when loading fails', async () => {
    const element = mount();
    getReviewDataAdapter.error({ message: 'Loading the business review of account 001 failed: timed out.' });
    await settle();

    const panel = byId(element, 'load-error');
    expect(panel?.friendlyMessage).toBe('The business review could not be loaded.');
    expect((panel?.errors as { body: { message: string } }).body.message).toContain('timed out');
    expect(byId(element, 'error-quarter')?.value).toBe('2026-Q4');
    expect(byId(element, 'access-denied')).toBeNull();
    expect(byId(element, 'stepper')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows the Apex message when access is denied', async () => {
    const message =
      'Access denied: you cannot read Business Review records. Ask your admin to assign you the Success Cockpit User ' +
      'permission set.';
    const element = mount();
    getReviewDataAdapter.error({ message });
    await settle();

    expect(textOf(byId(element, 'access-denied'))).toContain(message);
    expect(byId(element, 'load-error')).toBeNull();
    expect(byId(element, 'stepper')).toBeNull();
    await expect(element).toBeAccessible();
  });
});

describe('reviewView', () => {
  it('maps review data with nulls', () => {
    const data = toQbrData(
      {
        ...EMPTY,
        accountName: '  ',
        asOf: null,
        quarter: null,
        periodStart: null,
        periodEnd: null,
        canEdit: null,
        healthPoints: null,
        usage: [{ month: null, activeUsers: 3, logins: 4 }],
        cases: null,
        risks: [{ ...(REVIEW.risks ?? [])[0], title: null }],
        owners: [
          { id: null, name: 'Nobody' },
          { id: '005000000000003AAA', name: 'Ana Ruiz' }
        ]
      },
      '2026-Q3',
      '2026-09-15'
    );

    expect(data.accountName).toBe('Account');
    expect(data.asOf).toBe('2026-09-15');
    expect(data.quarter).toBe('2026-Q3');
    expect(data.periodStart).toBe('2026-07-01');
    expect(data.periodEnd).toBe('2026-09-30');
    expect(data.canEdit).toBe(false);
    expect(data.healthPoints).toEqual([]);
    expect(data.usage).toEqual([]);
    expect(data.cases).toBeNull();
    expect(data.risks).toEqual([]);
    expect(data.owners).toEqual([{ id: '005000000000003AAA', name: 'Ana Ruiz' }]);
    expect(data.review).toBeNull();
  });

  it('maps measure directions', () => {
    const data = toQbrData(
      {
        ...REVIEW,
        measures: [
          { measure: 'OpenHighPriorityCases', label: 'Open P1 Cases', value: 2, direction: 'LowerIsBetter' },
          { measure: 'ActiveDayShare30d', label: 'Active days', value: 40, direction: 'Sideways' },
          { measure: 'Nps180d', label: 'NPS', value: 30, direction: null }
        ]
      },
      '2026-Q4',
      '2026-12-04'
    );

    expect(data.measures.map((measure) => measure.direction)).toEqual(['LowerIsBetter', null, null]);
  });

  it('maps a saved review', () => {
    const data = toQbrData(SAVED, '2026-Q4', '2026-12-04');

    expect(data.review?.id).toBe(REVIEW_ID);
    expect(data.review?.includedSlides).toBe('title,agenda,wins,metrics,nextGoals,actionItems');
    expect(data.actionItems).toEqual([
      {
        id: '00T000000000001AAA',
        subject: 'Send the knowledge base rollout plan',
        ownerId: '005000000000001AAA',
        ownerName: 'Dana Kim',
        dueDate: '2026-12-18',
        status: 'Open'
      }
    ]);
  });

  it('lists quarters with their dates', () => {
    expect(quarterOptions(['2027-Q1', '2026-Q4'], '2026-Q4')).toEqual([
      { label: '2027-Q1 (2027-01-01 to 2027-03-31)', value: '2027-Q1' },
      { label: '2026-Q4 (2026-10-01 to 2026-12-31, current quarter)', value: '2026-Q4' }
    ]);
  });

  it('numbers claims and footnotes', () => {
    const draft = assembleQbr(toQbrData(REVIEW, '2026-Q4', '2026-12-04'));

    expect(claimRows(draft, [3, 99, 0])).toEqual([
      { key: 'claim-3', footnote: 3, text: 'Cases resolved', valueText: '12 Cases' }
    ]);
    expect(footnoteRows(draft, [4, 3, 4]).map((row) => row.footnote)).toEqual([3, 4]);
  });

  it('describes risks, objectives and the benchmark', () => {
    const data = toQbrData(REVIEW, '2026-Q4', '2026-12-04');
    const draft = assembleQbr(data);

    expect(riskRows(data)[1]).toEqual({
      key: 'a0S000000000002AAA',
      title: 'Login errors after the SSO change',
      severity: 'Medium',
      status: 'Mitigated',
      rung: 'No escalation rung',
      mitigation: 'Mitigation under way',
      dates: 'Detected on 2026-10-03, closed on 2026-10-28'
    });
    expect(objectiveRows(data)[0].status).toBe('Met');
    expect(benchmarkSummary(draft, 3)).toBe('Compared with the median of 6 peer accounts in segment Enterprise.');
    expect(benchmarkSummary({ ...draft, benchmark: { rows: [], peerCount: 2, insight: null } }, 3)).toBe(
      'Compared with 2 peer accounts in segment Enterprise. A benchmark insight needs at least 3 peers.'
    );
  });

  it('builds the readiness panel', () => {
    const panel = readinessPanel({
      score: 42,
      band: 'BackToDiscovery',
      categories: [{ category: 'Actionability', points: 5, maxPoints: 20 }],
      checks: [
        {
          id: 'insightPresent',
          category: 'DataDrivenInsight',
          maxPoints: 10,
          points: 0,
          passed: false,
          finding: 'No insight.',
          missing: 'Add an insight.'
        }
      ],
      missing: ['Add an insight.']
    });

    expect(panel.bandLabel).toBe('Back to discovery');
    expect(panel.bandClass).toBe('slds-theme_error');
    expect(panel.categories[1]).toEqual({
      key: 'Actionability',
      label: 'Actionability',
      pointsText: '5 of 20',
      percent: 25,
      barStyle: 'width: 25%',
      barLabel: 'Actionability: 5 of 20 points'
    });
    expect(panel.categories[0].pointsText).toBe('0 of 0');
    expect(panel.checks[0]).toMatchObject({ statusText: 'Not passed', iconName: 'utility:warning' });
    expect(panel.missing).toEqual([{ key: 'missing-0', text: 'Add an insight.' }]);
  });

  it('reads the local date', () => {
    expect(localToday(new Date(2027, 0, 5, 23, 59))).toBe('2027-01-05');
  });
});

describe('reviewForms', () => {
  const owners = [{ label: 'Dana Kim', value: '005000000000001AAA' }];

  it('checks the action item form', () => {
    const valid = { subject: 'Book the workshop', ownerId: '005000000000001AAA', dueDate: '2026-12-04' };

    expect(validateActionItemForm(valid, owners, '2026-12-04')).toEqual({});
    expect(validateActionItemForm({ ...valid, subject: 'x'.repeat(256) }, owners, '2026-12-04').subject).toBe(
      'The subject is 256 characters long, more than the 255 a Task keeps. Shorten it.'
    );
    expect(validateActionItemForm({ ...valid, ownerId: '005000000000009AAA' }, owners, '2026-12-04').ownerId).toBe(
      'The chosen owner cannot be assigned action items any more. Choose another user from the list.'
    );
    expect(validateActionItemForm({ ...valid, dueDate: '2026-02-30' }, owners, '2026-12-04').dueDate).toBe(
      '2026-02-30 is not a date. Enter a date such as 2026-12-04.'
    );
    expect(actionItemParamsOf({ ...valid, subject: ' Book ' }, REVIEW_ID)).toEqual({
      reviewId: REVIEW_ID,
      subject: 'Book',
      ownerId: '005000000000001AAA',
      dueDate: '2026-12-04'
    });
    expect(emptyActionItemForm()).toEqual({ subject: '', ownerId: '', dueDate: '' });
  });

  it('checks the review before saving', () => {
    const draft = assembleQbr(toQbrData(REVIEW, '2026-Q4', '2026-12-04'));
    const long: QbrDraft = {
      ...draft,
      status: 'Closed' as QbrDraft['status'],
      sections: { ...draft.sections, insights: [{ text: 'y'.repeat(32769), claims: [] }] }
    };

    expect(validateReview(draft)).toEqual([]);
    expect(validateReview(long)).toEqual([
      'Insights is 32769 characters long, more than the 32768 a review keeps. Shorten it.',
      'Status Closed is unknown. Choose Draft, Ready or Presented.'
    ]);
  });

  it('builds the save parameters', () => {
    const draft = assembleQbr(toQbrData(SAVED, '2026-Q4', '2026-12-04'));

    expect(
      saveParamsOf(draft, {
        score: 90,
        band: 'ReadyToPresent',
        categories: [],
        checks: [],
        missing: []
      })
    ).toEqual({
      accountId: ACCOUNT_ID,
      quarter: '2026-Q4',
      status: 'Ready',
      wins: 'Cut the ticket backlog to 140 open tickets\nAdmins trained on 2026-10-15',
      challenges: 'Champion leaving in January: the new champion is named and trained',
      roadmapAlignment: expect.stringContaining('Every support agent uses the knowledge base weekly'),
      insights: 'Active day share is 22% above the segment median',
      nextPeriodGoals:
        'Every support agent uses the knowledge base weekly: reach 80%\nAgree the renewal terms by 2027-02-15',
      includedSlides: 'title,agenda,wins,metrics,nextGoals,actionItems',
      readinessScore: 90,
      readinessBand: 'ReadyToPresent'
    });
  });
});

describe('charts', () => {
  const spec: ChartSpec = {
    kind: 'bar',
    title: 'Usage per month',
    labels: ['2026-10', '2026-11'],
    series: [
      { name: 'Peak daily active users', values: [80, null] },
      { name: 'Logins', values: [1200, 1350] }
    ]
  };

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('configures Chart.js from a spec', () => {
    const config = chartConfigOf(spec);

    expect(config.type).toBe('bar');
    expect(config.data.labels).toEqual(['2026-10', '2026-11']);
    expect(config.data.datasets.map((dataset) => dataset.borderColor)).toEqual(['#0176d3', '#dd7a01']);
    expect(config.data.datasets[0].spanGaps).toBeUndefined();
    expect(config.options).toMatchObject({ responsive: false, animation: false, devicePixelRatio: 2 });
    expect(config.options.plugins.legend.display).toBe(true);
    expect(chartConfigOf({ ...spec, kind: 'line' }).data.datasets[0].spanGaps).toBe(true);
  });

  it('gives a series of much larger numbers its own axis', () => {
    const config = chartConfigOf(spec);
    const close = chartConfigOf({ ...spec, series: [spec.series[0], { name: 'Admins', values: [20, 30] }] });

    expect(config.data.datasets.map((dataset) => dataset.yAxisID)).toEqual(['y', 'y1']);
    expect(config.options.scales.y.title).toEqual({ display: true, text: 'Peak daily active users' });
    expect(config.options.scales.y1).toEqual({
      beginAtZero: true,
      position: 'right',
      title: { display: true, text: 'Logins' },
      grid: { drawOnChartArea: false }
    });
    expect(close.data.datasets.map((dataset) => dataset.yAxisID)).toEqual(['y', 'y']);
    expect(close.options.scales.y1).toBeUndefined();
    expect(close.options.scales.y.title.display).toBe(false);
    expect(chartConfigOf({ ...spec, series: [spec.series[0]] }).options.scales.y1).toBeUndefined();
  });

  it('lays a chart out as a table', () => {
    expect(chartTableOf(spec)).toEqual({
      caption: 'Usage per month',
      columns: [
        { key: 'series-0', label: 'Peak daily active users' },
        { key: 'series-1', label: 'Logins' }
      ],
      rows: [
        {
          key: 'row-0',
          label: '2026-10',
          cells: [
            { key: 'cell-0-0', text: '80' },
            { key: 'cell-0-1', text: '1200' }
          ]
        },
        {
          key: 'row-1',
          label: '2026-11',
          cells: [
            { key: 'cell-1-0', text: 'no data' },
            { key: 'cell-1-1', text: '1350' }
          ]
        }
      ]
    });
    expect(chartLabel({ ...spec, labels: [] })).toBe(
      'Bar chart: Usage per month, Peak daily active users and Logins. The table of the chart lists the values.'
    );
  });

  it('draws on a new canvas and removes it', () => {
    FakeChart.instances = [];
    const container = document.createElement('div');
    container.appendChild(document.createElement('span'));

    const drawn = drawChart(FakeChart, container, spec);

    expect(container.childNodes).toHaveLength(1);
    expect(drawn.canvas.width).toBe(600);
    expect(drawn.canvas.height).toBe(400);
    expect(FakeChart.instances[0].canvas).toBe(drawn.canvas);
    destroyChart(drawn);
    expect(FakeChart.instances[0].destroyed).toBe(true);
    expect(container.childNodes).toHaveLength(0);
  });

  it('syncs the chart board', () => {
    FakeChart.instances = [];
    const board = new ChartBoard<'usage' | 'health'>();
    const hosts: Record<string, HTMLElement | null> = {
      usage: document.createElement('div'),
      health: document.createElement('div')
    };
    const hostOf = (key: string): HTMLElement | null => hosts[key];

    expect(board.sync({ usage: spec, health: null }, hostOf, null)).toEqual([]);
    expect(board.charts()).toHaveLength(0);
    expect(board.sync({ usage: spec, health: null }, hostOf, FakeChart)).toEqual([]);
    expect(board.sync({ usage: spec, health: null }, hostOf, FakeChart)).toEqual([]);
    expect(FakeChart.instances).toHaveLength(1);
    board.sync({ usage: { ...spec, labels: ['2026-10', '2026-12'] }, health: null }, hostOf, FakeChart);
    expect(FakeChart.instances.map((chart) => chart.destroyed)).toEqual([true, false]);
    hosts.usage = document.createElement('div');
    board.sync({ usage: { ...spec, labels: ['2026-10', '2026-12'] }, health: null }, hostOf, FakeChart);
    expect(FakeChart.instances.map((chart) => chart.destroyed)).toEqual([true, true, false]);
    board.clear();
    expect(board.charts()).toEqual([]);
    expect(FakeChart.instances.every((chart) => chart.destroyed)).toBe(true);
  });

  it('reports a chart that fails to draw', () => {
    class BrokenChart {
      constructor() {
        throw new Error('Canvas is already in use.');
      }
    }
    const board = new ChartBoard<'usage'>();

    const problems = board.sync(
      { usage: spec },
      () => document.createElement('div'),
      BrokenChart as unknown as typeof FakeChart
    );

    expect(problems).toEqual(['The Usage per month chart could not be drawn: Canvas is already in use.']);
    expect(board.charts()).toEqual([]);
  });

  it('finds the library globals', () => {
    expect(chartConstructorOf({ Chart: FakeChart })).toBe(FakeChart);
    expect(chartConstructorOf({ Chart: 'not a constructor' })).toBeNull();
    expect(pptxConstructorOf({ PptxGenJS: FakePptx })).toBe(FakePptx);
    expect(pptxConstructorOf({})).toBeNull();
  });
});

describe('deck', () => {
  const chartSlide: DeckSlide = {
    key: 'metrics',
    title: 'Health and support',
    bullets: [],
    chart: { kind: 'line', title: 'Health score', labels: [], series: [] },
    footnotes: [],
    table: null
  } as DeckSlide;

  afterEach(() => {
    jest.restoreAllMocks();
  });

  function drawnWith(title: string, image: string | Error): DrawnChart {
    const canvas = document.createElement('canvas');
    jest.spyOn(canvas, 'toDataURL').mockImplementation(() => {
      if (image instanceof Error) {
        throw image;
      }
      return image;
    });
    return {
      canvas,
      chart: { destroy: jest.fn() },
      spec: { kind: 'line', title, labels: [], series: [] },
      signature: title
    };
  }

  it('matches chart images to slides by chart title', () => {
    expect(chartImagesFor([chartSlide], [drawnWith('Usage per month', CHART_PNG)])).toEqual({});
    expect(chartImagesFor([chartSlide], [drawnWith('Health score', CHART_PNG)])).toEqual({ metrics: CHART_PNG });
    expect(chartImagesFor([chartSlide], [drawnWith('Health score', new Error('tainted canvas'))])).toEqual({});
    expect(chartImagesFor([chartSlide], [drawnWith('Health score', 'data:,')])).toEqual({});
  });

  it('measures decoded base64', () => {
    expect(decodedSize('UEsDBA==')).toBe(4);
    expect(decodedSize('UEsDBBQ=')).toBe(5);
    expect(decodedSize('UEsDBBQA')).toBe(6);
    expect(deckDataUrl('UEsD')).toBe(
      'data:application/vnd.openxmlformats-officedocument.presentationml.presentation;base64,UEsD'
    );
  });

  it('rejects oversized or empty decks', async () => {
    class LargePptx extends FakePptx {
      override write(): Promise<string> {
        return Promise.resolve('A'.repeat(14 * 1024 * 1024));
      }
    }
    class BinaryPptx extends FakePptx {
      override write(): Promise<string> {
        return Promise.resolve('');
      }
    }

    await expect(writeDeckBase64(LargePptx, [chartSlide], {})).rejects.toThrow(
      'The deck is 10.5 MB, more than the 10 MB a file on the account may hold. Leave out slides and export again.'
    );
    await expect(writeDeckBase64(BinaryPptx, [chartSlide], {})).rejects.toThrow(
      'The PowerPoint library returned no base64 data for the deck.'
    );
    await expect(writeDeckBase64(FakePptx, [chartSlide], {})).resolves.toBe(DECK_BASE64);
  });
});

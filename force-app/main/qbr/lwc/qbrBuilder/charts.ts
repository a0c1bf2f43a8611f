/**
 * Draws the engine's chart specs with Chart.js, which the chartjs static resource defines as `window.Chart`, and
 * describes each chart as a table for screen readers and for the case where the library cannot load.
 */
import { formatNumber } from 'c/healthEngine';
import type { ChartSpec } from 'c/qbrEngine';

/**
 * Size of the drawn chart in CSS pixels. The engine's writeDeck places a chart image in a 6 by 4 inch box, so the
 * canvas has the same 3:2 shape and the image is not stretched.
 */
export const CHART_WIDTH = 600;
export const CHART_HEIGHT = 400;

/** Backing pixels per CSS pixel, so the PNG in the deck stays sharp when the slide is enlarged. */
const PIXEL_RATIO = 2;

/**
 * Ratio between the largest values of two series from which the second series gets its own axis, so that a series of
 * small numbers (active users) stays readable next to one of large numbers (logins).
 */
const SECOND_AXIS_RATIO = 5;

/** Series colours from the SLDS palette: brand blue, then orange and green. */
const SERIES_COLOURS = ['#0176d3', '#dd7a01', '#2e844a', '#9050e9'];

/** One dataset of a Chart.js configuration, limited to the options used here. */
export interface ChartDataset {
  label: string;
  data: (number | null)[];
  borderColor: string;
  backgroundColor: string;
  borderWidth: number;
  yAxisID: 'y' | 'y1';
  spanGaps?: boolean;
  pointRadius?: number;
  tension?: number;
}

/** One value axis of a Chart.js configuration. */
export interface ChartAxis {
  beginAtZero: boolean;
  position: 'left' | 'right';
  title: { display: boolean; text: string };
  grid?: { drawOnChartArea: boolean };
}

/** The Chart.js configuration this module builds. */
export interface ChartConfig {
  type: 'line' | 'bar';
  data: { labels: string[]; datasets: ChartDataset[] };
  options: {
    responsive: boolean;
    animation: boolean;
    devicePixelRatio: number;
    plugins: {
      title: { display: boolean; text: string };
      legend: { display: boolean; position: 'bottom' };
      tooltip: { enabled: boolean };
    };
    scales: { y: ChartAxis; y1?: ChartAxis };
  };
}

/** The part of a Chart.js chart this component calls. */
export interface ChartInstance {
  destroy(): void;
}

/** The Chart.js constructor, which the static resource sets as `window.Chart` when it loads. */
export type ChartConstructor = new (canvas: HTMLCanvasElement, config: ChartConfig) => ChartInstance;

/** A chart on the page: its canvas, the Chart.js instance and the spec it shows. */
export interface DrawnChart {
  canvas: HTMLCanvasElement;
  chart: ChartInstance;
  spec: ChartSpec;
  signature: string;
}

/** A chart as a table: one row per label, one column per series. */
export interface ChartTable {
  caption: string;
  columns: { key: string; label: string }[];
  rows: { key: string; label: string; cells: { key: string; text: string }[] }[];
}

/**
 * Returns the Chart.js constructor that the static resource defined on the global object, or null when it is absent.
 * @param scope The global object (`window`).
 */
export function chartConstructorOf(scope: object): ChartConstructor | null {
  const candidate = (scope as { Chart?: unknown }).Chart;
  return typeof candidate === 'function' ? (candidate as ChartConstructor) : null;
}

/**
 * Returns a text that changes when anything drawn changes, to tell when a chart must be drawn again.
 * @param spec The chart spec.
 */
export function chartSignature(spec: ChartSpec): string {
  return JSON.stringify(spec);
}

/**
 * Builds the Chart.js configuration of a spec. Animation is off and the size is fixed, so the chart is complete as soon
 * as it is built and its canvas can be copied into the deck straight away.
 * @param spec The chart spec.
 */
export function chartConfigOf(spec: ChartSpec): ChartConfig {
  const isLine = spec.kind === 'line';
  const hasSecondAxis = needsSecondAxis(spec);
  const scales: ChartConfig['options']['scales'] = {
    y: {
      beginAtZero: true,
      position: 'left',
      title: { display: hasSecondAxis, text: hasSecondAxis ? spec.series[0].name : '' }
    }
  };
  if (hasSecondAxis) {
    scales.y1 = {
      beginAtZero: true,
      position: 'right',
      title: { display: true, text: spec.series[1].name },
      // The grid lines follow the left axis only, so the two scales do not draw two sets of lines.
      grid: { drawOnChartArea: false }
    };
  }
  return {
    type: spec.kind,
    data: {
      labels: [...spec.labels],
      datasets: spec.series.map((series, index) => {
        const colour = SERIES_COLOURS[index % SERIES_COLOURS.length];
        const dataset: ChartDataset = {
          label: series.name,
          data: [...series.values],
          borderColor: colour,
          backgroundColor: colour,
          borderWidth: isLine ? 2 : 1,
          yAxisID: hasSecondAxis && index === 1 ? 'y1' : 'y'
        };
        if (isLine) {
          // A missing score leaves a gap in the data, not a drop to zero, so the line joins its neighbours.
          dataset.spanGaps = true;
          dataset.pointRadius = 3;
          dataset.tension = 0;
        }
        return dataset;
      })
    },
    options: {
      responsive: false,
      animation: false,
      devicePixelRatio: PIXEL_RATIO,
      plugins: {
        title: { display: true, text: spec.title },
        legend: { display: spec.series.length > 1, position: 'bottom' },
        tooltip: { enabled: true }
      },
      scales
    }
  };
}

function largestValue(values: (number | null)[]): number {
  return Math.max(0, ...values.map((value) => Math.abs(value ?? 0)));
}

/**
 * Tells whether the second of exactly two series needs its own axis: its largest value and the first series' differ
 * by a factor of {@link SECOND_AXIS_RATIO} or more.
 */
function needsSecondAxis(spec: ChartSpec): boolean {
  if (spec.series.length !== 2) {
    return false;
  }
  const first = largestValue(spec.series[0].values);
  const second = largestValue(spec.series[1].values);
  if (first === 0 || second === 0) {
    return false;
  }
  return Math.max(first, second) / Math.min(first, second) >= SECOND_AXIS_RATIO;
}

/**
 * Describes a chart in one sentence, for the canvas's accessible name.
 * @param spec The chart spec.
 */
export function chartLabel(spec: ChartSpec): string {
  const kind = spec.kind === 'line' ? 'Line chart' : 'Bar chart';
  const range = spec.labels.length === 0 ? '' : ` from ${spec.labels[0]} to ${spec.labels[spec.labels.length - 1]}`;
  const series = spec.series.map((entry) => entry.name).join(' and ');
  return `${kind}: ${spec.title}, ${series}${range}. The table of the chart lists the values.`;
}

/**
 * Lays a chart out as a table, one row per label and one column per series; a missing value reads "no data".
 * @param spec The chart spec.
 */
export function chartTableOf(spec: ChartSpec): ChartTable {
  return {
    caption: spec.title,
    columns: spec.series.map((series, index) => ({ key: `series-${index}`, label: series.name })),
    rows: spec.labels.map((label, row) => ({
      key: `row-${row}`,
      label,
      cells: spec.series.map((series, index) => {
        const value = series.values[row];
        return {
          key: `cell-${row}-${index}`,
          text: value === null || value === undefined ? 'no data' : formatNumber(value)
        };
      })
    }))
  };
}

/**
 * Draws a chart on a new canvas in the container, replacing whatever the container held.
 * @param Chart The Chart.js constructor.
 * @param container The element that hosts the canvas; its template marks it `lwc:dom="manual"`.
 * @param spec The chart spec.
 * @returns The chart on the page; destroy it with {@link destroyChart}.
 */
export function drawChart(Chart: ChartConstructor, container: HTMLElement, spec: ChartSpec): DrawnChart {
  while (container.firstChild) {
    container.removeChild(container.firstChild);
  }
  const canvas = document.createElement('canvas');
  canvas.width = CHART_WIDTH;
  canvas.height = CHART_HEIGHT;
  // Chart.js leaves the CSS size alone when one is set, so the chart shrinks with a narrow column.
  canvas.style.width = '100%';
  canvas.style.maxWidth = `${CHART_WIDTH}px`;
  canvas.style.height = 'auto';
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', chartLabel(spec));
  container.appendChild(canvas);
  const chart = new Chart(canvas, chartConfigOf(spec));
  return { canvas, chart, spec, signature: chartSignature(spec) };
}

/**
 * Destroys a chart and removes its canvas from the page.
 * @param drawn The chart on the page.
 */
export function destroyChart(drawn: DrawnChart): void {
  drawn.chart.destroy();
  drawn.canvas.parentNode?.removeChild(drawn.canvas);
}

/**
 * Copies a drawn chart as a PNG data URL for the deck.
 * @param drawn The chart on the page.
 * @returns The data URL, or null when the canvas cannot be read.
 */
export function chartImageOf(drawn: DrawnChart): string | null {
  try {
    const url = drawn.canvas.toDataURL('image/png');
    return typeof url === 'string' && url.startsWith('data:image/png;base64,') ? url : null;
  } catch {
    return null;
  }
}

/**
 * The charts of one component, by key. `sync` draws each chart whose host and spec are on the page, draws a chart
 * again when its spec changed or its host was rendered anew, and destroys charts whose host or spec is gone.
 */
export class ChartBoard<K extends string> {
  private readonly drawn = new Map<K, DrawnChart>();

  /**
   * Brings the drawn charts in line with the specs and hosts.
   * @param specs Spec per chart key; null when the chart has no data.
   * @param hostOf Returns the host element of a chart key, or null when it is not rendered.
   * @param Chart The Chart.js constructor; null while the library is not loaded, which draws nothing.
   * @returns One message per chart that failed to draw.
   */
  sync(
    specs: Record<K, ChartSpec | null>,
    hostOf: (key: K) => HTMLElement | null,
    Chart: ChartConstructor | null
  ): string[] {
    const problems: string[] = [];
    for (const key of Object.keys(specs) as K[]) {
      const spec = specs[key];
      const host = hostOf(key);
      const drawn = this.drawn.get(key);
      if (drawn && spec && host && drawn.canvas.parentNode === host && drawn.signature === chartSignature(spec)) {
        continue;
      }
      this.remove(key);
      if (spec === null || host === null || Chart === null) {
        continue;
      }
      try {
        this.drawn.set(key, drawChart(Chart, host, spec));
      } catch (error: unknown) {
        const reason = error instanceof Error ? error.message : String(error);
        problems.push(`The ${spec.title} chart could not be drawn: ${reason}`);
      }
    }
    return problems;
  }

  /** Returns the charts on the page. */
  charts(): DrawnChart[] {
    return [...this.drawn.values()];
  }

  /** Destroys every chart. */
  clear(): void {
    for (const key of [...this.drawn.keys()]) {
      this.remove(key);
    }
  }

  private remove(key: K): void {
    const drawn = this.drawn.get(key);
    if (drawn !== undefined) {
      destroyChart(drawn);
      this.drawn.delete(key);
    }
  }
}

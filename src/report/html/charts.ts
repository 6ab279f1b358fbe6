import type { EChartsOption } from 'echarts';

/**
 * Charts as SVG strings, drawn by ECharts' server-side SVG renderer (no browser, no DOM).
 * ECharts is loaded only here and only when a chart is drawn (a dynamic import), so commands
 * that write no report never pay for it.
 */
export interface ChartSpec {
  /** Unique in the page: it prefixes the chart's CSS classes. */
  readonly id: string;
  /** What the chart shows, for screen readers. */
  readonly title: string;
  readonly width: number;
  readonly height: number;
  readonly option: EChartsOption;
}

export type ECharts = typeof import('echarts');

/** ECharts itself, loaded when a chart is first wanted (the one asynchronous step of a report). */
export async function loadECharts(): Promise<ECharts> {
  return await import('echarts');
}

/** Draws one chart; animation is off and the clock stopped, so the same option gives the same SVG. */
export function renderChart(echarts: ECharts, spec: ChartSpec): string {
  return withStoppedClock(() => {
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: spec.width, height: spec.height });
    try {
      chart.setOption({ ...spec.option, animation: false, textStyle: { fontFamily: 'system-ui, sans-serif' } });
      return normaliseSvg(chart.renderToSVGString(), spec);
    } finally {
      chart.dispose();
    }
  });
}

/**
 * Runs `draw` with `Date` standing still. zrender times how long it takes to measure the ASCII
 * characters of a font (zrender/lib/contain/text.js, tryCreateASCIIWidthMap) and, when that took
 * over 16 ms — a busy machine, a garbage collection — gives up the per-character widths for one
 * average width for good. Labels then wrap and truncate elsewhere: the same results gave a
 * different report.html on a loaded machine. ECharts offers no option to turn the timing off, and
 * drawing is synchronous, so the clock is stopped for the draw and put back after.
 */
export function withStoppedClock<T>(draw: () => T): T {
  const RealDate = globalThis.Date;
  const now = RealDate.now();
  class StoppedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(now);
      else super(...(args as [string | number | Date]));
    }
    static override now(): number {
      return now;
    }
  }
  globalThis.Date = StoppedDate as DateConstructor;
  try {
    return draw();
  } finally {
    globalThis.Date = RealDate;
  }
}

/**
 * ECharts names its CSS classes and clip paths from process-wide counters (zr0-cls-0, zr7-c2),
 * so the same chart drawn later in a process reads differently, and two charts in one page could
 * share a class name while an inline SVG's styles apply to the whole page. Each such name is
 * renamed by order of first appearance under the chart's own id: deterministic and unique.
 */
export function normaliseSvg(svg: string, spec: Pick<ChartSpec, 'id' | 'title'>): string {
  const names = new Map<string, string>();
  const renamed = svg.replace(/\bzr\d+-[A-Za-z]*-?\d+\b/g, (name) => {
    let to = names.get(name);
    if (to === undefined) {
      to = `${spec.id}-${names.size}`;
      names.set(name, to);
    }
    return to;
  });
  const title = spec.title.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  return renamed.replace(/^<svg /, `<svg role="img" aria-label="${title}" `);
}

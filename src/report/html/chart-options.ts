import type { EChartsOption } from 'echarts';
import type { ClassBand } from '../../analysis/card.js';
import type { GroupSensitivity } from '../../analysis/sensitivity.js';
import type { Lang } from '../../i18n/types.js';
import type { AgencyJson } from '../../results/schema.js';
import type { ChartSpec } from './charts.js';
import type { NumberFormat } from './format.js';

/**
 * The report's charts as ECharts options. Colours are readable by colour-blind readers and in
 * grey print: one blue (Okabe–Ito) against grey, and a light-to-dark blue scale whose lightness
 * alone carries the value.
 */
const BLUE = '#0072B2';
const GREY = '#8c8c8c';
const BANDS = ['#f2f2f2', '#e4eef7', '#d2e3f2', '#bfd7ec'];
const SCALE = ['#f7fbff', '#c6dbef', '#6baed6', '#2171b5', '#08306b'];
const AXIS_NAME_WIDTH = 210;

interface Labels {
  readonly thisYear: string;
  readonly lastYear?: string;
  /** The label of the row standing for the agencies left out of a large group's chart. */
  readonly gap: (count: number) => string;
}

const name = (a: AgencyJson) => a.name.trim() || a.code;

/** Beyond this many agencies a chart with a row per agency draws the first and last ones only. */
export const CHART_ROWS = 60;
const SHOWN = { top: 25, bottom: 25 } as const;

/** How many of a group's first and last rows a chart draws: undefined when it draws them all. */
export function shownRows(count: number): { top: number; bottom: number } | undefined {
  return count > CHART_ROWS ? SHOWN : undefined;
}

/** The rows a chart draws, in order: all of them, or the first and last with one gap row (the count left out) between. */
export function pickRows<T>(rows: readonly T[]): ({ row: T } | { gap: number })[] {
  const shown = shownRows(rows.length);
  if (!shown) return rows.map((row) => ({ row }));
  return [
    ...rows.slice(0, shown.top).map((row) => ({ row })),
    { gap: rows.length - shown.top - shown.bottom },
    ...rows.slice(rows.length - shown.bottom).map((row) => ({ row })),
  ];
}

/** A group's ranking: one bar per agency (index), last year's value as a thinner grey bar beside it, class bands behind. */
export function rankingChart(id: string, title: string, all: readonly AgencyJson[], f: NumberFormat, labels: Labels, previous: ReadonlyMap<string, number>, classes: readonly ClassBand[], lang: Lang): ChartSpec {
  const withPrevious = labels.lastYear !== undefined;
  const rows = pickRows(all);
  const agencies = rows.map((r) => ('row' in r ? r.row : undefined));
  const rowHeight = withPrevious ? 30 : 22;
  const bands = [...classes].sort((a, b) => a.min - b.min);
  const markArea = bands.map((c, i) => [
    { xAxis: c.min, name: c.name[lang], itemStyle: { color: BANDS[i % BANDS.length] } },
    { xAxis: bands[i + 1]?.min ?? 1 },
  ]);
  const option: EChartsOption = {
    legend: withPrevious ? { top: 0, left: 'center', data: [labels.thisYear, labels.lastYear!] } : { show: false },
    grid: { left: 8, right: 64, top: withPrevious ? 44 : 24, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 1, position: 'bottom', axisLabel: { formatter: (v: number) => f.plain(v), fontSize: 10 }, splitLine: { lineStyle: { color: '#e0e0e0' } } },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => ('row' in r ? name(r.row) : labels.gap(r.gap))), axisLabel: { width: AXIS_NAME_WIDTH, overflow: 'truncate', fontSize: 11 }, axisTick: { show: false } },
    series: [
      {
        name: labels.thisYear,
        type: 'bar',
        data: agencies.map((a) => (a ? a.index : null)),
        barMaxWidth: 14,
        barGap: '10%',
        itemStyle: { color: BLUE },
        label: { show: true, position: 'right', fontSize: 10, formatter: (p) => (p.value == null ? '' : f.index(Number(p.value))) },
        // Class names sit just above the plot, each over its own band.
        markArea: { silent: true, label: { position: 'top', color: '#333', fontSize: 10, distance: 2 }, data: markArea as never },
      },
      ...(withPrevious
        ? [
            {
              name: labels.lastYear!,
              type: 'bar' as const,
              data: agencies.map((a) => (a ? (previous.get(a.code) ?? null) : null)),
              barMaxWidth: 8,
              itemStyle: { color: GREY },
              label: { show: true, position: 'right' as const, fontSize: 9, color: '#555', formatter: (p: { value: unknown }) => (p.value == null ? '' : f.index(Number(p.value))) },
            },
          ]
        : []),
    ],
  };
  return { id, title, width: 760, height: (withPrevious ? 76 : 56) + rowHeight * agencies.length, option };
}

/** Main-indicator indices, agencies × indicators, each cell labelled with its value. */
export function heatmapChart(id: string, title: string, all: readonly AgencyJson[], f: NumberFormat, lang: Lang, gap: (count: number) => string): ChartSpec {
  const codes = all[0]?.indicators.map((i) => i.code) ?? [];
  const names = all[0]?.indicators.map((i) => `${i.code} ${i.name[lang]}`) ?? [];
  // The scale starts from the lowest value of the whole group, drawn or not (a loop: spreading 90,000 values into Math.min would overflow the stack).
  let low = 1;
  for (const a of all) for (const i of a.indicators) if (i.index < low) low = i.index;
  const min = Math.max(0, Math.floor(low * 10) / 10);
  const rows = pickRows(all);
  const data = rows.flatMap((r, y) =>
    !('row' in r) ? [] : r.row.indicators.map((i) => {
      const x = codes.indexOf(i.code);
      // Dark cells get white text: the label must stay readable on the scale's darker half.
      const dark = (i.index - min) / Math.max(1e-9, 1 - min) > 0.55;
      return { value: [x, y, i.index], label: { color: dark ? '#fff' : '#111' } };
    }),
  );
  const option: EChartsOption = {
    grid: { left: 8, right: 8, top: 8, bottom: 48, containLabel: true },
    // Indicator names wrap within their column (the plot is about 480 px wide beside the agency names).
    xAxis: { type: 'category', position: 'top', data: names, axisLabel: { interval: 0, width: Math.max(48, Math.floor(520 / Math.max(1, codes.length)) - 4), overflow: 'break', fontSize: codes.length > 6 ? 9 : 10, lineHeight: 12 }, splitArea: { show: false } },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => ('row' in r ? name(r.row) : gap(r.gap))), axisLabel: { width: AXIS_NAME_WIDTH, overflow: 'truncate', fontSize: 11 } },
    visualMap: { type: 'continuous', min, max: 1, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 200, itemWidth: 12, inRange: { color: SCALE }, text: [f.plain(1), f.plain(min)], calculable: false, textStyle: { fontSize: 10 } },
    series: [{ type: 'heatmap', data: data as never, label: { show: true, fontSize: 10, formatter: (p) => f.index(Number((p.value as number[])[2])) }, itemStyle: { borderColor: '#fff', borderWidth: 1 } }],
  };
  return { id, title, width: 760, height: 120 + 22 * rows.length, option };
}

/** How the index is spread in a group: agencies per bin of 0.05. */
export function distributionChart(id: string, title: string, agencies: readonly AgencyJson[], f: NumberFormat, countLabel: string): ChartSpec {
  const step = 0.05;
  const values = agencies.map((a) => a.index);
  const low = values.reduce((m, v) => Math.min(m, v), 1);
  const high = values.reduce((m, v) => Math.max(m, v), 0);
  const first = Math.max(0, Math.floor(low / step - 1e-9));
  const last = Math.max(first, Math.min(Math.ceil(1 / step) - 1, Math.floor(high / step)));
  const bins: { label: string; count: number }[] = [];
  for (let b = first; b <= last; b++) {
    const lo = Number((b * step).toFixed(2));
    const hi = Number(((b + 1) * step).toFixed(2));
    // Each bin holds [lo, hi); the last one also holds 1.
    const count = values.filter((v) => v >= lo && (v < hi || (b === last && v <= hi))).length;
    bins.push({ label: `${f.plain(lo)}–${f.plain(hi)}`, count });
  }
  const option: EChartsOption = {
    grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: bins.map((b) => b.label), axisLabel: { interval: 0, fontSize: 10, rotate: bins.length > 8 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1, name: countLabel, nameTextStyle: { fontSize: 10 } },
    series: [{ type: 'bar', data: bins.map((b) => b.count), itemStyle: { color: BLUE }, barMaxWidth: 40, label: { show: true, position: 'top', fontSize: 10, formatter: (p) => (Number(p.value) > 0 ? String(p.value) : '') } }],
  };
  return { id, title, width: 760, height: 220, option };
}

/** Each agency's 5–95 % rank interval over the weight runs, its median rank and its published rank. */
export function sensitivityChart(id: string, title: string, group: GroupSensitivity, labels: { interval: string; median: string; rank: string; axis: string; gap: (count: number) => string }): ChartSpec {
  const picked = pickRows(group.agencies);
  const rows = picked.map((r) => ('row' in r ? r.row : undefined));
  let worst = 1;
  for (const a of group.agencies) if (a.worst > worst) worst = a.worst;
  const option: EChartsOption = {
    legend: { top: 0, left: 'center', data: [labels.interval, labels.median, labels.rank] },
    grid: { left: 8, right: 24, top: 32, bottom: 36, containLabel: true },
    // Whole ranks on the axis; 0 and worst + 1 only frame the half-rank margins of the bars.
    xAxis: {
      type: 'value',
      min: 0,
      max: worst + 1,
      // A tick per rank while they fit; beyond, whole-rank ticks ECharts spaces (a tick for each of 3,000 ranks exceeds its limit).
      ...(worst <= 40 ? { interval: 1 } : { minInterval: 1 }),
      name: labels.axis,
      nameLocation: 'middle',
      nameGap: 24,
      axisLabel: { formatter: (v: number) => (v === 0 || v === worst + 1 ? '' : String(v)), fontSize: 10 },
    },
    yAxis: { type: 'category', inverse: true, data: picked.map((r) => ('row' in r ? r.row.name.trim() || r.row.code : labels.gap(r.gap))), axisLabel: { width: AXIS_NAME_WIDTH, overflow: 'truncate', fontSize: 11 } },
    series: [
      { type: 'bar', stack: 'interval', data: rows.map((a) => (a ? a.p5 - 0.5 : null)), itemStyle: { color: 'transparent' }, silent: true, barWidth: 10 },
      { name: labels.interval, type: 'bar', stack: 'interval', data: rows.map((a) => (a ? a.p95 - a.p5 + 1 : null)), itemStyle: { color: '#a6cbe8' }, barWidth: 10 },
      { name: labels.rank, type: 'scatter', data: rows.flatMap((a, i) => (a ? [[a.rank, i]] : [])), symbol: 'diamond', symbolSize: 8, itemStyle: { color: '#000' } },
      // A ring drawn after the diamond, so a median on the published rank shows both.
      { name: labels.median, type: 'scatter', data: rows.flatMap((a, i) => (a ? [[a.median, i]] : [])), symbol: 'circle', symbolSize: 13, itemStyle: { color: 'rgba(0,0,0,0)', borderColor: BLUE, borderWidth: 2 } },
    ],
  };
  return { id, title, width: 760, height: 76 + 22 * rows.length, option };
}

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
}

const name = (a: AgencyJson) => a.name.trim() || a.code;

/** A group's ranking: one bar per agency (index), last year's value as a thinner grey bar beside it, class bands behind. */
export function rankingChart(id: string, title: string, agencies: readonly AgencyJson[], f: NumberFormat, labels: Labels, previous: ReadonlyMap<string, number>, classes: readonly ClassBand[], lang: Lang): ChartSpec {
  const withPrevious = labels.lastYear !== undefined;
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
    yAxis: { type: 'category', inverse: true, data: agencies.map(name), axisLabel: { width: AXIS_NAME_WIDTH, overflow: 'truncate', fontSize: 11 }, axisTick: { show: false } },
    series: [
      {
        name: labels.thisYear,
        type: 'bar',
        data: agencies.map((a) => a.index),
        barMaxWidth: 14,
        barGap: '10%',
        itemStyle: { color: BLUE },
        label: { show: true, position: 'right', fontSize: 10, formatter: (p) => f.index(Number(p.value)) },
        // Class names sit just above the plot, each over its own band.
        markArea: { silent: true, label: { position: 'top', color: '#333', fontSize: 10, distance: 2 }, data: markArea as never },
      },
      ...(withPrevious
        ? [
            {
              name: labels.lastYear!,
              type: 'bar' as const,
              data: agencies.map((a) => previous.get(a.code) ?? null),
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
export function heatmapChart(id: string, title: string, agencies: readonly AgencyJson[], f: NumberFormat, lang: Lang): ChartSpec {
  const codes = agencies[0]?.indicators.map((i) => i.code) ?? [];
  const names = agencies[0]?.indicators.map((i) => `${i.code} ${i.name[lang]}`) ?? [];
  const values = agencies.flatMap((a) => a.indicators.map((i) => i.index));
  const low = Math.min(...values, 1);
  const min = Math.max(0, Math.floor(low * 10) / 10);
  const data = agencies.flatMap((a, y) =>
    a.indicators.map((i) => {
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
    yAxis: { type: 'category', inverse: true, data: agencies.map(name), axisLabel: { width: AXIS_NAME_WIDTH, overflow: 'truncate', fontSize: 11 } },
    visualMap: { type: 'continuous', min, max: 1, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 200, itemWidth: 12, inRange: { color: SCALE }, text: [f.plain(1), f.plain(min)], calculable: false, textStyle: { fontSize: 10 } },
    series: [{ type: 'heatmap', data: data as never, label: { show: true, fontSize: 10, formatter: (p) => f.index(Number((p.value as number[])[2])) }, itemStyle: { borderColor: '#fff', borderWidth: 1 } }],
  };
  return { id, title, width: 760, height: 120 + 22 * agencies.length, option };
}

/** How the index is spread in a group: agencies per bin of 0.05. */
export function distributionChart(id: string, title: string, agencies: readonly AgencyJson[], f: NumberFormat, countLabel: string): ChartSpec {
  const step = 0.05;
  const values = agencies.map((a) => a.index);
  const first = Math.max(0, Math.floor(Math.min(...values, 1) / step - 1e-9));
  const last = Math.max(first, Math.min(Math.ceil(1 / step) - 1, Math.floor(Math.max(...values, 0) / step)));
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
export function sensitivityChart(id: string, title: string, group: GroupSensitivity, labels: { interval: string; median: string; rank: string; axis: string }): ChartSpec {
  const rows = group.agencies;
  const worst = Math.max(1, ...rows.map((a) => a.worst));
  const option: EChartsOption = {
    legend: { top: 0, left: 'center', data: [labels.interval, labels.median, labels.rank] },
    grid: { left: 8, right: 24, top: 32, bottom: 36, containLabel: true },
    // Whole ranks on the axis; 0 and worst + 1 only frame the half-rank margins of the bars.
    xAxis: {
      type: 'value',
      min: 0,
      max: worst + 1,
      interval: 1,
      name: labels.axis,
      nameLocation: 'middle',
      nameGap: 24,
      axisLabel: { formatter: (v: number) => (v === 0 || v === worst + 1 ? '' : String(v)), fontSize: 10 },
    },
    yAxis: { type: 'category', inverse: true, data: rows.map((a) => a.name.trim() || a.code), axisLabel: { width: AXIS_NAME_WIDTH, overflow: 'truncate', fontSize: 11 } },
    series: [
      { type: 'bar', stack: 'interval', data: rows.map((a) => a.p5 - 0.5), itemStyle: { color: 'transparent' }, silent: true, barWidth: 10 },
      { name: labels.interval, type: 'bar', stack: 'interval', data: rows.map((a) => a.p95 - a.p5 + 1), itemStyle: { color: '#a6cbe8' }, barWidth: 10 },
      { name: labels.rank, type: 'scatter', data: rows.map((a, i) => [a.rank, i]), symbol: 'diamond', symbolSize: 8, itemStyle: { color: '#000' } },
      // A ring drawn after the diamond, so a median on the published rank shows both.
      { name: labels.median, type: 'scatter', data: rows.map((a, i) => [a.median, i]), symbol: 'circle', symbolSize: 13, itemStyle: { color: 'rgba(0,0,0,0)', borderColor: BLUE, borderWidth: 2 } },
    ],
  };
  return { id, title, width: 760, height: 76 + 22 * rows.length, option };
}

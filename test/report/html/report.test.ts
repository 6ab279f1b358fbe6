import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { frameworkContext } from '../../../src/analysis/framework.js';
import { loadFramework } from '../../../src/framework/load.js';
import { cardHtml } from '../../../src/report/html/card.js';
import { normaliseSvg } from '../../../src/report/html/charts.js';
import { reportChunks, reportHtml } from '../../../src/report/html/report.js';
import { pickRows } from '../../../src/report/html/chart-options.js';
import { leaf, tinyDoc } from '../../analysis/doc.js';
import { agencyCard } from '../../../src/analysis/card.js';
import { resultsSchema } from '../../../src/results/schema.js';

const doc = resultsSchema.parse(JSON.parse(readFileSync('fixtures/khanh-hoa-2023/results-2023.json', 'utf8')));
const loaded = loadFramework('khanh-hoa-agencies', 'vi');
if (!loaded.ok) throw new Error('bundled framework');
const fw = frameworkContext(loaded.model);
const options = { lang: 'vi' as const, ...fw, sensitivity: { runs: 50, seed: 1, spread: 0.2 } };

describe('the HTML report', async () => {
  const html = await reportHtml(doc, options);

  it('is byte-identical when written twice from the same results', async () => {
    expect(await reportHtml(doc, options)).toBe(html);
  });

  it('fetches nothing: no external script, style, font, image or link', () => {
    expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/@import|url\(\s*['"]?(https?:)?\/\//i);
    expect(html).not.toMatch(/\s(src|href)="(https?:)?\/\//i);
    expect(html).toContain("default-src 'none'");
  });

  it('draws every chart as inline SVG: per group a ranking, a heatmap and a distribution, and a robustness chart', () => {
    const svgs = html.match(/<figure class="chart"><svg /g) ?? [];
    const groups = doc.groups.filter((g) => g.agencies.length > 0).length;
    expect(svgs.length).toBe(groups * 4);
  });

  it('shows the index and points with a decimal comma in Vietnamese, as the workbook does', () => {
    const a = doc.groups[0]!.agencies[0]!;
    const row = new RegExp(`<tr data-agency="${a.code}">.*?</tr>`).exec(html)![0];
    expect(row).toContain(`>${a.index.toFixed(4).replace('.', ',')}<`);
    expect(row).toContain(`>${a.points.toFixed(2).replace('.', ',')}<`);
  });

  it('holds a card for every agency, each starting a printed page', () => {
    const agencies = doc.groups.flatMap((g) => g.agencies);
    expect((html.match(/<article class="card"/g) ?? []).length).toBe(agencies.length);
    expect(html).toMatch(/\.cards > article \{ break-before: page;/);
    expect(html).toContain('@page { size: A4;');
  });

  it('is written in English with --lang en, with no Vietnamese headings left', async () => {
    const en = await reportHtml(doc, { ...options, lang: 'en' });
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Rank robustness');
    expect(en).not.toContain('Độ vững');
  });
});

describe('a chart SVG', () => {
  it('gets class names of its own, whatever ECharts counted before', () => {
    const a = normaliseSvg('<svg x><path class="zr3-cls-0"/><path class="zr3-cls-1"/><path class="zr3-cls-0"/></svg>', { id: 'g0-rank', title: 'R' });
    const b = normaliseSvg('<svg x><path class="zr9-cls-7"/><path class="zr9-cls-8"/><path class="zr9-cls-7"/></svg>', { id: 'g0-rank', title: 'R' });
    expect(a).toBe(b);
    expect(a).toBe('<svg role="img" aria-label="R" x><path class="g0-rank-0"/><path class="g0-rank-1"/><path class="g0-rank-0"/></svg>');
  });
});

describe('a card on its own page', () => {
  it('says how many points the agency needs for the next rank, with the agency it would pass', () => {
    const g = doc.groups[0]!;
    const second = g.agencies.find((a) => a.rank === 2)!;
    const card = agencyCard(doc, second.code, fw)!;
    const html = cardHtml(card, { doc, lang: 'en', year: 2023 });
    const first = g.agencies.filter((a) => a.rank === 1).map((a) => a.code);
    expect(card.nextRank!.ahead.map((a) => a.code)).toEqual(first);
    expect(html).toContain(`${card.nextRank!.points.toFixed(2)} more points for rank 1`);
    expect(html).not.toContain('<script');
  });
});

describe('ECharts', () => {
  it('is loaded only when a chart is drawn: no module imports it but for its types', async () => {
    const { readdirSync } = await import('node:fs');
    const files = (readdirSync('src', { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => `src/${f}`);
    const eager = files.filter((f) => /^import\s+(?!type\b)[^;]*from\s+'echarts'/m.test(readFileSync(f, 'utf8')));
    expect(eager).toEqual([]);
    expect(readFileSync('src/report/html/charts.ts', 'utf8')).toContain("await import('echarts')");
  });
});

describe('text from the data', () => {
  it('cannot inject markup: agency names, reasons and messages are escaped, in tables and in charts', async () => {
    const { tinyDoc, leaf } = await import('../../analysis/doc.js');
    const evil = tinyDoc([
      { code: 'A', points: 900, rank: 1 },
      { code: 'B', points: 800, rank: 2, leaves: [leaf('1.1', 5, 20, { computedPoints: 20, appraisal: { reason: '<img src=x onerror=alert(1)>', loc: {} } })] },
    ]);
    evil.groups[0]!.agencies[0]!.name = '<script>alert(1)</script> & Co';
    const html = await reportHtml(evil, { lang: 'en', sensitivity: { runs: 5, seed: 1, spread: 0.2 } });
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co');
    expect((html.match(/<script>/g) ?? []).length).toBe(1); // the sorting script only
  });
});

describe('the report of a large group', async () => {
  // 130 agencies: more than a chart draws a row for.
  const big = tinyDoc(Array.from({ length: 130 }, (_, i) => ({ code: `A${String(i).padStart(3, '0')}`, points: 900 - i, rank: i + 1 })));
  const chunks = [...(await reportChunks(big, { lang: 'en', sensitivity: { runs: 5, seed: 1, spread: 0.2 } }))];
  const html = chunks.join('');

  it('comes in chunks, a card at a time, that join to the whole report', async () => {
    expect(chunks.length).toBeGreaterThan(130);
    expect(html).toBe(await reportHtml(big, { lang: 'en', sensitivity: { runs: 5, seed: 1, spread: 0.2 } }));
  });

  it('draws the first and last 25 agencies in the ranking, heatmap and robustness charts, and says so', () => {
    const figures = html.match(/<figure class="chart">.*?<\/figure>/gs)!;
    const [ranking, heatmap, , robustness] = figures;
    for (const fig of [ranking!, heatmap!, robustness!]) {
      expect(fig).toContain('Agency A000');
      expect(fig).toContain('Agency A024');
      expect(fig).not.toContain('Agency A025<');
      expect(fig).toContain('Agency A129');
      expect(fig).toContain('… 80 more agencies …');
      expect(fig).toMatch(/<figcaption>[^<]*the chart shows the first 25 and the last 25/);
    }
  });

  it('keeps every agency in the tables and a card for each', () => {
    expect((html.match(/<tr data-agency=/g) ?? []).length).toBe(130 * 2);
    expect((html.match(/<article class="card"/g) ?? []).length).toBe(130);
  });
});

describe('which rows a chart draws', () => {
  it('draws them all up to 60, beyond that the first 25 and the last 25 around a gap', () => {
    expect(pickRows([1, 2, 3])).toEqual([{ row: 1 }, { row: 2 }, { row: 3 }]);
    expect(pickRows(Array.from({ length: 60 }, (_, i) => i))).toHaveLength(60);
    const picked = pickRows(Array.from({ length: 61 }, (_, i) => i));
    expect(picked).toHaveLength(51);
    expect(picked[24]).toEqual({ row: 24 });
    expect(picked[25]).toEqual({ gap: 11 });
    expect(picked[26]).toEqual({ row: 36 });
  });
});

describe('a card on paper', () => {
  it('keeps the 12 leaves the agency could gain most on, and sums the rest in a note printed instead', () => {
    const leaves = Array.from({ length: 20 }, (_, i) => leaf(`1.${i + 1}`, 0, 20 - i));
    const card = agencyCard(tinyDoc([{ code: 'A', points: 0, rank: 1, leaves }]), 'A')!;
    const html = cardHtml(card, { doc: tinyDoc([]), lang: 'en', year: 2024 });
    const rows = html.match(/<table class="lost">.*?<\/table>/s)![0].match(/<tr[ >]/g)!.length - 1;
    expect(rows).toBe(20);
    expect(html.match(/<tr class="more">/g)).toHaveLength(8);
    // The last 8 leaves lose 8 + 7 + … + 1 points.
    expect(html).toContain('<p class="print-only more-note">… and 8 more sub-indicators, 36.00 points lost in all');
  });
});

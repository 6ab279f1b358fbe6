import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultsSchema, type ResultsDoc } from '../../src/results/schema.js';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ROOT } from '../cli/run.js';

/**
 * The report in a real browser: Debian's chromium driven by playwright-core (which cannot
 * download a browser here). Skipped, with a message, where /usr/bin/chromium is absent.
 */
const CHROMIUM = process.env.DTI_CHROMIUM ?? '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
if (!present) console.warn(`browser test skipped: no chromium at ${CHROMIUM} (apt-get install chromium)`);

type Browser = import('playwright-core').Browser;
type Page = import('playwright-core').Page;

describe.skipIf(!present)('report.html in headless Chromium', () => {
  const out = mkdtempSync(join(tmpdir(), 'dti-browser-'));
  let browser: Browser;
  let page: Page;
  let doc: ResultsDoc;
  const requests: string[] = [];
  const errors: string[] = [];
  let url: string;

  beforeAll(async () => {
    // Run asynchronously: a synchronous spawn would hold up the test worker for the whole ranking.
    await promisify(execFile)(process.execPath, [
      'bin/dti.js', 'rank', 'fixtures/khanh-hoa-2024', '-f', 'khanh-hoa-agencies', '--year', '2024',
      '--review', 'fixtures/khanh-hoa-2024/review.csv',
      '--previous', 'fixtures/khanh-hoa-2023/results-2023.json',
      '--units-map', 'fixtures/khanh-hoa-2024/units-map.csv',
      '--out', out, '-q',
    ], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', DTI_LANG: '' } });
    doc = resultsSchema.parse(JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')));
    url = pathToFileURL(join(out, 'report.html')).href;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    page.on('request', (req) => requests.push(req.url()));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url, { waitUntil: 'load' });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('makes no network request: only the file itself', () => {
    expect(requests.filter((u) => u !== url && !u.startsWith('data:'))).toEqual([]);
  });

  it('logs no error', () => {
    expect(errors).toEqual([]);
  });

  it('has rendered every chart: an SVG with bars, cells and text, laid out on the page', async () => {
    const charts = await page.$$eval('figure.chart', (figs) =>
      figs.map((f) => {
        const svg = f.querySelector('svg');
        const box = svg?.getBoundingClientRect();
        return { shapes: svg?.querySelectorAll('path, rect, polygon').length ?? 0, texts: svg?.querySelectorAll('text').length ?? 0, width: box?.width ?? 0, height: box?.height ?? 0 };
      }),
    );
    expect(charts.length).toBe(doc.groups.filter((g) => g.agencies.length > 0).length * 4);
    for (const c of charts) {
      expect(c.shapes).toBeGreaterThan(5);
      expect(c.texts).toBeGreaterThan(3);
      expect(c.width).toBeGreaterThan(300);
      expect(c.height).toBeGreaterThan(100);
    }
  });

  it('shows the points, index and rank of every agency as results.json has them', async () => {
    const rows = await page.$$eval('table.ranking tbody tr', (trs) =>
      trs.map((tr) => ({
        code: tr.getAttribute('data-agency'),
        rank: tr.querySelector('td.rank')!.textContent,
        points: tr.querySelector('td.points')!.textContent,
        index: tr.querySelector('td.index')!.textContent,
      })),
    );
    const agencies = doc.groups.flatMap((g) => g.agencies);
    expect(rows.map((r) => r.code)).toEqual(agencies.map((a) => a.code));
    const number = (s: string | null) => Number(s!.replace(',', '.'));
    for (const a of agencies) {
      const row = rows.find((r) => r.code === a.code)!;
      expect(number(row.points)).toBe(a.points);
      expect(number(row.index)).toBe(a.index);
      expect(row.rank).toBe(a.rank === null ? row.rank : String(a.rank));
      expect(row.index).toMatch(/^\d,\d{4}$/);
    }
  });

  it('shows each main indicator index as results.json has it, and each card the agency index', async () => {
    const cells = await page.$$eval('table.indicators tbody tr', (trs) => trs.map((tr) => ({ code: tr.getAttribute('data-agency'), values: [...tr.querySelectorAll('td.num')].map((td) => td.textContent) })));
    for (const a of doc.groups.flatMap((g) => g.agencies)) {
      const row = cells.find((c) => c.code === a.code)!;
      expect(row.values.map((v) => Number(v!.replace(',', '.')))).toEqual(a.indicators.map((i) => i.index));
    }
    const cards = await page.$$eval('article.card', (els) => els.map((e) => ({ code: e.getAttribute('data-agency'), index: e.querySelector('.card-head .index .big')!.textContent })));
    expect(cards.map((c) => c.code)).toEqual(doc.groups.flatMap((g) => g.agencies.map((a) => a.code)));
    for (const c of cards) expect(Number(c.index!.replace(',', '.'))).toBe(doc.groups.flatMap((g) => g.agencies).find((a) => a.code === c.code)!.index);
  });

  it('sorts a table when its header is clicked, and back', async () => {
    const table = page.locator('table.ranking').first();
    const codes = () => table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-agency')));
    const before = await codes();
    const pointsHead = table.locator('thead th').nth(3);
    await pointsHead.click();
    const ascending = await codes();
    expect(ascending[0]).toBe(before[before.length - 1]);
    await pointsHead.click();
    expect((await codes())[0]).toBe(before[0]);
    expect(errors).toEqual([]);
  });

  it('fits a phone screen: nothing wider than the screen but the scrolling tables and charts', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await phone.goto(url);
    // The page's own width (the test's TypeScript has no DOM library, so the document is reached through globalThis).
    const width = await phone.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await phone.screenshot({ path: join(out, 'phone.png') });
    await phone.close();
  });

  it('takes a screenshot and prints to A4 PDF, a page per agency card at least', async () => {
    await page.goto(url, { waitUntil: 'load' }); // as opened, not as the sorting test left it
    await page.screenshot({ path: join(out, 'report.png'), fullPage: true });
    await page.pdf({ path: join(out, 'report.pdf'), format: 'A4' });
    expect(statSync(join(out, 'report.png')).size).toBeGreaterThan(10_000);
    const pdf = readFileSync(join(out, 'report.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    const agencies = doc.summary.agencies;
    expect(pages).toBeGreaterThanOrEqual(agencies);
    // A page per card, and the charts and tables before them.
    expect(pages).toBeLessThanOrEqual(agencies + 20);
    console.info(`browser test: screenshot and PDF (${pages} pages) in ${out}`);
  });

  it('lays each agency card out within one printed A4 page', async () => {
    // A4 less the @page margins (12 mm left and right, 14 mm top and bottom), in CSS pixels.
    const mm = 96 / 25.4;
    const printed = await browser.newPage({ viewport: { width: Math.floor((210 - 24) * mm), height: 1000 } });
    await printed.goto(url);
    await printed.emulateMedia({ media: 'print' });
    const heights = await printed.$$eval('article.card', (els) => els.map((e) => ({ code: e.getAttribute('data-agency'), height: e.getBoundingClientRect().height })));
    await printed.close();
    expect(heights).toHaveLength(doc.summary.agencies);
    for (const h of heights) expect({ code: h.code, fits: h.height <= (297 - 28) * mm }).toEqual({ code: h.code, fits: true });
  });

  it('prints `dti card` on one A4 page, for the agency that lost points on the most sub-indicators', async () => {
    const agencies = doc.groups.flatMap((g) => g.agencies);
    const most = agencies.reduce((a, b) => (b.leaves.filter((l) => l.points < l.maxPoints).length > a.leaves.filter((l) => l.points < l.maxPoints).length ? b : a));
    const file = join(out, `card-${most.code}.html`);
    await promisify(execFile)(process.execPath, ['bin/dti.js', 'card', most.code, '--in', out, '-o', file, '-q'], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', DTI_LANG: '' } });
    const card = await browser.newPage();
    await card.goto(pathToFileURL(file).href);
    await card.pdf({ path: join(out, 'card.pdf'), format: 'A4' });
    await card.close();
    const pdf = readFileSync(join(out, 'card.pdf')).toString('latin1');
    expect((pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBe(1);
  });
});

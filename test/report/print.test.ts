import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareYears } from '../../src/compare/compare.js';
import { readPrevious, readUnitsMap } from '../../src/compare/read-previous.js';
import { scoreSubmissions } from '../../src/engine/score.js';
import { loadFramework } from '../../src/framework/load.js';
import { scoreFiles } from '../../src/pipeline.js';
import { reviewTemplate } from '../../src/report/review-template.js';
import { resultsWorkbook } from '../../src/report/workbook.js';
import { readSubmissions } from '../../src/submission/read.js';
import { submissionTemplate } from '../../src/template/write.js';

/**
 * What a person holding the printed pages would check, for each kind of workbook dti writes:
 * rendered by LibreOffice (soffice --headless --convert-to pdf, as it prints), the pages are
 * few enough, no text is smaller than a readable size, and every word of every printed cell is
 * on the pages (a word cut by a too-short row or a too-narrow column is not). Needs the Debian
 * packages libreoffice-calc-nogui and poppler-utils; skipped with a message without them.
 */

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
const tools = has('soffice') && has('pdftotext') && has('pdfinfo') && has('pdffonts');
if (!tools) console.warn('soffice, pdftotext or pdfinfo is not on PATH: the print checks are skipped (apt-get install libreoffice-calc-nogui poppler-utils)');

/** Text at least this tall (points, as printed) is readable; 11-point text at the lowest fit scale (0.72) prints at 7.9. */
const MIN_TEXT_POINTS = 7.5;

const model = loadFramework('khanh-hoa-agencies', 'vi');
if (!model.ok) throw new Error('bundled framework does not load');
const m = model.model;
const dir = mkdtempSync(join(tmpdir(), 'dti-print-'));

interface Printed {
  readonly pages: number;
  /** The typefaces embedded in the PDF ("DejaVuSans-Bold"), without their subset prefix. */
  readonly fonts: readonly string[];
  /** Every word on the pages with its height in points. */
  readonly words: readonly { text: string; height: number }[];
}

/** Renders workbooks to PDF in one LibreOffice run (with its own profile, so parallel runs do not clash). */
function render(files: readonly string[]): Map<string, Printed> {
  const profile = `file://${join(dir, 'profile')}`;
  const r = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files], { encoding: 'utf8', timeout: 170_000 });
  if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
  const out = new Map<string, Printed>();
  for (const file of files) {
    const pdf = file.replace(/\.xlsx$/, '.pdf');
    const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    const bbox = spawnSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 }).stdout;
    const words = [...bbox.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((w) => ({
      text: unescape(w[3]!).normalize('NFC'),
      height: Number(w[2]) - Number(w[1]),
    }));
    const fonts = [...spawnSync('pdffonts', [pdf], { encoding: 'utf8' }).stdout.matchAll(/^[A-Z]{6}\+(\S+)/gm)].map((f) => f[1]!);
    out.set(file, { pages, words, fonts });
  }
  return out;
}

function unescape(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** The words of every text cell of the visible sheets, as a person reads them. */
async function cellWords(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const words: string[] = [];
  for (const ws of wb.worksheets) {
    if (ws.state !== 'visible') continue;
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        const v = cell.value;
        // A formula's text (an evidence link is a HYPERLINK formula) prints as its result. Cell
        // hyperlinks are left out: LibreOffice neither wraps nor breaks their text (the ranked
        // workbook's evidence links show only as far as their cell).
        const text = typeof v === 'string' ? v : v !== null && typeof v === 'object' && 'formula' in v && typeof v.result === 'string' ? v.result : undefined;
        if (text) words.push(...text.normalize('NFC').split(/\s+/).filter(Boolean));
      }),
    );
  }
  return words;
}

/** Words of the cells that are not on the printed pages (each page word used once). */
function missing(cells: readonly string[], printed: Printed): string[] {
  const left = new Map<string, number>();
  for (const w of printed.words) left.set(w.text, (left.get(w.text) ?? 0) + 1);
  // A long word (an address, "206/BC-VPUBND") may be broken across lines at a hyphen or slash: found in the text run together.
  const flat = printed.words.map((w) => w.text).join('');
  const lost: string[] = [];
  for (const w of cells) {
    const n = left.get(w) ?? 0;
    if (n > 0) left.set(w, n - 1);
    else if (!flat.includes(w)) lost.push(w);
  }
  return lost;
}

describe.skipIf(!tools)('printed through LibreOffice', () => {
  const files = { ranked: join(dir, 'results.xlsx'), blank: join(dir, 'blank.xlsx'), form: join(dir, 'form.xlsx'), review: join(dir, 'review.xlsx') };
  let printed: Map<string, Printed>;

  beforeAll(async () => {
    // The 2024 sample with last year's figures: every optional column of the ranked workbook.
    const run = scoreFiles(['fixtures/khanh-hoa-2024/agencies-long.csv'], m, { lang: 'vi', review: 'fixtures/khanh-hoa-2024/review.csv' });
    const previous = readPrevious('fixtures/khanh-hoa-2023/results-2023.json');
    const comparison = compareYears(run.results, previous.doc!, { unitsMap: readUnitsMap('fixtures/khanh-hoa-2024/units-map.csv').map });
    writeFileSync(files.ranked, await resultsWorkbook(run.results, m, { lang: 'vi', year: 2024, comparison }));
    writeFileSync(files.blank, await submissionTemplate(m, { lang: 'vi', group: 'cap-huyen', year: 2024 }));
    writeFileSync(files.form, await submissionTemplate(m, { lang: 'vi', group: 'so-nganh', year: 2024, agency: { code: 'SNNPTNT', name: 'Sở Nông nghiệp và Phát triển nông thôn' } }));
    // Two agencies' rows (SNV's evidence holds a long link): the appraisal sheet of a whole province is long, its pages alike.
    const read = readSubmissions(['fixtures/khanh-hoa-2024/agencies-long.csv'], m);
    const two = scoreSubmissions(m, read.submissions.slice(0, 2));
    expect(two.map((s) => s.agency.code)).toContain('SNV');
    writeFileSync(files.review, await reviewTemplate(m, two, { lang: 'vi', year: 2024 }));
    printed = render(Object.values(files));
  }, 180_000);

  // Page bounds: the ranking and the eight indicator sheets fit a page or two each; the detail
  // sheet (every sub-indicator of every agency) is printed across pages by design.
  const bounds = { ranked: 60, blank: 8, form: 8, review: 12 };

  for (const kind of ['ranked', 'blank', 'form', 'review'] as const) {
    it(`${kind}: prints on a bounded number of A4 pages`, () => {
      const p = printed.get(files[kind])!;
      expect(p.pages).toBeGreaterThan(0);
      expect(p.pages).toBeLessThanOrEqual(bounds[kind]);
    });

    it(`${kind}: prints no text smaller than ${MIN_TEXT_POINTS} points`, () => {
      const p = printed.get(files[kind])!;
      const small = p.words.filter((w) => w.height < MIN_TEXT_POINTS);
      expect(small.slice(0, 5)).toEqual([]);
    });

    it(`${kind}: prints every word of every cell (nothing cut)`, async () => {
      const lost = missing(await cellWords(files[kind]), printed.get(files[kind])!);
      expect(lost.slice(0, 20)).toEqual([]);
    });
  }

  // The ranked workbook (src/report/workbook.ts) still leaves bold cells' typeface to the program.
  for (const kind of ['blank', 'form', 'review'] as const) {
    it(`${kind}: prints in one typeface (every font names its face, so none falls back to a serif)`, () => {
      const families = new Set(printed.get(files[kind])!.fonts.map((f) => f.split('-')[0]));
      expect([...families]).toHaveLength(1);
    });
  }

  it('review: prints a long evidence link whole, wrapped within its column', async () => {
    const p = printed.get(files.review)!;
    const flat = p.words.map((w) => w.text).join('');
    expect(flat).toContain('https://snv.khanhhoa.gov.vn/van-ban/2023/quyet-dinh-118-ban-hanh-quy-che-quan-ly-su-dung-he-thong-thong-tin-va-bao-dam-an-toan-thong-tin.pdf');
  });

  it('ranked: repeats the title and the page number on every page', () => {
    const p = printed.get(files.ranked)!;
    const numbers = new Set(p.words.map((w) => w.text).filter((w) => new RegExp(`^\\d+/${p.pages}$`).test(w)));
    expect(numbers.size).toBe(p.pages);
  });
});

import ExcelJS from 'exceljs';
import { columnLetters } from '../../core/grid.js';
import { TEXT_FACTOR, rowHeight, solid, wrappedLines } from '../excel.js';
import { maxOf } from '../../core/arrays.js';
import { HEADER_FILL, TOP_FILL } from './sheets.js';
import { ExcelValue, Value, cellText, headerText, toExcel } from './values.js';

/** Writes one sheet in two passes (measure, then stream the rows with their heights) with its print layout. */

/**
 * The workbook's typeface, named on every cell given a font of its own: a font without a name is
 * printed by LibreOffice in its default serif, so bold titles and headers stood out from the rest.
 */
export const FONT = { name: 'Calibri', family: 2, size: 11 } as const;
// ---------------------------------------------------------------------------------------------
// Writing a sheet: cells, widths, freeze, filter, print setup.

export interface Column<T> {
  readonly header: string;
  readonly value: (item: T) => Value;
  readonly fmt?: string;
  /** Index columns: a sequential colour scale over each block of rows. */
  readonly scale?: boolean;
  readonly colour?: (item: T) => string;
  /** The agency's identity (leading columns): frozen on screen, repeated on every printed page of a wide sheet. */
  readonly identity?: boolean;
  /** Long text: wraps within the column (at most its width) instead of widening it. */
  readonly wrap?: boolean;
  /** Wrapped text: the widest this column may grow (characters). Other columns: the least width of its header. */
  readonly width?: number;
}

export interface CellStyle {
  readonly fmt?: string;
  readonly bold?: boolean;
  readonly fill?: string;
  readonly colour?: string;
  readonly left?: boolean;
  readonly wrap?: boolean;
  readonly maxWidth?: number;
}

export const MIN_WIDTH = 6;
/** Columns of text that does not wrap (codes, numbers, file names) grow up to this. */
export const MAX_WIDTH = 66;
/** Columns of text that wraps (names, messages) grow up to this, then wrap. */
export const WRAP_WIDTH = 34;
/** A header wraps; its column need only be as wide as its longest word, or this many characters. */
export const HEADER_WIDTH = 7;
/** Agency names up to this many characters stay on one line. */
export const NAME_WIDTH = 40;

/**
 * A sequential single-hue scale (ColorBrewer "Blues"), light for low and darker for high: it
 * reads the same to colour-blind readers and in grey print, and black text stays legible on
 * every shade (a red–green scale does neither).
 */
export const SCALE_COLOURS = ['FFF7FBFF', 'FFC6DBEF', 'FF6BAED6'];

/** How a sheet is finished: frozen panes, filter, print setup. */
export interface FinishOptions {
  freezeRows: number;
  freezeColumns: number;
  /** Header row, last row, number of columns. */
  filter?: readonly [number, number, number];
  printTitles?: readonly [number, number];
  /** The title in the page header, and "page n of m". */
  title: string;
  pageLabel: string;
  /** Identity columns repeated on each page when the sheet is printed across pages. */
  titleColumns?: number;
  /** Rows that start a new printed page (each group of a ranking after the first). */
  pageBreaksBefore?: readonly number[];
}

/** What measuring a sheet found, which the file states before its rows. */
export interface SheetPlan {
  /** Column widths, final; undefined for a column nothing was written in. */
  readonly measured: readonly (number | undefined)[];
  readonly finish: FinishOptions;
  readonly views: Partial<ExcelJS.WorksheetView>[];
}

/** Rows written between two pauses that let the zip library take what was written. */
export const ROWS_PER_PAUSE = 200;

/**
 * Writes a sheet in two passes over the same drawing code: without a worksheet it only
 * measures (column widths, the finishing options); with one and the plan of the first pass, it
 * writes cells row by row, giving each finished row its height and committing it, so that
 * only the row being written is in memory. Rows must be drawn in increasing order.
 */
export class SheetWriter {
  private readonly widths: number[] = [];
  private finishing: FinishOptions | undefined;
  /** The row being written (write pass), and what its height depends on. */
  private current = 0;
  private currentHeader: readonly string[] | undefined;
  private currentTitle: { text: string; size: number } | undefined;
  private currentWrapped = new Map<number, { text: string; bold: boolean }>();
  private readonly breaks: ReadonlySet<number>;
  private priority = 1;

  constructor(
    private readonly ws?: ExcelJS.Worksheet,
    private readonly layout?: SheetPlan,
  ) {
    this.breaks = new Set((layout?.finish.pageBreaksBefore ?? []).filter((r) => r > 1).map((r) => r - 1));
    if (ws && layout) this.start(ws, layout);
  }

  /** The measuring pass's findings. */
  plan(): SheetPlan {
    const o = this.finishing;
    if (!o) throw new Error('a sheet must be finished');
    const views: Partial<ExcelJS.WorksheetView>[] =
      o.freezeRows > 0 || o.freezeColumns > 0
        ? [
            {
              state: 'frozen',
              xSplit: o.freezeColumns,
              ySplit: o.freezeRows,
              topLeftCell: `${columnLetters(o.freezeColumns + 1)}${o.freezeRows + 1}`,
              activeCell: `${columnLetters(o.freezeColumns + 1)}${o.freezeRows + 1}`,
            },
          ]
        : [];
    const measured = this.widths.map((w) => (w === undefined ? undefined : Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, w + 1))));
    return { measured, finish: o, views };
  }

  title(row: number, text: string, size = 14): void {
    if (!this.ws) return;
    const cell = this.cell(row, 1);
    cell.value = cellText(text);
    cell.font = { ...FONT, bold: true, size };
    this.currentTitle = { text: cellText(text), size };
  }

  /** A header row; `widths` are the least widths of columns whose long header should not stand in a narrow column. */
  header(row: number, raw: readonly string[], widths: readonly (number | undefined)[] = []): void {
    const labels = raw.map(headerText);
    if (!this.ws) {
      labels.forEach((label, i) => {
        const longestWord = maxOf(label.split(/\s+/).map(textWidth), 0);
        this.fit(i + 1, Math.min(WRAP_WIDTH, Math.max(longestWord + 1, Math.min(textWidth(label), widths[i] ?? HEADER_WIDTH))));
      });
      return;
    }
    labels.forEach((label, i) => {
      const cell = this.cell(row, i + 1);
      cell.value = label;
      cell.font = { ...FONT, bold: true };
      cell.fill = solid(HEADER_FILL);
      cell.alignment = { wrapText: true, vertical: 'top' };
      cell.border = { bottom: { style: 'thin' } };
    });
    this.currentHeader = labels;
  }

  /** Writes one row per item from `start`; returns the next free row. */
  async rows<T>(start: number, columns: readonly Column<T>[], items: readonly T[], top: (item: T) => boolean = () => false): Promise<number> {
    let row = start;
    for (const item of items) {
      const marked = top(item);
      columns.forEach((c, i) => {
        const colour = c.colour?.(item);
        this.put(row, i + 1, c.value(item), {
          ...(c.fmt ? { fmt: c.fmt } : {}),
          ...(marked ? { bold: true, fill: TOP_FILL } : {}),
          ...(colour ? { colour } : {}),
          ...(c.wrap ? { wrap: true, maxWidth: c.width ?? WRAP_WIDTH } : {}),
        });
      });
      row++;
      if (this.ws && (row - start) % ROWS_PER_PAUSE === 0) await new Promise((done) => setImmediate(done));
    }
    return row;
  }

  put(row: number, col: number, value: Value, style: CellStyle = {}): void {
    const v = toExcel(value);
    const text = typeof v === 'string' ? v : v !== null && typeof v === 'object' ? v.text : undefined;
    if (!this.ws) {
      const width = valueWidth(v, typeof v === 'number' ? style.fmt : undefined);
      // Wide enough that a text which would fit on one line is estimated to (see charsPerLine).
      if (style.wrap && text !== undefined) this.fit(col, Math.min(Math.ceil(width / TEXT_FACTOR) + 1, style.maxWidth ?? WRAP_WIDTH));
      else this.fit(col, width);
      return;
    }
    const cell = this.cell(row, col);
    cell.value = v;
    if (style.fmt && typeof v === 'number') cell.numFmt = style.fmt;
    const isLink = v !== null && typeof v === 'object';
    if (style.bold || style.colour || isLink) {
      cell.font = {
        ...FONT,
        ...(style.bold ? { bold: true } : {}),
        ...(isLink ? { color: { argb: 'FF0563C1' }, underline: true } : style.colour ? { color: { argb: style.colour } } : {}),
      };
    }
    if (style.fill) cell.fill = solid(style.fill);
    if (style.left) cell.alignment = { horizontal: 'left' };
    if (style.wrap && text !== undefined) this.currentWrapped.set(col, { text, bold: style.bold === true });
  }

  /** A light-to-dark single-hue scale on each index column over rows first..last. */
  colourScales<T>(columns: readonly Column<T>[], first: number, last: number): void {
    if (!this.ws || last < first) return;
    columns.forEach((c, i) => {
      if (!c.scale) return;
      const col = columnLetters(i + 1);
      this.ws!.addConditionalFormatting({
        ref: `${col}${first}:${col}${last}`,
        rules: [
          {
            type: 'colorScale',
            priority: this.priority++,
            cfvo: [{ type: 'min' }, { type: 'percentile', value: 50 }, { type: 'max' }],
            color: SCALE_COLOURS.map((argb) => ({ argb })),
          },
        ],
      });
    });
  }

  /** Measuring: records how the sheet is finished. Writing: nothing more (it was set up from the plan). */
  finish(o: FinishOptions): void {
    if (!this.ws) this.finishing = o;
  }

  /** Writes the last row and commits the sheet. */
  end(): void {
    if (!this.ws) return;
    this.flushRow();
    this.ws.commit();
  }

  /** What the file states before the rows: column widths and the filter (frozen panes and print setup come with the worksheet). */
  private start(ws: ExcelJS.Worksheet, layout: SheetPlan): void {
    layout.measured.forEach((w, i) => {
      if (w !== undefined) ws.getColumn(i + 1).width = w;
    });
    const o = layout.finish;
    if (o.filter && o.filter[2] > 0) {
      const [header, lastRow, cols] = o.filter;
      ws.autoFilter = `A${header}:${columnLetters(cols)}${Math.max(header, lastRow)}`;
    }
  }

  /** A cell of the row being written; moving to a later row finishes the one before. */
  private cell(row: number, col: number): ExcelJS.Cell {
    if (row !== this.current) {
      if (row < this.current) throw new Error(`rows are written in order: row ${row} after row ${this.current}`);
      this.flushRow();
      // Rows left blank (between groups) may still end a printed page.
      for (let skipped = this.current + 1; skipped < row; skipped++) if (this.breaks.has(skipped)) this.ws!.getRow(skipped).addPageBreak();
      this.current = row;
    }
    return this.ws!.getCell(row, col);
  }

  /**
   * The row being written gets the height its wrapped header, cells or title need (no reader
   * re-measures rows), its cells read from the top when it is taller than a line, and is committed.
   */
  private flushRow(): void {
    const row = this.current;
    if (row === 0) return;
    const widths = this.layout!.measured;
    const widthOf = (col: number) => widths[col - 1] ?? MIN_WIDTH;
    let height = 0;
    const need = (lines: number, size = 11) => (height = Math.max(height, rowHeight(lines, size)));
    if (this.currentHeader) need(maxOf(this.currentHeader.map((label, i) => wrappedLines(label, widthOf(i + 1), true)), 1));
    for (const [col, { text, bold }] of this.currentWrapped) {
      const cell = this.ws!.getCell(row, col);
      cell.alignment = { ...cell.alignment, wrapText: true, vertical: 'top' };
      need(wrappedLines(text, widthOf(col), bold));
    }
    const r = this.ws!.getRow(row);
    const title = this.currentTitle;
    if (title) {
      // Titles span the printed width and wrap within it, so nothing runs past the margin.
      const last = Math.max(1, widths.length);
      const total = widths.reduce<number>((sum, w) => sum + (w ?? MIN_WIDTH), 0) || MIN_WIDTH;
      if (last > 1) this.ws!.mergeCells(row, 1, row, last);
      this.ws!.getCell(row, 1).alignment = { wrapText: true, vertical: 'top' };
      need(wrappedLines(title.text, total / (title.size / 11), true), title.size);
    }
    if (height > 0) {
      r.height = height;
      // A row of several lines reads from the top, its numbers beside the first line of its text.
      if (height > rowHeight(1) && !title) r.eachCell((cell) => (cell.alignment = { ...cell.alignment, vertical: 'top' }));
    }
    if (this.breaks.has(row)) r.addPageBreak();
    r.commit();
    this.currentHeader = undefined;
    this.currentTitle = undefined;
    this.currentWrapped = new Map();
  }

  private fit(col: number, width: number): void {
    this.widths[col - 1] = Math.max(this.widths[col - 1] ?? 0, width);
  }
}

/** Characters a text shows (diacritics composed), its longest line. */
export function textWidth(s: string): number {
  return Math.max(0, ...s.split(/\r?\n/).map((line) => [...line.normalize('NFC')].length));
}

/**
 * Column units a one-line text needs: a unit is the width of a digit, and capital letters are
 * wider (agency codes such as "P-NAMNHATRANG" overran into the name column in print at one unit each).
 */
export function lineWidth(s: string): number {
  let widest = 0;
  for (const line of s.split('\n')) {
    let w = 0;
    for (const ch of line.normalize('NFC')) w += ch >= 'A' && ch <= 'Z' ? 1.3 : 1;
    widest = Math.max(widest, w);
  }
  return Math.ceil(widest);
}

export function valueWidth(v: ExcelValue, fmt: string | undefined): number {
  if (v === null) return 0;
  if (typeof v === 'string') return lineWidth(v);
  if (typeof v === 'object') return textWidth(v.text);
  if (!fmt) return String(v).length;
  const places = /\.(0+)/.exec(fmt)?.[1]?.length ?? 0;
  return fmt.endsWith('%') ? (v * 100).toFixed(places).length + 1 : v.toFixed(places).length;
}

import ExcelJS from 'exceljs';
import { documentDate } from './workbook-dates.js';

/**
 * What every workbook dti writes shares, kept with exceljs in the report layer: a workbook
 * stamped with fixed dates (so the bytes are reproducible), fills, and the print setup.
 */
export function newWorkbook(sourceDateEpoch?: number): ExcelJS.Workbook {
  const date = documentDate(sourceDateEpoch);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'dti';
  wb.lastModifiedBy = 'dti';
  wb.created = date;
  wb.modified = date;
  return wb;
}

export function solid(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

// ---------------------------------------------------------------------------------------------
// Printing on A4. Widths are in Excel's character units (the width of "0" in the default
// 11-point font, about 7 pixels at 96 dpi, plus 5 pixels of padding per column).

const MARGINS = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
/** Printable width of A4 in pixels at 96 dpi, margins taken off. */
const PRINTABLE_PX = { portrait: (8.27 - MARGINS.left - MARGINS.right) * 96, landscape: (11.69 - MARGINS.left - MARGINS.right) * 96 };
/** Below this scale an 11-point table prints smaller than 8 points: such a sheet is printed across pages instead. */
export const MIN_PRINT_SCALE = 0.72;
/** The scale of a sheet too wide to fit: still readable, its identity columns repeated on every page. */
const WIDE_SCALE = 85;

function columnPixels(width: number): number {
  return Math.trunc(width * 7 + 5);
}

/** The scale at which columns of these widths fill the page width (capped at 1). */
export function fitScale(widths: readonly number[], orientation: 'portrait' | 'landscape'): number {
  const px = widths.reduce((sum, w) => sum + columnPixels(w), 0);
  return px === 0 ? 1 : Math.min(1, PRINTABLE_PX[orientation] / px);
}

export interface PrintOptions {
  /** The document's title, printed in the page header. */
  readonly title: string;
  /** "Page &P of &N" in the chosen language (a catalogue text with {page} and {pages}). */
  readonly pageLabel: string;
  /** The widths of the printed columns, to choose orientation and fit. */
  readonly widths: readonly number[];
  /** Rows repeated at the top of every page (header rows). */
  readonly titleRows?: readonly [number, number];
  /** Columns repeated at the left of every page when the sheet is too wide to fit (the agency's identity). */
  readonly titleColumns?: number;
  /** Portrait unless the sheet needs landscape to be read at a readable scale. */
  readonly orientation?: 'portrait' | 'landscape';
}

/**
 * The print setup of every sheet dti writes for people: A4, fitted to the page width when that
 * keeps the text readable (portrait when it fits, else landscape), otherwise printed across
 * pages at a fixed readable scale with the identity columns repeated; header rows repeated on
 * every page, the title in the page header and the page number in the footer.
 */
export function printSetup(ws: ExcelJS.Worksheet, o: PrintOptions): void {
  const orientation = o.orientation ?? (fitScale(o.widths, 'portrait') >= 0.95 ? 'portrait' : 'landscape');
  const fits = fitScale(o.widths, orientation) >= MIN_PRINT_SCALE;
  const columns = !fits && o.titleColumns ? `A:${columnName(o.titleColumns)}` : undefined;
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation,
    paperSize: 9, // A4
    margins: MARGINS,
    horizontalCentered: false,
    pageOrder: 'overThenDown',
    ...(fits ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : { fitToPage: false, scale: WIDE_SCALE }),
    ...(o.titleRows ? { printTitlesRow: `${o.titleRows[0]}:${o.titleRows[1]}` } : {}),
    ...(columns ? { printTitlesColumn: columns } : {}),
  };
  ws.headerFooter = {
    differentFirst: false,
    differentOddEven: false,
    oddHeader: `&C${headerText(o.title)}`,
    oddFooter: `&C${headerText(o.pageLabel).replace('{page}', '&P').replace('{pages}', '&N')}`,
  };
}

/** Text for a page header or footer: "&" doubled (it starts a code), within Excel's 255 characters. */
function headerText(s: string): string {
  const clean = s.replace(/\s+/g, ' ').trim().replace(/&/g, '&&');
  return clean.length > 200 ? clean.slice(0, 199) + '…' : clean;
}

function columnName(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

// ---------------------------------------------------------------------------------------------
// Row heights: neither Excel nor LibreOffice grows a row to fit wrapped text when it opens a
// file, so the writer sets them, estimating lines from the column width and the text.

/** Points per line of 11-point text. */
export const LINE_HEIGHT = 15;
/**
 * Characters of ordinary text that fit in a column of width w. Vietnamese text is about as wide
 * as the digit "0" the width is measured in, bold text wider, and LibreOffice substitutes a
 * wider font for Calibri where Calibri is missing: the margin keeps the estimate on the side of
 * one line too many rather than a line cut off (checked by rendering through LibreOffice).
 */
export const TEXT_FACTOR = 1;
const BOLD_FACTOR = 0.95;

export function charsPerLine(width: number, bold = false): number {
  return Math.max(1, Math.floor((width - 1) * (bold ? BOLD_FACTOR : TEXT_FACTOR)));
}

/** Lines a text takes when wrapped at word boundaries (a word longer than a line breaks inside) in a column `width` wide. */
export function wrappedLines(text: string, width: number, bold = false): number {
  const per = charsPerLine(width, bold);
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    let n = 1;
    let used = 0;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const w = [...word.normalize('NFC')].length;
      if (used > 0 && used + 1 + w > per) {
        n++;
        used = 0;
      }
      // A word longer than a line (an address) is broken inside, at a slash or hyphen where it can: a line more to be safe.
      if (w > per) {
        n += Math.ceil(w / per);
        used = w % per;
      } else used += (used > 0 ? 1 : 0) + w;
    }
    lines += n;
  }
  return Math.max(1, lines);
}

/** Row height for a number of lines of text of a font size. */
export function rowHeight(lines: number, size = 11): number {
  return Math.ceil(lines * LINE_HEIGHT * (size / 11) + 2);
}

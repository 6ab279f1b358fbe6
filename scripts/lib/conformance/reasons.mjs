// Why a file is refused rightly, or why dti's value for a cell rightly differs from both reference
// readers. Each entry was decided by looking at the file's XML and at what the writing program
// shows; the corpus itself is never committed, only these reasons keyed by file name or feature.

/**
 * Files dti refuses on purpose, with the code it must give. Files that neither reference reads
 * (not a zip, encrypted) and workbooks without a value need no entry: the script recognises them.
 */
export const REFUSALS = [
  {
    file: /^lotest--calc_export-millon-rows\.xlsx$|^lotest--calc_xlsx-export-single-cell-at-last-row\.xlsx$/,
    code: 'E_XLSX_TOO_LARGE',
    reason: 'a value past row 100 000, the --max-rows limit dti sets on purpose (a submission form has a few hundred rows); --max-rows 1048576 reads it',
  },
  {
    file: /^tealeg--badfile_noWorksheets\.xlsx$/,
    code: 'E_XLSX_CORRUPT',
    reason: 'the workbook names three sheets whose parts are not in the package: Excel reports it as damaged',
  },
  {
    file: /^poi--poc-xmlbomb\.xlsx$/,
    code: 'E_XLSX_CORRUPT',
    reason: 'its shared strings declare a DTD of nested entities (a billion-laughs bomb); the Open Packaging Conventions forbid DTDs in package XML, and dti expands no entity',
  },
  {
    file: /^poi--duplicate-filename(-case-insensitive)?\.xlsx$/,
    code: 'E_ZIP_NAME_CLASH',
    reason: 'two zip entries with one part name (or names differing only by case), which OPC forbids: Excel would show one, dti could score the other',
  },
  {
    file: /^calamine--issue252\.xlsx$/,
    code: 'E_ZIP_SIZE_MISMATCH',
    reason: 'one part inflates to more bytes than its zip entry declares, and its CRC-32 does not match (Python\'s zipfile, which openpyxl uses, stops there too): a part that is not what the package says it is is refused, never read with values that may have changed',
  },
];

/**
 * Cells where dti differs from both references on purpose. `file` (a RegExp on the file name) and
 * `when` (a test on { file, sheet, cell, dti, openpyxl, sheetjs }) pick the cells; `reason` says why.
 */
export const DIFFERENCES = [
  {
    when: (d) => d.dti?.[0] === 's' && [d.openpyxl, d.sheetjs].some((r) => r?.[0] === 's' && oneBreak(r[1]) === d.dti[1]),
    reason: 'a line break written CR LF (in the XML, or as _x000D_ before a newline): an XML parser reads CR LF as LF and Excel shows one break, as dti gives it; SheetJS keeps the CRs, openpyxl 3.0 leaves _x000D_ undecoded',
  },
  {
    when: (d) => d.dti?.[0] === 's' && /^(1899-12-31|1904-01-01)(T|$)/.test(d.dti[1]) && [d.openpyxl, d.sheetjs].every((r) => r === null || r === 'not read' || r[0] === 't'),
    reason: 'a serial below 1 in a date format: Excel shows a date (day 0, "1/0/1900", in the 1900 system; 1 January 1904 in the 1904 system), which dti gives in ISO (day 0 as the day before 1900-01-01); the references give only a time of day',
  },
  {
    file: /^sheetjs--LONumbers(-2010|-2011)?\.xlsx$/,
    when: (d) => d.dti?.[0] === 'n',
    reason: 'the format code is only "AM/PM": Excel shows "AM" or "PM", neither a number nor a date; dti keeps the number, the references make a date of it',
  },
  {
    file: /^sheetjs--xlsx-stream-d-date-cell\.xlsx$/,
    when: (d) => d.dti?.[0] === 'n',
    reason: 'built-in format 46, [h]:mm:ss, is an elapsed time (Excel shows hours past 24, not a date), which dti keeps as a number; SheetJS takes it for a date, openpyxl cannot open the file (a style index past cellXfs)',
  },
  {
    file: /^calamine--minimal_package\.xlsx$/,
    reason: 'an inline string of a plain <t> followed by rich-text runs: Excel shows them joined, as dti does; SheetJS keeps the first <t> only, openpyxl cannot open the package (no default style)',
  },
  {
    file: /^closedxml--TryToLoad_LO_xlsx_tdf100709\.xlsx$/,
    when: (d) => d.dti?.[0] === 's' && d.sheetjs?.[0] === 'n',
    reason: 'the cell\'s style has a custom date format, which Excel shows as a date; SheetJS loses the custom formats of this indented styles part, openpyxl cannot open the file (a style index past cellXfs)',
  },
];

/** A text with its CR LF line breaks (and _x000D_ escapes before a newline) as single LFs. */
function oneBreak(text) {
  return text.replace(/_x000[dD]_/g, '\r').replace(/\r+\n/g, '\n');
}

export function refusalReason(file, code) {
  const entry = REFUSALS.find((e) => e.file.test(file));
  if (!entry) return undefined;
  return { rightly: entry.code === code, reason: entry.reason, expected: entry.code };
}

export function differenceReason(diff) {
  return DIFFERENCES.find((e) => (e.file === undefined || e.file.test(diff.file)) && (e.when === undefined || e.when(diff)))?.reason;
}

/**
 * The .xlsx reader. One file per piece: the zip package (package.ts), the XML scanner (xml.ts),
 * part names, rels, the workbook part and shared strings (parts.ts), styles and number formats
 * (styles.ts), worksheets (sheet.ts), A1 references (references.ts), the limits and the failure
 * that ends a read (limits.ts), and the read that ties them together (workbook.ts).
 */
export { DEFAULT_XLSX_LIMITS, type XlsxLimits } from './limits.js';
export { readXlsx, type XlsxResult } from './workbook.js';

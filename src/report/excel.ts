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

/** The print setup of every sheet dti writes for people: A4, fitted to the page width, header rows repeated. */
export function a4PageSetup(orientation: 'landscape' | 'portrait', headerRows?: readonly [number, number]) {
  return {
    orientation,
    paperSize: 9, // A4
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    ...(headerRows ? { printTitlesRow: `${headerRows[0]}:${headerRows[1]}` } : {}),
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
  };
}

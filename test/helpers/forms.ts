import ExcelJS from 'exceljs';
import { TEMPLATE_HEADERS } from '../../src/template/write.js';

/** A workbook's bytes opened with exceljs, to read or fill a form as a person would. */
export async function openWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

/** Each indicator's row of a form, read from column A below the header. */
export function formRows(ws: ExcelJS.Worksheet): Map<string, number> {
  let header = 0;
  const rows = new Map<string, number>();
  ws.eachRow((row, n) => {
    const a = row.getCell(1).value;
    if (a === TEMPLATE_HEADERS[0]) header = n;
    else if (header > 0 && typeof a === 'string' && a !== '') rows.set(a, n);
  });
  return rows;
}

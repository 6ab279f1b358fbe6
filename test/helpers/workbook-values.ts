import ExcelJS from 'exceljs';

/**
 * Every non-empty cell of a workbook as "Sheet!A1 <value as JSON>" lines, sheets in order: what a
 * reader of the workbook sees, whatever writer (in-memory or streaming) produced its bytes.
 */
export async function workbookValues(file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const lines: string[] = [];
  wb.eachSheet((ws) => {
    lines.push(`# ${ws.name}`);
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        lines.push(`${cell.address} ${JSON.stringify(cell.value)}`);
      });
    });
  });
  return lines.join('\n') + '\n';
}

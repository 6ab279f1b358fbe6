#!/usr/bin/env node
// Regenerates fixtures/xlsx/libreoffice-saved.xlsx: a small self-assessment sheet written with
// exceljs, then opened and saved again by LibreOffice, so the reader is tested on the XML a real
// LibreOffice writes (its own styles, shared strings, rels and row attributes).
//
//   node scripts/make-xlsx-fixtures.mjs      (needs `libreoffice` on the PATH)
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'fixtures', 'xlsx', 'libreoffice-saved.xlsx');

const wb = new ExcelJS.Workbook();
wb.creator = 'dti fixtures';
wb.created = wb.modified = new Date(Date.UTC(2024, 0, 1));
const ws = wb.addWorksheet('Tự đánh giá');
ws.getCell('A1').value = 'Bộ chỉ số DTI 2023 – Sở Thông tin và Truyền thông';
ws.mergeCells('A1:G1');
ws.addRow(['Mã chỉ số', 'Tên chỉ số', 'Giá trị', 'Tỷ lệ', 'Ngày ban hành', 'Điểm', 'Minh chứng']);
ws.addRow([
  '1.1',
  'Nhận thức số',
  12.5,
  0.658,
  new Date(Date.UTC(2023, 2, 15)),
  { formula: 'C3*0', result: 0 },
  { text: 'Quyết định 123', hyperlink: 'https://vanban.gov.vn/qd-123.pdf' },
]);
ws.addRow(['1.2', 'Thể chế số', 3, 1, new Date(Date.UTC(2023, 11, 31)), { formula: 'C4*2', result: 6 }, { text: 'Liên hệ', hyperlink: 'mailto:dti@example.gov.vn' }]);
ws.addRow(['1.3', 'Hạ tầng số', true, null, null, 10]);
ws.addRow(['1.4', 'Nhân lực số', { formula: '1/0', result: { error: '#DIV/0!' } }]);
for (const r of [3, 4]) {
  ws.getCell(`D${r}`).numFmt = '0.0%';
  ws.getCell(`E${r}`).numFmt = 'dd/mm/yyyy';
}
ws.getRow(5).hidden = true;
const hidden = wb.addWorksheet('Ẩn', { state: 'hidden' });
hidden.getCell('A1').value = 'danh mục';

const work = mkdtempSync(join(tmpdir(), 'dti-xlsx-'));
try {
  const source = join(work, 'source', 'libreoffice-saved.xlsx');
  execFileSync('mkdir', ['-p', dirname(source)]);
  await wb.xlsx.writeFile(source);
  execFileSync('libreoffice', ['--headless', `-env:UserInstallation=file://${join(work, 'profile')}`, '--convert-to', 'xlsx', '--outdir', work, source], {
    stdio: 'inherit',
  });
  copyFileSync(join(work, 'libreoffice-saved.xlsx'), out);
  console.log(`wrote ${out}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

import { describe, expect, it } from 'vitest';
import { foldText } from '../../src/core/text.js';
import { COLUMN_SYNONYMS, columnRole, type ColumnRole } from '../../src/submission/columns.js';

const entries = (Object.entries(COLUMN_SYNONYMS) as [ColumnRole, readonly string[]][]).flatMap(([role, names]) => names.map((n) => [n, role] as const));

describe('the header synonym table', () => {
  describe.each(entries)('"%s"', (header, role) => {
    it(`names the ${role} column as written, in NFD, in capitals and without diacritics`, () => {
      expect(columnRole(header)).toBe(role);
      expect(columnRole(header.normalize('NFD'))).toBe(role);
      expect(columnRole(header.toLocaleUpperCase('vi'))).toBe(role);
      expect(columnRole(foldText(header))).toBe(role);
    });

    it(`names the ${role} column with more words after it`, () => {
      // Only wordings of five letters or more match as a prefix ("Tài liệu kiểm chứng (bản scan)").
      if (foldText(header).replace(/[^a-z0-9]+/g, ' ').trim().length < 5) return;
      expect(columnRole(`${header} (nếu có)`)).toBe(role);
    });
  });

  it.each([
    ['Chỉ tiêu', 'name'],
    ['Tên chỉ tiêu', 'name'],
    ['Tiêu chí', 'name'],
    ['Tên tiêu chí, chỉ số', 'name'],
    ['Nội dung', 'name'],
    ['Nội dung đánh giá', 'name'],
    ['Chỉ số/Chỉ số thành phần', 'name'],
    ['Điểm chuẩn', 'maxPoints'],
    ['DIEM TU CHAM', 'points'],
    ['Hồ sơ minh chứng', 'evidence'],
    ['Thuyết minh', 'note'],
    ['Điểm thẩm định', 'appraisal'],
    ['Hội đồng thẩm định', 'appraisal'],
  ])('the provinces\' wording "%s" names the %s column', (header, role) => {
    expect(columnRole(header)).toBe(role);
  });

  it('does not read the official form\'s "Đơn vị phối hợp xác minh số liệu" as the agency name', () => {
    expect(columnRole('Đơn vị phối hợp xác minh số liệu')).toBe('verifier');
  });

  it('gives every wording one role only', () => {
    const seen = new Map<string, ColumnRole>();
    for (const [header, role] of entries) {
      const key = foldText(header).replace(/[^a-z0-9]+/g, ' ').trim();
      expect(seen.get(key) ?? role, header).toBe(role);
      seen.set(key, role);
    }
  });
});

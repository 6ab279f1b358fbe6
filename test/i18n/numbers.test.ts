import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/catalog.js';
import { fixedNumber, localNumber } from '../../src/i18n/numbers.js';
import { describeRule } from '../../src/framework/describe.js';

describe('numbers as a person reads them', () => {
  it('writes the decimal comma in Vietnamese and the point in English', () => {
    expect(localNumber(0.5, 'vi')).toBe('0,5');
    expect(localNumber(0.5, 'en')).toBe('0.5');
    expect(fixedNumber(0.80021, 4, 'vi')).toBe('0,8002');
    expect(localNumber('-3.25', 'vi')).toBe('-3,25');
  });

  it('leaves what is not a plain number alone: codes such as 1.2, whole numbers, words', () => {
    expect(localNumber('1.2.3', 'vi')).toBe('1.2.3');
    expect(localNumber(2024, 'vi')).toBe('2024');
    expect(localNumber('có', 'vi')).toBe('có');
  });

  it('fills message figures with the language\'s decimal mark, codes untouched', () => {
    expect(t('RULE_count', 'vi', { per: 0.5, cap: 2.5 })).toBe('0,5 điểm mỗi mục, tối đa 2,5');
    expect(t('RULE_count', 'en', { per: 0.5, cap: 2.5 })).toBe('0.5 points per item, up to 2.5');
    // Exact decimals passed as text in a figure's parameter, beside an indicator code.
    expect(t('W_EVIDENCE_MISSING', 'vi', { agency: 'SNV', indicator: '1.2', points: '7.5' })).toContain('chỉ số 1.2 (7,5 điểm)');
  });

  it('words the rules of the forms with decimal commas in Vietnamese', () => {
    expect(describeRule({ type: 'count', pointsPerItem: 0.5, cap: 5 } as never, 5, 'vi')).toBe('0,5 điểm mỗi mục, tối đa 5');
    expect(describeRule({ type: 'tiers', basis: 'percent', tiers: [{ min: 0.5, points: 15 }, { min: 1, points: 20 }] } as never, 20, 'vi')).toBe('theo ngưỡng: ≥ 1% → 20; ≥ 0,5% → 15');
  });

  it('names a system error in words, not its code', () => {
    expect(t('E_FILE_UNREADABLE', 'vi', { detail: 'ENOENT' })).toContain('không tìm thấy tệp hoặc thư mục');
    expect(t('E_FILE_UNREADABLE', 'en', { detail: 'EACCES' })).toContain('permission denied');
    expect(t('E_FILE_UNREADABLE', 'vi', { detail: 'EWEIRD' })).toContain('lỗi hệ thống (EWEIRD)');
  });
});

describe('input fields in messages', () => {
  it('are named in the language, not by their name in the data', () => {
    expect(t('E_NOT_A_NUMBER', 'vi', { indicator: '1.3', field: 'numerator', value: 'x' })).toBe('Chỉ số 1.3, tử số: "x" không phải là số');
    expect(t('E_NOT_A_NUMBER', 'en', { indicator: '1.3', field: 'denominator', value: 'x' })).toBe('Indicator 1.3, denominator: "x" is not a number');
  });
});

describe('English plurals', () => {
  it('counts one file, two files', () => {
    expect(t('SUMMARY', 'en', { agencies: 1, files: 1, errors: 1, warnings: 0, infos: 2 })).toBe('1 agency from 1 file; 1 error, 0 warnings, 2 notes');
    expect(t('SUMMARY', 'en', { agencies: 21, files: 11, errors: 0, warnings: 0, infos: 0 })).toBe('21 agencies from 11 files; 0 errors, 0 warnings, 0 notes');
    expect(t('WB_TITLE_GROUP', 'en', { group: 'A', count: 1, max: 100 })).toBe('Group: A (1 agency, max 100 points)');
  });
});

describe('data validations in words', () => {
  it('says what a form cell expects in the reader\'s language', () => {
    const text = (expected: string, found: string, lang: 'vi' | 'en') => t('E_TPL_VALIDATION_CHANGED', lang, { code: '1.1', column: 'Giá trị', expected, found });
    expect(text('decimal ≥ 0', 'whole greaterThanOrEqual 0', 'vi')).toBe('"1.1": kiểm tra dữ liệu của ô Giá trị đã bị sửa: cần số ≥ 0, đang là số nguyên ≥ 0');
    expect(text('decimal 0..100', 'list: Có, Không', 'en')).toBe('"1.1": the data validation of the Giá trị cell was changed: expected number 0 to 100, found list: Có, Không');
  });
});

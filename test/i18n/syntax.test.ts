import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/catalog.js';
import { syntaxDetail } from '../../src/i18n/syntax.js';

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    return e;
  }
  throw new Error('expected a syntax error');
}

const worded = (detail: string) => ({ vi: t('E_FW_SYNTAX', 'vi', { detail }), en: t('E_FW_SYNTAX', 'en', { detail }) });

describe('syntax errors in the chosen language', () => {
  it('words JSON cut short', () => {
    expect(worded(syntaxDetail(thrown(() => JSON.parse('{"a": [1,')), 'json'))).toEqual({
      vi: 'Tệp bộ chỉ số không đọc được: nội dung JSON bị cắt giữa chừng (thiếu phần cuối)',
      en: 'The framework file cannot be parsed: the JSON ends too early (its end is missing)',
    });
  });

  it('names the JSON token out of place', () => {
    expect(worded(syntaxDetail(thrown(() => JSON.parse('{"a":}')), 'json')).vi).toBe('Tệp bộ chỉ số không đọc được: cú pháp JSON sai: ký tự } không đúng chỗ');
  });

  it('gives the YAML line and column and what is wrong there', () => {
    expect(worded(syntaxDetail(thrown(() => parseYaml('id: a\nid: b\n', { uniqueKeys: true })), 'yaml'))).toEqual({
      vi: 'Tệp bộ chỉ số không đọc được: cú pháp YAML sai ở dòng 2, cột 1: một khoá xuất hiện hai lần',
      en: 'The framework file cannot be parsed: YAML syntax error at line 2, column 1: a key appears twice',
    });
  });
});

describe('a system error sentence in the chosen language', () => {
  it('words its code and keeps the path it names', () => {
    expect(t('E_FILE_FAILED', 'vi', { detail: "ENOENT: no such file or directory, open '/x/y.csv'" })).toContain('không tìm thấy tệp hoặc thư mục (/x/y.csv)');
  });
});

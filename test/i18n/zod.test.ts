import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/catalog.js';
import { zodDetail } from '../../src/i18n/zod.js';

/** The first finding of a parse, as the E_RESULTS_UNREADABLE message's detail in each language. */
function worded(schema: z.ZodType, data: unknown): { vi: string; en: string } {
  const parsed = schema.safeParse(data, { reportInput: true });
  if (parsed.success) throw new Error('expected a failed parse');
  const detail = zodDetail(parsed.error.issues, 1);
  return { vi: t('E_FW_SCHEMA', 'vi', { detail }), en: t('E_FW_SCHEMA', 'en', { detail }) };
}

describe('zod findings in the chosen language', () => {
  it('names the type expected and the type found', () => {
    expect(worded(z.object({ index: z.number() }), { index: 'abc' })).toEqual({
      vi: 'index: cần một số, nhưng là văn bản',
      en: 'index: a number expected, found text',
    });
  });

  it('calls a missing field missing', () => {
    expect(worded(z.object({ tool: z.object({}) }), {})).toEqual({
      vi: 'tool: thiếu (cần một nhóm trường (đối tượng))',
      en: 'tool: missing (an object expected)',
    });
  });

  it('writes a lower bound with the decimal comma in Vietnamese', () => {
    expect(worded(z.object({ x: z.number().min(0.5) }), { x: 0 })).toEqual({ vi: 'x: phải ≥ 0,5', en: 'x: must be ≥ 0.5' });
  });

  it('counts items, singular after one in English', () => {
    expect(worded(z.object({ a: z.array(z.number()).max(1) }), { a: [1, 2] })).toEqual({ vi: 'a: tối đa 1 mục', en: 'a: at most 1 item' });
  });

  it('lists the values allowed', () => {
    expect(worded(z.object({ ties: z.enum(['exact', 'published']) }), { ties: 'x' }).vi).toBe('ties: phải là một trong: "exact", "published"');
  });

  it('describes the code pattern of frameworks in words, not as a regular expression', () => {
    const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and dashes');
    expect(worded(z.object({ id }), { id: 'Khánh Hòa' }).vi).toBe('id: chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang');
  });

  it('names the whole document when the file is not an object at all', () => {
    expect(worded(z.object({}), [])).toEqual({ vi: '(cả tệp): cần một nhóm trường (đối tượng), nhưng là một danh sách', en: '(the whole file): an object expected, found a list' });
  });

  it('names fields not allowed', () => {
    expect(worded(z.strictObject({}), { extra: 1 }).en).toBe('(the whole file): fields not allowed here: extra');
  });
});

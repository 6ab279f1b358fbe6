import { describe, expect, it } from 'vitest';
import { messageKeys, resolveLang, t } from '../../src/i18n/catalog.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the message catalogue', () => {
  it('has every message in Vietnamese and English', () => {
    const missing = messageKeys().filter((k) => t(k, 'vi').trim() === '' || t(k, 'en').trim() === '');
    expect(missing).toEqual([]);
  });

  it('fills the same placeholders in both languages', () => {
    const differ = messageKeys().filter((k) => placeholders(t(k, 'vi')).join() !== placeholders(t(k, 'en')).join());
    expect(differ).toEqual([]);
  });

  it('fills placeholders from parameters and leaves unknown ones visible', () => {
    expect(t('E_INPUT_NOT_FOUND', 'en', { path: 'a.csv' })).toBe('No such file or folder: a.csv');
    expect(t('E_INPUT_NOT_FOUND', 'en')).toBe('No such file or folder: {path}');
  });

  it('chooses the language from the option, then DTI_LANG, then Vietnamese', () => {
    expect(resolveLang('en', { DTI_LANG: 'vi' })).toBe('en');
    expect(resolveLang(undefined, { DTI_LANG: 'en' })).toBe('en');
    expect(resolveLang(undefined, { DTI_LANG: '' })).toBe('vi');
    expect(resolveLang('fr', {})).toBeUndefined();
  });
});

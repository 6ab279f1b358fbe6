import { badMessages } from './messages/bad.js';
import { cliMessages } from './messages/cli.js';
import { compareMessages } from './messages/compare.js';
import { engineMessages } from './messages/engine.js';
import { explainMessages } from './messages/explain.js';
import { hostileMessages } from './messages/hostile.js';
import { frameworkMessages } from './messages/framework.js';
import { htmlMessages } from './messages/html.js';
import { labelMessages } from './messages/labels.js';
import { reviewMessages } from './messages/review.js';
import { outputMessages } from './messages/output.js';
import { rankMessages } from './messages/rank.js';
import { ruleMessages } from './messages/rules.js';
import { sheetMessages } from './messages/sheets.js';
import { submissionMessages } from './messages/submission.js';
import { templateMessages } from './messages/template.js';
import { templateCheckMessages } from './messages/template-check.js';
import { threadsMessages } from './messages/threads.js';
import { workbookMessages } from './messages/workbook.js';
import { xlsxMessages } from './messages/xlsx.js';
import { syntaxMessages, zodMessages } from './messages/zod.js';
import { localNumber, singularAfterOne } from './numbers.js';
import { renderSyntaxDetails } from './syntax.js';
import { renderZodDetails } from './zod.js';
import type { Lang, Message, MessageTable, Params } from './types.js';

/**
 * The one message catalogue. Each area keeps its table in messages/; every issue code and
 * every label a user reads is a key here, in Vietnamese and English.
 */
const TABLES: readonly MessageTable[] = [
  rankMessages,
  explainMessages,
  frameworkMessages,
  ruleMessages,
  engineMessages,
  sheetMessages,
  submissionMessages,
  cliMessages,
  labelMessages,
  workbookMessages,
  xlsxMessages,
  templateMessages,
  templateCheckMessages,
  compareMessages,
  badMessages,
  reviewMessages,
  htmlMessages,
  hostileMessages,
  outputMessages,
  zodMessages,
  syntaxMessages,
  threadsMessages,
];

const CATALOG: ReadonlyMap<string, Message> = (() => {
  const map = new Map<string, Message>();
  for (const table of TABLES) {
    for (const [key, message] of Object.entries(table)) {
      if (map.has(key)) throw new Error(`duplicate message key ${key}`);
      map.set(key, message);
    }
  }
  return map;
})();

export function messageKeys(): string[] {
  return [...CATALOG.keys()];
}

export function hasMessage(key: string): boolean {
  return CATALOG.has(key);
}

/**
 * The text of a key in a language, placeholders filled; an unknown key shows itself so nothing
 * is silently lost. Numbers take the language's decimal mark (0,5 in Vietnamese); other text
 * parameters are shown as given (a code such as "1.2" is not a number).
 */
export function t(key: string, lang: Lang, params: Params = {}): string {
  const message = CATALOG.get(key);
  if (!message) return key;
  const filled = message[lang].replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(params, name)) return whole;
    const value = params[name];
    if (typeof value === 'string' && /^E[A-Z]{2,}$/.test(value) && (name === 'detail' || name === 'reason')) return systemError(value, lang);
    // zod's findings, kept as their fields (src/i18n/zod.ts), are worded here in the chosen language.
    if (name === 'detail' && typeof value === 'string' && value.includes('zod:')) return renderZodDetails(value, (key, p) => t(key, lang, p));
    if (name === 'detail' && typeof value === 'string' && value.startsWith('syntax:')) return renderSyntaxDetails(value, (key, p) => t(key, lang, p));
    // A system error's own sentence ("ENOENT: no such file or directory, open '/x'"): its code in words, and the path it names.
    const system = name === 'detail' && typeof value === 'string' ? /^(E[A-Z]{2,}): [^']*(?:'([^']+)')?/.exec(value) : null;
    if (system) return systemError(system[1]!, lang) + (system[2] ? ` (${system[2]})` : '');
    if ((name === 'expected' || name === 'found') && typeof value === 'string') {
      const dv = validationText(value, lang);
      if (dv !== undefined) return dv;
    }
    // An input's field is passed by its name in the data (numerator, value, …): in words.
    if (name === 'field' && typeof value === 'string' && CATALOG.has(`EXPLAIN_INPUT_${value}`)) return CATALOG.get(`EXPLAIN_INPUT_${value}`)![lang];
    return typeof value === 'number' || NUMBER_PARAMS.has(name) ? localNumber(String(value), lang) : String(value);
  });
  return singularAfterOne(filled, lang);
}

/**
 * A data validation as src/template/check.ts describes it in Excel's own terms ("decimal ≥ 0",
 * "whole between 0, 10", "list: Có, Không"): its type and operator in words.
 */
const COMPARISONS: Readonly<Record<string, string>> = { equal: '=', notEqual: '≠', greaterThan: '>', lessThan: '<', greaterThanOrEqual: '≥', lessThanOrEqual: '≤' };

function validationText(text: string, lang: Lang): string | undefined {
  const m = /^(decimal|whole|list|textLength|date|time|custom)(:?)\s*(greaterThanOrEqual|lessThanOrEqual|greaterThan|lessThan|notBetween|between|notEqual|equal)?\s*(.*)$/s.exec(text);
  if (!m) return undefined;
  const [, type, colon, operator, rest] = m;
  const word = (key: string, fallback: string) => CATALOG.get(key)?.[lang] ?? fallback;
  const parts = [word(`DV_TYPE_${type}`, type!) + colon];
  if (operator) parts.push(COMPARISONS[operator] ?? word(`DV_OP_${operator}`, operator));
  if (rest) parts.push(rest.replace(/(\d+)\.\.(\d+)/, (_, a: string, b: string) => `${a}${word('DV_RANGE_TO', '..')}${b}`));
  return parts.join(' ');
}

/**
 * A system error code (ENOENT, EACCES, …), passed as the reason a file could not be read or
 * written, in words: the catalogue's FS_ entry, else the code after a generic phrase.
 */
function systemError(code: string, lang: Lang): string {
  const known = CATALOG.get(`FS_${code}`);
  return known ? known[lang] : t('FS_OTHER', lang, { code });
}

/**
 * Parameters that always hold a figure, even when passed as text (exact decimals are passed as
 * their digits): they take the decimal mark too. Codes ("1.2") are never among them.
 */
const NUMBER_PARAMS = new Set(['points', 'max', 'min', 'sum', 'self', 'computed', 'given', 'expected', 'numerator', 'denominator', 'index', 'gap', 'declared', 'per', 'cap', 'target', 'best']);

/** Language from an option, then DTI_LANG, then Vietnamese. */
export function resolveLang(option: string | undefined, env: Readonly<Record<string, string | undefined>>): Lang | undefined {
  const raw = (option ?? (env.DTI_LANG || undefined) ?? 'vi').toLowerCase();
  return raw === 'vi' || raw === 'en' ? raw : undefined;
}

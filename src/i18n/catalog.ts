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
import { workbookMessages } from './messages/workbook.js';
import { xlsxMessages } from './messages/xlsx.js';
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

/** The text of a key in a language, placeholders filled; an unknown key shows itself so nothing is silently lost. */
export function t(key: string, lang: Lang, params: Params = {}): string {
  const message = CATALOG.get(key);
  if (!message) return key;
  return message[lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** Language from an option, then DTI_LANG, then Vietnamese. */
export function resolveLang(option: string | undefined, env: Readonly<Record<string, string | undefined>>): Lang | undefined {
  const raw = (option ?? (env.DTI_LANG || undefined) ?? 'vi').toLowerCase();
  return raw === 'vi' || raw === 'en' ? raw : undefined;
}

import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { frameworkContext } from '../analysis/framework.js';
import { compareYears } from '../compare/compare.js';
import { readPrevious, readUnitsMap } from '../compare/read-previous.js';
import { comparisonSchema, type Comparison } from '../compare/schema.js';
import { issue, type DtiIssue } from '../core/issues.js';
import { loadFramework } from '../framework/load.js';
import type { Lang } from '../i18n/types.js';
import { syntaxDetail } from '../i18n/syntax.js';
import { zodDetail, type ZodIssueLike } from '../i18n/zod.js';
import { resultsSchema, type ResultsDoc } from '../results/schema.js';
import { isFile } from './context.js';
import { UsageError } from './errors.js';

/**
 * Saved results as the commands that work from them (report, card, sensitivity) read them: a
 * results.json, or a `dti rank` folder (its results.json, and its comparison.json when present).
 */
export interface ResultsInput {
  readonly file: string;
  readonly doc: ResultsDoc;
  /** The folder's comparison.json, when the input was a rank folder that has one. */
  readonly comparison?: Comparison;
}

export function readResultsOrThrow(path: string): ResultsInput {
  let folder: string | undefined;
  try {
    if (statSync(path).isDirectory()) folder = path;
  } catch {
    throw new UsageError([issue('E_INPUT_NOT_FOUND', {}, { path })]);
  }
  const file = folder !== undefined ? join(folder, 'results.json') : path;
  const doc = parseJson(file, resultsSchema);
  const cmpFile = folder !== undefined ? join(folder, 'comparison.json') : undefined;
  const comparison = cmpFile !== undefined && isFile(cmpFile) ? parseJson(cmpFile, comparisonSchema) : undefined;
  return { file, doc, ...(comparison ? { comparison } : {}) };
}

function parseJson<T>(file: string, schema: { safeParse(x: unknown, params: { reportInput: boolean }): { success: true; data: T } | { success: false; error: { issues: ZodIssueLike[] } } }): T {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UsageError([issue('E_RESULTS_UNREADABLE', { file }, { file, detail: (e as NodeJS.ErrnoException).code ?? syntaxDetail(e, 'json') })]);
  }
  const parsed = schema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    throw new UsageError([issue('E_RESULTS_UNREADABLE', { file }, { file, detail: zodDetail(parsed.error.issues, 1) })]);
  }
  return parsed.data;
}

/**
 * The framework for names, classes and rank scope: the one given, else the one the results name
 * when it is bundled. A framework given but not loadable is a usage error; the results' own id
 * not being bundled only means less detail.
 */
export function frameworkFor(doc: ResultsDoc, ref: string | undefined, lang: Lang): ReturnType<typeof frameworkContext> | undefined {
  const loaded = loadFramework(ref ?? doc.framework.id, lang);
  if (loaded.ok) return frameworkContext(loaded.model);
  if (ref !== undefined) throw new UsageError(loaded.issues);
  return undefined;
}

/** `--previous` (and `--units-map`): this year against last year; the issues of reading them are returned to report. */
export function comparisonFrom(doc: ResultsDoc, previous: string | undefined, unitsMap: string | undefined): { comparison?: Comparison; issues: DtiIssue[] } {
  if (previous === undefined) {
    if (unitsMap !== undefined) throw new UsageError([issue('E_UNITS_MAP_WITHOUT_PREVIOUS', {}, {})]);
    return { issues: [] };
  }
  for (const f of [previous, unitsMap]) if (f !== undefined && !isFile(f)) throw new UsageError([issue('E_INPUT_NOT_FOUND', {}, { path: f })]);
  const issues: DtiIssue[] = [];
  const prev = readPrevious(previous);
  issues.push(...prev.issues);
  const units = unitsMap ? readUnitsMap(unitsMap) : { map: [], issues: [] };
  issues.push(...units.issues);
  if (!prev.doc) return { issues };
  const comparison = compareYears(doc, prev.doc, { unitsMap: units.map });
  return { comparison, issues: [...issues, ...comparison.issues] };
}

/** An output that would replace one of the inputs is refused: dti never overwrites what it reads. */
export function refuseOverwrite(out: string, inputs: readonly (string | undefined)[]): void {
  if (out === '-') return;
  for (const f of inputs) if (f !== undefined && resolve(f) === resolve(out)) throw new UsageError([issue('E_OUTPUT_IS_INPUT', {}, { file: out })]);
}

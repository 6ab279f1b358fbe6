import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { issue } from '../core/issues.js';
import { frameworkPath, loadFramework } from '../framework/load.js';
import type { InputFile, ResultsDoc } from '../results/schema.js';
import type { FrameworkModel } from '../framework/model.js';
import { readAgencyList, type AgencyList } from '../submission/agencies.js';
import { t } from '../i18n/catalog.js';
import type { Lang } from '../i18n/types.js';
import { OutputError, writeFileAtomic } from '../report/atomic.js';
import { UsageError } from './errors.js';
import type { CliIo } from './io.js';

/** What every command gets: options resolved once (language, colour, quiet) and the streams. */
export interface CommandContext {
  readonly lang: Lang;
  readonly io: CliIo;
  readonly color: boolean | undefined;
  readonly quiet: boolean;
  exitCode: number;
}

/** A framework that cannot be loaded is a configuration problem: exit 2 with every schema issue. */
export function loadFrameworkOrThrow(ref: string, lang: Lang): FrameworkModel {
  const loaded = loadFramework(ref, lang);
  if (!loaded.ok) throw new UsageError(loaded.issues);
  return loaded.model;
}

/** Writes an output atomically; a failure becomes an error issue, not a stack trace. */
export function writeOutput(ctx: CommandContext, file: string, content: () => string | Uint8Array): void {
  try {
    writeFileAtomic(file, content());
  } catch (e) {
    if (e instanceof OutputError) throw new UsageError([issue('E_OUTPUT_WRITE', {}, { file, reason: e.reason })]);
    throw e;
  }
  if (!ctx.quiet) ctx.io.stderr.write(t('WROTE', ctx.lang, { file }) + '\n');
}


/** SOURCE_DATE_EPOCH (the reproducible-builds convention) pins the document dates of written workbooks. */
export function sourceDateEpochFrom(env: CommandContext['io']['env']): { sourceDateEpoch?: number } {
  const raw = env.SOURCE_DATE_EPOCH;
  return raw !== undefined && /^\d+$/.test(raw) ? { sourceDateEpoch: Number(raw) } : {};
}

/** An existing regular file (side files such as a review or last year's results). */
export function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The agency list of `--agencies`: a missing file is a usage error; problems in its rows are findings. */
export function agencyListOrThrow(file: string, model: FrameworkModel): AgencyList {
  if (!isFile(file)) throw new UsageError([issue('E_INPUT_NOT_FOUND', {}, { path: file })]);
  return readAgencyList(readFileSync(file), file, model);
}

/** `--agencies` as reading options: the listed agencies, and the list's own findings to report. */
export function agencyListOptions(file: string | undefined, model: FrameworkModel): { agencies?: AgencyList['agencies']; sideIssues?: AgencyList['issues'] } {
  if (file === undefined) return {};
  const list = agencyListOrThrow(file, model);
  return { agencies: list.agencies, sideIssues: list.issues };
}

/**
 * The side files of a run (agency list, last year's results, units map, framework) with their
 * SHA-256, added to the results' inputs so the method sheet lists everything a table was made
 * from. Files are named as the user typed them (a bundled framework by its id); one that cannot
 * be read again is left out (reading it already reported the problem).
 */
export function withSideInputs(doc: ResultsDoc, side: { readonly agencies?: string | undefined; readonly previous?: string | undefined; readonly units?: string | undefined; readonly framework: string }): ResultsDoc {
  const files: [string | undefined, InputFile['kind'], string | undefined][] = [
    [side.agencies, 'agencies', side.agencies],
    [side.previous, 'previous', side.previous],
    [side.units, 'units', side.units],
    [side.framework, 'framework', frameworkPath(side.framework)],
  ];
  const added: InputFile[] = [];
  for (const [name, kind, path] of files) {
    if (name === undefined || path === undefined) continue;
    try {
      added.push({ file: name, sha256: createHash('sha256').update(readFileSync(path)).digest('hex'), kind });
    } catch {
      /* reported where the file was read */
    }
  }
  return { ...doc, inputs: [...doc.inputs, ...added] };
}

import { createHash } from 'node:crypto';
import v8 from 'node:v8';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { issue, type DtiIssue } from '../core/issues.js';
import { frameworkPath, loadFramework } from '../framework/load.js';
import type { InputFile, ResultsDoc } from '../results/schema.js';
import type { FrameworkModel } from '../framework/model.js';
import { readAgencyList, type AgencyList } from '../submission/agencies.js';
import { hasMessage, t } from '../i18n/catalog.js';
import { renderIssue } from '../i18n/render.js';
import type { Lang } from '../i18n/types.js';
import { OutputError, writeFileAtomicChunks, type Chunked } from '../report/atomic.js';
import { OutputFolderError } from '../report/output/make-folder.js';
import { checkSingleOutput, openOutputFolder, OutputRefused, writeSingleOutput, type OpenOutputFolder, type OutputFile } from '../report/output/index.js';
import { UsageError } from './errors.js';
import type { CliIo } from './io.js';
import { readBounded } from '../sheets/read.js';
import { DEFAULT_XLSX_LIMITS } from '../sheets/xlsx/index.js';
import { visible } from './visible.js';

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

/** What an output may replace: with `force`, files dti did not write; never the run's inputs. */
export interface OutputGuard {
  readonly force?: boolean | undefined;
  readonly inputs?: readonly string[];
}

const guardOptions = (guard: OutputGuard) => ({ force: guard.force === true, inputs: guard.inputs ?? [] });

/** Refuses early (before any work) an output that would replace an input or a file dti did not write. */
export function checkOutput(ctx: CommandContext, file: string, guard: OutputGuard): void {
  try {
    checkSingleOutput(file, guardOptions(guard));
  } catch (e) {
    throw outputFailure(ctx, file, e);
  }
}

/**
 * Writes one output atomically, after the same checks; a failure becomes an error issue, not a
 * stack trace. Without a guard an existing file is refused: the safe default for a command that says no more.
 */
export function writeOutput(ctx: CommandContext, file: string, content: () => string | Uint8Array | Chunked, guard: OutputGuard = {}): void {
  try {
    writeSingleOutput(file, content(), guardOptions(guard));
  } catch (e) {
    throw outputFailure(ctx, file, e);
  }
  if (!ctx.quiet) ctx.io.stderr.write(t('WROTE', ctx.lang, { file: visible(file) }) + '\n');
}

/**
 * writeOutput for an output made in chunks (the HTML report): the same checks, then the chunks
 * written one by one to the temporary file, so a large output is never held whole.
 */
export async function writeOutputChunks(ctx: CommandContext, file: string, chunks: Iterable<string> | AsyncIterable<string>, guard: OutputGuard = {}): Promise<void> {
  try {
    checkSingleOutput(file, guardOptions(guard));
    await writeFileAtomicChunks(file, chunks);
  } catch (e) {
    throw outputFailure(ctx, file, e);
  }
  if (!ctx.quiet) ctx.io.stderr.write(t('WROTE', ctx.lang, { file: visible(file) }) + '\n');
}

/**
 * An output folder held for a run (src/report/output/folder.ts): locked and checked now, before
 * the run's work, so a second run or a folder of someone else's files is refused at once; the
 * caller writes the set at the end and closes it in a finally.
 */
export function openFolder(
  ctx: CommandContext,
  folder: string,
  guard: OutputGuard,
): { write(files: readonly OutputFile[]): void; writeAsync(files: readonly OutputFile[]): Promise<void>; close(): void } {
  let held: OpenOutputFolder;
  try {
    held = openOutputFolder(folder, guardOptions(guard));
  } catch (e) {
    throw outputFailure(ctx, folder, e);
  }
  const wrote = (files: readonly OutputFile[], notes: readonly DtiIssue[]) => {
    if (ctx.quiet) return;
    for (const n of notes) ctx.io.stderr.write(visible(renderIssue(n, ctx.lang)) + '\n');
    for (const f of files) ctx.io.stderr.write(t('WROTE', ctx.lang, { file: visible(join(folder, f.name)) }) + '\n');
  };
  return {
    close: () => held.close(),
    write: (files) => {
      let notes;
      try {
        notes = held.write(files).notes;
      } catch (e) {
        throw outputFailure(ctx, folder, e);
      }
      wrote(files, notes);
    },
    // For outputs made by streams (the ranked workbook): the same guarantees.
    writeAsync: async (files) => {
      let notes;
      try {
        notes = (await held.writeAsync(files)).notes;
      } catch (e) {
        throw outputFailure(ctx, folder, e);
      }
      wrote(files, notes);
    },
  };
}

/** A refusal or a failed write as a usage error (exit 2); the system's reason in the user's words where the catalogue has them. */
export function outputFailure(ctx: CommandContext, file: string, e: unknown): unknown {
  if (e instanceof OutputRefused) return new UsageError(e.issues);
  if (e instanceof OutputError) {
    const reason = hasMessage(`OUT_REASON_${e.reason}`) ? t(`OUT_REASON_${e.reason}`, ctx.lang) : e.reason;
    if (e instanceof OutputFolderError) return new UsageError([issue('E_OUT_FOLDER', {}, { folder: e.folder, reason })]);
    return new UsageError([issue('E_OUTPUT_WRITE', {}, { file, reason })]);
  }
  return e;
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
  const read = readBounded(file, DEFAULT_XLSX_LIMITS.maxFileBytes);
  if ('issue' in read) return { agencies: [], issues: [read.issue] };
  return readAgencyList(read.bytes, file, model);
}

/** Reading options with the input entries that were not read (expandInputs' skipped) among the side findings. */
export function withSkipped<T extends { sideIssues?: readonly DtiIssue[] }>(options: T, skipped: readonly DtiIssue[]): T & { sideIssues?: readonly DtiIssue[] } {
  return skipped.length === 0 ? options : { ...options, sideIssues: [...skipped, ...(options.sideIssues ?? [])] };
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
      added.push({ file: name, sha256: sha256OfFile(path), kind });
    } catch {
      /* reported where the file was read */
    }
  }
  return { ...doc, inputs: [...doc.inputs, ...added] };
}

/**
 * A file's SHA-256 read in chunks: a side file is hashed after it was read (and bounded) by its
 * own reader, and hashing must not load a file that reader refused as too large.
 */
function sha256OfFile(path: string): string {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.alloc(1 << 20);
    for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) hash.update(chunk.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/**
 * For the batch commands (score, rank): V8 sizes its heap for speed, letting garbage grow to
 * several times what a run keeps alive. A national batch keeps little alive (src/results/fold.ts)
 * but makes much garbage, so without this a run of 10,000 workbooks peaked at 640 MB with under
 * 100 MB live; `--optimize-for-size` makes V8 collect sooner (measured: 3,321 workbooks, 324 MB
 * → 156 MB). Set when the command starts: V8 reads its heap-growing flags at each collection.
 */
export function preferSmallHeap(): void {
  v8.setFlagsFromString('--optimize-for-size');
}

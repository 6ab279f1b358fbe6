import ExcelJS from 'exceljs';
import { assessmentYear } from '../compare/compare.js';
import type { Comparison } from '../compare/schema.js';
import type { FrameworkModel } from '../framework/model.js';
import { t } from '../i18n/catalog.js';
import type { Lang } from '../i18n/types.js';
import type { ResultsDoc } from '../results/schema.js';
import { printSetup } from './excel.js';
import { documentDate } from './workbook-dates.js';
import { Writable } from 'node:stream';
import { context } from './workbook/context.js';
import { detailSheet, indicatorSheet, issuesSheet, mainsSheet, methodSheet, rankingSheet, selfSheet } from './workbook/sheets.js';
import { MIN_WIDTH, SheetWriter } from './workbook/sheet-writer.js';
import { sheetNamer } from './workbook/sheet-names.js';

/**
 * The ranked workbook: ranking per group, one sheet per main indicator, the agency × indicator
 * detail, self-scored against computed points, issues, and the method (framework, settings,
 * rules, input hashes) so that a published table can be reproduced.
 *
 * exceljs stays inside this module: the rest of the code sees a results document going in and
 * bytes coming out. Cells only ever receive strings, numbers, null and (for http and https
 * addresses) hyperlinks, never formula objects, so user text such as "=HYPERLINK(…)" is stored
 * as text. The bytes are reproducible: fixed document dates and fixed zip entry times.
 */

export interface WorkbookOptions {
  readonly lang: Lang;
  /** Seconds since 1970 for the document dates (SOURCE_DATE_EPOCH); 2000-01-01 when absent. */
  readonly sourceDateEpoch?: number;
  /** This year against last year: adds the rank change and last year's index and rank. */
  readonly comparison?: Comparison;
  /** The assessment year of the run (`--year`); else the year most submissions give, else the framework's. */
  readonly year?: number;
}

export async function resultsWorkbook(doc: ResultsDoc, model: FrameworkModel, options: WorkbookOptions): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  await writeResultsWorkbook(doc, model, options, (chunk) => chunks.push(chunk));
  return Buffer.concat(chunks);
}

/**
 * The ranked workbook written as it is made, in chunks handed to `put`: exceljs's streaming
 * writer commits each row once it is complete, so memory does not grow with the number of
 * agencies. Each sheet is drawn twice, first to measure (column widths, the print setup, which
 * the file states before the rows), then to write; rows are written in order, each with its
 * height. The streaming writer has no Excel tables: a sheet of one group gets a filter over it.
 */
export async function writeResultsWorkbook(doc: ResultsDoc, model: FrameworkModel, options: WorkbookOptions, put: (chunk: Uint8Array) => void): Promise<void> {
  const lang = options.lang;
  const date = documentDate(options.sourceDateEpoch);
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      try {
        put(chunk);
        done();
      } catch (e) {
        done(e as Error);
      }
    },
  });
  const wb = new PinnedWorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  wb.creator = 'dti';
  wb.lastModifiedBy = 'dti';
  wb.created = date;
  wb.modified = date;
  const failed = new Promise<never>((_, reject) => sink.on('error', reject));
  failed.catch(() => undefined);

  const ctx = context(doc, model, lang, options.year ?? assessmentYear(doc));
  const names = sheetNamer();
  const add = (name: string, draw: (sheet: SheetWriter) => Promise<void>) => Promise.race([addSheet(wb, names(name), draw), failed]);
  await add(t('WB_SHEET_RANKING', lang), (sheet) => rankingSheet(sheet, ctx, options.comparison));
  if (ctx.mainCodes.length > 0) await add(t('WB_SHEET_MAINS', lang), (sheet) => mainsSheet(sheet, ctx));
  for (const main of ctx.mainCodes) await add(`${main} ${ctx.nameOf(main)}`, (sheet) => indicatorSheet(sheet, ctx, main));
  await add(t('WB_SHEET_DETAIL', lang), (sheet) => detailSheet(sheet, ctx));
  await add(t('WB_SHEET_SELF', lang), (sheet) => selfSheet(sheet, ctx));
  await add(t('WB_SHEET_ISSUES', lang), (sheet) => issuesSheet(sheet, ctx));
  await add(t('WB_SHEET_METHOD', lang), (sheet) => methodSheet(sheet, ctx));
  await Promise.race([wb.commit(), failed]);
}

/** A sheet measured, then written and committed. */
async function addSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, draw: (sheet: SheetWriter) => Promise<void>): Promise<void> {
  const measure = new SheetWriter();
  await draw(measure);
  const plan = measure.plan();
  // Frozen panes and the print setup go with the worksheet: the streaming writer states them before the rows.
  const printed = { pageSetup: {}, headerFooter: {} } as ExcelJS.Worksheet;
  const o = plan.finish;
  printSetup(printed, {
    title: o.title,
    pageLabel: o.pageLabel,
    widths: plan.measured.map((w) => w ?? MIN_WIDTH),
    ...(o.printTitles ? { titleRows: o.printTitles } : {}),
    ...(o.titleColumns ? { titleColumns: o.titleColumns } : {}),
  });
  const ws = wb.addWorksheet(name, { ...(plan.views.length > 0 ? { views: plan.views } : {}), pageSetup: printed.pageSetup, headerFooter: printed.headerFooter });
  const writer = new SheetWriter(ws, plan);
  await draw(writer);
  writer.end();
}

/**
 * The streaming writer with every zip entry dated 1980-01-01 00:00 (UTC, as the zip library reads
 * a date), so the bytes do not depend on when the workbook was written: the writer gives the zip
 * library no date of its own, so each entry's is set as it is added (the in-memory writer's were
 * patched afterwards). The constructor adds its first entries through addThemes, the first hook.
 */
class PinnedWorkbookWriter extends ExcelJS.stream.xlsx.WorkbookWriter {
  override addThemes(): Promise<void> {
    const zip = (this as unknown as { zip: { append: (source: unknown, data: Record<string, unknown>) => unknown; pinned?: true } }).zip;
    if (!zip.pinned) {
      zip.pinned = true;
      const append = zip.append.bind(zip);
      zip.append = (source, data) => append(source, { ...data, date: ZIP_ENTRY_DATE });
    }
    return super.addThemes();
  }
}

const ZIP_ENTRY_DATE = new Date(Date.UTC(1980, 0, 1));

import { extname } from 'node:path';
import type { Grid, GridCell, GridSheet } from '../core/grid.js';
import { fileNameProblem } from '../core/file-names.js';
import { issue, type DtiIssue, type Location } from '../core/issues.js';
import { foldText } from '../core/text.js';
import type { FrameworkModel } from '../framework/model.js';
import { readCsv } from '../sheets/csv.js';
import { readXlsx } from '../sheets/xlsx/index.js';
import { cellText, locationOf } from './cells.js';
import { columnRole, type ColumnRole } from './columns.js';
import { withFile } from '../core/file-error.js';

/** One agency of a list: who gets a submission template, in which group. */
export interface ListedAgency {
  readonly code: string;
  /** Empty when the list gives none (reported). */
  readonly name: string;
  /** Group id, resolved from an id or a group name. */
  readonly group: string;
  readonly parent?: string;
  /** Tag ids from the optional tags column ("Nhãn"), each declared in the framework's `tags`. */
  readonly tags?: readonly string[];
  readonly loc: Location;
}

export interface AgencyList {
  readonly agencies: ListedAgency[];
  readonly issues: DtiIssue[];
}

/** How far down the header row is looked for (a title may sit above it). */
const HEADER_SEARCH_ROWS = 20;


/**
 * Reads an agency list (CSV or a workbook's first sheet with a header): agency_code,
 * agency_name, group and optionally parent, or their Vietnamese headers (Mã đơn vị, Tên đơn vị,
 * Nhóm, Đơn vị cấp trên) and tags (Nhãn: ids separated by "," or ";"), as src/submission/columns.ts names them. Each row's problems are
 * issues at that row; the rows without errors are returned.
 */
export function readAgencyList(bytes: Uint8Array, file: string, model: FrameworkModel): AgencyList {
  return withFile(file, () => readList(bytes, file, model));
}

function readList(bytes: Uint8Array, file: string, model: FrameworkModel): AgencyList {
  const ext = extname(file).toLowerCase();
  const read = ext === '.xlsx' || ext === '.xlsm' || ext === '.xls' ? readXlsx(bytes, file) : readCsv(bytes, file);
  if (!read.grid) return { agencies: [], issues: read.issues };
  const list = agencyListFromGrid(read.grid, model);
  return { agencies: list.agencies, issues: [...read.issues, ...list.issues] };
}

export function agencyListFromGrid(grid: Grid, model: FrameworkModel): AgencyList {
  const issues: DtiIssue[] = [];
  let found: { sheet: GridSheet; row: number; roles: Map<ColumnRole, number> } | undefined;
  for (const sheet of grid.sheets) {
    if (sheet.hidden) continue;
    const rows = sheet.rows.slice(0, HEADER_SEARCH_ROWS);
    for (const cells of rows) {
      const roles = new Map<ColumnRole, number>();
      for (const cell of cells) {
        const role = cell ? columnRole(cellText(cell)) : undefined;
        if (cell && role && !roles.has(role)) roles.set(role, cell.column);
      }
      const first = cells.find((c) => c);
      if (first && roles.has('agencyCode')) {
        found = { sheet, row: first.row, roles };
        break;
      }
    }
    if (found) break;
  }
  if (!found) {
    issues.push(issue('E_AGENCIES_NO_HEADER', { file: grid.file }, {}));
    return { agencies: [], issues };
  }

  const { sheet, row: headerRow, roles } = found;
  const groups = model.framework.groups;
  const groupIds = groups.map((g) => g.id).join(', ');
  const agencies: ListedAgency[] = [];
  const seen = new Map<string, ListedAgency>();
  for (const cells of sheet.rows) {
    const first = cells.find((c) => c);
    if (!first || first.row <= headerRow) continue;
    const at = (role: ColumnRole): GridCell | undefined => {
      const column = roles.get(role);
      return column === undefined ? undefined : cells[column - 1];
    };
    if (cells.every((c) => cellText(c) === '')) continue;
    const rowLoc = locationOf(grid, sheet, first.row);
    const codeCell = at('agencyCode');
    const code = cellText(codeCell);
    if (code === '') {
      issues.push(issue('E_AGENCIES_CODE_MISSING', rowLoc, {}));
      continue;
    }
    const loc = locationOf(grid, sheet, first.row, roles.get('agencyCode'));
    // The code names the agency's form (<code>.xlsx): refused here, before any form is written.
    if (fileNameProblem(`${code}.xlsx`) !== undefined || code.endsWith('.') || code.endsWith(' ')) {
      issues.push(issue('E_AGENCIES_CODE_UNSAFE', loc, { agency: code }));
      continue;
    }
    const groupCell = at('group');
    const groupText = cellText(groupCell);
    let group: string | undefined;
    if (groupText !== '') {
      const folded = foldText(groupText);
      group = groups.find((g) => g.id === groupText || foldText(g.id) === folded || foldText(g.name.vi) === folded || foldText(g.name.en) === folded)?.id;
      if (group === undefined) {
        issues.push(issue('E_UNKNOWN_GROUP', locationOf(grid, sheet, first.row, roles.get('group')), { agency: code, group: groupText, groups: groupIds }));
        continue;
      }
    } else if (groups.length === 1) {
      group = groups[0]!.id;
    } else {
      issues.push(issue('E_GROUP_MISSING', rowLoc, { agency: code, groups: groupIds }));
      continue;
    }

    const name = cellText(at('agencyName'));
    const parent = cellText(at('parent'));
    const tags = readTags(cellText(at('tags')), model, code, () => locationOf(grid, sheet, first.row, roles.get('tags')), issues);
    // One file per agency, named by its code: codes that differ only in case would overwrite each
    // other on Windows and macOS. A row repeated as it is (a long-layout file) is taken once.
    const key = code.normalize('NFC').toLowerCase();
    const prior = seen.get(key);
    if (prior) {
      const same =
        prior.code === code && prior.name === name && prior.group === group && (prior.parent ?? '') === parent && (prior.tags ?? []).join(',') === tags.join(',');
      if (!same) issues.push(issue('E_AGENCIES_DUPLICATE', loc, { agency: code, first: prior.loc.cell ?? String(prior.loc.row) }));
      continue;
    }
    if (name === '') issues.push(issue('W_AGENCIES_NAME_MISSING', loc, { agency: code }));
    const agency: ListedAgency = { code, name, group, ...(parent !== '' ? { parent } : {}), ...(tags.length > 0 ? { tags } : {}), loc };
    seen.set(key, agency);
    agencies.push(agency);
  }
  return { agencies, issues };
}

/**
 * A tags cell: ids separated by "," or ";", matched to the framework's tags by id or by name
 * (folded). An unknown tag is an error at the cell; the agency keeps the tags that are known.
 */
export function readTags(text: string, model: FrameworkModel, agency: string, loc: () => Location, issues: DtiIssue[]): string[] {
  const declared = model.framework.tags;
  const out: string[] = [];
  for (const part of text.split(/[,;]/).map((p) => p.trim()).filter((p) => p !== '')) {
    const folded = foldText(part);
    const tag = declared.find((t) => t.id === part || foldText(t.id) === folded || foldText(t.name.vi) === folded || foldText(t.name.en) === folded);
    if (!tag) {
      issues.push(issue('E_AGENCIES_UNKNOWN_TAG', loc(), { agency, tag: part, tags: declared.map((t) => t.id).join(', ') || '—' }));
      continue;
    }
    if (!out.includes(tag.id)) out.push(tag.id);
  }
  return out.sort();
}

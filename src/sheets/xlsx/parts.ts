import { type ReadStop } from './limits.js';
import { cleanCellText, TOK_END, TOK_OPEN, TOK_TEXT, XmlScanner } from './xml.js';

// ---------------------------------------------------------------------------------------------
// Part names and relationships, the workbook part, shared strings.

export function dirOf(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? '' : part.slice(0, i + 1);
}

/** The rels part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsOf(part: string): string {
  const dir = dirOf(part);
  return `${dir}_rels/${part.slice(dir.length)}.rels`;
}

/** A relationship target → a part name; absolute ("/xl/…") or relative to the source part's folder. */
export function resolveTarget(sourcePart: string, target: string): string {
  const t = target.replace(/\\/g, '/');
  const joined = t.startsWith('/') ? t.slice(1) : dirOf(sourcePart) + t;
  const out: string[] = [];
  for (const seg of joined.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

export const REL_OFFICE_DOCUMENT = /\/officeDocument$/;
export const REL_WORKSHEET = /\/worksheet$/;
export const REL_SHARED_STRINGS = /\/sharedStrings$/;
export const REL_STYLES = /\/styles$/;
export const REL_HYPERLINK = /\/hyperlink$/;

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
  readonly external: boolean;
}
export function parseRels(xml: string): Relationship[] {
  const out: Relationship[] = [];
  const sc = new XmlScanner(xml);
  for (let tok = sc.next(); tok !== TOK_END; tok = sc.next()) {
    if (tok !== TOK_OPEN || !sc.nameIs('Relationship')) continue;
    let id = '';
    let type = '';
    let target = '';
    let external = false;
    while (sc.nextAttr()) {
      if (sc.attrPrefixed) continue;
      if (sc.attrIs('Id')) id = sc.value();
      else if (sc.attrIs('Type')) type = sc.value();
      else if (sc.attrIs('Target')) target = sc.value();
      else if (sc.attrIs('TargetMode')) external = sc.value().toLowerCase() === 'external';
    }
    out.push({ id, type, target, external });
  }
  return out;
}

export interface WorkbookInfo {
  readonly sheets: { name: string; hidden: boolean; rid?: string }[];
  readonly date1904: boolean;
}

export function parseWorkbook(xml: string): WorkbookInfo {
  const sheets: WorkbookInfo['sheets'] = [];
  let date1904 = false;
  const sc = new XmlScanner(xml);
  for (let tok = sc.next(); tok !== TOK_END; tok = sc.next()) {
    if (tok !== TOK_OPEN) continue;
    if (sc.nameIs('workbookPr')) {
      const v = sc.attr('date1904');
      date1904 = v === '1' || v === 'true';
    } else if (sc.nameIs('sheet')) {
      let name = '';
      let state = '';
      let rid: string | undefined;
      while (sc.nextAttr()) {
        if (sc.attrPrefixed) {
          if (sc.attrIs('id')) rid = sc.value();
        } else if (sc.attrIs('name')) name = cleanCellText(sc.value());
        else if (sc.attrIs('state')) state = sc.value();
      }
      sheets.push({ name, hidden: state === 'hidden' || state === 'veryHidden', ...(rid === undefined ? {} : { rid }) });
    }
  }
  return { sheets, date1904 };
}

export function parseSharedStrings(xml: string, corrupt: (detail: string) => ReadStop): string[] {
  const out: string[] = [];
  const sc = new XmlScanner(xml);
  let inSi = false;
  let inText = false;
  let phonetic = 0; // <rPh> runs hold a reading guide (furigana), not the text
  let current = '';
  let closed = false;
  for (let tok = sc.next(); tok !== TOK_END; tok = sc.next()) {
    if (tok === TOK_TEXT) {
      if (inText) current += sc.text();
    } else if (tok === TOK_OPEN) {
      if (sc.nameIs('si')) {
        inSi = !sc.selfClosing;
        current = '';
        if (sc.selfClosing) out.push('');
      } else if (sc.nameIs('t')) inText = inSi && phonetic === 0 && !sc.selfClosing;
      else if (sc.nameIs('rPh') && !sc.selfClosing) phonetic++;
    } else {
      if (sc.nameIs('t')) inText = false;
      else if (sc.nameIs('rPh')) phonetic--;
      else if (sc.nameIs('si')) {
        out.push(cleanCellText(current));
        inSi = false;
      } else if (sc.nameIs('sst')) closed = true;
    }
  }
  if (!closed) throw corrupt('the shared strings part ends before its end tag');
  return out;
}

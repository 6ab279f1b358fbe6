import { describe, expect, it } from 'vitest';
import { oneSheet, rawXlsx } from './xlsx-builder.js';
import { cell, read, values } from './xlsx-helpers.js';

/**
 * XML features found in workbooks from other producers (scripts/conformance.mjs on real files),
 * each shown here by a small workbook of our own.
 */

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

describe('readXlsx: line breaks', () => {
  it('reads CR LF inside text as one LF, as an XML parser must', () => {
    const grid = read(oneSheet('<row r="1"><c r="A1" t="inlineStr"><is><t>a\r\nb</t></is></c><c r="B1" t="str"><f>A1</f><v>c\r\nd</v></c></row>'));
    expect(values(grid.sheets[0]!)).toEqual([['a\nb', 'c\nd']]);
  });

  it('reads a lone CR in the XML as LF', () => {
    expect(cell(read(oneSheet('<row r="1"><c r="A1" t="inlineStr"><is><t>a\rb</t></is></c></row>')), 'A1')?.value).toBe('a\nb');
  });

  it('reads _x000D_ before a newline (how Office writes a CR LF break) as one line break', () => {
    const grid = read(oneSheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>c_x000D_\r\nd</t></is></c></row>', { sharedStrings: { xml: `<sst xmlns="${MAIN}"><si><t>a_x000D_\nb</t></si></sst>` } }));
    expect(values(grid.sheets[0]!)).toEqual([['a\nb', 'c\nd']]);
  });

  it('keeps a CR written as a character reference where no newline follows', () => {
    expect(cell(read(oneSheet('<row r="1"><c r="A1" t="inlineStr"><is><t>a&#13;b</t></is></c></row>')), 'A1')?.value).toBe('a\rb');
  });
});

describe('readXlsx: parts other producers write differently', () => {
  it('reads a workbook whose shared strings part is an empty <sst/>', () => {
    const bytes = oneSheet('<row r="1"><c r="A1"><v>1</v></c></row>', { sharedStrings: { xml: `<sst xmlns="${MAIN}" count="0" uniqueCount="0"/>` } });
    expect(cell(read(bytes), 'A1')?.value).toBe(1);
  });

  it('reads a shared-string cell with an empty <v/> as empty, not as the first string', () => {
    const grid = read(oneSheet('<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v/></c><c r="C1" t="s"><v></v></c></row>', { sharedStrings: ['first', 'second'] }));
    expect(values(grid.sheets[0]!)).toEqual([['second']]);
  });

  it('keeps the 1904 date system when an extension repeats <workbookPr> in another namespace', () => {
    const workbook =
      `<workbook xmlns="${MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main">` +
      '<workbookPr date1904="1"/><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets>' +
      '<extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}"><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst></workbook>';
    const bytes = rawXlsx({ sheets: [{ name: 'S', rows: '<row r="1"><c r="A1" s="1"><v>1</v></c></row>' }], styles: { cellXfs: [0, 14] }, parts: { 'xl/workbook.xml': workbook } });
    expect(cell(read(bytes), 'A1')?.value).toBe('1904-01-02');
  });

  it('reads a workbook whose rels name a styles part the package lacks, its numbers in General', () => {
    const bytes = rawXlsx({ sheets: [{ name: 'S', rows: '<row r="1"><c r="A1" s="1"><v>45000</v></c></row>' }], styles: { cellXfs: [0, 14] }, omit: ['xl/styles.xml'] });
    expect(cell(read(bytes), 'A1')?.value).toBe(45000);
  });

  it('reads t="d" cells holding a time alone or fractions of a second, rounded to the second', () => {
    const grid = read(oneSheet('<row r="1"><c r="A1" t="d"><v>23:44:51.894</v></c><c r="B1" t="d"><v>2024-03-01T10:30:00.600</v></c><c r="C1" t="d"><v>2024-03-01T00:00:00Z</v></c></row>'));
    expect(values(grid.sheets[0]!)).toEqual([['23:44:52', '2024-03-01T10:30:01', '2024-03-01']]);
  });

  it('reads strict OOXML, whose namespaces and relationship types are the ISO ones', () => {
    const strictMain = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
    const strictRel = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
    const pkgRels = 'http://schemas.openxmlformats.org/package/2006/relationships';
    const bytes = rawXlsx({
      sheets: [],
      parts: {
        '_rels/.rels': `<Relationships xmlns="${pkgRels}"><Relationship Id="rId1" Type="${strictRel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
        'xl/workbook.xml': `<workbook xmlns="${strictMain}" xmlns:r="${strictRel}"><sheets><sheet name="Strict" sheetId="1" r:id="rId1"/></sheets></workbook>`,
        'xl/_rels/workbook.xml.rels': `<Relationships xmlns="${pkgRels}"><Relationship Id="rId1" Type="${strictRel}/worksheet" Target="/xl/worksheets/s1.xml"/><Relationship Id="rId2" Type="${strictRel}/sharedStrings" Target="strings.xml"/></Relationships>`,
        'xl/worksheets/s1.xml': `<worksheet xmlns="${strictMain}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>2</v></c></row></sheetData></worksheet>`,
        'xl/strings.xml': `<sst xmlns="${strictMain}"><si><t>strict</t></si></sst>`,
      },
    });
    const grid = read(bytes);
    expect(grid.sheets.map((s) => s.name)).toEqual(['Strict']);
    expect(values(grid.sheets[0]!)).toEqual([['strict', 2]]);
  });
});

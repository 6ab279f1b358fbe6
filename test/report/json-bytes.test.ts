import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { resultsJson, resultsJsonBytes, writeResultsJson } from '../../src/report/json.js';
import type { ResultsDoc } from '../../src/results/schema.js';

const asDoc = (v: unknown) => v as ResultsDoc;

describe('results.json built as bytes', () => {
  it('gives the same bytes as JSON.stringify with two-space indentation, deep and shallow', () => {
    const doc = {
      tool: 'dti',
      empty: { list: [], map: {} },
      groups: [{ id: 'so-nganh', agencies: [{ code: 'STP', name: 'Sở Tư pháp "x"\n', points: 812.5, index: 0.8125, rank: null, indicators: [{ code: '1', inputs: { a: [1, 'Có', { deep: [[], {}] }] } }] }] }],
      skipped: undefined,
      fn: () => 1,
      sparse: [undefined, () => 1, 3],
      exact: new Decimal('0.10000000000000000001'),
      when: new Date(0),
    };
    expect(resultsJsonBytes(asDoc(doc)).toString('utf8')).toBe(resultsJson(asDoc(doc)));
  });

  it('writes Vietnamese text as UTF-8', () => {
    const doc = { name: 'Ủy ban nhân dân huyện Vạn Ninh' };
    expect(resultsJsonBytes(asDoc(doc))).toEqual(Buffer.from(JSON.stringify(doc, null, 2) + '\n', 'utf8'));
  });

  it('hands a large document out in chunks of about 64 KB, which join into the same bytes', () => {
    const agencies = Array.from({ length: 400 }, (_, i) => ({ code: `DV${i}`, name: `Đơn vị số ${i}`, leaves: Array.from({ length: 20 }, (_, j) => ({ code: `1.${j}`, points: j / 4 })) }));
    const doc = asDoc({ groups: [{ id: 'tinh', agencies }] });
    const chunks: Buffer[] = [];
    writeResultsJson(doc, (chunk) => chunks.push(chunk));
    expect(chunks.length).toBeGreaterThan(5);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(200_000);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(resultsJson(doc));
  });
});

import { describe, expect, it } from 'vitest';
import { cellRef, parseCellRef } from '../../src/core/grid.js';

describe('cell names', () => {
  it.each([
    [1, 1, 'A1'],
    [12, 4, 'D12'],
    [1, 26, 'Z1'],
    [1, 27, 'AA1'],
    [1_048_576, 16_384, 'XFD1048576'],
    [2, 16_385, 'XFE2'],
  ])('row %i, column %i is %s, the first time and every time after', (row, column, name) => {
    expect(cellRef(row, column)).toBe(name);
    expect(cellRef(row, column)).toBe(name);
  });

  it('names every cell of a form apart (no two cells share a name)', () => {
    const names = new Set<string>();
    for (let row = 1; row <= 200; row++) for (let column = 1; column <= 60; column++) names.add(cellRef(row, column));
    expect(names.size).toBe(200 * 60);
    expect(parseCellRef(cellRef(157, 43))).toEqual({ row: 157, column: 43 });
  });
});

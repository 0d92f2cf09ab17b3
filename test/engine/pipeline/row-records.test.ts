// recordMaker builds credit-risk records as one literal: it must give exactly
// rowRecord's record (keys, order, values, broken cells as written).
import { describe, expect, it } from 'vitest';
import { generateCreditRiskTable } from '@/engine/dataset/credit-risk-table';
import { rowRecord, type RowTable } from '@/engine/dataset/row-table';
import { recordMaker } from '@/engine/pipeline/row-records';

function same(table: RowTable): void {
  const make = recordMaker(table);
  for (let r = 0; r < table.rows; r++) {
    const record = make(r);
    const expected = rowRecord(table, r);
    expect(Object.keys(record)).toEqual(Object.keys(expected));
    expect(record).toEqual(expected);
  }
}

describe('recordMaker', () => {
  it('gives rowRecord for every row, broken rows included', () => {
    const table = generateCreditRiskTable(2000, 11, { corruptShare: 0.3 });
    expect(table.cells.size).toBeGreaterThan(400);
    same(table);
  });

  it('falls back to rowRecord for a table without labels or with other columns', () => {
    const table = generateCreditRiskTable(50, 3, { corruptShare: 0.2 });
    same({ ...table, labels: null });
    same({ ...table, columns: [...table.columns].reverse() });
  });
});

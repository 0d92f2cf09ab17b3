// The columnar credit-risk generator must be a faithful second writer of the
// record generator: same applicants for a seed (values, ids, labels, broken
// cells as written), and the byte sizes and feature matrix that parsing the
// CSV of those rows gives. The builder may be filled in any slices.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  columnarRefOf,
  CREDIT_RISK_COLUMNS,
  CREDIT_RISK_FEATURE_NAMES,
  creditRiskIds,
  creditRiskRowsToCsv,
  creditRiskTableBuilder,
  generateCreditRiskDataset,
  generateCreditRiskRows,
  generateCreditRiskTable,
  parseCsvDataset,
  rowIdOf,
  rowRecord,
  tableItems,
} from '@/engine/dataset/index';
import type { RowTable } from '@/engine/types';

const options = fc.record({ corruptShare: fc.double({ min: 0, max: 0.6, noNaN: true }), skew: fc.double({ min: 0, max: 1, noNaN: true }) });
const seed = fc.integer({ min: 0, max: 2 ** 31 - 1 });

/** Float32 arrays compared bit for bit (NaN cells included). */
const sameBits = (a: Float32Array, b: Float32Array): boolean => a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

const sameTable = (a: RowTable, b: RowTable): void => {
  expect(sameBits(a.data, b.data)).toBe(true);
  expect([...a.bytes]).toEqual([...b.bytes]);
  expect([...a.labels!]).toEqual([...b.labels!]);
  expect([...a.cells]).toEqual([...b.cells]);
  expect(a.ids).toEqual(b.ids);
};

describe('generateCreditRiskTable', () => {
  it('reads back as exactly the rows generateCreditRiskRows gives for the seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), seed, options, (count, s, opts) => {
        const table = generateCreditRiskTable(count, s, opts);
        const rows = generateCreditRiskRows(count, s, opts);
        expect(table.rows).toBe(count);
        for (let r = 0; r < count; r++) {
          const record = rowRecord(table, r);
          expect(record).toEqual(rows[r]);
          expect(Object.keys(record)).toEqual(CREDIT_RISK_COLUMNS);
          expect(table.labels![r]).toBe(rows[r]!.label);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('keeps, for a corrupted row, only the cells the corruption changed', () => {
    // The corruption draws from its own stream, so a clean run gives the same applicants.
    const clean = generateCreditRiskRows(400, 17, { corruptShare: 0 });
    const table = generateCreditRiskTable(400, 17, { corruptShare: 0.3 });
    expect(table.cells.size).toBeGreaterThan(80);
    for (let r = 0; r < 400; r++) {
      const changed = CREDIT_RISK_FEATURE_NAMES.filter((name) => rowRecord(table, r)[name] !== clean[r]![name]);
      expect(Object.keys(table.cells.get(r) ?? {}).sort()).toEqual(changed.sort());
    }
    expect(generateCreditRiskTable(400, 17, { corruptShare: 0 }).cells.size).toBe(0);
  });

  it('has the bytes, matrix and items parsing the CSV of the same rows gives', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), seed, options, (count, s, opts) => {
        const table = generateCreditRiskTable(count, s, opts);
        const parsed = parseCsvDataset(creditRiskRowsToCsv(generateCreditRiskRows(count, s, opts)));
        expect([...table.bytes]).toEqual(parsed.items.map((i) => i.bytes));
        const matrix = columnarRefOf(parsed.items[0]!)!.matrix;
        expect(table.columns).toEqual(matrix.columns);
        expect(sameBits(table.data, matrix.data)).toBe(true);
        expect(tableItems(table)).toEqual(parsed.items);
      }),
      { numRuns: 25 },
    );
  });

  it('is what generateCreditRiskDataset wraps', () => {
    const dataset = generateCreditRiskDataset(50, 4, { corruptShare: 0.2 });
    sameTable(dataset.table!, generateCreditRiskTable(50, 4, { corruptShare: 0.2 }));
  });
});

describe('creditRiskIds', () => {
  it('pads to five digits, more once the count needs them, like the record ids', () => {
    expect(creditRiskIds(10)).toEqual({ prefix: 'cr-', width: 5 });
    expect(creditRiskIds(99_999).width).toBe(5);
    expect(creditRiskIds(100_000).width).toBe(6);
    expect(rowIdOf(creditRiskIds(100_000), 0)).toBe('cr-000001');
    const rows = generateCreditRiskRows(7, 1);
    expect(rows.map((_, r) => rowIdOf(creditRiskIds(7), r))).toEqual(rows.map((row) => row.id));
  });
});

describe('creditRiskTableBuilder', () => {
  it('gives the same table however the rows are sliced', () => {
    const slices = fc.array(fc.integer({ min: 0, max: 90 }), { maxLength: 12 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 250 }), seed, options, slices, (count, s, opts, sizes) => {
        const builder = creditRiskTableBuilder(count, s, opts);
        expect(builder.count).toBe(count);
        let expected = 0;
        for (const size of sizes) {
          expected = Math.min(count, expected + size);
          expect(builder.fill(size)).toBe(expected === count);
          expect(builder.rowsDone).toBe(expected);
        }
        // table() finishes whatever the slices left.
        sameTable(builder.table(), generateCreditRiskTable(count, s, opts));
        expect(builder.rowsDone).toBe(count);
      }),
      { numRuns: 40 },
    );
  });

  it('leaves a finished table alone when filled again', () => {
    const builder = creditRiskTableBuilder(30, 2, { corruptShare: 0.2 });
    const table = builder.table();
    const before = Float32Array.from(table.data);
    expect(builder.fill(100)).toBe(true);
    expect(builder.table()).toBe(table);
    expect(sameBits(table.data, before)).toBe(true);
    expect(builder.rowsDone).toBe(30);
  });
});

// RowTable helpers: ids and file names derived from row numbers, rows read
// back as the records a CSV parser would give, and DataItems made once and
// linked to the table's matrix (so item-based scorers still get a zero-copy
// block). Each expectation is derived independently of the implementation.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  columnarRefOf,
  contiguousFeatureBlock,
  evenFileStarts,
  fileName,
  fileOfRow,
  rowIdOf,
  rowRecord,
  rowSourceOf,
  tableDataset,
  tableItems,
  withRowFiles,
  type RowFiles,
} from '@/engine/dataset/index';
import type { RowTable } from '@/engine/types';

/** Three rows of two features; row 1 has a cell broken as written ('N/A'). */
function smallTable(overrides: Partial<RowTable> = {}): RowTable {
  return {
    columns: ['a', 'b'],
    decimals: [0, 2],
    // Float32 storage: 0.12 and 4.56 are not exact, rowRecord must round them back.
    data: Float32Array.of(3, 0.12, NaN, 4.56, 7, 0.1),
    rows: 3,
    bytes: Uint16Array.of(11, 12, 13),
    ids: { prefix: 'x-', width: 3 },
    labels: Uint8Array.of(1, 0, 1),
    cells: new Map([[1, { a: 'N/A' }]]),
    ...overrides,
  };
}

describe('rowIdOf', () => {
  it('numbers rows from 1, zero-padded to the width', () => {
    expect(rowIdOf({ prefix: 'cr-', width: 5 }, 0)).toBe('cr-00001');
    expect(rowIdOf({ prefix: 'cr-', width: 5 }, 41)).toBe('cr-00042');
    // A number wider than the width is written in full, never truncated.
    expect(rowIdOf({ prefix: 'p', width: 2 }, 999)).toBe('p1000');
  });

  it('gives distinct ids that sort like the rows while they fit the width', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z-]{0,4}$/), fc.integer({ min: 1, max: 6 }), fc.nat(50_000), fc.nat(50_000), (prefix, width, r, s) => {
        const ids = { prefix, width };
        const a = rowIdOf(ids, r);
        expect(a.startsWith(prefix)).toBe(true);
        expect(Number(a.slice(prefix.length))).toBe(r + 1);
        expect(a.length).toBeGreaterThanOrEqual(prefix.length + width);
        if (r !== s) expect(rowIdOf(ids, s)).not.toBe(a);
        if (r + 1 < 10 ** width && s + 1 < 10 ** width) expect(a < rowIdOf(ids, s)).toBe(r < s);
      }),
    );
  });
});

describe('evenFileStarts and fileOfRow', () => {
  it('starts a file every rowsPerFile rows; a short last file holds the rest', () => {
    expect([...evenFileStarts(10, 4)]).toEqual([0, 4, 8]);
    expect([...evenFileStarts(8, 4)]).toEqual([0, 4]);
    // An empty table is still one (empty) file.
    expect([...evenFileStarts(0, 4)]).toEqual([0]);
  });

  it('puts row r of even files in file floor(r / rowsPerFile)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 60 }), (rows, perFile) => {
        const starts = evenFileStarts(rows, perFile);
        expect(starts.length).toBe(Math.ceil(rows / perFile));
        const files: RowFiles = { starts, prefix: 'f', width: 1, suffix: '' };
        for (let r = 0; r < rows; r++) expect(fileOfRow(files, r)).toBe(Math.floor(r / perFile));
      }),
    );
  });

  it('finds the last file starting at or before the row, for uneven files (empty ones too)', () => {
    // Gaps of 0 are empty files: the row belongs to the last file that starts at or before it.
    const gaps = fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 0, maxLength: 30 });
    fc.assert(
      fc.property(gaps, fc.integer({ min: 1, max: 7 }), (rest, tail) => {
        const starts = [0];
        for (const g of rest) starts.push(starts[starts.length - 1]! + g);
        const rows = starts[starts.length - 1]! + tail;
        const files: RowFiles = { starts: Uint32Array.from(starts), prefix: 'f', width: 1, suffix: '' };
        for (let r = 0; r < rows; r++) {
          let expected = 0;
          for (let k = 0; k < starts.length; k++) if (starts[k]! <= r) expected = k;
          expect(fileOfRow(files, r)).toBe(expected);
        }
      }),
    );
  });
});

describe('fileName and rowSourceOf', () => {
  const files: RowFiles = { starts: evenFileStarts(25, 10), prefix: 'applicants-', width: 4, suffix: '.csv' };

  it('names a file by its number (plus `first`), padded to the width', () => {
    expect(fileName(files, 0)).toBe('applicants-0000.csv');
    expect(fileName(files, 2)).toBe('applicants-0002.csv');
    expect(fileName({ ...files, first: 7 }, 2)).toBe('applicants-0009.csv');
  });

  it('gives a row the name of its file, and no source without files', () => {
    const table = smallTable({ rows: 25, bytes: new Uint16Array(25), data: new Float32Array(50), labels: null, cells: new Map() });
    expect(rowSourceOf(table, 3)).toBeUndefined();
    const split = withRowFiles(table, files);
    expect([0, 9, 10, 19, 20, 24].map((r) => rowSourceOf(split, r))).toEqual([
      'applicants-0000.csv', 'applicants-0000.csv', 'applicants-0001.csv', 'applicants-0001.csv', 'applicants-0002.csv', 'applicants-0002.csv',
    ]);
  });
});

describe('rowRecord', () => {
  it('gives the id, each feature rounded to its decimals, and the label', () => {
    expect(rowRecord(smallTable(), 0)).toEqual({ id: 'x-001', a: 3, b: 0.12, label: 1 });
    expect(rowRecord(smallTable(), 2)).toEqual({ id: 'x-003', a: 7, b: 0.1, label: 1 });
  });

  it('keeps broken cells as written, over the matrix value', () => {
    expect(rowRecord(smallTable(), 1)).toEqual({ id: 'x-002', a: 'N/A', b: 4.56, label: 0 });
  });

  it('has no label without labels, and keys in CSV column order', () => {
    const record = rowRecord(smallTable({ labels: null }), 0);
    expect(Object.keys(record)).toEqual(['id', 'a', 'b']);
    expect(Object.keys(rowRecord(smallTable(), 1))).toEqual(['id', 'a', 'b', 'label']);
  });
});

describe('tableItems and tableDataset', () => {
  it('makes one item per row with its id, bytes and record, once per table', () => {
    const table = smallTable();
    const items = tableItems(table);
    expect(items.map((i) => [i.id, i.bytes])).toEqual([['x-001', 11], ['x-002', 12], ['x-003', 13]]);
    expect(items[1]!.value).toEqual(rowRecord(table, 1));
    expect(items.some((i) => 'source' in i)).toBe(false);
    expect(tableItems(table)).toBe(items);
  });

  it('links the items to the table matrix, so consecutive items are a zero-copy block', () => {
    const table = smallTable();
    const items = tableItems(table);
    const ref = columnarRefOf(items[2]!)!;
    expect(ref.row).toBe(2);
    expect(ref.matrix.data).toBe(table.data);
    const block = contiguousFeatureBlock(items.slice(1, 3), table.columns)!;
    expect(block.firstRow).toBe(1);
    expect(block.data.buffer).toBe(table.data.buffer);
    expect([...block.data]).toEqual([...table.data.subarray(2, 6)]);
  });

  it('is a tabular Dataset over the table whose items are read lazily and kept', () => {
    const table = smallTable();
    const dataset = tableDataset(table);
    expect(dataset.kind).toBe('tabular');
    expect(dataset.table).toBe(table);
    expect(dataset.items).toBe(dataset.items);
    expect(dataset.items).toBe(tableItems(table));
  });

  it('gives split rows their file as source, without copying the data or touching the original', () => {
    const table = smallTable();
    const split = withRowFiles(table, { starts: Uint32Array.of(0, 2), prefix: 'part', width: 1, suffix: '.csv' });
    expect(split.data).toBe(table.data);
    expect(table.files).toBeUndefined();
    expect(tableItems(split).map((i) => i.source)).toEqual(['part0.csv', 'part0.csv', 'part1.csv']);
    expect(tableItems(table).some((i) => 'source' in i)).toBe(false);
  });
});

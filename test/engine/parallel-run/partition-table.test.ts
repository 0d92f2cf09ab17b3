// Partitioning a columnar dataset must cut exactly where the same rows as
// items are cut: by byte budget (ParallelRunStep) and by whole files (batch
// deployments, files.starts). A table's mini-batches carry row ranges and
// make items only when read, and those are the dataset's own item objects.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evenFileStarts, tableDataset, tableItems, withRowFiles, type RowFiles } from '@/engine/dataset/index';
import { miniBatchItemId, miniBatchItemIds, miniBatchLength, partitionDataset, tableMiniBatch } from '@/engine/parallel-run/partition';
import { partitionByFiles } from '@/engine/parallel-run/partition-files';
import type { Dataset, MiniBatch, RowTable } from '@/engine/types';

/** A one-feature table whose rows have the given CSV sizes. */
function tableOf(bytes: readonly number[], files?: RowFiles): RowTable {
  const table: RowTable = {
    columns: ['x'],
    decimals: [0],
    data: Float32Array.from(bytes, (_, r) => r),
    rows: bytes.length,
    bytes: Uint16Array.from(bytes),
    ids: { prefix: 't-', width: 4 },
    labels: null,
    cells: new Map(),
  };
  return files ? withRowFiles(table, files) : table;
}

/** The same rows as a plain item dataset (no table): the reference the cut must match. */
const asItems = (dataset: Dataset): Dataset => ({ kind: 'tabular', items: dataset.items });

/** Each mini-batch as [first row, row count], read from items so both kinds compare alike. */
function ranges(dataset: Dataset, batches: MiniBatch[]): [number, number][] {
  return batches.map((b) => [dataset.items.indexOf(b.items[0]!), b.items.length]);
}

const rowBytes = fc.array(fc.integer({ min: 1, max: 600 }), { minLength: 0, maxLength: 150 });

describe('partitionDataset on a table', () => {
  it('cuts where the same rows as items are cut, for any byte budget', () => {
    fc.assert(
      fc.property(rowBytes, fc.integer({ min: 1, max: 4000 }), (bytes, budget) => {
        const dataset = tableDataset(tableOf(bytes));
        const table = partitionDataset(dataset, budget);
        const items = partitionDataset(asItems(dataset), budget);
        expect(ranges(dataset, table.batches)).toEqual(ranges(dataset, items.batches));
        expect(table.bytes).toEqual(items.bytes);
        expect(table.batches.map((b) => b.id)).toEqual(items.batches.map((b) => b.id));
        // The table's batches really are row ranges, not item slices in disguise.
        expect(table.batches.every((b) => b.rows?.table === dataset.table)).toBe(true);
      }),
    );
  });

  it('puts a row bigger than the budget alone, and covers every row once', () => {
    const dataset = tableDataset(tableOf([10, 500, 10, 10, 10]));
    const { batches, bytes } = partitionDataset(dataset, 25);
    expect(batches.map((b) => [b.rows!.start, b.rows!.count])).toEqual([[0, 1], [1, 1], [2, 2], [4, 1]]);
    expect(bytes).toEqual([10, 500, 20, 10]);
    expect(partitionDataset(tableDataset(tableOf([])), 25)).toEqual({ batches: [], bytes: [] });
  });

  it('never lets a mini-batch span two files when the table is split into files', () => {
    fc.assert(
      fc.property(rowBytes, fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 4000 }), (bytes, perFile, budget) => {
        const files: RowFiles = { starts: evenFileStarts(bytes.length, perFile), prefix: 'f', width: 2, suffix: '.csv' };
        const dataset = tableDataset(tableOf(bytes, files));
        const plain = tableItems(tableOf(bytes));
        const sourced: Dataset = { kind: 'tabular', items: plain.map((item, r) => ({ ...item, source: `f${String(Math.floor(r / perFile)).padStart(2, '0')}.csv` })) };
        const table = partitionDataset(dataset, budget);
        const items = partitionDataset(sourced, budget);
        expect(ranges(dataset, table.batches)).toEqual(ranges(sourced, items.batches));
        expect(table.bytes).toEqual(items.bytes);
        for (const b of table.batches) expect(new Set(b.items.map((i) => i.source)).size).toBe(1);
      }),
    );
  });
});

describe('partitionByFiles on a table', () => {
  it('gives whole files per mini-batch, as items with a source per file do', () => {
    fc.assert(
      fc.property(rowBytes, fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 6 }), (bytes, perFile, filesPerBatch) => {
        const files: RowFiles = { starts: evenFileStarts(bytes.length, perFile), prefix: 'part-', width: 3, suffix: '.csv' };
        const dataset = tableDataset(tableOf(bytes, files));
        const sourced: Dataset = { kind: 'tabular', items: tableItems(tableOf(bytes)).map((item, r) => ({ ...item, source: `p${Math.floor(r / perFile)}` })) };
        const table = partitionByFiles(dataset, filesPerBatch);
        const items = partitionByFiles(sourced, filesPerBatch);
        expect(table.batches.map((b) => [b.rows!.start, b.rows!.count])).toEqual(ranges(sourced, items.batches));
        expect(table.bytes).toEqual(items.bytes);
        expect([...table.files]).toEqual([...items.files]);
      }),
    );
  });

  it('follows uneven files.starts, counting the files in each mini-batch', () => {
    const files: RowFiles = { starts: Uint32Array.of(0, 1, 4, 5, 9), prefix: 'u', width: 1, suffix: '' };
    const dataset = tableDataset(tableOf([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], files));
    const { batches, bytes, files: counts } = partitionByFiles(dataset, 2);
    expect(batches.map((b) => [b.rows!.start, b.rows!.count])).toEqual([[0, 4], [4, 5], [9, 1]]);
    expect(bytes).toEqual([1 + 2 + 3 + 4, 5 + 6 + 7 + 8 + 9, 10]);
    expect([...counts]).toEqual([2, 2, 1]);
  });

  it('treats a table without files as one unnamed file, and an empty one as no input', () => {
    const { batches, bytes, files } = partitionByFiles(tableDataset(tableOf([5, 6, 7])), 2);
    expect(batches.map((b) => [b.rows!.start, b.rows!.count])).toEqual([[0, 3]]);
    expect(bytes).toEqual([18]);
    expect([...files]).toEqual([1]);
    expect(partitionByFiles(tableDataset(tableOf([])), 2)).toEqual({ batches: [], bytes: [], files: new Int32Array(0) });
  });
});

describe('a columnar mini-batch', () => {
  const dataset = tableDataset(tableOf([10, 20, 30, 40, 50, 60]));

  it('is as long as its row range and names its inputs by row', () => {
    const batch = tableMiniBatch(dataset, dataset.table!, 3, 2, 5);
    expect(batch.id).toBe(3);
    expect(miniBatchLength(batch)).toBe(3);
    const id = miniBatchItemId(batch);
    expect([0, 1, 2].map(id)).toEqual(['t-0003', 't-0004', 't-0005']);
  });

  it('reads its items as the dataset’s own objects, for a script that wants items', () => {
    const batch = tableMiniBatch(dataset, dataset.table!, 0, 1, 4);
    expect(batch.items).toHaveLength(3);
    batch.items.forEach((item, i) => expect(item).toBe(dataset.items[1 + i]));
    expect(batch.items).toBe(batch.items);
  });

  it('gives a finished mini-batch the same ids from a range, table or items', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }), (a, b) => {
        const range = { firstItem: Math.min(a, b), itemCount: Math.abs(a - b) };
        const expected = dataset.items.slice(range.firstItem, range.firstItem + range.itemCount).map((i) => i.id);
        expect(miniBatchItemIds(dataset, range)).toEqual(expected);
        expect(miniBatchItemIds(asItems(dataset), range)).toEqual(expected);
      }),
    );
  });
});

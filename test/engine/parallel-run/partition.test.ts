import { describe, expect, it } from 'vitest';
import { planMiniBatches } from '@/engine/parallel-run/index';
import type { DataItem } from '@/engine/types';
import { files, rows, tabular } from './helpers';

const ids = (batches: { items: DataItem[] }[]) => batches.map((b) => b.items.map((i) => i.id));

describe('planMiniBatches: file datasets', () => {
  it('puts mini_batch_size files in each mini-batch, the remainder in the last', () => {
    const plan = planMiniBatches(files(rows(7, 5000, undefined, 'f')), { mini_batch_size: 3 });
    expect(ids(plan)).toEqual([['f0', 'f1', 'f2'], ['f3', 'f4', 'f5'], ['f6']]);
    expect(plan.map((b) => b.id)).toEqual([0, 1, 2]);
  });

  it('defaults to 10 files per mini-batch', () => {
    const plan = planMiniBatches(files(rows(25)), {});
    expect(plan.map((b) => b.items.length)).toEqual([10, 10, 5]);
  });

  it('ignores file sizes: a count is a count', () => {
    const items = [...rows(2, 10), ...rows(2, 10 ** 9, undefined, 'big')];
    expect(planMiniBatches(files(items), { mini_batch_size: 2 }).map((b) => b.items.length)).toEqual([2, 2]);
  });

  it('throws on a byte-size string, which only makes sense for tabular data', () => {
    expect(() => planMiniBatches(files(rows(3)), { mini_batch_size: '1MB' })).toThrow(/file count/);
  });
});

describe('planMiniBatches: tabular datasets', () => {
  it('adds rows while the total stays within the size', () => {
    // 100-byte rows, 250-byte budget: 2 rows fit (200), a third would make 300.
    const plan = planMiniBatches(tabular(rows(5)), { mini_batch_size: 250 });
    expect(plan.map((b) => b.items.length)).toEqual([2, 2, 1]);
  });

  it('keeps a row that makes the total exactly equal to the size', () => {
    expect(planMiniBatches(tabular(rows(6)), { mini_batch_size: 300 }).map((b) => b.items.length)).toEqual([3, 3]);
  });

  it('accepts size strings with binary units', () => {
    const plan = planMiniBatches(tabular(rows(10, 512)), { mini_batch_size: '1KB' });
    expect(plan.map((b) => b.items.length)).toEqual([2, 2, 2, 2, 2]);
  });

  it('defaults to 1 MB (1024 * 1024 bytes)', () => {
    const plan = planMiniBatches(tabular(rows(2049, 1024)), {});
    expect(plan.map((b) => b.items.length)).toEqual([1024, 1024, 1]);
  });

  it('gives a row larger than the size a mini-batch of its own', () => {
    const items: DataItem[] = [
      { id: 'a', bytes: 100, value: 0 },
      { id: 'huge', bytes: 5000, value: 0 },
      { id: 'b', bytes: 100, value: 0 },
      { id: 'c', bytes: 100, value: 0 },
    ];
    expect(ids(planMiniBatches(tabular(items), { mini_batch_size: 300 }))).toEqual([['a'], ['huge'], ['b', 'c']]);
  });

  it('never lets a mini-batch cross a source file', () => {
    const items = [...rows(3, 100, 'part-1.csv', 'a'), ...rows(3, 100, 'part-2.csv', 'b')];
    expect(ids(planMiniBatches(tabular(items), { mini_batch_size: 1000 }))).toEqual([
      ['a0', 'a1', 'a2'],
      ['b0', 'b1', 'b2'],
    ]);
  });

  it('splits at source changes for file datasets too, and treats a returning source as a new run', () => {
    const items = [...rows(2, 1, 's1', 'a'), ...rows(1, 1, 's2', 'b'), ...rows(1, 1, 's1', 'c')];
    expect(ids(planMiniBatches(files(items), { mini_batch_size: 10 }))).toEqual([['a0', 'a1'], ['b0'], ['c0']]);
  });

  it('preserves order and shares the item objects rather than copying them', () => {
    const items = rows(50, 37);
    const plan = planMiniBatches(tabular(items), { mini_batch_size: 200 });
    const flat = plan.flatMap((b) => b.items);
    expect(flat).toHaveLength(items.length);
    flat.forEach((item, i) => expect(item).toBe(items[i]));
  });

  it('returns no mini-batches for an empty dataset', () => {
    expect(planMiniBatches(tabular([]), {})).toEqual([]);
  });

  it('throws on an invalid size', () => {
    expect(() => planMiniBatches(tabular(rows(2)), { mini_batch_size: '1XB' })).toThrow(/not a valid size/);
  });
});

// File-level distribution (batch endpoints): whole files per mini-batch,
// whatever their size, and the number of files in each.
import { describe, expect, it } from 'vitest';
import { partitionByFiles } from '@/engine/parallel-run/partition-files';
import type { DataItem } from '@/engine/types';

const row = (id: string, source: string | undefined, bytes = 10): DataItem => ({ id, bytes, value: id, ...(source ? { source } : {}) });

describe('partitionByFiles', () => {
  it('keeps the rows of one file together and counts files, not bytes', () => {
    const items = [row('a0', 'a', 1_000_000), row('a1', 'a', 1_000_000), row('b0', 'b'), row('c0', 'c'), row('c1', 'c')];
    const { batches, bytes, files } = partitionByFiles({ kind: 'tabular', items }, 2);
    expect(batches.map((b) => b.items.map((i) => i.id))).toEqual([['a0', 'a1', 'b0'], ['c0', 'c1']]);
    expect(bytes).toEqual([2_000_010, 20]);
    expect([...files]).toEqual([2, 1]);
  });

  it('treats every item of a file dataset as a file, and rows without a source as one file', () => {
    expect(partitionByFiles({ kind: 'file', items: [row('f0', 'x'), row('f1', 'x'), row('f2', 'x')] }, 2).batches.map((b) => b.items.length)).toEqual([2, 1]);
    expect(partitionByFiles({ kind: 'tabular', items: [row('r0', undefined), row('r1', undefined)] }, 1).batches).toHaveLength(1);
  });

  it('gives no mini-batch for an empty input', () => {
    expect(partitionByFiles({ kind: 'file', items: [] }, 3)).toEqual({ batches: [], bytes: [], files: new Int32Array(0) });
  });
});

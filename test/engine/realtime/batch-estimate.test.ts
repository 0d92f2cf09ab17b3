import { describe, expect, it } from 'vitest';
import { DEFAULT_MINI_BATCH_BYTES, estimateBatchJob, planRowChunks, simulateParallelRun, validateBatch, VM_SIZES } from '@/engine/index';
import type { DataItem } from '@/engine/types';

describe('planRowChunks', () => {
  it('fills each chunk with as many rows as fit in the byte budget', () => {
    expect(planRowChunks(1000, 52, 1024)).toEqual({ rowsPerChunk: 19, chunks: 53, lastChunkRows: 12 });
    expect(planRowChunks(38, 52, 1024)).toEqual({ rowsPerChunk: 19, chunks: 2, lastChunkRows: 19 });
  });

  it('puts at least one row in a chunk when a row is bigger than the budget', () => {
    expect(planRowChunks(3, 5000, 1024)).toEqual({ rowsPerChunk: 1, chunks: 3, lastChunkRows: 1 });
  });
});

describe('estimateBatchJob', () => {
  it('costs exactly what the simulator charges for the same rows as a tabular dataset', async () => {
    // The real thing: 2,000 rows of 52 bytes, tabular, 1 KB mini-batches.
    const items: DataItem[] = Array.from({ length: 2000 }, (_, i) => ({ id: `r${i}`, bytes: 52, value: i }));
    const direct = await simulateParallelRun({
      dataset: { kind: 'tabular', items },
      config: { mini_batch_size: 1024, error_threshold: -1, output_action: 'summary_only', node_count: 2, process_count_per_node: 2 },
      entryScript: () => ({ run: (batch) => batch.map(() => 1) }),
      compute: { vmSize: 'Standard_DS3_v2' },
      seed: 3,
    });
    const estimate = await estimateBatchJob({ rows: 2000, rowBytes: 52, miniBatchBytes: 1024, nodeCount: 2, processCountPerNode: 2, vmSize: 'Standard_DS3_v2', seed: 3 });
    expect(estimate.miniBatches).toBe(direct.counts.miniBatches);
    expect(estimate.durationSeconds).toBeCloseTo(direct.durationSeconds, 6);
    expect(estimate.costUsd).toBeCloseTo(direct.costUsd, 9);
  });

  it('includes node start-up, so even a tiny job takes minutes', async () => {
    const e = await estimateBatchJob({ rows: 10, nodeCount: 1 });
    const startup = VM_SIZES.Standard_DS3_v2!.startupSeconds;
    expect(e.durationSeconds).toBeGreaterThan(0.85 * startup);
    expect(e.miniBatches).toBe(1);
  });

  it('finishes a big job sooner on more nodes', async () => {
    const one = await estimateBatchJob({ rows: 20_000_000, nodeCount: 1 });
    const four = await estimateBatchJob({ rows: 20_000_000, nodeCount: 4 });
    expect(four.durationSeconds).toBeLessThan(one.durationSeconds / 2);
    expect(one.miniBatches).toBe(Math.ceil(20_000_000 / Math.floor(DEFAULT_MINI_BATCH_BYTES / 52)));
  });

  it('gives a deep-equal result for the same inputs', async () => {
    const input = { rows: 300_000, nodeCount: 2, vmSize: 'Standard_NC6' };
    expect(await estimateBatchJob(input)).toEqual(await estimateBatchJob(input));
  });

  it('rejects bad input with the SDK names, including too many mini-batches to simulate', async () => {
    expect(validateBatch({ rows: 0, nodeCount: 0, vmSize: 'x' }).map((p) => p.field)).toEqual(['rows', 'vm_size', 'node_count']);
    expect(validateBatch({ rows: 100_000_000, nodeCount: 1, miniBatchBytes: 1024 }).map((p) => p.field)).toEqual(['mini_batch_size']);
    await expect(estimateBatchJob({ rows: 10, nodeCount: 0 })).rejects.toThrow(/node_count/);
  });
});

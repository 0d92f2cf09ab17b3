// The batch side: one run of a ParallelRunStep job over `rows` tabular rows,
// scored by the lab's own simulator so its start-up, scheduling and cost are
// exactly the ones the ParallelRunStep lab shows.
import type { DataItem } from '../types';
import { baseRunSeconds, defaultProcessCountPerNode, resolveCompute, type ResolvedCompute } from '../parallel-run/compute';
import { DEFAULT_MINI_BATCH_BYTES, DEFAULT_RUN_INVOCATION_TIMEOUT } from '../parallel-run/defaults';
import { simulateParallelRun } from '../parallel-run/simulate';
import type { ParallelRunContext } from '../parallel-run/sim-types';
import { DEFAULT_ROW_BYTES } from './latency-model';
import { planRowChunks } from './row-chunks';
import type { BatchEstimate, BatchWorkload } from './types';
import { throwIfInvalid, validateBatch } from './validate';

/**
 * Each file item stands for one mini-batch of rows: `value` holds its row count.
 * The simulator charges a file as one item; the entry script spends the time of
 * the other rows, measured with the same baseRunSeconds, so a chunk costs exactly
 * what a tabular mini-batch of those rows would.
 */
function rowChunkItems(rows: number, rowBytes: number, miniBatchBytes: number): DataItem[] {
  const plan = planRowChunks(rows, rowBytes, miniBatchBytes);
  return Array.from({ length: plan.chunks }, (_, i) => {
    const chunkRows = i === plan.chunks - 1 ? plan.lastChunkRows : plan.rowsPerChunk;
    return { id: `rows-${i}.csv`, bytes: chunkRows * rowBytes, value: chunkRows };
  });
}

function extraRowSeconds(compute: ResolvedCompute, rows: number, gpu: boolean): number {
  return baseRunSeconds(compute, rows, 0, gpu) - baseRunSeconds(compute, 1, 0, gpu);
}

export async function estimateBatchJob(workload: BatchWorkload): Promise<BatchEstimate> {
  throwIfInvalid('batch workload', validateBatch(workload));
  const rowBytes = workload.rowBytes ?? DEFAULT_ROW_BYTES;
  const miniBatchBytes = workload.miniBatchBytes ?? DEFAULT_MINI_BATCH_BYTES;
  const spec = { vmSize: workload.vmSize, priority: workload.priority, model: workload.model };
  const compute = resolveCompute(spec);
  const items = rowChunkItems(workload.rows, rowBytes, miniBatchBytes);
  const processCountPerNode = workload.processCountPerNode ?? defaultProcessCountPerNode(compute.vm);
  // A real job with big mini-batches raises run_invocation_timeout too; timeouts are not the lesson here.
  const longestCall = baseRunSeconds(compute, planRowChunks(workload.rows, rowBytes, miniBatchBytes).rowsPerChunk, miniBatchBytes, false);
  const result = await simulateParallelRun({
    dataset: { kind: 'file', items },
    config: {
      mini_batch_size: 1,
      error_threshold: -1,
      output_action: 'summary_only',
      node_count: workload.nodeCount,
      process_count_per_node: processCountPerNode,
      run_invocation_timeout: Math.max(DEFAULT_RUN_INVOCATION_TIMEOUT, Math.ceil(3 * longestCall)),
    },
    compute: spec,
    seed: workload.seed,
    entryScript: () => ({
      run(batch, ctx) {
        const gpu = (ctx as ParallelRunContext).gpu;
        for (const item of batch) ctx.spend(extraRowSeconds(compute, item.value as number, gpu));
        return batch.map(() => 'scored');
      },
    }),
  });
  if (result.status !== 'Completed') throw new Error(`The batch job did not complete: ${result.failureReason ?? 'unknown reason'}`);
  return {
    rows: workload.rows,
    miniBatches: result.counts.miniBatches,
    durationSeconds: result.durationSeconds,
    costUsd: result.costUsd,
    vmSize: compute.vm.name,
    nodeCount: workload.nodeCount,
    processCountPerNode,
  };
}

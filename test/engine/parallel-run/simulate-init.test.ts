// init() failures follow the three documented rules: a per-node limit, a
// job-wide limit after two minutes, and a no-progress timeout.
import { describe, expect, it } from 'vitest';
import { simulateParallelRun, type ParallelInitContext } from '@/engine/parallel-run/index';
import type { EntryScriptFactory } from '@/engine/types';
import { config, echo, rows, tabular } from './helpers';

const failingInit: EntryScriptFactory = () => ({
  init: () => {
    throw new Error('cannot load model');
  },
  run: (items) => items,
});

describe('init() failure rules', () => {
  it('per node: a node stops retrying after 3 × process_count_per_node failures; with no node left the job fails', async () => {
    const result = await simulateParallelRun({
      dataset: tabular(rows(50)),
      config: config({ node_count: 2, process_count_per_node: 2 }),
      entryScript: failingInit,
    });
    expect(result.status).toBe('Failed');
    expect(result.failure).toEqual({ kind: 'system', rule: 'init_per_node' });
    expect(result.nodes.map((n) => n.initFailures)).toEqual([6, 6]);
    expect(result.failureReason).toMatch(/3 × process_count_per_node = 6/);
    expect(result.counts.itemsNotRun).toBe(50);
    expect(result.logs['logs/job_error.txt']).toMatch(/cannot load model/);
  });

  it('per node: one bad node does not fail the job while another node works', async () => {
    const result = await simulateParallelRun({
      dataset: tabular(rows(200)),
      config: config({ node_count: 2, process_count_per_node: 2 }),
      entryScript: () => ({ run: (items, ctx) => (ctx.spend(10), items) }),
      faults: { initFailure: { nodes: [0] } },
    });
    expect(result.status).toBe('Completed');
    expect(result.nodes[0]?.initFailures).toBe(6);
    expect(new Set(result.miniBatches.flatMap((b) => b.attempts.map((a) => a.node)))).toEqual(new Set([1]));
    expect(result.logs['logs/sys/master_role.txt']).toMatch(/node-0 reached 6 init\(\) failures/);
  });

  // Every process fails init() twice, then works: 4 nodes × 1 process make
  // 8 failures = 2 × node_count × process_count_per_node, with no node at
  // its own limit of 3.
  const failTwicePerNode = (): EntryScriptFactory => {
    const failures = new Map<number, number>();
    return () => ({
      init: (ctx) => {
        const count = failures.get(ctx.node) ?? 0;
        if (count < 2) {
          failures.set(ctx.node, count + 1);
          throw new Error('flaky start');
        }
      },
      run: (items, ctx) => {
        ctx.spend(20);
        return items;
      },
    });
  };

  it('job-wide: 2 × node_count × process_count_per_node failures fail a job that runs past 2 minutes', async () => {
    const result = await simulateParallelRun({
      dataset: tabular(rows(400)),
      config: config({ node_count: 4, process_count_per_node: 1 }),
      entryScript: failTwicePerNode(),
    });
    expect(result.status).toBe('Failed');
    expect(result.failure).toEqual({ kind: 'system', rule: 'init_job_wide' });
    expect(result.failureReason).toMatch(/8 init\(\) failures.*2 × node_count × process_count_per_node = 8/);
    const firstReady = Math.min(...result.nodes.map((n) => n.readyAt ?? Infinity));
    expect(result.durationSeconds).toBeCloseTo(firstReady + 120, 6);
    expect(result.counts.itemsSucceeded).toBeGreaterThan(0); // work had started: the rule is about failures, not progress
  });

  it('job-wide: the same failures do not fail a job that is done within 2 minutes', async () => {
    const result = await simulateParallelRun({
      dataset: tabular(rows(40)),
      config: config({ node_count: 4, process_count_per_node: 1 }),
      entryScript: failTwicePerNode(),
    });
    expect(result.status).toBe('Completed');
  });

  it('no progress: fails when every process is stuck in init() for more than 3 × run_invocation_timeout + 30 s', async () => {
    const stuck: EntryScriptFactory = () => ({ init: (ctx) => ctx.spend(1000), run: (items) => items });
    const result = await simulateParallelRun({
      dataset: tabular(rows(20)),
      config: config({ node_count: 2, run_invocation_timeout: 10 }),
      entryScript: stuck,
    });
    expect(result.status).toBe('Failed');
    expect(result.failure).toEqual({ kind: 'system', rule: 'init_no_progress' });
    expect(result.failureReason).toMatch(/3 × run_invocation_timeout \+ 30 = 60 s/);
    const firstReady = Math.min(...result.nodes.map((n) => n.readyAt ?? Infinity));
    expect(result.durationSeconds).toBeCloseTo(firstReady + 60, 6);
  });

  it('no progress: a slow init() that finishes within the window is fine', async () => {
    const slow: EntryScriptFactory = () => ({ init: (ctx) => ctx.spend(50), run: (items) => items });
    const result = await simulateParallelRun({
      dataset: tabular(rows(20)),
      config: config({ run_invocation_timeout: 10 }),
      entryScript: slow,
    });
    expect(result.status).toBe('Completed');
  });

  it('counts injected init failures like real ones', async () => {
    const result = await simulateParallelRun({
      dataset: tabular(rows(20)),
      config: config({ node_count: 1, process_count_per_node: 1 }),
      entryScript: echo,
      faults: { initFailure: { always: true } },
    });
    expect(result.failure).toEqual({ kind: 'system', rule: 'init_per_node' });
    expect(result.nodes[0]?.initFailures).toBe(3);
  });
});

describe('GPU models', () => {
  // The entry script decides: it refuses to start without a GPU, as a CUDA model would.
  const needsGpu: EntryScriptFactory = () => ({
    init: (ctx) => {
      if (!(ctx as ParallelInitContext).gpu) throw new Error('CUDA device not found');
    },
    run: (items) => items.map((i) => i.id),
  });

  it('fails init() on a CPU size, so the job fails', async () => {
    const result = await simulateParallelRun({
      dataset: tabular(rows(20)),
      config: config({ process_count_per_node: undefined }),
      entryScript: needsGpu,
      compute: { vmSize: 'Standard_DS3_v2' },
    });
    expect(result.status).toBe('Failed');
    expect(result.logs['logs/user/entry_script_log/node-0/process000.log.txt']).toMatch(/CUDA device not found/);
  });

  it('runs on a GPU size', async () => {
    const result = await simulateParallelRun({
      dataset: tabular(rows(20)),
      config: config({ process_count_per_node: undefined }),
      entryScript: needsGpu,
      compute: { vmSize: 'Standard_NC6' },
    });
    expect(result.status).toBe('Completed');
    expect(result.counts.itemsSucceeded).toBe(20);
  });

  it('gives a GPU only to as many processes as the node has GPUs', async () => {
    const result = await simulateParallelRun({
      dataset: tabular(rows(200)),
      config: config({ process_count_per_node: 2 }),
      entryScript: needsGpu,
      compute: { vmSize: 'Standard_NC6' },
    });
    expect(result.status).toBe('Completed');
    expect(new Set(result.miniBatches.flatMap((b) => b.attempts.map((a) => a.process)))).toEqual(new Set([0]));
  });
});

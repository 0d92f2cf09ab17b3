// How a healthy job runs: workers, the shared queue, init() once per process,
// the entry-script context, outputs, time, cost and determinism.
import { describe, expect, it } from 'vitest';
import { simulateParallelRun, VM_SIZES, type ParallelRunContext } from '@/engine/parallel-run/index';
import type { DataItem, EntryScriptFactory } from '@/engine/types';
import { config, echo, files, outputOf, rows, tabular } from './helpers';

describe('simulateParallelRun: rejecting invalid configs', () => {
  it('rejects with an error that lists every problem', async () => {
    const bad = { ...config(), node_count: 0, run_max_try: 0, output_action: 'append' } as never;
    const run = simulateParallelRun({ dataset: tabular(rows(5)), config: bad, entryScript: echo });
    await expect(run).rejects.toThrow(/3 problems/);
    await expect(run).rejects.toThrow(/node_count.*\n.*run_max_try|run_max_try.*\n.*node_count/s);
    await expect(run).rejects.toThrow(/output_action/);
  });

  it('rejects an unknown VM size and a node_count above the cluster max_nodes', async () => {
    const run = simulateParallelRun({
      dataset: tabular(rows(5)),
      config: config({ node_count: 5 }),
      entryScript: echo,
      compute: { vmSize: 'Standard_Nope', maxNodes: 4 },
    });
    await expect(run).rejects.toThrow(/vm_size/);
    await expect(run).rejects.toThrow(/max_nodes 4/);
  });
});

describe('simulateParallelRun: an empty input', () => {
  it('completes at once with zero counts and an empty output file', async () => {
    const result = await simulateParallelRun({ dataset: tabular([]), config: config(), entryScript: echo });
    expect(result.status).toBe('Completed');
    expect(result.counts).toEqual({
      items: 0, itemsSucceeded: 0, itemsFailed: 0, itemsNotRun: 0,
      miniBatches: 0, miniBatchesSucceeded: 0, miniBatchesFailed: 0, miniBatchesNotRun: 0,
    });
    expect(outputOf(result)).toEqual({ fileName: 'parallel_run_step.txt', lines: [] });
    expect(result.durationSeconds).toBe(0);
  });
});

describe('simulateParallelRun: workers and the shared queue', () => {
  it('starts node_count × process_count_per_node processes, each calling init() once before its first mini-batch', async () => {
    const events: string[] = [];
    const script: EntryScriptFactory = () => ({
      init: (ctx) => void events.push(`init ${ctx.node}/${ctx.process}`),
      run: (items, ctx) => {
        events.push(`run ${ctx.node}/${ctx.process}`);
        ctx.spend(30); // long enough that every process gets work
        return items;
      },
    });
    const result = await simulateParallelRun({
      dataset: tabular(rows(400)),
      config: config({ node_count: 2, process_count_per_node: 3, run_invocation_timeout: 100 }),
      entryScript: script,
    });
    const inits = events.filter((e) => e.startsWith('init'));
    expect(inits.sort()).toEqual(['init 0/0', 'init 0/1', 'init 0/2', 'init 1/0', 'init 1/1', 'init 1/2']);
    for (const who of ['0/0', '0/1', '0/2', '1/0', '1/1', '1/2']) {
      expect(events.indexOf(`init ${who}`)).toBeLessThan(events.indexOf(`run ${who}`));
    }
    const workers = new Set(result.miniBatches.flatMap((b) => b.attempts.map((a) => `${a.node}/${a.process}`)));
    expect(workers.size).toBe(6);
  });

  it('creates one entry-script instance per process, so state set in init() is per process', async () => {
    let instances = 0;
    const script: EntryScriptFactory = () => {
      instances++;
      let model = '';
      return {
        init: (ctx) => void (model = `model-${ctx.node}-${ctx.process}`),
        run: (items, ctx) => items.map(() => `${model} ${ctx.node}-${ctx.process}`),
      };
    };
    const result = await simulateParallelRun({
      dataset: tabular(rows(100)),
      config: config({ node_count: 1, process_count_per_node: 2 }),
      entryScript: script,
    });
    expect(instances).toBe(2);
    for (const line of outputOf(result)?.lines ?? []) {
      const [model, who] = line.split(' ');
      expect(model).toBe(`model-${who}`);
    }
  });

  it('hands mini-batches out first come, first served from one queue', async () => {
    const result = await simulateParallelRun({
      dataset: tabular(rows(200)),
      config: config({ node_count: 1, process_count_per_node: 3 }),
      entryScript: echo,
    });
    const starts = result.miniBatches.map((b) => b.attempts[0]?.start ?? NaN);
    for (let i = 1; i < starts.length; i++) expect(starts[i]).toBeGreaterThanOrEqual(starts[i - 1] as number);
    expect(new Set(result.miniBatches.map((b) => b.attempts[0]?.process)).size).toBe(3);
  });

  it('gives run() the mini-batch items themselves (same objects) and a context', async () => {
    const items = rows(30);
    const seen: DataItem[] = [];
    const contexts: { node: number; process: number; attempt: number; miniBatchId: number; vmSize: string }[] = [];
    const script: EntryScriptFactory = () => ({
      run: (batch, ctx) => {
        seen.push(...batch);
        const c = ctx as ParallelRunContext;
        contexts.push({ node: c.node, process: c.process, attempt: c.attempt, miniBatchId: c.miniBatchId, vmSize: c.vmSize });
        return batch;
      },
    });
    await simulateParallelRun({ dataset: tabular(items), config: config({ process_count_per_node: 1 }), entryScript: script });
    seen.sort((a, b) => (a.value as number) - (b.value as number));
    seen.forEach((item, i) => expect(item).toBe(items[i]));
    expect(contexts).toEqual([0, 1, 2].map((id) => ({ node: 0, process: 0, attempt: 1, miniBatchId: id, vmSize: 'Standard_DS3_v2' })));
  });

  it('defaults process_count_per_node to the core count on CPU sizes and 1 on GPU sizes', async () => {
    const base = { dataset: tabular(rows(10)), entryScript: echo, config: config({ process_count_per_node: undefined }) };
    const cpu = await simulateParallelRun({ ...base, compute: { vmSize: 'Standard_D13_v2' } });
    const gpu = await simulateParallelRun({ ...base, compute: { vmSize: 'Standard_NC6' } });
    expect(cpu.settings.processCountPerNode).toBe(VM_SIZES.Standard_D13_v2?.cores);
    expect(gpu.settings.processCountPerNode).toBe(1);
  });

  it('awaits asynchronous scripts and gets exactly the result of the synchronous equivalent', async () => {
    const sync: EntryScriptFactory = () => ({
      init: (ctx) => ctx.spend(2),
      run: (items, ctx) => {
        ctx.spend(items.length * 0.1);
        return items.map((i) => i.id);
      },
    });
    const async: EntryScriptFactory = () => ({
      init: async (ctx) => {
        await Promise.resolve();
        ctx.spend(2);
      },
      run: async (items, ctx) => {
        await new Promise((resolve) => setTimeout(resolve, 0));
        ctx.spend(items.length * 0.1);
        return items.map((i) => i.id);
      },
    });
    const options = { dataset: tabular(rows(60)), config: config({ process_count_per_node: 3 }), seed: 5 };
    const a = await simulateParallelRun({ ...options, entryScript: sync });
    const b = await simulateParallelRun({ ...options, entryScript: async });
    expect(b).toEqual(a);
  });
});

describe('simulateParallelRun: output', () => {
  it('append_row writes one line per returned element to parallel_run_step.txt: objects as JSON, strings as they are', async () => {
    const script: EntryScriptFactory = () => ({
      run: (items) => items.map((item, i) => (i % 3 === 0 ? { id: item.id, score: 0.5 } : i % 3 === 1 ? `${item.id}: ok` : 7)),
    });
    const result = await simulateParallelRun({ dataset: tabular(rows(6)), config: config(), entryScript: script });
    expect(outputOf(result)).toEqual({
      fileName: 'parallel_run_step.txt',
      lines: ['{"id":"r0","score":0.5}', 'r1: ok', '7', '{"id":"r3","score":0.5}', 'r4: ok', '7'],
    });
  });

  it('uses append_row_file_name when given, whatever the case of output_action', async () => {
    const result = await simulateParallelRun({
      dataset: tabular(rows(3)),
      config: config({ append_row_file_name: 'scores.csv', output_action: 'APPEND_ROW' as never }),
      entryScript: echo,
    });
    expect(result.output?.fileName).toBe('scores.csv');
    expect(outputOf(result)?.lines).toHaveLength(3);
  });

  it('keeps mini-batch order in the output even when later mini-batches finish first', async () => {
    const script: EntryScriptFactory = () => ({
      run: (items, ctx) => {
        if (ctx.miniBatchId === 0) ctx.spend(40); // the first mini-batch finishes last
        return items.map((i) => i.id);
      },
    });
    const result = await simulateParallelRun({
      dataset: tabular(rows(40)),
      config: config({ process_count_per_node: 4 }),
      entryScript: script,
    });
    const zero = result.miniBatches[0]?.attempts[0];
    const three = result.miniBatches[3]?.attempts[0];
    expect(zero!.end).toBeGreaterThan(three!.end);
    expect(outputOf(result)?.lines).toEqual(rows(40).map((r) => r.id));
  });

  it('summary_only produces no output file, only counts', async () => {
    const result = await simulateParallelRun({
      dataset: files(rows(25)),
      config: config({ output_action: 'summary_only', mini_batch_size: 10 }),
      entryScript: echo,
    });
    expect(result.output).toBeNull();
    expect(result.counts).toEqual({
      items: 25, itemsSucceeded: 25, itemsFailed: 0, itemsNotRun: 0,
      miniBatches: 3, miniBatchesSucceeded: 3, miniBatchesFailed: 0, miniBatchesNotRun: 0,
    });
  });
});

describe('simulateParallelRun: time and cost', () => {
  const slowish: EntryScriptFactory = () => ({ run: (items) => items });
  const dataset = tabular(rows(2000));

  it('includes node start-up in the duration', async () => {
    const result = await simulateParallelRun({ dataset, config: config(), entryScript: slowish });
    const firstReady = Math.min(...result.nodes.map((n) => n.readyAt ?? Infinity));
    expect(firstReady).toBeGreaterThan(0);
    expect(result.durationSeconds).toBeGreaterThan(firstReady);
    const firstStart = Math.min(...result.miniBatches.map((b) => b.attempts[0]?.start ?? Infinity));
    expect(firstStart).toBeGreaterThanOrEqual(firstReady);
  });

  it('finishes the same work sooner with more processes', async () => {
    const one = await simulateParallelRun({ dataset, config: config({ process_count_per_node: 1 }), entryScript: slowish, seed: 3 });
    const four = await simulateParallelRun({ dataset, config: config({ process_count_per_node: 4 }), entryScript: slowish, seed: 3 });
    expect(four.durationSeconds).toBeLessThan(one.durationSeconds);
  });

  it('makes tiny mini-batches pay the per-call overhead many times', async () => {
    const tiny = await simulateParallelRun({ dataset, config: config({ mini_batch_size: 100, process_count_per_node: 1 }), entryScript: slowish, seed: 3 });
    const big = await simulateParallelRun({ dataset, config: config({ mini_batch_size: '64KB', process_count_per_node: 1 }), entryScript: slowish, seed: 3 });
    expect(tiny.counts.miniBatches).toBeGreaterThan(big.counts.miniBatches);
    expect(tiny.durationSeconds).toBeGreaterThan(big.durationSeconds);
  });

  it('prices node-seconds (start-up included) at the VM price; low priority is cheaper', async () => {
    const dedicated = await simulateParallelRun({ dataset, config: config({ node_count: 2 }), entryScript: slowish, seed: 3 });
    const expected = (2 * dedicated.durationSeconds * VM_SIZES.Standard_DS3_v2!.pricePerHourDedicated) / 3600;
    expect(dedicated.costUsd).toBeCloseTo(expected, 10);
    const low = await simulateParallelRun({ dataset, config: config({ node_count: 2 }), entryScript: slowish, seed: 3, compute: { priority: 'lowpriority' } });
    expect(low.costUsd).toBeLessThan(dedicated.costUsd);
  });
});

describe('simulateParallelRun: determinism', () => {
  const flaky: EntryScriptFactory = () => ({ run: (items, ctx) => (ctx.spend(items.length * 0.5), items.map((i) => i.id)) });
  const options = {
    dataset: tabular(rows(300)),
    config: config({ node_count: 3, error_threshold: -1 }),
    entryScript: flaky,
    compute: { priority: 'lowpriority' as const },
    faults: { exceptionRate: 0.2, preemption: { ratePerNodeHour: 30 } },
  };

  it('gives a deep-equal result for the same inputs and seed', async () => {
    const a = await simulateParallelRun({ ...options, seed: 42 });
    const b = await simulateParallelRun({ ...options, seed: 42 });
    expect(b).toEqual(a);
  });

  it('draws different faults for a different seed', async () => {
    const a = await simulateParallelRun({ ...options, seed: 42 });
    const b = await simulateParallelRun({ ...options, seed: 43 });
    expect(b.miniBatches).not.toEqual(a.miniBatches);
  });
});

// Low-priority nodes can be preempted: in-flight mini-batches go back to the
// queue, nothing is lost, and a replacement node joins after start-up.
import { describe, expect, it } from 'vitest';
import { simulateParallelRun } from '@/engine/parallel-run/index';
import type { EntryScriptFactory } from '@/engine/types';
import { config, outputOf, rows, tabular } from './helpers';

// Each mini-batch takes a little over 20 virtual seconds, so at 300 s (nodes
// are ready at about 240 s, init takes 5 s) both processes are mid-call.
const steady: EntryScriptFactory = () => ({ run: (items, ctx) => (ctx.spend(20), items.map((i) => i.id)) });
const options = { dataset: tabular(rows(100)), entryScript: steady, seed: 11 };

describe('low-priority preemption', () => {
  it('re-queues in-flight mini-batches, loses nothing and brings in a replacement node', async () => {
    const result = await simulateParallelRun({
      ...options,
      config: config({ node_count: 1, process_count_per_node: 2 }),
      compute: { priority: 'lowpriority' },
      faults: { preemption: { at: [{ node: 0, time: 300 }] } },
    });
    expect(result.status).toBe('Completed');
    expect(result.preemptions).toBe(1);
    expect(result.counts.itemsSucceeded).toBe(100);
    expect(outputOf(result)?.lines).toHaveLength(100);
    const preempted = result.miniBatches.filter((b) => b.attempts.some((a) => a.outcome === 'preempted'));
    expect(preempted).toHaveLength(2);
    for (const batch of preempted) {
      const [first, second] = batch.attempts;
      expect(first).toMatchObject({ node: 0, outcome: 'preempted', end: 300 });
      expect(second).toMatchObject({ node: 1, outcome: 'succeeded' });
    }
    expect(result.nodes[0]).toMatchObject({ preempted: true, endedAt: 300, replacedBy: 1 });
    expect(result.nodes[1]?.requestedAt).toBe(300);
    expect(result.nodes[1]?.readyAt).toBeGreaterThan(300);
  });

  it('does not use up a run_max_try try: a preempted batch still runs with run_max_try = 1', async () => {
    const result = await simulateParallelRun({
      ...options,
      config: config({ node_count: 1, run_max_try: 1 }),
      compute: { priority: 'lowpriority' },
      faults: { preemption: { at: [{ node: 0, time: 300 }] } },
    });
    expect(result.counts.itemsSucceeded).toBe(100);
    const retried = result.miniBatches.filter((b) => b.attempts.length === 2);
    expect(retried.length).toBeGreaterThan(0);
    for (const b of retried) expect(b.attempts.map((a) => a.outcome)).toEqual(['preempted', 'succeeded']);
  });

  it('bills the preempted node until preemption and the replacement from its request', async () => {
    const result = await simulateParallelRun({
      ...options,
      config: config({ node_count: 1 }),
      compute: { priority: 'lowpriority' },
      faults: { preemption: { at: [{ node: 0, time: 300 }] } },
    });
    const nodeSeconds = result.nodes.reduce((sum, n) => sum + (n.endedAt - n.requestedAt), 0);
    expect(nodeSeconds).toBeCloseTo(result.durationSeconds, 9); // 300 s + (end − 300 s)
    expect(result.costUsd).toBeCloseTo((nodeSeconds * result.settings.pricePerHour) / 3600, 12);
  });

  it('never preempts dedicated nodes', async () => {
    const result = await simulateParallelRun({
      ...options,
      config: config({ node_count: 1 }),
      faults: { preemption: { at: [{ node: 0, time: 300 }], ratePerNodeHour: 100 } },
    });
    expect(result.preemptions).toBe(0);
    expect(result.nodes).toHaveLength(1);
  });

  it('preempts at seeded times with a rate, up to the configured maximum', async () => {
    const result = await simulateParallelRun({
      ...options,
      config: config({ node_count: 2 }),
      compute: { priority: 'lowpriority' },
      faults: { preemption: { ratePerNodeHour: 600, max: 3 } },
    });
    expect(result.preemptions).toBe(3);
    expect(result.nodes.filter((n) => n.preempted)).toHaveLength(3);
    expect(result.counts.itemsSucceeded).toBe(100);
    expect(result.logs['logs/sys/master_role.txt']).toMatch(/node-0 was preempted|node-1 was preempted/);
  });
});

// What goes wrong inside run(): exceptions and retries, timeouts, short
// returns, running out of memory, and the thresholds that abort a job.
import { describe, expect, it } from 'vitest';
import { simulateParallelRun } from '@/engine/parallel-run/index';
import type { EntryScriptFactory } from '@/engine/types';
import { config, echo, outputOf, rows, tabular } from './helpers';

const outcomes = (attempts: { outcome: string }[] | undefined) => (attempts ?? []).map((a) => a.outcome);

/** run() throws for the listed mini-batches on every try. */
const throwsFor = (ids: number[]): EntryScriptFactory => () => ({
  run: (items, ctx) => {
    if (ids.includes(ctx.miniBatchId)) throw new Error(`bad batch ${ctx.miniBatchId}`);
    return items.map((i) => i.id);
  },
});

describe('exceptions and retries', () => {
  it('retries a throwing mini-batch until it has had run_max_try attempts, then fails its items', async () => {
    const result = await simulateParallelRun({ dataset: tabular(rows(30)), config: config({ run_max_try: 3 }), entryScript: throwsFor([1]) });
    const batch = result.miniBatches[1];
    expect(outcomes(batch?.attempts)).toEqual(['exception', 'exception', 'exception']);
    expect(batch?.attempts[0]?.error).toBe('Error: bad batch 1');
    expect(batch?.status).toBe('failed');
    expect(batch?.itemsFailed).toBe(10);
    expect(result.counts).toMatchObject({ itemsSucceeded: 20, itemsFailed: 10, miniBatchesFailed: 1, miniBatchesSucceeded: 2 });
    expect(result.status).toBe('Completed'); // error_threshold -1
  });

  it('makes a single attempt when run_max_try is 1', async () => {
    const result = await simulateParallelRun({ dataset: tabular(rows(30)), config: config({ run_max_try: 1 }), entryScript: throwsFor([2]) });
    expect(outcomes(result.miniBatches[2]?.attempts)).toEqual(['exception']);
  });

  it('succeeds on a later try, and ctx.attempt numbers the tries', async () => {
    const seen: number[] = [];
    const script: EntryScriptFactory = () => ({
      run: (items, ctx) => {
        if (ctx.miniBatchId === 0) seen.push(ctx.attempt);
        if (ctx.miniBatchId === 0 && ctx.attempt < 3) throw new Error('transient');
        return items;
      },
    });
    const result = await simulateParallelRun({ dataset: tabular(rows(20)), config: config(), entryScript: script });
    expect(seen).toEqual([1, 2, 3]);
    expect(outcomes(result.miniBatches[0]?.attempts)).toEqual(['exception', 'exception', 'succeeded']);
    expect(result.miniBatches[0]?.status).toBe('succeeded');
  });

  it('treats a non-list return value as a failed attempt', async () => {
    const script: EntryScriptFactory = () => ({ run: () => 'done' as never });
    const result = await simulateParallelRun({ dataset: tabular(rows(10)), config: config({ run_max_try: 2 }), entryScript: script });
    expect(outcomes(result.miniBatches[0]?.attempts)).toEqual(['exception', 'exception']);
    expect(result.miniBatches[0]?.attempts[0]?.error).toMatch(/returned string/);
  });

  it('injects seeded exceptions and explicit failing mini-batches through faults', async () => {
    const result = await simulateParallelRun({
      dataset: tabular(rows(50)),
      config: config({ run_max_try: 2 }),
      entryScript: echo,
      faults: { failingMiniBatches: [{ id: 4 }, { id: 2, attempts: 1 }] },
    });
    expect(outcomes(result.miniBatches[4]?.attempts)).toEqual(['exception', 'exception']);
    expect(outcomes(result.miniBatches[2]?.attempts)).toEqual(['exception', 'succeeded']);
    const everyTime = await simulateParallelRun({ dataset: tabular(rows(50)), config: config(), entryScript: echo, faults: { exceptionRate: 1 } });
    expect(everyTime.counts.itemsSucceeded).toBe(0);
    const never = await simulateParallelRun({ dataset: tabular(rows(50)), config: config(), entryScript: echo, faults: { exceptionRate: 0 } });
    expect(never.counts.itemsFailed).toBe(0);
  });
});

describe('run_invocation_timeout', () => {
  const spending = (seconds: number): EntryScriptFactory => () => ({
    run: (items, ctx) => {
      ctx.spend(seconds);
      return items;
    },
  });

  it('fails an attempt whose virtual time (base cost + spend) goes over the timeout, and retries it', async () => {
    const result = await simulateParallelRun({
      dataset: tabular(rows(10)),
      config: config({ run_invocation_timeout: 5, run_max_try: 2 }),
      entryScript: spending(6),
    });
    const attempts = result.miniBatches[0]?.attempts ?? [];
    expect(outcomes(attempts)).toEqual(['timeout', 'timeout']);
    for (const a of attempts) expect(a.end - a.start).toBeCloseTo(5, 9);
    expect(attempts[0]?.error).toMatch(/run_invocation_timeout = 5/);
    expect(result.miniBatches[0]?.status).toBe('failed');
    expect(outputOf(result)?.lines).toEqual([]); // whatever a timed-out call returned is discarded
  });

  it('lets a call that stays within the timeout succeed', async () => {
    const result = await simulateParallelRun({ dataset: tabular(rows(10)), config: config({ run_invocation_timeout: 5 }), entryScript: spending(4) });
    expect(outcomes(result.miniBatches[0]?.attempts)).toEqual(['succeeded']);
  });

  it('draws the line exactly at the timeout: equal is fine, a millisecond more is a timeout', async () => {
    // Make the base cost exactly 1 s so the spend decides.
    const compute = { model: { runCallSeconds: 1, itemSeconds: 0, megabyteSeconds: 0 } };
    const run = (spend: number) =>
      simulateParallelRun({ dataset: tabular(rows(10)), config: config({ run_invocation_timeout: 5 }), entryScript: spending(spend), compute });
    expect(outcomes((await run(4)).miniBatches[0]?.attempts)).toEqual(['succeeded']);
    expect(outcomes((await run(4.001)).miniBatches[0]?.attempts)).toEqual(['timeout', 'timeout', 'timeout']);
  });

  it('turns slow items (a fault preset) into timeouts', async () => {
    const result = await simulateParallelRun({
      dataset: tabular(rows(30)),
      config: config({ run_invocation_timeout: 10, run_max_try: 1 }),
      entryScript: echo,
      faults: { slowItems: { ids: ['r15'], seconds: 20 } },
    });
    expect(result.miniBatches.map((b) => b.status)).toEqual(['succeeded', 'failed', 'succeeded']);
    expect(outcomes(result.miniBatches[1]?.attempts)).toEqual(['timeout']);
  });
});

describe('short returns', () => {
  it('counts the gap as failed items and the mini-batch as failed, without a retry', async () => {
    const script: EntryScriptFactory = () => ({ run: (items) => items.slice(0, items.length - 2).map((i) => i.id) });
    const result = await simulateParallelRun({ dataset: tabular(rows(20)), config: config(), entryScript: script });
    for (const batch of result.miniBatches) {
      expect(batch.status).toBe('failed');
      expect(outcomes(batch.attempts)).toEqual(['succeeded']);
      expect(batch.itemsSucceeded).toBe(8);
      expect(batch.itemsFailed).toBe(2);
    }
    expect(result.counts).toMatchObject({ itemsSucceeded: 16, itemsFailed: 4, miniBatchesFailed: 2 });
    expect(outputOf(result)?.lines).toHaveLength(16);
  });
});

describe('out of memory', () => {
  // Standard_DS3_v2: 14 GiB shared by 4 processes = 3.5 GiB each. A 500 MB
  // mini-batch expands (× 10 by default) to about 5 GB: too much for 4
  // processes, fine for 1.
  const big = tabular(rows(80, 50 * 1024 * 1024)); // 8 mini-batches of 500 MB
  const cfg = (processes: number) => config({ mini_batch_size: '500MB', process_count_per_node: processes, run_max_try: 2 });

  it('fails the attempt, restarts the process (init() runs again) and retries the mini-batch', async () => {
    let inits = 0;
    const script: EntryScriptFactory = () => ({ init: () => void inits++, run: (items) => items });
    const result = await simulateParallelRun({ dataset: big, config: cfg(4), entryScript: script });
    expect(result.miniBatches.map((b) => outcomes(b.attempts))).toEqual(Array(8).fill(['oom', 'oom']));
    expect(result.miniBatches[0]?.attempts[0]?.error).toMatch(/out of memory/);
    expect(inits).toBeGreaterThan(4); // the four first inits plus restarts
    expect(result.counts.itemsFailed).toBe(80);
  });

  it('fits when fewer processes share the node memory', async () => {
    const result = await simulateParallelRun({ dataset: big, config: cfg(1), entryScript: echo });
    expect(result.counts.itemsSucceeded).toBe(80);
  });

  it('keeps a restarted process busy with its restart before it takes new work', async () => {
    const result = await simulateParallelRun({ dataset: big, config: cfg(4), entryScript: echo });
    const byProcess = new Map<number, { start: number; end: number; outcome: string }[]>();
    for (const b of result.miniBatches) for (const a of b.attempts) byProcess.set(a.process, [...(byProcess.get(a.process) ?? []), a]);
    let checked = 0;
    for (const list of byProcess.values()) {
      list.sort((x, y) => x.start - y.start);
      for (let i = 1; i < list.length; i++) {
        // restart (15 s) plus a fresh init() (5 s) before the next attempt
        expect(list[i]!.start - list[i - 1]!.end).toBeGreaterThanOrEqual(20);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('thresholds during a run', () => {
  const dataset = tabular(rows(100)); // 10 mini-batches of 10 rows

  it('error_threshold: aborts only when failed items go above it', async () => {
    const at = await simulateParallelRun({ dataset, config: config({ error_threshold: 10 }), entryScript: throwsFor([0]) });
    expect(at.status).toBe('Completed');
    const above = await simulateParallelRun({ dataset, config: config({ error_threshold: 9 }), entryScript: throwsFor([0]) });
    expect(above.status).toBe('Failed');
    expect(above.failure).toEqual({ kind: 'threshold', thresholds: ['error_threshold'] });
    expect(above.failureReason).toMatch(/error_threshold.*10 failed items.*9/);
  });

  it('error_threshold -1 ignores every failure', async () => {
    const result = await simulateParallelRun({ dataset, config: config({ error_threshold: -1 }), entryScript: throwsFor([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]) });
    expect(result.status).toBe('Completed');
    expect(result.counts.itemsFailed).toBe(100);
  });

  it('marks mini-batches that never started as not_run after an abort', async () => {
    const result = await simulateParallelRun({
      dataset,
      config: config({ error_threshold: 0, process_count_per_node: 1, run_max_try: 1 }),
      entryScript: throwsFor([0]),
    });
    expect(result.status).toBe('Failed');
    expect(result.miniBatches.map((b) => b.status)).toEqual(['failed', ...Array(9).fill('not_run')]);
    expect(result.counts).toMatchObject({ itemsFailed: 10, itemsNotRun: 90, miniBatchesNotRun: 9 });
    expect(result.miniBatches[5]?.attempts).toEqual([]);
  });

  it('allowed_failed_count: counts failed mini-batches, above the limit; -1 or unset ignores', async () => {
    const run = (allowed?: number) =>
      simulateParallelRun({ dataset, config: config({ allowed_failed_count: allowed, run_max_try: 1 }), entryScript: throwsFor([1, 3]) });
    expect((await run(2)).status).toBe('Completed');
    expect((await run(-1)).status).toBe('Completed');
    expect((await run(undefined)).status).toBe('Completed');
    const failed = await run(1);
    expect(failed.status).toBe('Failed');
    expect(failed.failure).toEqual({ kind: 'threshold', thresholds: ['allowed_failed_count'] });
    expect(failed.failureReason).toMatch(/allowed_failed_count.*2 failed mini-batches.*1/);
  });

  it('allowed_failed_percent is only checked once every mini-batch has been scheduled', async () => {
    const options = { dataset, entryScript: throwsFor([0, 1]) };
    const sequential = { process_count_per_node: 1, run_max_try: 1 };
    // By count, the job stops right after the second failure...
    const byCount = await simulateParallelRun({ ...options, config: config({ ...sequential, allowed_failed_count: 1 }) });
    expect(byCount.counts.miniBatchesNotRun).toBe(8);
    // ...by percent (2 of 10 = 20 % > 10 %) it stops only when the last mini-batch is handed out.
    const byPercent = await simulateParallelRun({ ...options, config: config({ ...sequential, allowed_failed_percent: 10 }) });
    expect(byPercent.status).toBe('Failed');
    expect(byPercent.failure).toEqual({ kind: 'threshold', thresholds: ['allowed_failed_percent'] });
    expect(byPercent.failureReason).toMatch(/2 of 10 mini-batches failed \(20 %\).*10 %/);
    expect(byPercent.miniBatches.map((b) => b.status)).toEqual(['failed', 'failed', ...Array(7).fill('succeeded'), 'not_run']);
    const within = await simulateParallelRun({ ...options, config: config({ ...sequential, allowed_failed_percent: 20 }) });
    expect(within.status).toBe('Completed');
  });

  it('names every threshold exceeded at the same moment', async () => {
    const result = await simulateParallelRun({
      dataset,
      config: config({ error_threshold: 5, allowed_failed_count: 0, process_count_per_node: 1, run_max_try: 1 }),
      entryScript: throwsFor([0]),
    });
    expect(result.failure).toEqual({ kind: 'threshold', thresholds: ['error_threshold', 'allowed_failed_count'] });
  });
});

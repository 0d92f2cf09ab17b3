// Properties of simulateParallelRun over random datasets, configs and fault
// patterns. Datasets stay small so each run takes milliseconds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { miniBatchItemIds, simulateParallelRun, type FaultPlan, type ParallelRunSimulation } from '@/engine/parallel-run/index';
import { outputOf } from './helpers';
import type { DataItem, Dataset, EntryScriptFactory, ParallelRunConfig } from '@/engine/types';

interface Scenario {
  dataset: Dataset;
  config: ParallelRunConfig;
  faults: FaultPlan;
  lowPriority: boolean;
  /** Items whose value is in this set are left out of run()'s return (short return). */
  dropped: number[];
  /** Mini-batches whose first `throwsUntil` tries throw from inside run(). */
  throwing: number[];
  throwsUntil: number;
  spendPerItem: number;
  seed: number;
}

const itemsArb = fc
  .array(fc.record({ bytes: fc.integer({ min: 1, max: 400 }), source: fc.constantFrom('a', 'b', undefined) }), { maxLength: 50 })
  .map((specs): DataItem[] =>
    specs.map((s, i) => ({ id: `i${i}`, bytes: s.bytes, value: i, ...(s.source ? { source: s.source } : {}) })),
  );

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    kind: fc.constantFrom<'tabular' | 'file'>('tabular', 'file'),
    items: itemsArb,
    filesPerBatch: fc.integer({ min: 1, max: 8 }),
    bytesPerBatch: fc.integer({ min: 50, max: 2000 }),
    error_threshold: fc.integer({ min: -1, max: 30 }),
    output_action: fc.constantFrom<'append_row' | 'summary_only'>('append_row', 'summary_only'),
    node_count: fc.integer({ min: 1, max: 3 }),
    process_count_per_node: fc.integer({ min: 1, max: 3 }),
    allowed_failed_count: fc.option(fc.integer({ min: -1, max: 5 }), { nil: undefined }),
    allowed_failed_percent: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
    run_invocation_timeout: fc.integer({ min: 2, max: 60 }),
    run_max_try: fc.integer({ min: 1, max: 4 }),
    exceptionRate: fc.constantFrom(0, 0, 0.1, 0.4),
    failing: fc.array(fc.integer({ min: 0, max: 15 }), { maxLength: 3 }),
    slowRate: fc.constantFrom(0, 0, 0.1),
    initFailureRate: fc.constantFrom(0, 0, 0, 0.3, 0.9),
    lowPriority: fc.boolean(),
    preemptRate: fc.constantFrom(0, 30, 300),
    dropped: fc.array(fc.integer({ min: 0, max: 49 }), { maxLength: 5 }),
    throwing: fc.array(fc.integer({ min: 0, max: 15 }), { maxLength: 3 }),
    throwsUntil: fc.integer({ min: 1, max: 5 }),
    spendPerItem: fc.constantFrom(0, 0.5, 2),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  })
  .map((r) => ({
    dataset: { kind: r.kind, items: r.items },
    config: {
      mini_batch_size: r.kind === 'file' ? r.filesPerBatch : r.bytesPerBatch,
      error_threshold: r.error_threshold,
      output_action: r.output_action,
      node_count: r.node_count,
      process_count_per_node: r.process_count_per_node,
      allowed_failed_count: r.allowed_failed_count,
      allowed_failed_percent: r.allowed_failed_percent,
      run_invocation_timeout: r.run_invocation_timeout,
      run_max_try: r.run_max_try,
    },
    faults: {
      exceptionRate: r.exceptionRate,
      failingMiniBatches: r.failing.map((id) => ({ id })),
      slowItems: { rate: r.slowRate, seconds: 30 },
      initFailure: { rate: r.initFailureRate },
      preemption: { ratePerNodeHour: r.preemptRate, max: 5 },
    },
    lowPriority: r.lowPriority,
    dropped: r.dropped,
    throwing: r.throwing,
    throwsUntil: r.throwsUntil,
    spendPerItem: r.spendPerItem,
    seed: r.seed,
  }));

function scriptFor(s: Scenario, seenAttempts: number[]): EntryScriptFactory {
  const dropped = new Set(s.dropped);
  return () => ({
    run: (items, ctx) => {
      seenAttempts.push(ctx.attempt);
      ctx.spend(items.length * s.spendPerItem);
      if (s.throwing.includes(ctx.miniBatchId) && ctx.attempt <= s.throwsUntil) throw new Error('scripted failure');
      return items.filter((item) => !dropped.has(item.value as number)).map((item) => ({ id: item.id }));
    },
  });
}

async function simulate(s: Scenario, seenAttempts: number[] = []): Promise<ParallelRunSimulation> {
  return simulateParallelRun({
    dataset: s.dataset,
    config: s.config,
    entryScript: scriptFor(s, seenAttempts),
    compute: { priority: s.lowPriority ? 'lowpriority' : 'dedicated' },
    faults: s.faults,
    seed: s.seed,
  });
}

/** Thresholds exceeded by a result's final counts, recomputed from the config alone. */
function thresholdsExceeded(result: ParallelRunSimulation, config: ParallelRunConfig): string[] {
  const { itemsFailed, miniBatchesFailed, miniBatches } = result.counts;
  const out: string[] = [];
  if (config.error_threshold !== -1 && itemsFailed > config.error_threshold) out.push('error_threshold');
  const count = config.allowed_failed_count;
  if (count !== undefined && count !== -1 && miniBatchesFailed > count) out.push('allowed_failed_count');
  const percent = config.allowed_failed_percent;
  if (percent !== undefined && miniBatches > 0 && (miniBatchesFailed / miniBatches) * 100 > percent) out.push('allowed_failed_percent');
  return out;
}

const RUNS = { numRuns: Number(process.env.PRS_PROPERTY_RUNS ?? 80) };

describe('simulateParallelRun properties', () => {
  it('accounts for every item exactly once, in input order', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (s) => {
        const result = await simulate(s);
        expect(result.miniBatches.flatMap((b) => miniBatchItemIds(s.dataset, b))).toEqual(s.dataset.items.map((i) => i.id));
        let succeeded = 0;
        let failed = 0;
        let notRun = 0;
        for (const b of result.miniBatches) {
          if (b.status === 'not_run') notRun += b.itemCount;
          else {
            expect(b.itemsSucceeded + b.itemsFailed).toBe(b.itemCount);
            succeeded += b.itemsSucceeded;
            failed += b.itemsFailed;
          }
        }
        expect(result.counts).toMatchObject({ items: s.dataset.items.length, itemsSucceeded: succeeded, itemsFailed: failed, itemsNotRun: notRun });
        expect(succeeded + failed + notRun).toBe(s.dataset.items.length);
      }),
      RUNS,
    );
  });

  it('writes one output line per succeeded item with append_row, and no file with summary_only', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (s) => {
        const result = await simulate(s);
        if (s.config.output_action === 'summary_only') expect(result.output).toBeNull();
        else expect(outputOf(result)?.lines).toHaveLength(result.counts.itemsSucceeded);
      }),
      RUNS,
    );
  });

  it('never overlaps two attempts on one process, and keeps attempts within run_max_try', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (s) => {
        const seen: number[] = [];
        const result = await simulate(s);
        const byProcess = new Map<string, { start: number; end: number }[]>();
        for (const b of result.miniBatches) {
          const counted = b.attempts.filter((a) => a.outcome !== 'preempted');
          expect(counted.length).toBeLessThanOrEqual(s.config.run_max_try ?? 3);
          if (b.status === 'failed' && b.attempts.at(-1)?.outcome !== 'succeeded') expect(counted).toHaveLength(s.config.run_max_try ?? 3);
          if (b.status === 'succeeded') expect(b.attempts.at(-1)?.outcome).toBe('succeeded');
          if (!s.lowPriority) expect(b.attempts.some((a) => a.outcome === 'preempted')).toBe(false);
          for (const a of b.attempts) {
            expect(a.end).toBeGreaterThanOrEqual(a.start);
            const key = `${a.node}/${a.process}`;
            byProcess.set(key, [...(byProcess.get(key) ?? []), a]);
          }
        }
        for (const list of byProcess.values()) {
          list.sort((x, y) => x.start - y.start);
          for (let i = 1; i < list.length; i++) expect(list[i]!.start).toBeGreaterThanOrEqual(list[i - 1]!.end);
        }
        await simulate(s, seen);
        for (const attempt of seen) expect(attempt).toBeLessThanOrEqual(s.config.run_max_try ?? 3);
      }),
      RUNS,
    );
  });

  it('fails exactly when a threshold is exceeded or an init() rule stops the job', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (s) => {
        const result = await simulate(s);
        const exceeded = thresholdsExceeded(result, s.config);
        if (result.status === 'Completed') {
          expect(result.failure).toBeUndefined();
          expect(exceeded).toEqual([]);
          expect(result.counts.itemsNotRun).toBe(0);
        } else if (result.failure?.kind === 'threshold') {
          expect(result.failure.thresholds.length).toBeGreaterThan(0);
          for (const name of result.failure.thresholds) expect(exceeded).toContain(name);
          expect(result.failureReason).toMatch(result.failure.thresholds[0] as string);
        } else {
          expect(result.failure?.kind).toBe('system');
          expect(s.faults.initFailure?.rate).toBeGreaterThan(0); // no init faults, no system failure
        }
      }),
      RUNS,
    );
  });

  it('gives a deep-equal result for the same inputs and seed', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (s) => {
        expect(await simulate(s)).toEqual(await simulate(s));
      }),
      { numRuns: 50 },
    );
  });
});

describe('scenario generator', () => {
  it('reaches every kind of ending, so the properties above are not vacuous', async () => {
    const seen = new Set<string>();
    for (const s of fc.sample(scenarioArb, { numRuns: 200, seed: 20240601 })) {
      const result = await simulate(s);
      seen.add(result.failure ? `${result.failure.kind}` : 'completed');
      if (result.preemptions > 0) seen.add('preempted');
      if (result.miniBatches.some((b) => b.attempts.some((a) => a.outcome === 'timeout'))) seen.add('timeout');
      if (result.miniBatches.some((b) => b.status === 'failed' && b.attempts.at(-1)?.outcome === 'succeeded')) seen.add('short return');
    }
    expect([...seen].sort()).toEqual(['completed', 'preempted', 'short return', 'system', 'threshold', 'timeout']);
  });
});

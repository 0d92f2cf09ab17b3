// For random configs (in each dialect's own shape) and random faults, every
// input item is accounted for exactly once, in every dialect.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIALECTS, miniBatchItemIds, simulateDialectJob, type DialectSimulation } from '@/engine/index';
import type { EntryScriptFactory } from '@/engine/types';
import { scenarioArb, type DialectScenario } from './arbitraries';

const RUNS = { numRuns: Number(process.env.DIALECT_PROPERTY_RUNS ?? 60) };

function scriptFor(s: DialectScenario): EntryScriptFactory {
  const dropped = new Set(s.dropped);
  return () => ({ run: (items) => items.filter((item) => !dropped.has(item.value as number)).map((item) => ({ id: item.id })) });
}

const simulate = (s: DialectScenario): Promise<DialectSimulation> =>
  simulateDialectJob({
    dialect: s.dialect,
    config: s.config,
    dataset: s.dataset,
    entryScript: scriptFor(s),
    compute: { priority: s.lowPriority ? 'lowpriority' : 'dedicated' },
    faults: s.faults,
    existingOutputs: s.existingOutputs,
    seed: s.seed,
  });

describe.each(DIALECTS)('%s: every item accounted for exactly once', (dialect) => {
  it('in input order, each in one mini-batch, each succeeded, failed or not run', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb(dialect), async (s) => {
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
      }),
      RUNS,
    );
  });

  it('gives a deep-equal result for the same inputs and seed', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb(dialect), async (s) => {
        expect(await simulate(s)).toEqual(await simulate(s));
      }),
      { numRuns: 20 },
    );
  });
});

describe('rules that hold only in some dialects', () => {
  it('a batch deployment fails no mini-batch whose run() returned, whatever it returned', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb('v2-batch-deployment'), async (s) => {
        const result = await simulate(s);
        for (const b of result.miniBatches) if (b.attempts.at(-1)?.outcome === 'succeeded') expect(b.status).toBe('succeeded');
      }),
      RUNS,
    );
  });

  it('only a batch deployment fails for an output file that is already there', async () => {
    for (const dialect of DIALECTS) {
      await fc.assert(
        fc.asyncProperty(scenarioArb(dialect), async (s) => {
          const result = await simulate(s);
          if (result.failure?.kind === 'system' && result.failure.rule === 'output_exists') {
            expect(dialect).toBe('v2-batch-deployment');
            expect(s.existingOutputs).toContain(result.output?.fileName);
          }
        }),
        { numRuns: 30 },
      );
    }
  });
});

describe('scenario generator', () => {
  it('reaches every kind of ending in every dialect, so the properties above are not vacuous', async () => {
    for (const dialect of DIALECTS) {
      const seen = new Set<string>();
      for (const s of fc.sample(scenarioArb(dialect), { numRuns: 150, seed: 20261207 })) {
        const result = await simulate(s);
        seen.add(result.failure ? (result.failure.kind === 'system' ? result.failure.rule : 'threshold') : 'completed');
        if (result.miniBatches.some((b) => b.attempts.some((a) => a.outcome === 'timeout'))) seen.add('timeout');
      }
      expect(seen, dialect).toContain('completed');
      expect(seen, dialect).toContain('threshold');
      expect(seen, dialect).toContain('timeout');
      if (dialect === 'v2-batch-deployment') expect(seen).toContain('output_exists');
    }
  });
});

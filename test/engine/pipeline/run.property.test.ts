// Properties of runPipeline over small random DAGs of stand-in python steps,
// spread over clusters of different sizes (one with a single node, so steps
// queue), with random failures and both failure modes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorkspace, runPipeline, type PipelineRun, type PipelineStep, type Workspace } from '@/engine/index';
import { pipelineOf, py } from './helpers';

const FINAL = ['Completed', 'Failed', 'Canceled', 'Reused'];
const CLUSTERS = ['cpu-cluster', 'gpu-cluster', 'tiny'];

interface Case {
  steps: PipelineStep[];
  deps: Map<string, string[]>;
  seed: number;
  continueOnFailure: boolean;
}

const randomCase: fc.Arbitrary<Case> = fc
  .integer({ min: 1, max: 7 })
  .chain((n) =>
    fc.record({
      deps: fc.tuple(...Array.from({ length: n }, (_, i) => fc.subarray(Array.from({ length: i }, (__, j) => j)))),
      seconds: fc.array(fc.integer({ min: 0, max: 900 }), { minLength: n, maxLength: n }),
      compute: fc.array(fc.constantFrom(...CLUSTERS), { minLength: n, maxLength: n }),
      fails: fc.array(fc.integer({ min: 0, max: 5 }).map((x) => x === 0), { minLength: n, maxLength: n }),
      order: fc.shuffledSubarray(Array.from({ length: n }, (_, i) => i), { minLength: n, maxLength: n }),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      continueOnFailure: fc.boolean(),
    }),
  )
  .map((r) => {
    const name = (i: number) => `step-${i}`;
    const deps = new Map<string, string[]>();
    const built = r.deps.map((ds, i) => {
      deps.set(name(i), ds.map(name));
      return py(name(i), ds.map((d) => `out-${d}`), [`out-${i}`], {
        seconds: r.seconds[i]!,
        compute: r.compute[i]!,
        ...(r.fails[i] && { fail: `step ${i} failed` }),
      });
    });
    // Declaration order is shuffled: the scheduler must not depend on it.
    return { steps: r.order.map((i) => built[i]!), deps, seed: r.seed, continueOnFailure: r.continueOnFailure };
  });

function workspace(): Workspace {
  return createWorkspace({ sampleRows: 2, computes: [{ name: 'tiny', vm_size: 'Standard_DS3_v2', max_nodes: 1 }] });
}

function run(c: Case): Promise<PipelineRun> {
  return runPipeline(workspace(), pipelineOf(c.steps), { seed: c.seed, continue_on_step_failure: c.continueOnFailure });
}

describe('runPipeline properties', () => {
  it('a step never starts before every step it depends on has ended', async () => {
    await fc.assert(
      fc.asyncProperty(randomCase, async (c) => {
        const result = await run(c);
        const byName = new Map(result.steps.map((s) => [s.name, s]));
        for (const s of result.steps) {
          for (const dep of c.deps.get(s.name)!) expect(s.start).toBeGreaterThanOrEqual(byName.get(dep)!.end);
          const running = s.history.find((h) => h.status === 'Running');
          if (running) expect(running.at).toBeGreaterThanOrEqual(s.start);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('every step ends in exactly one final status, reached last, with time moving forward', async () => {
    await fc.assert(
      fc.asyncProperty(randomCase, async (c) => {
        const result = await run(c);
        expect(result.steps).toHaveLength(c.steps.length);
        const failed = result.steps.some((s) => s.status === 'Failed');
        for (const s of result.steps) {
          const finals = s.history.filter((h) => FINAL.includes(h.status));
          expect(finals).toHaveLength(1);
          expect(s.history.at(-1)!.status).toBe(s.status);
          expect(s.history[0]).toEqual({ status: 'NotStarted', at: 0 });
          s.history.forEach((h, i) => i > 0 && expect(h.at).toBeGreaterThanOrEqual(s.history[i - 1]!.at));
          expect(s.end).toBeGreaterThanOrEqual(s.start);
          if (!failed) expect(s.status).toBe('Completed');
        }
        expect(result.status).toBe(failed ? 'Failed' : 'Completed');
      }),
      { numRuns: 60 },
    );
  });

  it('the same seed gives a deep-equal run', async () => {
    await fc.assert(
      fc.asyncProperty(randomCase, async (c) => {
        expect(await run(c)).toEqual(await run(c));
      }),
      { numRuns: 30 },
    );
  });
});

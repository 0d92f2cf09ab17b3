// The compare worker's runner with the real engine, and the page-side client
// that talks to it: results, superseded sweeps, engine errors and a crash.
import { describe, expect, it } from 'vitest';
import { createCompareClient } from '@/app/_features/compare/worker/client';
import { createCompareRunner } from '@/app/_features/compare/worker/runner';
import type { CompareResponse } from '@/app/_features/compare/model/protocol';
import { compareBatchVsRealtime } from '@/engine/index';
import { inProcessWorker, type FakeWorker } from '../compare-fakes';

const OPTIONS = { rows: 1e5, rowsPerRequest: 1, vmSize: 'Standard_DS3_v2', nodeCount: 2, runsPerDay: 1, maxConcurrentRequestsPerInstance: 1 };
const later = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('compare runner', () => {
  it("answers with exactly the engine's comparison", async () => {
    const posted: CompareResponse[] = [];
    await createCompareRunner((r) => posted.push(r), later).handle({ id: 1, options: OPTIONS });
    expect(posted).toEqual([{ id: 1, type: 'compared', comparison: await compareBatchVsRealtime(OPTIONS) }]);
  });

  it('stops a sweep that a newer request overtakes, and finishes the newer one', async () => {
    const posted: CompareResponse[] = [];
    const runner = createCompareRunner((r) => posted.push(r), later);
    const first = runner.handle({ id: 1, options: OPTIONS });
    await later();
    const second = runner.handle({ id: 2, options: { ...OPTIONS, nodeCount: 4 } });
    await Promise.all([first, second]);
    expect(posted.map((r) => [r.id, r.type])).toEqual([
      [1, 'superseded'],
      [2, 'compared'],
    ]);
    const answer = posted[1]!;
    expect(answer.type === 'compared' && answer.comparison.current.batch.nodeCount).toBe(4);
  });

  it("passes the engine's validation message back as an error", async () => {
    const posted: CompareResponse[] = [];
    await createCompareRunner((r) => posted.push(r), later).handle({ id: 7, options: { ...OPTIONS, nodeCount: 0 } });
    expect(posted).toEqual([{ id: 7, type: 'error', message: expect.stringMatching(/node_count 0 is not allowed/) }]);
  });
});

describe('compare client', () => {
  it('starts the worker on the first sweep and pairs each answer with its request', async () => {
    const workers: FakeWorker[] = [];
    const client = createCompareClient(() => {
      workers.push(inProcessWorker());
      return workers.at(-1)!;
    });
    expect(workers).toHaveLength(0);
    const older = client.compare(OPTIONS);
    const newer = client.compare({ ...OPTIONS, rows: 3e5 });
    expect(await older).toEqual({ type: 'superseded' });
    const outcome = await newer;
    expect(outcome.type === 'compared' && outcome.comparison.current.rowsPerDay).toBe(3e5);
    expect(workers).toHaveLength(1);
    expect(workers[0]!.posted.map((p) => p.id)).toEqual([1, 2]);
  });

  it('answers every pending sweep with an error when the worker crashes, then starts a new worker', async () => {
    const workers: FakeWorker[] = [];
    const client = createCompareClient(() => {
      workers.push(inProcessWorker());
      return workers.at(-1)!;
    });
    const pending = client.compare(OPTIONS);
    workers[0]!.crash('out of memory');
    expect(await pending).toEqual({ type: 'error', message: 'The comparison stopped unexpectedly: out of memory' });
    expect(workers[0]!.terminated).toBe(true);
    const retried = await client.compare(OPTIONS);
    expect(retried.type).toBe('compared');
    expect(workers).toHaveLength(2);
  });
});

// Scheduling in virtual time with stand-in python steps: parallel branches,
// cluster capacity, cancellation on failure and continue_on_step_failure.
import { describe, expect, it } from 'vitest';
import { createWorkspace, runPipeline, type PipelineRun } from '@/engine/index';
import { bareWorkspace, pipelineOf, py, statuses, step } from './helpers';

/** root → (left on cpu-cluster, right on gpu-cluster) → join. */
function diamond(options: { leftFails?: boolean; leftSeconds?: number; rightSeconds?: number } = {}) {
  return pipelineOf([
    py('root', [], ['seed'], { seconds: 30 }),
    py('left', ['seed'], ['l'], { seconds: options.leftSeconds ?? 120, ...(options.leftFails && { fail: 'ValueError: bad feature' }) }),
    py('right', ['seed'], ['r'], { seconds: options.rightSeconds ?? 600, compute: 'gpu-cluster' }),
    py('join', ['l', 'r'], [], { seconds: 30 }),
  ]);
}

const overlap = (run: PipelineRun, a: string, b: string) =>
  Math.min(step(run, a).end, step(run, b).end) - Math.max(step(run, a).start, step(run, b).start);

describe('parallel branches', () => {
  it('independent steps overlap in time, each on its own cluster, and the join waits for both', async () => {
    const run = await runPipeline(bareWorkspace(), diamond());
    expect(run.status).toBe('Completed');
    expect(step(run, 'left').start).toBe(step(run, 'root').end);
    expect(step(run, 'right').start).toBe(step(run, 'root').end);
    expect(overlap(run, 'left', 'right')).toBeGreaterThan(100);
    expect(step(run, 'left').compute).toBe('cpu-cluster');
    expect(step(run, 'right').compute).toBe('gpu-cluster');
    // left reuses root's warm node; right's cluster starts cold.
    expect(step(run, 'left').startupSeconds).toBe(0);
    expect(step(run, 'right').startupSeconds).toBeGreaterThan(0);
    expect(step(run, 'join').start).toBe(Math.max(step(run, 'left').end, step(run, 'right').end));
    expect(run.durationSeconds).toBe(step(run, 'join').end);
  });

  it('the run is shorter than the steps back to back', async () => {
    const run = await runPipeline(bareWorkspace(), diamond());
    const serial = run.steps.reduce((sum, s) => sum + (s.end - s.start), 0);
    expect(run.durationSeconds).toBeLessThan(serial);
  });

  it('steps that do not fit on a full cluster wait in Queued', async () => {
    const ws = createWorkspace({ sampleRows: 5, computes: [{ name: 'small', vm_size: 'Standard_DS3_v2', max_nodes: 2 }] });
    const run = await runPipeline(ws, pipelineOf([py('aaa', [], [], { seconds: 100 }), py('bbb', [], [], { seconds: 200 }), py('ccc', [], [], { seconds: 50 })], { default_compute: 'small' }));
    const waited = step(run, 'ccc');
    expect(step(run, 'aaa').start).toBe(0);
    expect(step(run, 'bbb').start).toBe(0);
    expect(waited.start).toBe(step(run, 'aaa').end);
    expect(waited.history.map((h) => h.status)).toEqual(['NotStarted', 'Queued', 'Running', 'Completed']);
    expect(waited.history[1]!.at).toBe(0);
    // It takes over aaa's node while still warm.
    expect(waited.startupSeconds).toBe(0);
  });
});

describe('failure', () => {
  it('a failed step stops the run: the running sibling and every later step are Canceled', async () => {
    const run = await runPipeline(bareWorkspace(), diamond({ leftFails: true }));
    expect(statuses(run)).toEqual({ root: 'Completed', left: 'Failed', right: 'Canceled', join: 'Canceled' });
    expect(run.status).toBe('Failed');
    expect(step(run, 'left').error).toBe('ValueError: bad feature');
    const failedAt = step(run, 'left').end;
    expect(step(run, 'right').end).toBe(failedAt);
    expect(step(run, 'join').start).toBe(failedAt);
    expect(step(run, 'join').costUsd).toBe(0);
    // right paid for the time it ran, less than a full run would cost.
    const full = await runPipeline(bareWorkspace(), diamond());
    expect(step(run, 'right').costUsd).toBeGreaterThan(0);
    expect(step(run, 'right').costUsd).toBeLessThan(step(full, 'right').costUsd);
  });

  it('a chain: the steps after the failure never start', async () => {
    const pipeline = pipelineOf([py('one', [], ['a']), py('two', ['a'], ['b'], { fail: 'boom' }), py('three', ['b'], ['c']), py('four', ['c'], [])]);
    const run = await runPipeline(bareWorkspace(), pipeline);
    expect(statuses(run)).toEqual({ one: 'Completed', two: 'Failed', three: 'Canceled', four: 'Canceled' });
    for (const name of ['three', 'four']) expect(step(run, name).history.map((h) => h.status)).toEqual(['NotStarted', 'Canceled']);
  });

  it('continue_on_step_failure: independent work finishes, only dependants of the failure are Canceled', async () => {
    const pipeline = diamond({ leftFails: true });
    pipeline.steps.push(py('side', ['r'], [], { seconds: 40 }));
    const run = await runPipeline(bareWorkspace(), pipeline, { continue_on_step_failure: true });
    expect(statuses(run)).toEqual({ root: 'Completed', left: 'Failed', right: 'Completed', join: 'Canceled', side: 'Completed' });
    expect(run.status).toBe('Failed');
    // join is settled only when all its inputs are: after right ends.
    expect(step(run, 'join').start).toBe(step(run, 'right').end);
    expect(run.options.continue_on_step_failure).toBe(true);
  });

  it('failed steps are not remembered for reuse; completed ones are', async () => {
    const ws = bareWorkspace();
    const first = await runPipeline(ws, diamond({ leftFails: true }), { continue_on_step_failure: true });
    expect(step(first, 'right').status).toBe('Completed');
    const second = await runPipeline(ws, diamond({ leftFails: true }), { continue_on_step_failure: true });
    expect(statuses(second)).toEqual({ root: 'Reused', left: 'Failed', right: 'Reused', join: 'Canceled' });
  });
});

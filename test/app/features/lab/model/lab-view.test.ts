import { describe, expect, it } from 'vitest';
import { buildLabView, categorize, firstNodeReadyAt, MERGE_ABOVE, PROGRESS_POINTS } from '@/app/_features/lab/model/lab-view';
import { ganttModel, moveFocus } from '@/app/_features/lab/ui/charts/gantt-bars';
import { createSensorEntryScript, fileDatasetFromBundle, generateSensorFiles, simulateParallelRun, type MiniBatchResult } from '@/engine/index';

const dataset = fileDatasetFromBundle(generateSensorFiles(60, 5, { corruptShare: 0.2 }));

async function run(config: Record<string, unknown>, faults = {}) {
  return simulateParallelRun({
    dataset,
    config: { error_threshold: -1, output_action: 'append_row', node_count: 2, mini_batch_size: 3, ...config } as never,
    entryScript: createSensorEntryScript(),
    seed: 3,
    faults,
  });
}

describe('the chart view of an engine result', () => {
  it('keeps the counts and puts every attempt on its node/process lane', async () => {
    const result = await run({ process_count_per_node: 2 });
    const view = buildLabView(result, 'file', []);
    expect(view.counts).toEqual(result.counts);
    expect(view.lanes.map((l) => l.label)).toEqual(['node-0/process000', 'node-0/process001', 'node-1/process000', 'node-1/process001']);
    const attempts = result.miniBatches.flatMap((b) => b.attempts);
    expect(view.segments).toHaveLength(attempts.length);
    for (const seg of view.segments) {
      const lane = view.lanes[seg.lane];
      const own = result.miniBatches[seg.firstBatch]?.attempts[seg.attempt - 1];
      expect(own).toMatchObject({ node: lane?.node, process: lane?.process, start: seg.start, end: seg.end });
    }
  });

  it('tells short returns, retries and final failures apart', async () => {
    const result = await run({ run_max_try: 2 }, { failingMiniBatches: [{ id: 0, attempts: 1 }, { id: 1 }] });
    const byId = (id: number) => result.miniBatches[id] as MiniBatchResult;
    expect(categorize(byId(0), 0)).toBe('retried');
    expect(['succeeded', 'partial']).toContain(categorize(byId(0), 1));
    expect(categorize(byId(1), 0)).toBe('retried');
    expect(categorize(byId(1), 1)).toBe('exception');
    const partial = result.miniBatches.find((b) => b.status === 'failed' && b.attempts.at(-1)?.outcome === 'succeeded');
    expect(partial && categorize(partial, partial.attempts.length - 1)).toBe('partial');
  });

  it('accumulates items over time up to the engine’s totals', async () => {
    const result = await run({});
    const view = buildLabView(result, 'file', []);
    const last = view.progress.at(-1);
    expect(last).toMatchObject({ succeeded: result.counts.itemsSucceeded, failed: result.counts.itemsFailed, failedBatches: result.counts.miniBatchesFailed, t: result.durationSeconds });
    for (let i = 1; i < view.progress.length; i++) {
      const [a, b] = [view.progress[i - 1], view.progress[i]];
      expect(b!.t).toBeGreaterThanOrEqual(a!.t);
      expect(b!.succeeded).toBeGreaterThanOrEqual(a!.succeeded);
    }
    expect(view.output?.lineCount).toBe(result.counts.itemsSucceeded);
  });

  it('merges back-to-back alike attempts when there are too many to draw', async () => {
    const many = fileDatasetFromBundle(generateSensorFiles(MERGE_ABOVE + 50, 8, { corruptShare: 0 }));
    const result = await simulateParallelRun({
      dataset: many,
      config: { error_threshold: -1, output_action: 'summary_only', node_count: 1, process_count_per_node: 2, mini_batch_size: 1 },
      entryScript: createSensorEntryScript(),
      seed: 1,
    });
    const attempts = result.miniBatches.reduce((n, b) => n + b.attempts.length, 0);
    expect(attempts).toBeGreaterThan(MERGE_ABOVE);
    const view = buildLabView(result, 'file', []);
    expect(view.merged).toBe(true);
    expect(view.segments.length).toBeLessThan(attempts / 10);
    expect(view.segments.reduce((n, s) => n + s.attempts, 0)).toBe(attempts);
    expect(new Set(view.segments.map((s) => s.lane))).toEqual(new Set([0, 1]));
  });

  it('reduces a long run’s progress to what the charts can show, keeping its end and its totals', async () => {
    const files = PROGRESS_POINTS * 3;
    const result = await simulateParallelRun({
      dataset: fileDatasetFromBundle(generateSensorFiles(files, 8, { corruptShare: 0.1 })),
      config: { error_threshold: -1, output_action: 'summary_only', node_count: 1, process_count_per_node: 1, mini_batch_size: 1 },
      entryScript: createSensorEntryScript(),
      seed: 2,
    });
    const { progress } = buildLabView(result, 'file', []);
    // One step per mini-batch would be `files` points; the extremes may add a few.
    expect(progress.length).toBeLessThanOrEqual(PROGRESS_POINTS + 6);
    expect(progress.length).toBeGreaterThan(PROGRESS_POINTS / 2);
    expect(progress[0]?.t).toBe(firstNodeReadyAt(result));
    expect(progress.at(-1)).toMatchObject({ t: result.durationSeconds, succeeded: result.counts.itemsSucceeded, failed: result.counts.itemsFailed });
  });

  it('has no output view with summary_only', async () => {
    const view = buildLabView(await run({ output_action: 'summary_only' }), 'file', []);
    expect(view.output).toBeNull();
  });
});

describe('the timeline model', () => {
  it('draws only what has started by the replay cursor and clips running bars', async () => {
    const result = await run({});
    const view = buildLabView(result, 'file', []);
    const mid = (view.segments[0]!.start + view.segments[0]!.end) / 2;
    const early = ganttModel(view, mid, false);
    const attemptBars = early.bars.filter((b) => b.category !== 'startup');
    expect(attemptBars.length).toBe(view.segments.filter((s) => s.start <= mid).length);
    expect(Math.max(...attemptBars.map((b) => b.end))).toBeLessThanOrEqual(mid);
    expect(attemptBars.some((b) => b.text.includes('running'))).toBe(true);
    const end = ganttModel(view, view.durationSeconds, false);
    expect(end.bars.filter((b) => b.category !== 'startup')).toHaveLength(view.segments.length);
    expect(end.domain[0]).toBeGreaterThan(0);
    expect(ganttModel(view, view.durationSeconds, true).domain[0]).toBe(0);
  });

  it('adds a row for mini-batches that never ran when the job is aborted', async () => {
    const view = buildLabView(await run({ error_threshold: 0 }), 'file', []);
    expect(view.counts.miniBatchesNotRun).toBeGreaterThan(0);
    const model = ganttModel(view, view.durationSeconds, false);
    expect(model.rowLabels.at(-1)).toBe('not run');
    expect(model.bars.find((b) => b.category === 'not_run')?.text).toMatch(`${view.counts.miniBatchesNotRun} mini-batches`);
  });

  it('moves keyboard focus along a lane and between lanes', async () => {
    const view = buildLabView(await run({ process_count_per_node: 2 }), 'file', []);
    const { bars } = ganttModel(view, view.durationSeconds, false);
    const first = bars.findIndex((b) => b.category !== 'startup');
    const right = moveFocus(bars, first, 'ArrowRight');
    expect(bars[right]!.rowFrom).toBe(bars[first]!.rowFrom);
    expect(bars[right]!.start).toBeGreaterThan(bars[first]!.start);
    expect(moveFocus(bars, right, 'ArrowLeft')).toBe(first);
    const down = moveFocus(bars, first, 'ArrowDown');
    expect(bars[down]!.rowFrom).toBeGreaterThan(bars[first]!.rowFrom);
    expect(moveFocus(bars, -1, 'ArrowRight')).toBe(0);
  });
});

// @vitest-environment happy-dom
// One count, one meaning: the status card, the timeline legend, job_result.txt
// and processed_mini-batches.csv must tell the same story about the same run.
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { GanttChart } from '@/app/_features/lab/ui/charts/GanttChart';
import { CountsPanel } from '@/app/_features/lab/ui/panels/StatusPanels';
import { buildLabView } from '@/app/_features/lab/model/lab-view';
import type { LabView } from '@/app/_features/lab/model/protocol';
import { createLabStore } from '@/app/_features/lab/store';
import { LabStoreContext } from '@/app/_features/lab/use-lab';
import { createSensorEntryScript, fileDatasetFromBundle, generateSensorFiles, LOG_PATHS, simulateParallelRun } from '@/engine/index';
import { FakeWorkerClient, ManualTimers } from '../lab-fakes';

afterEach(cleanup);

async function sensorView(files: number, config: Record<string, unknown>, faults = {}): Promise<LabView> {
  const result = await simulateParallelRun({
    dataset: fileDatasetFromBundle(generateSensorFiles(files, 3, { corruptShare: 0.15 })),
    config: { error_threshold: -1, output_action: 'append_row', node_count: 2, mini_batch_size: 4, ...config } as never,
    entryScript: createSensorEntryScript(),
    seed: 4,
    faults,
  });
  return buildLabView(result, 'file', result.miniBatches.map(() => 0));
}

function show(view: LabView) {
  const client = new FakeWorkerClient();
  const timers = new ManualTimers();
  const store = createLabStore({ client, channel: 'lab', timers });
  act(() => store.getState().start());
  timers.advance(1_000);
  render(
    <LabStoreContext.Provider value={store}>
      <CountsPanel />
      <GanttChart />
    </LabStoreContext.Provider>,
  );
  act(() => client.reply({ type: 'result', channel: 'lab', id: 1, view }));
}

const legendCount = (label: string): number => {
  const item = within(screen.getByRole('list', { name: 'Colours of the timeline' }))
    .getAllByRole('listitem')
    .find((li) => li.textContent?.startsWith(`${label} (`));
  return Number(/\((\d+)\)$/.exec(item?.textContent ?? '')?.[1] ?? NaN);
};

/** Final rows of processed_mini-batches.csv: the last attempt of each mini-batch that ran. */
function csvFinalRows(view: LabView): { status: string; failed: number }[] {
  const last = new Map<string, { status: string; failed: number }>();
  for (const line of (view.logs[LOG_PATHS.processedMiniBatches] ?? '').trim().split('\n').slice(1)) {
    const cells = line.split(',');
    last.set(cells[0] as string, { status: cells[8] as string, failed: Number(cells[6]) });
  }
  return [...last.values()];
}

const RUNS: [string, () => Promise<LabView>][] = [
  ['short returns from unreadable files', () => sensorView(40, {})],
  ['short returns and mini-batches whose every try failed', () => sensorView(60, { run_max_try: 2 }, { failingMiniBatches: [{ id: 1 }, { id: 4 }] })],
  ['a threshold abort leaving mini-batches not run', () => sensorView(120, { error_threshold: 3, node_count: 1, process_count_per_node: 1 })],
  ['so many attempts that bars are merged', () => sensorView(600, { mini_batch_size: 1 })],
];

describe('every panel reads one definition of a mini-batch’s outcome', () => {
  it.each(RUNS)('%s', async (_, make) => {
    const view = await make();
    const o = view.outcomes;
    expect(o.short_return + o.tries_exhausted + o.succeeded + o.not_run).toBe(view.counts.miniBatches);
    show(view);
    const card = within(screen.getByTestId('lab-counts')).getByText('Mini-batches').nextElementSibling?.textContent;
    expect(card).toBe(`${o.succeeded} succeeded, ${o.short_return + o.tries_exhausted} failed${o.short_return + o.tries_exhausted > 0 ? ` (${o.short_return} short return, ${o.tries_exhausted} every try failed)` : ''}, ${o.not_run} not run; ${view.counts.miniBatches} in all`);
    // The log says it in the same words.
    expect(view.logs[LOG_PATHS.result]).toContain(`Mini-batches: ${card}`);
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Colours of the timeline' })).not.toBeNull());
    expect(legendCount('succeeded')).toBe(o.succeeded);
    expect(legendCount('failed: short return')).toBe(o.short_return);
    expect(legendCount('last try failed: exception') + legendCount('last try failed: timeout') + legendCount('last try failed: out of memory')).toBe(o.tries_exhausted);
    expect(legendCount('not run')).toBe(o.not_run);
    const csv = csvFinalRows(view);
    expect(csv.filter((r) => r.status === 'RUN_DONE' && r.failed > 0)).toHaveLength(o.short_return);
    expect(csv.filter((r) => r.status === 'RUN_DONE' && r.failed === 0)).toHaveLength(o.succeeded);
    expect(csv.filter((r) => r.status !== 'RUN_DONE')).toHaveLength(o.tries_exhausted);
  });

  it('covers the cases it claims to', async () => {
    const views = await Promise.all(RUNS.map(([, make]) => make()));
    expect(views[0]!.outcomes.short_return).toBeGreaterThan(0);
    expect(views[1]!.outcomes.tries_exhausted).toBeGreaterThan(0);
    expect(views[2]!.outcomes.not_run).toBeGreaterThan(0);
    expect(views[3]!.merged).toBe(true);
  });
});

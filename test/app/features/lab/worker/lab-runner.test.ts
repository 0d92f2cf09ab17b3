import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRESETS_BY_ID } from '@/app/_features/lab/model/presets';
import { DEFAULT_SETTINGS, datasetDefaults, type LabSettings } from '@/app/_features/lab/model/settings';
import { sharedSessionOrt } from '@/app/_features/lab/worker/entry-scripts';
import { LabRunner, StaleRequest, type RunHooks } from '@/app/_features/lab/worker/lab-runner';
import { LOG_PATHS, loadOrt } from '@/engine/index';

const root = join(import.meta.dirname, '..', '..', '..', '..', '..');
let bundleLoads = 0;
const runner = new LabRunner({
  loadModel: async () => new Uint8Array(readFileSync(join(root, 'public/models/credit-risk.onnx'))),
  loadSensorBundle: async () => {
    bundleLoads++;
    return JSON.parse(readFileSync(join(root, 'public/data/sensor-files.json'), 'utf8'));
  },
  ort: sharedSessionOrt(() => loadOrt()),
  now: () => performance.now(),
});

const hooks = (stale = () => false): RunHooks & { phases: string[] } => {
  const phases: string[] = [];
  return { phases, progress: (phase) => phases.push(phase), isStale: stale, yieldNow: async () => {} };
};
const files = (patch: Partial<LabSettings> = {}): LabSettings => ({ ...DEFAULT_SETTINGS, ...datasetDefaults('file'), ...patch });
const small = (patch: Partial<LabSettings> = {}): LabSettings => ({ ...DEFAULT_SETTINGS, rows: 2_000, mini_batch_size: '16KB', ...patch });

describe('the worker’s runner', () => {
  it('scores the generated table with the ONNX model and reads the output back for quality', async () => {
    const h = hooks();
    const outcome = await runner.run(small(), {}, h);
    const { view } = outcome;
    expect(view.status).toBe('Completed');
    expect(view.counts.items).toBe(2_000);
    expect(view.output?.lineCount).toBe(view.counts.itemsSucceeded);
    expect(outcome.output?.lineCount).toBe(view.counts.itemsSucceeded);
    expect(view.batchItems.reduce((a, b) => a + b, 0)).toBe(2_000);
    expect(view.batchBytes).toHaveLength(view.counts.miniBatches);
    expect(h.phases).toEqual(expect.arrayContaining(['model', 'data', 'simulate', 'view']));
    const quality = await outcome.quality();
    expect(quality?.scores.length).toBe(view.counts.itemsSucceeded);
    expect(quality?.auc).toBeGreaterThan(0.7);
    expect(quality?.modelThreshold).toBeGreaterThan(0);
  });

  it('uses the sensor bundle for the default file dataset and generates other corrupted shares', async () => {
    const before = bundleLoads;
    const bundled = await runner.run(files({ rows: 50 }), {}, hooks());
    expect(bundleLoads).toBe(before + 1);
    expect(bundled.view.counts.items).toBe(50);
    const generated = await runner.run(files({ rows: 50, corrupt: 0.3 }), {}, hooks());
    expect(bundleLoads).toBe(before + 1);
    expect(generated.view.counts.itemsFailed).toBeGreaterThan(bundled.view.counts.itemsFailed);
    expect(await generated.quality()).toBeNull();
  });

  it('charges a whole mini-batch when the strict script raises on a bad file', async () => {
    const settings = files({ rows: 100, mini_batch_size: '5', error_threshold: '-1', run_max_try: '2' });
    const lenient = (await runner.run(settings, {}, hooks())).view;
    const strict = (await runner.run(settings, { strictFiles: true }, hooks())).view;
    expect(strict.counts.itemsFailed).toBeGreaterThan(lenient.counts.itemsFailed);
    expect(strict.counts.itemsFailed % 5).toBe(0);
    expect(strict.segments.some((s) => s.category === 'retried')).toBe(true);
  });

  it('reports a preset’s init failure where Azure would', async () => {
    for (const id of ['missing-package', 'no-datastore-permission', 'gpu-model-on-cpu'] as const) {
      const preset = PRESETS_BY_ID.get(id)!;
      const { view } = await runner.run({ ...preset.settings, rows: 2_000 }, preset.scenario, hooks());
      expect(view.status, id).toBe('Failed');
      expect(view.failureKind).toBe('system');
      expect(view.logs[preset.report.log], id).toMatch(preset.report.find);
      expect(view.counts.itemsNotRun).toBe(2_000);
    }
  });

  it('fails the image-scoring preset on error_threshold, as the chapter tells', async () => {
    const preset = PRESETS_BY_ID.get('image-scoring')!;
    const { view } = await runner.run(preset.settings, preset.scenario, hooks());
    expect(view.status).toBe('Failed');
    expect(view.failureReason).toMatch(/error_threshold exceeded: \d+ failed items is above the limit of 10/);
    expect(view.logs[LOG_PATHS.result]).toMatch(preset.report.find);
  });

  it('sweeps node_count and marks the current value', async () => {
    const points = await runner.sweep('node_count', small({ node_count: '3' }), {}, hooks());
    expect(points.map((p) => p.value)).toEqual([1, 2, 3, 4, 6, 8, 12, 16]);
    expect(points.filter((p) => p.current).map((p) => p.value)).toEqual([3]);
    expect(points.every((p) => p.status === 'Completed')).toBe(true);
    // Every node is paid for, so more nodes never make this small job cheaper.
    for (let i = 1; i < points.length; i++) expect(points[i]!.costUsd).toBeGreaterThan(points[i - 1]!.costUsd);
  });

  it('sweeps mini_batch_size: smaller batches mean more run() calls, and tiny ones pay the call overhead', async () => {
    // The default job: big enough that the per-call overhead of 1KB mini-batches shows.
    const points = await runner.sweep('mini_batch_size', DEFAULT_SETTINGS, {}, hooks());
    expect(points.find((p) => p.current)?.label).toBe('32KB');
    const counts = points.map((p) => p.miniBatches);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    expect(points[0]!.durationSeconds).toBeGreaterThan(points.find((p) => p.label === '64KB')!.durationSeconds);
  });

  it('runs each of a sweep’s jobs once: the same sweep again simulates nothing', async () => {
    const counting = () => {
      let checks = 0;
      return { h: hooks(() => (checks++, false)), checks: () => checks };
    };
    const settings = small({ seed: 77 });
    const first = counting();
    const points = await runner.sweep('mini_batch_size', settings, {}, first.h);
    // A simulation asks whether it is stale before each run() call; the sweep itself once per value.
    expect(first.checks()).toBeGreaterThan(points.length * 3);
    const again = counting();
    expect(await runner.sweep('mini_batch_size', settings, {}, again.h)).toEqual(points);
    expect(again.checks()).toBe(points.length);
  });

  it('loads onnxruntime before the first tabular run only, as a phase of its own after the data', async () => {
    const fresh = new LabRunner({ loadModel: async () => new Uint8Array(readFileSync(join(root, 'public/models/credit-risk.onnx'))), loadSensorBundle: async () => [], ort: sharedSessionOrt(() => loadOrt()) });
    const first = hooks();
    await fresh.run(small(), {}, first);
    expect(first.phases.filter((p) => p !== 'simulate')).toEqual(['model', 'data', 'runtime', 'view']);
    const next = hooks();
    await fresh.run(small({ node_count: '3' }), {}, next);
    expect(next.phases).not.toContain('runtime');
    expect(next.phases).not.toContain('data');
  });

  it('stops a sweep once a newer request arrives', async () => {
    let calls = 0;
    const h = hooks(() => ++calls > 2);
    await expect(runner.sweep('node_count', small(), {}, h)).rejects.toBeInstanceOf(StaleRequest);
  });

  it('rejects an invalid config with the engine’s message', async () => {
    await expect(runner.run(small({ mini_batch_size: '12QB' }), {}, hooks())).rejects.toThrow(/mini_batch_size is "12QB"/);
  });
});

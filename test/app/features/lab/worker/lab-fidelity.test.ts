// The lab must show what it teaches: at the default settings scaling shows,
// and each failure preset fails in its own way, where Azure would.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRESETS_BY_ID, type PresetId } from '@/app/_features/lab/model/presets';
import type { LabView } from '@/app/_features/lab/model/protocol';
import { DEFAULT_SETTINGS, type LabSettings } from '@/app/_features/lab/model/settings';
import { bestPoint, scalingNote } from '@/app/_features/lab/model/sweeps';
import { tryThis } from '@/app/_features/lab/model/try-this';
import { sharedSessionOrt } from '@/app/_features/lab/worker/entry-scripts';
import { LabRunner, type RunHooks } from '@/app/_features/lab/worker/lab-runner';
import { LOG_PATHS, loadOrt, stderrLogPath } from '@/engine/index';

const root = join(import.meta.dirname, '..', '..', '..', '..', '..');
const runner = new LabRunner({
  loadModel: async () => new Uint8Array(readFileSync(join(root, 'public/models/credit-risk.onnx'))),
  loadSensorBundle: async () => JSON.parse(readFileSync(join(root, 'public/data/sensor-files.json'), 'utf8')),
  ort: sharedSessionOrt(() => loadOrt()),
});
const hooks: RunHooks = { progress: () => {}, isStale: () => false, yieldNow: async () => {} };
const run = async (patch: Partial<LabSettings> = {}): Promise<LabView> => (await runner.run({ ...DEFAULT_SETTINGS, ...patch }, {}, hooks)).view;

describe('scaling at the default settings', () => {
  it('node_count 2 → 8 cuts the virtual duration by at least a third, at a higher cost', async () => {
    const two = await run({ node_count: '2' });
    const eight = await run({ node_count: '8' });
    expect(two.status).toBe('Completed');
    expect(eight.status).toBe('Completed');
    expect(eight.durationSeconds).toBeLessThanOrEqual((2 / 3) * two.durationSeconds);
    expect(eight.costUsd).toBeGreaterThan(two.costUsd);
  });

  it('process_count_per_node matters too: one process per node is much slower than one per core', async () => {
    const one = await run({ process_count_per_node: '1' });
    const perCore = await run();
    expect(perCore.settings.processCountPerNode).toBe(4);
    expect(perCore.durationSeconds).toBeLessThan(0.75 * one.durationSeconds);
  });

  it('the node_count sweep agrees with the runs, names its fastest completed point, and explains where start-up takes over', async () => {
    const points = await runner.sweep('node_count', DEFAULT_SETTINGS, {}, hooks);
    const current = points.find((p) => p.current)!;
    expect(current.durationSeconds).toBeCloseTo((await run()).durationSeconds, 6);
    const fastest = bestPoint(points, 'durationSeconds')!;
    expect(fastest.durationSeconds).toBe(Math.min(...points.filter((p) => p.status === 'Completed').map((p) => p.durationSeconds)));
    expect(scalingNote(points)).toMatch(/^From node_count \d+ on, more nodes save little: each node first spends about \d+ s starting up/);
  });

  it('never calls a failed job the fastest', async () => {
    const points = await runner.sweep('mini_batch_size', DEFAULT_SETTINGS, {}, hooks);
    const failed = points.filter((p) => p.status === 'Failed');
    expect(failed.length).toBeGreaterThan(0); // 1MB mini-batches time out at 30 ms a row
    expect(bestPoint(points, 'durationSeconds')?.status).toBe('Completed');
  });

  it('the try-this line starts with the node_count experiment and moves on', () => {
    expect(tryThis(DEFAULT_SETTINGS)).toMatch(/move node_count from 2 to 8/);
    expect(tryThis({ ...DEFAULT_SETTINGS, node_count: '8' })).toMatch(/process_count_per_node to 1/);
    expect(tryThis({ ...DEFAULT_SETTINGS, process_count_per_node: '1' })).toMatch(/^Try this: with 1 process per node/);
  });
});

const FAILURES: PresetId[] = ['missing-package', 'gpu-model-on-cpu', 'no-datastore-permission', 'model-version-not-found'];

describe('each failure preset fails its own way', () => {
  const views = new Map<PresetId, LabView>();
  const viewOf = async (id: PresetId): Promise<LabView> => {
    const cached = views.get(id);
    if (cached) return cached;
    const preset = PRESETS_BY_ID.get(id)!;
    const { view } = await runner.run(preset.settings, preset.scenario, hooks);
    views.set(id, view);
    return view;
  };

  it('missing package: init() fails at once with ModuleNotFoundError in the user stderr log', async () => {
    const view = await viewOf('missing-package');
    expect(view.status).toBe('Failed');
    expect(view.failure).toEqual({ kind: 'system', rule: 'init_per_node' });
    expect(view.logs[stderrLogPath(0, 0)]).toMatch(/ModuleNotFoundError: No module named 'onnxruntime'/);
    expect(view.failureReason).toMatch(/init\(\) kept failing with ModuleNotFoundError/);
  });

  it('GPU model on CPU: init() fails with a CUDA error after loading for a while', async () => {
    const view = await viewOf('gpu-model-on-cpu');
    expect(view.failure?.kind).toBe('system');
    expect(view.logs[LOG_PATHS.errors]).toMatch(/RuntimeError: CUDA error: no CUDA-capable device/);
    expect(view.durationSeconds).toBeGreaterThan((await viewOf('missing-package')).durationSeconds);
  });

  it('no datastore permission: fails while mounting, before run(), with a 403 and no scored rows', async () => {
    const view = await viewOf('no-datastore-permission');
    expect(view.failure).toEqual({ kind: 'system', rule: 'datastore_access' });
    expect(view.failureReason).toMatch(/mounting the input dataset failed .* before any process started.*403/);
    expect(view.counts.itemsSucceeded).toBe(0);
    expect(view.output?.lineCount).toBe(0);
    expect(view.segments).toHaveLength(0);
    expect(Object.keys(view.logs).filter((p) => p.startsWith('logs/user/'))).toEqual([]);
  });

  it('model version not found: init() fails with the model-not-found error after the registry lookup', async () => {
    const view = await viewOf('model-version-not-found');
    expect(view.failure?.kind).toBe('system');
    expect(view.logs[PRESETS_BY_ID.get('model-version-not-found')!.report.log]).toMatch(/WebserviceException: ModelNotFound/);
  });

  it('the four differ in timing, reason and explanation, and each report line is in its log', async () => {
    const all = await Promise.all(FAILURES.map(viewOf));
    expect(new Set(all.map((v) => v.durationSeconds)).size).toBe(4);
    expect(new Set(all.map((v) => v.failureReason)).size).toBe(4);
    expect(new Set(FAILURES.map((id) => PRESETS_BY_ID.get(id)!.explanation)).size).toBe(4);
    FAILURES.forEach((id, i) => {
      const preset = PRESETS_BY_ID.get(id)!;
      expect(all[i]!.logs[preset.report.log], id).toMatch(preset.report.find);
    });
  });
});

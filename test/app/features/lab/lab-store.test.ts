import { describe, expect, it } from 'vitest';
import { PRESETS_BY_ID } from '@/app/_features/lab/model/presets';
import type { RunRequest } from '@/app/_features/lab/model/protocol';
import { createLabStore, DEBOUNCE_MS } from '@/app/_features/lab/store';
import { DEFAULT_SETTINGS } from '@/app/_features/lab/model/settings';
import { engineView, FakeWorkerClient, ManualTimers } from './lab-fakes';

function setup() {
  const client = new FakeWorkerClient();
  const timers = new ManualTimers();
  const store = createLabStore({ client, channel: 'lab', sweeps: ['node_count'], timers });
  return { client, timers, store };
}

describe('the lab store', () => {
  it('sends nothing until started, then the current settings', () => {
    const { client, store } = setup();
    store.getState().set('node_count', '4');
    expect(client.sent).toHaveLength(0);
    store.getState().start();
    const [request] = client.runs() as RunRequest[];
    expect(request).toMatchObject({ type: 'run', channel: 'lab', id: 1, sweeps: ['node_count'] });
    expect(request?.settings.node_count).toBe('4');
  });

  it('runs the first change at once and debounces a burst into one trailing request', () => {
    const { client, timers, store } = setup();
    store.getState().start();
    timers.advance(1_000);
    store.getState().set('node_count', '3');
    expect(client.runs()).toHaveLength(2);
    store.getState().set('node_count', '4');
    store.getState().set('node_count', '5');
    expect(client.runs()).toHaveLength(2);
    timers.advance(DEBOUNCE_MS - 1);
    expect(client.runs()).toHaveLength(2);
    timers.advance(1);
    const runs = client.runs() as RunRequest[];
    expect(runs).toHaveLength(3);
    expect(runs[2]?.settings.node_count).toBe('5');
    expect(store.getState().requestId).toBe(3);
  });

  it('shows a result only for the latest request', async () => {
    const { client, timers, store } = setup();
    store.getState().start();
    timers.advance(1_000);
    store.getState().set('node_count', '3');
    const view = await engineView();
    client.reply({ type: 'result', channel: 'lab', id: 1, view });
    expect(store.getState().view).toBeNull();
    client.reply({ type: 'result', channel: 'other', id: 2, view });
    expect(store.getState().view).toBeNull();
    client.reply({ type: 'result', channel: 'lab', id: 2, view });
    expect(store.getState()).toMatchObject({ view, viewId: 2, busy: false });
  });

  it('keeps the last good result and sends nothing while the settings are invalid', async () => {
    const { client, timers, store } = setup();
    store.getState().start();
    const view = await engineView();
    client.reply({ type: 'result', channel: 'lab', id: 1, view });
    timers.advance(1_000);
    store.getState().set('mini_batch_size', '1XB');
    timers.advance(DEBOUNCE_MS);
    expect(client.runs()).toHaveLength(1);
    expect(store.getState().problems.mini_batch_size?.[0]).toMatch(/mini_batch_size is "1XB"/);
    expect(store.getState().view).toBe(view);
    store.getState().set('mini_batch_size', '2KB');
    expect(store.getState().problems).toEqual({});
    expect(client.runs()).toHaveLength(2);
  });

  it('switching the dataset brings that kind’s defaults', () => {
    const { store } = setup();
    store.getState().set('dataset', 'file');
    expect(store.getState().settings).toMatchObject({ dataset: 'file', rows: 300, mini_batch_size: '10', corrupt: 0.08 });
  });

  it('applies a preset with its scenario, opens its log, and drops the scenario on request', () => {
    const { client, timers, store } = setup();
    store.getState().start();
    timers.advance(1_000);
    store.getState().applyPreset('missing-package');
    const preset = PRESETS_BY_ID.get('missing-package')!;
    const sent = client.runs().at(-1) as RunRequest;
    expect(sent.scenario.initError?.name).toBe('ModuleNotFoundError');
    expect(store.getState()).toMatchObject({ preset: 'missing-package', selectedLog: preset.report.log });
    timers.advance(1_000);
    store.getState().clearPreset();
    expect((client.runs().at(-1) as RunRequest).scenario).toEqual({});
  });

  it('replays the run: play from the start, step to the next event, rewind, and jump to the end without motion', async () => {
    const { client, store } = setup();
    store.getState().start();
    const view = await engineView();
    client.reply({ type: 'result', channel: 'lab', id: 1, view });
    const { play, step, rewind, setTime } = store.getState();
    play(false);
    expect(store.getState().playback).toMatchObject({ t: 0, playing: true });
    setTime(view.durationSeconds + 1);
    expect(store.getState().playback).toMatchObject({ t: null, playing: false });
    rewind();
    step();
    expect(store.getState().playback.t).toBe(view.eventTimes.find((t) => t > 0));
    play(true);
    expect(store.getState().playback).toMatchObject({ t: null, playing: false });
  });

  it('asks the worker for the output file of the result on screen', async () => {
    const { client, store } = setup();
    store.getState().start();
    client.reply({ type: 'result', channel: 'lab', id: 1, view: await engineView() });
    const pending = store.getState().fetchOutput();
    expect(client.sent.at(-1)).toEqual({ type: 'output', channel: 'lab', id: 1 });
    const chunks = [new TextEncoder().encode('a\nb\n').buffer as ArrayBuffer];
    client.reply({ type: 'output', channel: 'lab', id: 1, file: { fileName: 'parallel_run_step.txt', chunks } });
    await expect(pending).resolves.toEqual({ fileName: 'parallel_run_step.txt', chunks });
  });

  it('records the worker’s error for the latest request', () => {
    const { client, store } = setup();
    store.getState().start();
    client.reply({ type: 'error', channel: 'lab', id: 1, message: 'could not load /models/credit-risk.onnx (HTTP 404)' });
    expect(store.getState()).toMatchObject({ busy: false, error: 'could not load /models/credit-risk.onnx (HTTP 404)' });
    expect(store.getState().settings).toEqual(DEFAULT_SETTINGS);
  });

  it('counts the latest request as working until all its sweeps are in', async () => {
    const client = new FakeWorkerClient();
    const timers = new ManualTimers();
    const store = createLabStore({ client, channel: 'lab', sweeps: ['node_count', 'mini_batch_size'], timers });
    store.getState().start();
    const points = [{ label: '2', value: 2, status: 'Completed' as const, durationSeconds: 9, costUsd: 0.1, failedItems: 0, miniBatches: 4, startupSeconds: 5, current: true }];
    client.reply({ type: 'result', channel: 'lab', id: 1, view: await engineView() });
    expect(store.getState()).toMatchObject({ busy: false, sweepsPending: true });
    client.reply({ type: 'sweep', channel: 'lab', id: 1, kind: 'node_count', points });
    expect(store.getState().sweepsPending).toBe(true);
    timers.advance(1_000);
    store.getState().set('node_count', '3');
    // The older request's last sweep does not finish the newer one.
    client.reply({ type: 'sweep', channel: 'lab', id: 1, kind: 'mini_batch_size', points });
    expect(store.getState().sweepsPending).toBe(true);
    client.reply({ type: 'result', channel: 'lab', id: 2, view: await engineView() });
    client.reply({ type: 'sweep', channel: 'lab', id: 2, kind: 'node_count', points });
    client.reply({ type: 'sweep', channel: 'lab', id: 2, kind: 'mini_batch_size', points });
    expect(store.getState()).toMatchObject({ busy: false, sweepsPending: false, progress: null });
  });

  it('has nothing pending for a widget without sweeps', async () => {
    const client = new FakeWorkerClient();
    const store = createLabStore({ client, channel: 'lab', timers: new ManualTimers() });
    store.getState().start();
    client.reply({ type: 'result', channel: 'lab', id: 1, view: await engineView() });
    expect(store.getState()).toMatchObject({ busy: false, sweepsPending: false });
  });
});

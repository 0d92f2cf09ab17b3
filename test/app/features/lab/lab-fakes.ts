// Test doubles for the lab: a worker client that records requests and lets a
// test answer them, manual timers, and a real view built by the engine.
import { buildLabView } from '@/app/_features/lab/model/lab-view';
import type { LabView, WorkerMessage, WorkerRequest } from '@/app/_features/lab/model/protocol';
import type { Timers } from '@/app/_features/lab/store';
import type { LabWorkerClient } from '@/app/_features/lab/worker/client';
import { createSensorEntryScript, fileDatasetFromBundle, generateSensorFiles, simulateParallelRun } from '@/engine/index';

export class FakeWorkerClient implements LabWorkerClient {
  readonly sent: WorkerRequest[] = [];
  private readonly listeners = new Map<string, Set<(message: WorkerMessage) => void>>();

  send(request: WorkerRequest): void {
    this.sent.push(request);
  }

  subscribe(channel: string, listener: (message: WorkerMessage) => void): () => void {
    const set = this.listeners.get(channel) ?? new Set();
    this.listeners.set(channel, set);
    set.add(listener);
    return () => set.delete(listener);
  }

  reply(message: WorkerMessage): void {
    this.listeners.get(message.channel)?.forEach((listener) => listener(message));
  }

  runs() {
    return this.sent.filter((r) => r.type === 'run');
  }
}

export class ManualTimers implements Timers {
  time = 1_000;
  private timers: { at: number; callback: () => void; id: number }[] = [];
  private next = 1;

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.next++;
    this.timers.push({ at: this.time + ms, callback, id });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  advance(ms: number): void {
    this.time += ms;
    const due = this.timers.filter((t) => t.at <= this.time);
    this.timers = this.timers.filter((t) => t.at > this.time);
    for (const t of due) t.callback();
  }
}

/** A real engine result as the worker would send it (file data: no onnxruntime needed). */
export async function engineView(config: Record<string, unknown> = {}): Promise<LabView> {
  const result = await simulateParallelRun({
    dataset: fileDatasetFromBundle(generateSensorFiles(40, 2, { corruptShare: 0.15 })),
    config: { error_threshold: -1, output_action: 'append_row', node_count: 2, mini_batch_size: 4, ...config } as never,
    entryScript: createSensorEntryScript(),
    seed: 4,
  });
  return buildLabView(result, 'file', result.miniBatches.map(() => 0));
}

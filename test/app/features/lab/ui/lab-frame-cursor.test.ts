import { describe, expect, it } from 'vitest';
import { pointsUpTo } from '@/app/_features/lab/ui/charts/cursor-curve';
import { frameCursor } from '@/app/_features/lab/ui/charts/frame-cursor';
import { createLabStore } from '@/app/_features/lab/store';
import { engineView, FakeWorkerClient, ManualTimers } from '../lab-fakes';

/** Frame callbacks that run only when the test says a frame has come. */
class ManualFrames {
  private callbacks = new Map<number, () => void>();
  private next = 1;
  request = (callback: () => void) => {
    const id = this.next++;
    this.callbacks.set(id, callback);
    return id;
  };
  cancel = (id: number) => void this.callbacks.delete(id);
  get pending() {
    return this.callbacks.size;
  }
  frame() {
    const due = [...this.callbacks.values()];
    this.callbacks.clear();
    due.forEach((callback) => callback());
  }
}

async function replaying() {
  const client = new FakeWorkerClient();
  const store = createLabStore({ client, channel: 'lab', timers: new ManualTimers() });
  store.getState().start();
  client.reply({ type: 'result', channel: 'lab', id: 1, view: await engineView() });
  store.getState().play(false);
  return store;
}

describe('the replay cursor the charts follow', () => {
  it('takes at most one cursor change per frame, the latest one', async () => {
    const store = await replaying();
    const frames = new ManualFrames();
    const cursor = frameCursor(store, frames);
    const seen: (number | null)[] = [];
    const stop = cursor.subscribe(() => seen.push(cursor.get()));
    for (const t of [1, 2, 3]) store.getState().setTime(t);
    // Three moves, one frame callback; nothing drawn until the frame.
    expect(frames.pending).toBe(1);
    expect(cursor.get()).toBe(0);
    frames.frame();
    expect(seen).toEqual([3]);
    // A frame with no move tells nobody.
    frames.frame();
    store.getState().setTime(3);
    frames.frame();
    expect(seen).toEqual([3]);
    stop();
    // Unsubscribed: no frame asked for, and the store's own value is read.
    store.getState().setTime(4);
    expect(frames.pending).toBe(0);
    expect(cursor.get()).toBe(4);
  });

  it('ignores store changes that do not move the cursor', async () => {
    const store = await replaying();
    const frames = new ManualFrames();
    const cursor = frameCursor(store, frames);
    cursor.subscribe(() => {});
    store.getState().setThreshold(0.3);
    store.getState().setSpeed(600);
    expect(frames.pending).toBe(0);
  });
});

describe('a progress line cut at the cursor', () => {
  const at = (t: number, y: number) => ({ x: t * 10, y, payload: { t, succeeded: y, failed: 0, failedBatches: 0 } });
  const points = [at(0, 0), at(2, 5), at(4, 9), at(6, 12)];
  const xOf = (t: number) => t * 10;

  it('keeps the points up to the cursor and holds the last value up to it', () => {
    expect(pointsUpTo(points, 3, xOf)).toEqual([at(0, 0), at(2, 5), { ...at(2, 5), x: 30 }]);
  });

  it('ends on a point the cursor sits on without repeating it', () => {
    expect(pointsUpTo(points, 4, xOf)).toEqual([at(0, 0), at(2, 5), at(4, 9)]);
  });

  it('draws everything at the end of the run and nothing before it starts', () => {
    expect(pointsUpTo(points, null, xOf)).toEqual(points);
    expect(pointsUpTo(points, -1, xOf)).toEqual([]);
  });
});

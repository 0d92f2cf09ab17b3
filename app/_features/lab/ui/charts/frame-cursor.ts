'use client';
// The replay cursor as the charts draw it: the store's playback time, taken
// at most once per animation frame. The replay loop and Step move the cursor
// in the store; a chart that followed every store change could redraw more
// often than the screen shows. Reduced motion needs nothing here: the replay
// then jumps to the end (play()), which is one change like any other.
import { useSyncExternalStore } from 'react';
import type { LabStore } from '@/app/_features/lab/store';
import { useLabStore } from '@/app/_features/lab/use-lab';

type Frames = { request: (callback: () => void) => number; cancel: (handle: number) => void };

// A hidden tab runs no frames: its cursor catches up with the first frame once it is shown.
const browserFrames: Frames = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
};

export interface FrameCursor {
  /** The cursor as of the last frame (null: the end of the run); the store's own while nobody listens. */
  get(): number | null;
  /** `listener` runs once per frame in which the cursor moved; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

/** One frame-paced view of a store's cursor, shared by every chart of the widget (one frame callback, not one each). */
export function frameCursor(store: LabStore, frames: Frames = browserFrames): FrameCursor {
  const listeners = new Set<() => void>();
  let t = store.getState().playback.t;
  let frame: number | null = null;
  let unsubscribe: (() => void) | null = null;
  const flush = () => {
    frame = null;
    const next = store.getState().playback.t;
    if (next === t) return;
    t = next;
    listeners.forEach((listener) => listener());
  };
  const stop = () => {
    unsubscribe?.();
    unsubscribe = null;
    if (frame !== null) frames.cancel(frame);
    frame = null;
  };
  return {
    get: () => (unsubscribe ? t : store.getState().playback.t),
    subscribe(listener) {
      listeners.add(listener);
      if (!unsubscribe) {
        t = store.getState().playback.t;
        unsubscribe = store.subscribe((state, previous) => {
          if (state.playback.t !== previous.playback.t && frame === null) frame = frames.request(flush);
        });
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) stop();
      };
    },
  };
}

const cursors = new WeakMap<LabStore, FrameCursor>();

/** The replay cursor, updated at most once per animation frame. */
export function useFrameCursor(): number | null {
  const store = useLabStore();
  let cursor = cursors.get(store);
  if (!cursor) cursors.set(store, (cursor = frameCursor(store)));
  return useSyncExternalStore(cursor.subscribe, cursor.get, cursor.get);
}

'use client';
// recharts redraws synchronously and does real work per chart. Three rules
// keep the page responsive when a result arrives:
//  - each chart takes its new value in a task of its own (one chart per task);
//  - after each chart the queue waits for the next frame, so the chart just
//    drawn reaches the screen before the next one starts (the timeline first:
//    it is what a learner watches while moving a slider);
//  - a chart that is off screen waits until it scrolls into view;
//  - a chart mounted with `initial` (its empty state) takes even its first
//    value that way, so charts that appear together are not drawn in one task.
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useNearViewport } from '../LazyMount';

const queue: (() => void)[] = [];
let scheduled = false;
let channel: MessageChannel | null = null;

function pump(): void {
  scheduled = false;
  queue.shift()?.();
  if (queue.length > 0) schedule(true);
}

function post(): void {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = pump;
  }
  channel.port2.postMessage(null);
}

/** The next chart's task: at once, or (afterPaint) once the frame with the previous chart has been drawn. */
function schedule(afterPaint: boolean): void {
  if (scheduled) return;
  scheduled = true;
  // A message posted from a frame callback runs after that frame is painted.
  if (afterPaint && typeof requestAnimationFrame === 'function' && document.visibilityState === 'visible') requestAnimationFrame(post);
  else post();
}

export interface StaggerOptions<T> {
  /** Only while this element is on (or near) the screen. */
  gate?: RefObject<Element | null>;
  /** Jump the queue. */
  first?: boolean;
  /** Shown until the first value's turn (otherwise the first value is shown at once). */
  initial?: T;
}

/** `value`, applied in a later task of its own, in the order the charts asked. */
export function useStaggered<T>(value: T, options: StaggerOptions<T> = {}): T {
  const { gate, first = false } = options;
  const [shown, setShown] = useState<T>(() => ('initial' in options ? (options.initial as T) : value));
  const latest = useRef(value);
  const queued = useRef(false);
  const onScreen = useNearViewport(gate, '200px 0px', false);
  useEffect(() => {
    latest.current = value;
  }, [value]);
  useEffect(() => {
    if (!onScreen || Object.is(value, shown) || queued.current) return;
    queued.current = true;
    const apply = () => {
      queued.current = false;
      setShown(() => latest.current);
    };
    if (first) queue.unshift(apply);
    else queue.push(apply);
    schedule(false);
  }, [value, shown, onScreen, first]);
  return shown;
}

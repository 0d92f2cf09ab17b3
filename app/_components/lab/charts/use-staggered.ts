'use client';
// recharts redraws synchronously and does real work per chart. When a result
// arrives, every chart would otherwise redraw in one long task; handing each
// chart its new value in a task of its own keeps every task short, so the
// page stays responsive while the charts catch up one by one.
import { useEffect, useRef, useState } from 'react';

const queue: (() => void)[] = [];
let posted = false;
let channel: MessageChannel | null = null;

function pump(): void {
  posted = false;
  queue.shift()?.();
  if (queue.length > 0) post();
}

function post(): void {
  if (posted) return;
  posted = true;
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = pump;
  }
  channel.port2.postMessage(null);
}

/**
 * `value`, applied in a later task of its own (one chart per task, in the
 * order the charts asked). With `immediate`, the value is used at once.
 */
export function useStaggered<T>(value: T, immediate = false): T {
  const [shown, setShown] = useState(value);
  const latest = useRef(value);
  const queued = useRef(false);
  latest.current = value;
  useEffect(() => {
    if (immediate || Object.is(value, shown) || queued.current) return;
    queued.current = true;
    queue.push(() => {
      queued.current = false;
      setShown(() => latest.current);
    });
    post();
  }, [value, shown, immediate]);
  return immediate ? value : shown;
}

'use client';
// recharts redraws synchronously and does real work per chart. Two rules keep
// the page responsive when a result arrives:
//  - each chart takes its new value in a task of its own (one chart per task);
//  - a chart that is off screen waits until it scrolls into view.
import { useEffect, useRef, useState, type RefObject } from 'react';

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

/** Tracks whether an element is on screen (true where IntersectionObserver is missing). */
function useOnScreen(ref: RefObject<Element | null> | undefined): boolean {
  const [onScreen, setOnScreen] = useState(!ref);
  useEffect(() => {
    const el = ref?.current;
    if (!el || typeof IntersectionObserver === 'undefined') {
      setOnScreen(true);
      return;
    }
    const observer = new IntersectionObserver((entries) => setOnScreen(entries.some((e) => e.isIntersecting)), { rootMargin: '200px 0px' });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return onScreen;
}

/**
 * `value`, applied in a later task of its own, in the order the charts asked.
 * With `gate`, only while that element is on (or near) the screen.
 */
export function useStaggered<T>(value: T, gate?: RefObject<Element | null>): T {
  const [shown, setShown] = useState(value);
  const latest = useRef(value);
  const queued = useRef(false);
  const onScreen = useOnScreen(gate);
  useEffect(() => {
    latest.current = value;
  }, [value]);
  useEffect(() => {
    if (!onScreen || Object.is(value, shown) || queued.current) return;
    queued.current = true;
    queue.push(() => {
      queued.current = false;
      setShown(() => latest.current);
    });
    post();
  }, [value, shown, onScreen]);
  return shown;
}

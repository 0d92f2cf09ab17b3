'use client';
// Keeps a widget's keys in the address bar in step with its settings. Nothing
// is written on load (a page opened without a link keeps a clean URL); from the
// learner's first change on, every change is written after a short pause, so
// typing does not call replaceState on each key press.
import { useEffect, useRef } from 'react';
import { replaceQuery, withPrefixedEntries, type QueryEntries } from './url-state';

export const URL_WRITE_DELAY_MS = 300;

export function useQuerySync(prefix: string, entries: QueryEntries, delayMs = URL_WRITE_DELAY_MS): void {
  const key = JSON.stringify(entries);
  const initial = useRef(key);
  const changed = useRef(false);

  useEffect(() => {
    if (!changed.current && key === initial.current) return;
    changed.current = true;
    const timer = setTimeout(() => {
      // Read the address at write time: another widget may have written its own keys since.
      replaceQuery(withPrefixedEntries(window.location.search, prefix, JSON.parse(key) as QueryEntries));
    }, delayMs);
    return () => clearTimeout(timer);
  }, [key, prefix, delayMs]);
}

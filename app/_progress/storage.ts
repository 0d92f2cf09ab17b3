import type { PersistStorage, StorageValue } from 'zustand/middleware';
import { UNREADABLE } from './sanitize';
import type { ProgressData } from './schema';

/** The part of the Web Storage API the store needs; tests pass an in-memory one. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** What the store may find in storage: saved progress, or the marker for text it could not read. */
export type PersistedProgress = ProgressData | { [UNREADABLE]: string };

const unreadable = (reason: string, version: number): StorageValue<PersistedProgress> => ({
  state: { [UNREADABLE]: reason },
  version,
});

/**
 * Like zustand's createJSONStorage, but text that does not parse (or parses to
 * something that is not a saved state) is handed on as a marker instead of
 * throwing, so the store can reset it and tell the learner.
 */
export function safeJsonStorage(backend: () => KeyValueStorage | null, currentVersion: number): PersistStorage<PersistedProgress> {
  const safely = <T>(run: (s: KeyValueStorage) => T, fallback: T): T => {
    try {
      const s = backend();
      return s ? run(s) : fallback;
    } catch {
      // Storage can be disabled (private mode, quota): progress then lives for this page only.
      return fallback;
    }
  };
  return {
    getItem: (name) =>
      safely((s) => {
        const text = s.getItem(name);
        if (text === null) return null;
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          return unreadable('all saved progress (the saved text was not valid JSON)', currentVersion);
        }
        if (typeof parsed !== 'object' || parsed === null || !('state' in parsed)) {
          return unreadable('all saved progress (it was not in a format this app knows)', currentVersion);
        }
        const { state, version } = parsed as { state: unknown; version?: unknown };
        return { state: state as ProgressData, ...(typeof version === 'number' && { version }) };
      }, null),
    setItem: (name, value) => safely((s) => s.setItem(name, JSON.stringify(value)), undefined),
    removeItem: (name) => safely((s) => s.removeItem(name), undefined),
  };
}

export function browserStorage(): KeyValueStorage | null {
  return typeof window === 'undefined' ? null : window.localStorage;
}

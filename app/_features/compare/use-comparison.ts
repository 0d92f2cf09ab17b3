'use client';
// The comparison's React side: its settings store, bound (useCompareSettings),
// and the sweep for the current options, asked of the compare worker once the
// settings settle (useComparison). Answers for older settings are
// dropped (the worker itself stops sweeps a newer request overtakes).
import { startTransition, useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { useQuerySync } from '@/app/_platform/url/use-query-sync';
import type { Comparison } from '@/engine/index';
import type { SweepOptions } from './model/protocol';
import { COMPARE_PREFIX, encodeCompare } from './model/url';
import { createCompareStore, type CompareState } from './store';
import type { CompareClient } from './worker/client';

/** Waits for a slider to settle before asking for a new sweep. */
const DEBOUNCE_MS = 120;

interface SweepState {
  comparison: Comparison | null;
  /** The options (as JSON) that `comparison` or `error` belongs to. */
  key: string | null;
  error: string | null;
}

/** Asks the worker for a sweep once the settings settle; answers for older settings are dropped. */
export function useComparison(options: SweepOptions, valid: boolean, client: CompareClient): { comparison: Comparison | null; busy: boolean; error: string | null } {
  const [state, setState] = useState<SweepState>({ comparison: null, key: null, error: null });
  const key = JSON.stringify(options);
  useEffect(() => {
    if (!valid) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      void client.compare(JSON.parse(key) as SweepOptions).then((outcome) => {
        if (cancelled || outcome.type === 'superseded') return;
        // A transition lets React draw the charts in slices instead of one long task.
        if (outcome.type === 'compared') startTransition(() => setState({ comparison: outcome.comparison, key, error: null }));
        else setState((s) => ({ ...s, key, error: outcome.message }));
      });
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [key, valid, client]);
  return { comparison: state.comparison, busy: valid && state.key !== key, error: state.key === key ? state.error : null };
}

/**
 * The React binding of the comparison's store (store.ts): one store per
 * widget, its settings written back to the page's link as they change. The
 * widget mounts only in the browser, so reading the address here never
 * differs from a server render.
 */
export function useCompareSettings(): CompareState {
  const [store] = useState(() => createCompareStore(typeof window === 'undefined' ? '' : window.location.search));
  const state = useStore(store);
  useQuerySync(COMPARE_PREFIX, useMemo(() => encodeCompare(state.settings), [state.settings]));
  return state;
}

'use client';

import { useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import { createProgressStore, PROGRESS_KEY, type ProgressState } from './store';

/** The one store of the app. On the server it has no storage and stays empty. */
export const progressStore = createProgressStore();

/**
 * zustand's useStore renders the initial (empty) state on the server and during
 * hydration, then the saved state: so server and client HTML always match.
 */
export function useProgress<T>(selector: (state: ProgressState) => T): T {
  return useStore(progressStore, selector);
}

const noSubscription = () => () => {};

/** False on the server and during hydration, true afterwards. */
export function useHydrated(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}

/** Mirrors the unlocked chapters onto <html data-unlocked>, which the lock CSS reads. */
function syncUnlockedAttribute(state: ProgressState) {
  const value = state.unlocked.join(' ');
  if (document.documentElement.dataset.unlocked !== value) document.documentElement.dataset.unlocked = value;
}

if (typeof window !== 'undefined') {
  syncUnlockedAttribute(progressStore.getState());
  progressStore.subscribe(syncUnlockedAttribute);
  // Another tab saved progress: load it so the two tabs do not overwrite each other.
  window.addEventListener('storage', (event) => {
    if (event.key === PROGRESS_KEY) void progressStore.persist.rehydrate();
  });
}

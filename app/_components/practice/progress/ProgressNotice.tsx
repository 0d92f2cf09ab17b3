'use client';
// Says so when saved progress had to be partly reset while loading. That can
// only happen when there is saved progress, so the store (its checks, migration
// and persistence) is loaded for the notice only then: a page that has no other
// use for it (the lab) carries none of it on a first visit. Pages that show
// progress load the store themselves, and the notice finds it already there.
import { lazy, Suspense, useSyncExternalStore } from 'react';
import { PROGRESS_KEY } from '@/app/_progress/keys';

const SavedProgressNotice = lazy(() => import('./SavedProgressNotice'));

function hasSavedProgress(): boolean {
  try {
    return localStorage.getItem(PROGRESS_KEY) !== null;
  } catch {
    // Storage disabled: nothing was saved, so nothing can need resetting.
    return false;
  }
}

/** Another tab may save progress for the first time: the store is then loaded, reads it, and may find it broken. */
function subscribe(onChange: () => void): () => void {
  window.addEventListener('storage', onChange);
  return () => window.removeEventListener('storage', onChange);
}

export function ProgressNotice() {
  // False on the server and during hydration, as the notice itself is.
  const saved = useSyncExternalStore(subscribe, hasSavedProgress, () => false);
  return saved ? (
    <Suspense fallback={null}>
      <SavedProgressNotice />
    </Suspense>
  ) : null;
}

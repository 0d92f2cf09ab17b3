'use client';
// The "see it in the lab" link the lab was opened from, if any. Its highlight
// stays on while the settings are the link's own: once the learner changes
// something, the run on screen is no longer the one the sentence describes.
import { createContext, useContext } from 'react';
import type { LabWatch, WatchTarget } from '@/app/_features/lab/model/watch';
import { useLab } from '@/app/_features/lab/use-lab';

export const WatchContext = createContext<LabWatch | null>(null);

export const useWatch = (): LabWatch | null => useContext(WatchContext);

/** True while a result of the link's own settings is on screen and the link points at one of `targets`. */
export function useWatchActive(targets: readonly WatchTarget[]): boolean {
  const watch = useWatch();
  const shown = useLab((s) => s.view !== null && s.revision === 0);
  return watch !== null && shown && targets.includes(watch.show);
}

'use client';
// The React binding of the explorer's store (store.ts): one store per widget,
// its forms written back to the page's link as they change.
import { useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { useQuerySync } from '@/app/_platform/url/use-query-sync';
import { encodeSchedule, SCHEDULE_PREFIX } from './model/url';
import { createScheduleStore, type ScheduleState } from './store';

export type ScheduleExplorerState = ScheduleState;

/**
 * The widget only mounts in the browser, so reading the address here never
 * differs from a server render.
 */
export function useScheduleExplorer(): ScheduleExplorerState {
  const [store] = useState(() => createScheduleStore(typeof window === 'undefined' ? '' : window.location.search));
  const state = useStore(store);
  const { recurrence, trigger } = state;
  useQuerySync(SCHEDULE_PREFIX, useMemo(() => encodeSchedule({ recurrence, trigger }), [recurrence, trigger]));
  return state;
}

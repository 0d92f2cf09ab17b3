'use client';
// The explorer's state: the two forms, started from the page's link and
// written back to it, and what the engine makes of them. The schedule maths
// is cheap, so it runs here on the main thread, on every change.
import { useMemo, useState } from 'react';
import { useQuerySync } from '@/app/_platform/url/use-query-sync';
import type { UrlNote } from '@/app/_platform/url/url-state';
import { nowProblems } from './model/explorer';
import { computeRunTimes, type RecurrenceFormState, type RunTimesResult } from './model/recurrence-form';
import { simulateArrivals, type TriggerFormState, type TriggerResult } from './model/trigger-sim';
import { decodeSchedule, encodeSchedule, SCHEDULE_PREFIX } from './model/url';

export interface ScheduleExplorerState {
  /** Settings in the page's link that could not be used. */
  notes: UrlNote[];
  recurrence: RecurrenceFormState;
  trigger: TriggerFormState;
  runTimes: RunTimesResult;
  arrivals: TriggerResult;
  /** Messages for the shared "now" field. */
  nowProblems: string[];
  updateRecurrence(patch: Partial<RecurrenceFormState>): void;
  updateTrigger(patch: Partial<TriggerFormState>): void;
}

/**
 * The widget only mounts in the browser, so reading the address here never
 * differs from a server render.
 */
export function useScheduleExplorer(): ScheduleExplorerState {
  const [linked] = useState(() => decodeSchedule(typeof window === 'undefined' ? '' : window.location.search));
  const [recurrence, setRecurrence] = useState<RecurrenceFormState>(linked.recurrence);
  const [trigger, setTrigger] = useState<TriggerFormState>(linked.trigger);
  useQuerySync(SCHEDULE_PREFIX, useMemo(() => encodeSchedule({ recurrence, trigger }), [recurrence, trigger]));
  const runTimes = useMemo(() => computeRunTimes(recurrence), [recurrence]);
  const arrivals = useMemo(() => simulateArrivals(trigger, recurrence.now), [trigger, recurrence.now]);
  return {
    notes: linked.notes,
    recurrence,
    trigger,
    runTimes,
    arrivals,
    nowProblems: nowProblems(runTimes, arrivals),
    updateRecurrence: (patch) => setRecurrence((f) => ({ ...f, ...patch })),
    updateTrigger: (patch) => setTrigger((f) => ({ ...f, ...patch })),
  };
}

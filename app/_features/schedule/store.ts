// The explorer's state as a vanilla zustand store: the two forms, started
// from the page's link, and what the engine makes of them. The schedule maths
// is cheap (well under a millisecond), so it runs on the main thread on every
// change, inside the store; React binds to it through use-schedule.ts.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { UrlNote } from '@/app/_platform/url/url-state';
import { nowProblems } from './model/explorer';
import { computeRunTimes, type RecurrenceFormState, type RunTimesResult } from './model/recurrence-form';
import { simulateArrivals, type TriggerFormState, type TriggerResult } from './model/trigger-sim';
import { decodeSchedule } from './model/url';

export interface ScheduleData {
  /** Settings in the page's link that could not be used. */
  notes: UrlNote[];
  recurrence: RecurrenceFormState;
  trigger: TriggerFormState;
  runTimes: RunTimesResult;
  arrivals: TriggerResult;
  /** Messages for the shared "now" field. */
  nowProblems: string[];
}

export interface ScheduleActions {
  updateRecurrence(patch: Partial<RecurrenceFormState>): void;
  updateTrigger(patch: Partial<TriggerFormState>): void;
}

export type ScheduleState = ScheduleData & ScheduleActions;
export type ScheduleStore = StoreApi<ScheduleState>;

type Derived = Pick<ScheduleData, 'recurrence' | 'trigger' | 'runTimes' | 'arrivals' | 'nowProblems'>;

/** The engine's answers for the forms; an unchanged part keeps its previous answer. */
function derive(recurrence: RecurrenceFormState, trigger: TriggerFormState, previous?: Derived): Derived {
  const runTimes = previous && previous.recurrence === recurrence ? previous.runTimes : computeRunTimes(recurrence);
  const sameArrivals = previous && previous.trigger === trigger && previous.recurrence.now === recurrence.now;
  const arrivals = sameArrivals ? previous.arrivals : simulateArrivals(trigger, recurrence.now);
  return { recurrence, trigger, runTimes, arrivals, nowProblems: nowProblems(runTimes, arrivals) };
}

/** `search` is the page's query string, from which the forms start. */
export function createScheduleStore(search: string): ScheduleStore {
  const linked = decodeSchedule(search);
  return createStore<ScheduleState>()((set, get) => ({
    notes: linked.notes,
    ...derive(linked.recurrence, linked.trigger),
    updateRecurrence: (patch) => set(derive({ ...get().recurrence, ...patch }, get().trigger, get())),
    updateTrigger: (patch) => set(derive(get().recurrence, { ...get().trigger, ...patch }, get())),
  }));
}

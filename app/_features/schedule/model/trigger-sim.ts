// Blob arrivals against a data trigger: the runs the engine fires, and for each
// blob a plain reason why it did or did not start a run. The reasons come from
// asking the engine "what if" (an event trigger on the same path, a longer
// window, the whole container) rather than from re-implementing its rules.
import type { ConfigProblem } from '@/engine/index';
import { DEFAULT_POLLING_INTERVAL, ScheduleValidationError, parseSchedule, simulateTriggers, type BlobArrival, type TriggeredRun } from '@/engine/schedule/index';
import { addMinutes, instantMs } from './format-time';

export const DATASTORE = 'workspaceblobstore';
const WORKSPACE = { datastores: { [DATASTORE]: { type: 'AzureBlob' } } };

export type TriggerKind = 'datastore' | 'event';

export interface TriggerFormState {
  kind: TriggerKind;
  pollingInterval: string;
  path: string;
  parameterName: string;
  windowMinutes: string;
  arrivals: (BlobArrival & { key: number })[];
}

export function defaultArrivals(now: string): TriggerFormState['arrivals'] {
  return [
    { key: 1, time: addMinutes(now, 2), path: 'incoming/day1.csv' },
    { key: 2, time: addMinutes(now, 4), path: 'incoming/day1-late.csv' },
    { key: 3, time: addMinutes(now, 9), path: 'incoming/archive/old.csv' },
    { key: 4, time: addMinutes(now, 21), path: 'incoming/day2.csv' },
    { key: 5, time: addMinutes(now, 30), path: 'exports/report.csv' },
  ];
}

export function defaultTriggerForm(now: string): TriggerFormState {
  return { kind: 'datastore', pollingInterval: '5', path: 'incoming', parameterName: 'input_path', windowMinutes: '60', arrivals: defaultArrivals(now) };
}

function wholeOrText(text: string): unknown {
  const t = text.trim();
  return /^-?\d+$/.test(t) ? Number(t) : t;
}

/** The form as the SDK object it stands for, unchecked: the engine reports every wrong value by field. */
export function toSchedule(form: TriggerFormState, kind: TriggerKind = form.kind, path: string = form.path): Record<string, unknown> {
  const s: Record<string, unknown> = { kind, datastore: DATASTORE };
  if (kind === 'datastore' && form.pollingInterval.trim() !== '') s.polling_interval = wholeOrText(form.pollingInterval);
  if (path.trim() !== '') s.path_on_datastore = path.trim();
  if (form.parameterName.trim() !== '') s.data_path_parameter_name = form.parameterName.trim();
  return s;
}

export type BlobFate =
  | { kind: 'fired'; run: number; time: string; together: number }
  | { kind: 'subfolder' }
  | { kind: 'after_window'; poll: string }
  | { kind: 'outside_path' }
  | { kind: 'outside_window' }
  | { kind: 'invalid' };

export interface TriggerResult {
  runs: TriggeredRun[];
  fates: BlobFate[];
  problems: ConfigProblem[];
  from: string;
  to: string;
}

function tryRuns(loose: Record<string, unknown>, from: string, to: string, arrivals: BlobArrival[]): { runs: TriggeredRun[]; problems: ConfigProblem[] } {
  const parsed = parseSchedule(WORKSPACE, loose);
  if (!parsed.ok) return { runs: [], problems: parsed.problems };
  try {
    return { runs: simulateTriggers(WORKSPACE, parsed.value, { from, to, arrivals }), problems: [] };
  } catch (error) {
    if (error instanceof ScheduleValidationError) return { runs: [], problems: error.problems };
    throw error;
  }
}

/** The first run at or after the blob's arrival that lists it. */
function runIndexFor(runs: TriggeredRun[], arrival: BlobArrival): number {
  const at = instantMs(arrival.time) ?? 0;
  return runs.findIndex((r) => (instantMs(r.time) ?? 0) >= at - 999 && (r.blobs ?? []).includes(arrival.path.replace(/^\/+/, '')));
}

function whyNot(form: TriggerFormState, arrival: BlobArrival, from: string, to: string, pollMinutes: number): BlobFate {
  const alone = [arrival];
  if (form.kind === 'datastore') {
    // Seen by an event trigger on the same path, so it is under the path; did its poll fall after the window?
    if (tryRuns(toSchedule(form, 'event'), from, to, alone).runs.length > 0) {
      const later = tryRuns(toSchedule(form), from, addMinutes(to, pollMinutes), alone).runs[0];
      return later ? { kind: 'after_window', poll: later.time } : { kind: 'subfolder' };
    }
  }
  if (tryRuns(toSchedule(form, 'event', ''), from, to, alone).runs.length > 0) return { kind: 'outside_path' };
  return { kind: 'outside_window' };
}

export function simulateArrivals(form: TriggerFormState, now: string): TriggerResult {
  const minutes = Number(form.windowMinutes);
  const to = Number.isInteger(minutes) && minutes > 0 ? addMinutes(now, minutes) : now;
  const windowProblems: ConfigProblem[] =
    Number.isInteger(minutes) && minutes > 0 ? [] : [{ field: 'window', message: `window ${JSON.stringify(form.windowMinutes)} must be a whole number of minutes, 1 or more` }];
  const arrivals = form.arrivals.map(({ time, path }) => ({ time, path }));
  const { runs, problems } = tryRuns(toSchedule(form), now, to, arrivals);
  const all = [...windowProblems, ...problems];
  if (all.length > 0) return { runs: [], fates: arrivals.map(() => ({ kind: 'invalid' })), problems: all, from: now, to };
  const pollMinutes = form.pollingInterval.trim() === '' ? DEFAULT_POLLING_INTERVAL : Number(form.pollingInterval);
  const fates = arrivals.map((arrival): BlobFate => {
    const index = runIndexFor(runs, arrival);
    const run = runs[index];
    if (run) return { kind: 'fired', run: index + 1, time: run.time, together: (run.blobs?.length ?? 1) - 1 };
    return whyNot(form, arrival, now, to, pollMinutes);
  });
  return { runs, fates, problems: [], from: now, to };
}

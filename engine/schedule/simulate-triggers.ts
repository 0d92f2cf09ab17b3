// simulateTriggers: which pipeline runs a schedule would submit in a time span.
// - recurrence: the run times of the recurrence; arrivals are ignored, which is the point.
// - datastore (v1 polling): polls every polling_interval minutes counted from `from`;
//   blobs that arrived directly in the watched folder since the previous poll fire one
//   run together at the next poll. Blobs in sub-folders are never seen.
// - event (Event Grid style): each blob under the path, sub-folders included, fires
//   its own run the moment it is created.
import type { ConfigProblem } from '../types';
import { throwIfProblems } from './errors';
import { runInstantsBetween } from './next-run-times';
import type { BlobArrival, DatastoreSchedule, EventTrigger, Schedule, SimulateTriggersOptions, TriggeredRun, TriggerWorkspace } from './types';
import { validateSchedule } from './validate-schedule';
import { ceilToSecond, formatUtc, parseInstant } from './wall-time';

const MINUTE_MS = 60_000;
export const DEFAULT_POLLING_INTERVAL = 5;
export const MAX_TRIGGERED_RUNS = 10_000;

interface Arrival {
  ms: number;
  path: string;
}

export function simulateTriggers(workspace: TriggerWorkspace, schedule: Schedule, options: SimulateTriggersOptions): TriggeredRun[] {
  throwIfProblems('schedule', [...validateSchedule(workspace, schedule), ...checkOptions(options)]);
  const from = parseInstant(options.from) ?? 0;
  const to = parseInstant(options.to) ?? 0;
  if (schedule.kind === 'recurrence') {
    return runInstantsBetween(schedule.recurrence, from, to, MAX_TRIGGERED_RUNS).map((ms) => ({
      time: formatUtc(ms),
      reason: 'recurrence' as const,
      ...(schedule.pipeline_parameters ? { parameters: { ...schedule.pipeline_parameters } } : {}),
    }));
  }
  // `from` is when the schedule became active: blobs already there are the baseline, not changes.
  const arrivals = (options.arrivals ?? [])
    .map((a) => ({ ms: parseInstant(a.time) ?? 0, path: stripSlashes(a.path) }))
    .filter((a) => a.ms > from && a.ms <= to)
    .sort((a, b) => a.ms - b.ms);
  const runs = schedule.kind === 'datastore' ? pollingRuns(schedule, arrivals, from, to) : eventRuns(schedule, arrivals);
  if (runs.length > MAX_TRIGGERED_RUNS) throw new Error(`More than ${MAX_TRIGGERED_RUNS} runs fire in the window; shorten from/to`);
  return runs;
}

function pollingRuns(schedule: DatastoreSchedule, arrivals: Arrival[], from: number, to: number): TriggeredRun[] {
  const pollMs = (schedule.polling_interval ?? DEFAULT_POLLING_INTERVAL) * MINUTE_MS;
  const watched = stripSlashes(schedule.path_on_datastore ?? '');
  const byPoll = new Map<number, string[]>();
  for (const a of arrivals) {
    if (parentFolder(a.path) !== watched) continue;
    // A blob landing exactly on a poll is seen by that poll.
    const poll = from + Math.ceil((a.ms - from) / pollMs) * pollMs;
    if (poll > to) continue;
    const blobs = byPoll.get(poll) ?? [];
    if (!blobs.includes(a.path)) blobs.push(a.path);
    byPoll.set(poll, blobs);
  }
  return [...byPoll].map(([poll, blobs]) => ({
    time: formatUtc(poll),
    reason: 'blob_arrived' as const,
    // Azure does not say which blob wins when several changed; the earliest one is passed.
    ...parametersFor(schedule, blobs[0]),
    blobs,
  }));
}

function eventRuns(trigger: EventTrigger, arrivals: Arrival[]): TriggeredRun[] {
  const prefix = stripSlashes(trigger.path_on_datastore ?? '');
  return arrivals
    .filter((a) => prefix === '' || a.path.startsWith(`${prefix}/`))
    .map((a) => ({ time: formatUtc(ceilToSecond(a.ms)), reason: 'event' as const, ...parametersFor(trigger, a.path), blobs: [a.path] }));
}

function parametersFor(schedule: DatastoreSchedule | EventTrigger, path: string | undefined): { parameters?: Record<string, string> } {
  const parameters: Record<string, string> = { ...schedule.pipeline_parameters };
  if (schedule.data_path_parameter_name && path !== undefined) parameters[schedule.data_path_parameter_name] = path;
  return Object.keys(parameters).length > 0 ? { parameters } : {};
}

const stripSlashes = (path: string): string => path.replace(/^\/+|\/+$/g, '');

function parentFolder(path: string): string {
  const cut = path.lastIndexOf('/');
  return cut < 0 ? '' : path.slice(0, cut);
}

function checkOptions(options: SimulateTriggersOptions): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const from = instantProblem(options?.from, 'from', problems);
  const to = instantProblem(options?.to, 'to', problems);
  if (from !== null && to !== null && to < from) problems.push({ field: 'to', message: `to ${options.to} is before from ${options.from}` });
  const arrivals: unknown = options?.arrivals;
  if (arrivals !== undefined && !Array.isArray(arrivals)) {
    problems.push({ field: 'arrivals', message: 'arrivals must be a list of { time, path }' });
  } else {
    (arrivals ?? []).forEach((a: BlobArrival, i: number) => {
      instantProblem(a?.time, `arrivals[${i}].time`, problems);
      if (typeof a?.path !== 'string' || stripSlashes(a.path) === '' || a.path.endsWith('/')) {
        problems.push({ field: `arrivals[${i}].path`, message: `arrivals[${i}].path ${JSON.stringify(a?.path)} must be a blob path such as "incoming/day1.csv"` });
      }
    });
  }
  return problems;
}

function instantProblem(value: unknown, field: string, problems: ConfigProblem[]): number | null {
  const ms = typeof value === 'string' ? parseInstant(value) : null;
  if (ms === null) problems.push({ field, message: `${field} ${JSON.stringify(value)} is not an instant; use ISO with Z or an offset, e.g. "2024-03-01T00:00:00Z"` });
  return ms;
}

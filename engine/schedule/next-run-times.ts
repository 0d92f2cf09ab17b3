// Public entry points for recurrence schedules: validate, then list run times.
import type { ConfigProblem } from '../types';
import { throwIfProblems } from './errors';
import { planRecurrence } from './recurrence-plan';
import { runInstants } from './run-instants';
import type { NextRunTimesOptions, ScheduleRecurrence } from './types';
import { TIME_ZONE_DEFAULTS } from './types';
import { checkTimeZone, validateRecurrence } from './validate-recurrence';
import { ceilToSecond, formatUtc, parseInstant } from './wall-time';

export const MAX_RUN_TIMES = 10_000;

/**
 * The next `count` run times of a recurrence, as UTC `YYYY-MM-DDTHH:MM:SSZ`.
 * `after` is "now" and inclusive: a run due exactly then is listed (an `after`
 * with milliseconds is first rounded up to the next whole second). To page,
 * call again with `after` one second past the last time returned.
 * Throws ScheduleValidationError listing every problem.
 */
export function nextRunTimes(recurrence: ScheduleRecurrence, options: NextRunTimesOptions): string[] {
  const problems = [...validateRecurrence(recurrence), ...checkOptions(options)];
  throwIfProblems('recurrence', problems);
  const afterMs = ceilToSecond(parseInstant(options.after) ?? 0);
  const times: string[] = [];
  if (options.count === 0) return times;
  for (const t of runInstants(planRecurrence(recurrence, options.defaultTimeZone), afterMs)) {
    times.push(formatUtc(t));
    if (times.length >= options.count) break;
  }
  return times;
}

/** Run instants (epoch ms) in [fromMs, toMs]; the recurrence must already be valid. */
export function runInstantsBetween(recurrence: ScheduleRecurrence, fromMs: number, toMs: number, limit: number): number[] {
  const out: number[] = [];
  for (const t of runInstants(planRecurrence(recurrence, TIME_ZONE_DEFAULTS.documented), ceilToSecond(fromMs))) {
    if (t > toMs) break;
    if (out.length >= limit) throw new Error(`More than ${limit} runs fall in the window; shorten from/to or lengthen the interval`);
    out.push(t);
  }
  return out;
}

function checkOptions(options: NextRunTimesOptions): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  if (typeof options.after !== 'string' || parseInstant(options.after) === null) {
    problems.push({ field: 'after', message: `after ${JSON.stringify(options.after)} is not an instant; use ISO with Z or an offset, e.g. "2024-03-01T00:00:00Z"` });
  }
  const count = options.count;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0 || count > MAX_RUN_TIMES) {
    problems.push({ field: 'count', message: `count ${JSON.stringify(count)} is not allowed; use a whole number from 0 to ${MAX_RUN_TIMES}` });
  }
  return [...problems, ...checkTimeZone(options.defaultTimeZone, 'defaultTimeZone')];
}

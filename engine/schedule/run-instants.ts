// The next-run algorithm. Azure does not document the service's own algorithm
// (facts sheet §9), so this implements the documented rules and nothing more:
// - intervals count from start_time (or from `after` when there is none);
// - Minute and Hour step in real elapsed time, so a DST change does not shift them;
// - Day, Week and Month step on the local calendar of time_zone, so a daily 09:00
//   stays 09:00 local across DST (the UTC time moves by an hour);
// - Week periods are ISO weeks (Monday–Sunday) counted from the week holding the anchor;
// - Month keeps the anchor's day of month and skips months without that day.
import type { DateTime } from 'luxon';
import type { RecurrencePlan } from './recurrence-plan';
import { instantToWall, wallToInstant } from './wall-time';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Far more than any real gap: a monthly Feb 29 across 2100 sees 95 empty months in a row. */
const MAX_EMPTY_PERIODS = 5_000;
/** toISOString and the output format stop at year 9999; a schedule simply ends there. */
const END_MS = Date.UTC(10_000, 0, 1);
const timeMs = (t: TimeOfDay): number => ((t.hour * 60 + t.minute) * 60 + t.second) * 1000;

interface TimeOfDay {
  hour: number;
  minute: number;
  second: number;
}

/** Run instants (epoch ms, whole seconds) at or after `afterMs`, strictly increasing. */
export function* runInstants(plan: RecurrencePlan, afterMs: number): Generator<number> {
  let anchor: DateTime;
  let min: number;
  let strictAtMin: boolean;
  let last = -Infinity;
  if (plan.start) {
    anchor = plan.start;
    const startMs = wallToInstant(anchor.toMillis(), plan.zone);
    // A future start_time opens the schedule; a past one is replaced by `after`.
    min = Math.max(startMs, afterMs);
    strictAtMin = startMs >= afterMs && plan.explicitPattern;
  } else {
    // No start_time: the first run is immediate and the schedule counts from it.
    yield afterMs;
    last = afterMs;
    anchor = instantToWall(afterMs, plan.zone);
    min = afterMs;
    strictAtMin = true;
  }
  for (const t of candidates(plan, anchor, min)) {
    if (t < min || (strictAtMin && t === min) || t <= last) continue;
    if (t >= END_MS) return;
    last = t;
    yield t;
  }
}

function candidates(plan: RecurrencePlan, anchor: DateTime, minMs: number): Iterable<number> {
  switch (plan.frequency) {
    case 'Minute':
      return elapsedSteps(plan, anchor, minMs, plan.interval * MINUTE_MS);
    case 'Hour':
      return elapsedSteps(plan, anchor, minMs, plan.interval * 60 * MINUTE_MS);
    case 'Day':
    case 'Week':
    case 'Month':
      return calendarPeriods(plan, anchor, minMs);
  }
}

function* elapsedSteps(plan: RecurrencePlan, anchor: DateTime, minMs: number, stepMs: number): Generator<number> {
  const first = wallToInstant(anchor.toMillis(), plan.zone);
  // Jump straight to the first step at or after minMs instead of walking from a distant start.
  for (let k = Math.max(0, Math.ceil((minMs - first) / stepMs)); ; k++) yield first + k * stepMs;
}

function* calendarPeriods(plan: RecurrencePlan, anchor: DateTime, minMs: number): Generator<number> {
  const skip = Math.max(0, Math.floor(unitsBetween(plan, anchor, instantToWall(minMs, plan.zone)) / plan.interval) - 1);
  let empty = 0;
  for (let k = skip; ; k++) {
    const walls = periodWallTimes(plan, anchor, k * plan.interval);
    if (walls.length === 0 && ++empty > MAX_EMPTY_PERIODS) throw new Error('No run time found in 5000 consecutive periods');
    if (walls.length > 0) empty = 0;
    if ((walls[0] ?? 0) - DAY_MS >= END_MS) return;
    // Gap shifts can reorder or merge times inside a day, so sort here; runInstants drops duplicates.
    yield* walls.map((w) => wallToInstant(w, plan.zone)).sort((a, b) => a - b);
  }
}

/** Whole calendar units (days, weeks or months) from the anchor's period to `wall`'s. */
function unitsBetween(plan: RecurrencePlan, anchor: DateTime, wall: DateTime): number {
  if (plan.frequency === 'Month') return (wall.year - anchor.year) * 12 + (wall.month - anchor.month);
  const days = Math.floor((wall.startOf('day').toMillis() - anchor.startOf('day').toMillis()) / DAY_MS);
  return plan.frequency === 'Week' ? Math.floor(days / 7) : days;
}

/** Naive wall times (ms) of the period that starts `offset` units after the anchor's period. */
function periodWallTimes(plan: RecurrencePlan, anchor: DateTime, offset: number): number[] {
  const day = anchor.startOf('day');
  if (plan.frequency === 'Month') {
    const month = anchor.startOf('month').plus({ months: offset });
    // A month without the anchor's day (31st, Feb 29/30) has no run at all.
    if ((month.daysInMonth ?? 0) < anchor.day) return [];
    return [month.set({ day: anchor.day }).toMillis() + timeMs(anchor)];
  }
  const dates =
    plan.frequency === 'Day'
      ? [day.plus({ days: offset })]
      : (plan.weekDays ?? [anchor.weekday]).map((wd) => day.plus({ days: 7 * offset + wd - anchor.weekday }));
  const times = timesOfDay(plan, anchor).map(timeMs);
  return dates.flatMap((date) => times.map((t) => date.toMillis() + t));
}

/** Every hours × minutes combination; without a pattern, the anchor's own time of day. */
function timesOfDay(plan: RecurrencePlan, anchor: DateTime): TimeOfDay[] {
  if (!plan.hours && !plan.minutes) return [{ hour: anchor.hour, minute: anchor.minute, second: anchor.second }];
  const hours = plan.hours ?? [anchor.hour];
  const minutes = plan.minutes ?? [anchor.minute];
  return hours.flatMap((hour) => minutes.map((minute) => ({ hour, minute, second: 0 })));
}

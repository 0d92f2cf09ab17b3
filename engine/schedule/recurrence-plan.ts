// Turns a validated ScheduleRecurrence into the numbers the run-time generator
// needs: zone object, naive start, and the hour/minute/weekday pattern.
import type { DateTime, IANAZone } from 'luxon';
import type { Frequency, ScheduleRecurrence } from './types';
import { TIME_ZONE_DEFAULTS, WEEK_DAYS } from './types';
import { parseNaive, zoneFor } from './wall-time';

export interface RecurrencePlan {
  frequency: Frequency;
  interval: number;
  zone: IANAZone;
  /** Naive local start, or null for "first run immediately". */
  start: DateTime | null;
  hours: number[] | null;
  minutes: number[] | null;
  /** ISO weekdays, Monday = 1. */
  weekDays: number[] | null;
  /**
   * True when hours, minutes or time_of_day were given. The SDK docs say that a
   * start_time matching week_days and time_of_day (or hours and minutes) does not
   * fire itself: the first run is the next calculated time after it. Without an
   * explicit time the pattern is taken from start_time, so there is nothing to
   * "match" and start_time is the first run (the docs' Month example).
   */
  explicitPattern: boolean;
}

const sortedUnique = (values: number[]): number[] => [...new Set(values)].sort((a, b) => a - b);

/** Assumes validateRecurrence found nothing. */
export function planRecurrence(r: ScheduleRecurrence, defaultTimeZone: string = TIME_ZONE_DEFAULTS.documented): RecurrencePlan {
  let hours = r.hours ?? null;
  let minutes = r.minutes ?? null;
  if (r.time_of_day !== undefined) {
    // SDK behaviour: time_of_day "hh:mm" becomes hours=[hh], minutes=[mm].
    const [hh, mm] = r.time_of_day.split(':').map(Number);
    hours = [hh ?? 0];
    minutes = [mm ?? 0];
  }
  return {
    frequency: r.frequency,
    interval: r.interval,
    zone: zoneFor(r.time_zone ?? defaultTimeZone),
    start: r.start_time === undefined ? null : parseNaive(r.start_time),
    hours: hours && sortedUnique(hours),
    minutes: minutes && sortedUnique(minutes),
    weekDays: r.week_days ? sortedUnique(r.week_days.map((d) => WEEK_DAYS.indexOf(d) + 1)) : null,
    explicitPattern: hours !== null || minutes !== null,
  };
}

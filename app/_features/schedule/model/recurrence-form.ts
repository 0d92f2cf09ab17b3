// The explorer's form as the learner typed it (strings), turned into an SDK v1
// ScheduleRecurrence for the engine. Nothing is checked here: every check is
// the engine's, so the messages beside the controls are exactly its words.
import type { ConfigProblem } from '@/engine/index';
import { nextRunTimes, ScheduleValidationError, TIME_ZONE_DEFAULTS, parseRecurrence, type ScheduleRecurrence, type WeekDay } from '@/engine/schedule/index';

export interface RecurrenceFormState {
  frequency: string;
  interval: string;
  /** Empty means "omit start_time". */
  startTime: string;
  /** Empty means "omit time_zone". */
  timeZone: string;
  hours: string;
  minutes: string;
  weekDays: WeekDay[];
  timeOfDay: string;
  /** The explorer's fixed "now", an ISO instant; never the real clock. */
  now: string;
  /** With time_zone omitted: follow the v1 code's fallback instead of the documented UTC. */
  v1CodeDefault: boolean;
}

export const DEFAULT_NOW = '2026-11-24T12:00:00Z';
export const RUN_COUNT = 10;

export const DEFAULT_RECURRENCE_FORM: RecurrenceFormState = {
  frequency: 'Day',
  interval: '1',
  startTime: '2026-11-24T00:00:00',
  timeZone: 'UTC',
  hours: '',
  minutes: '',
  weekDays: [],
  timeOfDay: '02:30',
  now: DEFAULT_NOW,
  v1CodeDefault: false,
};

export const COMMON_TIME_ZONES = [
  'UTC',
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/Los_Angeles',
  'Asia/Kolkata',
  'Asia/Tokyo',
  'Australia/Sydney',
] as const;

/** "9, 17" → [9, 17]. Tokens that are not whole numbers go through as text, so the engine can name them. */
export function parseNumberList(text: string): unknown[] | undefined {
  const tokens = text.split(/[\s,]+/).filter((t) => t !== '');
  if (tokens.length === 0) return undefined;
  return tokens.map((t) => (/^\d+$/.test(t) ? Number(t) : t));
}

function parseInterval(text: string): unknown {
  const t = text.trim();
  if (t === '') return undefined;
  return /^-?\d+$/.test(t) ? Number(t) : t;
}

/** The form as the SDK object it stands for, unchecked: the engine reports every wrong value by field. */
export function toRecurrence(form: RecurrenceFormState): Record<string, unknown> {
  const r: Record<string, unknown> = { frequency: form.frequency, interval: parseInterval(form.interval) };
  if (form.startTime.trim() !== '') r.start_time = form.startTime.trim();
  if (form.timeZone !== '') r.time_zone = form.timeZone;
  const hours = parseNumberList(form.hours);
  if (hours) r.hours = hours;
  const minutes = parseNumberList(form.minutes);
  if (minutes) r.minutes = minutes;
  if (form.weekDays.length > 0) r.week_days = form.weekDays;
  if (form.timeOfDay.trim() !== '') r.time_of_day = form.timeOfDay.trim();
  if (r.interval === undefined) delete r.interval;
  return r;
}

/**
 * The zone the schedule runs in. With time_zone omitted the documentation says
 * UTC; the v1 code fills in GMT Standard Time, but only when start_time is set.
 */
export function effectiveZone(form: RecurrenceFormState): string {
  if (form.timeZone !== '') return form.timeZone;
  if (form.v1CodeDefault && form.startTime.trim() !== '') return TIME_ZONE_DEFAULTS.v1Code.iana;
  return TIME_ZONE_DEFAULTS.documented;
}

export interface RunTimesResult {
  times: string[];
  zone: string;
  problems: ConfigProblem[];
  /** With time_zone omitted and start_time set: how many of the runs move under the other default. */
  defaultsDiffer: number | null;
}

function runTimes(recurrence: ScheduleRecurrence, after: string, defaultTimeZone: string): { times: string[]; problems: ConfigProblem[] } {
  try {
    return { times: nextRunTimes(recurrence, { after, count: RUN_COUNT, defaultTimeZone }), problems: [] };
  } catch (error) {
    if (error instanceof ScheduleValidationError) return { times: [], problems: error.problems };
    throw error;
  }
}

export function computeRunTimes(form: RecurrenceFormState): RunTimesResult {
  const parsed = parseRecurrence(toRecurrence(form));
  const zone = effectiveZone(form);
  if (!parsed.ok) return { times: [], zone, problems: parsed.problems, defaultsDiffer: null };
  const recurrence = parsed.value;
  const main = runTimes(recurrence, form.now, zone);
  let defaultsDiffer: number | null = null;
  if (main.problems.length === 0 && form.timeZone === '' && form.startTime.trim() !== '') {
    const other = zone === TIME_ZONE_DEFAULTS.documented ? TIME_ZONE_DEFAULTS.v1Code.iana : TIME_ZONE_DEFAULTS.documented;
    const alt = runTimes(recurrence, form.now, other).times;
    defaultsDiffer = main.times.filter((t, i) => alt[i] !== t).length;
  }
  return { ...main, zone, defaultsDiffer };
}

// validateRecurrence: the checks of SDK v1 ScheduleRecurrence (__init__ and
// validate()), collected into a list instead of raising on the first one, plus
// the checks the SDK leaves to the service (IANA zone, real calendar date).
import { IANAZone } from 'luxon';
import type { ConfigProblem } from '../types';
import { FREQUENCIES, WEEK_DAYS } from './types';
import { hasZoneSuffix, parseNaive } from './wall-time';

const FIELDS = ['frequency', 'interval', 'start_time', 'time_zone', 'hours', 'minutes', 'week_days', 'time_of_day'];
const PATTERN_FREQUENCIES = ['Day', 'Week'];

/** v1 takes Windows zone names; a learner copying them gets pointed at the IANA name. */
const WINDOWS_ZONE_HINTS: Record<string, string> = {
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Romance Standard Time': 'Europe/Paris',
  'Eastern Standard Time': 'America/New_York',
  'Central Standard Time': 'America/Chicago',
  'Mountain Standard Time': 'America/Denver',
  'Pacific Standard Time': 'America/Los_Angeles',
  'India Standard Time': 'Asia/Kolkata',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'AUS Eastern Standard Time': 'Australia/Sydney',
};

type Rec = Record<string, unknown>;
/** Applicability is only judged against a valid frequency; a bad one is reported on its own. */
const knownFrequency = (r: Rec): string | null => ((FREQUENCIES as readonly unknown[]).includes(r.frequency) ? (r.frequency as string) : null);
const show = (value: unknown): string => JSON.stringify(value) ?? String(value);

export function validateRecurrence(recurrence: unknown): ConfigProblem[] {
  if (typeof recurrence !== 'object' || recurrence === null || Array.isArray(recurrence)) {
    return [{ field: 'recurrence', message: `recurrence must be an object with frequency and interval, got ${show(recurrence)}` }];
  }
  const r = recurrence as Rec;
  return [
    ...unknownFields(r),
    ...checkFrequency(r),
    ...checkInterval(r),
    ...checkNumberList(r, 'hours', 23),
    ...checkNumberList(r, 'minutes', 59),
    ...checkWeekDays(r),
    ...checkTimeOfDay(r),
    ...checkStartTime(r),
    ...checkTimeZone(r.time_zone, 'time_zone'),
  ];
}

function unknownFields(r: Rec): ConfigProblem[] {
  return Object.keys(r)
    .filter((key) => !FIELDS.includes(key))
    .map((key) => ({ field: key, message: `${key} is not a ScheduleRecurrence field; allowed fields: ${FIELDS.join(', ')}` }));
}

function checkFrequency(r: Rec): ConfigProblem[] {
  if ((FREQUENCIES as readonly unknown[]).includes(r.frequency)) return [];
  const what = r.frequency === undefined ? 'frequency is required' : `frequency ${show(r.frequency)} is not allowed`;
  return [{ field: 'frequency', message: `${what}; use one of ${FREQUENCIES.join(', ')} (exact spelling)` }];
}

function checkInterval(r: Rec): ConfigProblem[] {
  const value = r.interval;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1) return [];
  const what = value === undefined ? 'interval is required' : `interval ${show(value)} is not allowed`;
  return [{ field: 'interval', message: `${what}; use a whole number of 1 or more` }];
}

/** hours and minutes: Day or Week only, integers within range, at least one value. */
function checkNumberList(r: Rec, field: 'hours' | 'minutes', max: number): ConfigProblem[] {
  const value = r[field];
  if (value === undefined) return [];
  const problems: ConfigProblem[] = [];
  const frequency = knownFrequency(r);
  if (frequency && !PATTERN_FREQUENCIES.includes(frequency)) {
    problems.push({ field, message: `${field} ${show(value)} only applies when frequency is Day or Week, not ${frequency}` });
  }
  if (!Array.isArray(value) || value.length === 0) {
    problems.push({ field, message: `${field} must be a non-empty list of whole numbers 0–${max}, got ${show(value)}` });
    return problems;
  }
  const bad = value.filter((v) => typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > max);
  if (bad.length > 0) {
    problems.push({ field, message: `${field} value(s) ${bad.map(show).join(', ')} out of range; allowed whole numbers 0–${max}` });
  }
  return problems;
}

function checkWeekDays(r: Rec): ConfigProblem[] {
  const value = r.week_days;
  if (value === undefined) return [];
  const problems: ConfigProblem[] = [];
  const frequency = knownFrequency(r);
  if (frequency && frequency !== 'Week') {
    problems.push({ field: 'week_days', message: `week_days ${show(value)} only applies when frequency is Week, not ${frequency}` });
  }
  const allowed = `allowed: ${WEEK_DAYS.join(', ')}`;
  if (!Array.isArray(value) || value.length === 0) {
    problems.push({ field: 'week_days', message: `week_days must be a non-empty list of day names, got ${show(value)}; ${allowed}` });
    return problems;
  }
  const bad = value.filter((v) => !(WEEK_DAYS as readonly unknown[]).includes(v));
  if (bad.length > 0) problems.push({ field: 'week_days', message: `week_days value(s) ${bad.map(show).join(', ')} not recognised; ${allowed}` });
  return problems;
}

function checkTimeOfDay(r: Rec): ConfigProblem[] {
  const value = r.time_of_day;
  if (value === undefined) return [];
  const problems: ConfigProblem[] = [];
  if (r.hours !== undefined || r.minutes !== undefined) {
    problems.push({ field: 'time_of_day', message: `time_of_day ${show(value)} cannot be combined with hours or minutes; use one or the other` });
  }
  const frequency = knownFrequency(r);
  if (frequency && !PATTERN_FREQUENCIES.includes(frequency)) {
    problems.push({ field: 'time_of_day', message: `time_of_day ${show(value)} only applies when frequency is Day or Week, not ${frequency}` });
  }
  const match = typeof value === 'string' ? /^(\d{1,2}):(\d{2})$/.exec(value) : null;
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) {
    problems.push({ field: 'time_of_day', message: `time_of_day ${show(value)} is not a time; use "hh:mm" with hh 0–23 and mm 00–59, e.g. "15:30"` });
  }
  return problems;
}

function checkStartTime(r: Rec): ConfigProblem[] {
  const value = r.start_time;
  if (value === undefined) return [];
  if (typeof value === 'string' && hasZoneSuffix(value)) {
    return [{ field: 'start_time', message: `start_time ${show(value)} carries a time zone; give the naive local time YYYY-MM-DDThh:mm:ss and set time_zone instead` }];
  }
  if (typeof value !== 'string' || parseNaive(value) === null) {
    return [{ field: 'start_time', message: `start_time ${show(value)} is not a real date-time in the form YYYY-MM-DDThh:mm:ss, e.g. "2024-03-01T09:00:00"` }];
  }
  return [];
}

/** Shared with the defaultTimeZone option. */
export function checkTimeZone(value: unknown, field: string): ConfigProblem[] {
  if (value === undefined) return [];
  if (typeof value === 'string' && IANAZone.isValidZone(value)) return [];
  const hint = typeof value === 'string' ? WINDOWS_ZONE_HINTS[value] : undefined;
  const suffix = hint ? `; that is a Windows zone name (SDK v1 TimeZone enum), the IANA name is "${hint}"` : '; use an IANA name such as "UTC", "Europe/London" or "America/New_York"';
  return [{ field, message: `${field} ${show(value)} is not a known IANA time zone${suffix}` }];
}

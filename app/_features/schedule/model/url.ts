// The schedule explorer's settings as "schedule."-prefixed query keys, named
// after the SDK parameters they set. Choices (frequency, time_zone, week_days,
// the trigger kind) and number fields must hold a value their control can
// show, or they fall back to the default with a note; free-text fields come
// back exactly as typed, and the engine's message beside the control explains
// a wrong one, as it would for the learner who typed it.
import { FREQUENCIES, WEEK_DAYS } from '@/engine/schedule/index';
import { PrefixedReader, type QueryEntries, type UrlNote } from '@/app/_platform/url/url-state';
import { COMMON_TIME_ZONES, DEFAULT_NOW, DEFAULT_RECURRENCE_FORM, type RecurrenceFormState } from './recurrence-form';
import { defaultArrivals, defaultTriggerForm, type TriggerFormState, type TriggerKind } from './trigger-sim';

export const SCHEDULE_PREFIX = 'schedule.';
/** Bounds for links only: a week-long window and a day between polls keep the simulation quick. */
export const MAX_WINDOW_MINUTES = 10_080;
export const MAX_POLLING_MINUTES = 1440;
export const MAX_INTERVAL = 1000;
export const MAX_LINKED_BLOBS = 50;
const TRIGGER_KINDS: readonly TriggerKind[] = ['datastore', 'event'];
const TIME_ZONE_CHOICES: readonly string[] = ['', ...COMMON_TIME_ZONES];

export interface ScheduleSettings {
  recurrence: RecurrenceFormState;
  trigger: TriggerFormState;
}

export interface DecodedSchedule extends ScheduleSettings {
  notes: UrlNote[];
}

/** Every setting, defaults included, so a link never depends on today's defaults. */
export function encodeSchedule({ recurrence: r, trigger: t }: ScheduleSettings): QueryEntries {
  const entries: QueryEntries = [
    ['now', r.now],
    ['frequency', r.frequency],
    ['interval', r.interval],
    ['start_time', r.startTime],
    ['time_zone', r.timeZone],
    ['hours', r.hours],
    ['minutes', r.minutes],
    ['time_of_day', r.timeOfDay],
    ['week_days', r.weekDays.join(',')],
    ['v1_code_default', r.v1CodeDefault ? '1' : '0'],
    ['trigger', t.kind],
    ['polling_interval', t.pollingInterval],
    ['path_on_datastore', t.path],
    ['data_path_parameter_name', t.parameterName],
    ['window', t.windowMinutes],
  ];
  // One "time,path" per blob; a lone empty value says "no blobs" (an absent key means the default ones).
  if (t.arrivals.length === 0) entries.push(['blob', '']);
  for (const a of t.arrivals) entries.push(['blob', `${a.time},${a.path}`]);
  return entries;
}

function readRecurrence(read: PrefixedReader): RecurrenceFormState {
  const d = DEFAULT_RECURRENCE_FORM;
  return {
    now: read.text('now', DEFAULT_NOW, 40),
    frequency: read.oneOf('frequency', FREQUENCIES, d.frequency as (typeof FREQUENCIES)[number]),
    interval: read.wholeText('interval', 1, MAX_INTERVAL, d.interval),
    startTime: read.text('start_time', d.startTime, 40),
    timeZone: read.oneOf('time_zone', TIME_ZONE_CHOICES, d.timeZone, (z) => (z === '' ? '(empty: omitted)' : z)),
    hours: read.text('hours', d.hours, 100),
    minutes: read.text('minutes', d.minutes, 200),
    timeOfDay: read.text('time_of_day', d.timeOfDay, 20),
    weekDays: read.subset('week_days', WEEK_DAYS, d.weekDays),
    v1CodeDefault: read.flag('v1_code_default', d.v1CodeDefault),
  };
}

function readArrivals(read: PrefixedReader): TriggerFormState['arrivals'] {
  const values = read.all('blob');
  // The same default blobs as a fresh explorer, placed after the default now.
  if (values.length === 0) return defaultArrivals(DEFAULT_NOW);
  if (values.length === 1 && values[0] === '') return [];
  const arrivals: TriggerFormState['arrivals'] = [];
  for (const value of values) {
    const comma = value.indexOf(',');
    const time = value.slice(0, comma).trim();
    const path = value.slice(comma + 1).trim();
    if (comma < 0 || time === '' || path === '' || value.length > 300) {
      read.note('blob', value, '"<arrival time>,<blob path>", e.g. 2026-11-24T12:15:00Z,incoming/day3.csv', 'leaving that blob out');
    } else if (arrivals.length >= MAX_LINKED_BLOBS) {
      read.note('blob', value, `at most ${MAX_LINKED_BLOBS} blobs`, 'leaving that blob out');
    } else arrivals.push({ key: arrivals.length + 1, time, path });
  }
  return arrivals;
}

function readTrigger(read: PrefixedReader): TriggerFormState {
  const d = defaultTriggerForm(DEFAULT_NOW);
  return {
    kind: read.oneOf('trigger', TRIGGER_KINDS, d.kind),
    pollingInterval: read.wholeText('polling_interval', 1, MAX_POLLING_MINUTES, d.pollingInterval, true),
    path: read.text('path_on_datastore', d.path),
    parameterName: read.text('data_path_parameter_name', d.parameterName, 100),
    windowMinutes: read.wholeText('window', 1, MAX_WINDOW_MINUTES, d.windowMinutes),
    arrivals: readArrivals(read),
  };
}

/** The explorer's settings from a query string: defaults for every key that is absent or unusable. */
export function decodeSchedule(search: string): DecodedSchedule {
  const read = new PrefixedReader(search, SCHEDULE_PREFIX);
  const recurrence = readRecurrence(read);
  const trigger = readTrigger(read);
  return { recurrence, trigger, notes: read.notes };
}

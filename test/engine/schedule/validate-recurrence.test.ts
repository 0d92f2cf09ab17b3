// Every ScheduleRecurrence rule: the problem names the field, quotes the value
// and says what is allowed. A valid twin of each case shows the rule is the cause.
import { describe, expect, it } from 'vitest';
import { nextRunTimes, ScheduleValidationError, validateRecurrence, type ScheduleRecurrence } from '@/engine/schedule/index';

const base = { frequency: 'Day', interval: 1 } as const;
const problemsFor = (r: unknown) => validateRecurrence(r);
const only = (r: unknown) => {
  const problems = problemsFor(r);
  expect(problems).toHaveLength(1);
  return problems[0]!;
};

describe('validateRecurrence', () => {
  it('accepts well-formed recurrences of every frequency', () => {
    const valid: ScheduleRecurrence[] = [
      { frequency: 'Minute', interval: 5 },
      { frequency: 'Hour', interval: 2, start_time: '2024-01-01T00:00:00', time_zone: 'Europe/London' },
      { frequency: 'Day', interval: 1, hours: [0, 23], minutes: [0, 59] },
      { frequency: 'Week', interval: 3, week_days: ['Monday', 'Sunday'], time_of_day: '9:05' },
      { frequency: 'Month', interval: 12, start_time: '2024-02-29T12:00:00', time_zone: 'America/New_York' },
    ];
    for (const r of valid) expect(problemsFor(r)).toEqual([]);
  });

  it.each([
    [{ interval: 1 }, 'frequency is required'],
    [{ frequency: 'Daily', interval: 1 }, '"Daily"'],
    [{ frequency: 'day', interval: 1 }, '"day"'],
    [{ frequency: 'Year', interval: 1 }, '"Year"'],
  ])('frequency %j is rejected', (r, quoted) => {
    const p = only(r);
    expect(p.field).toBe('frequency');
    expect(p.message).toContain(quoted);
    expect(p.message).toContain('Minute, Hour, Day, Week, Month');
  });

  it.each([[0], [-3], [1.5], ['2'], [undefined]])('interval %j is rejected', (interval) => {
    const p = only({ frequency: 'Day', interval });
    expect(p.field).toBe('interval');
    expect(p.message).toMatch(/whole number of 1 or more/);
  });

  it.each(['Minute', 'Hour', 'Month'])('hours and minutes are refused for %s', (frequency) => {
    const problems = problemsFor({ frequency, interval: 1, hours: [9], minutes: [30] });
    expect(problems.map((p) => p.field)).toEqual(['hours', 'minutes']);
    expect(problems[0]!.message).toContain(`Day or Week, not ${frequency}`);
    expect(problems[0]!.message).toContain('[9]');
  });

  it.each([
    ['hours', [24], '24', '0–23'],
    ['hours', [-1, 5], '-1', '0–23'],
    ['hours', [1.5], '1.5', '0–23'],
    ['minutes', [60], '60', '0–59'],
    ['minutes', ['15'], '"15"', '0–59'],
  ])('%s %j is out of range', (field, value, shown, range) => {
    const p = only({ ...base, [field]: value });
    expect(p.field).toBe(field);
    expect(p.message).toContain(shown);
    expect(p.message).toContain(range);
  });

  it.each([['hours'], ['minutes']])('%s must be a non-empty list', (field) => {
    expect(only({ ...base, [field]: [] }).field).toBe(field);
    expect(only({ ...base, [field]: 9 }).message).toContain('non-empty list');
  });

  it('week_days only with Week, and only real day names', () => {
    const p = only({ ...base, week_days: ['Monday'] });
    expect(p).toMatchObject({ field: 'week_days' });
    expect(p.message).toContain('Week, not Day');
    const names = only({ frequency: 'Week', interval: 1, week_days: ['Mon', 'Friday', 'sunday'] });
    expect(names.field).toBe('week_days');
    expect(names.message).toContain('"Mon", "sunday"');
    expect(names.message).toContain('Monday, Tuesday');
    expect(only({ frequency: 'Week', interval: 1, week_days: [] }).field).toBe('week_days');
  });

  it.each(['9', '24:00', '12:60', '9:5', '09:00:00', 930])('time_of_day %j is not hh:mm', (value) => {
    const p = only({ ...base, time_of_day: value });
    expect(p.field).toBe('time_of_day');
    expect(p.message).toContain('"hh:mm"');
  });

  it('time_of_day cannot be combined with hours or minutes, nor used outside Day/Week', () => {
    expect(only({ ...base, time_of_day: '09:00', hours: [9] }).message).toContain('cannot be combined with hours or minutes');
    expect(only({ ...base, time_of_day: '09:00', minutes: [0] }).field).toBe('time_of_day');
    expect(only({ frequency: 'Month', interval: 1, time_of_day: '09:00' }).message).toContain('Day or Week, not Month');
  });

  it.each(['2024-01-01T09:00:00Z', '2024-01-01T09:00:00+02:00', '2024-01-01T09:00:00-0500'])('tz-aware start_time %s is rejected', (value) => {
    const p = only({ ...base, start_time: value });
    expect(p.field).toBe('start_time');
    expect(p.message).toContain('set time_zone instead');
  });

  it.each(['2024-01-01 09:00:00', '2024-01-01T09:00', '2024-02-30T09:00:00', '2023-02-29T00:00:00', '2024-01-01T25:00:00', 20240101])(
    'malformed start_time %j is rejected',
    (value) => {
      const p = only({ ...base, start_time: value });
      expect(p.field).toBe('start_time');
      expect(p.message).toContain('YYYY-MM-DDThh:mm:ss');
    },
  );

  it('time_zone must be IANA; Windows names get the IANA equivalent', () => {
    const windows = only({ ...base, time_zone: 'GMT Standard Time' });
    expect(windows.field).toBe('time_zone');
    expect(windows.message).toContain('"Europe/London"');
    const unknown = only({ ...base, time_zone: 'Mars/Olympus_Mons' });
    expect(unknown.message).toContain('"Mars/Olympus_Mons" is not a known IANA time zone');
  });

  it('unknown fields and non-objects are named', () => {
    const p = only({ frequency: 'Week', interval: 1, weekdays: ['Monday'] });
    expect(p.field).toBe('weekdays');
    expect(p.message).toContain('week_days');
    expect(only(null).field).toBe('recurrence');
    expect(only(['Day', 1]).field).toBe('recurrence');
  });

  it('a bad frequency does not also blame the fields that depend on it', () => {
    const problems = problemsFor({ frequency: 'Weekly', interval: 1, week_days: ['Monday'], hours: [9] });
    expect(problems.map((p) => p.field)).toEqual(['frequency']);
  });
});

describe('nextRunTimes rejects invalid input', () => {
  it('throws one error listing every problem with its field', () => {
    const bad = { frequency: 'Month', interval: 0, hours: [25], start_time: '2024-01-01T00:00:00Z' } as unknown as ScheduleRecurrence;
    let caught: unknown;
    try {
      nextRunTimes(bad, { after: '2024-01-01', count: -1 });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ScheduleValidationError);
    const error = caught as ScheduleValidationError;
    const fields = error.problems.map((p) => p.field);
    expect(fields).toEqual(['interval', 'hours', 'hours', 'start_time', 'after', 'count']);
    for (const field of new Set(fields)) expect(error.message).toContain(`- ${field}: `);
  });

  it.each([
    [{ after: '2024-01-01T00:00:00', count: 1 }, 'after'],
    [{ after: 'yesterday', count: 1 }, 'after'],
    [{ after: '2024-01-01T00:00:00Z', count: 1.5 }, 'count'],
    [{ after: '2024-01-01T00:00:00Z', count: 10_001 }, 'count'],
    [{ after: '2024-01-01T00:00:00Z', count: 1, defaultTimeZone: 'Eastern Standard Time' }, 'defaultTimeZone'],
  ])('option %j is rejected', (options, field) => {
    expect(() => nextRunTimes({ frequency: 'Day', interval: 1 }, options)).toThrow(new RegExp(`- ${field}: `));
  });
});

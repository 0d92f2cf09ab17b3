// Hand-derived vectors for nextRunTimes in UTC (no DST). Each expected list is
// worked out from the rule it exercises; the comments show the arithmetic.
import { describe, expect, it } from 'vitest';
import { nextRunTimes, TIME_ZONE_DEFAULTS, type ScheduleRecurrence } from '@/engine/schedule/index';

const runs = (r: ScheduleRecurrence, after: string, count = 3) => nextRunTimes(r, { after, count });

describe('Minute and Hour step from start_time', () => {
  it('docs example: every hour on the 55th minute, start in the past → next future :55', () => {
    const r: ScheduleRecurrence = { frequency: 'Hour', interval: 1, start_time: '2020-01-13T12:55:00' };
    expect(runs(r, '2024-01-01T10:00:00Z')).toEqual(['2024-01-01T10:55:00Z', '2024-01-01T11:55:00Z', '2024-01-01T12:55:00Z']);
  });

  it('Minute interval 15 counts from start_time, not from the hour', () => {
    // 08:05 + 4 × 15 min = 09:05 is the first step at or after 09:00.
    const r: ScheduleRecurrence = { frequency: 'Minute', interval: 15, start_time: '2024-05-01T08:05:00' };
    expect(runs(r, '2024-05-01T09:00:00Z')).toEqual(['2024-05-01T09:05:00Z', '2024-05-01T09:20:00Z', '2024-05-01T09:35:00Z']);
  });

  it('a run due exactly at `after` is included', () => {
    const r: ScheduleRecurrence = { frequency: 'Minute', interval: 15, start_time: '2024-05-01T08:05:00' };
    expect(runs(r, '2024-05-01T09:05:00Z', 1)).toEqual(['2024-05-01T09:05:00Z']);
    expect(runs(r, '2024-05-01T09:05:01Z', 1)).toEqual(['2024-05-01T09:20:00Z']);
  });

  it('a future start_time is the first run', () => {
    const r: ScheduleRecurrence = { frequency: 'Minute', interval: 7, start_time: '2024-05-01T10:00:00' };
    expect(runs(r, '2024-05-01T09:00:00Z')).toEqual(['2024-05-01T10:00:00Z', '2024-05-01T10:07:00Z', '2024-05-01T10:14:00Z']);
  });

  it('Hour interval 5 keeps the 5-hour grid of start_time', () => {
    // 25 h after start is a multiple of 5, so 01:00 on Jan 2 is due exactly at `after`.
    const r: ScheduleRecurrence = { frequency: 'Hour', interval: 5, start_time: '2024-01-01T00:00:00' };
    expect(runs(r, '2024-01-02T01:00:00Z')).toEqual(['2024-01-02T01:00:00Z', '2024-01-02T06:00:00Z', '2024-01-02T11:00:00Z']);
    expect(runs(r, '2024-01-02T00:00:00Z', 1)).toEqual(['2024-01-02T01:00:00Z']);
  });
});

describe('Day', () => {
  it('interval 3 with time_of_day', () => {
    const r: ScheduleRecurrence = { frequency: 'Day', interval: 3, start_time: '2024-01-01T00:00:00', time_of_day: '06:45' };
    expect(runs(r, '2023-12-01T00:00:00Z')).toEqual(['2024-01-01T06:45:00Z', '2024-01-04T06:45:00Z', '2024-01-07T06:45:00Z']);
  });

  it('interval 2 without a pattern keeps start_time to the second and passes Feb 29', () => {
    const r: ScheduleRecurrence = { frequency: 'Day', interval: 2, start_time: '2024-02-27T09:15:30' };
    expect(runs(r, '2024-01-01T00:00:00Z')).toEqual(['2024-02-27T09:15:30Z', '2024-02-29T09:15:30Z', '2024-03-02T09:15:30Z']);
  });

  it('hours × minutes with a past start_time resume at the next combination', () => {
    const r: ScheduleRecurrence = { frequency: 'Day', interval: 1, start_time: '2024-01-01T00:00:00', hours: [18, 6], minutes: [0] };
    expect(runs(r, '2024-03-10T12:00:00Z')).toEqual(['2024-03-10T18:00:00Z', '2024-03-11T06:00:00Z', '2024-03-11T18:00:00Z']);
  });

  it('hours alone take their minute from start_time', () => {
    const r: ScheduleRecurrence = { frequency: 'Day', interval: 1, start_time: '2024-01-01T00:20:45', hours: [7] };
    expect(runs(r, '2024-01-01T00:00:00Z', 2)).toEqual(['2024-01-01T07:20:00Z', '2024-01-02T07:20:00Z']);
  });

  it('a start_time that matches the pattern does not fire itself (documented SDK rule)', () => {
    const withPattern: ScheduleRecurrence = { frequency: 'Day', interval: 1, start_time: '2024-05-01T09:00:00', time_of_day: '09:00' };
    expect(runs(withPattern, '2024-04-01T00:00:00Z', 2)).toEqual(['2024-05-02T09:00:00Z', '2024-05-03T09:00:00Z']);
    const plain: ScheduleRecurrence = { frequency: 'Day', interval: 1, start_time: '2024-05-01T09:00:00' };
    expect(runs(plain, '2024-04-01T00:00:00Z', 2)).toEqual(['2024-05-01T09:00:00Z', '2024-05-02T09:00:00Z']);
  });
});

describe('Week', () => {
  it('interval 2 with several week_days × hours × minutes', () => {
    // Start Wed 2024-01-03 12:00. Week 0 (Jan 1–7): Tue Jan 2 is before the start, so Thu Jan 4 first.
    // Week 1 is skipped (interval 2); week 2 is Jan 15–21.
    const r: ScheduleRecurrence = {
      frequency: 'Week', interval: 2, start_time: '2024-01-03T12:00:00',
      week_days: ['Thursday', 'Tuesday'], hours: [20, 8], minutes: [30, 0],
    };
    expect(runs(r, '2023-12-01T00:00:00Z', 10)).toEqual([
      '2024-01-04T08:00:00Z', '2024-01-04T08:30:00Z', '2024-01-04T20:00:00Z', '2024-01-04T20:30:00Z',
      '2024-01-16T08:00:00Z', '2024-01-16T08:30:00Z', '2024-01-16T20:00:00Z', '2024-01-16T20:30:00Z',
      '2024-01-18T08:00:00Z', '2024-01-18T08:30:00Z',
    ]);
  });

  it('week_days without a time take start_time’s time, and start_time itself fires', () => {
    // Mon 2024-01-01 10:15 is both the start and a Monday: nothing explicit to "match", so it runs.
    const r: ScheduleRecurrence = { frequency: 'Week', interval: 1, start_time: '2024-01-01T10:15:00', week_days: ['Monday', 'Wednesday'] };
    expect(runs(r, '2023-12-01T00:00:00Z')).toEqual(['2024-01-01T10:15:00Z', '2024-01-03T10:15:00Z', '2024-01-08T10:15:00Z']);
    // With an explicit time that start_time matches, the documented rule skips it.
    expect(runs({ ...r, time_of_day: '10:15' }, '2023-12-01T00:00:00Z', 1)).toEqual(['2024-01-03T10:15:00Z']);
  });

  it('without week_days uses start_time’s weekday and time', () => {
    const r: ScheduleRecurrence = { frequency: 'Week', interval: 1, start_time: '2024-06-01T18:00:00' }; // a Saturday
    expect(runs(r, '2024-05-01T00:00:00Z')).toEqual(['2024-06-01T18:00:00Z', '2024-06-08T18:00:00Z', '2024-06-15T18:00:00Z']);
  });

  it('interval 3 resumes on the right week when start_time is long past', () => {
    // Weeks start Mon 2024-01-01; runs every 3rd week on Monday 09:00: Jan 1, Jan 22, Feb 12, Mar 4, Mar 25, Apr 15.
    const r: ScheduleRecurrence = { frequency: 'Week', interval: 3, start_time: '2024-01-01T09:00:00', week_days: ['Monday'], time_of_day: '9:00' };
    expect(runs(r, '2024-03-05T00:00:00Z')).toEqual(['2024-03-25T09:00:00Z', '2024-04-15T09:00:00Z', '2024-05-06T09:00:00Z']);
  });
});

describe('Month', () => {
  it('docs example: start on the 1st at 09:00 means the first of every month', () => {
    const r: ScheduleRecurrence = { frequency: 'Month', interval: 1, start_time: '2019-11-01T09:00:00' };
    expect(runs(r, '2020-02-15T00:00:00Z')).toEqual(['2020-03-01T09:00:00Z', '2020-04-01T09:00:00Z', '2020-05-01T09:00:00Z']);
  });

  it('the 31st skips 30-day months and February', () => {
    const r: ScheduleRecurrence = { frequency: 'Month', interval: 1, start_time: '2024-01-31T09:00:00' };
    expect(runs(r, '2024-01-01T00:00:00Z', 8)).toEqual([
      '2024-01-31T09:00:00Z', '2024-03-31T09:00:00Z', '2024-05-31T09:00:00Z', '2024-07-31T09:00:00Z',
      '2024-08-31T09:00:00Z', '2024-10-31T09:00:00Z', '2024-12-31T09:00:00Z', '2025-01-31T09:00:00Z',
    ]);
  });

  it('interval 2 from Dec 31 stays on its two-month grid while skipping', () => {
    // Dec, Feb (no 31st), Apr (no), Jun (no), Aug, Oct, Dec.
    const r: ScheduleRecurrence = { frequency: 'Month', interval: 2, start_time: '2023-12-31T00:00:00' };
    expect(runs(r, '2023-12-01T00:00:00Z', 4)).toEqual(['2023-12-31T00:00:00Z', '2024-08-31T00:00:00Z', '2024-10-31T00:00:00Z', '2024-12-31T00:00:00Z']);
  });

  it('the 29th runs in February only in leap years', () => {
    const r: ScheduleRecurrence = { frequency: 'Month', interval: 1, start_time: '2022-12-29T12:00:00' };
    expect(runs(r, '2023-02-01T00:00:00Z', 2)).toEqual(['2023-03-29T12:00:00Z', '2023-04-29T12:00:00Z']);
    expect(runs(r, '2024-02-01T00:00:00Z', 2)).toEqual(['2024-02-29T12:00:00Z', '2024-03-29T12:00:00Z']);
  });

  it('Feb 29 every 12 months fires once every four years, and not in 2100', () => {
    const r: ScheduleRecurrence = { frequency: 'Month', interval: 12, start_time: '2024-02-29T12:00:00' };
    expect(runs(r, '2024-01-01T00:00:00Z')).toEqual(['2024-02-29T12:00:00Z', '2028-02-29T12:00:00Z', '2032-02-29T12:00:00Z']);
    expect(runs(r, '2097-01-01T00:00:00Z', 1)).toEqual(['2104-02-29T12:00:00Z']);
  });
});

describe('no start_time: the first run is immediate', () => {
  it('then Day hours continue from the next matching time', () => {
    const r: ScheduleRecurrence = { frequency: 'Day', interval: 1, hours: [9], minutes: [0] };
    expect(runs(r, '2024-05-01T12:34:56Z')).toEqual(['2024-05-01T12:34:56Z', '2024-05-02T09:00:00Z', '2024-05-03T09:00:00Z']);
  });

  it('then Minute steps count from that first run', () => {
    const r: ScheduleRecurrence = { frequency: 'Minute', interval: 30 };
    expect(runs(r, '2024-05-01T10:10:10Z')).toEqual(['2024-05-01T10:10:10Z', '2024-05-01T10:40:10Z', '2024-05-01T11:10:10Z']);
  });

  it('then Week week_days keep the time of day of the first run', () => {
    const r: ScheduleRecurrence = { frequency: 'Week', interval: 1, week_days: ['Monday'] };
    expect(runs(r, '2024-05-01T12:00:00Z')).toEqual(['2024-05-01T12:00:00Z', '2024-05-06T12:00:00Z', '2024-05-13T12:00:00Z']);
  });

  it('an `after` with milliseconds is rounded up so no run lands before it', () => {
    const r: ScheduleRecurrence = { frequency: 'Minute', interval: 1 };
    expect(runs(r, '2024-01-01T10:00:00.250Z', 2)).toEqual(['2024-01-01T10:00:01Z', '2024-01-01T10:01:01Z']);
  });
});

describe('options', () => {
  it('count 0 gives no runs and count bounds the list', () => {
    const r: ScheduleRecurrence = { frequency: 'Day', interval: 1 };
    expect(runs(r, '2024-01-01T00:00:00Z', 0)).toEqual([]);
    expect(runs(r, '2024-01-01T00:00:00Z', 5)).toHaveLength(5);
  });

  it('`after` may carry an offset', () => {
    const r: ScheduleRecurrence = { frequency: 'Hour', interval: 1, start_time: '2024-01-01T00:30:00' };
    expect(runs(r, '2024-01-01T05:00:00-05:00', 1)).toEqual(['2024-01-01T10:30:00Z']);
  });

  it('omitted time_zone is UTC as documented; the v1 code fallback (UK time) differs in summer only', () => {
    const summer: ScheduleRecurrence = { frequency: 'Day', interval: 1, start_time: '2024-07-01T09:00:00' };
    const winter: ScheduleRecurrence = { ...summer, start_time: '2024-01-15T09:00:00' };
    const v1Code = { defaultTimeZone: TIME_ZONE_DEFAULTS.v1Code.iana };
    expect(TIME_ZONE_DEFAULTS.documented).toBe('UTC');
    expect(TIME_ZONE_DEFAULTS.v1Code.windows).toBe('GMT Standard Time');
    expect(nextRunTimes(summer, { after: '2024-06-01T00:00:00Z', count: 1 })).toEqual(['2024-07-01T09:00:00Z']);
    expect(nextRunTimes(summer, { after: '2024-06-01T00:00:00Z', count: 1, ...v1Code })).toEqual(['2024-07-01T08:00:00Z']);
    expect(nextRunTimes(winter, { after: '2024-01-01T00:00:00Z', count: 1, ...v1Code })).toEqual(['2024-01-15T09:00:00Z']);
    // An explicit time_zone wins over the default.
    expect(nextRunTimes({ ...summer, time_zone: 'UTC' }, { after: '2024-06-01T00:00:00Z', count: 1, ...v1Code })).toEqual(['2024-07-01T09:00:00Z']);
  });
});

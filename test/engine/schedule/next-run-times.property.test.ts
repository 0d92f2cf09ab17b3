// Properties of nextRunTimes over random valid recurrences, zones with unusual
// DST (30-minute shift at Lord Howe, midnight changes in Santiago/Havana) included.
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { nextRunTimes, validateRecurrence, WEEK_DAYS, type ScheduleRecurrence } from '@/engine/schedule/index';

const ZONES = ['UTC', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'America/Santiago', 'America/Havana', 'Asia/Kolkata', 'Pacific/Chatham'];
const UTC_FORMAT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const BASE_MS = Date.UTC(2000, 0, 1);
const SPAN_MS = 40 * 365 * 86_400_000;

const instant = fc.integer({ min: 0, max: SPAN_MS / 1000 }).map((s) => new Date(BASE_MS + s * 1000).toISOString());
const naive = instant.map((iso) => iso.slice(0, 19));
const list = (max: number) => fc.uniqueArray(fc.integer({ min: 0, max }), { minLength: 1, maxLength: 4 });

const recurrence: fc.Arbitrary<ScheduleRecurrence> = fc
  .record({
    frequency: fc.constantFrom('Minute', 'Hour', 'Day', 'Week', 'Month' as const),
    interval: fc.integer({ min: 1, max: 40 }),
    start_time: fc.option(naive, { nil: undefined }),
    time_zone: fc.option(fc.constantFrom(...ZONES), { nil: undefined }),
    hours: fc.option(list(23), { nil: undefined }),
    minutes: fc.option(list(59), { nil: undefined }),
    week_days: fc.option(fc.uniqueArray(fc.constantFrom(...WEEK_DAYS), { minLength: 1, maxLength: 7 }), { nil: undefined }),
  })
  .map((r) => {
    // Drop the fields the chosen frequency does not allow, so every sample is valid.
    const out: ScheduleRecurrence = { frequency: r.frequency, interval: r.interval };
    if (r.start_time) out.start_time = r.start_time;
    if (r.time_zone) out.time_zone = r.time_zone;
    if (r.frequency === 'Day' || r.frequency === 'Week') {
      if (r.hours) out.hours = r.hours;
      if (r.minutes) out.minutes = r.minutes;
    }
    if (r.frequency === 'Week' && r.week_days) out.week_days = r.week_days;
    return out;
  });

describe('nextRunTimes properties', () => {
  it('returns `count` UTC times, strictly increasing, none before `after`', () => {
    fc.assert(
      fc.property(recurrence, instant, fc.integer({ min: 1, max: 25 }), (r, after, count) => {
        expect(validateRecurrence(r)).toEqual([]);
        const times = nextRunTimes(r, { after, count });
        expect(times).toHaveLength(count);
        for (const t of times) expect(t).toMatch(UTC_FORMAT);
        const ms = times.map((t) => Date.parse(t));
        expect(ms[0]!).toBeGreaterThanOrEqual(Date.parse(after));
        for (let i = 1; i < ms.length; i++) expect(ms[i]!).toBeGreaterThan(ms[i - 1]!);
      }),
      { numRuns: 150 },
    );
  });

  it('paging from any returned run time gives the same continuation (schedules with a start_time)', () => {
    fc.assert(
      fc.property(recurrence.filter((r) => r.start_time !== undefined), instant, fc.nat(9), (r, after, pick) => {
        const times = nextRunTimes(r, { after, count: 10 });
        const from = times[pick]!;
        expect(nextRunTimes(r, { after: from, count: 10 - pick })).toEqual(times.slice(pick));
      }),
      { numRuns: 150 },
    );
  });

  it('Week runs fall on the chosen week days in the schedule’s zone', () => {
    const weekly = recurrence.filter((r) => r.frequency === 'Week' && r.week_days !== undefined && r.hours === undefined);
    fc.assert(
      fc.property(weekly, instant, (r, after) => {
        const zone = r.time_zone ?? 'UTC';
        for (const t of nextRunTimes(r, { after, count: 8 }).slice(r.start_time ? 0 : 1)) {
          const weekday = DateTime.fromISO(t, { zone }).weekday;
          expect(r.week_days).toContain(WEEK_DAYS[weekday - 1]);
        }
      }),
      { numRuns: 100 },
    );
  });
});

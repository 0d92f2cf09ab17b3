// Daylight-saving vectors. 2024 transitions:
// - America/New_York: spring forward Sun Mar 10 02:00 EST → 03:00 EDT (07:00Z);
//   fall back Sun Nov 3 02:00 EDT → 01:00 EST (06:00Z). EST = UTC−5, EDT = UTC−4.
// - Europe/London: spring forward Sun Mar 31 01:00 GMT → 02:00 BST (01:00Z);
//   fall back Sun Oct 27 02:00 BST → 01:00 GMT (01:00Z). GMT = UTC+0, BST = UTC+1.
// Rules under test: Day/Week/Month keep local wall time; a time in the gap moves
// forward by the gap (RFC 5545); an ambiguous time is its first occurrence;
// Minute/Hour step in real elapsed time.
import { describe, expect, it } from 'vitest';
import { nextRunTimes, type ScheduleRecurrence } from '@/engine/schedule/index';

const NY = 'America/New_York';
const LONDON = 'Europe/London';
const runs = (r: ScheduleRecurrence, count: number, after = '2024-01-01T00:00:00Z') => nextRunTimes(r, { after, count });
const hoursBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 3_600_000;

describe('America/New_York spring forward (Mar 10)', () => {
  it('a daily 09:00 stays 09:00 local, so the UTC time moves an hour earlier', () => {
    const r: ScheduleRecurrence = { frequency: 'Day', interval: 1, start_time: '2024-03-08T09:00:00', time_zone: NY };
    expect(runs(r, 4)).toEqual(['2024-03-08T14:00:00Z', '2024-03-09T14:00:00Z', '2024-03-10T13:00:00Z', '2024-03-11T13:00:00Z']);
  });

  it('02:30 does not exist on Mar 10 and runs at 03:30 EDT instead', () => {
    const r: ScheduleRecurrence = { frequency: 'Day', interval: 1, start_time: '2024-03-09T02:30:00', time_zone: NY };
    // 02:30 EST = 07:30Z; gap → 03:30 EDT = 07:30Z; 02:30 EDT = 06:30Z.
    expect(runs(r, 3)).toEqual(['2024-03-09T07:30:00Z', '2024-03-10T07:30:00Z', '2024-03-11T06:30:00Z']);
  });

  it('a gap time that lands on another pattern time fires once', () => {
    // 01:30 EST = 06:30Z; 02:30 (gap) and 03:30 EDT are both 07:30Z. Next day: 01:30/02:30/03:30 EDT.
    const r: ScheduleRecurrence = { frequency: 'Day', interval: 1, start_time: '2024-03-10T00:00:00', time_zone: NY, hours: [1, 2, 3], minutes: [30] };
    expect(runs(r, 5)).toEqual(['2024-03-10T06:30:00Z', '2024-03-10T07:30:00Z', '2024-03-11T05:30:00Z', '2024-03-11T06:30:00Z', '2024-03-11T07:30:00Z']);
  });

  it('Hour steps in elapsed time: local 01:30 is followed by 03:30', () => {
    const r: ScheduleRecurrence = { frequency: 'Hour', interval: 1, start_time: '2024-03-10T00:30:00', time_zone: NY };
    const times = runs(r, 4);
    expect(times).toEqual(['2024-03-10T05:30:00Z', '2024-03-10T06:30:00Z', '2024-03-10T07:30:00Z', '2024-03-10T08:30:00Z']);
    expect(times.slice(1).map((t, i) => hoursBetween(times[i]!, t))).toEqual([1, 1, 1]);
  });
});

describe('America/New_York fall back (Nov 3)', () => {
  it('01:30 happens twice; a daily 01:30 runs at the first (EDT) one only', () => {
    const r: ScheduleRecurrence = { frequency: 'Day', interval: 1, start_time: '2024-11-02T01:30:00', time_zone: NY };
    expect(runs(r, 3)).toEqual(['2024-11-02T05:30:00Z', '2024-11-03T05:30:00Z', '2024-11-04T06:30:00Z']);
  });

  it('Hour steps in elapsed time, so local 01:30 fires twice', () => {
    // 00:30 EDT, 01:30 EDT, 01:30 EST, 02:30 EST.
    const r: ScheduleRecurrence = { frequency: 'Hour', interval: 1, start_time: '2024-11-03T00:30:00', time_zone: NY };
    expect(runs(r, 4)).toEqual(['2024-11-03T04:30:00Z', '2024-11-03T05:30:00Z', '2024-11-03T06:30:00Z', '2024-11-03T07:30:00Z']);
  });

  it('Week hours × minutes on the fall-back Sunday use the first occurrence', () => {
    const r: ScheduleRecurrence = {
      frequency: 'Week', interval: 1, start_time: '2024-10-27T00:00:00', time_zone: NY,
      week_days: ['Sunday'], hours: [1, 2], minutes: [0, 30],
    };
    // Oct 27 (EDT): 05:00, 05:30, 06:00, 06:30. Nov 3: 01:00, 01:30 EDT = 05:00, 05:30; 02:00, 02:30 EST = 07:00, 07:30.
    expect(runs(r, 8)).toEqual([
      '2024-10-27T05:00:00Z', '2024-10-27T05:30:00Z', '2024-10-27T06:00:00Z', '2024-10-27T06:30:00Z',
      '2024-11-03T05:00:00Z', '2024-11-03T05:30:00Z', '2024-11-03T07:00:00Z', '2024-11-03T07:30:00Z',
    ]);
  });
});

describe('Europe/London', () => {
  it('spring forward: 01:30 on Mar 31 runs at 02:30 BST (01:30Z)', () => {
    const r: ScheduleRecurrence = { frequency: 'Day', interval: 1, start_time: '2024-03-30T01:30:00', time_zone: LONDON };
    expect(runs(r, 3)).toEqual(['2024-03-30T01:30:00Z', '2024-03-31T01:30:00Z', '2024-04-01T00:30:00Z']);
  });

  it('fall back: a weekly Sunday 01:30 runs at the first (BST) 01:30 on Oct 27', () => {
    const r: ScheduleRecurrence = { frequency: 'Week', interval: 1, start_time: '2024-10-20T01:30:00', time_zone: LONDON };
    expect(runs(r, 3)).toEqual(['2024-10-20T00:30:00Z', '2024-10-27T00:30:00Z', '2024-11-03T01:30:00Z']);
  });

  it('Month keeps local noon across the change', () => {
    const r: ScheduleRecurrence = { frequency: 'Month', interval: 1, start_time: '2024-03-15T12:00:00', time_zone: LONDON };
    expect(runs(r, 2)).toEqual(['2024-03-15T12:00:00Z', '2024-04-15T11:00:00Z']);
  });

  it('Minute interval 20 steps in elapsed time through the repeated hour', () => {
    // Start 01:50 local on Oct 27 is ambiguous → first occurrence, 01:50 BST = 00:50Z.
    const r: ScheduleRecurrence = { frequency: 'Minute', interval: 20, start_time: '2024-10-27T01:50:00', time_zone: LONDON };
    expect(runs(r, 4)).toEqual(['2024-10-27T00:50:00Z', '2024-10-27T01:10:00Z', '2024-10-27T01:30:00Z', '2024-10-27T01:50:00Z']);
  });

  it('a past start_time resumes correctly after the change (interval 2 days)', () => {
    // Start Mon 2024-03-25 07:00 GMT; every 2 days: Mar 27, 29, 31 (BST from here), Apr 2.
    const r: ScheduleRecurrence = { frequency: 'Day', interval: 2, start_time: '2024-03-25T07:00:00', time_zone: LONDON };
    expect(runs(r, 3, '2024-03-30T00:00:00Z')).toEqual(['2024-03-31T06:00:00Z', '2024-04-02T06:00:00Z', '2024-04-04T06:00:00Z']);
  });
});

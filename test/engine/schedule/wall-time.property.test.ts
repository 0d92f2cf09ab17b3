// The DST rule checked against luxon's exact zone offsets, on instants sampled
// around every 2024 transition of several zones (found by scanning, not typed in).
import fc from 'fast-check';
import { IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { offsetAt, wallToInstant } from '@/engine/schedule/wall-time';

const DAY = 86_400_000;
const MINUTE = 60_000;
const ZONES = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'America/Santiago', 'Pacific/Chatham', 'UTC'];

/** UTC days of 2024 on which the zone's offset changes. */
function transitionDays(zone: IANAZone): number[] {
  const start = Date.UTC(2024, 0, 1) / DAY;
  const days: number[] = [];
  for (let d = start; d < start + 366; d++) if (zone.offset(d * DAY) !== zone.offset((d + 1) * DAY)) days.push(d);
  return days;
}

const samples = ZONES.flatMap((name) => {
  const zone = IANAZone.create(name);
  const days = transitionDays(zone);
  return (days.length > 0 ? days : [Date.UTC(2024, 5, 1) / DAY]).map((day) => ({ zone, day }));
});
const instantNearTransition = fc
  .record({ sample: fc.constantFrom(...samples), minutes: fc.integer({ min: -24 * 60, max: 48 * 60 }) })
  .map(({ sample, minutes }) => ({ zone: sample.zone, t: sample.day * DAY + minutes * MINUTE }));
const exactWall = (zone: IANAZone, t: number) => t + zone.offset(t) * MINUTE;

describe('wall-time', () => {
  it('found transitions in the DST zones', () => {
    expect(samples.length).toBeGreaterThanOrEqual(10);
  });

  it('offsetAt (cached) equals the exact offset', () => {
    fc.assert(fc.property(instantNearTransition, ({ zone, t }) => {
      expect(offsetAt(zone, t)).toBe(zone.offset(t));
    }), { numRuns: 300 });
  });

  it('a wall time that exists maps to its first occurrence', () => {
    fc.assert(
      fc.property(instantNearTransition, ({ zone, t }) => {
        const wall = exactWall(zone, t);
        const chosen = wallToInstant(wall, zone);
        expect(exactWall(zone, chosen)).toBe(wall);
        expect(chosen).toBeLessThanOrEqual(t);
        // Only a repeated wall time may resolve to an earlier instant, and then by the size of the shift.
        if (chosen < t) expect(t - chosen).toBe((zone.offset(chosen) - zone.offset(t)) * MINUTE);
      }),
      { numRuns: 300 },
    );
  });

  it('a wall time in a gap moves forward by the gap', () => {
    fc.assert(
      fc.property(instantNearTransition, fc.integer({ min: 1, max: 120 }), ({ zone, t }, skip) => {
        const wall = exactWall(zone, t) + skip * MINUTE;
        const chosen = wallToInstant(wall, zone);
        const shift = exactWall(zone, chosen) - wall;
        // Either the time exists (no shift) or it lay in a gap and moved by exactly the gap's size.
        const gap = (zone.offset(chosen) - zone.offset(chosen - DAY)) * MINUTE;
        expect(shift === 0 || shift === gap).toBe(true);
        expect(shift).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { addDays, dueCardIds, isDue, reviewCard, TOP_BOX } from '@/app/_quiz/leitner';

describe('Leitner card scheduler', () => {
  it('moves a known card up one box and schedules it by that box', () => {
    const first = reviewCard(undefined, 'got-it', '2026-03-01');
    expect(first).toEqual({ box: 1, due: '2026-03-02', reviews: 1, lapses: 0 });
    const second = reviewCard(first, 'got-it', '2026-03-02');
    expect(second).toMatchObject({ box: 2, due: '2026-03-04' });
    const third = reviewCard(second, 'got-it', '2026-03-04');
    expect(third).toMatchObject({ box: 3, due: '2026-03-08' });
  });

  it('sends a missed card back to box 1, due tomorrow, and counts the lapse', () => {
    const high = { box: 4, due: '2026-03-10', reviews: 6, lapses: 0 };
    expect(reviewCard(high, 'missed', '2026-03-10')).toEqual({ box: 1, due: '2026-03-11', reviews: 7, lapses: 1 });
  });

  it('never climbs above the top box', () => {
    let s = reviewCard(undefined, 'got-it', '2026-01-01');
    for (let i = 0; i < 10; i++) s = reviewCard(s, 'got-it', s.due);
    expect(s.box).toBe(TOP_BOX);
    expect(reviewCard(s, 'got-it', '2026-06-01').due).toBe('2026-06-17');
  });

  it('lists new cards and cards whose day has come as due today', () => {
    const schedules = {
      a: { box: 2, due: '2026-03-05', reviews: 2, lapses: 0 },
      b: { box: 1, due: '2026-03-04', reviews: 1, lapses: 1 },
      c: { box: 3, due: '2026-03-06', reviews: 3, lapses: 0 },
    };
    expect(dueCardIds(['a', 'b', 'c', 'new'], schedules, '2026-03-05')).toEqual(['a', 'b', 'new']);
    expect(isDue(schedules.c, '2026-03-05')).toBe(false);
  });

  it('adds calendar days across month ends, leap days and DST changes', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-12-31', 16)).toBe('2027-01-16');
  });
});

import { describe, expect, it } from 'vitest';
import { cardsInSections, dueCardIds, dueSooner, FIRST_AGAIN_DIFFICULTY, FIRST_GOOD_DIFFICULTY, fromLeitner, initialDifficulty, isDue, previewRatings, rateCard, retrievability } from '@/app/_quiz/fsrs';
import { formatWait, formatWaitShort } from '@/app/_components/practice/cards/card-format';

const T0 = '2026-03-01T10:00:00.000Z';

describe('FSRS scheduling through ts-fsrs', () => {
  it('puts a new card into short learning steps for Again/Hard/Good and straight into review for Easy', () => {
    const p = previewRatings(undefined, T0);
    expect(p.again).toMatchObject({ state: 'learning', due: '2026-03-01T10:01:00.000Z', reps: 1, lapses: 0, lastReview: T0 });
    expect(p.hard.due).toBe('2026-03-01T10:06:00.000Z');
    expect(p.good.due).toBe('2026-03-01T10:10:00.000Z');
    expect(p.easy).toMatchObject({ state: 'review', scheduledDays: 8 });
    expect(Date.parse(p.easy.due)).toBe(Date.parse(T0) + 8 * 86_400_000);
  });

  it('is deterministic: the same reviews at the same times give the same state', () => {
    const run = () => {
      let c = rateCard(undefined, 'good', T0);
      c = rateCard(c, 'good', c.due);
      c = rateCard(c, 'hard', c.due);
      return rateCard(c, 'easy', c.due);
    };
    expect(run()).toEqual(run());
  });

  it('orders intervals Again < Hard < Good < Easy for a review card, and counts a lapse only for Again', () => {
    let c = rateCard(undefined, 'easy', T0);
    const p = previewRatings(c, c.due);
    const due = (r: keyof typeof p) => Date.parse(p[r].due);
    expect(due('again')).toBeLessThan(due('hard'));
    expect(due('hard')).toBeLessThan(due('good'));
    expect(due('good')).toBeLessThan(due('easy'));
    expect(p.again).toMatchObject({ state: 'relearning', lapses: 1 });
    expect(p.good.lapses).toBe(0);
    c = p.good;
    expect(c.reps).toBe(2);
  });

  it('schedules sooner with a higher desired retention', () => {
    const base = rateCard(undefined, 'easy', T0);
    const at90 = rateCard(base, 'good', base.due, 0.9);
    const at95 = rateCard(base, 'good', base.due, 0.95);
    const at80 = rateCard(base, 'good', base.due, 0.8);
    expect(at95.scheduledDays).toBeLessThan(at90.scheduledDays);
    expect(at80.scheduledDays).toBeGreaterThan(at90.scheduledDays);
  });

  it('estimates recall falling over time, 0 for a card never reviewed', () => {
    const c = rateCard(undefined, 'easy', T0);
    expect(retrievability(undefined, T0)).toBe(0);
    expect(retrievability(c, T0)).toBeCloseTo(1, 5);
    const soon = retrievability(c, '2026-03-03T10:00:00.000Z');
    const later = retrievability(c, '2026-04-01T10:00:00.000Z');
    expect(soon).toBeGreaterThan(later);
    expect(retrievability(c, c.due)).toBeCloseTo(0.9, 1);
  });

  it('lists due cards, most overdue first and new cards last', () => {
    const a = rateCard(undefined, 'easy', '2026-02-01T00:00:00.000Z'); // due 9 Feb
    const b = rateCard(undefined, 'easy', '2026-02-10T00:00:00.000Z'); // due 18 Feb
    const c = rateCard(undefined, 'easy', T0); // due 9 Mar
    expect(dueCardIds(['new', 'b', 'c', 'a'], { a, b, c }, T0)).toEqual(['a', 'b', 'new']);
    expect(isDue(c, T0)).toBe(false);
    expect(isDue(c, c.due)).toBe(true);
  });

  it('brings a card forward to now, never later, and finds the cards of the missed sections', () => {
    const c = rateCard(undefined, 'easy', T0);
    expect(dueSooner(c, '2026-03-02T08:00:00.000Z')).toEqual({ ...c, due: '2026-03-02T08:00:00.000Z' });
    expect(dueSooner(c, '2026-04-01T00:00:00.000Z')).toBe(c);
    expect(dueSooner(undefined, T0)).toBeUndefined();
    const cards = [
      { id: 'c1', section: 'a' },
      { id: 'c2', section: 'b' },
      { id: 'c3', section: 'a' },
    ];
    expect(cardsInSections(cards, ['a'])).toEqual(['c1', 'c3']);
  });

  it('keeps the migration\'s difficulty endpoints equal to what ts-fsrs gives a first Good and a first Again', () => {
    expect(FIRST_GOOD_DIFFICULTY).toBeCloseTo(initialDifficulty('good'), 8);
    expect(FIRST_AGAIN_DIFFICULTY).toBeCloseTo(initialDifficulty('again'), 8);
  });

  it('reads a Leitner box as the stability it promised', () => {
    expect(fromLeitner({ box: 3, due: '2026-03-10', reviews: 3, lapses: 0 })).toMatchObject({ stability: 4, due: '2026-03-10T00:00:00.000Z', lastReview: '2026-03-06T00:00:00.000Z', reps: 3 });
    // A box out of range is clamped rather than trusted.
    expect(fromLeitner({ box: 9, due: '2026-03-10', reviews: 0, lapses: 0 })).toMatchObject({ stability: 16, reps: 1 });
  });
});

describe('wait labels', () => {
  it('rounds like a review app', () => {
    expect(formatWait(T0, '2026-03-01T10:01:00.000Z')).toBe('1 minute');
    expect(formatWait(T0, '2026-03-01T10:10:00.000Z')).toBe('10 minutes');
    expect(formatWait(T0, '2026-03-01T15:00:00.000Z')).toBe('5 hours');
    expect(formatWait(T0, '2026-03-09T10:00:00.000Z')).toBe('8 days');
    expect(formatWait(T0, '2026-06-01T10:00:00.000Z')).toBe('3 months');
    expect(formatWait(T0, T0)).toBe('now');
    expect(formatWaitShort(T0, '2026-03-09T10:00:00.000Z')).toBe('8 d');
    expect(formatWaitShort(T0, '2026-03-01T10:10:00.000Z')).toBe('10 min');
  });
});

// Leitner boxes: a card climbs one box each time it is known and drops to box 1
// when it is missed. Higher boxes come back less often.

export const LEITNER_INTERVAL_DAYS = [1, 2, 4, 8, 16] as const;
export const TOP_BOX = LEITNER_INTERVAL_DAYS.length;

export type CardResult = 'got-it' | 'missed';

export interface CardSchedule {
  box: number;
  /** Local calendar day, YYYY-MM-DD: the card is due on and after this day. */
  due: string;
  reviews: number;
  lapses: number;
}

/** Calendar arithmetic on YYYY-MM-DD strings in UTC, so DST can never shift a day. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

export function intervalForBox(box: number): number {
  const clamped = Math.min(Math.max(box, 1), TOP_BOX);
  return LEITNER_INTERVAL_DAYS[clamped - 1] ?? 1;
}

/**
 * Next schedule after a review on `today`. A missed card goes back to box 1 and
 * returns tomorrow; a known card moves up a box and waits that box's interval.
 */
export function reviewCard(previous: CardSchedule | undefined, result: CardResult, today: string): CardSchedule {
  const box = result === 'missed' ? 1 : Math.min((previous?.box ?? 0) + 1, TOP_BOX);
  return {
    box,
    due: addDays(today, intervalForBox(box)),
    reviews: (previous?.reviews ?? 0) + 1,
    lapses: (previous?.lapses ?? 0) + (result === 'missed' ? 1 : 0),
  };
}

/** A card never reviewed is due; otherwise it is due once its day has come. */
export function isDue(schedule: CardSchedule | undefined, today: string): boolean {
  return !schedule || schedule.due <= today;
}

export function dueCardIds(cardIds: readonly string[], schedules: Readonly<Record<string, CardSchedule>>, today: string): string[] {
  return cardIds.filter((id) => isDue(schedules[id], today));
}

// What the app stores about a card, and the scheduling facts that need no
// FSRS maths: due lists, bringing cards forward, and reading old Leitner boxes.
// Kept apart from fsrs.ts so that the progress store, which every page loads,
// does not carry ts-fsrs; only the pages that rate cards or show retention do.

export const CARD_RATINGS = ['again', 'hard', 'good', 'easy'] as const;
export type CardRating = (typeof CARD_RATINGS)[number];

export const DEFAULT_RETENTION = 0.9;
export const MIN_RETENTION = 0.7;
export const MAX_RETENTION = 0.97;

/** A card that has been reviewed at least once; a card with no state is new. */
export interface CardState {
  /** ISO date-time from which the card is due again. */
  due: string;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: 'learning' | 'review' | 'relearning';
  lastReview: string;
}

export type Instant = Date | string;

const toMs = (t: Instant) => (typeof t === 'string' ? Date.parse(t) : t.getTime());

export function isDue(card: CardState | undefined, now: Instant): boolean {
  return !card || Date.parse(card.due) <= toMs(now);
}

/** Due cards, the most overdue first and new cards last (as in Anki, reviews before new cards). */
export function dueCardIds(cardIds: readonly string[], cards: Readonly<Record<string, CardState>>, now: Instant): string[] {
  const due = cardIds.filter((id) => isDue(cards[id], now));
  const key = (id: string) => (cards[id] ? Date.parse(cards[id].due) : Number.POSITIVE_INFINITY);
  return [...due].sort((a, b) => key(a) - key(b));
}

/** A wrong quiz answer is fresh evidence the card's topic is shaky: make it due now if it was due later. */
export function dueSooner(card: CardState | undefined, now: Instant): CardState | undefined {
  const at = toMs(now);
  if (!card || Date.parse(card.due) <= at) return card;
  return { ...card, due: new Date(at).toISOString() };
}

/** Ids of the cards in any of the given sections. */
export function cardsInSections(cards: readonly { id: string; section: string }[], sections: Iterable<string>): string[] {
  const wanted = new Set(sections);
  return cards.filter((c) => wanted.has(c.section)).map((c) => c.id);
}

// ---- Migration from the Leitner boxes of progress version 1 ----

export interface LeitnerSchedule {
  box: number;
  /** YYYY-MM-DD */
  due: string;
  reviews: number;
  lapses: number;
}

/** The intervals the Leitner boxes 1 to 5 used, in days. */
export const LEITNER_INTERVAL_DAYS = [1, 2, 4, 8, 16] as const;
const DAY_MS = 86_400_000;

/**
 * ts-fsrs's initial difficulty after a first "Good" and after a first "Again"
 * with its default parameters (init_difficulty(3) and init_difficulty(1));
 * a unit test checks they still match the library.
 */
export const FIRST_GOOD_DIFFICULTY = 2.11810397;
export const FIRST_AGAIN_DIFFICULTY = 6.4133;

/**
 * A Leitner card becomes an FSRS review card with the same due day. Its box's
 * interval becomes the stability (the interval after which FSRS expects 90%
 * recall, which is what the box promised), the last review is that interval
 * before the due day, reviews and lapses are kept, and the share of reviews
 * that were lapses moves the difficulty from FSRS's value for a first "Good"
 * towards its value for a first "Again". Days are read as midnight UTC.
 */
export function fromLeitner(old: LeitnerSchedule): CardState {
  const box = Math.min(Math.max(Math.round(old.box), 1), LEITNER_INTERVAL_DAYS.length);
  const interval = LEITNER_INTERVAL_DAYS[box - 1] ?? 1;
  const due = Date.parse(`${old.due}T00:00:00.000Z`);
  const reps = Math.max(old.reviews, 1);
  const lapses = Math.min(old.lapses, reps);
  return {
    due: new Date(due).toISOString(),
    stability: interval,
    difficulty: FIRST_GOOD_DIFFICULTY + (FIRST_AGAIN_DIFFICULTY - FIRST_GOOD_DIFFICULTY) * (lapses / reps),
    scheduledDays: interval,
    learningSteps: 0,
    reps,
    lapses,
    state: 'review',
    lastReview: new Date(due - interval * DAY_MS).toISOString(),
  };
}

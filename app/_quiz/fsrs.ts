// Card scheduling with FSRS, through ts-fsrs. Pure: every function is given the
// time ("now") by its caller, and fuzz is off, so the same reviews always give
// the same schedule. Only the card's memory state is stored, in plain JSON.
import { createEmptyCard, fsrs, generatorParameters, State, type Card as FsrsCard, type FSRS, type Grade } from 'ts-fsrs';

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

const GRADES: Record<CardRating, Grade> = { again: 1, hard: 2, good: 3, easy: 4 };
const STATE_NAMES = { [State.Learning]: 'learning', [State.Review]: 'review', [State.Relearning]: 'relearning' } as const;
const STATE_VALUES = { learning: State.Learning, review: State.Review, relearning: State.Relearning } as const;

const toDate = (t: Instant) => (typeof t === 'string' ? new Date(t) : t);
const clampRetention = (r: number) => (Number.isFinite(r) ? Math.min(MAX_RETENTION, Math.max(MIN_RETENTION, r)) : DEFAULT_RETENTION);

const schedulers = new Map<number, FSRS>();
/** One ts-fsrs instance per desired retention; fuzz off keeps schedules reproducible. */
function scheduler(retention: number): FSRS {
  const r = clampRetention(retention);
  let f = schedulers.get(r);
  if (!f) {
    f = fsrs(generatorParameters({ request_retention: r, enable_fuzz: false }));
    schedulers.set(r, f);
  }
  return f;
}

function toFsrs(card: CardState | undefined, now: Date): FsrsCard {
  if (!card) return createEmptyCard(now);
  return {
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: 0,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: STATE_VALUES[card.state],
    last_review: new Date(card.lastReview),
  };
}

function fromFsrs(card: FsrsCard, reviewedAt: Date): CardState {
  return {
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state === State.New ? 'learning' : STATE_NAMES[card.state],
    lastReview: (card.last_review ?? reviewedAt).toISOString(),
  };
}

/** The card's state after one rating at `now`. */
export function rateCard(previous: CardState | undefined, rating: CardRating, now: Instant, retention = DEFAULT_RETENTION): CardState {
  const at = toDate(now);
  return fromFsrs(scheduler(retention).next(toFsrs(previous, at), at, GRADES[rating]).card, at);
}

/** What each of the four ratings would do, for the labels on the rating buttons. */
export function previewRatings(previous: CardState | undefined, now: Instant, retention = DEFAULT_RETENTION): Record<CardRating, CardState> {
  return Object.fromEntries(CARD_RATINGS.map((r) => [r, rateCard(previous, r, now, retention)])) as Record<CardRating, CardState>;
}

/** FSRS's estimate (0 to 1) that the card is still recalled at `now`; 0 for a card never reviewed. */
export function retrievability(card: CardState | undefined, now: Instant): number {
  if (!card) return 0;
  const at = toDate(now);
  const r = scheduler(DEFAULT_RETENTION).get_retrievability(toFsrs(card, at), at, false);
  return Number.isFinite(r) ? Math.min(1, Math.max(0, r)) : 0;
}

export function isDue(card: CardState | undefined, now: Instant): boolean {
  return !card || Date.parse(card.due) <= toDate(now).getTime();
}

/** Due cards, the most overdue first and new cards last (as in Anki, reviews before new cards). */
export function dueCardIds(cardIds: readonly string[], cards: Readonly<Record<string, CardState>>, now: Instant): string[] {
  const due = cardIds.filter((id) => isDue(cards[id], now));
  const key = (id: string) => (cards[id] ? Date.parse(cards[id].due) : Number.POSITIVE_INFINITY);
  return [...due].sort((a, b) => key(a) - key(b));
}

/** A wrong quiz answer is fresh evidence the card's topic is shaky: make it due now if it was due later. */
export function dueSooner(card: CardState | undefined, now: Instant): CardState | undefined {
  const at = toDate(now);
  if (!card || Date.parse(card.due) <= at.getTime()) return card;
  return { ...card, due: at.toISOString() };
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
  const f = scheduler(DEFAULT_RETENTION);
  const easy = f.init_difficulty(GRADES.good);
  const hard = f.init_difficulty(GRADES.again);
  return {
    due: new Date(due).toISOString(),
    stability: interval,
    difficulty: easy + (hard - easy) * (lapses / reps),
    scheduledDays: interval,
    learningSteps: 0,
    reps,
    lapses,
    state: 'review',
    lastReview: new Date(due - interval * DAY_MS).toISOString(),
  };
}

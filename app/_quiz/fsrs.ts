// Card scheduling with FSRS, through ts-fsrs. Pure: every function is given the
// time ("now") by its caller, and fuzz is off, so the same reviews always give
// the same schedule. Only the card's memory state is stored, in plain JSON
// (card-state.ts, which also holds what needs no FSRS maths).
import { createEmptyCard, fsrs, generatorParameters, State, type Card as FsrsCard, type FSRS, type Grade } from 'ts-fsrs';
import { CARD_RATINGS, DEFAULT_RETENTION, MAX_RETENTION, MIN_RETENTION, type CardRating, type CardState, type Instant } from './card-state';

export * from './card-state';

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

/** ts-fsrs's initial difficulty for a first rating, with the default parameters (see FIRST_GOOD_DIFFICULTY). */
export function initialDifficulty(rating: CardRating): number {
  return scheduler(DEFAULT_RETENTION).init_difficulty(GRADES[rating]);
}

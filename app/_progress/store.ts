import { createStore } from 'zustand/vanilla';
import { persist } from 'zustand/middleware';
import { isBetterScore } from '@/app/_quiz/scoring';
import { dueSooner, type CardRating, type CardState, type Instant } from '@/app/_quiz/card-state';
import { withUnlocked } from '@/app/_quiz/unlock';
import { migrateProgress } from './migrate';
import { describeProblems, sanitizeProgress } from './sanitize';
import { PROGRESS_VERSION, emptyProgress, type Attempt, type InProgressQuiz, type ProgressData } from './schema';
import { browserStorage, safeJsonStorage, type KeyValueStorage } from './storage';

import { PROGRESS_KEY, UNREADABLE_BACKUP_KEY } from './keys';

export { PROGRESS_KEY, UNREADABLE_BACKUP_KEY };
const MAX_ATTEMPTS_PER_CHAPTER = 50;

export interface ProgressActions {
  startQuiz(slug: string, quiz: InProgressQuiz): void;
  answerQuestion(slug: string, questionId: string, answer: string[]): void;
  toggleFlag(slug: string, questionId: string): void;
  markChecked(slug: string, questionId: string): void;
  goToQuestion(slug: string, index: number): void;
  abandonQuiz(slug: string): void;
  /** Records a finished attempt; a passed full attempt unlocks `unlocks` (the next chapter). */
  submitQuiz(slug: string, attempt: Attempt, unlocks: string | null): void;
  /** Saves an attempt of kind "mixed", replacing the one of the same session (same seed) if there is one. */
  saveMixedAttempt(slug: string, attempt: Attempt): void;
  /**
   * Saves one rating of a card: `next` is the state rateCard (app/_quiz/fsrs.ts)
   * computed, with the desired retention from the settings. The caller computes
   * it so that ts-fsrs loads only on the pages that rate cards.
   */
  saveRating(slug: string, cardId: string, rating: CardRating, next: CardState): void;
  /** Takes back the last rating, if the card has not changed since. */
  undoLastRating(): void;
  /** Cards whose section was just answered wrongly in a quiz: due now if they were due later. */
  bringCardsForward(slug: string, cardIds: readonly string[], now: Instant): void;
  setDesiredRetention(retention: number): void;
  recordDrillAnswer(scenarioId: string, correct: boolean, streak: number, date: string): void;
  finishSprint(score: number): void;
  setReadingPosition(slug: string, heading: string, date: string): void;
  replaceProgress(data: ProgressData): void;
  resetProgress(): void;
  dismissNotice(): void;
}

/** The last card rating, kept in memory (not saved) so it can be undone. */
export interface LastRating {
  slug: string;
  cardId: string;
  rating: CardRating;
  previous: CardState | null;
  next: CardState;
}

export type ProgressState = ProgressData & ProgressActions & { notice: string | null; lastRating: LastRating | null };

const DATA_KEYS = Object.keys(emptyProgress()) as (keyof ProgressData)[];

export function pickData(state: ProgressData): ProgressData {
  // Copies only the data keys: the store's actions and notices are never saved.
  const data = emptyProgress();
  for (const key of DATA_KEYS) Object.assign(data, { [key]: state[key] });
  return data;
}

type Set = (partial: Partial<ProgressState> | ((s: ProgressState) => Partial<ProgressState>)) => void;

function updateInProgress(set: Set, slug: string, change: (q: InProgressQuiz) => Partial<InProgressQuiz>) {
  set((s) => {
    const quiz = s.inProgress[slug];
    return quiz ? { inProgress: { ...s.inProgress, [slug]: { ...quiz, ...change(quiz) } } } : {};
  });
}

const sameCard = (a: CardState | undefined, b: CardState) => !!a && (Object.keys(b) as (keyof CardState)[]).every((k) => a[k] === b[k]);

const without = <T>(record: Record<string, T>, key: string) => Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
const toggle = (list: readonly string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);

type QuizActionName = 'startQuiz' | 'answerQuestion' | 'toggleFlag' | 'markChecked' | 'goToQuestion' | 'abandonQuiz' | 'submitQuiz' | 'saveMixedAttempt';

function quizActions(set: Set): Pick<ProgressActions, QuizActionName> {
  return {
    startQuiz: (slug, quiz) => set((s) => ({ inProgress: { ...s.inProgress, [slug]: quiz } })),
    answerQuestion: (slug, id, answer) => updateInProgress(set, slug, (q) => ({ answers: { ...q.answers, [id]: answer } })),
    toggleFlag: (slug, id) => updateInProgress(set, slug, (q) => ({ flagged: toggle(q.flagged, id) })),
    markChecked: (slug, id) => updateInProgress(set, slug, (q) => ({ checked: q.checked.includes(id) ? q.checked : [...q.checked, id] })),
    goToQuestion: (slug, index) => updateInProgress(set, slug, () => ({ current: Math.max(0, index) })),
    abandonQuiz: (slug) => set((s) => ({ inProgress: without(s.inProgress, slug) })),
    submitQuiz: (slug, attempt, unlocks) =>
      set((s) => {
        // Retry rounds only cover missed questions, so they never set a best score or unlock anything.
        const full = attempt.kind === 'full';
        const better = full && isBetterScore(attempt, s.best[slug]);
        return {
          attempts: { ...s.attempts, [slug]: [...(s.attempts[slug] ?? []), attempt].slice(-MAX_ATTEMPTS_PER_CHAPTER) },
          inProgress: without(s.inProgress, slug),
          best: better ? { ...s.best, [slug]: { correct: attempt.correct, total: attempt.total, passed: attempt.passed, date: attempt.date } } : s.best,
          unlocked: full && attempt.passed ? withUnlocked(s.unlocked, unlocks) : s.unlocked,
        };
      }),
    saveMixedAttempt: (slug, attempt) =>
      set((s) => {
        const list = s.attempts[slug] ?? [];
        const at = list.findIndex((a) => a.kind === 'mixed' && a.seed === attempt.seed);
        const next = at >= 0 ? list.map((a, i) => (i === at ? attempt : a)) : [...list, attempt];
        return { attempts: { ...s.attempts, [slug]: next.slice(-MAX_ATTEMPTS_PER_CHAPTER) } };
      }),
  };
}

function cardActions(set: Set): Pick<ProgressActions, 'saveRating' | 'undoLastRating' | 'bringCardsForward' | 'setDesiredRetention'> {
  const withCard = (s: ProgressState, slug: string, cardId: string, card: CardState | null) => {
    const deck = { ...(s.cards[slug] ?? {}) };
    if (card) deck[cardId] = card;
    else delete deck[cardId];
    return { ...s.cards, [slug]: deck };
  };
  return {
    saveRating: (slug, cardId, rating, next) =>
      set((s) => {
        const previous = s.cards[slug]?.[cardId] ?? null;
        return { cards: withCard(s, slug, cardId, next), lastRating: { slug, cardId, rating, previous, next } };
      }),
    undoLastRating: () =>
      set((s) => {
        const last = s.lastRating;
        if (!last) return {};
        // Another tab (or a quiz) changed the card since: undoing would throw that change away.
        if (!sameCard(s.cards[last.slug]?.[last.cardId], last.next)) return { lastRating: null };
        return { cards: withCard(s, last.slug, last.cardId, last.previous), lastRating: null };
      }),
    bringCardsForward: (slug, cardIds, now) =>
      set((s) => {
        const deck = s.cards[slug];
        if (!deck || cardIds.length === 0) return {};
        const moved = Object.fromEntries(cardIds.flatMap((id) => (deck[id] ? [[id, dueSooner(deck[id], now) as CardState]] : [])));
        return { cards: { ...s.cards, [slug]: { ...deck, ...moved } } };
      }),
    setDesiredRetention: (retention) => set((s) => ({ settings: { ...s.settings, desiredRetention: retention } })),
  };
}

function otherActions(set: Set): Omit<ProgressActions, keyof ReturnType<typeof quizActions> | keyof ReturnType<typeof cardActions>> {
  return {
    recordDrillAnswer: (scenarioId, correct, streak, date) =>
      set((s) => {
        const before = s.drillResults[scenarioId];
        const result = { answered: (before?.answered ?? 0) + 1, correct: (before?.correct ?? 0) + (correct ? 1 : 0), lastCorrect: correct, date };
        return {
          drills: { ...s.drills, answered: s.drills.answered + 1, correct: s.drills.correct + (correct ? 1 : 0), bestStreak: Math.max(s.drills.bestStreak, streak) },
          drillResults: { ...s.drillResults, [scenarioId]: result },
        };
      }),
    finishSprint: (score) => set((s) => ({ drills: { ...s.drills, sprints: s.drills.sprints + 1, bestSprint: Math.max(s.drills.bestSprint, score) } })),
    setReadingPosition: (slug, heading, date) =>
      set((s) => (s.reading[slug]?.heading === heading ? {} : { reading: { ...s.reading, [slug]: { heading, date } } })),
    replaceProgress: (data) => set({ ...pickData(data), notice: null, lastRating: null }),
    resetProgress: () => set({ ...emptyProgress(), notice: null, lastRating: null }),
    dismissNotice: () => set({ notice: null }),
  };
}

export interface ProgressStoreOptions {
  storage?: () => KeyValueStorage | null;
  name?: string;
}

export function createProgressStore({ storage = browserStorage, name = PROGRESS_KEY }: ProgressStoreOptions = {}) {
  const store = createStore<ProgressState>()(
    persist((set) => ({ ...emptyProgress(), notice: null, lastRating: null, ...quizActions(set), ...cardActions(set), ...otherActions(set) }), {
      name,
      version: PROGRESS_VERSION,
      storage: safeJsonStorage(storage, PROGRESS_VERSION),
      partialize: (s) => pickData(s),
      migrate: (persisted, version) => migrateProgress(persisted, version) as ProgressData,
      merge: (persisted, current) => {
        if (persisted === undefined) return current;
        const { data, problems } = sanitizeProgress(persisted);
        return { ...current, ...data, notice: problems.length ? describeProblems(problems) : null };
      },
    }),
  );
  if (store.getState().notice) replaceUnreadable(store, storage, name);
  return store;
}

export type ProgressStore = ReturnType<typeof createProgressStore>;

/** Keeps a copy of what could not be read, then saves the cleaned state over it. */
function replaceUnreadable(store: ProgressStore, storage: () => KeyValueStorage | null, name: string) {
  try {
    const backend = storage();
    const raw = backend?.getItem(name);
    if (backend && raw) backend.setItem(UNREADABLE_BACKUP_KEY, raw);
  } catch {
    /* storage unavailable: nothing to back up */
  }
  store.setState({});
}

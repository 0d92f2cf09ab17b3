import { createStore } from 'zustand/vanilla';
import { persist } from 'zustand/middleware';
import { isBetterScore } from '@/app/_quiz/scoring';
import { reviewCard, type CardResult } from '@/app/_quiz/leitner';
import { withUnlocked } from '@/app/_quiz/unlock';
import { migrateProgress } from './migrate';
import { describeProblems, sanitizeProgress } from './sanitize';
import { PROGRESS_VERSION, emptyProgress, type Attempt, type InProgressQuiz, type ProgressData } from './schema';
import { browserStorage, safeJsonStorage, type KeyValueStorage } from './storage';

export const PROGRESS_KEY = 'bil-progress';
/** Where unreadable saved text is copied before it is replaced, so nothing is destroyed silently. */
export const UNREADABLE_BACKUP_KEY = 'bil-progress-unreadable';
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
  reviewCard(slug: string, cardId: string, result: CardResult, today: string): void;
  recordDrillAnswer(correct: boolean, streak: number): void;
  finishSprint(score: number): void;
  setReadingPosition(slug: string, heading: string, date: string): void;
  replaceProgress(data: ProgressData): void;
  resetProgress(): void;
  dismissNotice(): void;
}

export type ProgressState = ProgressData & ProgressActions & { notice: string | null };

const DATA_KEYS = Object.keys(emptyProgress()) as (keyof ProgressData)[];

export function pickData(state: ProgressData): ProgressData {
  return Object.fromEntries(DATA_KEYS.map((k) => [k, state[k]])) as unknown as ProgressData;
}

type Set = (partial: Partial<ProgressState> | ((s: ProgressState) => Partial<ProgressState>)) => void;

function updateInProgress(set: Set, slug: string, change: (q: InProgressQuiz) => Partial<InProgressQuiz>) {
  set((s) => {
    const quiz = s.inProgress[slug];
    return quiz ? { inProgress: { ...s.inProgress, [slug]: { ...quiz, ...change(quiz) } } } : {};
  });
}

const without = <T>(record: Record<string, T>, key: string) => Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
const toggle = (list: readonly string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);

function quizActions(set: Set): Pick<ProgressActions, 'startQuiz' | 'answerQuestion' | 'toggleFlag' | 'markChecked' | 'goToQuestion' | 'abandonQuiz' | 'submitQuiz'> {
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
  };
}

function otherActions(set: Set): Omit<ProgressActions, keyof ReturnType<typeof quizActions>> {
  return {
    reviewCard: (slug, cardId, result, today) =>
      set((s) => {
        const deck = s.cards[slug] ?? {};
        return { cards: { ...s.cards, [slug]: { ...deck, [cardId]: reviewCard(deck[cardId], result, today) } } };
      }),
    recordDrillAnswer: (correct, streak) =>
      set((s) => ({
        drills: { ...s.drills, answered: s.drills.answered + 1, correct: s.drills.correct + (correct ? 1 : 0), bestStreak: Math.max(s.drills.bestStreak, streak) },
      })),
    finishSprint: (score) => set((s) => ({ drills: { ...s.drills, sprints: s.drills.sprints + 1, bestSprint: Math.max(s.drills.bestSprint, score) } })),
    setReadingPosition: (slug, heading, date) =>
      set((s) => (s.reading[slug]?.heading === heading ? {} : { reading: { ...s.reading, [slug]: { heading, date } } })),
    replaceProgress: (data) => set({ ...pickData(data), notice: null }),
    resetProgress: () => set({ ...emptyProgress(), notice: null }),
    dismissNotice: () => set({ notice: null }),
  };
}

export interface ProgressStoreOptions {
  storage?: () => KeyValueStorage | null;
  name?: string;
}

export function createProgressStore({ storage = browserStorage, name = PROGRESS_KEY }: ProgressStoreOptions = {}) {
  const store = createStore<ProgressState>()(
    persist((set) => ({ ...emptyProgress(), notice: null, ...quizActions(set), ...otherActions(set) }), {
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

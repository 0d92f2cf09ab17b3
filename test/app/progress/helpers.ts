import { rateCard, type CardRating } from '@/app/_quiz/fsrs';
import type { ProgressStore } from '@/app/_progress/store';
import type { KeyValueStorage } from '@/app/_progress/storage';
import type { Attempt } from '@/app/_progress/schema';

export const CH95 = '095-azure-ml-pipelines-batch-inference';
export const CH96 = '096-real-time-inference-online-endpoints';

/** An in-memory Web Storage stand-in, so store tests need no browser. */
export function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

export function attempt(correct: number, total: number, passed: boolean, extra: Partial<Attempt> = {}): Attempt {
  return {
    kind: 'full',
    mode: 'exam',
    seed: 1,
    questionIds: Array.from({ length: total }, (_, i) => `q${i + 1}`),
    answers: {},
    correct,
    total,
    passed,
    sections: [{ section: 'intro', correct, total }],
    date: '2026-03-01T10:00:00.000Z',
    ...extra,
  };
}

/** What the cards page does: rate with FSRS at the learner's retention, then save. */
export function rate(store: ProgressStore, slug: string, cardId: string, rating: CardRating, now: string): void {
  const s = store.getState();
  s.saveRating(slug, cardId, rating, rateCard(s.cards[slug]?.[cardId], rating, now, s.settings.desiredRetention));
}

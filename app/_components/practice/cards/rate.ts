import { rateCard, type CardRating } from '@/app/_quiz/fsrs';
import { progressStore } from '@/app/_progress/use-progress';

/** Rates a card at `now` with FSRS and the learner's desired retention, saves it, and returns the new due time. */
export function rateAndSave(slug: string, cardId: string, rating: CardRating, now: string): string {
  const store = progressStore.getState();
  const next = rateCard(store.cards[slug]?.[cardId], rating, now, store.settings.desiredRetention);
  store.saveRating(slug, cardId, rating, next);
  return next.due;
}

'use client';

import { useEffect } from 'react';
import { CARD_RATINGS, previewRatings, type CardRating, type CardState } from '@/app/_quiz/fsrs';
import { formatWait, formatWaitShort, RATING_HINTS, RATING_LABELS } from './card-format';

interface Props {
  /** The card's saved state; undefined for a new card. */
  state: CardState | undefined;
  /** When the answer was revealed: the previews are computed for that moment. */
  revealedAt: string;
  retention: number;
  onRate: (rating: CardRating) => void;
}

/** Again / Hard / Good / Easy, each with the wait FSRS would give it. Keys 1 to 4 rate too, as in Anki. */
export function RatingButtons({ state, revealedAt, retention, onRate }: Props) {
  const preview = previewRatings(state, revealedAt, retention);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.repeat) return;
      if (e.target instanceof HTMLElement && e.target.closest('input, select, textarea')) return;
      const rating = CARD_RATINGS[Number(e.key) - 1];
      if (rating) onRate(rating);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onRate]);
  return (
    <>
      <p className="question-hint" id="rating-hint">
        How well did you know it? Each button shows when the card would come back. Keys 1 to 4 work too.
      </p>
      <div className="rating-buttons" role="group" aria-labelledby="rating-hint">
        {CARD_RATINGS.map((r, i) => (
          <button
            key={r}
            type="button"
            className={`rating-button rating-${r}`}
            aria-keyshortcuts={String(i + 1)}
            aria-label={`${RATING_LABELS[r]}: ${RATING_HINTS[r]}, next in ${formatWait(revealedAt, preview[r].due)}`}
            onClick={() => onRate(r)}
          >
            <span className="rating-name">{RATING_LABELS[r]}</span>
            <span className="rating-interval">{formatWaitShort(revealedAt, preview[r].due)}</span>
          </button>
        ))}
      </div>
    </>
  );
}

/** The line shown after a rating: when the card is due next, and the way back. */
export function RatedNote({ front, rating, ratedAt, due, formatDue, onUndo }: { front: string; rating: CardRating; ratedAt: string; due: string; formatDue: (iso: string) => string; onUndo: () => void }) {
  return (
    <div className="card-last" role="status">
      <p>
        Rated <strong>{RATING_LABELS[rating]}</strong>: “{front}” is next due in <span data-testid="next-due">{formatWait(ratedAt, due)}</span> ({formatDue(due)}).
      </p>
      <button type="button" className="button-secondary" onClick={onUndo}>
        Undo the last rating
      </button>
    </div>
  );
}

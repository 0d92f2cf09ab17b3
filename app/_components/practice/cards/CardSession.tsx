'use client';

import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import type { Card } from '@/app/_content/assessment-schema';
import { CARD_RATINGS, type CardRating } from '@/app/_quiz/fsrs';
import { progressStore, useProgress } from '@/app/_progress/use-progress';
import { formatDate, nowIso } from '../clock';
import { RATING_LABELS } from './card-format';
import { RatedNote, RatingButtons } from './RatingButtons';
import { rateAndSave } from './rate';

interface Props {
  slug: string;
  cards: Card[];
  order: string[];
  sectionTitles: Record<string, string>;
  onDone: () => void;
}

interface Rated {
  cardId: string;
  rating: CardRating;
  ratedAt: string;
  due: string;
  /** Where the session stood before the rating, so Undo can go back there. */
  index: number;
  queueLength: number;
}

const NO_TALLY: Record<CardRating, number> = { again: 0, hard: 0, good: 0, easy: 0 };

/** One review session: reveal, rate with Again/Hard/Good/Easy, see when the card returns, undo the last rating. */
export function CardSession({ slug, cards, order, sectionTitles, onDone }: Props) {
  const [queue, setQueue] = useState(order);
  const [index, setIndex] = useState(0);
  const [revealedAt, setRevealedAt] = useState<string | null>(null);
  const [tally, setTally] = useState(NO_TALLY);
  const [last, setLast] = useState<Rated | null>(null);
  const answerRef = useRef<HTMLDivElement>(null);
  const revealRef = useRef<HTMLButtonElement>(null);
  const [moved, setMoved] = useState(false);
  const card = cards.find((c) => c.id === queue[index]);
  const state = useProgress((s) => (card ? s.cards[slug]?.[card.id] : undefined));
  const retention = useProgress((s) => s.settings.desiredRetention);

  useEffect(() => {
    if (revealedAt) answerRef.current?.focus();
    else if (moved) revealRef.current?.focus();
  }, [revealedAt, moved, index]);

  const rate = (rating: CardRating) => {
    if (!card) return;
    const now = nowIso();
    const due = rateAndSave(slug, card.id, rating, now);
    setLast({ cardId: card.id, rating, ratedAt: now, due, index, queueLength: queue.length });
    setTally((t) => ({ ...t, [rating]: t[rating] + 1 }));
    // As in Anki, a card you did not know comes back before the session ends.
    if (rating === 'again') setQueue((q) => [...q, card.id]);
    setRevealedAt(null);
    setMoved(true);
    setIndex((i) => i + 1);
  };

  const undo = () => {
    if (!last) return;
    progressStore.getState().undoLastRating();
    setTally((t) => ({ ...t, [last.rating]: Math.max(0, t[last.rating] - 1) }));
    setQueue((q) => q.slice(0, last.queueLength));
    setIndex(last.index);
    setRevealedAt(nowIso());
    setLast(null);
  };

  const lastCard = last ? cards.find((c) => c.id === last.cardId) : undefined;
  const lastNote = last && lastCard && <RatedNote front={lastCard.front} rating={last.rating} ratedAt={last.ratedAt} due={last.due} formatDue={formatDate} onUndo={undo} />;

  if (!card) {
    const rated = CARD_RATINGS.reduce((n, r) => n + tally[r], 0);
    return (
      <div className="card-done">
        {lastNote}
        <h2>Session complete</h2>
        <p>
          You rated {rated} card{rated === 1 ? '' : 's'}: {CARD_RATINGS.map((r) => `${tally[r]} ${RATING_LABELS[r]}`).join(', ')}. FSRS has set each card&apos;s next review for when it
          expects your recall to fall to {Math.round(retention * 100)}%.
        </p>
        <button type="button" className="button-primary" onClick={onDone}>
          Back to the deck
        </button>
      </div>
    );
  }
  return (
    <div className="flash-card">
      {lastNote}
      <p className="question-count">
        Card {index + 1} of {queue.length}
      </p>
      <h2 className="flash-front">{card.front}</h2>
      {!revealedAt ? (
        <div className="quiz-actions">
          <button type="button" className="button-primary" ref={revealRef} onClick={() => setRevealedAt(nowIso())}>
            Show the answer
          </button>
          <button type="button" className="button-secondary" onClick={onDone}>
            End the session
          </button>
        </div>
      ) : (
        <>
          <div className="flash-back" ref={answerRef} tabIndex={-1} aria-label="Answer">
            <p>{card.back}</p>
            <p className="review-link">
              <Link href={`/chapters/${slug}#${card.section}`}>Reread: {sectionTitles[card.section] ?? card.section}</Link>
            </p>
          </div>
          <RatingButtons state={state} revealedAt={revealedAt} retention={retention} onRate={rate} />
        </>
      )}
    </div>
  );
}

'use client';

import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import type { Card } from '@/app/_content/assessment-schema';
import type { CardResult } from '@/app/_quiz/leitner';
import { progressStore } from '@/app/_progress/use-progress';

interface Props {
  slug: string;
  cards: Card[];
  order: string[];
  sectionTitles: Record<string, string>;
  today: string;
  onDone: () => void;
}

export function CardSession({ slug, cards, order, sectionTitles, today, onDone }: Props) {
  const [index, setIndex] = useState(0);
  const [revealed, setRevealed] = useState(false);
  const [tally, setTally] = useState({ got: 0, missed: 0 });
  const answerRef = useRef<HTMLDivElement>(null);
  const revealRef = useRef<HTMLButtonElement>(null);
  const card = cards.find((c) => c.id === order[index]);

  useEffect(() => {
    if (revealed) answerRef.current?.focus();
    else if (index > 0) revealRef.current?.focus();
  }, [revealed, index]);

  const mark = (result: CardResult) => {
    if (!card) return;
    progressStore.getState().reviewCard(slug, card.id, result, today);
    setTally((t) => (result === 'got-it' ? { ...t, got: t.got + 1 } : { ...t, missed: t.missed + 1 }));
    setRevealed(false);
    setIndex((i) => i + 1);
  };

  if (!card) {
    return (
      <div className="card-done" role="status">
        <h2>Session complete</h2>
        <p>
          You knew {tally.got} and missed {tally.missed}. Missed cards return tomorrow; the others come back when their box is due.
        </p>
        <button type="button" className="button-primary" onClick={onDone}>
          Back to the deck
        </button>
      </div>
    );
  }
  return (
    <div className="flash-card">
      <p className="question-count">
        Card {index + 1} of {order.length}
      </p>
      <h2 className="flash-front">{card.front}</h2>
      {!revealed ? (
        <button type="button" className="button-primary" ref={revealRef} onClick={() => setRevealed(true)}>
          Show the answer
        </button>
      ) : (
        <>
          <div className="flash-back" ref={answerRef} tabIndex={-1} aria-label="Answer">
            <p>{card.back}</p>
            <p className="review-link">
              <Link href={`/chapters/${slug}#${card.section}`}>Reread: {sectionTitles[card.section] ?? card.section}</Link>
            </p>
          </div>
          <div className="quiz-actions">
            <button type="button" className="button-ok" onClick={() => mark('got-it')}>
              Got it
            </button>
            <button type="button" className="button-bad" onClick={() => mark('missed')}>
              Missed it
            </button>
          </div>
        </>
      )}
    </div>
  );
}

'use client';

import { useState } from 'react';
import type { Card } from '@/app/_content/assessment-schema';
import { dueCardIds, LEITNER_INTERVAL_DAYS, type CardSchedule } from '@/app/_quiz/leitner';
import { useHydrated, useProgress } from '@/app/_progress/use-progress';
import { localDay } from '../clock';
import { CardSession } from './CardSession';

const NO_SCHEDULE: Record<string, CardSchedule> = {};

interface Props {
  slug: string;
  cards: Card[];
  sectionTitles: Record<string, string>;
}

/** Knowledge cards with Leitner scheduling: the overview, then a review session. */
export function CardDeckView({ slug, cards, sectionTitles }: Props) {
  const hydrated = useHydrated();
  const schedules = useProgress((s) => s.cards[slug] ?? NO_SCHEDULE);
  const [session, setSession] = useState<string[] | null>(null);
  if (!hydrated) return <p>Loading your saved progress…</p>;

  const today = localDay();
  const due = dueCardIds(
    cards.map((c) => c.id),
    schedules,
    today,
  );
  if (session) return <CardSession slug={slug} cards={cards.filter((c) => session.includes(c.id))} order={session} sectionTitles={sectionTitles} today={today} onDone={() => setSession(null)} />;

  const boxCounts = LEITNER_INTERVAL_DAYS.map((_, i) => cards.filter((c) => schedules[c.id]?.box === i + 1).length);
  const upcoming = Object.values(schedules)
    .map((s) => s.due)
    .filter((d) => d > today)
    .sort()[0];
  return (
    <div className="card-overview">
      <p className="due-count" role="status">
        <strong>{due.length}</strong> of {cards.length} cards due today
      </p>
      <p>
        Reveal each answer, then say honestly whether you knew it. A card you know moves up a box and comes back later ({LEITNER_INTERVAL_DAYS.join(', ')} days for boxes 1 to{' '}
        {LEITNER_INTERVAL_DAYS.length}); a card you miss goes back to box 1 and returns tomorrow.
      </p>
      <ul className="box-counts" aria-label="Cards per box">
        <li>New: {cards.filter((c) => !schedules[c.id]).length}</li>
        {boxCounts.map((n, i) => (
          <li key={i}>
            Box {i + 1}: {n}
          </li>
        ))}
      </ul>
      <div className="quiz-actions">
        <button type="button" className="button-primary" disabled={due.length === 0} onClick={() => setSession(due)}>
          Review the {due.length} due card{due.length === 1 ? '' : 's'}
        </button>
        <button type="button" className="button-secondary" onClick={() => setSession(cards.map((c) => c.id))}>
          Study all {cards.length} cards anyway
        </button>
      </div>
      {due.length === 0 && upcoming && <p>Nothing is due today. The next card is due on {upcoming}.</p>}
    </div>
  );
}

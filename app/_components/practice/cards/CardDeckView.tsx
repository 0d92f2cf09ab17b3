'use client';

import { useState } from 'react';
import type { Card } from '@/app/_content/assessment-schema';
import { DEFAULT_RETENTION, dueCardIds, type CardState } from '@/app/_quiz/card-state';
import { progressStore, useHydrated, useProgress } from '@/app/_progress/use-progress';
import { formatDate, nowIso } from '../clock';
import { CardSession } from './CardSession';

const NO_CARDS: Record<string, CardState> = {};
const RETENTION_CHOICES = [0.8, 0.85, 0.9, 0.95] as const;

interface Props {
  slug: string;
  cards: Card[];
  sectionTitles: Record<string, string>;
}

/** Knowledge cards scheduled by FSRS: the overview, then a review session. */
export function CardDeckView({ slug, cards, sectionTitles }: Props) {
  const hydrated = useHydrated();
  const states = useProgress((s) => s.cards[slug] ?? NO_CARDS);
  const retention = useProgress((s) => s.settings.desiredRetention);
  const [session, setSession] = useState<string[] | null>(null);
  // The moment the overview was drawn; a new one after every session.
  const [now, setNow] = useState(nowIso);
  if (!hydrated) return <p>Loading your saved progress…</p>;

  const ids = cards.map((c) => c.id);
  const due = dueCardIds(ids, states, now);
  if (session) {
    return (
      <CardSession
        slug={slug}
        cards={cards}
        order={session}
        sectionTitles={sectionTitles}
        onDone={() => {
          setSession(null);
          setNow(nowIso());
        }}
      />
    );
  }

  const count = (state: CardState['state'] | 'new') => cards.filter((c) => (states[c.id]?.state ?? 'new') === state).length;
  const upcoming = ids
    .map((id) => states[id]?.due)
    .filter((d): d is string => !!d && d > now)
    .sort()[0];
  const choices = [...new Set([...RETENTION_CHOICES, retention])].sort();
  return (
    <div className="card-overview">
      <p className="due-count" role="status">
        <strong>{due.length}</strong> of {cards.length} cards due now
      </p>
      <p>
        Reveal each answer, then rate how well you knew it: Again, Hard, Good or Easy. The FSRS scheduler estimates how long you will remember each card and brings it back when your
        chance of recalling it falls to the retention you choose below. A quiz question you get wrong brings the cards of its section forward.
      </p>
      <ul className="box-counts" aria-label="Cards by learning state">
        <li>New: {count('new')}</li>
        <li>Learning: {count('learning')}</li>
        <li>Review: {count('review')}</li>
        <li>Relearning: {count('relearning')}</li>
      </ul>
      <p>
        <label htmlFor="desired-retention">Desired retention </label>
        <select id="desired-retention" value={retention} aria-describedby="retention-hint" onChange={(e) => progressStore.getState().setDesiredRetention(Number(e.target.value))}>
          {choices.map((r) => (
            <option key={r} value={r}>
              {Math.round(r * 100)}%{r === DEFAULT_RETENTION ? ' (recommended)' : ''}
            </option>
          ))}
        </select>{' '}
        <span id="retention-hint" className="field-hint">
          Higher means more frequent reviews; it applies from your next rating.
        </span>
      </p>
      <div className="quiz-actions">
        <button type="button" className="button-primary" disabled={due.length === 0} onClick={() => setSession(due)}>
          Review the {due.length} due card{due.length === 1 ? '' : 's'}
        </button>
        <button type="button" className="button-secondary" onClick={() => setSession(ids)}>
          Study all {cards.length} cards anyway
        </button>
      </div>
      {due.length === 0 && upcoming && <p>Nothing is due now. The next card is due on {formatDate(upcoming)}.</p>}
    </div>
  );
}

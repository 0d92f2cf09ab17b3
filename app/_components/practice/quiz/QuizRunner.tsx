'use client';

import { useCallback, useState, useSyncExternalStore } from 'react';
import { progressStore, useHydrated, useProgress } from '@/app/_progress/use-progress';
import type { Attempt } from '@/app/_progress/schema';
import { newSeed, nowIso } from '../clock';
import { AttemptHistory } from './AttemptHistory';
import { QuizResults } from './QuizResults';
import { QuizSession } from './QuizSession';
import { QuizStart, type StartOptions } from './QuizStart';
import type { QuizContent } from './types';

const NO_ATTEMPTS: Attempt[] = [];
const noSubscription = () => () => {};

// Cached so useSyncExternalStore sees a stable value while the address is unchanged.
let lastLink: { key: string; value: { date: string; question: string | null } | null } = { key: '', value: null };
function readReviewLink(): { date: string; question: string | null } | null {
  const key = window.location.search + window.location.hash;
  if (key !== lastLink.key) {
    const date = new URLSearchParams(window.location.search).get('review');
    const hash = window.location.hash;
    lastLink = { key, value: date ? { date, question: hash.startsWith('#review-') ? hash.slice('#review-'.length) : null } : null };
  }
  return lastLink.value;
}

/**
 * The whole quiz: start screen with history, the running attempt (resumed from
 * saved progress after a reload), and the results of the attempt just finished.
 */
export function QuizRunner({ content }: { content: QuizContent }) {
  const { slug } = content;
  const hydrated = useHydrated();
  const running = useProgress((s) => s.inProgress[slug]);
  const attempts = useProgress((s) => s.attempts[slug] ?? NO_ATTEMPTS);
  const best = useProgress((s) => s.best[slug]);
  const [shown, setShown] = useState<Attempt | null>(null);
  // Back from the lab: ?review=<attempt date>#review-<question id> reopens that review at that question.
  const link = useSyncExternalStore(noSubscription, readReviewLink, () => null);
  const [linkDismissed, setLinkDismissed] = useState(false);
  const linked = hydrated && link && !linkDismissed ? attempts.find((a) => a.date === link.date) : undefined;
  const reviewed = shown ?? linked ?? null;

  const show = useCallback((attempt: Attempt | null) => {
    // Leaving a reopened review drops it from the address, so a reload shows the quiz page itself.
    if (window.location.search.includes('review=')) window.history.replaceState(window.history.state, '', window.location.pathname);
    setLinkDismissed(true);
    setShown(attempt);
  }, []);

  const start = useCallback(
    (kind: 'full' | 'retry', questionIds: string[], options: StartOptions) => {
      const startedAt = nowIso();
      const endsAt = options.minutes ? new Date(Date.parse(startedAt) + options.minutes * 60_000).toISOString() : null;
      show(null);
      progressStore.getState().startQuiz(slug, { kind, mode: options.mode, seed: newSeed(), questionIds, answers: {}, flagged: [], checked: [], current: 0, startedAt, endsAt });
    },
    [slug, show],
  );
  const allIds = content.questions.map((q) => q.id);

  if (!hydrated) return <p className="quiz-loading">Loading your saved progress…</p>;
  if (running) return <QuizSession content={content} quiz={running} onSubmitted={show} />;
  if (reviewed) {
    return (
      <QuizResults
        content={content}
        attempt={reviewed}
        focusQuestion={reviewed === linked ? (link?.question ?? null) : null}
        onRetryMissed={(missed) => start('retry', missed, { mode: reviewed.mode, minutes: null })}
        onNewAttempt={() => show(null)}
      />
    );
  }
  return (
    <>
      <QuizStart content={content} onStart={(options) => start('full', allIds, options)} />
      <AttemptHistory attempts={attempts} best={best} onReview={show} />
    </>
  );
}

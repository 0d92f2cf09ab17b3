'use client';

import { useCallback, useState } from 'react';
import { progressStore, useHydrated, useProgress } from '@/app/_progress/use-progress';
import type { Attempt } from '@/app/_progress/schema';
import { newSeed, nowIso } from '../clock';
import { AttemptHistory } from './AttemptHistory';
import { QuizResults } from './QuizResults';
import { QuizSession } from './QuizSession';
import { QuizStart, type StartOptions } from './QuizStart';
import type { QuizContent } from './types';

const NO_ATTEMPTS: Attempt[] = [];

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

  const start = useCallback(
    (kind: 'full' | 'retry', questionIds: string[], options: StartOptions) => {
      const startedAt = nowIso();
      const endsAt = options.minutes ? new Date(Date.parse(startedAt) + options.minutes * 60_000).toISOString() : null;
      setShown(null);
      progressStore.getState().startQuiz(slug, { kind, mode: options.mode, seed: newSeed(), questionIds, answers: {}, flagged: [], checked: [], current: 0, startedAt, endsAt });
    },
    [slug],
  );
  const allIds = content.questions.map((q) => q.id);

  if (!hydrated) return <p className="quiz-loading">Loading your saved progress…</p>;
  if (running) return <QuizSession content={content} quiz={running} onSubmitted={setShown} />;
  if (shown) {
    return (
      <QuizResults
        content={content}
        attempt={shown}
        onRetryMissed={(missed) => start('retry', missed, { mode: shown.mode, minutes: null })}
        onNewAttempt={() => setShown(null)}
      />
    );
  }
  return (
    <>
      <QuizStart content={content} onStart={(options) => start('full', allIds, options)} />
      <AttemptHistory attempts={attempts} best={best} onReview={setShown} />
    </>
  );
}

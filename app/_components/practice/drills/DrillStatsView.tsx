'use client';

import { formatPercent } from '@/app/_quiz/scoring';
import { useHydrated, useProgress } from '@/app/_progress/use-progress';

export function DrillStatsView() {
  const hydrated = useHydrated();
  const stats = useProgress((s) => s.drills);
  return (
    <section className="drill-stats" aria-labelledby="drill-stats-heading">
      <h2 id="drill-stats-heading">Your drill stats</h2>
      {hydrated ? (
        <dl>
          <div>
            <dt>Accuracy</dt>
            <dd data-stat="accuracy">{stats.answered ? `${formatPercent(stats.correct, stats.answered)} (${stats.correct} of ${stats.answered})` : 'no answers yet'}</dd>
          </div>
          <div>
            <dt>Best streak</dt>
            <dd data-stat="best-streak">{stats.bestStreak}</dd>
          </div>
          <div>
            <dt>Sprints finished</dt>
            <dd data-stat="sprints">{stats.sprints}</dd>
          </div>
          <div>
            <dt>Best sprint</dt>
            <dd data-stat="best-sprint">{stats.bestSprint} correct</dd>
          </div>
        </dl>
      ) : (
        <p>Loading your saved progress…</p>
      )}
    </section>
  );
}

'use client';

import Link from 'next/link';
import { formatPercent } from '@/app/_quiz/scoring';
import { useHydrated, useProgress } from '@/app/_progress/use-progress';
import type { ChapterRef } from '../practice-data';

/** Best score per chapter and the drill totals, as saved on this device. */
export function ProgressOverview({ chapters }: { chapters: ChapterRef[] }) {
  const hydrated = useHydrated();
  const best = useProgress((s) => s.best);
  const attempts = useProgress((s) => s.attempts);
  if (!hydrated) return <p>Loading your saved progress…</p>;
  return (
    <table className="breakdown">
      <caption className="visually-hidden">Quiz results per chapter</caption>
      <thead>
        <tr>
          <th scope="col">Chapter</th>
          <th scope="col">Attempts</th>
          <th scope="col">Best score</th>
        </tr>
      </thead>
      <tbody>
        {chapters.map((c) => {
          const b = best[c.slug];
          return (
            <tr key={c.slug}>
              <th scope="row">
                <Link href={`/chapters/${c.slug}/quiz`}>
                  {c.number}. {c.title}
                </Link>
              </th>
              <td>{attempts[c.slug]?.length ?? 0}</td>
              <td>{b ? `${b.correct}/${b.total} (${formatPercent(b.correct, b.total)})${b.passed ? ', passed' : ''}` : 'none yet'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

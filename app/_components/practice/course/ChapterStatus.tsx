'use client';

import { chapterState } from '@/app/_quiz/unlock';
import { formatPercent } from '@/app/_quiz/scoring';
import { useHydrated, useProgress } from '@/app/_progress/use-progress';
import { LockIcon } from '../chapter/LockIcon';

interface Props {
  slug: string;
  alwaysOpen: boolean;
  previousNumber: number | null;
}

/** The course-map badge: locked, unlocked, in progress, or passed with the best score. */
export function ChapterStatus({ slug, alwaysOpen, previousNumber }: Props) {
  const hydrated = useHydrated();
  const unlocked = useProgress((s) => s.unlocked.includes(slug));
  const best = useProgress((s) => s.best[slug]);
  const started = useProgress((s) => !!s.inProgress[slug] || (s.attempts[slug]?.length ?? 0) > 0 || !!s.reading[slug] || Object.keys(s.cards[slug] ?? {}).length > 0);
  // Saved progress is only known in the browser: render nothing until then, identically on both sides.
  if (!hydrated) return <p className="chapter-state" aria-hidden="true" />;
  const state = chapterState({ alwaysOpen, unlocked, passed: best?.passed ?? false, started });
  const label = {
    locked: `Locked: pass the chapter ${previousNumber ?? ''} quiz to unlock`,
    unlocked: 'Unlocked: not started',
    'in-progress': best ? `In progress · best ${formatPercent(best.correct, best.total)}` : 'In progress',
    passed: `✓ Passed · best ${best ? formatPercent(best.correct, best.total) : '0%'}`,
  }[state];
  return (
    <p className={`chapter-state chapter-state-${state}`} data-state={state}>
      {state === 'locked' && <LockIcon />} {label}
    </p>
  );
}

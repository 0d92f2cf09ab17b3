import Link from 'next/link';
import type { ReactNode } from 'react';
import type { PracticeChapter } from '../practice-data';
import { LockIcon } from './LockIcon';

/**
 * Renders both the "locked" notice and the content; CSS generated from the course
 * (/progress/locks.css) shows one of them from <html data-unlocked>, which is set
 * before first paint. So a locked chapter never flashes its content, and nothing
 * here depends on saved progress, so server and client HTML are identical.
 */
export function LockGate({ chapter, children }: { chapter: PracticeChapter; children: ReactNode }) {
  const prev = chapter.previous;
  if (!chapter.lockable || !prev) return <>{children}</>;
  return (
    <>
      <section className="locked-notice" data-lock-notice={chapter.slug} aria-labelledby={`locked-${chapter.slug}`}>
        <h2 id={`locked-${chapter.slug}`}>
          <LockIcon /> Chapter {chapter.number} is locked
        </h2>
        <p>
          Score {prev.passPercent}% or more on the chapter {prev.number} quiz, <em>{prev.title}</em>, to unlock it.
        </p>
        <p className="locked-actions">
          <Link className="button-primary" href={`/chapters/${prev.slug}/quiz`}>
            Take the chapter {prev.number} quiz
          </Link>
          <Link href={`/chapters/${prev.slug}`}>Read chapter {prev.number} first</Link>
        </p>
      </section>
      <div data-lockable={chapter.slug}>{children}</div>
    </>
  );
}

'use client';

import Link from 'next/link';
import { useEffect, useRef } from 'react';
import { formatPercent, scoreAnswers } from '@/app/_quiz/scoring';
import type { Attempt } from '@/app/_progress/schema';
import { QuizReview } from './QuizReview';
import { correctNeeded, type QuizContent } from './types';

interface Props {
  content: QuizContent;
  attempt: Attempt;
  /** A question of the review to open at (back from its lab link); otherwise the heading takes focus. */
  focusQuestion?: string | null;
  onRetryMissed: (missed: string[]) => void;
  onNewAttempt: () => void;
}

export function QuizResults({ content, attempt, focusQuestion = null, onRetryMissed, onNewAttempt }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const item = focusQuestion ? document.getElementById(`review-${focusQuestion}`) : null;
    if (item) {
      item.focus();
      item.scrollIntoView({ block: 'start' });
    } else heading.current?.focus();
  }, [focusQuestion]);
  const asked = content.questions.filter((q) => attempt.questionIds.includes(q.id));
  const { missed } = scoreAnswers(asked, attempt.answers, content.passPercent);
  const full = attempt.kind === 'full';
  return (
    <div className="quiz-results">
      <h2 ref={heading} tabIndex={-1}>
        {full ? 'Your result' : attempt.kind === 'mixed' ? 'Your mixed practice questions' : 'Your retry round'}
      </h2>
      <p className={!full ? 'result-score' : attempt.passed ? 'result-score result-pass' : 'result-score result-fail'}>
        {attempt.correct} of {attempt.total} correct ({formatPercent(attempt.correct, attempt.total)}){full && (attempt.passed ? ': passed' : ': not passed')}
      </p>
      {full && !attempt.passed && (
        <p>
          The pass mark is {content.passPercent}%: {correctNeeded(content.passPercent, attempt.total)} of {attempt.total} questions.
          {content.next && ` Pass it to unlock chapter ${content.next.number}.`}
        </p>
      )}
      {full && attempt.passed && content.next && (
        <p className="unlock-message">
          Chapter {content.next.number} is unlocked: <Link href={`/chapters/${content.next.slug}`}>{content.next.title}</Link>
        </p>
      )}
      {!full && <p>Retry rounds and mixed practice ask only some of the questions, so they do not change your best score or unlock chapters.</p>}
      <div className="quiz-actions">
        {missed.length > 0 && (
          <button type="button" className="button-primary" onClick={() => onRetryMissed(missed)}>
            Retry the {missed.length} missed question{missed.length === 1 ? '' : 's'}
          </button>
        )}
        <button type="button" className="button-secondary" onClick={onNewAttempt}>
          Start a new attempt or see your history
        </button>
      </div>
      <SectionBreakdown content={content} attempt={attempt} />
      <QuizReview content={content} attempt={attempt} />
    </div>
  );
}

/** Chapter order reads better than the shuffled order the sections were first met in. */
function sortBySection<T extends { section: string }>(rows: readonly T[], titles: Record<string, string>): T[] {
  const order = Object.keys(titles);
  const rank = (s: string) => (order.includes(s) ? order.indexOf(s) : order.length);
  return [...rows].sort((a, b) => rank(a.section) - rank(b.section));
}

function SectionBreakdown({ content, attempt }: { content: QuizContent; attempt: Attempt }) {
  return (
    <section aria-labelledby="breakdown-heading">
      <h3 id="breakdown-heading">Score by chapter section</h3>
      <table className="breakdown">
        <thead>
          <tr>
            <th scope="col">Section</th>
            <th scope="col">Correct</th>
          </tr>
        </thead>
        <tbody>
          {sortBySection(attempt.sections, content.sectionTitles).map((s) => (
            <tr key={s.section} className={s.correct === s.total ? 'row-ok' : 'row-bad'}>
              <th scope="row">
                <Link href={`/chapters/${content.slug}#${s.section}`}>{content.sectionTitles[s.section] ?? s.section}</Link>
              </th>
              <td>
                {s.correct} of {s.total}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

import Link from 'next/link';
import type { PracticeChapter } from '../practice-data';

/** The end-of-chapter call to action: quiz, cards and drills. */
export function PracticeLinks({ chapter }: { chapter: PracticeChapter }) {
  const { quiz, cards } = chapter;
  if (!quiz && !cards) return null;
  return (
    <section className="practice-links" aria-labelledby="practice-heading">
      <h2 id="practice-heading">Check what you learned</h2>
      <ul>
        {quiz && (
          <li>
            <Link href={`/chapters/${chapter.slug}/quiz`}>Take the chapter {chapter.number} quiz</Link>: {quiz.questions.length} questions, pass mark {quiz.passPercent}%
            {chapter.next ? `. Passing unlocks chapter ${chapter.next.number}.` : '.'}
          </li>
        )}
        {cards && (
          <li>
            <Link href={`/chapters/${chapter.slug}/cards`}>Do you actually know this?</Link>: {cards.cards.length} knowledge cards with spaced repetition.
          </li>
        )}
        <li>
          <Link href="/drills">Batch or real time?</Link>: timed drills on the exam&apos;s favourite decision.
        </li>
      </ul>
    </section>
  );
}

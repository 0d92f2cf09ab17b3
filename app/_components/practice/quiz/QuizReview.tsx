import Link from 'next/link';
import { placeQuestions } from '@/app/_quiz/attempt-order';
import type { Attempt } from '@/app/_progress/schema';
import { AnswerSummary, ChoiceExplanations } from './Explanations';
import { SeeInLab } from '../SeeInLab';
import type { QuizContent } from './types';

/** The address of this attempt's review, at one question: the lab's way back. */
export function reviewPath(slug: string, attempt: Attempt, questionId: string): string {
  return `/chapters/${slug}/quiz?review=${encodeURIComponent(attempt.date)}#review-${questionId}`;
}

/** Every question of an attempt, in the order it was asked, with the full explanations. */
export function QuizReview({ content, attempt }: { content: QuizContent; attempt: Attempt }) {
  const placed = placeQuestions(content.questions, attempt.seed, attempt.questionIds);
  return (
    <section aria-labelledby="review-heading" className="quiz-review">
      <h3 id="review-heading">Review every question</h3>
      <ol className="review-list">
        {placed.map(({ question, choiceIds }) => (
          <li key={question.id} id={`review-${question.id}`} className="review-item" tabIndex={-1}>
            <p className="review-prompt">{question.prompt}</p>
            <AnswerSummary question={question} given={attempt.answers[question.id]} />
            <ChoiceExplanations question={question} given={attempt.answers[question.id]} order={choiceIds} />
            <SeeInLab link={question.lab} back={reviewPath(content.slug, attempt, question.id)} />
            <p className="review-link">
              <Link href={`/chapters/${content.slug}#${question.section}`}>Reread: {content.sectionTitles[question.section] ?? question.section}</Link>
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}

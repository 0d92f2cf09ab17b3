import Link from 'next/link';
import { placeQuestions } from '@/app/_quiz/attempt-order';
import type { Attempt } from '@/app/_progress/schema';
import { AnswerSummary, ChoiceExplanations } from './Explanations';
import type { QuizContent } from './types';

/** Every question of an attempt, in the order it was asked, with the full explanations. */
export function QuizReview({ content, attempt }: { content: QuizContent; attempt: Attempt }) {
  const placed = placeQuestions(content.questions, attempt.seed, attempt.questionIds);
  return (
    <section aria-labelledby="review-heading" className="quiz-review">
      <h3 id="review-heading">Review every question</h3>
      <ol className="review-list">
        {placed.map(({ question, choiceIds }) => (
          <li key={question.id} className="review-item">
            <p className="review-prompt">{question.prompt}</p>
            <AnswerSummary question={question} given={attempt.answers[question.id]} />
            <ChoiceExplanations question={question} given={attempt.answers[question.id]} order={choiceIds} />
            <p className="review-link">
              <Link href={`/chapters/${content.slug}#${question.section}`}>Reread: {content.sectionTitles[question.section] ?? question.section}</Link>
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}

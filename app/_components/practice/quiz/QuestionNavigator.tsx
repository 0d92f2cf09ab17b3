'use client';

import type { PlacedQuestion } from '@/app/_quiz/attempt-order';
import type { InProgressQuiz } from '@/app/_progress/schema';

interface Props {
  placed: PlacedQuestion[];
  quiz: InProgressQuiz;
  current: number;
  onGo: (index: number) => void;
}

/** Numbered buttons for jumping to any question; answered and flagged states are in each name. */
export function QuestionNavigator({ placed, quiz, current, onGo }: Props) {
  return (
    <nav className="question-nav" aria-label="Questions">
      <ol>
        {placed.map(({ question }, i) => {
          const answered = (quiz.answers[question.id]?.length ?? 0) > 0;
          const flagged = quiz.flagged.includes(question.id);
          const state = [answered ? 'answered' : 'not answered', ...(flagged ? ['flagged'] : [])].join(', ');
          const classes = ['question-nav-button', answered && 'is-answered', flagged && 'is-flagged'].filter(Boolean).join(' ');
          return (
            <li key={question.id}>
              <button type="button" className={classes} aria-label={`Question ${i + 1}, ${state}`} aria-current={i === current ? 'step' : undefined} onClick={() => onGo(i)}>
                {i + 1}
                {flagged && <span aria-hidden="true">⚑</span>}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

'use client';

import { useEffect, useRef } from 'react';
import type { PlacedQuestion } from '@/app/_quiz/attempt-order';
import { AnswerSummary, ChoiceExplanations } from './Explanations';
import { OrderList } from './OrderList';
import { SeeInLab } from '../SeeInLab';
import { TYPE_HINTS } from './types';

interface Props {
  placed: PlacedQuestion;
  position: number;
  total: number;
  answer: string[] | undefined;
  /** Practice mode locks a question once its feedback is shown. */
  locked: boolean;
  showFeedback: boolean;
  focusHeading?: boolean;
  /** Where the lab's "Back to the question" returns (this page, at this question). */
  labBack?: string | undefined;
  onAnswer: (next: string[]) => void;
}

export function QuestionCard({ placed, position, total, answer, locked, showFeedback, focusHeading = false, labBack, onAnswer }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusHeading) heading.current?.focus();
    // Only when this question first appears: the card is keyed by question id.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const { question, choiceIds } = placed;
  const multi = question.type === 'multi';
  const legendId = `q-${question.id}-prompt`;
  const toggle = (id: string) => {
    const current = answer ?? [];
    onAnswer(current.includes(id) ? current.filter((x) => x !== id) : [...current, id]);
  };
  return (
    <section className="question-card" aria-labelledby={legendId}>
      <p className="question-count">
        Question {position} of {total}
      </p>
      <h2 id={legendId} className="question-prompt" ref={heading} tabIndex={-1}>
        {question.prompt}
      </h2>
      <p className="question-hint">{TYPE_HINTS[question.type]}</p>
      {question.type === 'order' ? (
        <>
          <OrderList question={question} arrangement={answer ?? choiceIds} disabled={locked} onChange={onAnswer} />
          {!answer && !locked && (
            <button type="button" className="button-secondary" onClick={() => onAnswer(choiceIds)}>
              Keep this order as my answer
            </button>
          )}
        </>
      ) : (
        <fieldset className="choices" disabled={locked}>
          <legend className="visually-hidden">{question.prompt}</legend>
          {choiceIds.map((id) => {
            const choice = question.choices.find((c) => c.id === id);
            if (!choice) return null;
            const checked = answer?.includes(id) ?? false;
            return (
              <label key={id} className={checked ? 'choice choice-selected' : 'choice'}>
                <input
                  type={multi ? 'checkbox' : 'radio'}
                  name={`answer-${question.id}`}
                  value={id}
                  checked={checked}
                  disabled={locked}
                  onChange={() => (multi ? toggle(id) : onAnswer([id]))}
                />
                <span>{choice.text}</span>
              </label>
            );
          })}
        </fieldset>
      )}
      {showFeedback && (
        <div className="question-feedback" role="status">
          <AnswerSummary question={question} given={answer} />
          <ChoiceExplanations question={question} given={answer} order={choiceIds} />
          {labBack && <SeeInLab link={question.lab} back={labBack} />}
        </div>
      )}
    </section>
  );
}

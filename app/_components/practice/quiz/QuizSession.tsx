'use client';

import { useCallback, useMemo, useState } from 'react';
import { placeQuestions } from '@/app/_quiz/attempt-order';
import { cardsInSections } from '@/app/_quiz/card-state';
import { scoreAnswers } from '@/app/_quiz/scoring';
import { progressStore } from '@/app/_progress/use-progress';
import type { Attempt, InProgressQuiz } from '@/app/_progress/schema';
import { nowIso } from '../clock';
import { ConfirmPanel } from '../ConfirmPanel';
import { Countdown } from './Countdown';
import { QuestionCard } from './QuestionCard';
import { QuestionNavigator } from './QuestionNavigator';
import type { QuizContent } from './types';

interface Props {
  content: QuizContent;
  quiz: InProgressQuiz;
  onSubmitted: (attempt: Attempt) => void;
}

export function QuizSession({ content, quiz, onSubmitted }: Props) {
  const { slug } = content;
  const placed = useMemo(() => placeQuestions(content.questions, quiz.seed, quiz.questionIds), [content.questions, quiz.seed, quiz.questionIds]);
  const [confirming, setConfirming] = useState(false);
  // Focus follows navigation to the new question's heading, but not on first render.
  const [navigated, setNavigated] = useState(false);
  const store = progressStore.getState();
  const index = Math.min(quiz.current, placed.length - 1);
  const current = placed[index];
  const practice = quiz.mode === 'practice';
  const answered = placed.filter((p) => (quiz.answers[p.question.id]?.length ?? 0) > 0).length;
  const unanswered = placed.length - answered;

  const submit = useCallback(() => {
    const live = progressStore.getState().inProgress[slug] ?? quiz;
    const score = scoreAnswers(placed.map((p) => p.question), live.answers, content.passPercent);
    const attempt: Attempt = {
      kind: live.kind,
      mode: live.mode,
      seed: live.seed,
      questionIds: live.questionIds,
      answers: live.answers,
      correct: score.correct,
      total: score.total,
      passed: score.passed,
      sections: score.sections,
      date: nowIso(),
    };
    progressStore.getState().submitQuiz(slug, attempt, content.next?.slug ?? null);
    const missedSections = score.sections.filter((s) => s.correct < s.total).map((s) => s.section);
    progressStore.getState().bringCardsForward(slug, cardsInSections(content.cards, missedSections), attempt.date);
    onSubmitted(attempt);
  }, [slug, quiz, placed, content.passPercent, content.next, content.cards, onSubmitted]);

  if (!current) return null;
  const id = current.question.id;
  const checked = quiz.checked.includes(id);
  const flagged = quiz.flagged.includes(id);
  const go = (i: number) => {
    store.goToQuestion(slug, i);
    setConfirming(false);
    setNavigated(true);
  };

  return (
    <div className="quiz-session">
      <div className="quiz-status">
        <p className="quiz-mode">{practice ? 'Practice mode: feedback after each question' : 'Exam mode: feedback at the end'}</p>
        <div
          className="quiz-progress"
          role="progressbar"
          aria-label="Questions answered"
          aria-valuemin={0}
          aria-valuemax={placed.length}
          aria-valuenow={answered}
          aria-valuetext={`${answered} of ${placed.length} answered`}
        >
          <div className="quiz-progress-bar" style={{ width: `${(answered / placed.length) * 100}%` }} />
        </div>
        <p className="quiz-counts">
          {answered} of {placed.length} answered · {quiz.flagged.length} flagged
        </p>
        {quiz.endsAt && <Countdown endsAt={quiz.endsAt} onExpire={submit} />}
      </div>
      <QuestionNavigator placed={placed} quiz={quiz} current={index} onGo={go} />
      <QuestionCard
        key={id}
        placed={current}
        position={index + 1}
        total={placed.length}
        answer={quiz.answers[id]}
        focusHeading={navigated}
        labBack={`/chapters/${slug}/quiz#q-${id}-prompt`}
        locked={practice && checked}
        showFeedback={practice && checked}
        onAnswer={(next) => store.answerQuestion(slug, id, next)}
      />
      <div className="quiz-actions">
        {practice && !checked && (
          <button type="button" className="button-primary" disabled={!quiz.answers[id]?.length} onClick={() => store.markChecked(slug, id)}>
            Check answer
          </button>
        )}
        <button type="button" className="button-secondary" aria-pressed={flagged} onClick={() => store.toggleFlag(slug, id)}>
          {flagged ? '⚑ Flagged for review' : '⚐ Flag for review'}
        </button>
        <button type="button" className="button-secondary" disabled={index === 0} onClick={() => go(index - 1)}>
          Previous
        </button>
        <button type="button" className="button-secondary" disabled={index === placed.length - 1} onClick={() => go(index + 1)}>
          Next
        </button>
        <button type="button" className="button-primary" onClick={() => (unanswered > 0 || quiz.flagged.length > 0 ? setConfirming(true) : submit())}>
          Submit quiz
        </button>
      </div>
      {confirming && (
        <ConfirmPanel confirmLabel="Submit now" cancelLabel="Keep working" onConfirm={submit} onCancel={() => setConfirming(false)}>
          {unanswered > 0 ? `${unanswered} question${unanswered === 1 ? ' is' : 's are'} unanswered and will count as wrong. ` : ''}
          {quiz.flagged.length > 0 ? `${quiz.flagged.length} question${quiz.flagged.length === 1 ? ' is' : 's are'} flagged for review. ` : ''}
          Submit anyway?
        </ConfirmPanel>
      )}
    </div>
  );
}

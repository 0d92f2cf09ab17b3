'use client';

import { useId, useState } from 'react';
import { correctNeeded, type QuizContent } from './types';

export interface StartOptions {
  mode: 'practice' | 'exam';
  minutes: number | null;
}

const TIME_LIMITS = [null, 10, 20, 30, 45] as const;

/** Mode and (for exams) an optional time limit, then Start. */
export function QuizStart({ content, onStart }: { content: QuizContent; onStart: (options: StartOptions) => void }) {
  const [mode, setMode] = useState<StartOptions['mode']>('practice');
  const [minutes, setMinutes] = useState<number | null>(null);
  const limitId = useId();
  const total = content.questions.length;
  return (
    <div className="quiz-start">
      <p>
        {total} questions. Pass mark {content.passPercent}% ({correctNeeded(content.passPercent, total)} of {total})
        {content.next ? `, which unlocks chapter ${content.next.number}.` : '.'} Question and answer order is shuffled for every attempt.
      </p>
      <fieldset className="mode-picker">
        <legend>Mode</legend>
        <label className="choice">
          <input type="radio" name="quiz-mode" value="practice" checked={mode === 'practice'} onChange={() => setMode('practice')} />
          <span>
            <strong>Practice</strong>: check each answer as you go and read every explanation.
          </span>
        </label>
        <label className="choice">
          <input type="radio" name="quiz-mode" value="exam" checked={mode === 'exam'} onChange={() => setMode('exam')} />
          <span>
            <strong>Exam</strong>: no feedback until you submit, with an optional time limit.
          </span>
        </label>
      </fieldset>
      {mode === 'exam' && (
        <p>
          <label htmlFor={limitId}>Time limit </label>
          <select id={limitId} value={minutes ?? ''} onChange={(e) => setMinutes(e.target.value ? Number(e.target.value) : null)}>
            {TIME_LIMITS.map((m) => (
              <option key={m ?? 'none'} value={m ?? ''}>
                {m ? `${m} minutes` : 'No time limit'}
              </option>
            ))}
          </select>
        </p>
      )}
      <button type="button" className="button-primary" onClick={() => onStart({ mode, minutes: mode === 'exam' ? minutes : null })}>
        Start the quiz
      </button>
    </div>
  );
}

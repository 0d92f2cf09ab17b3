import type { Ref } from 'react';
import type { DrillScenario } from '@/app/_content/assessment-schema';
import { AnswerButtons } from './AnswerButtons';
import { DrillFeedback } from './DrillFeedback';
import { SeeInLab } from '../SeeInLab';

interface Props {
  scenario: DrillScenario;
  given: DrillScenario['pattern'] | null;
  onAnswer: (pattern: DrillScenario['pattern']) => void;
  /** Where focus goes when a new scenario appears. */
  textRef?: Ref<HTMLParagraphElement>;
  /** Where the lab's "Back to the question" returns, for a scenario with a lab link. */
  labBack?: string | undefined;
}

/** One untimed drill: the scenario, the two answers, then the feedback with its cue words. */
export function DrillQuestion({ scenario, given, onAnswer, textRef, labBack }: Props) {
  return (
    <>
      {!given && (
        <p className="drill-text" ref={textRef} tabIndex={textRef ? -1 : undefined}>
          {scenario.text}
        </p>
      )}
      <p className="question-hint">Batch or real-time?</p>
      <AnswerButtons disabled={given !== null} onAnswer={onAnswer} />
      {given && (
        <div role="status">
          <DrillFeedback scenario={scenario} given={given} />
          {labBack && <SeeInLab link={scenario.lab} back={labBack} />}
        </div>
      )}
    </>
  );
}

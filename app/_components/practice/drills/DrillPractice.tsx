'use client';

import { useEffect, useRef, useState } from 'react';
import type { DrillScenario } from '@/app/_content/assessment-schema';
import { seededShuffle } from '@/app/_quiz/seeded-shuffle';
import { progressStore } from '@/app/_progress/use-progress';
import { newSeed, nowIso } from '../clock';
import { DrillQuestion } from './DrillQuestion';

/** Untimed: one scenario at a time, with the cue words highlighted after each answer. */
export function DrillPractice({ scenarios }: { scenarios: DrillScenario[] }) {
  const [order] = useState(() => seededShuffle(scenarios, newSeed()));
  const [index, setIndex] = useState(0);
  const [given, setGiven] = useState<DrillScenario['pattern'] | null>(null);
  const [streak, setStreak] = useState(0);
  const nextRef = useRef<HTMLButtonElement>(null);
  const textRef = useRef<HTMLParagraphElement>(null);
  const scenario = order[index % order.length] as DrillScenario;

  // Focus follows the flow: to "Next" after an answer, back to the new scenario after "Next".
  useEffect(() => {
    if (given) nextRef.current?.focus();
    else if (index > 0) textRef.current?.focus();
  }, [given, index]);

  const answer = (pattern: DrillScenario['pattern']) => {
    const correct = pattern === scenario.pattern;
    const nextStreak = correct ? streak + 1 : 0;
    setGiven(pattern);
    setStreak(nextStreak);
    progressStore.getState().recordDrillAnswer(scenario.id, correct, nextStreak, nowIso());
  };

  return (
    <div className="drill-card">
      <p className="question-count">
        Scenario {(index % order.length) + 1} of {order.length} · streak {streak}
      </p>
      <DrillQuestion scenario={scenario} given={given} onAnswer={answer} textRef={textRef} />
      {given && (
        <>
          <button
            type="button"
            className="button-secondary"
            ref={nextRef}
            onClick={() => {
              setGiven(null);
              setIndex((i) => i + 1);
            }}
          >
            Next scenario
          </button>
        </>
      )}
    </div>
  );
}

'use client';

import { useEffect, useRef, useState } from 'react';
import type { DrillScenario } from '@/app/_content/assessment-schema';
import { seededShuffle } from '@/app/_quiz/seeded-shuffle';
import { progressStore } from '@/app/_progress/use-progress';
import { newSeed, nowIso } from '../clock';
import { DrillQuestion } from './DrillQuestion';

/**
 * Back from a drill's lab link: ?scenario=<id>&given=<answer> puts that
 * scenario first, already answered, so the learner is where they left.
 */
export function restoredDrill(search: string, scenarios: readonly DrillScenario[]): { scenario: DrillScenario; given: DrillScenario['pattern'] } | null {
  const params = new URLSearchParams(search);
  const scenario = scenarios.find((s) => s.id === params.get('scenario'));
  const given = params.get('given');
  return scenario && (given === 'batch' || given === 'real-time') ? { scenario, given } : null;
}

/** Untimed: one scenario at a time, with the cue words highlighted after each answer. */
export function DrillPractice({ scenarios }: { scenarios: DrillScenario[] }) {
  const [restored] = useState(() => restoredDrill(window.location.search, scenarios));
  const [order] = useState(() => {
    const shuffled = seededShuffle(scenarios, newSeed());
    return restored ? [restored.scenario, ...shuffled.filter((s) => s.id !== restored.scenario.id)] : shuffled;
  });
  const [index, setIndex] = useState(0);
  const [given, setGiven] = useState<DrillScenario['pattern'] | null>(restored?.given ?? null);
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
      <DrillQuestion scenario={scenario} given={given} onAnswer={answer} textRef={textRef} labBack={given ? `/drills?scenario=${scenario.id}&given=${given}` : undefined} />
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

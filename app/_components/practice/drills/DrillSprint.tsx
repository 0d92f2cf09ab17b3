'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { DrillScenario } from '@/app/_content/assessment-schema';
import { seededShuffle } from '@/app/_quiz/seeded-shuffle';
import { progressStore } from '@/app/_progress/use-progress';
import { newSeed, nowIso } from '../clock';
import { AnswerButtons } from './AnswerButtons';
import { PATTERN_LABELS, SERVICE_LABELS } from './drill-labels';

interface Round {
  order: DrillScenario[];
  index: number;
  score: number;
  answered: number;
  streak: number;
  bestStreak: number;
  last: { scenario: DrillScenario; correct: boolean } | null;
}

const freshRound = (scenarios: DrillScenario[]): Round => ({ order: seededShuffle(scenarios, newSeed()), index: 0, score: 0, answered: 0, streak: 0, bestStreak: 0, last: null });

/** A timed round: answer as many as you can; a wrong answer resets the streak. */
export function DrillSprint({ scenarios, seconds }: { scenarios: DrillScenario[]; seconds: number }) {
  const [phase, setPhase] = useState<'ready' | 'running' | 'done'>('ready');
  const [round, setRound] = useState<Round>(() => freshRound(scenarios));
  const [endsAt, setEndsAt] = useState(0);
  const [left, setLeft] = useState(seconds * 1000);
  const resultRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (phase !== 'running') return;
    const timer = setInterval(() => {
      const ms = endsAt - Date.now();
      setLeft(Math.max(0, ms));
      if (ms <= 0) setPhase('done');
    }, 200);
    return () => clearInterval(timer);
  }, [phase, endsAt]);

  useEffect(() => {
    if (phase !== 'done') return;
    progressStore.getState().finishSprint(round.score);
    resultRef.current?.focus();
    // Recorded once when the round ends; the score cannot change afterwards.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [phase]);

  const answer = useCallback(
    (pattern: DrillScenario['pattern']) => {
      const scenario = round.order[round.index % round.order.length] as DrillScenario;
      const correct = pattern === scenario.pattern;
      const streak = correct ? round.streak + 1 : 0;
      progressStore.getState().recordDrillAnswer(scenario.id, correct, streak, nowIso());
      setRound({
        ...round,
        index: round.index + 1,
        answered: round.answered + 1,
        score: round.score + (correct ? 1 : 0),
        streak,
        bestStreak: Math.max(round.bestStreak, streak),
        last: { scenario, correct },
      });
    },
    [round],
  );

  useEffect(() => {
    if (phase !== 'running') return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'b' || e.key === 'B') answer('batch');
      if (e.key === 'r' || e.key === 'R') answer('real-time');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [phase, answer]);

  const start = () => {
    setRound(freshRound(scenarios));
    setLeft(seconds * 1000);
    setEndsAt(Date.now() + seconds * 1000);
    setPhase('running');
  };

  if (phase === 'ready') {
    return (
      <div className="drill-card">
        <p>
          A {seconds}-second round: decide batch or real-time for as many scenarios as you can. Keys <kbd>B</kbd> and <kbd>R</kbd> answer too.
        </p>
        <button type="button" className="button-primary" onClick={start}>
          Start the {seconds}-second sprint
        </button>
      </div>
    );
  }
  if (phase === 'done') {
    return (
      <div className="drill-card sprint-result">
        <h2 ref={resultRef} tabIndex={-1}>
          Sprint finished
        </h2>
        <p data-testid="sprint-score">
          {round.score} correct of {round.answered} answered · best streak this round {round.bestStreak}
        </p>
        <button type="button" className="button-primary" onClick={start}>
          Start another sprint
        </button>
      </div>
    );
  }
  const scenario = round.order[round.index % round.order.length] as DrillScenario;
  return (
    <div className="drill-card">
      <p className="sprint-status">
        Time left: <span role="timer">{Math.ceil(left / 1000)} s</span> · Score {round.score} · Streak {round.streak}
      </p>
      <p className="drill-text">{scenario.text}</p>
      <AnswerButtons disabled={false} onAnswer={answer} />
      <p className="sprint-last" aria-live="polite">
        {round.last &&
          `${round.last.correct ? '✓' : '✗'} ${PATTERN_LABELS[round.last.scenario.pattern]}: ${SERVICE_LABELS[round.last.scenario.service]}. Cues: ${round.last.scenario.cues.join(', ')}.`}
      </p>
    </div>
  );
}

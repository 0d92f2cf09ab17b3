'use client';

import Link from 'next/link';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Card, DrillScenario, Question } from '@/app/_content/assessment-schema';
import { placeQuestions } from '@/app/_quiz/attempt-order';
import { cardsInSections, type CardRating } from '@/app/_quiz/card-state';
import type { PracticeItem, PracticeKind } from '@/app/_quiz/practice-session';
import { isFullyCorrect } from '@/app/_quiz/scoring';
import type { Attempt } from '@/app/_progress/schema';
import { progressStore, useProgress } from '@/app/_progress/use-progress';
import { formatDate, nowIso } from '../clock';
import { RatedNote, RatingButtons } from '../cards/RatingButtons';
import { rateAndSave } from '../cards/rate';
import { DrillQuestion } from '../drills/DrillQuestion';
import type { ReadinessData } from '../practice-data';
import { QuestionCard } from '../quiz/QuestionCard';

interface Props {
  data: ReadinessData;
  items: PracticeItem[];
  seed: number;
  onDone: () => void;
}

/** What each finished item gave, for the summary at the end. */
type Outcome = { kind: 'question' | 'drill'; correct: boolean } | { kind: 'card'; rating: CardRating };

interface ItemProps<T> {
  item: PracticeItem;
  content: T;
  seed: number;
  position: number;
  total: number;
  /** Called once the item has been answered or rated (and again after an undo and a new rating). */
  onOutcome: (outcome: Outcome | null) => void;
}

const KIND_NAMES: Record<PracticeKind, string> = { question: 'Quiz question', card: 'Knowledge card', drill: 'Batch or real-time drill' };

/** Adds one answer to this session's "mixed" attempt for the chapter (one per chapter and session; it never sets a best score). */
function withAnswer(previous: Attempt | undefined, question: Question, answer: string[], right: boolean, seed: number, date: string): Attempt {
  const sections = (previous?.sections ?? []).map((s) => (s.section === question.section ? { ...s, correct: s.correct + (right ? 1 : 0), total: s.total + 1 } : s));
  if (!sections.some((s) => s.section === question.section)) sections.push({ section: question.section, correct: right ? 1 : 0, total: 1 });
  const questionIds = [...(previous?.questionIds ?? []), question.id];
  return {
    kind: 'mixed',
    mode: 'practice',
    seed,
    questionIds,
    answers: { ...(previous?.answers ?? {}), [question.id]: answer },
    correct: (previous?.correct ?? 0) + (right ? 1 : 0),
    total: questionIds.length,
    passed: false,
    sections,
    date,
  };
}

function QuestionItem({ item, content: question, seed, position, total, onOutcome, sectionCards }: ItemProps<Question> & { sectionCards: string[] }) {
  const placed = useMemo(() => placeQuestions([question], seed)[0], [question, seed]);
  const [answer, setAnswer] = useState<string[] | undefined>();
  const [checked, setChecked] = useState(false);
  if (!placed) return null;
  const check = () => {
    if (!answer?.length) return;
    setChecked(true);
    const at = nowIso();
    const right = isFullyCorrect(question, answer);
    const store = progressStore.getState();
    const previous = store.attempts[item.slug]?.find((a) => a.kind === 'mixed' && a.seed === seed);
    store.saveMixedAttempt(item.slug, withAnswer(previous, question, answer, right, seed, at));
    // A wrong answer brings the section's cards forward, as in a quiz.
    if (!right) store.bringCardsForward(item.slug, sectionCards, at);
    onOutcome({ kind: 'question', correct: right });
  };
  return (
    <>
      <QuestionCard placed={placed} position={position} total={total} answer={answer} locked={checked} showFeedback={checked} focusHeading labBack="/progress" onAnswer={setAnswer} />
      {!checked && (
        <div className="quiz-actions">
          <button type="button" className="button-primary" disabled={!answer?.length} onClick={check}>
            Check answer
          </button>
        </div>
      )}
    </>
  );
}

function CardItem({ item, content: card, onOutcome }: ItemProps<Card>) {
  const state = useProgress((s) => s.cards[item.slug]?.[card.id]);
  const retention = useProgress((s) => s.settings.desiredRetention);
  const [revealedAt, setRevealedAt] = useState<string | null>(null);
  const [rated, setRated] = useState<{ rating: CardRating; at: string; due: string } | null>(null);
  const answerRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (revealedAt && !rated) answerRef.current?.focus();
  }, [revealedAt, rated]);
  const rate = useCallback(
    (rating: CardRating) => {
      const at = nowIso();
      setRated({ rating, at, due: rateAndSave(item.slug, card.id, rating, at) });
      onOutcome({ kind: 'card', rating });
    },
    [item.slug, card.id, onOutcome],
  );
  const undo = () => {
    progressStore.getState().undoLastRating();
    setRated(null);
    onOutcome(null);
  };
  return (
    <>
      <h2 className="flash-front">{card.front}</h2>
      {!revealedAt ? (
        <button type="button" className="button-primary" onClick={() => setRevealedAt(nowIso())}>
          Show the answer
        </button>
      ) : (
        <>
          <div className="flash-back" ref={answerRef} tabIndex={-1} aria-label="Answer">
            <p>{card.back}</p>
          </div>
          {rated ? (
            <RatedNote front={card.front} rating={rated.rating} ratedAt={rated.at} due={rated.due} formatDue={formatDate} onUndo={undo} />
          ) : (
            <RatingButtons state={state} revealedAt={revealedAt} retention={retention} onRate={rate} />
          )}
        </>
      )}
    </>
  );
}

function DrillItem({ content: scenario, onOutcome }: ItemProps<DrillScenario>) {
  const [given, setGiven] = useState<DrillScenario['pattern'] | null>(null);
  const answer = (pattern: DrillScenario['pattern']) => {
    const correct = pattern === scenario.pattern;
    setGiven(pattern);
    progressStore.getState().recordDrillAnswer(scenario.id, correct, 0, nowIso());
    onOutcome({ kind: 'drill', correct });
  };
  return <DrillQuestion scenario={scenario} given={given} onAnswer={answer} labBack="/progress" />;
}

/**
 * A mixed session over the weakest sections. Each kind of item has its own
 * renderer below; a new kind (a lab run, say) needs one more entry, nothing else.
 */
export function PracticeSession({ data, items, seed, onDone }: Props) {
  const [index, setIndex] = useState(0);
  const [outcomes, setOutcomes] = useState<(Outcome | null)[]>(() => items.map(() => null));
  const nextRef = useRef<HTMLButtonElement>(null);
  const doneRef = useRef<HTMLHeadingElement>(null);
  const item = items[index];
  const outcome = outcomes[index] ?? null;
  const titles = useMemo(() => new Map(data.sections.map((s) => [`${s.slug}#${s.id}`, s.title])), [data.sections]);
  const setOutcome = useCallback((o: Outcome | null) => setOutcomes((list) => list.map((x, i) => (i === index ? o : x))), [index]);

  useEffect(() => {
    if (outcome) nextRef.current?.focus();
  }, [outcome]);
  useEffect(() => {
    if (!item) doneRef.current?.focus();
  }, [item]);

  if (!item) {
    const done = outcomes.filter((o): o is Outcome => o !== null);
    const right = (kind: 'question' | 'drill') => done.filter((o) => o.kind === kind && o.correct).length;
    const count = (kind: PracticeKind) => done.filter((o) => o.kind === kind).length;
    return (
      <div className="card-done">
        <h2 ref={doneRef} tabIndex={-1}>
          Session complete
        </h2>
        <p>
          Questions: {right('question')} of {count('question')} right. Cards rated: {count('card')}. Drills: {right('drill')} of {count('drill')} right. The readiness figures now include
          these answers.
        </p>
        <button type="button" className="button-primary" onClick={onDone}>
          Back to readiness
        </button>
      </div>
    );
  }

  const common = { item, seed, position: index + 1, total: items.length, onOutcome: setOutcome };
  const question = data.questions.find((q) => q.slug === item.slug && q.question.id === item.id)?.question;
  const card = data.cards.find((c) => c.slug === item.slug && c.id === item.id);
  const drill = data.drills.find((d) => d.id === item.id);
  const renderers: Record<PracticeKind, () => ReactNode> = {
    question: () => question && <QuestionItem {...common} content={question} sectionCards={cardsInSections(data.cards.filter((c) => c.slug === item.slug), [item.section])} />,
    card: () => card && <CardItem {...common} content={card} />,
    drill: () => drill && <DrillItem {...common} content={drill} />,
  };
  const section = titles.get(`${item.slug}#${item.section}`) ?? item.section;
  return (
    <div className="practice-session">
      <p className="question-count">
        Item {index + 1} of {items.length}
      </p>
      <div className="practice-item" key={index}>
        <p className="practice-kind">
          {KIND_NAMES[item.kind]} · <Link href={`/chapters/${item.slug}#${item.section}`}>{section}</Link>
        </p>
        {renderers[item.kind]()}
      </div>
      <div className="quiz-actions">
        <button type="button" className={outcome ? 'button-primary' : 'button-secondary'} ref={nextRef} onClick={() => setIndex((i) => i + 1)}>
          {outcome ? (index + 1 < items.length ? 'Next item' : 'Finish the session') : 'Skip this item'}
        </button>
        <button type="button" className="button-secondary" onClick={() => setIndex(items.length)}>
          End the session
        </button>
      </div>
    </div>
  );
}

import type { Question } from '@/app/_content/assessment-schema';

export type Answers = Readonly<Record<string, readonly string[]>>;

export interface SectionScore {
  section: string;
  correct: number;
  total: number;
}

export interface QuizScore {
  correct: number;
  total: number;
  passed: boolean;
  /** Whole percent, rounded down (never a pass that did not happen); the UI shows formatPercent instead. */
  percent: number;
  sections: SectionScore[];
  missed: string[];
}

/**
 * Integer comparison on purpose: 12/20 against 60% is 1200 >= 1200, whereas
 * 12 / 20 * 100 can land a hair below 60 in floating point.
 */
export function meetsPass(correct: number, total: number, passPercent: number): boolean {
  return total > 0 && correct * 100 >= passPercent * total;
}

export function percentOf(correct: number, total: number): number {
  return total > 0 ? Math.floor((correct * 100) / total) : 0;
}

/**
 * A score as the learner reads it: "60%" when the percentage is whole,
 * otherwise one decimal cut down (not rounded) to the tenth, so 27/53 shows
 * "50.9%" and 59.96% shows "59.9%", never "60%". Cutting down keeps the text
 * on the same side of any whole-number pass mark as meetsPass: a score shows
 * at least "60.0%" exactly when it reaches 60%.
 */
export function formatPercent(correct: number, total: number): string {
  if (!(total > 0)) return '0%';
  // Whole numbers of correct answers: these products and the division stay exact in doubles.
  if ((correct * 100) % total === 0) return `${(correct * 100) / total}%`;
  const tenths = Math.floor((correct * 1000) / total);
  return `${Math.floor(tenths / 10)}.${tenths % 10}%`;
}

/** All-or-nothing: a multi or order question with one slip scores 0. */
export function isFullyCorrect(question: Question, given: readonly string[] | undefined): boolean {
  if (!given || given.length !== question.answer.length) return false;
  if (question.type === 'order') return question.answer.every((id, i) => given[i] === id);
  const expected = new Set(question.answer);
  return new Set(given).size === given.length && given.every((id) => expected.has(id));
}

export function scoreAnswers(questions: readonly Question[], answers: Answers, passPercent: number): QuizScore {
  const sections = new Map<string, SectionScore>();
  const missed: string[] = [];
  let correct = 0;
  for (const q of questions) {
    const right = isFullyCorrect(q, answers[q.id]);
    const row = sections.get(q.section) ?? { section: q.section, correct: 0, total: 0 };
    row.total += 1;
    if (right) {
      row.correct += 1;
      correct += 1;
    } else missed.push(q.id);
    sections.set(q.section, row);
  }
  const total = questions.length;
  return { correct, total, passed: meetsPass(correct, total, passPercent), percent: percentOf(correct, total), sections: [...sections.values()], missed };
}

/** True when a/b beats c/d, compared exactly by cross-multiplying. */
export function isBetterScore(a: { correct: number; total: number }, b: { correct: number; total: number } | undefined): boolean {
  if (!b) return true;
  return a.correct * b.total > b.correct * a.total;
}

import type { Question } from '@/app/_content/assessment-schema';
import { deriveSeed, seededShuffle } from './seeded-shuffle';

export interface PlacedQuestion {
  question: Question;
  /** Choice ids in the order shown; for an `order` question, the starting arrangement. */
  choiceIds: string[];
}

const sameOrder = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function choiceOrder(question: Question, seed: number): string[] {
  const ids = question.choices.map((c) => c.id);
  // True/False keeps its natural reading order; shuffling it only confuses.
  if (question.type === 'truefalse') return ['true', 'false'];
  const shuffled = seededShuffle(ids, deriveSeed(seed, question.id));
  // An order question that starts already solved would give a free point: rotate it by one.
  if (question.type === 'order' && sameOrder(shuffled, question.answer)) return [...shuffled.slice(1), ...shuffled.slice(0, 1)];
  return shuffled;
}

/**
 * The questions of one attempt in their shuffled order, each with its shuffled choices.
 * Only the seed and the asked ids are stored, so a reload rebuilds exactly the same attempt.
 * Ids that no longer exist in the quiz (content changed since) are skipped.
 */
export function placeQuestions(questions: readonly Question[], seed: number, askedIds?: readonly string[]): PlacedQuestion[] {
  const asked = askedIds ? questions.filter((q) => askedIds.includes(q.id)) : [...questions];
  return seededShuffle(asked, seed).map((question) => ({ question, choiceIds: choiceOrder(question, seed) }));
}

import type { Question } from '@/app/_content/assessment-schema';

/** Plain data a quiz page hands to the client runner. */
export interface QuizContent {
  slug: string;
  number: number;
  title: string;
  passPercent: number;
  questions: Question[];
  /** The chapter a pass unlocks, if any. */
  next: { slug: string; number: number; title: string } | null;
  /** Heading id → heading text, for the section breakdown. */
  sectionTitles: Record<string, string>;
  /** The chapter's cards (id and section only): a wrong answer brings its section's cards forward. */
  cards: { id: string; section: string }[];
}

export const TYPE_HINTS: Record<Question['type'], string> = {
  single: 'Choose one answer.',
  scenario: 'Scenario: choose the best answer.',
  truefalse: 'True or false?',
  multi: 'Choose every correct answer.',
  order: 'Put the items in the right order with the Move up and Move down buttons.',
};

/** Smallest number of correct answers that passes, in integers. */
export function correctNeeded(passPercent: number, total: number): number {
  return Math.floor((passPercent * total + 99) / 100);
}

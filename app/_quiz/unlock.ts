// Which chapters the learner may open, and the state the course map shows for each.

export type ChapterState = 'locked' | 'unlocked' | 'in-progress' | 'passed';

export interface ChapterProgressFacts {
  /** The first chapter of the course is always open. */
  alwaysOpen: boolean;
  unlocked: boolean;
  passed: boolean;
  started: boolean;
}

export function chapterState(f: ChapterProgressFacts): ChapterState {
  if (!f.alwaysOpen && !f.unlocked) return 'locked';
  if (f.passed) return 'passed';
  return f.started ? 'in-progress' : 'unlocked';
}

/** Passing chapter N's quiz opens chapter N+1; the last chapter opens nothing. */
export function chapterUnlockedBy(courseOrder: readonly string[], passedSlug: string): string | null {
  const i = courseOrder.indexOf(passedSlug);
  return i >= 0 ? (courseOrder[i + 1] ?? null) : null;
}

/** Adds a chapter to the unlocked list once; unlocking is never taken back. */
export function withUnlocked(unlocked: readonly string[], slug: string | null): string[] {
  return slug && !unlocked.includes(slug) ? [...unlocked, slug] : [...unlocked];
}

/**
 * The exam this course was written for, as third-party exam-prep sites report it.
 * Not a Microsoft quotation: the UI always says "reported" and points to Microsoft Learn.
 * Each chapter's frontmatter `lastVerified` records when this was last checked.
 */
export const EXAM_STATUS = {
  exam: 'AI-900',
  retiredOn: '2026-06-30',
  successor: 'AI-901',
  credential: 'Microsoft Certified: Azure AI Fundamentals',
  reportedBy: 'exam-prep sites',
  /** A plain link for the learner to follow; nothing is loaded from it. */
  checkUrl: 'https://learn.microsoft.com/credentials/',
} as const;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-06-30" as "30 June 2026", without time-zone surprises. */
export function formatDay(isoDay: string): string {
  const [y, m, d] = isoDay.split('-').map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

/** The oldest of several YYYY-MM-DD days: a claim shared by chapters is only as fresh as its stalest check. */
export function oldestDay(days: readonly string[]): string | null {
  return days.length ? [...days].sort()[0]! : null;
}

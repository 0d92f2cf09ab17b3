import { DEFAULT_RETENTION, MAX_RETENTION, MIN_RETENTION } from '@/app/_quiz/card-state';
import { boolean, isNumber, isString, list, nullable, object, oneOf, record, value, type Infer, type Rule } from './check';

// The shape of saved progress, version 2. Everything read back from localStorage
// or from an imported file goes through these schemas before the app trusts it.
// Version 2 replaced the Leitner boxes of version 1 with FSRS card states, and
// added per-scenario drill results and the desired-retention setting.
// The checks are the small ones of ./check.ts, not zod's: these are the only
// schemas the browser needs, and every page loads them.

export const PROGRESS_VERSION = 2;

const TEXT = 'must be text';
const NUMBER = 'must be a number';
const WHOLE = [Number.isInteger, 'must be a whole number'] as const;

const matching = (pattern: RegExp, rule: string) => value(isString, TEXT, [(s) => pattern.test(s), rule]);
const count = (min = 0, rule = 'must not be negative') => value(isNumber, NUMBER, WHOLE, [(n) => n >= min, rule]);
const between = (min: number, max: number, ...rules: Rule<number>[]) =>
  value(isNumber, NUMBER, ...rules, [(n) => n >= min && n <= max, `must be from ${min} to ${max}`]);
const text = (max?: number) =>
  value(isString, TEXT, max === undefined ? [(s) => s.length >= 1, 'must not be empty'] : [(s) => s.length >= 1 && s.length <= max, `must be 1 to ${max} characters long`]);

const slug = matching(/^\d{3}-[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a chapter slug such as 095-azure-ml-pipelines-batch-inference');
const itemId = text(120);
// RFC 3339 with seconds and a Z or an offset, and a real calendar day: the pattern zod's iso.datetime({ offset: true }) used.
const ISO_DATE_TIME =
  /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
const isoDate = matching(ISO_DATE_TIME, 'must be an ISO date-time');
const day = matching(/^\d{4}-\d{2}-\d{2}$/, 'must be a day written YYYY-MM-DD');
const seed = between(0, 0xffffffff, WHOLE);
/** The cross-field rule of a score: `field` (a count of right answers) must not exceed `other`. */
const notAbove = (field: string, other: string) => (o: Record<string, unknown>) => ((o[field] as number) > (o[other] as number) ? ([field, `must not exceed ${other}`] as const) : null);

export const sectionScoreSchema = object({ section: text(), correct: count(), total: count() });

export const attemptSchema = object(
  {
    // "mixed": the questions of a "practise these" session on /progress, one attempt per chapter and session.
    kind: oneOf(['full', 'retry', 'mixed']),
    mode: oneOf(['practice', 'exam']),
    seed,
    questionIds: list(itemId, 1),
    answers: record(itemId, list(itemId)),
    correct: count(),
    total: count(1, 'must be at least 1'),
    passed: boolean,
    sections: list(sectionScoreSchema),
    date: isoDate,
  },
  notAbove('correct', 'total'),
);

export const inProgressSchema = object({
  kind: oneOf(['full', 'retry']),
  mode: oneOf(['practice', 'exam']),
  seed,
  questionIds: list(itemId, 1),
  answers: record(itemId, list(itemId)),
  flagged: list(itemId),
  checked: list(itemId),
  current: count(),
  startedAt: isoDate,
  endsAt: nullable(isoDate),
});

export const bestScoreSchema = object(
  // date is null only for scores migrated from version 0, which did not record one.
  { correct: count(), total: count(1, 'must be at least 1'), passed: boolean, date: nullable(isoDate) },
  notAbove('correct', 'total'),
);

/** Version 1's Leitner schedule, kept only to read old progress (see migrate.ts). */
export const leitnerScheduleSchema = object({ box: between(1, 5, WHOLE), due: day, reviews: count(), lapses: count() });

export const cardStateSchema = object({
  due: isoDate,
  stability: between(0, 36500),
  difficulty: between(0, 10),
  scheduledDays: count(),
  learningSteps: count(),
  reps: count(1, 'must be at least 1'),
  lapses: count(),
  state: oneOf(['learning', 'review', 'relearning']),
  lastReview: isoDate,
});

export const drillResultSchema = object({ answered: count(1, 'must be at least 1'), correct: count(), lastCorrect: boolean, date: isoDate }, notAbove('correct', 'answered'));

export const settingsSchema = object({ desiredRetention: between(MIN_RETENTION, MAX_RETENTION) });

export const drillStatsSchema = object({ answered: count(), correct: count(), bestStreak: count(), sprints: count(), bestSprint: count() });

export const readingSchema = object({ heading: text(200), date: isoDate });

export const progressDataSchema = object({
  attempts: record(slug, list(attemptSchema)),
  inProgress: record(slug, inProgressSchema),
  best: record(slug, bestScoreSchema),
  unlocked: list(slug),
  cards: record(slug, record(itemId, cardStateSchema)),
  drills: drillStatsSchema,
  drillResults: record(itemId, drillResultSchema),
  reading: record(slug, readingSchema),
  settings: settingsSchema,
});

export { slug as slugSchema };

export type Attempt = Infer<typeof attemptSchema>;
export type InProgressQuiz = Infer<typeof inProgressSchema>;
export type BestScore = Infer<typeof bestScoreSchema>;
export type DrillStats = Infer<typeof drillStatsSchema>;
export type ReadingPosition = Infer<typeof readingSchema>;
export type DrillResult = Infer<typeof drillResultSchema>;
export type Settings = Infer<typeof settingsSchema>;
export type ProgressData = Infer<typeof progressDataSchema>;

export function emptyProgress(): ProgressData {
  return {
    attempts: {},
    inProgress: {},
    best: {},
    unlocked: [],
    cards: {},
    drills: { answered: 0, correct: 0, bestStreak: 0, sprints: 0, bestSprint: 0 },
    drillResults: {},
    reading: {},
    settings: { desiredRetention: DEFAULT_RETENTION },
  };
}

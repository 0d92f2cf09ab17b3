import { z } from 'zod';
import { DEFAULT_RETENTION, MAX_RETENTION, MIN_RETENTION } from '@/app/_quiz/card-state';

// These are the only schemas the browser builds. Zod 4 compiles object parsers
// with `new Function` and probes for it first; the CSP (no unsafe-eval) refuses
// the probe and reports a violation. Jitless must be set before any schema is built.
z.config({ jitless: true });

// The shape of saved progress, version 2. Everything read back from localStorage
// or from an imported file goes through these schemas before the app trusts it.
// Version 2 replaced the Leitner boxes of version 1 with FSRS card states, and
// added per-scenario drill results and the desired-retention setting.

export const PROGRESS_VERSION = 2;

const slug = z.string().regex(/^\d{3}-[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a chapter slug such as 095-azure-ml-pipelines-batch-inference');
const itemId = z.string().min(1).max(120);
const count = z.number().int('must be a whole number').min(0, 'must not be negative');
const isoDate = z.iso.datetime({ offset: true, message: 'must be an ISO date-time' });
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day written YYYY-MM-DD');
const seed = z.number().int().min(0).max(0xffffffff);

export const sectionScoreSchema = z.object({ section: z.string().min(1), correct: count, total: count }).strict();

export const attemptSchema = z
  .object({
    // "mixed": the questions of a "practise these" session on /progress, one attempt per chapter and session.
    kind: z.enum(['full', 'retry', 'mixed']),
    mode: z.enum(['practice', 'exam']),
    seed,
    questionIds: z.array(itemId).min(1),
    answers: z.record(itemId, z.array(itemId)),
    correct: count,
    total: count.min(1, 'must be at least 1'),
    passed: z.boolean(),
    sections: z.array(sectionScoreSchema),
    date: isoDate,
  })
  .strict()
  .refine((a) => a.correct <= a.total, { message: 'correct must not exceed total', path: ['correct'] });

export const inProgressSchema = z
  .object({
    kind: z.enum(['full', 'retry']),
    mode: z.enum(['practice', 'exam']),
    seed,
    questionIds: z.array(itemId).min(1),
    answers: z.record(itemId, z.array(itemId)),
    flagged: z.array(itemId),
    checked: z.array(itemId),
    current: count,
    startedAt: isoDate,
    endsAt: isoDate.nullable(),
  })
  .strict();

export const bestScoreSchema = z
  // date is null only for scores migrated from version 0, which did not record one.
  .object({ correct: count, total: count.min(1), passed: z.boolean(), date: isoDate.nullable() })
  .strict()
  .refine((b) => b.correct <= b.total, { message: 'correct must not exceed total', path: ['correct'] });

/** Version 1's Leitner schedule, kept only to read old progress (see migrate.ts). */
export const leitnerScheduleSchema = z.object({ box: z.number().int().min(1).max(5), due: day, reviews: count, lapses: count }).strict();

const finite = z.number().refine(Number.isFinite, 'must be a finite number');

export const cardStateSchema = z
  .object({
    due: isoDate,
    stability: finite.min(0, 'must not be negative').max(36500),
    difficulty: finite.min(0).max(10),
    scheduledDays: count,
    learningSteps: count,
    reps: count.min(1, 'must be at least 1'),
    lapses: count,
    state: z.enum(['learning', 'review', 'relearning']),
    lastReview: isoDate,
  })
  .strict();

export const drillResultSchema = z
  .object({ answered: count.min(1, 'must be at least 1'), correct: count, lastCorrect: z.boolean(), date: isoDate })
  .strict()
  .refine((r) => r.correct <= r.answered, { message: 'correct must not exceed answered', path: ['correct'] });

export const settingsSchema = z.object({ desiredRetention: z.number().min(MIN_RETENTION, `must be at least ${MIN_RETENTION}`).max(MAX_RETENTION, `must be at most ${MAX_RETENTION}`) }).strict();

export const drillStatsSchema = z.object({ answered: count, correct: count, bestStreak: count, sprints: count, bestSprint: count }).strict();

export const readingSchema = z.object({ heading: z.string().min(1).max(200), date: isoDate }).strict();

export const progressDataSchema = z
  .object({
    attempts: z.record(slug, z.array(attemptSchema)),
    inProgress: z.record(slug, inProgressSchema),
    best: z.record(slug, bestScoreSchema),
    unlocked: z.array(slug),
    cards: z.record(slug, z.record(itemId, cardStateSchema)),
    drills: drillStatsSchema,
    drillResults: z.record(itemId, drillResultSchema),
    reading: z.record(slug, readingSchema),
    settings: settingsSchema,
  })
  .strict();

export { slug as slugSchema };

export type Attempt = z.output<typeof attemptSchema>;
export type InProgressQuiz = z.output<typeof inProgressSchema>;
export type BestScore = z.output<typeof bestScoreSchema>;
export type DrillStats = z.output<typeof drillStatsSchema>;
export type ReadingPosition = z.output<typeof readingSchema>;
export type DrillResult = z.output<typeof drillResultSchema>;
export type Settings = z.output<typeof settingsSchema>;
export type ProgressData = z.output<typeof progressDataSchema>;

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

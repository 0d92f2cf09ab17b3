import { fromLeitner } from '@/app/_quiz/card-state';
import { emptyProgress, leitnerScheduleSchema } from './schema';

/**
 * Version 0 was the first prototype format: best scores as whole percentages and
 * a list of unlocked chapters. Nothing in it can be trusted blindly, so the result
 * still goes through sanitizeProgress; this step only reshapes what it can.
 */
interface ProgressV0 {
  scores?: Record<string, unknown>;
  unlocked?: unknown;
  drills?: { answered?: unknown; correct?: unknown; bestStreak?: unknown };
}

/** The pass mark every chapter used in version 0. */
const V0_PASS_PERCENT = 60;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const wholeOr0 = (v: unknown) => (Number.isInteger(v) && (v as number) >= 0 ? (v as number) : 0);

function fromV0(old: ProgressV0): unknown {
  const next = emptyProgress();
  const best: Record<string, unknown> = {};
  for (const [slug, score] of Object.entries(isRecord(old.scores) ? old.scores : {})) {
    // A percentage is an exact score out of 100, so the integer pass rule still holds.
    best[slug] = { correct: score, total: 100, passed: typeof score === 'number' && score >= V0_PASS_PERCENT, date: null };
  }
  const drills = isRecord(old.drills) ? old.drills : {};
  return {
    ...next,
    best,
    unlocked: Array.isArray(old.unlocked) ? old.unlocked : [],
    drills: { ...next.drills, answered: wholeOr0(drills.answered), correct: wholeOr0(drills.correct), bestStreak: wholeOr0(drills.bestStreak) },
  };
}

/**
 * Version 1 scheduled cards in Leitner boxes. Each valid Leitner schedule becomes
 * an FSRS review state with the same due day, reviews and lapses (fromLeitner);
 * anything that is not a valid Leitner schedule is left as it is, so
 * sanitizeProgress reports it instead of this step hiding it. The new fields
 * (per-scenario drill results, settings) start empty.
 */
const fromLeitnerDeck = (deck: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(deck).map(([id, schedule]) => {
      const parsed = leitnerScheduleSchema.safeParse(schedule);
      return [id, parsed.success ? fromLeitner(parsed.data) : schedule];
    }),
  );

function fromV1(old: Record<string, unknown>): unknown {
  const { drillResults, settings } = emptyProgress();
  if (!isRecord(old.cards)) return { drillResults, settings, ...old };
  const cards = Object.fromEntries(Object.entries(old.cards).map(([slug, deck]) => [slug, isRecord(deck) ? fromLeitnerDeck(deck) : deck]));
  return { drillResults, settings, ...old, cards };
}

/** zustand's persist `migrate`: brings older saved state up to the current version (PROGRESS_VERSION), one version at a time. */
export function migrateProgress(persisted: unknown, version: number): unknown {
  if (!isRecord(persisted)) return persisted;
  let state: unknown = persisted;
  if (version <= 0) state = fromV0(persisted);
  if (version <= 1 && isRecord(state)) state = fromV1(state);
  // A newer or unknown version: sanitizeProgress keeps whatever still fits the current schema.
  return state;
}

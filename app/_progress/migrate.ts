import { emptyProgress } from './schema';

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

/** zustand's persist `migrate`: brings older saved state up to the current version (PROGRESS_VERSION). */
export function migrateProgress(persisted: unknown, version: number): unknown {
  if (version === 0 && isRecord(persisted)) return fromV0(persisted);
  // A newer or unknown version: sanitizeProgress keeps whatever still fits the current schema.
  return persisted;
}

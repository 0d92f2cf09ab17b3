import type { ProgressData } from '@/app/_progress/schema';

/** A one-line description of some progress, used before importing or resetting it. */
export function describeProgress(p: ProgressData): string {
  const attempts = Object.values(p.attempts).reduce((n, list) => n + list.length, 0);
  const cards = Object.values(p.cards).reduce((n, deck) => n + Object.keys(deck).length, 0);
  const parts = [
    `${attempts} quiz attempt${attempts === 1 ? '' : 's'}`,
    `${p.unlocked.length} unlocked chapter${p.unlocked.length === 1 ? '' : 's'}`,
    `${cards} card${cards === 1 ? '' : 's'} scheduled`,
    `${p.drills.answered} drill answer${p.drills.answered === 1 ? '' : 's'}`,
  ];
  return parts.join(', ');
}

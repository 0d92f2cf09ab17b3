// A "practise these" session: for a few weak sections, the questions, cards and
// drills most worth doing, interleaved. Pure and seeded, like a quiz attempt.
import { retrievability, type Instant } from './fsrs';
import { latestQuizResults, type ReadinessContent, type ReadinessProgress, type SectionRef } from './readiness';
import { deriveSeed, seededShuffle } from './seeded-shuffle';

/**
 * One step of a session. Each kind is drawn by its own renderer, so another
 * kind (a lab run that shows the point, say) can join without changing the rest.
 */
export type PracticeItem = { kind: 'question' | 'card' | 'drill'; slug: string; section: string; id: string };
export type PracticeKind = PracticeItem['kind'];
export const PRACTICE_KINDS: readonly PracticeKind[] = ['question', 'card', 'drill'];

export interface SessionOptions {
  seed: number;
  now: Instant;
  /** At most this many items of each kind per section. */
  perKind?: number;
}

/** Lower rank first; ties keep the seeded order. */
function pick<T extends { id: string }>(items: readonly T[], rank: (item: T) => number, seed: number, n: number): T[] {
  const shuffled = seededShuffle(items, seed);
  return shuffled
    .map((item, i) => ({ item, i, r: rank(item) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .slice(0, n)
    .map((x) => x.item);
}

/**
 * Per section: questions last answered wrongly, then unanswered, then right;
 * cards least likely to be recalled now first (new cards count as 0); drills
 * last answered wrongly, then untried, then right. Then round by round, kind
 * by kind, section by section, so no two neighbours share both section and kind.
 */
export function buildPracticeSession(sections: readonly SectionRef[], content: ReadinessContent, progress: ReadinessProgress, options: SessionOptions): PracticeItem[] {
  const perKind = options.perKind ?? 2;
  const latest = latestQuizResults(content.questions, progress.attempts);
  const answered = (ok: boolean | undefined) => (ok === undefined ? 1 : ok ? 2 : 0);
  const lists = sections.map((s) => {
    const seed = deriveSeed(options.seed, `${s.slug}#${s.id}`);
    const questions = pick(
      content.questions.filter((q) => q.slug === s.slug && q.question.section === s.id).map((q) => ({ id: q.question.id })),
      (q) => answered(latest.get(`${s.slug}/${q.id}`)),
      deriveSeed(seed, 'question'),
      perKind,
    );
    const cards = pick(
      content.cards.filter((c) => c.slug === s.slug && c.section === s.id),
      (c) => retrievability(progress.cards[s.slug]?.[c.id], options.now),
      deriveSeed(seed, 'card'),
      perKind,
    );
    const drills = pick(
      content.drills.filter((d) => d.chapter === s.slug && d.section === s.id),
      (d) => answered(progress.drillResults[d.id]?.lastCorrect),
      deriveSeed(seed, 'drill'),
      perKind,
    );
    const item = (kind: PracticeKind) => (x: { id: string }) => ({ kind, slug: s.slug, section: s.id, id: x.id });
    return { question: questions.map(item('question')), card: cards.map(item('card')), drill: drills.map(item('drill')) } satisfies Record<PracticeKind, PracticeItem[]>;
  });
  const out: PracticeItem[] = [];
  for (let round = 0; round < perKind; round++) {
    for (const kind of PRACTICE_KINDS) {
      for (const list of lists) {
        const next = list[kind][round];
        if (next) out.push(next);
      }
    }
  }
  return out;
}

// Readiness by chapter section: one figure from quiz results, card retention
// and drill accuracy. Pure: the caller passes the content, the saved progress
// and the time, so the same inputs always give the same figures.
import type { Question } from '@/app/_content/assessment-schema';
import { retrievability, type CardState, type Instant } from './fsrs';
import { isFullyCorrect } from './scoring';

/** How much each kind of evidence counts; a kind the section has no items of is left out and the rest share its weight. */
export const READINESS_WEIGHTS = { quiz: 0.5, cards: 0.3, drills: 0.2 } as const;
export type EvidenceKind = keyof typeof READINESS_WEIGHTS;
export const EVIDENCE_KINDS = Object.keys(READINESS_WEIGHTS) as EvidenceKind[];

export interface SectionRef {
  slug: string;
  id: string;
}

export interface ReadinessContent {
  /** Every section of the course, in course order. */
  sections: (SectionRef & { title: string; chapterNumber: number })[];
  questions: { slug: string; question: Question }[];
  cards: { slug: string; id: string; section: string }[];
  drills: { id: string; chapter: string; section: string }[];
}

export interface ReadinessProgress {
  attempts: Readonly<Record<string, readonly { questionIds: readonly string[]; answers: Readonly<Record<string, readonly string[]>> }[]>>;
  cards: Readonly<Record<string, Readonly<Record<string, CardState>>>>;
  drillResults: Readonly<Record<string, { lastCorrect: boolean }>>;
}

export interface EvidencePart {
  /** 0 to 1: the mean over the section's items of this kind, an untried item counting 0. */
  score: number;
  items: number;
  tried: number;
}

export interface SectionReadiness extends SectionRef {
  title: string;
  chapterNumber: number;
  /** Position in the course, for stable ordering. */
  order: number;
  parts: Record<EvidenceKind, EvidencePart | null>;
  /** 0 to 1. */
  readiness: number;
  tried: boolean;
}

export const sectionKey = (s: SectionRef) => `${s.slug}#${s.id}`;

/** For every question answered at least once, whether its latest answer was right (attempts are stored oldest first). */
export function latestQuizResults(questions: ReadinessContent['questions'], attempts: ReadinessProgress['attempts']): Map<string, boolean> {
  const byId = new Map(questions.map((q) => [`${q.slug}/${q.question.id}`, q.question]));
  const latest = new Map<string, boolean>();
  for (const [slug, list] of Object.entries(attempts)) {
    for (const attempt of list) {
      for (const id of attempt.questionIds) {
        const question = byId.get(`${slug}/${id}`);
        if (question) latest.set(`${slug}/${id}`, isFullyCorrect(question, attempt.answers[id]));
      }
    }
  }
  return latest;
}

function part(scores: readonly (number | null)[]): EvidencePart | null {
  if (scores.length === 0) return null;
  const tried = scores.filter((s) => s !== null).length;
  const score = scores.reduce<number>((sum, s) => sum + (s ?? 0), 0) / scores.length;
  return { score, items: scores.length, tried };
}

/** Weighted mean of the parts the section has. */
export function combine(parts: Record<EvidenceKind, EvidencePart | null>): number {
  let weight = 0;
  let sum = 0;
  for (const kind of EVIDENCE_KINDS) {
    const p = parts[kind];
    if (!p) continue;
    weight += READINESS_WEIGHTS[kind];
    sum += READINESS_WEIGHTS[kind] * p.score;
  }
  return weight > 0 ? sum / weight : 0;
}

/**
 * Readiness of every section that has at least one question, card or drill:
 * quiz = share of its questions whose latest answer was right, cards = mean
 * FSRS retrievability at `now` (a card never reviewed counts 0), drills =
 * share of its drills whose latest answer was right.
 */
export function computeReadiness(content: ReadinessContent, progress: ReadinessProgress, now: Instant): SectionReadiness[] {
  const quiz = latestQuizResults(content.questions, progress.attempts);
  return content.sections.flatMap((s, order) => {
    const questions = content.questions.filter((q) => q.slug === s.slug && q.question.section === s.id);
    const cards = content.cards.filter((c) => c.slug === s.slug && c.section === s.id);
    const drills = content.drills.filter((d) => d.chapter === s.slug && d.section === s.id);
    if (questions.length + cards.length + drills.length === 0) return [];
    const parts = {
      quiz: part(questions.map((q) => (quiz.has(`${s.slug}/${q.question.id}`) ? (quiz.get(`${s.slug}/${q.question.id}`) ? 1 : 0) : null))),
      cards: part(
        cards.map((c) => {
          const state = progress.cards[s.slug]?.[c.id];
          return state ? retrievability(state, now) : null;
        }),
      ),
      drills: part(drills.map((d) => (progress.drillResults[d.id] ? (progress.drillResults[d.id]?.lastCorrect ? 1 : 0) : null))),
    };
    const tried = EVIDENCE_KINDS.some((k) => (parts[k]?.tried ?? 0) > 0);
    return [{ slug: s.slug, id: s.id, title: s.title, chapterNumber: s.chapterNumber, order, parts, readiness: combine(parts), tried }];
  });
}

/**
 * The `n` weakest sections of the open chapters: the lowest figures among the
 * sections with any evidence, since a low figure there is a known gap. Sections
 * not tried yet only fill the list when fewer than `n` have been tried (in
 * course order, as they all stand at 0). Ties keep course order.
 */
export function weakestSections(rows: readonly SectionReadiness[], isOpen: (slug: string) => boolean, n = 3): SectionReadiness[] {
  return rows
    .filter((r) => isOpen(r.slug))
    .sort((a, b) => Number(b.tried) - Number(a.tried) || a.readiness - b.readiness || a.order - b.order)
    .slice(0, n);
}

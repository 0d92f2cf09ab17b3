import { describe, expect, it } from 'vitest';
import type { Question } from '@/app/_content/assessment-schema';
import { rateCard } from '@/app/_quiz/fsrs';
import { buildPracticeSession } from '@/app/_quiz/practice-session';
import { combine, computeReadiness, latestQuizResults, READINESS_WEIGHTS, weakestSections, type ReadinessContent, type ReadinessProgress } from '@/app/_quiz/readiness';

const A = '095-a';
const B = '096-b';
const NOW = '2026-03-10T12:00:00.000Z';
const q = (id: string, section: string): Question => ({ id, section, type: 'single', prompt: id, choices: [{ id: 'r', text: 'right', explanation: 'x' }, { id: 'w', text: 'wrong', explanation: 'x' }], answer: ['r'] });

const content: ReadinessContent = {
  sections: [
    { slug: A, id: 'intro', title: 'Intro', chapterNumber: 95 },
    { slug: A, id: 'steps', title: 'Steps', chapterNumber: 95 },
    { slug: A, id: 'empty', title: 'Empty', chapterNumber: 95 },
    { slug: A, id: 'drills-only', title: 'Drills only', chapterNumber: 95 },
    { slug: B, id: 'online', title: 'Online', chapterNumber: 96 },
  ],
  questions: [
    { slug: A, question: q('q1', 'intro') },
    { slug: A, question: q('q2', 'intro') },
    { slug: A, question: q('q3', 'steps') },
    { slug: B, question: q('q1', 'online') },
  ],
  cards: [
    { slug: A, id: 'c1', section: 'intro' },
    { slug: A, id: 'c2', section: 'steps' },
    { slug: B, id: 'c1', section: 'online' },
  ],
  drills: [
    { id: 'd1', chapter: A, section: 'intro' },
    { id: 'd2', chapter: A, section: 'drills-only' },
    { id: 'd3', chapter: A, section: 'drills-only' },
  ],
};

const attempt = (questionIds: string[], answers: Record<string, string[]>) => ({ questionIds, answers });
const none: ReadinessProgress = { attempts: {}, cards: {}, drillResults: {} };

describe('readiness by section', () => {
  it('is 0 everywhere before anything is tried, and leaves out sections with no items', () => {
    const rows = computeReadiness(content, none, NOW);
    expect(rows.map((r) => r.id)).toEqual(['intro', 'steps', 'drills-only', 'online']);
    expect(rows.every((r) => r.readiness === 0 && !r.tried)).toBe(true);
    expect(rows[0]?.parts).toEqual({ quiz: { score: 0, items: 2, tried: 0 }, cards: { score: 0, items: 1, tried: 0 }, drills: { score: 0, items: 1, tried: 0 } });
    expect(rows.find((r) => r.id === 'steps')?.parts.drills).toBeNull();
  });

  it('uses the latest answer to each question, whatever kind of attempt it came from', () => {
    const attempts = { [A]: [attempt(['q1', 'q2'], { q1: ['w'], q2: ['r'] }), attempt(['q1'], { q1: ['r'] }), attempt(['q2'], {})] };
    const latest = latestQuizResults(content.questions, attempts);
    expect(latest.get(`${A}/q1`)).toBe(true);
    // Asked but left unanswered counts as wrong.
    expect(latest.get(`${A}/q2`)).toBe(false);
    expect(latest.has(`${A}/q3`)).toBe(false);
    // Question ids are per chapter: chapter B's q1 is another question.
    expect(latest.has(`${B}/q1`)).toBe(false);
  });

  it('weights quiz 50%, cards 30%, drills 20%, sharing the weight of a missing kind', () => {
    expect(READINESS_WEIGHTS).toEqual({ quiz: 0.5, cards: 0.3, drills: 0.2 });
    const p = (score: number) => ({ score, items: 1, tried: 1 });
    expect(combine({ quiz: p(1), cards: p(0), drills: p(0) })).toBeCloseTo(0.5);
    expect(combine({ quiz: p(0), cards: p(1), drills: p(0) })).toBeCloseTo(0.3);
    expect(combine({ quiz: p(1), cards: p(0), drills: null })).toBeCloseTo(0.5 / 0.8);
    expect(combine({ quiz: null, cards: null, drills: p(0.5) })).toBeCloseTo(0.5);
    expect(combine({ quiz: null, cards: null, drills: null })).toBe(0);
  });

  it('combines quiz results, FSRS retrievability and drill results into one figure', () => {
    const card = rateCard(undefined, 'easy', '2026-03-10T11:00:00.000Z');
    const progress: ReadinessProgress = {
      attempts: { [A]: [attempt(['q1', 'q2'], { q1: ['r'], q2: ['w'] })] },
      cards: { [A]: { c1: card } },
      drillResults: { d1: { lastCorrect: true }, d2: { lastCorrect: false } },
    };
    const rows = computeReadiness(content, progress, NOW);
    const intro = rows.find((r) => r.id === 'intro');
    expect(intro?.parts.quiz).toEqual({ score: 0.5, items: 2, tried: 2 });
    expect(intro?.parts.cards?.score).toBeGreaterThan(0.99);
    expect(intro?.readiness).toBeCloseTo(0.5 * 0.5 + 0.3 * (intro?.parts.cards?.score ?? 0) + 0.2 * 1, 10);
    expect(rows.find((r) => r.id === 'drills-only')).toMatchObject({ readiness: 0, tried: true, parts: { drills: { score: 0, items: 2, tried: 1 } } });
    // Recall fades, so the same progress later gives a lower figure.
    const later = computeReadiness(content, progress, '2026-06-10T12:00:00.000Z').find((r) => r.id === 'intro');
    expect(later?.readiness).toBeLessThan(intro?.readiness ?? 0);
  });

  it('names the weakest sections of open chapters: the lowest tried ones, then untried ones in course order', () => {
    const progress: ReadinessProgress = { attempts: { [A]: [attempt(['q3'], { q3: ['w'] }), attempt(['q1', 'q2'], { q1: ['r'], q2: ['r'] })] }, cards: {}, drillResults: { d2: { lastCorrect: false } } };
    const rows = computeReadiness(content, progress, NOW);
    const open = (slug: string) => slug === A;
    expect(weakestSections(rows, open).map((r) => r.id)).toEqual(['steps', 'drills-only', 'intro']);
    expect(weakestSections(rows, () => true, 2).map((r) => r.id)).toEqual(['steps', 'drills-only']);
    // Chapter B's untried section (0%) comes after every tried one, even the strong "intro".
    expect(weakestSections(rows, () => true, 5).map((r) => r.id)).toEqual(['steps', 'drills-only', 'intro', 'online']);
    // Nothing tried: the first sections of the course.
    expect(weakestSections(computeReadiness(content, none, NOW), () => true).map((r) => r.id)).toEqual(['intro', 'steps', 'drills-only']);
  });
});

describe('"practise these" sessions', () => {
  const sections = [
    { slug: A, id: 'intro' },
    { slug: A, id: 'drills-only' },
  ];
  it('mixes the sections\' questions, cards and drills, interleaved, and is the same for the same seed', () => {
    const items = buildPracticeSession(sections, content, none, { seed: 5, now: NOW });
    expect(items).toEqual(buildPracticeSession(sections, content, none, { seed: 5, now: NOW }));
    expect(new Set(items.map((i) => i.kind))).toEqual(new Set(['question', 'card', 'drill']));
    expect(items.filter((i) => i.kind === 'question').map((i) => i.id).sort()).toEqual(['q1', 'q2']);
    expect(items.filter((i) => i.kind === 'drill').map((i) => i.id).sort()).toEqual(['d1', 'd2', 'd3']);
    for (let i = 1; i < items.length; i++) expect([items[i]?.kind, items[i]?.section]).not.toEqual([items[i - 1]?.kind, items[i - 1]?.section]);
  });

  it('picks what was last wrong first, then what was never tried, then what was right', () => {
    const progress: ReadinessProgress = { attempts: { [A]: [attempt(['q1', 'q2'], { q1: ['r'], q2: ['w'] })] }, cards: {}, drillResults: { d2: { lastCorrect: true } } };
    const one = buildPracticeSession(sections, content, progress, { seed: 1, now: NOW, perKind: 1 });
    expect(one.filter((i) => i.kind === 'question').map((i) => i.id)).toEqual(['q2']);
    expect(one.filter((i) => i.kind === 'drill' && i.section === 'drills-only').map((i) => i.id)).toEqual(['d3']);
  });
});

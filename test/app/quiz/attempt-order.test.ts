import { describe, expect, it } from 'vitest';
import { placeQuestions } from '@/app/_quiz/attempt-order';
import { seededShuffle } from '@/app/_quiz/seeded-shuffle';
import { multi, order, singles, truefalse } from './fixtures';

const ids = (placed: ReturnType<typeof placeQuestions>) => placed.map((p) => p.question.id);

describe('seeded shuffling', () => {
  const quiz = [...singles(12), multi('m', ['a', 'b']), order('o', ['d', 'c', 'b', 'a']), truefalse('t', 'true')];

  it('gives the same question and choice order for the same seed', () => {
    expect(placeQuestions(quiz, 1234)).toEqual(placeQuestions(quiz, 1234));
  });

  it('gives a different order for different seeds', () => {
    const orders = new Set([1, 2, 3, 4, 5].map((seed) => ids(placeQuestions(quiz, seed)).join(',')));
    expect(orders.size).toBeGreaterThan(1);
  });

  it('keeps every question and every choice exactly once', () => {
    const placed = placeQuestions(quiz, 99);
    expect([...ids(placed)].sort()).toEqual(quiz.map((q) => q.id).sort());
    for (const p of placed) expect([...p.choiceIds].sort()).toEqual(p.question.choices.map((c) => c.id).sort());
  });

  it('only asks the given ids for a retry, skipping ids that no longer exist', () => {
    expect([...ids(placeQuestions(quiz, 7, ['q3', 'm', 'gone']))].sort()).toEqual(['m', 'q3']);
  });

  it('keeps true/false in reading order', () => {
    const t = placeQuestions(quiz, 5).find((p) => p.question.id === 't');
    expect(t?.choiceIds).toEqual(['true', 'false']);
  });

  it('never starts an order question already solved', () => {
    const o = order('o', ['a', 'b']);
    for (let seed = 0; seed < 50; seed++) expect(placeQuestions([o], seed)[0]?.choiceIds).toEqual(['b', 'a']);
  });

  it('shuffles without losing or duplicating items', () => {
    const items = Array.from({ length: 30 }, (_, i) => i);
    const shuffled = seededShuffle(items, 42);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
    expect(items[0]).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { isBetterScore, isFullyCorrect, meetsPass, percentOf, scoreAnswers } from '@/app/_quiz/scoring';
import { multi, order, single, singles, truefalse } from './fixtures';

/** Answers the first `right` questions correctly ("a") and the rest wrongly ("b"). */
function answersWith(right: number, total: number): Record<string, string[]> {
  return Object.fromEntries(Array.from({ length: total }, (_, i) => [`q${i + 1}`, [i < right ? 'a' : 'b']]));
}

describe('the 60% pass mark', () => {
  it('passes 12 of 20 and fails 11 of 20', () => {
    const quiz = singles(20);
    expect(scoreAnswers(quiz, answersWith(12, 20), 60)).toMatchObject({ correct: 12, total: 20, passed: true, percent: 60 });
    expect(scoreAnswers(quiz, answersWith(11, 20), 60)).toMatchObject({ correct: 11, total: 20, passed: false, percent: 55 });
  });

  it('compares in integers, where a floating-point percentage would slip', () => {
    // 29 / 100 * 100 is 28.999999999999996 and 29 / 50 * 100 is below 58 in floating point.
    expect((29 / 100) * 100 >= 29).toBe(false);
    expect(meetsPass(29, 100, 29)).toBe(true);
    expect(meetsPass(29, 50, 58)).toBe(true);
    expect(meetsPass(28, 100, 29)).toBe(false);
  });

  it('agrees with exact rational comparison for every score up to 60 questions', () => {
    for (let total = 1; total <= 60; total++) {
      for (let correct = 0; correct <= total; correct++) {
        // correct/total >= 3/5 exactly when 5*correct >= 3*total.
        expect(meetsPass(correct, total, 60)).toBe(5 * correct >= 3 * total);
      }
    }
  });

  it('never passes an empty quiz, and the shown percentage is rounded down', () => {
    expect(meetsPass(0, 0, 60)).toBe(false);
    expect(percentOf(2, 3)).toBe(66);
    expect(percentOf(0, 0)).toBe(0);
  });
});

describe('all-or-nothing questions', () => {
  const m = multi('m', ['a', 'c']);
  const o = order('o', ['c', 'a', 'b']);

  it('scores a multi question only when exactly the right set is chosen', () => {
    expect(isFullyCorrect(m, ['c', 'a'])).toBe(true);
    expect(isFullyCorrect(m, ['a'])).toBe(false);
    expect(isFullyCorrect(m, ['a', 'c', 'd'])).toBe(false);
    expect(isFullyCorrect(m, ['a', 'a'])).toBe(false);
    expect(isFullyCorrect(m, [])).toBe(false);
    expect(isFullyCorrect(m, undefined)).toBe(false);
  });

  it('scores an order question only when every position is right', () => {
    expect(isFullyCorrect(o, ['c', 'a', 'b'])).toBe(true);
    expect(isFullyCorrect(o, ['c', 'b', 'a'])).toBe(false);
    expect(isFullyCorrect(o, ['a', 'b', 'c'])).toBe(false);
    expect(isFullyCorrect(o, ['c', 'a'])).toBe(false);
  });

  it('gives no partial credit in the total', () => {
    const score = scoreAnswers([m, o, single('s')], { m: ['a'], o: ['c', 'b', 'a'], s: ['a'] }, 60);
    expect(score.correct).toBe(1);
    expect(score.missed).toEqual(['m', 'o']);
  });

  it('checks true/false like a single answer', () => {
    expect(isFullyCorrect(truefalse('t', 'false'), ['false'])).toBe(true);
    expect(isFullyCorrect(truefalse('t', 'false'), ['true'])).toBe(false);
  });
});

describe('section breakdown', () => {
  it('counts correct and total per section, in first-seen order', () => {
    const quiz = [single('a1', 'a', 'alpha'), single('b1', 'a', 'beta'), single('a2', 'a', 'alpha')];
    const score = scoreAnswers(quiz, { a1: ['a'], b1: ['c'], a2: ['b'] }, 60);
    expect(score.sections).toEqual([
      { section: 'alpha', correct: 1, total: 2 },
      { section: 'beta', correct: 0, total: 1 },
    ]);
  });
});

describe('best score comparison', () => {
  it('compares fractions exactly', () => {
    expect(isBetterScore({ correct: 2, total: 3 }, { correct: 6, total: 9 })).toBe(false);
    expect(isBetterScore({ correct: 7, total: 10 }, { correct: 2, total: 3 })).toBe(true);
    expect(isBetterScore({ correct: 0, total: 10 }, undefined)).toBe(true);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProgressStore, PROGRESS_KEY, UNREADABLE_BACKUP_KEY } from '@/app/_progress/store';
import { PROGRESS_VERSION } from '@/app/_progress/schema';
import { attempt, CH95, CH96, memoryStorage, rate } from './helpers';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
const storeOn = (storage: ReturnType<typeof memoryStorage>) => createProgressStore({ storage: () => storage });
const saved = (storage: ReturnType<typeof memoryStorage>) => JSON.parse(storage.data.get(PROGRESS_KEY) ?? 'null');

describe('quiz progress and unlocking', () => {
  it('unlocks the next chapter on a passing full attempt, not on a failing one', () => {
    const store = storeOn(memoryStorage());
    store.getState().submitQuiz(CH95, attempt(11, 20, false), CH96);
    expect(store.getState().unlocked).toEqual([]);
    store.getState().submitQuiz(CH95, attempt(12, 20, true), CH96);
    expect(store.getState().unlocked).toEqual([CH96]);
    expect(store.getState().best[CH95]).toMatchObject({ correct: 12, total: 20, passed: true });
    expect(store.getState().attempts[CH95]).toHaveLength(2);
  });

  it('keeps the best score when a later attempt is worse, and never re-locks', () => {
    const store = storeOn(memoryStorage());
    store.getState().submitQuiz(CH95, attempt(18, 20, true), CH96);
    store.getState().submitQuiz(CH95, attempt(5, 20, false), CH96);
    expect(store.getState().best[CH95]).toMatchObject({ correct: 18 });
    expect(store.getState().unlocked).toEqual([CH96]);
  });

  it('does not let a retry round of missed questions set the best score or unlock', () => {
    const store = storeOn(memoryStorage());
    store.getState().submitQuiz(CH95, attempt(3, 3, true, { kind: 'retry' }), CH96);
    expect(store.getState().best[CH95]).toBeUndefined();
    expect(store.getState().unlocked).toEqual([]);
  });

  it('keeps an unfinished quiz across a reload and clears it on submit', () => {
    const storage = memoryStorage();
    const first = storeOn(storage);
    first.getState().startQuiz(CH95, {
      kind: 'full', mode: 'practice', seed: 99, questionIds: ['q1', 'q2'], answers: {}, flagged: [], checked: [], current: 0, startedAt: '2026-03-01T10:00:00.000Z', endsAt: null,
    });
    first.getState().answerQuestion(CH95, 'q2', ['b']);
    first.getState().toggleFlag(CH95, 'q2');
    first.getState().goToQuestion(CH95, 1);

    const reloaded = storeOn(storage);
    expect(reloaded.getState().inProgress[CH95]).toMatchObject({ seed: 99, answers: { q2: ['b'] }, flagged: ['q2'], current: 1 });
    expect(reloaded.getState().notice).toBeNull();
    reloaded.getState().submitQuiz(CH95, attempt(1, 2, false), CH96);
    expect(storeOn(storage).getState().inProgress[CH95]).toBeUndefined();
  });

  it('schedules cards with FSRS, counts drills and remembers the reading position', () => {
    const storage = memoryStorage();
    const store = storeOn(storage);
    rate(store, CH95, 'c1', 'good', '2026-03-01T10:00:00.000Z');
    rate(store, CH95, 'c2', 'again', '2026-03-01T10:00:00.000Z');
    store.getState().recordDrillAnswer('d01', true, 1, '2026-03-01T10:00:00.000Z');
    store.getState().recordDrillAnswer('d02', true, 2, '2026-03-01T10:01:00.000Z');
    store.getState().recordDrillAnswer('d01', false, 0, '2026-03-01T10:02:00.000Z');
    store.getState().finishSprint(2);
    store.getState().setReadingPosition(CH95, 'scheduling-and-triggers', '2026-03-01T10:00:00.000Z');
    const reloaded = storeOn(storage).getState();
    expect(reloaded.cards[CH95]).toMatchObject({ c1: { state: 'learning', reps: 1, due: '2026-03-01T10:10:00.000Z' }, c2: { reps: 1, due: '2026-03-01T10:01:00.000Z' } });
    expect(reloaded.drills).toEqual({ answered: 3, correct: 2, bestStreak: 2, sprints: 1, bestSprint: 2 });
    expect(reloaded.drillResults).toEqual({
      d01: { answered: 2, correct: 1, lastCorrect: false, date: '2026-03-01T10:02:00.000Z' },
      d02: { answered: 1, correct: 1, lastCorrect: true, date: '2026-03-01T10:01:00.000Z' },
    });
    expect(reloaded.reading[CH95]?.heading).toBe('scheduling-and-triggers');
  });

  it('undoes the last rating exactly, once, and a first rating back to a new card', () => {
    const store = storeOn(memoryStorage());
    rate(store, CH95, 'c1', 'good', '2026-03-01T10:00:00.000Z');
    const afterFirst = store.getState().cards[CH95]?.c1;
    rate(store, CH95, 'c1', 'easy', '2026-03-01T10:11:00.000Z');
    expect(store.getState().cards[CH95]?.c1?.state).toBe('review');
    store.getState().undoLastRating();
    expect(store.getState().cards[CH95]?.c1).toEqual(afterFirst);
    expect(store.getState().lastRating).toBeNull();
    store.getState().undoLastRating(); // nothing left to undo
    expect(store.getState().cards[CH95]?.c1).toEqual(afterFirst);
    rate(store, CH95, 'c9', 'hard', '2026-03-01T10:12:00.000Z');
    store.getState().undoLastRating();
    expect(store.getState().cards[CH95]?.c9).toBeUndefined();
  });

  it('does not undo over a change made after the rating', () => {
    const store = storeOn(memoryStorage());
    rate(store, CH95, 'c1', 'easy', '2026-03-01T10:00:00.000Z');
    store.getState().bringCardsForward(CH95, ['c1'], '2026-03-02T09:00:00.000Z');
    store.getState().undoLastRating();
    expect(store.getState().cards[CH95]?.c1?.due).toBe('2026-03-02T09:00:00.000Z');
  });

  it('uses the desired retention: a higher one brings cards back sooner', () => {
    const store = storeOn(memoryStorage());
    rate(store, CH95, 'c1', 'easy', '2026-03-01T10:00:00.000Z');
    store.getState().setDesiredRetention(0.95);
    rate(store, CH95, 'c2', 'easy', '2026-03-01T10:00:00.000Z');
    const due = (id: string) => Date.parse(store.getState().cards[CH95]?.[id]?.due ?? '');
    expect(due('c2')).toBeLessThan(due('c1'));
    expect(store.getState().settings.desiredRetention).toBe(0.95);
  });

  it('replaces a mixed practice attempt of the same session instead of adding another', () => {
    const store = storeOn(memoryStorage());
    store.getState().submitQuiz(CH95, attempt(12, 20, true), CH96);
    store.getState().saveMixedAttempt(CH95, attempt(1, 1, true, { kind: 'mixed', seed: 77 }));
    store.getState().saveMixedAttempt(CH95, attempt(1, 2, false, { kind: 'mixed', seed: 77 }));
    expect(store.getState().attempts[CH95]?.map((a) => [a.kind, a.total])).toEqual([
      ['full', 20],
      ['mixed', 2],
    ]);
    expect(store.getState().best[CH95]?.total).toBe(20);
  });

  it('resets everything', () => {
    const storage = memoryStorage();
    const store = storeOn(storage);
    store.getState().submitQuiz(CH95, attempt(12, 20, true), CH96);
    store.getState().resetProgress();
    expect(storeOn(storage).getState()).toMatchObject({ attempts: {}, best: {}, unlocked: [] });
  });
});

describe('loading saved progress', () => {
  it('migrates the version 0 format and saves it back as the current version', () => {
    const storage = memoryStorage({ [PROGRESS_KEY]: fixture('progress-v0.json') });
    const state = storeOn(storage).getState();
    expect(state.best[CH95]).toEqual({ correct: 75, total: 100, passed: true, date: null });
    expect(state.best[CH96]).toEqual({ correct: 40, total: 100, passed: false, date: null });
    expect(state.unlocked).toEqual([CH96]);
    expect(state.drills).toEqual({ answered: 12, correct: 9, bestStreak: 5, sprints: 0, bestSprint: 0 });
    expect(state.notice).toBeNull();
    expect(saved(storage).version).toBe(PROGRESS_VERSION);
  });

  it('survives text that is not JSON: resets, says so, and keeps a backup of the text', () => {
    const storage = memoryStorage({ [PROGRESS_KEY]: '{"state": {"unlocked": [' });
    const state = storeOn(storage).getState();
    expect(state.unlocked).toEqual([]);
    expect(state.notice).toMatch(/^Some saved progress could not be read and was reset: .*not valid JSON/);
    expect(storage.data.get(UNREADABLE_BACKUP_KEY)).toBe('{"state": {"unlocked": [');
    // The cleaned state replaced the broken text, so the next load is quiet.
    expect(storeOn(storage).getState().notice).toBeNull();
  });

  it('keeps what is valid, resets the rest, and names what was reset', () => {
    const storage = memoryStorage({ [PROGRESS_KEY]: fixture('progress-v1-partly-broken.json') });
    const state = storeOn(storage).getState();
    expect(state.attempts[CH95]).toHaveLength(1);
    expect(state.attempts[CH95]?.[0]?.seed).toBe(7);
    expect(state.best[CH95]).toMatchObject({ correct: 1, total: 2 });
    expect(state.unlocked).toEqual([CH96]);
    // c1 was a valid Leitner card (box 2, due 3 March) and became an FSRS one; c2 was not valid.
    expect(Object.keys(state.cards[CH95] ?? {})).toEqual(['c1']);
    expect(state.cards[CH95]?.c1).toMatchObject({ state: 'review', due: '2026-03-03T00:00:00.000Z', reps: 2, lapses: 0 });
    expect(state.drills).toEqual({ answered: 0, correct: 0, bestStreak: 0, sprints: 0, bestSprint: 0 });
    expect(state.reading[CH95]?.heading).toBe('scheduling-and-triggers');
    expect(state.notice).toContain('quiz attempt 2 for chapter 095');
    expect(state.notice).toContain('unlocked chapter entry 2');
    expect(state.notice).toContain('card "c2" for chapter 095');
    expect(state.notice).toContain('drill stats');
    expect(state.notice).not.toContain('reading');
  });

  it.each([
    ['a JSON array', '[1, 2, 3]'],
    ['JSON without a state', '{"hello": "world"}'],
    ['a state that is a string', '{"state": "oops", "version": 1}'],
    ['cards that are neither Leitner nor FSRS', '{"state": {"cards": {"095-azure-ml-pipelines-batch-inference": {"c1": {"box": "top"}}, "bad-slug": 3}}, "version": 1}'],
    ['containers of the wrong type', '{"state": {"attempts": [], "best": 5, "unlocked": {}, "drills": null}, "version": 1}'],
    ['a version from the future', '{"state": {"unlocked": ["096-real-time-inference-online-endpoints"], "shiny": true}, "version": 7}'],
  ])('never crashes on %s', (_, text) => {
    const state = storeOn(memoryStorage({ [PROGRESS_KEY]: text })).getState();
    expect(Array.isArray(state.unlocked)).toBe(true);
    expect(state.drills.answered).toBe(0);
  });

  it('upgrades version 1 progress that has no cards without reporting a problem', () => {
    const state = storeOn(memoryStorage({ [PROGRESS_KEY]: '{"state": {"unlocked": ["096-real-time-inference-online-endpoints"]}, "version": 1}' })).getState();
    expect(state.notice).toBeNull();
    expect(state.unlocked).toEqual([CH96]);
  });

  it('reports wrong container types but keeps fields from a future version that still fit', () => {
    const wrong = storeOn(memoryStorage({ [PROGRESS_KEY]: '{"state": {"attempts": [], "best": 5}, "version": 1}' })).getState();
    expect(wrong.notice).toMatch(/quiz attempts.*best scores|best scores.*quiz attempts/);
    const future = storeOn(memoryStorage({ [PROGRESS_KEY]: '{"state": {"unlocked": ["096-real-time-inference-online-endpoints"]}, "version": 7}' })).getState();
    expect(future.unlocked).toEqual([CH96]);
  });

  it('works with no storage at all, as on the server', () => {
    const store = createProgressStore({ storage: () => null });
    store.getState().submitQuiz(CH95, attempt(12, 20, true), CH96);
    expect(store.getState().unlocked).toEqual([CH96]);
  });
});

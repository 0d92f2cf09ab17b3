import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProgressStore, PROGRESS_KEY, UNREADABLE_BACKUP_KEY } from '@/app/_progress/store';
import { PROGRESS_VERSION } from '@/app/_progress/schema';
import { attempt, CH95, CH96, memoryStorage } from './helpers';

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

  it('schedules cards, counts drills and remembers the reading position', () => {
    const storage = memoryStorage();
    const store = storeOn(storage);
    store.getState().reviewCard(CH95, 'c1', 'got-it', '2026-03-01');
    store.getState().reviewCard(CH95, 'c2', 'missed', '2026-03-01');
    store.getState().recordDrillAnswer(true, 1);
    store.getState().recordDrillAnswer(true, 2);
    store.getState().recordDrillAnswer(false, 0);
    store.getState().finishSprint(2);
    store.getState().setReadingPosition(CH95, 'scheduling-and-triggers', '2026-03-01T10:00:00.000Z');
    const reloaded = storeOn(storage).getState();
    expect(reloaded.cards[CH95]).toMatchObject({ c1: { box: 1, due: '2026-03-02' }, c2: { box: 1, lapses: 1 } });
    expect(reloaded.drills).toEqual({ answered: 3, correct: 2, bestStreak: 2, sprints: 1, bestSprint: 2 });
    expect(reloaded.reading[CH95]?.heading).toBe('scheduling-and-triggers');
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
    expect(Object.keys(state.cards[CH95] ?? {})).toEqual(['c1']);
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
    ['containers of the wrong type', '{"state": {"attempts": [], "best": 5, "unlocked": {}, "drills": null}, "version": 1}'],
    ['a version from the future', '{"state": {"unlocked": ["096-real-time-inference-online-endpoints"], "shiny": true}, "version": 7}'],
  ])('never crashes on %s', (_, text) => {
    const state = storeOn(memoryStorage({ [PROGRESS_KEY]: text })).getState();
    expect(Array.isArray(state.unlocked)).toBe(true);
    expect(state.drills.answered).toBe(0);
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

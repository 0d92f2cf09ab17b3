import { describe, expect, it } from 'vitest';
import { chapterState, chapterUnlockedBy, withUnlocked } from '@/app/_quiz/unlock';

const COURSE = ['095-batch', '096-online', '097-next'];

describe('unlocking', () => {
  it('passing chapter N unlocks chapter N+1 and the last chapter unlocks nothing', () => {
    expect(chapterUnlockedBy(COURSE, '095-batch')).toBe('096-online');
    expect(chapterUnlockedBy(COURSE, '096-online')).toBe('097-next');
    expect(chapterUnlockedBy(COURSE, '097-next')).toBeNull();
    expect(chapterUnlockedBy(COURSE, 'unknown')).toBeNull();
  });

  it('adds an unlocked chapter once', () => {
    expect(withUnlocked(['096-online'], '096-online')).toEqual(['096-online']);
    expect(withUnlocked([], '096-online')).toEqual(['096-online']);
    expect(withUnlocked(['096-online'], null)).toEqual(['096-online']);
  });
});

describe('chapter state on the course map', () => {
  const base = { alwaysOpen: false, unlocked: false, passed: false, started: false };
  it('is locked until unlocked, unless it is the first chapter', () => {
    expect(chapterState(base)).toBe('locked');
    expect(chapterState({ ...base, started: true })).toBe('locked');
    expect(chapterState({ ...base, alwaysOpen: true })).toBe('unlocked');
  });
  it('moves through unlocked, in progress and passed', () => {
    expect(chapterState({ ...base, unlocked: true })).toBe('unlocked');
    expect(chapterState({ ...base, unlocked: true, started: true })).toBe('in-progress');
    expect(chapterState({ ...base, unlocked: true, started: true, passed: true })).toBe('passed');
  });
});

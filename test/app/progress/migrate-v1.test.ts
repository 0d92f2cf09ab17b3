// Upgrading real version 1 progress. The fixture progress-v1-leitner.json was
// written by the version 1 store itself (commit 11af222): a passed quiz, five
// cards reviewed with "Got it"/"Missed it" over several days, 31 drill answers,
// two sprints and a reading position, saved exactly as localStorage held it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEITNER_INTERVAL_DAYS, rateCard, retrievability } from '@/app/_quiz/fsrs';
import { createProgressStore, PROGRESS_KEY } from '@/app/_progress/store';
import { PROGRESS_VERSION, progressDataSchema } from '@/app/_progress/schema';
import { parseProgressFile } from '@/app/_progress/transfer';
import { CH95, CH96, memoryStorage } from './helpers';

const text = readFileSync(join(import.meta.dirname, 'fixtures', 'progress-v1-leitner.json'), 'utf8');
const old = JSON.parse(text) as { state: Record<string, unknown> & { cards: Record<string, Record<string, { box: number; due: string; reviews: number; lapses: number }>> }; version: number };
const DAY = 86_400_000;

function upgraded() {
  const storage = memoryStorage({ [PROGRESS_KEY]: text });
  const state = createProgressStore({ storage: () => storage }).getState();
  return { state, saved: JSON.parse(storage.data.get(PROGRESS_KEY) ?? 'null') };
}

describe('upgrading version 1 progress (Leitner boxes) to FSRS', () => {
  it('is real version 1 data', () => {
    expect(old.version).toBe(1);
    expect(PROGRESS_VERSION).toBe(2);
  });

  it('keeps everything that is not a card as it was, quietly, and saves the new version', () => {
    const { state, saved } = upgraded();
    expect(state.notice).toBeNull();
    for (const key of ['attempts', 'inProgress', 'best', 'unlocked', 'drills', 'reading'] as const) expect(state[key]).toEqual(old.state[key]);
    expect(state.drillResults).toEqual({});
    expect(state.settings).toEqual({ desiredRetention: 0.9 });
    expect(saved.version).toBe(PROGRESS_VERSION);
    expect(progressDataSchema.safeParse(saved.state).success).toBe(true);
  });

  it('turns every Leitner card into an FSRS review card: same due day, no review or lapse lost', () => {
    const { state } = upgraded();
    for (const [slug, deck] of Object.entries(old.state.cards)) {
      expect(Object.keys(state.cards[slug] ?? {}).sort()).toEqual(Object.keys(deck).sort());
      for (const [id, leitner] of Object.entries(deck)) {
        const card = state.cards[slug]?.[id];
        const interval = LEITNER_INTERVAL_DAYS[leitner.box - 1] as number;
        expect(card, id).toMatchObject({ state: 'review', reps: leitner.reviews, lapses: leitner.lapses, stability: interval, scheduledDays: interval, due: `${leitner.due}T00:00:00.000Z` });
        expect(Date.parse(card?.due ?? '') - Date.parse(card?.lastReview ?? '')).toBe(interval * DAY);
        // The box's promise, read the FSRS way: at the old due day recall is about the default 90%.
        expect(retrievability(card, card?.due ?? '')).toBeCloseTo(0.9, 2);
        expect(retrievability(card, card?.lastReview ?? '')).toBeCloseTo(1, 5);
      }
    }
  });

  it('makes often-missed cards harder, and lets a well-known card grow past the top box', () => {
    const { state } = upgraded();
    const deck = state.cards[CH95] ?? {};
    // c01 was missed twice in three reviews, c02 never.
    expect(deck['c01-batch-vs-realtime']?.difficulty).toBeGreaterThan(deck['c02-batch-synonyms']?.difficulty ?? 10);
    expect(deck['c03-why-pipeline']?.difficulty).toBeGreaterThan(deck['c02-batch-synonyms']?.difficulty ?? 10);
    const top = deck['c04-dag'];
    const next = rateCard(top, 'good', top?.due ?? '');
    expect(next.reps).toBe(7);
    expect(next.scheduledDays).toBeGreaterThan(16);
    const forgotten = rateCard(top, 'again', top?.due ?? '');
    expect(forgotten).toMatchObject({ state: 'relearning', lapses: 1 });
    expect(state.cards[CH96]?.['c01-real-time']?.lapses).toBe(1);
  });

  it('migrates an exported version 1 file the same way', () => {
    const file = JSON.stringify({ app: 'batch-inference-lab', version: 1, exportedAt: '2026-02-21T09:00:00.000Z', progress: old.state });
    const result = parseProgressFile(file);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.progress.cards).toEqual(upgraded().state.cards);
  });
});

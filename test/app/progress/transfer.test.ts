import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldName, parseProgressFile, serializeProgress } from '@/app/_progress/transfer';
import { emptyProgress, PROGRESS_VERSION, type ProgressData } from '@/app/_progress/schema';
import { attempt, CH95, CH96 } from './helpers';

function sample(): ProgressData {
  return { ...emptyProgress(), attempts: { [CH95]: [attempt(12, 20, true)] }, best: { [CH95]: { correct: 12, total: 20, passed: true, date: '2026-03-01T10:00:00.000Z' } }, unlocked: [CH96] };
}

const fileWith = (progress: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({ app: 'batch-inference-lab', version: PROGRESS_VERSION, exportedAt: '2026-03-02T00:00:00.000Z', progress, ...extra });

describe('progress export and import', () => {
  it('imports exactly what it exported', () => {
    const result = parseProgressFile(serializeProgress(sample(), '2026-03-02T00:00:00.000Z'));
    expect(result).toEqual({ ok: true, progress: sample() });
  });

  it('refuses text that is not JSON', () => {
    expect(parseProgressFile('{"app": "batch-')).toEqual({ ok: false, message: expect.stringMatching(/not imported: it is not valid JSON\. Your progress has not changed/) });
  });

  it('refuses a file from another app', () => {
    const result = parseProgressFile(JSON.stringify({ app: 'other', version: 1, progress: sample() }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/not a Batch Inference Lab progress file \(the field "app"/);
  });

  it('refuses a newer version and a missing progress field', () => {
    const newer = parseProgressFile(fileWith(sample(), { version: PROGRESS_VERSION + 1 }));
    expect(!newer.ok && newer.message).toMatch(new RegExp(`newer version of the app \\(version ${PROGRESS_VERSION + 1}`));
    const missing = parseProgressFile(JSON.stringify({ app: 'batch-inference-lab', version: 1 }));
    expect(!missing.ok && missing.message).toMatch(/the field "progress" is missing/);
  });

  it('names the field that is wrong', () => {
    const bad = sample();
    (bad.attempts[CH95]![0] as { correct: unknown }).correct = 2.5;
    const result = parseProgressFile(fileWith(bad));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(`the field progress.attempts["${CH95}"][0].correct`);
  });

  it('names a bad chapter key and an unknown extra field', () => {
    const result = parseProgressFile(fileWith({ ...sample(), best: { 'not-a-chapter': { correct: 1, total: 1, passed: true, date: null } }, extra: 1 }));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(/progress\.best/);
      expect(result.message).toMatch(/extra/);
    }
  });

  it('migrates an exported version 0 file', () => {
    const v0 = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'progress-v0.json'), 'utf8')).state;
    const result = parseProgressFile(fileWith(v0, { version: 0 }));
    expect(result.ok && result.progress.unlocked).toEqual([CH96]);
  });

  it('writes readable field paths', () => {
    expect(fieldName(['attempts', CH95, 0, 'correct'])).toBe(`progress.attempts["${CH95}"][0].correct`);
    expect(fieldName([])).toBe('progress');
  });
});

// The hand-written checks behind the progress schemas (app/_progress/check.ts):
// each problem names the field, the value found and what is allowed.
import { describe, expect, it } from 'vitest';
import { boolean, isNumber, list, nullable, object, oneOf, record, value } from '@/app/_progress/check';
import { attemptSchema, emptyProgress } from '@/app/_progress/schema';
import { parseProgressFile } from '@/app/_progress/transfer';
import { attempt } from './helpers';

const whole = value(isNumber, 'must be a number', [Number.isInteger, 'must be a whole number'], [(n) => n >= 0, 'must not be negative']);
const score = object({ correct: whole, total: whole, passed: boolean, mode: oneOf(['practice', 'exam']), date: nullable(value((v): v is string => typeof v === 'string', 'must be text')) }, (s) =>
  s.correct > s.total ? (['correct', 'must not exceed total'] as const) : null,
);
const issues = (v: unknown) => {
  const r = score.safeParse(v);
  return r.success ? [] : r.issues.map((i) => `${i.path.join('.')} ${i.message}`);
};

describe('progress checks', () => {
  it('accepts a valid value and hands it back', () => {
    const v = { correct: 1, total: 2, passed: true, mode: 'exam', date: null };
    expect(score.safeParse(v)).toEqual({ success: true, data: v });
  });

  it('names the value and the first rule it breaks', () => {
    expect(issues({ correct: 2.5, total: -1, passed: 'yes', mode: 'quiz', date: 3 })).toEqual([
      'correct is invalid: 2.5 (must be a whole number)',
      'total is invalid: -1 (must not be negative)',
      'passed is invalid: "yes" (must be true or false)',
      'mode is invalid: "quiz" (must be one of "practice", "exam")',
      'date is invalid: 3 (must be text)',
    ]);
  });

  it('reports missing and unknown fields, and the cross-field rule only once the fields are valid', () => {
    expect(issues({ correct: 1, passed: true, mode: 'exam', date: null, extra: 1 })).toEqual(['total is missing', 'extra is not a field this app knows']);
    expect(issues({ correct: 3, total: 2, passed: true, mode: 'exam', date: null })).toEqual(['correct is invalid: 3 (must not exceed total)']);
    expect(issues([1])).toEqual([' is invalid: a list (must be an object)']);
  });

  it('checks every entry of a list and every key and value of a map', () => {
    const r = record(value((v): v is string => typeof v === 'string' && /^c\d$/.test(v), 'must be text', [() => true, '']), list(whole, 1)).safeParse({ c1: [1, -2, 0.5], bad: [1], c2: [] });
    expect(r.success || r.issues.map((i) => [i.path, i.message])).toEqual([
      [['c1', 1], 'is invalid: -2 (must not be negative)'],
      [['c1', 2], 'is invalid: 0.5 (must be a whole number)'],
      [['bad'], 'is invalid: "bad" (must be text)'],
      [['c2'], 'is invalid: a list (must have at least 1 entry)'],
    ]);
  });

  it('refuses "__proto__" as a map key', () => {
    const answers = JSON.parse('{"__proto__": ["a"]}');
    expect(attemptSchema.safeParse({ ...attempt(1, 1, true), answers }).success).toBe(false);
  });

  it('checks ISO date-times as zod did: seconds, a Z or offset, a real calendar day', () => {
    const at = (date: string) => attemptSchema.safeParse({ ...attempt(1, 1, true), date }).success;
    expect(['2026-03-01T10:00:00.000Z', '2026-03-01T10:00:00+02:00', '2024-02-29T23:59:59Z'].map(at)).toEqual([true, true, true]);
    expect(['2026-03-01T10:00Z', '2026-02-29T10:00:00Z', '2026-03-01T10:00:00', '2026-03-01T24:00:00Z', 'yesterday'].map(at)).toEqual([false, false, false, false, false]);
  });

  it('puts the value into the import message', () => {
    const rest: Partial<ReturnType<typeof emptyProgress>> = emptyProgress();
    delete rest.attempts;
    const r = parseProgressFile(JSON.stringify({ app: 'batch-inference-lab', version: 2, progress: { ...rest, drills: 'lots' } }));
    expect(!r.ok && r.message).toMatch(/the field progress\.attempts is missing; the field progress\.drills is invalid: "lots" \(must be an object\)/);
  });
});

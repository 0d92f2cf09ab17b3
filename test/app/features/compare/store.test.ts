// The comparison's settings store: starts from the link, and keeps the
// engine's options and problems in step with every change.
import { describe, expect, it } from 'vitest';
import { createCompareStore } from '@/app/_features/compare/store';

describe('the comparison settings store', () => {
  it('starts from the link, notes what it could not use, and follows changes', () => {
    const store = createCompareStore('?compare.node_count=3&compare.rows_per_day=banana');
    const first = store.getState();
    expect(first.settings.nodeCount).toBe('3');
    expect(first.notes.map((n) => n.param)).toEqual(['compare.rows_per_day']);
    expect(first.valid).toBe(true);
    store.getState().update({ nodeCount: '0' });
    const next = store.getState();
    expect(next.valid).toBe(false);
    expect(Object.keys(next.problems)).toContain('node_count');
    expect(next.options).not.toBe(first.options);
  });
});

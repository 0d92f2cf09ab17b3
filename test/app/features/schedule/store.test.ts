// The explorer's store: starts from the link, recomputes only what a change
// touches, and reports the engine's problems by field.
import { describe, expect, it } from 'vitest';
import { createScheduleStore } from '@/app/_features/schedule/store';

describe('the schedule explorer store', () => {
  it('starts from the link and recomputes run times when the recurrence changes', () => {
    const store = createScheduleStore('?schedule.frequency=Week&schedule.week_days=Monday&schedule.time_of_day=09:15');
    const first = store.getState();
    expect(first.recurrence.frequency).toBe('Week');
    expect(first.runTimes.problems).toEqual([]);
    expect(first.runTimes.times.length).toBeGreaterThan(0);
    store.getState().updateRecurrence({ frequency: 'Day' });
    const next = store.getState();
    expect(next.runTimes).not.toBe(first.runTimes);
    expect(next.runTimes.times).not.toEqual(first.runTimes.times);
    // The trigger and "now" did not change, so its answer is kept as it was.
    expect(next.arrivals).toBe(first.arrivals);
  });

  it('names a bad interval by its field', () => {
    const store = createScheduleStore('');
    store.getState().updateRecurrence({ interval: '0' });
    expect(store.getState().runTimes.problems.map((p) => p.field)).toContain('interval');
    expect(store.getState().runTimes.times).toEqual([]);
  });

  it('recomputes the trigger when its form changes', () => {
    const store = createScheduleStore('');
    const before = store.getState().arrivals;
    store.getState().updateTrigger({ kind: store.getState().trigger.kind === 'event' ? 'datastore' : 'event' });
    expect(store.getState().arrivals).not.toBe(before);
  });
});

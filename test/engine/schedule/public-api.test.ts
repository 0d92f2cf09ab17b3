// The names fixed by issue 4 reach callers through engine/index.
import { describe, expect, it } from 'vitest';
import * as engine from '@/engine/index';
import * as schedule from '@/engine/schedule/index';

describe('schedule public API', () => {
  it('engine/index re-exports the schedule functions unchanged', () => {
    for (const name of ['nextRunTimes', 'simulateTriggers', 'validateRecurrence', 'validateSchedule', 'ScheduleValidationError'] as const) {
      expect(engine[name]).toBe(schedule[name]);
    }
    expect(engine.nextRunTimes({ frequency: 'Hour', interval: 1, start_time: '2024-01-01T00:00:00' }, { after: '2024-01-01T00:30:00Z', count: 1 })).toEqual([
      '2024-01-01T01:00:00Z',
    ]);
  });
});

// The typed seam for schedules: a loose value (a form, JSON) becomes a
// ScheduleRecurrence or a Schedule only when its validator found no problem.
import type { ConfigProblem } from '../types';
import type { Schedule, ScheduleRecurrence, TriggerWorkspace } from './types';
import { validateRecurrence } from './validate-recurrence';
import { validateSchedule } from './validate-schedule';

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: ConfigProblem[] };

export function parseRecurrence(value: unknown): Parsed<ScheduleRecurrence> {
  const problems = validateRecurrence(value);
  // Checked field by field just above.
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: value as ScheduleRecurrence };
}

export function parseSchedule(workspace: TriggerWorkspace, value: unknown): Parsed<Schedule> {
  const problems = validateSchedule(workspace, value);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: value as Schedule };
}

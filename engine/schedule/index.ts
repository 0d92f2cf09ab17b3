// Schedules (SDK v1 ScheduleRecurrence) and data triggers (v1 datastore polling,
// plus an Event Grid style trigger for comparison).
export {
  FREQUENCIES,
  WEEK_DAYS,
  TIME_ZONE_DEFAULTS,
  type Frequency,
  type WeekDay,
  type ScheduleRecurrence,
  type NextRunTimesOptions,
  type TriggerWorkspace,
  type RecurrenceSchedule,
  type DatastoreSchedule,
  type EventTrigger,
  type Schedule,
  type BlobArrival,
  type SimulateTriggersOptions,
  type TriggerReason,
  type TriggeredRun,
} from './types';
export { ScheduleValidationError } from './errors';
export { validateRecurrence } from './validate-recurrence';
export { nextRunTimes, MAX_RUN_TIMES } from './next-run-times';
export { validateSchedule } from './validate-schedule';
export { parseRecurrence, parseSchedule, type Parsed } from './parse';
export { simulateTriggers, DEFAULT_POLLING_INTERVAL, MAX_TRIGGERED_RUNS } from './simulate-triggers';

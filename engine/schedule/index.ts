// Schedules (SDK v1 ScheduleRecurrence) and data triggers (v1 datastore polling,
// plus an Event Grid style trigger for comparison).
export * from './types';
export { ScheduleValidationError } from './errors';
export { validateRecurrence } from './validate-recurrence';
export { nextRunTimes, MAX_RUN_TIMES } from './next-run-times';
export { validateSchedule } from './validate-schedule';
export { parseRecurrence, parseSchedule, type Parsed } from './parse';
export { simulateTriggers, DEFAULT_POLLING_INTERVAL, MAX_TRIGGERED_RUNS } from './simulate-triggers';

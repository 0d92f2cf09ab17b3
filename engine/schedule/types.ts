// Types of the schedule module. Field names follow SDK v1 (azureml-pipeline-core
// ScheduleRecurrence and Schedule.create) in snake_case, so code a learner reads
// in the chapter maps one to one onto the simulator.

export const FREQUENCIES = ['Minute', 'Hour', 'Day', 'Week', 'Month'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** Index + 1 is the ISO weekday (Monday = 1), the numbering luxon uses. */
export const WEEK_DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
export type WeekDay = (typeof WEEK_DAYS)[number];

/** SDK v1 ScheduleRecurrence. */
export interface ScheduleRecurrence {
  frequency: Frequency;
  /** Whole number of frequency units between runs, at least 1. */
  interval: number;
  /** Naive local wall time `YYYY-MM-DDThh:mm:ss` in `time_zone`; a Z or offset is rejected. */
  start_time?: string;
  /** IANA zone name. Omitted means UTC (see TIME_ZONE_DEFAULTS for the v1 code's own fallback). */
  time_zone?: string;
  /** Day and Week only, 0–23. */
  hours?: number[];
  /** Day and Week only, 0–59. */
  minutes?: number[];
  /** Week only. */
  week_days?: WeekDay[];
  /** "hh:mm", Day and Week only; shorthand for hours=[hh], minutes=[mm], never combined with them. */
  time_of_day?: string;
}

/**
 * Documented default versus what the SDK code does. The reference docs say an
 * omitted time zone means UTC; azureml-pipeline-core's ScheduleRecurrence.__init__
 * instead fills in TimeZone.GMTStandardTime ("GMT Standard Time", the Windows
 * name for UK time, which observes BST) whenever start_time is set and time_zone
 * is not. The simulator follows the docs; pass `defaultTimeZone:
 * TIME_ZONE_DEFAULTS.v1Code.iana` to nextRunTimes to see the code's behaviour,
 * which differs by one hour during British Summer Time.
 */
export const TIME_ZONE_DEFAULTS = {
  documented: 'UTC',
  v1Code: { windows: 'GMT Standard Time', iana: 'Europe/London' },
} as const;

export interface NextRunTimesOptions {
  /** The current instant: an ISO date-time with Z or an offset. Runs at exactly this instant are included. */
  after: string;
  /** How many run times to return, 0–10000. */
  count: number;
  /** IANA zone used when the recurrence has no time_zone; 'UTC' unless given. */
  defaultTimeZone?: string;
}

/** Minimal view of a workspace that triggers need; the full workspace (issue 4) satisfies it structurally. */
export interface TriggerWorkspace {
  datastores: Record<string, { type: 'AzureBlob' | string }>;
}

interface ScheduleBase {
  /** Fixed pipeline parameters sent with every run (Schedule.create pipeline_parameters). */
  pipeline_parameters?: Record<string, string>;
}

export interface RecurrenceSchedule extends ScheduleBase {
  kind: 'recurrence';
  recurrence: ScheduleRecurrence;
}

/** SDK v1 Schedule.create with `datastore`: polls an Azure Blob container. */
export interface DatastoreSchedule extends ScheduleBase {
  kind: 'datastore';
  datastore: string;
  /** Minutes between polls, default 5. */
  polling_interval?: number;
  /** Folder inside the container; omitted means the container root. Sub-folders are not watched. */
  path_on_datastore?: string;
  /** Pipeline parameter that receives the path of the changed blob. */
  data_path_parameter_name?: string;
}

/**
 * Not an Azure ML schedule: the Event Grid pattern (blob-created event → Logic
 * App or Function → pipeline REST call), modelled for comparison. Every new blob
 * fires its own run at once; the path works as a prefix filter, so sub-folders match.
 */
export interface EventTrigger extends ScheduleBase {
  kind: 'event';
  datastore: string;
  path_on_datastore?: string;
  data_path_parameter_name?: string;
}

export type Schedule = RecurrenceSchedule | DatastoreSchedule | EventTrigger;

export interface BlobArrival {
  /** ISO instant with Z or an offset. */
  time: string;
  /** Blob path inside the container, e.g. "incoming/day1.csv". */
  path: string;
}

export interface SimulateTriggersOptions {
  /** When the schedule becomes active. Blobs present at this instant are the baseline, not changes. */
  from: string;
  /** End of the simulated window, inclusive. */
  to: string;
  arrivals?: BlobArrival[];
}

export type TriggerReason = 'recurrence' | 'blob_arrived' | 'event';

export interface TriggeredRun {
  /** UTC `YYYY-MM-DDTHH:MM:SSZ`. */
  time: string;
  reason: TriggerReason;
  parameters?: Record<string, string>;
  /** The blobs this run was fired for, in arrival order. */
  blobs?: string[];
}

// The three ways Azure ML lets you run batch scoring, as the simulator names
// them. The order is the order of history: v1 first, as the chapter does.

export const DIALECTS = ['v1', 'v2-parallel', 'v2-batch-deployment'] as const;

export type Dialect = (typeof DIALECTS)[number];

/** What each dialect is called in Microsoft's docs, for headings and messages. */
export const DIALECT_TITLES: Record<Dialect, string> = {
  v1: 'ParallelRunStep (SDK v1 ParallelRunConfig)',
  'v2-parallel': 'parallel job in a pipeline job (SDK/CLI v2)',
  'v2-batch-deployment': 'batch endpoint model deployment (SDK/CLI v2)',
};

export function isDialect(value: unknown): value is Dialect {
  return typeof value === 'string' && (DIALECTS as readonly string[]).includes(value);
}

/**
 * The settings every dialect expresses, under neutral names, with the value in
 * effect (defaults applied). The mapping between dialects and the run of the
 * core both go through this one shape.
 */
export interface CommonSettings {
  nodes: number;
  /** Undefined: the service's default for the VM (1 on a GPU, one per core on a CPU). */
  processesPerNode: number | undefined;
  /** Files (number) or approximate bytes ("1MB"); undefined: 10 files or 1 MB. */
  miniBatchSize: number | string | undefined;
  /** Failed items (or files, for a batch deployment) tolerated; -1 ignores them all. */
  itemErrorThreshold: number;
  /** Failed mini-batches tolerated (-1: all); null: not checked. */
  failedMiniBatchLimit: number | null;
  /** Percentage of failed mini-batches tolerated; null: not checked. */
  failedPercentLimit: number | null;
  /** Tries of a mini-batch in all, counted as the service's dequeue count. */
  maxTries: number;
  timeoutSeconds: number;
  outputAction: 'append_row' | 'summary_only';
  outputFileName: string;
  loggingLevel: 'DEBUG' | 'INFO' | 'WARNING';
}

export type CommonKey = keyof CommonSettings;

/** A setting that is accepted but plays no part in the simulation, or that another dialect cannot hold. */
export interface SettingNote {
  field: string;
  value: unknown;
  reason: string;
}

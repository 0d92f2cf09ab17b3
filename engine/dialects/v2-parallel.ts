// v2-parallel: the `parallel` step of a pipeline job. Same core rules as v1
// (a short return fails the mini-batch, work is split by the input's kind);
// different names, different defaults, and two thresholds that live in
// task.program_arguments.
import { V1_RULES, type CoreRules } from '../parallel-run/rules';
import type { CommonSettings, SettingNote } from './dialect';
import { DRIVER_ARGUMENTS, formatProgramArguments, parseProgramArguments } from './program-arguments';
import { readSchema, unsimulatedValues } from './schema';
import { computeProblems, LOGGING_NOTE, loggingLevelOf, setPath, type DialectReading, type DialectSpec } from './spec';
import { v2ParallelSchema } from './v2-parallel-schema';

export const V2_PARALLEL_DEFAULTS = {
  instanceCount: 1,
  maxRetries: 2,
  timeout: 60,
  miniBatchErrorThreshold: -1,
  errorThreshold: -1,
  allowedFailedPercent: 100,
  loggingLevel: 'INFO',
  /** The simulator's name for the file task.append_row_to points at; the facts name none for a parallel job. */
  outputFileName: 'predictions.csv',
} as const;

/** What the simulator writes for append_row when converting from a dialect that names no output. */
export const DEFAULT_APPEND_ROW_TO = '${{outputs.predictions}}';

const FIELD_OF = {
  nodes: 'resources.instance_count',
  processesPerNode: 'max_concurrency_per_instance',
  miniBatchSize: 'mini_batch_size',
  itemErrorThreshold: '--error_threshold',
  failedMiniBatchLimit: 'mini_batch_error_threshold',
  failedPercentLimit: '--allowed_failed_percent',
  maxTries: 'retry_settings.max_retries',
  timeoutSeconds: 'retry_settings.timeout',
  outputAction: 'task.append_row_to',
  loggingLevel: 'logging_level',
} as const;

export const V2_PARALLEL_RULES: CoreRules = {
  ...V1_RULES,
  names: {
    nodeCount: FIELD_OF.nodes,
    processCountPerNode: FIELD_OF.processesPerNode,
    runInvocationTimeout: FIELD_OF.timeoutSeconds,
    runMaxTry: FIELD_OF.maxTries,
    errorThreshold: FIELD_OF.itemErrorThreshold,
    allowedFailedCount: FIELD_OF.failedMiniBatchLimit,
    allowedFailedPercent: FIELD_OF.failedPercentLimit,
    miniBatchSize: FIELD_OF.miniBatchSize,
    failedUnit: 'item',
  },
};

function read(raw: unknown, context: Parameters<DialectSpec['read']>[1]): DialectReading {
  const schema = v2ParallelSchema(context.dataset?.kind);
  const { problems, values } = readSchema(schema, raw);
  const args = parseProgramArguments(typeof values.get('task.program_arguments') === 'string' ? (values.get('task.program_arguments') as string) : '');
  problems.push(...args.problems, ...computeProblems(values.get(FIELD_OF.nodes), FIELD_OF.nodes, context.compute));
  if (problems.length > 0) return { ok: false, problems };
  const given = new Map<string, unknown>([...values, ...args.driver]);
  const settings = settingsOf(given);
  const notSimulated = notesOf(unsimulatedValues(schema, values), args);
  if (given.has('logging_level')) notSimulated.push({ field: 'logging_level', value: given.get('logging_level'), reason: LOGGING_NOTE });
  const binding = given.get('task.append_row_to');
  const dialectOnly = [...notSimulated.filter((n) => n.field !== 'logging_level')];
  if (binding !== undefined && binding !== DEFAULT_APPEND_ROW_TO) {
    dialectOnly.push({ field: 'task.append_row_to', value: binding, reason: 'it names an output of the pipeline step, and the other dialects write to the output location of their own step or job' });
  }
  return { ok: true, settings, explicit: explicitOf(given, settings), notSimulated, dialectOnly };
}

function settingsOf(g: Map<string, unknown>): CommonSettings {
  const d = V2_PARALLEL_DEFAULTS;
  const size = g.get('mini_batch_size');
  return {
    nodes: (g.get(FIELD_OF.nodes) as number | undefined) ?? d.instanceCount,
    processesPerNode: g.get(FIELD_OF.processesPerNode) as number | undefined,
    // v1's size parser reads the same sizes once the optional space is gone.
    miniBatchSize: typeof size === 'string' ? size.replace(/\s+/g, '') : (size as number | undefined),
    itemErrorThreshold: (g.get(FIELD_OF.itemErrorThreshold) as number | undefined) ?? d.errorThreshold,
    failedMiniBatchLimit: (g.get(FIELD_OF.failedMiniBatchLimit) as number | undefined) ?? d.miniBatchErrorThreshold,
    failedPercentLimit: (g.get(FIELD_OF.failedPercentLimit) as number | undefined) ?? d.allowedFailedPercent,
    maxTries: (g.get(FIELD_OF.maxTries) as number | undefined) ?? d.maxRetries,
    timeoutSeconds: (g.get(FIELD_OF.timeoutSeconds) as number | undefined) ?? d.timeout,
    // No append_row_to means summary_only (the SDK's run_function).
    outputAction: g.has(FIELD_OF.outputAction) ? 'append_row' : 'summary_only',
    outputFileName: d.outputFileName,
    loggingLevel: loggingLevelOf(g.get('logging_level') ?? d.loggingLevel),
  };
}

function explicitOf(g: Map<string, unknown>, s: CommonSettings): Partial<CommonSettings> {
  // Leaving append_row_to out is how a parallel job says summary_only, so the output action is always stated.
  const out: Partial<CommonSettings> = { outputAction: s.outputAction };
  for (const [key, field] of Object.entries(FIELD_OF) as [keyof CommonSettings, string][]) {
    if (g.has(field)) (out as Record<string, unknown>)[key] = s[key];
  }
  return out;
}

function notesOf(described: { field: string; value: unknown }[], args: ReturnType<typeof parseProgramArguments>): SettingNote[] {
  const notes: SettingNote[] = described.map((d) => ({ ...d, reason: 'describes the job; the simulation does not depend on it' }));
  for (const d of DRIVER_ARGUMENTS) {
    if (!d.simulated && args.driver.has(d.name)) notes.push({ field: d.name, value: args.driver.get(d.name), reason: 'checked but not simulated: the simulator has no driver overhead or progress timers' });
  }
  for (const s of args.script) notes.push({ field: s.name, value: s.value, reason: "the entry script's own argument, passed through; the simulated scripts do not read it" });
  return notes;
}

function write(v: Partial<CommonSettings>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  setPath(out, 'resources.instance_count', v.nodes);
  setPath(out, 'max_concurrency_per_instance', v.processesPerNode);
  setPath(out, 'mini_batch_size', v.miniBatchSize);
  setPath(out, 'mini_batch_error_threshold', v.failedMiniBatchLimit ?? undefined);
  setPath(out, 'logging_level', v.loggingLevel);
  setPath(out, 'retry_settings.max_retries', v.maxTries);
  setPath(out, 'retry_settings.timeout', v.timeoutSeconds);
  if (v.outputAction === 'append_row') setPath(out, 'task.append_row_to', DEFAULT_APPEND_ROW_TO);
  const driver = new Map<string, number>();
  if (v.itemErrorThreshold !== undefined) driver.set('--error_threshold', v.itemErrorThreshold);
  if (v.failedPercentLimit !== undefined && v.failedPercentLimit !== null) driver.set('--allowed_failed_percent', v.failedPercentLimit);
  if (driver.size > 0) setPath(out, 'task.program_arguments', formatProgramArguments(driver));
  return out;
}

export const V2_PARALLEL_DIALECT: DialectSpec = {
  dialect: 'v2-parallel',
  fieldOf: FIELD_OF,
  missingBecause: {
    outputFileName: 'a parallel job appends rows to the output that task.append_row_to names, so there is no file name to set',
  },
  required: [],
  rules: V2_PARALLEL_RULES,
  read,
  write,
};

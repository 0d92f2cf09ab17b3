// v2-batch-deployment: a batch endpoint's model deployment. Its behaviour
// differs from v1 in three ways the core simulates through its switches:
// mini-batches are whole files whatever their size, run() may return any
// number of rows, and an existing predictions.csv is never overwritten.
import type { CoreRules } from '../parallel-run/rules';
import type { CommonSettings } from './dialect';
import { readSchema, unsimulatedValues } from './schema';
import { computeProblems, LOGGING_NOTE, loggingLevelOf, setPath, type DialectReading, type DialectSpec } from './spec';
import { V2_BATCH_SCHEMA } from './v2-batch-deployment-schema';

export const V2_BATCH_DEFAULTS = {
  instanceCount: 1,
  maxConcurrencyPerInstance: 1,
  miniBatchSize: 10,
  errorThreshold: -1,
  loggingLevel: 'info',
  maxRetries: 3,
  timeout: 30,
  outputAction: 'append_row',
  outputFileName: 'predictions.csv',
} as const;

const FIELD_OF = {
  nodes: 'resources.instance_count',
  processesPerNode: 'settings.max_concurrency_per_instance',
  miniBatchSize: 'settings.mini_batch_size',
  itemErrorThreshold: 'settings.error_threshold',
  maxTries: 'settings.retry_settings.max_retries',
  timeoutSeconds: 'settings.retry_settings.timeout',
  outputAction: 'settings.output_action',
  outputFileName: 'settings.output_file_name',
  loggingLevel: 'settings.logging_level',
} as const;

const NO_MINI_BATCH_THRESHOLD = 'batch deployments have no threshold on failed mini-batches; settings.error_threshold counts failed files';

export const V2_BATCH_RULES: CoreRules = {
  distribution: 'files',
  cardinality: 'any',
  existingOutput: 'keep_and_fail',
  names: {
    nodeCount: FIELD_OF.nodes,
    processCountPerNode: FIELD_OF.processesPerNode,
    runInvocationTimeout: FIELD_OF.timeoutSeconds,
    runMaxTry: FIELD_OF.maxTries,
    errorThreshold: FIELD_OF.itemErrorThreshold,
    // Never checked (both limits stay unset), so never printed.
    allowedFailedCount: 'allowed_failed_count',
    allowedFailedPercent: 'allowed_failed_percent',
    miniBatchSize: FIELD_OF.miniBatchSize,
    failedUnit: 'file',
  },
};

function read(raw: unknown, context: Parameters<DialectSpec['read']>[1]): DialectReading {
  const { problems, values } = readSchema(V2_BATCH_SCHEMA, raw);
  problems.push(...computeProblems(values.get(FIELD_OF.nodes), FIELD_OF.nodes, context.compute));
  if (problems.length > 0) return { ok: false, problems };
  const settings = settingsOf(values);
  const notSimulated = unsimulatedValues(V2_BATCH_SCHEMA, values).map((d) => ({ ...d, reason: 'describes the deployment; the simulation does not depend on it' }));
  const dialectOnly = [...notSimulated];
  if (values.has(FIELD_OF.loggingLevel)) notSimulated.push({ field: FIELD_OF.loggingLevel, value: values.get(FIELD_OF.loggingLevel), reason: LOGGING_NOTE });
  const explicit: Partial<CommonSettings> = {};
  for (const [key, field] of Object.entries(FIELD_OF) as [keyof CommonSettings, string][]) {
    if (values.has(field)) (explicit as Record<string, unknown>)[key] = settings[key];
  }
  return { ok: true, settings, explicit, notSimulated, dialectOnly };
}

function settingsOf(g: Map<string, unknown>): CommonSettings {
  const d = V2_BATCH_DEFAULTS;
  const action = g.get(FIELD_OF.outputAction);
  return {
    nodes: (g.get(FIELD_OF.nodes) as number | undefined) ?? d.instanceCount,
    processesPerNode: (g.get(FIELD_OF.processesPerNode) as number | undefined) ?? d.maxConcurrencyPerInstance,
    miniBatchSize: (g.get(FIELD_OF.miniBatchSize) as number | undefined) ?? d.miniBatchSize,
    itemErrorThreshold: (g.get(FIELD_OF.itemErrorThreshold) as number | undefined) ?? d.errorThreshold,
    failedMiniBatchLimit: null,
    failedPercentLimit: null,
    maxTries: (g.get(FIELD_OF.maxTries) as number | undefined) ?? d.maxRetries,
    timeoutSeconds: (g.get(FIELD_OF.timeoutSeconds) as number | undefined) ?? d.timeout,
    outputAction: (typeof action === 'string' ? action.toLowerCase() : d.outputAction) as CommonSettings['outputAction'],
    outputFileName: (g.get(FIELD_OF.outputFileName) as string | undefined) ?? d.outputFileName,
    loggingLevel: loggingLevelOf(g.get(FIELD_OF.loggingLevel) ?? d.loggingLevel),
  };
}

function write(v: Partial<CommonSettings>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  setPath(out, FIELD_OF.nodes, v.nodes);
  setPath(out, FIELD_OF.processesPerNode, v.processesPerNode);
  setPath(out, FIELD_OF.miniBatchSize, v.miniBatchSize);
  setPath(out, FIELD_OF.itemErrorThreshold, v.itemErrorThreshold);
  setPath(out, FIELD_OF.loggingLevel, v.loggingLevel?.toLowerCase());
  setPath(out, FIELD_OF.maxTries, v.maxTries);
  setPath(out, FIELD_OF.timeoutSeconds, v.timeoutSeconds);
  setPath(out, FIELD_OF.outputAction, v.outputAction);
  setPath(out, FIELD_OF.outputFileName, v.outputFileName);
  return out;
}

export const V2_BATCH_DIALECT: DialectSpec = {
  dialect: 'v2-batch-deployment',
  fieldOf: FIELD_OF,
  missingBecause: {
    failedMiniBatchLimit: NO_MINI_BATCH_THRESHOLD,
    failedPercentLimit: 'batch deployments have no percentage threshold; settings.error_threshold counts failed files',
  },
  required: [],
  rules: V2_BATCH_RULES,
  read,
  write,
};

// v1: ParallelRunConfig exactly as engine/parallel-run validates and runs it,
// plus logging_level, which the SDK signature has and the core config does not
// carry (it changes no behaviour the simulator models).
import type { ConfigProblem } from '../types';
import {
  DEFAULT_APPEND_ROW_FILE_NAME,
  DEFAULT_RUN_INVOCATION_TIMEOUT,
  DEFAULT_RUN_MAX_TRY,
  type LooseParallelRunConfig,
} from '../parallel-run/defaults';
import { V1_RULES } from '../parallel-run/rules';
import { validateParallelRunConfig } from '../parallel-run/validate-config';
import { oneOf } from './checks';
import type { CommonSettings, SettingNote } from './dialect';
import { computeProblems, defined, LOGGING_LEVELS, LOGGING_NOTE, loggingLevelOf, type DialectReading, type DialectSpec } from './spec';

const FIELD_OF = {
  nodes: 'node_count',
  processesPerNode: 'process_count_per_node',
  miniBatchSize: 'mini_batch_size',
  itemErrorThreshold: 'error_threshold',
  failedMiniBatchLimit: 'allowed_failed_count',
  failedPercentLimit: 'allowed_failed_percent',
  maxTries: 'run_max_try',
  timeoutSeconds: 'run_invocation_timeout',
  outputAction: 'output_action',
  outputFileName: 'append_row_file_name',
  loggingLevel: 'logging_level',
} as const;

const checkLoggingLevel = oneOf(LOGGING_LEVELS, " (default 'INFO')");

function read(raw: unknown, context: Parameters<DialectSpec['read']>[1]): DialectReading {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, problems: [{ field: '(config)', message: 'the config must be a mapping of ParallelRunConfig parameters' }] };
  }
  const { logging_level: loggingLevel, ...rest } = raw as LooseParallelRunConfig;
  const problems: ConfigProblem[] = validateParallelRunConfig(rest, context.dataset);
  const levelIssue = loggingLevel === undefined ? null : checkLoggingLevel(loggingLevel);
  if (levelIssue) problems.push({ field: 'logging_level', message: `logging_level ${levelIssue}` });
  problems.push(...computeProblems(rest.node_count, 'node_count', context.compute));
  if (problems.length > 0) return { ok: false, problems };
  const settings = settingsOf(rest, loggingLevel);
  const notSimulated: SettingNote[] = loggingLevel === undefined ? [] : [{ field: 'logging_level', value: loggingLevel, reason: LOGGING_NOTE }];
  return { ok: true, settings, explicit: explicitOf(rest, loggingLevel, settings), notSimulated, dialectOnly: [] };
}

function settingsOf(c: LooseParallelRunConfig, loggingLevel: unknown): CommonSettings {
  return {
    nodes: c.node_count as number,
    processesPerNode: c.process_count_per_node as number | undefined,
    miniBatchSize: c.mini_batch_size as number | string | undefined,
    itemErrorThreshold: c.error_threshold as number,
    failedMiniBatchLimit: (c.allowed_failed_count as number | undefined) ?? null,
    failedPercentLimit: (c.allowed_failed_percent as number | undefined) ?? null,
    maxTries: (c.run_max_try as number | undefined) ?? DEFAULT_RUN_MAX_TRY,
    timeoutSeconds: (c.run_invocation_timeout as number | undefined) ?? DEFAULT_RUN_INVOCATION_TIMEOUT,
    outputAction: (c.output_action as string).toLowerCase() as CommonSettings['outputAction'],
    outputFileName: (c.append_row_file_name as string | undefined) ?? DEFAULT_APPEND_ROW_FILE_NAME,
    loggingLevel: loggingLevelOf(loggingLevel),
  };
}

function explicitOf(c: LooseParallelRunConfig, loggingLevel: unknown, s: CommonSettings): Partial<CommonSettings> {
  const given: Record<string, unknown> = { ...c, logging_level: loggingLevel };
  const out: Partial<CommonSettings> = {};
  for (const [key, field] of Object.entries(FIELD_OF) as [keyof CommonSettings, string][]) {
    if (given[field] !== undefined && given[field] !== null) (out as Record<string, unknown>)[key] = s[key];
  }
  return out;
}

function write(v: Partial<CommonSettings>): Record<string, unknown> {
  return defined({
    mini_batch_size: v.miniBatchSize,
    error_threshold: v.itemErrorThreshold,
    output_action: v.outputAction,
    node_count: v.nodes,
    process_count_per_node: v.processesPerNode,
    allowed_failed_count: v.failedMiniBatchLimit ?? undefined,
    allowed_failed_percent: v.failedPercentLimit ?? undefined,
    run_invocation_timeout: v.timeoutSeconds,
    run_max_try: v.maxTries,
    append_row_file_name: v.outputFileName,
    logging_level: v.loggingLevel,
  });
}

export const V1_DIALECT: DialectSpec = {
  dialect: 'v1',
  fieldOf: FIELD_OF,
  missingBecause: {},
  required: ['nodes', 'itemErrorThreshold', 'outputAction'],
  rules: V1_RULES,
  read,
  write,
};

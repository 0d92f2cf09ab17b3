// simulateDialectJob: one entry point for a job of any dialect. The config is
// checked by the dialect's own schema, then the one core runs it with the
// dialect's switches (rules), so what differs is simulated, not relabelled.
import type { ParallelRunConfig } from '../types';
import type { ThresholdName } from '../parallel-run/thresholds';
import type { SettingNames } from '../parallel-run/rules';
import type { ParallelRunSimulation, SimulateOptions } from '../parallel-run/sim-types';
import { parseParallelRunConfig, simulateWithRules } from '../parallel-run/simulate';
import type { CommonSettings, Dialect } from './dialect';
import { parseDialectConfig } from './parse';
import { DIALECT_SPECS } from './registry';
import { toCoreConfig } from './spec';

export interface DialectJobOptions extends Omit<SimulateOptions, 'config'> {
  dialect: Dialect;
  /** The config in the dialect's own shape and names, unchecked. */
  config: unknown;
  /** Names of files already in the job's output location (a batch deployment never overwrites them). */
  existingOutputs?: readonly string[] | undefined;
}

export interface DialectSimulation extends ParallelRunSimulation {
  dialect: Dialect;
  /** The settings the job ran with, defaults applied, under neutral names. */
  dialectSettings: CommonSettings;
  /** The thresholds that failed the job, by the dialect's names for them. */
  failedSettings?: string[];
}

/**
 * Runs a job of any dialect in virtual time. Rejects with an Error listing
 * every problem (in the dialect's names) when the config is invalid. For v1
 * the result is simulateParallelRun's, with the dialect fields added.
 */
export async function simulateDialectJob(options: DialectJobOptions): Promise<DialectSimulation> {
  const { dialect, config, existingOutputs, ...rest } = options;
  const parsed = parseDialectConfig(dialect, config, { dataset: rest.dataset, compute: rest.compute });
  if (!parsed.ok) throw new Error(parsed.message);
  const spec = DIALECT_SPECS[dialect];
  const coreConfig = dialect === 'v1' ? v1CoreConfig(config, rest) : toCoreConfig(parsed.settings);
  const result = await simulateWithRules({ ...rest, config: coreConfig, rules: spec.rules, existingOutputs: existingOutputs ?? [] });
  const out: DialectSimulation = { ...result, dialect, dialectSettings: parsed.settings };
  if (result.failure?.kind === 'threshold') out.failedSettings = result.failure.thresholds.map((t) => nameOf(spec.rules.names, t));
  return out;
}

/** v1 runs its own config as the core has always run it; logging_level is the dialect's addition. */
function v1CoreConfig(config: unknown, options: Omit<DialectJobOptions, 'dialect' | 'config'>): ParallelRunConfig {
  const copy: Record<string, unknown> = { ...(config as Record<string, unknown>) };
  delete copy.logging_level;
  const parsed = parseParallelRunConfig(copy, options.dataset, options.compute);
  if (!parsed.ok) throw new Error(parsed.message); // parseDialectConfig has already run the same checks
  return parsed.config;
}

function nameOf(names: SettingNames, threshold: ThresholdName): string {
  if (threshold === 'error_threshold') return names.errorThreshold;
  return threshold === 'allowed_failed_count' ? names.allowedFailedCount : names.allowedFailedPercent;
}

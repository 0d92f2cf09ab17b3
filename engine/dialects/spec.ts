// What each dialect module provides, and the parts they share: turning the
// common settings into the core's config, and the compute checks.
import type { ConfigProblem, Dataset, ParallelRunConfig } from '../types';
import { VM_SIZES, type ComputeSpec } from '../parallel-run/compute';
import type { CoreRules } from '../parallel-run/rules';
import type { CommonKey, CommonSettings, Dialect, SettingNote } from './dialect';

export interface DialectContext {
  /** Needed where the meaning of mini_batch_size depends on the input (files or tabular data). */
  dataset?: Dataset | undefined;
  compute?: ComputeSpec | undefined;
}

export type DialectReading =
  | {
      ok: true;
      settings: CommonSettings;
      /** The common settings the config states itself (not left to a default). */
      explicit: Partial<CommonSettings>;
      /** Accepted settings that change nothing in the simulation. */
      notSimulated: SettingNote[];
      /** Settings no other dialect can hold (includes notSimulated). */
      dialectOnly: SettingNote[];
    }
  | { ok: false; problems: ConfigProblem[] };

export interface DialectSpec {
  dialect: Dialect;
  /** This dialect's name for each common setting; a missing entry means it has no counterpart. */
  fieldOf: Readonly<Partial<Record<CommonKey, string>>>;
  /** Why a common setting has no counterpart here, by key. */
  missingBecause: Readonly<Partial<Record<CommonKey, string>>>;
  /** Common settings a config of this dialect must state (v1's required parameters). */
  required: readonly CommonKey[];
  rules: CoreRules;
  read(raw: unknown, context: DialectContext): DialectReading;
  /** A raw config of this dialect stating exactly `values` (the mapping's way in). */
  write(values: Partial<CommonSettings>): Record<string, unknown>;
}

/** The core runs every dialect as a ParallelRunConfig with all its defaults already applied. */
export function toCoreConfig(s: CommonSettings): ParallelRunConfig {
  return {
    mini_batch_size: s.miniBatchSize,
    error_threshold: s.itemErrorThreshold,
    output_action: s.outputAction,
    node_count: s.nodes,
    process_count_per_node: s.processesPerNode,
    allowed_failed_count: s.failedMiniBatchLimit ?? undefined,
    allowed_failed_percent: s.failedPercentLimit ?? undefined,
    run_invocation_timeout: s.timeoutSeconds,
    run_max_try: s.maxTries,
    append_row_file_name: s.outputFileName,
  };
}

/** The SDK's compute checks (a known VM size, no more nodes than max_nodes), worded with the dialect's node setting. */
export function computeProblems(nodes: unknown, nodeField: string, compute: ComputeSpec | undefined): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const vmSize = compute?.vmSize;
  if (vmSize !== undefined && !VM_SIZES[vmSize]) {
    problems.push({ field: 'vm_size', message: `vm_size ${JSON.stringify(vmSize)} is not in the catalogue; use one of ${Object.keys(VM_SIZES).join(', ')}` });
  }
  const maxNodes = compute?.maxNodes;
  if (maxNodes !== undefined && typeof nodes === 'number' && nodes > maxNodes) {
    problems.push({ field: nodeField, message: `${nodeField} is ${nodes}; it must be between 1 and the cluster's max_nodes ${maxNodes}` });
  }
  return problems;
}

/** Keeps only the keys whose value is defined, so a written config states nothing it was not given. */
export function defined<T extends Record<string, unknown>>(object: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [key, value] of Object.entries(object)) if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  return out;
}

/** Sets a dotted path in a nested plain object, creating mappings on the way. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  if (value === undefined) return;
  const keys = path.split('.');
  let at = target;
  for (const key of keys.slice(0, -1)) {
    const next = (at[key] ??= {}) as Record<string, unknown>;
    at = next;
  }
  at[keys.at(-1) as string] = value;
}

export const LOGGING_LEVELS = ['debug', 'info', 'warning'] as const;

export const loggingLevelOf = (value: unknown): CommonSettings['loggingLevel'] =>
  typeof value === 'string' ? (value.toUpperCase() as CommonSettings['loggingLevel']) : 'INFO';

export const LOGGING_NOTE = 'accepted; the simulator writes the same logs at every level';

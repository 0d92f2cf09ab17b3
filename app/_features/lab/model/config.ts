// From the lab's raw settings to what the engine takes: a (possibly invalid)
// ParallelRunConfig and a ComputeSpec. Validation is the engine's own, so the
// messages beside the controls are exactly what the simulator would reject.
import type { ComputeSpec, CostTimeModel, ConfigProblem, Dataset, LooseParallelRunConfig } from '@/engine/index';
import { parseDialectConfig } from '@/engine/dialects/parse';
import { parseParallelRunConfig, validateSimulation, type ParsedConfig } from '@/engine/parallel-run/parse-config';
import { LAB_WORKLOAD, MAX_NODES, SDK_FIELDS, type DatasetKind, type LabSettings, type SdkField } from './settings';

import { NUMBER, parseRaw } from './config-values';
import { slotOf, toDialectConfig } from './sdk';

export { parseRaw };

/**
 * mini_batch_size is a file count for a file dataset but a size (number of
 * bytes or a string such as "1MB") for tabular data. Tabular text is passed as
 * text, as a learner would write it in Python.
 */
function parseMiniBatchSize(raw: string, kind: DatasetKind): number | string | undefined {
  const text = raw.trim();
  if (text === '') return undefined;
  if (kind === 'file') return NUMBER.test(text) ? Number(text) : text;
  return text;
}

/** Only the keys that are set, so the engine applies its defaults to the rest. */
export function toLooseConfig(settings: LabSettings): LooseParallelRunConfig {
  const config: LooseParallelRunConfig = {};
  for (const field of SDK_FIELDS) {
    const value =
      field === 'mini_batch_size'
        ? parseMiniBatchSize(settings.mini_batch_size, settings.dataset)
        : field === 'output_action' || field === 'append_row_file_name'
          ? settings[field] === '' ? undefined : settings[field]
          : parseRaw(settings[field]);
    if (value !== undefined) config[field] = value;
  }
  return config;
}

/**
 * The one typed seam from the lab's settings to the engine: the
 * ParallelRunConfig the engine runs, or the engine's own problems with them.
 */
export function toEngineConfig(settings: LabSettings, dataset: Dataset): ParsedConfig {
  return parseParallelRunConfig(toLooseConfig(settings), dataset, toComputeSpec(settings));
}

/**
 * The cluster: its size, its priority, the max_nodes the SDK checks node_count
 * against, and the lab's workload (a preset's own time model goes on top).
 */
export function toComputeSpec(settings: LabSettings, model?: Partial<CostTimeModel>): ComputeSpec {
  return {
    vmSize: settings.vm_size,
    priority: settings.low_priority ? 'lowpriority' : 'dedicated',
    maxNodes: MAX_NODES,
    model: { ...LAB_WORKLOAD[settings.dataset], ...model },
  };
}

export type FieldProblems = Partial<Record<SdkField | 'vm_size' | 'general', string[]>>;

/** The engine's problems for these settings, in the chosen dialect's names, grouped by the control they belong to. */
export function validateSettings(settings: LabSettings): FieldProblems {
  // The validator only looks at the dataset's kind, so an empty one is enough here.
  const dataset: Dataset = { kind: settings.dataset, items: [] };
  const compute = toComputeSpec(settings);
  const grouped: FieldProblems = {};
  for (const problem of engineProblems(settings, dataset, compute)) {
    const key = controlOf(settings, problem.field);
    (grouped[key] ??= []).push(problem.message);
  }
  return grouped;
}

function engineProblems(settings: LabSettings, dataset: Dataset, compute: ComputeSpec): ConfigProblem[] {
  if (settings.sdk === 'v1') return validateSimulation(toLooseConfig(settings), dataset, compute);
  const parsed = parseDialectConfig(settings.sdk, toDialectConfig(settings.sdk, settings, settings.dataset), { dataset, compute });
  return parsed.ok ? [] : parsed.problems;
}

function controlOf(settings: LabSettings, field: string): SdkField | 'vm_size' | 'general' {
  if (field === 'vm_size') return 'vm_size';
  if (settings.sdk === 'v1') return (SDK_FIELDS as readonly string[]).includes(field) ? (field as SdkField) : 'general';
  return slotOf(settings.sdk, field) ?? 'general';
}

export const hasProblems = (problems: FieldProblems): boolean => Object.keys(problems).length > 0;

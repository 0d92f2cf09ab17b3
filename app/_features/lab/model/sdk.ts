// The lab in three SDK dialects. Its ten SDK slots (keyed by their v1 names)
// hold the value of the chosen dialect's own setting: under v2 the node_count
// slot is resources.instance_count, the run_max_try slot retry_settings.max_retries,
// and so on. This file knows each slot's name per dialect and writes the
// dialect's config (the YAML's shape) from the slots; the engine does the rest.
import { DIALECTS, isDialect, type Dialect } from '@/engine/dialects/dialect';
import { parseProgramArguments } from '@/engine/dialects/program-arguments';
import { setPath } from '@/engine/dialects/spec';
import { parseRaw } from './config-values';
import type { SdkField } from './settings';

export { DIALECTS as LAB_SDKS, isDialect as isLabSdk, type Dialect as LabSdk };

/** How each slot is called in a dialect; a slot it lacks has no equivalent there. */
export const SDK_FIELD_NAMES: Record<Dialect, Partial<Record<SdkField, string>>> = {
  v1: {
    node_count: 'node_count',
    process_count_per_node: 'process_count_per_node',
    mini_batch_size: 'mini_batch_size',
    error_threshold: 'error_threshold',
    allowed_failed_count: 'allowed_failed_count',
    allowed_failed_percent: 'allowed_failed_percent',
    run_max_try: 'run_max_try',
    run_invocation_timeout: 'run_invocation_timeout',
    output_action: 'output_action',
    append_row_file_name: 'append_row_file_name',
  },
  'v2-parallel': {
    node_count: 'resources.instance_count',
    process_count_per_node: 'max_concurrency_per_instance',
    mini_batch_size: 'mini_batch_size',
    error_threshold: '--error_threshold',
    allowed_failed_count: 'mini_batch_error_threshold',
    allowed_failed_percent: '--allowed_failed_percent',
    run_max_try: 'retry_settings.max_retries',
    run_invocation_timeout: 'retry_settings.timeout',
    output_action: 'task.append_row_to',
  },
  'v2-batch-deployment': {
    node_count: 'resources.instance_count',
    process_count_per_node: 'settings.max_concurrency_per_instance',
    mini_batch_size: 'settings.mini_batch_size',
    error_threshold: 'settings.error_threshold',
    run_max_try: 'settings.retry_settings.max_retries',
    run_invocation_timeout: 'settings.retry_settings.timeout',
    output_action: 'settings.output_action',
    append_row_file_name: 'settings.output_file_name',
  },
};

export const SDK_TITLES: Record<Dialect, string> = {
  v1: 'SDK v1: ParallelRunStep',
  'v2-parallel': 'SDK v2: parallel job',
  'v2-batch-deployment': 'SDK v2: batch endpoint deployment',
};

/** The output a v2 parallel step appends rows to when task.append_row_to is set. */
export const APPEND_ROW_TO = '${{outputs.job_output_file}}';

const UNSET: Record<SdkField, string> = {
  node_count: '',
  process_count_per_node: '',
  mini_batch_size: '',
  error_threshold: '',
  allowed_failed_count: '',
  allowed_failed_percent: '',
  run_max_try: '',
  run_invocation_timeout: '',
  output_action: '',
  append_row_file_name: '',
};

/**
 * A v2 lab opened without settings: two instances, as v1's default cluster,
 * and everything else left to the dialect's own defaults, which are part of
 * the lesson (30 s and 3 tries for a batch deployment, for instance). A
 * parallel job appends rows, as v1's default does; unset would mean summary_only.
 */
export function sdkSlotDefaults(sdk: Exclude<Dialect, 'v1'>, kind: 'tabular' | 'file'): Record<SdkField, string> {
  if (sdk === 'v2-parallel') return { ...UNSET, node_count: '2', mini_batch_size: kind === 'file' ? '10' : '32KB', error_threshold: '100', output_action: 'append_row' };
  return { ...UNSET, node_count: '2' };
}

export const sdkName = (sdk: Dialect, slot: SdkField): string | null => SDK_FIELD_NAMES[sdk][slot] ?? null;

/** The slot a dialect's field (as the engine names it in a problem) belongs to. */
export function slotOf(sdk: Dialect, field: string): SdkField | null {
  if (sdk === 'v2-parallel' && field === 'task.program_arguments') return 'error_threshold';
  const entry = Object.entries(SDK_FIELD_NAMES[sdk]).find(([, name]) => name === field);
  return entry ? (entry[0] as SdkField) : null;
}

type Slots = Readonly<Record<SdkField, string>>;

/** A v2 config in the dialect's own shape, with only the slots that are set (the engine applies the rest's defaults). */
export function toDialectConfig(sdk: Exclude<Dialect, 'v1'>, slots: Slots, kind: 'tabular' | 'file'): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  const args: string[] = [];
  for (const [slot, name] of Object.entries(SDK_FIELD_NAMES[sdk]) as [SdkField, string][]) {
    const raw = slots[slot].trim();
    if (raw === '') continue;
    if (slot === 'output_action') writeOutputAction(sdk, config, raw);
    else if (name.startsWith('--')) args.push(`${name} ${raw}`);
    else setPath(config, name, valueOf(slot, raw, sdk, kind));
  }
  if (args.length > 0) setPath(config, 'task.program_arguments', args.join(' '));
  return config;
}

function writeOutputAction(sdk: Exclude<Dialect, 'v1'>, config: Record<string, unknown>, raw: string): void {
  if (sdk === 'v2-batch-deployment') setPath(config, 'settings.output_action', raw);
  // A parallel job has no output_action: append_row_to set means append_row, unset means summary_only.
  else if (raw.toLowerCase() === 'append_row') setPath(config, 'task.append_row_to', APPEND_ROW_TO);
}

/** Text stays text where the dialect takes text (a size, a file name); numbers become numbers. */
function valueOf(slot: SdkField, raw: string, sdk: Dialect, kind: 'tabular' | 'file'): unknown {
  if (slot === 'append_row_file_name') return raw;
  if (slot === 'mini_batch_size' && sdk === 'v2-parallel' && kind === 'tabular') return raw;
  return parseRaw(raw);
}

/** The slots a dialect's config sets, as the lab holds them ('' for the rest). */
export function slotsFromConfig(sdk: Dialect, config: Record<string, unknown>): Record<SdkField, string> {
  const slots = Object.fromEntries(Object.keys(SDK_FIELD_NAMES.v1).map((slot) => [slot, ''])) as Record<SdkField, string>;
  if (sdk === 'v1') {
    for (const slot of Object.keys(slots) as SdkField[]) if (config[slot] !== undefined) slots[slot] = String(config[slot]);
    return slots;
  }
  const text = getPath(config, 'task.program_arguments');
  const args = parseProgramArguments(typeof text === 'string' ? text : '').driver;
  for (const [slot, name] of Object.entries(SDK_FIELD_NAMES[sdk]) as [SdkField, string][]) {
    const value = name.startsWith('--') ? args.get(name) : getPath(config, name);
    if (value !== undefined) slots[slot] = String(value);
  }
  if (sdk === 'v2-parallel') slots.output_action = getPath(config, 'task.append_row_to') === undefined ? 'summary_only' : 'append_row';
  return slots;
}

function getPath(source: Record<string, unknown>, path: string): unknown {
  let at: unknown = source;
  for (const key of path.split('.')) at = at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined;
  return at;
}

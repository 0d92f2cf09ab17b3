// Checks a ParallelRunConfig the way the v1 SDK does when the object is built,
// but collects every problem instead of stopping at the first, so a learner
// sees the whole list at once. `field` is always the config key.
import type { ConfigProblem, Dataset } from '../types';
import { CONFIG_KEYS, type LooseParallelRunConfig } from './defaults';
import { MINI_BATCH_SIZE_PATTERN, parseSize } from './size';

/** Characters the SDK refuses in append_row_file_name. */
export const FORBIDDEN_FILE_NAME_CHARS = '~"#%&*:<>?/\\{|}';

/** Names people reach for that v1 does not have, with what they probably meant. */
const LOOKALIKES: Record<string, string> = {
  retry_count: 'the v1 setting for tries is run_max_try',
  max_retries: 'the v1 setting for tries is run_max_try',
  retry_backoff: 'v1 has no backoff setting at all',
  timeout: 'the v1 setting is run_invocation_timeout',
  instance_count: 'the v1 setting is node_count',
  max_concurrency_per_instance: 'the v1 setting is process_count_per_node',
  mini_batch_error_threshold: 'the v1 setting is allowed_failed_count',
};

type Check = (value: unknown, config: LooseParallelRunConfig, dataset?: Dataset) => string | null;

const show = (value: unknown): string =>
  value === undefined ? 'missing' : typeof value === 'string' ? JSON.stringify(value) : String(value);

const isInt = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value);

/** Range messages name the bound that was broken, not just the rule. */
const intAtLeast =
  (min: number, meaning: string, max?: { value: number; why: string }): Check =>
  (value) => {
    if (!isInt(value)) return `is ${show(value)}; it must be an integer of at least ${min}${meaning}`;
    if (value < min) return `is ${value}; it must be an integer of at least ${min}${meaning}, so ${value} is below the minimum`;
    if (max && value > max.value) return `is ${value}; it must be an integer from ${min} to ${max.value}, so ${value} is above the maximum (${max.why})`;
    return null;
  };

/** Bounds the simulator needs to finish in a browser; Azure itself sets none this low. */
export const SIMULATOR_MAX_NODES = 1_000;
export const SIMULATOR_MAX_PROCESSES_PER_NODE = 16;

const optional =
  (check: Check): Check =>
  (value, config, dataset) =>
    value === undefined || value === null ? null : check(value, config, dataset);

const CHECKS: Record<(typeof CONFIG_KEYS)[number], Check> = {
  error_threshold: (value) =>
    value === undefined
      ? 'is required (there is no default in v1): give the number of failed items to tolerate, or -1 to ignore failures'
      : intAtLeast(-1, ' (-1 ignores every failed item)')(value, {}),
  output_action: (value) => {
    if (value === undefined) return "is required (there is no default in v1): use 'append_row' or 'summary_only'";
    const ok = typeof value === 'string' && ['append_row', 'summary_only'].includes(value.toLowerCase());
    return ok ? null : `is ${show(value)}; it must be 'append_row' or 'summary_only' (case does not matter)`;
  },
  node_count: (value) =>
    value === undefined
      ? 'is required: the number of nodes to run on, at least 1'
      : intAtLeast(1, ' node', { value: SIMULATOR_MAX_NODES, why: "this simulator's limit" })(value, {}),
  process_count_per_node: optional(
    intAtLeast(1, ' process', { value: SIMULATOR_MAX_PROCESSES_PER_NODE, why: "this simulator's limit per node, the most cores of any VM size it offers; Azure sets none" }),
  ),
  allowed_failed_count: optional(intAtLeast(-1, ' (-1 ignores every failed mini-batch)')),
  allowed_failed_percent: optional((value) =>
    typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100
      ? null
      : `is ${show(value)}; it must be a number from 0 to 100 (100 ignores every failed mini-batch)`,
  ),
  run_invocation_timeout: optional((value) =>
    typeof value === 'number' && Number.isFinite(value) && value > 0
      ? null
      : `is ${show(value)}; it must be a number of seconds greater than 0 (default 60)`,
  ),
  run_max_try: optional(intAtLeast(1, ' try (default 3)')),
  append_row_file_name: optional((value, config) => {
    const action = typeof config.output_action === 'string' ? config.output_action.toLowerCase() : '';
    if (action === 'summary_only') return null; // the SDK only checks it for append_row
    if (typeof value !== 'string' || value.length === 0) return `is ${show(value)}; it must be a non-empty file name`;
    const bad = [...value].filter((ch) => FORBIDDEN_FILE_NAME_CHARS.includes(ch));
    return bad.length === 0
      ? null
      : `is ${show(value)}; a valid UNIX file name may not contain ${[...new Set(bad)].join(' ')} (forbidden: ${FORBIDDEN_FILE_NAME_CHARS})`;
  }),
  mini_batch_size: optional((value, _, dataset) => {
    if (dataset?.kind === 'file') {
      return isInt(value) && value >= 1
        ? null
        : `is ${show(value)}; for a file dataset it must be a whole number of files, at least 1 (default 10)`;
    }
    if (parseSize(value) !== null) return null;
    const hint =
      typeof value === 'string' && MINI_BATCH_SIZE_PATTERN.test(value) ? ' with a single unit' : '';
    return `is ${show(value)}; it must be a positive whole number of bytes or a string like "1024", "64KB", "1MB" or "1GB"${hint} (pattern ${MINI_BATCH_SIZE_PATTERN.source}; default 1MB for tabular data)`;
  }),
};

/** Every problem with the config; an empty list means it is valid. */
export function validateParallelRunConfig(config: LooseParallelRunConfig | object, dataset?: Dataset): ConfigProblem[] {
  const loose = config as LooseParallelRunConfig;
  const problems: ConfigProblem[] = [];
  for (const field of CONFIG_KEYS) {
    const issue = CHECKS[field](loose[field], loose, dataset);
    if (issue !== null) problems.push({ field, message: `${field} ${issue}` });
  }
  for (const field of Object.keys(loose)) {
    if ((CONFIG_KEYS as readonly string[]).includes(field)) continue;
    const hint = LOOKALIKES[field];
    const message = `${field} is not a ParallelRunConfig parameter${hint ? `; ${hint}` : ''}`;
    problems.push({ field, message });
  }
  return problems;
}

/** One readable line per problem, for error messages and logs. */
export function describeProblems(problems: ConfigProblem[]): string {
  return problems.map((p) => `- ${p.field}: ${p.message}`).join('\n');
}

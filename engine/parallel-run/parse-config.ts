// The config checks and the typed seam on their own, without the simulator:
// the lab's main thread validates settings as the learner types with exactly
// the engine's rules, and imports this file (light: compute, defaults, size)
// rather than the engine barrel, whose simulator, datasets and luxon only the
// worker needs. simulate.ts re-exports both functions.
import type { ConfigProblem, Dataset, ParallelRunConfig } from '../types';
import { VM_SIZES, type ComputeSpec } from './compute';
import type { LooseParallelRunConfig } from './defaults';
import { describeProblems, validateParallelRunConfig } from './validate-config';

/** Config problems plus the compute checks the SDK makes (known VM size, node_count ≤ max_nodes). */
export function validateSimulation(config: ParallelRunConfig | LooseParallelRunConfig, dataset: Dataset, compute?: ComputeSpec): ConfigProblem[] {
  const problems = validateParallelRunConfig(config, dataset);
  const vmSize = compute?.vmSize;
  if (vmSize !== undefined && !VM_SIZES[vmSize]) {
    problems.push({ field: 'vm_size', message: `vm_size ${JSON.stringify(vmSize)} is not in the catalogue; use one of ${Object.keys(VM_SIZES).join(', ')}` });
  }
  const maxNodes = compute?.maxNodes;
  if (maxNodes !== undefined && typeof config.node_count === 'number' && config.node_count > maxNodes) {
    problems.push({ field: 'node_count', message: `node_count is ${config.node_count}; it must be between 1 and the cluster's max_nodes ${maxNodes}` });
  }
  return problems;
}

export type ParsedConfig = { ok: true; config: ParallelRunConfig } | { ok: false; problems: ConfigProblem[]; message: string };

/**
 * The typed seam between a loose config (a form, a URL, JSON) and the engine:
 * a ParallelRunConfig comes out only when validation found no problem.
 */
export function parseParallelRunConfig(loose: LooseParallelRunConfig, dataset: Dataset, compute?: ComputeSpec): ParsedConfig {
  const problems = validateSimulation(loose, dataset, compute);
  if (problems.length > 0) return { ok: false, problems, message: invalidConfigMessage(problems) };
  // Every key was checked just above, so the loose object has the typed shape.
  return { ok: true, config: loose as ParallelRunConfig };
}

export function invalidConfigMessage(problems: ConfigProblem[]): string {
  return `Invalid ParallelRunConfig (${problems.length} problem${problems.length > 1 ? 's' : ''}):\n${describeProblems(problems)}`;
}

// simulateParallelRun: validate the config, plan mini-batches, run the job in
// virtual time and assemble a plain-data result.
import type { Dataset, MiniBatch, MiniBatchResult, ParallelRunConfig, RunCounts } from '../types';
import { createRandom } from '../random';
import { costUsd, defaultProcessCountPerNode, resolveCompute, type ResolvedCompute } from './compute';
import { DEFAULT_APPEND_ROW_FILE_NAME, DEFAULT_RUN_INVOCATION_TIMEOUT, DEFAULT_RUN_MAX_TRY } from './defaults';
import { createFaultInjector } from './faults';
import { MINI_BATCH_STATUS, ParallelRunJob } from './job';
import { outputFile } from './output';
import { miniBatchLength } from './partition';
import { countOutcomes, describeMiniBatches, plural } from './outcome';
import { effectiveMiniBatchSize, partitionDataset, type Partition } from './partition';
import { partitionByFiles } from './partition-files';
import { V1_RULES, type CoreRules } from './rules';
import type { FailureCause, NodeTimeline, ParallelRunSimulation, ResolvedRunSettings, SimulateOptions } from './sim-types';
import { invalidConfigMessage, validateSimulation } from './parse-config';

export { validateSimulation, parseParallelRunConfig, type ParsedConfig } from './parse-config';

export const DEFAULT_SEED = 1;

export function resolveRunSettings(config: ParallelRunConfig, dataset: Dataset, compute: ResolvedCompute, rules: CoreRules = V1_RULES): ResolvedRunSettings {
  const byFiles = rules.distribution === 'files' || dataset.kind === 'file';
  return {
    vmSize: compute.vm.name,
    priority: compute.priority,
    nodeCount: config.node_count,
    processCountPerNode: config.process_count_per_node ?? defaultProcessCountPerNode(compute.vm),
    miniBatchSize: effectiveMiniBatchSize(byFiles ? 'file' : 'tabular', config.mini_batch_size),
    miniBatchSizeUnit: byFiles ? 'files' : 'bytes',
    runInvocationTimeout: config.run_invocation_timeout ?? DEFAULT_RUN_INVOCATION_TIMEOUT,
    runMaxTry: config.run_max_try ?? DEFAULT_RUN_MAX_TRY,
    outputAction: config.output_action.toLowerCase() as ResolvedRunSettings['outputAction'],
    appendRowFileName: config.append_row_file_name ?? DEFAULT_APPEND_ROW_FILE_NAME,
    errorThreshold: config.error_threshold,
    allowedFailedCount: config.allowed_failed_count ?? null,
    allowedFailedPercent: config.allowed_failed_percent ?? null,
    pricePerHour: compute.pricePerHour,
  };
}

/**
 * Runs a ParallelRunStep job in virtual time. Rejects with an Error listing
 * every config problem when the config is invalid. The same options and seed
 * always give a deep-equal result.
 */
export async function simulateParallelRun(options: SimulateOptions): Promise<ParallelRunSimulation> {
  return simulateWithRules({ ...options, rules: V1_RULES, existingOutputs: [] });
}

/** What the dialects add to a run: the core's switches, and the files already in the output location. */
export interface CoreRunOptions extends SimulateOptions {
  rules: CoreRules;
  existingOutputs: readonly string[];
}

/** The one core behind every dialect; simulateParallelRun is this with v1's rules. */
export async function simulateWithRules(options: CoreRunOptions): Promise<ParallelRunSimulation> {
  const { dataset, config, entryScript, faults, rules } = options;
  const problems = validateSimulation(config, dataset, options.compute);
  if (problems.length > 0) {
    throw new Error(invalidConfigMessage(problems));
  }
  const compute = resolveCompute(options.compute);
  const settings = resolveRunSettings(config, dataset, compute, rules);
  const { batches, bytes, files } = partitionFor(dataset, settings.miniBatchSize, rules);
  const rng = createRandom(options.seed ?? DEFAULT_SEED);
  const injector = createFaultInjector(faults, batches, rng.fork('faults'));
  const job = new ParallelRunJob({ batches, bytes, settings, compute, entryScript, faults: injector, rng: rng.fork('nodes'), rules, filesPerBatch: files });
  await job.run();
  if (keepsExistingOutput(job, settings, options)) job.failOnExistingOutput(settings.appendRowFileName);
  return assembleResult(job, batches, settings, compute);
}

function partitionFor(dataset: Dataset, size: number, rules: CoreRules): Partition & { files: Int32Array | null } {
  if (rules.distribution === 'files') return partitionByFiles(dataset, size);
  return { ...partitionDataset(dataset, size), files: null };
}

/** Batch endpoints never overwrite an output file that is already there; the job cannot deliver its results. */
function keepsExistingOutput(job: ParallelRunJob, settings: ResolvedRunSettings, options: CoreRunOptions): boolean {
  if (job.failure || options.rules.existingOutput !== 'keep_and_fail' || settings.outputAction !== 'append_row') return false;
  return options.existingOutputs.includes(settings.appendRowFileName);
}

function assembleResult(
  job: ParallelRunJob,
  batches: MiniBatch[],
  settings: ResolvedRunSettings,
  compute: ResolvedCompute,
): ParallelRunSimulation {
  const end = job.now;
  const counts: RunCounts = {
    items: 0, itemsSucceeded: 0, itemsFailed: 0, itemsNotRun: 0,
    miniBatches: batches.length, miniBatchesSucceeded: 0, miniBatchesFailed: 0, miniBatchesNotRun: 0,
  };
  const miniBatches: MiniBatchResult[] = new Array<MiniBatchResult>(batches.length);
  let firstItem = 0;
  for (const batch of batches) {
    const id = batch.id;
    const size = miniBatchLength(batch);
    const status = MINI_BATCH_STATUS[job.status[id] as number] ?? 'not_run';
    counts.items += size;
    if (status === 'not_run') {
      counts.itemsNotRun += size;
      counts.miniBatchesNotRun++;
    } else {
      counts.itemsSucceeded += job.itemsSucceeded[id] as number;
      counts.itemsFailed += job.itemsFailed[id] as number;
      if (status === 'succeeded') counts.miniBatchesSucceeded++;
      else counts.miniBatchesFailed++;
    }
    // Mini-batches are consecutive runs of the input, so a range names their items.
    miniBatches[id] = {
      id,
      firstItem,
      itemCount: size,
      status,
      attempts: job.attempts[id] ?? [],
      // Both stay 0 for a mini-batch that never finished.
      itemsSucceeded: job.itemsSucceeded[id] as number,
      itemsFailed: job.itemsFailed[id] as number,
    };
    firstItem += size;
  }
  const nodes: NodeTimeline[] = job.nodes.map((n) => {
    const timeline: NodeTimeline = {
      node: n.index,
      requestedAt: n.requestedAt,
      readyAt: n.readyAt,
      endedAt: n.endedAt ?? end,
      preempted: n.preempted,
      initFailures: n.initFailures,
    };
    if (n.replacedBy !== undefined) timeline.replacedBy = n.replacedBy;
    return timeline;
  });
  const nodeSeconds = nodes.reduce((sum, n) => sum + (n.endedAt - n.requestedAt), 0);
  const status = job.failure ? 'Failed' : 'Completed';
  const cost = costUsd(compute, nodeSeconds);
  const output = settings.outputAction === 'append_row' ? appendRowOutput(job, settings.appendRowFileName) : null;
  if (output && !output.partial) job.log.progressLine(end, `Concatenating the append_row output: ${plural(output.lineCount, 'line')} in ${output.fileName}.`);
  const logs = job.log.finish({
    status,
    failureReason: job.failureReason,
    endTime: end,
    lines: [
      `Items: ${counts.items} total, ${counts.itemsSucceeded} succeeded, ${counts.itemsFailed} failed, ${counts.itemsNotRun} not run`,
      `Mini-batches: ${describeMiniBatches(counts, countOutcomes(miniBatches))}`,
      `Virtual duration: ${end.toFixed(3)} s (node start-up included)`,
      `Node time: ${nodeSeconds.toFixed(1)} node-seconds on ${settings.priority} ${settings.vmSize}; illustrative cost $${cost.toFixed(4)}`,
      outputLine(output, settings.outputAction, job.failure),
    ],
  });
  const result: ParallelRunSimulation = {
    status,
    counts,
    miniBatches,
    output,
    logs,
    durationSeconds: end,
    costUsd: cost,
    settings,
    nodes,
    preemptions: job.preemptions,
  };
  if (job.failure) result.failure = job.failure;
  if (job.failure && job.failureReason !== undefined) result.failureReason = job.failureReason;
  return result;
}

/**
 * Azure generates the append_row file when the job completes (facts §2). A
 * failed job never gets there; the lines of the mini-batches that finished
 * before it stopped are kept, flagged partial, so the lab can show them as
 * what they are: this simulator's choice, not a file Azure documents.
 */
function appendRowOutput(job: ParallelRunJob, fileName: string): NonNullable<ParallelRunSimulation['output']> {
  return outputFile(fileName, job.outputParts, job.failure !== undefined);
}

function outputLine(output: ParallelRunSimulation['output'], action: ResolvedRunSettings['outputAction'], failure: FailureCause | undefined): string {
  if (!output) return action === 'summary_only' ? 'Output: summary_only, no output file' : 'Output: none';
  if (failure?.kind === 'system' && failure.rule === 'output_exists') {
    return `Output: ${output.fileName} was already there and is left as it was; the ${plural(output.lineCount, 'new line')} were not written`;
  }
  if (output.partial) return `Output: the job failed, so ${output.fileName} was not generated (the simulator keeps ${plural(output.lineCount, 'line')} from mini-batches that finished first)`;
  return `Output: ${plural(output.lineCount, 'line')} appended to ${output.fileName}`;
}

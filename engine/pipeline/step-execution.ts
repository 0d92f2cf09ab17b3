// Executing one step that could not be reused: resolve its inputs, run its
// script (or the ParallelRunStep engine) and turn the work into virtual time
// and cost. The scheduler decides when; this decides what happens and for how long.
import { hashString, createRandom } from '../random';
import { DEFAULT_COST_TIME_MODEL, VM_SIZES, type VmSize } from '../parallel-run/compute';
import type { ParallelRunSimulation } from '../parallel-run/sim-types';
import { parseDatastoreRef, readDatastoreDataset } from './datastore';
import type { Acquired } from './cluster-pool';
import { runParallelStep } from './parallel-step';
import { runPythonScript, type PendingWrite, type ScriptInput } from './python-scripts';
import type { Artifact, ComputeCluster, Environment, PipelineStep, Workspace } from './types';
import { resolveModelVersion } from './workspace';

/** Illustrative seconds for a python_script job to get going on a ready node: image, mounts, interpreter. */
export const PYTHON_JOB_PREP_SECONDS = 20;

export interface ExecutionInput {
  ws: Workspace;
  step: PipelineStep;
  cluster: ComputeCluster;
  environment: Environment | undefined;
  /** Input name → artifact, for inputs produced by upstream steps. */
  upstream: Map<string, Artifact>;
  nodes: Acquired;
  runId: string;
  seed: number;
}

export interface Execution {
  /** Seconds from leaving the queue to the end, start-up included. */
  duration: number;
  /** Seconds of node start-up at the beginning of `duration`. */
  startup: number;
  costUsd: number;
  /** Artifacts in the order of step.outputs (only when it succeeded). */
  produced: Artifact[];
  writes: PendingWrite[];
  logs: string[];
  error?: string;
  parallelRun?: ParallelRunSimulation;
  warmStartSavedSeconds?: number;
}

const vmOf = (cluster: ComputeCluster): VmSize => VM_SIZES[cluster.vm_size]!;

export function pricePerSecond(cluster: ComputeCluster): number {
  const vm = vmOf(cluster);
  return (cluster.tier === 'low_priority' ? vm.pricePerHourLowPriority : vm.pricePerHourDedicated) / 3600;
}

/** Inputs as artifacts; a datastore the identity cannot read raises an authorization error. */
function resolveInputs(input: ExecutionInput): { inputs: ScriptInput[]; error?: string } {
  const inputs: ScriptInput[] = [];
  for (const name of input.step.inputs) {
    const upstream = input.upstream.get(name);
    if (upstream) {
      inputs.push({ name, artifact: upstream });
      continue;
    }
    const ref = parseDatastoreRef(name);
    const store = input.ws.datastores[ref.datastore];
    if (!store) return { inputs, error: `UserErrorException: datastore ${ref.datastore} not found` };
    if (!store.can_read) {
      return { inputs, error: `AuthorizationPermissionMismatch: the compute identity is not allowed to read blobs in ${ref.datastore} (${ref.path || '/'})` };
    }
    const { dataset, bytes } = readDatastoreDataset(store, ref.path);
    inputs.push({ name, artifact: { kind: 'dataset', dataset, bytes } });
  }
  return { inputs };
}

/** Problems a python_script meets before its own code runs: imports and the model it loads. */
function pythonPreflight(input: ExecutionInput): string | undefined {
  const { step, environment, ws, cluster } = input;
  const missing = (step.imports ?? []).filter((pkg) => !environment?.packages.includes(pkg.toLowerCase()));
  if (missing.length > 0) return `ModuleNotFoundError: No module named '${missing[0]}'`;
  if (!step.model) return undefined;
  const version = resolveModelVersion(ws, step.model.name, step.model.version);
  if (!version) return `ModelNotFoundException: model ${step.model.name} version ${String(step.model.version)} is not registered`;
  if (version.requires_gpu && !vmOf(cluster).gpu) return `RuntimeError: model ${step.model.name}:${version.version} needs CUDA, but ${cluster.vm_size} has no GPU`;
  return undefined;
}

function coldStartSeconds(input: ExecutionInput): number {
  if (input.nodes.cold === 0) return 0;
  const rng = createRandom(hashString(`${input.seed}|${input.step.name}|startup`));
  const jitter = 1 + DEFAULT_COST_TIME_MODEL.startupJitter * (2 * rng.next() - 1);
  return Math.round(vmOf(input.cluster).startupSeconds * jitter);
}

async function executePython(input: ExecutionInput): Promise<Execution> {
  const startup = coldStartSeconds(input);
  const logs: string[] = [];
  const finish = (seconds: number, rest: Partial<Execution>): Execution => {
    const duration = startup + PYTHON_JOB_PREP_SECONDS + seconds;
    return { duration, startup, costUsd: duration * pricePerSecond(input.cluster), produced: [], writes: [], logs, ...rest };
  };
  const resolved = resolveInputs(input);
  if (resolved.error) return finish(0, { error: resolved.error });
  const preflight = pythonPreflight(input);
  if (preflight) return finish(1, { error: preflight });
  const outcome = runPythonScript({ step: input.step, inputs: resolved.inputs, runId: input.runId, ws: input.ws, log: (l) => logs.push(l) });
  // ±10 % so identical stand-in steps do not end in lockstep; seeded per step.
  const jitter = 0.9 + 0.2 * createRandom(hashString(`${input.seed}|${input.step.name}|work`)).next();
  if (outcome.error !== undefined) return finish(outcome.seconds * jitter, { error: outcome.error });
  return finish(outcome.seconds * jitter, { produced: outcome.produced, writes: outcome.writes });
}

/** Start-up the simulated job spent before its first node was ready. */
function firstReadyAt(sim: ParallelRunSimulation): number {
  const ready = sim.nodes.filter((n) => n.requestedAt === 0 && n.readyAt !== null).map((n) => n.readyAt!);
  return ready.length > 0 ? Math.min(...ready) : 0;
}

async function executeParallel(input: ExecutionInput): Promise<Execution> {
  const resolved = resolveInputs(input);
  const nodeCount = input.nodes.cold + input.nodes.warm;
  if (resolved.error) {
    const duration = PYTHON_JOB_PREP_SECONDS;
    return { duration, startup: 0, costUsd: duration * nodeCount * pricePerSecond(input.cluster), produced: [], writes: [], logs: [], error: resolved.error };
  }
  const seed = hashString(`${input.seed}|${input.step.name}|prs`);
  const outcome = await runParallelStep(input.ws, input.step, input.cluster, input.environment, resolved.inputs, seed);
  const sim = outcome.simulation;
  if (!sim) return { duration: 0, startup: 0, costUsd: 0, produced: [], writes: [], logs: [], error: outcome.error ?? 'the job did not start' };
  // The engine starts every node from cold; on a fully warm cluster that start-up never happens.
  const saved = input.nodes.cold === 0 ? Math.min(firstReadyAt(sim), sim.durationSeconds) : 0;
  const execution: Execution = {
    duration: sim.durationSeconds - saved,
    startup: firstReadyAt(sim) - saved,
    costUsd: Math.max(0, sim.costUsd - saved * nodeCount * pricePerSecond(input.cluster)),
    produced: outcome.error ? [] : [{ kind: 'scores', rows: outcome.scores }],
    writes: [],
    logs: [`ParallelRunStep ${sim.status}: ${sim.counts.itemsSucceeded} of ${sim.counts.items} items scored in ${sim.counts.miniBatches} mini-batches`],
    parallelRun: sim,
    ...(saved > 0 && { warmStartSavedSeconds: saved }),
  };
  if (outcome.error) execution.error = outcome.error;
  return execution;
}

export function executeStep(input: ExecutionInput): Promise<Execution> {
  return input.step.type === 'parallel_run' ? executeParallel(input) : executePython(input);
}

/** Node count a step holds while it runs. */
export function nodesNeeded(step: PipelineStep): number {
  const n = step.type === 'parallel_run' ? step.parallel_run_config?.node_count : 1;
  return typeof n === 'number' && n >= 1 ? n : 1;
}

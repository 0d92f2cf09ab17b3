// Engine overhead per mini-batch: 100,000 one-row mini-batches through
// simulateParallelRun with an entry script that does nothing, so almost all
// the measured time is the simulator's own bookkeeping (queue, events,
// attempts, CSV log, result assembly).
//
// Then the same job in each v2 dialect through simulateDialectJob, with the
// settings whose defaults differ from v1 (processes, output) stated so the
// work is the same. Those runs are interleaved with fresh v1 runs, each after
// a full GC, and the ratio to v1 compares this process's CPU time: on a
// shared machine, other work and the previous run's garbage inflate wall
// time far more than the dialects differ.
import { performance } from 'node:perf_hooks';
import {
  simulateDialectJob,
  simulateParallelRun,
  type DataItem,
  type Dialect,
  type EntryScriptFactory,
  type ParallelRunConfig,
  type ParallelRunSimulation,
} from '../../engine/index';

const MINI_BATCHES = 100_000;
const PROCESSES = 4; // v1's default on the default Standard_DS3_v2 (one per core)

const items: DataItem[] = Array.from({ length: MINI_BATCHES }, (_, i) => ({ id: `f${i}`, bytes: 2048, value: i }));
const trivial: EntryScriptFactory = () => ({ run: (batch) => batch });
type Action = 'summary_only' | 'append_row';

const v1Config = (action: Action): ParallelRunConfig => ({ mini_batch_size: 1, error_threshold: -1, output_action: action, node_count: 2 });

/** The v1 job's settings in each v2 dialect's own shape. */
function configOf(dialect: Exclude<Dialect, 'v1'>, action: Action): unknown {
  if (dialect === 'v2-parallel') {
    return { mini_batch_size: 1, resources: { instance_count: 2 }, ...(action === 'append_row' && { task: { append_row_to: '${{outputs.scores}}' } }) };
  }
  return { resources: { instance_count: 2 }, settings: { mini_batch_size: 1, max_concurrency_per_instance: PROCESSES, output_action: action } };
}

async function simulate(dialect: Dialect, action: Action): Promise<ParallelRunSimulation> {
  const dataset = { kind: 'file' as const, items };
  if (dialect === 'v1') return simulateParallelRun({ dataset, config: v1Config(action), entryScript: trivial, seed: 7 });
  return simulateDialectJob({ dialect, config: configOf(dialect, action), dataset, entryScript: trivial, seed: 7 });
}

const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

async function once(dialect: Dialect, action: Action): Promise<{ wall: number; cpu: number }> {
  const cpu = cpuMs();
  const started = performance.now();
  const result = await simulate(dialect, action);
  const elapsed = { wall: performance.now() - started, cpu: cpuMs() - cpu };
  if (result.counts.miniBatches !== MINI_BATCHES || result.counts.itemsSucceeded !== MINI_BATCHES) {
    throw new Error(`unexpected ${dialect} result: ${JSON.stringify(result.counts)}`);
  }
  return elapsed;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const perBatch = (ms: number): string => ((ms * 1000) / MINI_BATCHES).toFixed(2);
const collect = (): void => (globalThis as { gc?: () => void }).gc?.();

// v1, measured as it always has been.
await once('v1', 'summary_only'); // warm-up: JIT and lazy module loading
const runs = [await once('v1', 'summary_only'), await once('v1', 'summary_only'), await once('v1', 'summary_only')];
console.log(`BENCH engine_overhead_per_minibatch ${perBatch(median(runs.map((r) => r.wall)))} us`);
const appendRow = await once('v1', 'append_row');
console.log(`BENCH engine_overhead_per_minibatch_append_row ${perBatch(appendRow.wall)} us`);

// The v2 dialects, interleaved with v1.
const DIALECT_KEYS = { 'v2-parallel': 'v2_parallel', 'v2-batch-deployment': 'v2_batch_deployment' } as const;
const paired: Record<Dialect, { wall: number; cpu: number }[]> = { v1: [], 'v2-parallel': [], 'v2-batch-deployment': [] };
await once('v2-parallel', 'summary_only'); // warm-up of the dialect layer
await once('v2-batch-deployment', 'summary_only');
for (let k = 0; k < 5; k++) {
  for (const dialect of Object.keys(paired) as Dialect[]) {
    collect();
    paired[dialect].push(await once(dialect, 'summary_only'));
  }
}
const v1Cpu = median(paired.v1.map((r) => r.cpu));
// v1 again under the same conditions as the v2 runs (a GC before each), the figure the v2 lines compare with.
console.log(`BENCH engine_overhead_per_minibatch_v1_paired ${perBatch(median(paired.v1.map((r) => r.wall)))} us`);
for (const dialect of ['v2-parallel', 'v2-batch-deployment'] as const) {
  const key = DIALECT_KEYS[dialect];
  console.log(`BENCH engine_overhead_per_minibatch_${key} ${perBatch(median(paired[dialect].map((r) => r.wall)))} us`);
  collect();
  console.log(`BENCH engine_overhead_per_minibatch_append_row_${key} ${perBatch((await once(dialect, 'append_row')).wall)} us`);
  console.log(`BENCH engine_overhead_${key}_to_v1_ratio ${(median(paired[dialect].map((r) => r.cpu)) / v1Cpu).toFixed(3)} ratio`);
}

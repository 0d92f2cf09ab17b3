// Engine overhead per mini-batch: 100,000 one-row mini-batches through
// simulateParallelRun with an entry script that does nothing, so almost all
// the measured time is the simulator's own bookkeeping (queue, events,
// attempts, CSV log, result assembly). The same job is then run in each v2
// dialect through simulateDialectJob, with the settings that differ by
// default (processes, output) stated so that the work is the same as v1's.
import { performance } from 'node:perf_hooks';
import { simulateDialectJob, simulateParallelRun, type DataItem, type Dialect, type EntryScriptFactory, type ParallelRunConfig, type ParallelRunSimulation } from '../../engine/index';

const MINI_BATCHES = 100_000;
const PROCESSES = 4; // v1's default on the default Standard_DS3_v2 (one per core)

const items: DataItem[] = Array.from({ length: MINI_BATCHES }, (_, i) => ({ id: `f${i}`, bytes: 2048, value: i }));
const trivial: EntryScriptFactory = () => ({ run: (batch) => batch });
type Action = 'summary_only' | 'append_row';

const v1Config = (action: Action): ParallelRunConfig => ({ mini_batch_size: 1, error_threshold: -1, output_action: action, node_count: 2 });

/** The v1 job's settings in each dialect's own shape. */
function configOf(dialect: Dialect, action: Action): unknown {
  if (dialect === 'v1') return v1Config(action);
  if (dialect === 'v2-parallel') {
    return { mini_batch_size: 1, resources: { instance_count: 2 }, ...(action === 'append_row' && { task: { append_row_to: '${{outputs.scores}}' } }) };
  }
  return { resources: { instance_count: 2 }, settings: { mini_batch_size: 1, max_concurrency_per_instance: PROCESSES, output_action: action } };
}

async function once(dialect: Dialect, action: Action): Promise<number> {
  const dataset = { kind: 'file' as const, items };
  const started = performance.now();
  const result: ParallelRunSimulation =
    dialect === 'v1'
      ? await simulateParallelRun({ dataset, config: v1Config(action), entryScript: trivial, seed: 7 })
      : await simulateDialectJob({ dialect, config: configOf(dialect, action), dataset, entryScript: trivial, seed: 7 });
  const elapsed = performance.now() - started;
  if (result.counts.miniBatches !== MINI_BATCHES || result.counts.itemsSucceeded !== MINI_BATCHES) {
    throw new Error(`unexpected ${dialect} result: ${JSON.stringify(result.counts)}`);
  }
  return elapsed;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const perBatch = (ms: number): string => ((ms * 1000) / MINI_BATCHES).toFixed(2);
const DIALECT_KEYS = { 'v2-parallel': 'v2_parallel', 'v2-batch-deployment': 'v2_batch_deployment' } as const;

await once('v1', 'summary_only'); // warm-up: JIT and lazy module loading
await once('v2-parallel', 'summary_only');
await once('v2-batch-deployment', 'summary_only');
// Interleaved, so a busy moment on the machine does not land on one dialect only.
const runs: Record<Dialect, number[]> = { v1: [], 'v2-parallel': [], 'v2-batch-deployment': [] };
for (let k = 0; k < 3; k++) for (const dialect of Object.keys(runs) as Dialect[]) runs[dialect].push(await once(dialect, 'summary_only'));
const v1 = median(runs.v1);
console.log(`BENCH engine_overhead_per_minibatch ${perBatch(v1)} us`);
const appendRow = await once('v1', 'append_row');
console.log(`BENCH engine_overhead_per_minibatch_append_row ${perBatch(appendRow)} us`);
for (const dialect of ['v2-parallel', 'v2-batch-deployment'] as const) {
  const key = DIALECT_KEYS[dialect];
  const ms = median(runs[dialect]);
  console.log(`BENCH engine_overhead_per_minibatch_${key} ${perBatch(ms)} us`);
  console.log(`BENCH engine_overhead_per_minibatch_append_row_${key} ${perBatch(await once(dialect, 'append_row'))} us`);
  console.log(`BENCH engine_overhead_${key}_to_v1_ratio ${(ms / v1).toFixed(3)} ratio`);
}

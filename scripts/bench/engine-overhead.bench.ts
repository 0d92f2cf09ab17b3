// Engine overhead per mini-batch: 100,000 one-row mini-batches through
// simulateParallelRun with an entry script that does nothing, so almost all
// the measured time is the simulator's own bookkeeping (queue, events,
// attempts, CSV log, result assembly).
import { performance } from 'node:perf_hooks';
import { simulateParallelRun, type DataItem, type EntryScriptFactory } from '../../engine/index';

const MINI_BATCHES = 100_000;

const items: DataItem[] = Array.from({ length: MINI_BATCHES }, (_, i) => ({ id: `f${i}`, bytes: 2048, value: i }));
const trivial: EntryScriptFactory = () => ({ run: (batch) => batch });

async function once(outputAction: 'summary_only' | 'append_row'): Promise<number> {
  const started = performance.now();
  const result = await simulateParallelRun({
    dataset: { kind: 'file', items },
    config: { mini_batch_size: 1, error_threshold: -1, output_action: outputAction, node_count: 2 },
    entryScript: trivial,
    seed: 7,
  });
  const elapsed = performance.now() - started;
  if (result.counts.miniBatches !== MINI_BATCHES || result.counts.itemsSucceeded !== MINI_BATCHES) {
    throw new Error(`unexpected result: ${JSON.stringify(result.counts)}`);
  }
  return elapsed;
}

await once('summary_only'); // warm-up: JIT and lazy module loading
const runs = [await once('summary_only'), await once('summary_only'), await once('summary_only')].sort((a, b) => a - b);
const median = runs[1] as number;
console.log(`BENCH engine_overhead_per_minibatch ${((median * 1000) / MINI_BATCHES).toFixed(2)} us`);
const appendRow = await once('append_row');
console.log(`BENCH engine_overhead_per_minibatch_append_row ${((appendRow * 1000) / MINI_BATCHES).toFixed(2)} us`);

// The ONNX throughput job of onnx-throughput.bench.ts in each v2 dialect,
// with the settings whose defaults differ from v1 stated, so every dialect
// does v1's work: the same mini-batches, processes and timeout. Not a bench
// of its own (no .bench.ts suffix); onnx-throughput.bench.ts runs it.
import { simulateDialectJob, tableDataset, withRowFiles, type Dataset, type Dialect, type EntryScriptFactory, type MiniBatch } from '../../engine/index';

export interface DialectJob {
  /** The suffix of the BENCH names. */
  key: string;
  dialect: Dialect;
  config: unknown;
  /** The dataset as the dialect reads it to do the same work (called once, after the v1 runs). */
  prepare?: (dataset: Dataset, v1Batches: readonly MiniBatch[]) => Dataset;
}

export const DIALECT_JOBS: readonly DialectJob[] = [
  {
    key: 'v2_parallel',
    dialect: 'v2-parallel',
    // Defaults already as v1's: 1 MB mini-batches, one process per core, 60 s timeout.
    config: { task: { append_row_to: '${{outputs.scores}}' } },
  },
  {
    key: 'v2_batch_deployment',
    dialect: 'v2-batch-deployment',
    config: { settings: { mini_batch_size: 1, max_concurrency_per_instance: 4, retry_settings: { timeout: 60 } } },
    // A batch deployment hands out whole files, so the rows are given the files
    // v1's 1 MB mini-batches would be: one file per mini-batch.
    prepare: (dataset, v1Batches) => {
      const table = dataset.table;
      if (!table) throw new Error('the bench dataset is columnar');
      const starts = Uint32Array.from(v1Batches, (batch) => batch.rows!.start);
      return tableDataset(withRowFiles(table, { starts, prefix: 'part-', width: 5, suffix: '.csv' }));
    },
  },
];

/** One timed run; checks that the job scored every row and wrote the direct script's lines. */
export async function runDialectJob(job: DialectJob, dataset: Dataset, entryScript: EntryScriptFactory, expectedLines: number): Promise<string> {
  const result = await simulateDialectJob({ dialect: job.dialect, config: job.config, dataset, entryScript, seed: 1 });
  const { counts } = result;
  if (counts.items !== dataset.table?.rows || result.output?.lineCount !== expectedLines || result.output.fileName !== 'predictions.csv') {
    throw new Error(`unexpected ${job.dialect} result: ${JSON.stringify(counts)}, ${result.output?.lineCount} lines in ${result.output?.fileName}`);
  }
  return `${job.dialect}: ${result.status}, ${counts.miniBatches} mini-batches, ${result.output.lineCount} lines in ${result.output.fileName}`;
}

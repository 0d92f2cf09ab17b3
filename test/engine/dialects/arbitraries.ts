// fast-check generators of datasets, faults and configs in each dialect's own
// shape, small enough that a run takes milliseconds.
import fc from 'fast-check';
import type { Dialect } from '@/engine/index';
import type { FaultPlan } from '@/engine/parallel-run/index';
import type { DataItem, Dataset } from '@/engine/types';

export interface DialectScenario {
  dialect: Dialect;
  dataset: Dataset;
  config: Record<string, unknown>;
  faults: FaultPlan;
  lowPriority: boolean;
  /** Item values left out of run()'s return (a short return). */
  dropped: number[];
  existingOutputs: string[];
  seed: number;
}

const itemsArb = fc
  .array(fc.record({ bytes: fc.integer({ min: 1, max: 400 }), source: fc.constantFrom('a.csv', 'b.csv', 'c.csv', undefined) }), { maxLength: 40 })
  .map((specs): DataItem[] => specs.map((s, i) => ({ id: `i${i}`, bytes: s.bytes, value: i, ...(s.source ? { source: s.source } : {}) })));

const datasetArb: fc.Arbitrary<Dataset> = fc.record({ kind: fc.constantFrom<'tabular' | 'file'>('tabular', 'file'), items: itemsArb });

const faultsArb: fc.Arbitrary<FaultPlan> = fc.record({
  exceptionRate: fc.constantFrom(0, 0, 0.1, 0.4),
  failingMiniBatches: fc.array(fc.integer({ min: 0, max: 12 }).map((id) => ({ id })), { maxLength: 3 }),
  slowItems: fc.record({ rate: fc.constantFrom(0, 0, 0.1), seconds: fc.constant(30) }),
  initFailure: fc.record({ rate: fc.constantFrom(0, 0, 0, 0.3, 0.9) }),
  preemption: fc.record({ ratePerNodeHour: fc.constantFrom(0, 30, 300), max: fc.constant(5) }),
});

const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

function v1Config(kind: Dataset['kind']) {
  return fc.record({
    mini_batch_size: kind === 'file' ? fc.integer({ min: 1, max: 8 }) : fc.integer({ min: 50, max: 2000 }),
    error_threshold: fc.integer({ min: -1, max: 30 }),
    output_action: fc.constantFrom('append_row', 'summary_only'),
    node_count: fc.integer({ min: 1, max: 3 }),
    process_count_per_node: fc.integer({ min: 1, max: 3 }),
    allowed_failed_count: opt(fc.integer({ min: -1, max: 5 })),
    allowed_failed_percent: opt(fc.integer({ min: 0, max: 100 })),
    run_invocation_timeout: fc.integer({ min: 2, max: 60 }),
    run_max_try: fc.integer({ min: 1, max: 4 }),
    logging_level: opt(fc.constantFrom('DEBUG', 'INFO', 'WARNING')),
  });
}

function v2ParallelConfig(kind: Dataset['kind']) {
  return fc
    .record({
      size: kind === 'file' ? fc.integer({ min: 1, max: 8 }) : fc.oneof(fc.integer({ min: 50, max: 2000 }), fc.integer({ min: 1, max: 2 }).map((k) => `${k} kb`)),
      mbet: opt(fc.integer({ min: -1, max: 5 })),
      instances: opt(fc.integer({ min: 1, max: 3 })),
      concurrency: fc.integer({ min: 1, max: 3 }),
      retries: opt(fc.integer({ min: 1, max: 4 })),
      timeout: fc.integer({ min: 2, max: 60 }),
      append: fc.boolean(),
      errorThreshold: opt(fc.integer({ min: -1, max: 30 })),
      percent: opt(fc.integer({ min: 0, max: 100 })),
    })
    .map((r) => ({
      mini_batch_size: r.size,
      mini_batch_error_threshold: r.mbet,
      resources: { instance_count: r.instances },
      max_concurrency_per_instance: r.concurrency,
      retry_settings: { max_retries: r.retries, timeout: r.timeout },
      task: {
        append_row_to: r.append ? '${{outputs.scores}}' : undefined,
        program_arguments: [r.errorThreshold !== undefined ? `--error_threshold ${r.errorThreshold}` : '', r.percent !== undefined ? `--allowed_failed_percent ${r.percent}` : '', '--model_dir m'].join(' '),
      },
    }));
}

const v2BatchConfig = fc
  .record({
    instances: opt(fc.integer({ min: 1, max: 3 })),
    concurrency: opt(fc.integer({ min: 1, max: 3 })),
    size: opt(fc.integer({ min: 1, max: 4 })),
    errorThreshold: opt(fc.integer({ min: -1, max: 10 })),
    retries: opt(fc.integer({ min: 1, max: 4 })),
    timeout: fc.integer({ min: 2, max: 60 }),
    action: opt(fc.constantFrom('append_row', 'summary_only')),
  })
  .map((r) => ({
    resources: { instance_count: r.instances },
    settings: {
      max_concurrency_per_instance: r.concurrency,
      mini_batch_size: r.size,
      error_threshold: r.errorThreshold,
      retry_settings: { max_retries: r.retries, timeout: r.timeout },
      output_action: r.action,
    },
  }));

function configArb(dialect: Dialect, kind: Dataset['kind']): fc.Arbitrary<Record<string, unknown>> {
  if (dialect === 'v1') return v1Config(kind);
  return dialect === 'v2-parallel' ? v2ParallelConfig(kind) : v2BatchConfig;
}

export function scenarioArb(dialect: Dialect): fc.Arbitrary<DialectScenario> {
  return datasetArb.chain((dataset) =>
    fc.record({
      dialect: fc.constant(dialect),
      dataset: fc.constant(dataset),
      config: configArb(dialect, dataset.kind),
      faults: faultsArb,
      lowPriority: fc.boolean(),
      dropped: fc.array(fc.integer({ min: 0, max: 39 }), { maxLength: 5 }),
      existingOutputs: fc.constantFrom([], ['predictions.csv'], ['parallel_run_step.txt']),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    }),
  );
}

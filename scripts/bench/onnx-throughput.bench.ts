// Scoring throughput of the credit-risk ONNX model on 1,000,000 generated rows.
//
// Three direct baselines, one InferenceSession and no engine:
//  - session only: one session.run over a prebuilt tensor, scores left in the
//    output tensor (the ceiling: no per-row JavaScript at all);
//  - scored rows: the same call, then the entry script's per-row work (drop
//    corrupted rows, build {id, score, label});
//  - output lines (the baseline of the ratio): the scored rows written as the
//    same append_row lines the simulated job produces.
// The simulated run is simulateParallelRun with the ONNX entry script at the
// default 1 MB mini-batch size and output_action append_row. The ratio compares
// it with a direct script that delivers the same thing (the output lines), so
// it measures what the engine adds: mini-batching, one session.run per
// mini-batch, virtual-time scheduling, logs and the result. Rates count all
// 1,000,000 input rows, the ~1.5% corrupted ones included. The v2 dialects
// then run the same job (dialect-jobs.ts) and get the same ratio lines.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  columnarRefOf,
  createOnnxEntryScript,
  CREDIT_RISK_FEATURES,
  formatOutputLine,
  isValidFeatureRow,
  generateCreditRiskDataset,
  loadOrt,
  planMiniBatches,
  simulateParallelRun,
  type ParallelRunConfig,
} from '../../engine/index';
import { DIALECT_JOBS, runDialectJob } from './dialect-jobs';

const ROWS = 1_000_000;
/** The credit-risk model's decision threshold is read by the entry script from the model; the direct path uses the same. */
const THRESHOLD = Number(JSON.parse(readFileSync(join(import.meta.dirname, '../../public/models/credit-risk.json'), 'utf8')).threshold);
const REPEATS = 3;

let peakRss = process.memoryUsage().rss;
const sampleRss = (): void => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
// The timer only fires between synchronous phases, so phases also sample by hand.
const sampler = setInterval(sampleRss, 5);

/** Between repeats, so one run's garbage does not inflate the next run's peak (bench.ts passes --expose-gc). */
const collect = (): void => (globalThis as { gc?: () => void }).gc?.();

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const modelBytes = new Uint8Array(readFileSync(join(import.meta.dirname, '../../public/models/credit-risk.onnx')));

let started = performance.now();
const dataset = generateCreditRiskDataset(ROWS, 20260301);
const generateMs = performance.now() - started;
sampleRss();
const matrix = columnarRefOf(dataset.items[0]!)!.matrix;
const features = matrix.columns.length;

// Direct: one session, one tensor over the whole matrix, one run() per repeat.
const ort = await loadOrt();
const session = await ort.InferenceSession.create(modelBytes);
const tensor = new ort.Tensor('float32', matrix.data, [ROWS, features]);
const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/**
 * The entry script's per-row work after its one call: valid rows only, as
 * {id, score, label}; with `lines`, each row goes straight into its output
 * line, so no row object outlives its iteration (the fastest way to write them).
 */
function scoredRows<T>(scores: Float32Array, emit: (row: { id: string; score: number; label: number }) => T): T[] {
  const rows: T[] = [];
  for (let i = 0; i < ROWS; i++) {
    if (!isValidFeatureRow(matrix.data, i * features, CREDIT_RISK_FEATURES)) continue;
    const score = scores[i]!;
    rows.push(emit({ id: matrix.items[i]!.id, score: round6(score), label: score >= THRESHOLD ? 1 : 0 }));
  }
  return rows;
}

async function timeDirect(finish: (scores: Float32Array) => unknown): Promise<number> {
  const times: number[] = [];
  for (let k = 0; k < REPEATS; k++) {
    collect();
    started = performance.now();
    const out = await session.run({ features: tensor });
    finish(out[session.outputNames[0]!]!.data as Float32Array);
    times.push(performance.now() - started);
    sampleRss();
  }
  return ROWS / (median(times) / 1000);
}

await session.run({ features: tensor }); // warm-up
const sessionOnlyRate = await timeDirect(() => undefined);
const scoredRate = await timeDirect((scores) => scoredRows(scores, (row) => row));
let directLines = 0;
const linesRate = await timeDirect((scores) => (directLines = scoredRows(scores, formatOutputLine).length));

const config: ParallelRunConfig = { output_action: 'append_row', error_threshold: -1, node_count: 1 };

// In between, for attribution: the entry script alone over the same mini-batches, no engine.
const batches = planMiniBatches(dataset, config);
const script = createOnnxEntryScript(modelBytes)();
const machine = { vmSize: 'Standard_DS3_v2', gpu: false, cores: 4, memoryGiB: 14 };
const ctx = { ...machine, node: 0, process: 0, attempt: 1, miniBatchId: 0, spend: () => {}, log: () => {} };
await script.init!(ctx);
const scriptMs: number[] = [];
for (let k = 0; k < REPEATS; k++) {
  collect();
  started = performance.now();
  for (const batch of batches) await script.run(batch.items, { ...ctx, miniBatchId: batch.id });
  scriptMs.push(performance.now() - started);
  sampleRss();
}
const scriptRate = ROWS / (median(scriptMs) / 1000);

// Simulated: the whole job, with the output file's lines built.
const simulatedMs: number[] = [];
let summary = '';
let jobLines = 0;
for (let k = 0; k < REPEATS; k++) {
  collect();
  started = performance.now();
  const result = await simulateParallelRun({
    dataset,
    config,
    entryScript: createOnnxEntryScript(modelBytes),
    seed: 1,
  });
  simulatedMs.push(performance.now() - started);
  sampleRss();
  const { counts } = result;
  if (counts.items !== ROWS || result.output?.lines.length !== counts.itemsSucceeded) {
    throw new Error(`unexpected result: ${JSON.stringify(counts)}`);
  }
  jobLines = result.output.lines.length;
  summary = `${result.status}, ${counts.miniBatches} mini-batches, ${counts.itemsSucceeded} scored, ${counts.itemsFailed} failed (corrupted rows)`;
}
const simulatedRate = ROWS / (median(simulatedMs) / 1000);
sampleRss();
const v1PeakRss = peakRss; // peak_rss_1m_rows stays the figure of the v1 job it always was

// The same job in each v2 dialect (dialect-jobs.ts), after v1's runs so those are measured as before. Each
// dialect run is paired with a v1 run on the same data, and the ratio to v1 compares the CPU time this process
// used (process.cpuUsage), which other work on a shared machine does not inflate the way it does wall time:
// v1's CPU time over the dialect's, i.e. the dialect's rows/s over v1's.
const dialectRates: { key: string; rate: number; toV1: number; summary: string }[] = [];
const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const timedCpu = async (task: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> => {
  collect();
  const wall = performance.now();
  const cpu = cpuMs();
  await task();
  sampleRss();
  return { wall: performance.now() - wall, cpu: cpuMs() - cpu };
};
for (const job of DIALECT_JOBS) {
  job.prepare?.(dataset, batches);
  const times: { wall: number; cpu: number }[] = [];
  const v1Cpu: number[] = [];
  let jobSummary = '';
  for (let k = 0; k < REPEATS; k++) {
    v1Cpu.push((await timedCpu(() => simulateParallelRun({ dataset, config, entryScript: createOnnxEntryScript(modelBytes), seed: 1 }))).cpu);
    times.push(await timedCpu(async () => (jobSummary = await runDialectJob(job, dataset, createOnnxEntryScript(modelBytes), directLines))));
  }
  const wall = median(times.map((t) => t.wall));
  dialectRates.push({ key: job.key, rate: ROWS / (wall / 1000), toV1: median(v1Cpu) / median(times.map((t) => t.cpu)), summary: jobSummary });
}
clearInterval(sampler);
sampleRss();

console.log(`# ${ROWS} rows generated in memory in ${generateMs.toFixed(0)} ms; simulated job: ${summary}`);
if (directLines !== jobLines) throw new Error(`the direct script wrote ${directLines} lines, the job ${jobLines}`);
console.log(`BENCH onnx_direct_session_only_rows_per_s ${Math.round(sessionOnlyRate)} rows/s`);
console.log(`BENCH onnx_direct_scored_rows_per_s ${Math.round(scoredRate)} rows/s`);
console.log(`BENCH onnx_direct_rows_per_s ${Math.round(linesRate)} rows/s`);
console.log(`BENCH onnx_entry_script_only_rows_per_s ${Math.round(scriptRate)} rows/s`);
console.log(`BENCH onnx_simulated_rows_per_s ${Math.round(simulatedRate)} rows/s`);
console.log(`BENCH onnx_sim_to_direct_ratio ${(simulatedRate / linesRate).toFixed(3)} ratio`);
console.log(`BENCH onnx_sim_to_session_only_ratio ${(simulatedRate / sessionOnlyRate).toFixed(4)} ratio`);
for (const { key, rate, toV1, summary: line } of dialectRates) {
  console.log(`# ${line}`);
  console.log(`BENCH onnx_simulated_rows_per_s_${key} ${Math.round(rate)} rows/s`);
  console.log(`BENCH onnx_sim_to_direct_ratio_${key} ${(rate / linesRate).toFixed(3)} ratio`);
  console.log(`BENCH onnx_${key}_to_v1_ratio ${toV1.toFixed(3)} ratio`);
}
console.log(`BENCH peak_rss_1m_rows ${(v1PeakRss / 1024 / 1024).toFixed(0)} MB`);

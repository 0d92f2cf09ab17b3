// Scoring throughput of the credit-risk ONNX model on 1,000,000 generated rows.
//
// The simulated run comes first: simulateParallelRun with the ONNX entry
// script at the default 1 MB mini-batch size and output_action append_row, on
// the columnar dataset (generateCreditRiskDataset). peak_rss_1m_rows is the
// process's peak while the rows are generated and that job runs.
// Then the direct baselines, one InferenceSession and no engine:
//  - session only: one session.run over a prebuilt tensor, scores left in the
//    output tensor (the ceiling: no per-row JavaScript at all);
//  - scored rows: the same call, then a {id, score, label} object per valid row
//    (how results looked before they stayed columnar);
//  - direct (the baseline of onnx_sim_to_direct_ratio): the same call, then the
//    result the job delivers: the valid rows, their scores and labels as typed
//    arrays, from which the append_row lines are formatted when read.
// The ratios compare the simulated run with these, so they measure what the
// engine adds: mini-batching, one session.run per mini-batch, virtual-time
// scheduling, logs and the result. Rates count all 1,000,000 input rows, the
// ~1.5% corrupted ones included. The v2 dialects then run the same job
// (dialect-jobs.ts) and get the same ratio lines. Last, the file is read back
// as its text, in chunks, as a download does (onnx_output_lines_per_s).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  createOnnxEntryScript,
  CREDIT_RISK_FEATURES,
  formatOutputLine,
  isValidFeatureRow,
  generateCreditRiskDataset,
  loadOrt,
  outputChunks,
  outputLines,
  planMiniBatches,
  rowIdOf,
  sharingSessions,
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
const table = dataset.table!;
const features = table.columns.length;
const config: ParallelRunConfig = { output_action: 'append_row', error_threshold: -1, node_count: 1 };
// As in the lab and the pipelines, the simulated processes share one real session (sharingSessions): a session per
// process per run would only measure onnxruntime's session set-up, and its wasm memory never shrinks.
const sharedOrt = sharingSessions(await loadOrt());
const onnxScript = () => createOnnxEntryScript(modelBytes, { ort: sharedOrt });
const runV1 = () => simulateParallelRun({ dataset, config, entryScript: onnxScript(), seed: 1 });

// Simulated: the whole job, its output kept as the results came back.
const simulatedMs: number[] = [];
let summary = '';
// Warm-up: onnxruntime's wasm and the JIT take a few runs to settle.
let result = await runV1();
for (let k = 0; k < 2; k++) result = await runV1();
for (let k = 0; k < REPEATS; k++) {
  collect();
  started = performance.now();
  result = await runV1();
  simulatedMs.push(performance.now() - started);
  sampleRss();
  const { counts } = result;
  if (counts.items !== ROWS || result.output?.lineCount !== counts.itemsSucceeded) throw new Error(`unexpected result: ${JSON.stringify(counts)}`);
  summary = `${result.status}, ${counts.miniBatches} mini-batches, ${counts.itemsSucceeded} scored, ${counts.itemsFailed} failed (corrupted rows)`;
}
const simulatedRate = ROWS / (median(simulatedMs) / 1000);
clearInterval(sampler);
sampleRss();
const v1PeakRss = peakRss; // generation and the v1 job only: the baselines below hold a whole-input tensor

// Direct: one session, one tensor over the whole matrix, one run() per repeat.
const ort = await loadOrt();
const session = await ort.InferenceSession.create(modelBytes);
const tensor = new ort.Tensor('float32', table.data, [ROWS, features]);
const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/** The valid rows' results, as the job keeps them: row numbers, scores and labels in typed arrays. */
function scoredColumns(scores: Float32Array): { rows: Uint32Array; scores: Float32Array; labels: Uint8Array } {
  const rows = new Uint32Array(ROWS);
  let kept = 0;
  for (let i = 0; i < ROWS; i++) if (isValidFeatureRow(table.data, i * features, CREDIT_RISK_FEATURES)) rows[kept++] = i;
  const out = { rows: rows.slice(0, kept), scores: new Float32Array(kept), labels: new Uint8Array(kept) };
  for (let k = 0; k < kept; k++) {
    const score = scores[out.rows[k]!]!;
    out.scores[k] = score;
    out.labels[k] = score >= THRESHOLD ? 1 : 0;
  }
  return out;
}

/** A {id, score, label} object per valid row: the row-object shape results had before. */
function scoredRows(scores: Float32Array): { id: string; score: number; label: number }[] {
  const rows: { id: string; score: number; label: number }[] = [];
  for (let i = 0; i < ROWS; i++) {
    if (!isValidFeatureRow(table.data, i * features, CREDIT_RISK_FEATURES)) continue;
    const score = scores[i]!;
    rows.push({ id: rowIdOf(table.ids, i), score: round6(score), label: score >= THRESHOLD ? 1 : 0 });
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
  }
  return ROWS / (median(times) / 1000);
}

await session.run({ features: tensor }); // warm-up
const sessionOnlyRate = await timeDirect(() => undefined);
const scoredRate = await timeDirect((scores) => scoredRows(scores));
let direct = scoredColumns(new Float32Array(ROWS));
const directRate = await timeDirect((scores) => (direct = scoredColumns(scores)));

// The job's file must be the direct script's results, line for line (checked on a sample: the file is read below).
const sample = outputLines(result.output!, 0, 1000);
const expected = Array.from(direct.rows.subarray(0, 1000), (row, k) => formatOutputLine({ id: rowIdOf(table.ids, row), score: round6(direct.scores[k]!), label: direct.labels[k] }));
if (direct.rows.length !== result.output!.lineCount || sample.join('\n') !== expected.join('\n')) throw new Error('the job and the direct script disagree');

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
  for (const batch of batches) await script.runRows!(batch.rows!, { ...ctx, miniBatchId: batch.id });
  scriptMs.push(performance.now() - started);
}
const scriptRate = ROWS / (median(scriptMs) / 1000);

// Reading the file back as text, in chunks, as the lab's download does.
started = performance.now();
let written = 0;
for (const chunk of outputChunks(result.output!)) written += chunk.length;
const formatMs = performance.now() - started;
if (written === 0) throw new Error('the output file is empty');

// The same job in each v2 dialect (dialect-jobs.ts). Each dialect run is paired with a v1 run on the same data,
// and the ratio to v1 compares the CPU time this process used (process.cpuUsage), which other work on a shared
// machine does not inflate the way it does wall time: v1's CPU time over the dialect's.
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
  return { wall: performance.now() - wall, cpu: cpuMs() - cpu };
};
for (const job of DIALECT_JOBS) {
  const input = job.prepare?.(dataset, batches) ?? dataset;
  const times: { wall: number; cpu: number }[] = [];
  const v1Cpu: number[] = [];
  let jobSummary = '';
  for (let k = 0; k < REPEATS; k++) {
    v1Cpu.push((await timedCpu(runV1)).cpu);
    times.push(await timedCpu(async () => (jobSummary = await runDialectJob(job, input, onnxScript(), direct.rows.length))));
  }
  const wall = median(times.map((t) => t.wall));
  dialectRates.push({ key: job.key, rate: ROWS / (wall / 1000), toV1: median(v1Cpu) / median(times.map((t) => t.cpu)), summary: jobSummary });
}

console.log(`# ${ROWS} rows generated in memory in ${generateMs.toFixed(0)} ms; simulated job: ${summary}`);
console.log(`BENCH onnx_direct_session_only_rows_per_s ${Math.round(sessionOnlyRate)} rows/s`);
console.log(`BENCH onnx_direct_scored_rows_per_s ${Math.round(scoredRate)} rows/s`);
console.log(`BENCH onnx_direct_rows_per_s ${Math.round(directRate)} rows/s`);
console.log(`BENCH onnx_entry_script_only_rows_per_s ${Math.round(scriptRate)} rows/s`);
console.log(`BENCH onnx_simulated_rows_per_s ${Math.round(simulatedRate)} rows/s`);
console.log(`BENCH onnx_sim_to_direct_ratio ${(simulatedRate / directRate).toFixed(3)} ratio`);
console.log(`BENCH onnx_sim_to_session_only_ratio ${(simulatedRate / sessionOnlyRate).toFixed(4)} ratio`);
for (const { key, rate, toV1, summary: line } of dialectRates) {
  console.log(`# ${line}`);
  console.log(`BENCH onnx_simulated_rows_per_s_${key} ${Math.round(rate)} rows/s`);
  console.log(`BENCH onnx_sim_to_direct_ratio_${key} ${(rate / directRate).toFixed(3)} ratio`);
  console.log(`BENCH onnx_${key}_to_v1_ratio ${toV1.toFixed(3)} ratio`);
}
console.log(`BENCH onnx_output_lines_per_s ${Math.round(result.output!.lineCount / (formatMs / 1000))} lines/s`);
console.log(`BENCH peak_rss_1m_rows ${(v1PeakRss / 1024 / 1024).toFixed(0)} MB`);

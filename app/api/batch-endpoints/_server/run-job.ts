// Runs one batch job to its end in virtual time: generates the credit-risk
// applicant files, scores them with the real ONNX model through the engine's
// entry script, and keeps the compact record the routes serve.
import {
  createOnnxEntryScript,
  generateCreditRiskDataset,
  loadOrt,
  outputLines,
  sharingSessions,
  simulateDialectJob,
  type Dataset,
  type DialectSimulation,
  type OrtModule,
  type OrtSource,
} from '@/engine/index';
import type { BatchJobRecord, MiniBatchTimeline } from './job-record';
import type { JobInput, JobSpec } from './request';

/** One onnxruntime per server process, with one real session shared by every simulated process (as the pipeline API does). */
let shared: Promise<OrtModule> | undefined;
const sharedOrt: OrtSource = () => (shared ??= loadOrt().then(sharingSessions));

export const fileNameOf = (index: number, files: number): string => `applicants-${String(index + 1).padStart(Math.max(4, String(files).length), '0')}.csv`;

/**
 * The generated rows split into `files` CSV files of near-equal size, each row
 * naming its file as its source: a batch deployment hands run() whole files,
 * so the file is the unit the engine distributes, as in Azure.
 */
export function applicantFiles(input: JobInput): Dataset {
  // Files of near-equal size are not runs of a fixed row count, so these rows travel as items, each naming its file.
  const dataset: Dataset = { kind: 'tabular', items: generateCreditRiskDataset(input.rows, input.seed, { corruptShare: input.corrupt }).items };
  const { rows, files } = input;
  for (let f = 0; f < files; f++) {
    const source = fileNameOf(f, files);
    const end = Math.floor(((f + 1) * rows) / files);
    for (let i = Math.floor((f * rows) / files); i < end; i++) dataset.items[i]!.source = source;
  }
  return dataset;
}

export const PREDICTIONS_HEADER = 'id,score,label,file';

/**
 * The entry script returns {id, score, label} objects, which the engine writes
 * as JSON lines; predictions.csv gets them as CSV rows with the input file
 * each came from (the file column of an Azure batch deployment's output).
 * There is no header line, as append_row writes none.
 */
function csvLines(lines: readonly string[], sourceOf: ReadonlyMap<string, string>): string[] {
  const out = new Array<string>(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    try {
      const row = JSON.parse(line) as { id?: unknown; score?: unknown; label?: unknown };
      if (typeof row.id === 'string' && typeof row.score === 'number') {
        out[i] = `${row.id},${row.score},${String(row.label ?? '')},${sourceOf.get(row.id) ?? ''}`;
        continue;
      }
    } catch {
      // not a scored row: kept as the entry script wrote it
    }
    out[i] = line;
  }
  return out;
}

function timelineOf(result: DialectSimulation): MiniBatchTimeline[] {
  return result.miniBatches.map((b) => ({
    items: b.itemCount,
    startedAt: b.attempts[0]?.start ?? null,
    finishedAt: b.status === 'not_run' ? null : (b.attempts.at(-1)?.end ?? null),
    status: b.status,
    itemsSucceeded: b.itemsSucceeded,
    itemsFailed: b.itemsFailed,
  }));
}

export interface RunJobOptions {
  id: string;
  spec: JobSpec;
  modelBytes: Uint8Array;
  outputPath: string;
  /** Files already in outputPath; the engine fails the job rather than overwrite one. */
  existingOutputs: readonly string[];
  createdAt: string;
  timeScale: number;
  /** Real time of virtual second 0 (read after the simulation, so the job starts when it is accepted). */
  now: () => number;
}

export async function runBatchJob(options: RunJobOptions): Promise<BatchJobRecord> {
  const { spec } = options;
  const dataset = applicantFiles(spec.input);
  const result = await simulateDialectJob({
    dialect: 'v2-batch-deployment',
    config: spec.config,
    dataset,
    compute: spec.deployment.compute,
    entryScript: createOnnxEntryScript(options.modelBytes, { ort: sharedOrt }),
    seed: spec.input.seed,
    existingOutputs: options.existingOutputs,
  });
  const delivered = result.output !== null && result.status === 'Completed';
  let output: string[] | null = null;
  if (delivered && result.output) {
    const sourceOf = new Map<string, string>();
    for (const item of dataset.items) sourceOf.set(item.id, item.source ?? '');
    output = csvLines(outputLines(result.output), sourceOf);
  }
  const final: BatchJobRecord['final'] = {
    status: result.status,
    durationSeconds: result.durationSeconds,
    costUsd: result.costUsd,
    counts: result.counts,
  };
  if (result.failureReason !== undefined) final.failureReason = result.failureReason;
  if (result.failure) final.failureCause = result.failure.kind === 'system' ? result.failure.rule : result.failure.kind;
  const readyTimes = result.nodes.map((n) => n.readyAt).filter((t): t is number => t !== null);
  return {
    id: options.id,
    endpoint: spec.deployment.yaml.endpoint_name,
    deployment: spec.deployment.name,
    createdAt: options.createdAt,
    startedAtMs: options.now(),
    timeScale: options.timeScale,
    input: { ...spec.input, fileNames: { first: fileNameOf(0, spec.input.files), last: fileNameOf(spec.input.files - 1, spec.input.files) } },
    settingsInEffect: spec.settingsInEffect,
    overridden: spec.overridden,
    outputPath: options.outputPath,
    outputFileName: spec.settings.outputFileName,
    outputAction: spec.settings.outputAction,
    final,
    firstNodeReadyAt: readyTimes.length > 0 ? Math.min(...readyTimes) : null,
    miniBatches: timelineOf(result),
    logs: result.logs,
    output,
    rowsReturned: result.output?.lineCount ?? 0,
  };
}

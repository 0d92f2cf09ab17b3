// The append_row file as the lab shows it: a preview of its first lines, the
// model's quality measured on its scores, and the file itself in chunks for a
// download. The engine keeps the results as typed arrays; only the lines
// shown or downloaded are ever formatted.
import { isScoredColumns, outputChunks, outputLines } from '@/engine/parallel-run/output';
import { auc, confusionMatrix } from '@/engine/onnx/metrics';
import type { ParallelRunSimulation } from '@/engine/parallel-run/sim-types';
import type { OutputFile } from '@/engine/types';
import type { OutputView, QualityView, RocPoint } from './protocol';

const PREVIEW_LINES = 10;
/** Lines per download chunk: about a megabyte of text each. */
const CHUNK_LINES = 20_000;

export function buildOutputView(result: ParallelRunSimulation): OutputView | null {
  if (!result.output) return null;
  const { fileName, lineCount, partial } = result.output;
  return { fileName, lineCount, preview: outputLines(result.output, 0, PREVIEW_LINES), partial: partial === true };
}

/** The file as UTF-8 chunks (each ends in a newline), ready to be transferred and joined into a Blob. */
export function outputFileChunks(file: OutputFile): ArrayBuffer[] {
  const encoder = new TextEncoder();
  const chunks: ArrayBuffer[] = [];
  for (const text of outputChunks(file, CHUNK_LINES)) chunks.push(encoder.encode(text).buffer as ArrayBuffer);
  return chunks;
}

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/**
 * Scores of the output's scored rows against the ground truth, by table row
 * (the scores as the file writes them, to 6 decimals). Kept apart from the
 * view: the ROC curve reads every score, so the worker sends it after the
 * charts already have their result.
 */
export function buildQuality(output: OutputFile, rowLabels: ArrayLike<number>, modelThreshold: number): QualityView | null {
  let count = 0;
  for (const part of output.parts) if (isScoredColumns(part)) count += part.rows.length;
  if (count === 0) return null;
  const scores = new Float32Array(count);
  const labels = new Uint8Array(count);
  let k = 0;
  for (const part of output.parts) {
    if (!isScoredColumns(part)) continue;
    for (let i = 0; i < part.rows.length; i++, k++) {
      scores[k] = round6(part.scores[i]!);
      labels[k] = rowLabels[part.rows[i]!]!;
    }
  }
  const roc: RocPoint[] = [];
  for (let t = 0; t <= 50; t++) {
    const threshold = t / 50;
    const m = confusionMatrix(scores, labels, threshold);
    roc.push({ threshold, fpr: m.falsePositiveRate, tpr: m.recall });
  }
  return { auc: auc(scores, labels), modelThreshold, scores, labels, roc };
}

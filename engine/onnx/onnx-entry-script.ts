// The score.py analogue for the credit-risk model. init() opens one
// InferenceSession per worker process; run() validates rows exactly as training
// did, scores the whole mini-batch in one session.run and returns a result for
// each valid row only, so corrupted rows become failed items in the engine.
import type { InferenceSession } from 'onnxruntime-web';
import { contiguousFeatureBlock, readFeatureRow } from '../dataset/columnar';
import {
  CREDIT_RISK_FEATURE_NAMES,
  CREDIT_RISK_FEATURES,
  isValidFeatureRow,
  type FeatureRange,
} from '../dataset/credit-risk-schema';
import { rowIdOf, tableItems, type TableRows } from '../dataset/row-table';
import type { DataItem, EntryScript, EntryScriptFactory, InitContext, RunContext, ScoredColumns } from '../types';
import { readOnnxMetadata } from './onnx-metadata';
import { loadOrt, type OrtModule, type OrtSource } from './ort-loader';

export interface OnnxEntryScriptOptions {
  /** Model input columns in order (default: the model's `features` metadata, else the credit-risk features). */
  featureNames?: readonly string[];
  /** Valid range per feature, same order; rows outside are skipped (default: the credit-risk ranges when the names match). */
  ranges?: readonly FeatureRange[];
  /** Makes init() fail unless the engine says the process has a GPU. */
  requiresGpu?: boolean;
  /** Scores at or above it are labelled 1 (default: the model's `threshold` metadata, else 0.5). */
  threshold?: number;
  /** onnxruntime-web to use; by default it is loaded on first init(). */
  ort?: OrtSource;
  sessionOptions?: InferenceSession.SessionOptions;
}

export interface ScoredRow {
  id: string;
  /** Probability of default, rounded to 6 decimals. */
  score: number;
  /** Predicted class: 1 when score ≥ the threshold. */
  label: number;
}

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/** ORT wants a plain Uint8Array (a Node Buffer breaks it under jsdom). */
function plainBytes(bytes: Uint8Array): Uint8Array {
  return bytes.constructor === Uint8Array ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Feature rows for a mini-batch: a view of the shared matrix when possible, else built per item. */
function featureBlock(items: readonly DataItem[], names: readonly string[]): Float32Array {
  const block = contiguousFeatureBlock(items, names);
  if (block) return block.data;
  const data = new Float32Array(items.length * names.length);
  items.forEach((item, i) => readFeatureRow(item, names, data, i * names.length));
  return data;
}

/** Input columns, their valid ranges and the threshold: options first, then the model's own metadata. */
function resolveModelSettings(bytes: Uint8Array, options: OnnxEntryScriptOptions) {
  const metadata = readOnnxMetadata(bytes);
  const names = options.featureNames ?? metadata.features?.split(',') ?? CREDIT_RISK_FEATURE_NAMES;
  const creditRisk = names.length === CREDIT_RISK_FEATURES.length && names.every((n, i) => n === CREDIT_RISK_FEATURES[i]!.name);
  const ranges = options.ranges ?? (creditRisk ? CREDIT_RISK_FEATURES : names.map(() => ({ min: -Infinity, max: Infinity })));
  const fromModel = metadata.threshold === undefined ? NaN : Number(metadata.threshold);
  const threshold = options.threshold ?? (Number.isFinite(fromModel) ? fromModel : 0.5);
  return { names, ranges, threshold };
}

export function createOnnxEntryScript(modelBytes: Uint8Array, options: OnnxEntryScriptOptions = {}): EntryScriptFactory {
  const bytes = plainBytes(modelBytes);
  const { names, ranges, threshold } = resolveModelSettings(bytes, options);
  return () => {
    let ort: OrtModule | undefined;
    let session: InferenceSession | undefined;
    const script: EntryScript = {
      async init(ctx: InitContext) {
        if (options.requiresGpu && !(ctx as { gpu?: boolean }).gpu) {
          // The error onnxruntime and PyTorch users meet when a CUDA-only model lands on a CPU node.
          const error = new Error('CUDA error: no CUDA-capable device is detected. The model requires a GPU (CUDAExecutionProvider) but this compute target has none');
          error.name = 'RuntimeError';
          throw error;
        }
        ort = await loadOrt(options.ort);
        session = await ort.InferenceSession.create(bytes, options.sessionOptions ?? { executionProviders: ['wasm'] });
      },
      // The columnar path: the rows' block of the table goes to the model as it is, results stay typed arrays.
      async runRows(rows: TableRows, ctx: RunContext): Promise<ScoredColumns> {
        if (!ort || !session) throw new Error('run() called before init() created the InferenceSession');
        const { table, start, count } = rows;
        if (!sameNames(table.columns, names)) return columnsOf((await script.run(tableSlice(rows), ctx)) as ScoredRow[], rows);
        const f = names.length;
        const data = table.data.subarray(start * f, (start + count) * f);
        const valid = new Uint32Array(count);
        let kept = 0;
        for (let i = 0; i < count; i++) if (isValidFeatureRow(data, i * f, ranges)) valid[kept++] = i;
        if (kept < count) logSkippedRows(ctx, rows, valid.subarray(0, kept));
        const result: ScoredColumns = { kind: 'scored_rows', ids: table.ids, rows: new Uint32Array(kept), scores: new Float32Array(kept), labels: new Uint8Array(kept) };
        if (kept === 0) return result;
        const out = await session.run({ [session.inputNames[0]!]: new ort.Tensor('float32', data, [count, f]) });
        const scores = out[session.outputNames[0]!]!.data as Float32Array;
        for (let k = 0; k < kept; k++) {
          const i = valid[k]!;
          const score = scores[i]!;
          result.rows[k] = start + i;
          result.scores[k] = score;
          result.labels[k] = score >= threshold ? 1 : 0;
        }
        return result;
      },
      async run(items: DataItem[], ctx: RunContext): Promise<ScoredRow[]> {
        if (!ort || !session) throw new Error('run() called before init() created the InferenceSession');
        const n = items.length;
        const f = names.length;
        const data = featureBlock(items, names);
        const valid: number[] = [];
        for (let i = 0; i < n; i++) if (isValidFeatureRow(data, i * f, ranges)) valid.push(i);
        if (valid.length < n) logSkipped(ctx, items, valid);
        if (valid.length === 0) return [];
        // Invalid rows are scored too (one call beats compacting the block) and simply dropped.
        const out = await session.run({ [session.inputNames[0]!]: new ort.Tensor('float32', data, [n, f]) });
        const scores = out[session.outputNames[0]!]!.data as Float32Array;
        const rows: ScoredRow[] = [];
        for (const i of valid) {
          const score = scores[i]!;
          rows.push({ id: items[i]!.id, score: round6(score), label: score >= threshold ? 1 : 0 });
        }
        return rows;
      },
    };
    return script;
  };
}

function logSkipped(ctx: RunContext, items: readonly DataItem[], valid: readonly number[]): void {
  logSkippedIds(ctx, items.length, valid, (i) => items[i]!.id);
}

function logSkippedRows(ctx: RunContext, rows: TableRows, valid: ArrayLike<number>): void {
  logSkippedIds(ctx, rows.count, valid, (i) => rowIdOf(rows.table.ids, rows.start + i));
}

/** One log line per mini-batch: how many rows were skipped, naming the first five. */
function logSkippedIds(ctx: RunContext, total: number, valid: ArrayLike<number>, idOf: (i: number) => string): void {
  const skipped: string[] = [];
  let k = 0;
  for (let i = 0; i < total && skipped.length < 5; i++) {
    if (valid[k] === i) k++;
    else skipped.push(idOf(i));
  }
  const more = total - valid.length - skipped.length;
  ctx.log(`skipped ${total - valid.length} of ${total} rows with missing or out-of-range features: ${skipped.join(', ')}${more > 0 ? ` and ${more} more` : ''}`);
}

const sameNames = (a: readonly string[], b: readonly string[]): boolean => a === b || (a.length === b.length && a.every((n, i) => n === b[i]));

/** A table whose columns differ from the model's inputs goes through the item path. */
function tableSlice(rows: TableRows): DataItem[] {
  return tableItems(rows.table).slice(rows.start, rows.start + rows.count);
}

/** Item-path results of a table's rows, back as columns (their ids are the table's, in row order). */
function columnsOf(scored: readonly ScoredRow[], rows: TableRows): ScoredColumns {
  const byId = new Map<string, number>();
  for (let i = 0; i < rows.count; i++) byId.set(rowIdOf(rows.table.ids, rows.start + i), rows.start + i);
  return {
    kind: 'scored_rows',
    ids: rows.table.ids,
    rows: Uint32Array.from(scored, (r) => byId.get(r.id)!),
    scores: Float32Array.from(scored, (r) => r.score),
    labels: Uint8Array.from(scored, (r) => r.label),
  };
}

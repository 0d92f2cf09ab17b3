// Input checks for the comparison. Every problem is collected (not just the
// first) and named after the SDK parameter where one exists, so a form can
// show each message beside its control.
import type { ConfigProblem } from '../types';
import { VM_SIZES } from '../parallel-run/compute';
import { DEFAULT_MINI_BATCH_BYTES } from '../parallel-run/defaults';
import { DEFAULT_ROW_BYTES } from './latency-model';
import { planRowChunks } from './row-chunks';
import type { BatchWorkload, CompareOptions, RealtimeEndpointSpec, RealtimeWorkload } from './types';

/** Bounds that keep one comparison fast enough for a slider (the batch side is simulated). */
export const MAX_ROWS_PER_DAY = 100_000_000;
export const MAX_SIMULATED_MINI_BATCHES = 20_000;
export const MAX_RUNS_PER_DAY = 1440;

const show = (value: unknown): string => JSON.stringify(value) ?? String(value);
const isWhole = (v: unknown, min: number, max = Number.MAX_SAFE_INTEGER): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

function whole(problems: ConfigProblem[], field: string, value: unknown, min: number, max?: number): void {
  if (value === undefined || isWhole(value, min, max)) return;
  const range = max === undefined ? `${min} or more` : `${min} to ${max}`;
  problems.push({ field, message: `${field} ${show(value)} is not allowed; use a whole number, ${range}` });
}

/** Like whole(), but a missing value is a problem too. */
function required(problems: ConfigProblem[], field: string, value: unknown, min: number, max?: number): void {
  if (value === undefined) problems.push({ field, message: `${field} is required` });
  else whole(problems, field, value, min, max);
}

function vmSize(problems: ConfigProblem[], value: unknown): void {
  if (value === undefined || (typeof value === 'string' && Object.hasOwn(VM_SIZES, value))) return;
  problems.push({ field: 'vm_size', message: `vm_size ${show(value)} is not in the catalogue; use one of ${Object.keys(VM_SIZES).join(', ')}` });
}

export function validateEndpoint(workload: RealtimeWorkload, spec: RealtimeEndpointSpec): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  required(problems, 'rows_per_day', workload.rowsPerDay, 0, MAX_ROWS_PER_DAY);
  required(problems, 'rows_per_request', workload.rowsPerRequest, 1);
  whole(problems, 'row_bytes', workload.rowBytes, 1);
  vmSize(problems, spec.vmSize);
  whole(problems, 'instance_count', spec.instanceCount, 1);
  whole(problems, 'max_concurrent_requests_per_instance', spec.maxConcurrentRequestsPerInstance, 1);
  whole(problems, 'request_timeout_ms', spec.requestTimeoutMs, 1);
  const u = spec.latency?.targetUtilisation;
  if (u !== undefined && !(u > 0 && u < 1)) problems.push({ field: 'latency.targetUtilisation', message: `targetUtilisation ${show(u)} must lie strictly between 0 and 1` });
  return problems;
}

export function validateBatch(workload: BatchWorkload): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  required(problems, 'rows', workload.rows, 1, MAX_ROWS_PER_DAY);
  whole(problems, 'row_bytes', workload.rowBytes, 1);
  vmSize(problems, workload.vmSize);
  required(problems, 'node_count', workload.nodeCount, 1);
  whole(problems, 'process_count_per_node', workload.processCountPerNode, 1);
  whole(problems, 'mini_batch_size', workload.miniBatchBytes, 1);
  if (problems.length === 0) miniBatchLimit(problems, workload.rows, workload.rowBytes ?? DEFAULT_ROW_BYTES, workload.miniBatchBytes ?? DEFAULT_MINI_BATCH_BYTES);
  return problems;
}

function miniBatchLimit(problems: ConfigProblem[], rows: number, rowBytes: number, miniBatchBytes: number): void {
  const { chunks } = planRowChunks(rows, rowBytes, miniBatchBytes);
  if (chunks <= MAX_SIMULATED_MINI_BATCHES) return;
  problems.push({
    field: 'mini_batch_size',
    message: `${rows} rows make ${chunks} mini-batches of ${miniBatchBytes} bytes; the comparison simulates at most ${MAX_SIMULATED_MINI_BATCHES}, so raise mini_batch_size`,
  });
}

export function validateCompareOptions(options: CompareOptions): ConfigProblem[] {
  const problems = validateEndpoint(
    { rowsPerDay: options.rows, rowsPerRequest: options.rowsPerRequest ?? 1, rowBytes: options.rowBytes },
    { vmSize: options.vmSize, instanceCount: options.instanceCount, maxConcurrentRequestsPerInstance: options.maxConcurrentRequestsPerInstance, latency: options.latency },
  );
  if (isWhole(options.rows, 0) && options.rows < 1) problems.push({ field: 'rows_per_day', message: 'rows_per_day must be at least 1: there is nothing to score' });
  whole(problems, 'node_count', options.nodeCount, 1);
  whole(problems, 'runs_per_day', options.runsPerDay, 1, MAX_RUNS_PER_DAY);
  whole(problems, 'mini_batch_size', options.miniBatchBytes, 1);
  const volumes: unknown = options.volumes;
  if (volumes !== undefined && (!Array.isArray(volumes) || volumes.length === 0 || !volumes.every((v) => isWhole(v, 1, MAX_ROWS_PER_DAY)))) {
    problems.push({ field: 'volumes', message: `volumes must be a non-empty list of whole numbers 1 to ${MAX_ROWS_PER_DAY}` });
  }
  if (problems.length === 0) {
    const largest = Math.max(options.rows, ...(options.volumes ?? []));
    const rowsPerRun = Math.ceil(largest / (options.runsPerDay ?? 1));
    miniBatchLimit(problems, rowsPerRun, options.rowBytes ?? DEFAULT_ROW_BYTES, options.miniBatchBytes ?? DEFAULT_MINI_BATCH_BYTES);
  }
  return problems;
}

export function throwIfInvalid(subject: string, problems: ConfigProblem[]): void {
  if (problems.length === 0) return;
  const lines = problems.map((p) => `- ${p.field}: ${p.message}`);
  throw new Error(`Invalid ${subject} (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${lines.join('\n')}`);
}

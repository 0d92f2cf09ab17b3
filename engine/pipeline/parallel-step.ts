// A parallel_run step: the ParallelRunStep engine run on the upstream data.
// With a model the entry script is the real ONNX scorer; its init() is where
// the misconfigurations surface at run time, as in Azure: a missing package
// fails the import, a missing model version fails Model.get_model_path, a GPU
// model on a CPU node fails to create its session.
import type { Dataset, EntryScriptFactory, OutputFile } from '../types';
import { rowIdOf } from '../dataset/row-table';
import { isScoredColumns } from '../parallel-run/output';
import { createOnnxEntryScript } from '../onnx/onnx-entry-script';
import { loadOrt, sharingSessions, type OrtModule, type OrtSource } from '../onnx/ort-loader';
import { LOG_PATHS } from '../parallel-run/logs';
import { parseParallelRunConfig, simulateParallelRun } from '../parallel-run/simulate';
import type { ComputeSpec } from '../parallel-run/compute';
import type { ParallelRunSimulation } from '../parallel-run/sim-types';
import type { ScriptInput } from './python-scripts';
import type { ComputeCluster, Environment, ModelVersion, PipelineStep, ScoredRecord, Workspace } from './types';
import { resolveModelVersion } from './workspace';

/** Real time only: simulated processes share one onnxruntime session per model file (see sharingSessions). */
let shared: Promise<OrtModule> | undefined;
const sharedOrt: OrtSource = () => (shared ??= loadOrt().then(sharingSessions));

/** An entry script whose init() always raises, for failures that happen before scoring. */
function failingInit(message: string): EntryScriptFactory {
  return () => ({
    init() {
      throw new Error(message);
    },
    run() {
      return [];
    },
  });
}

/** Without a model: returns one line per item, enough to exercise the engine. */
const passThrough: EntryScriptFactory = () => ({ run: (items) => items.map((item) => ({ id: item.id })) });

function entryScriptFor(ws: Workspace, step: PipelineStep, environment: Environment | undefined): EntryScriptFactory {
  const missing = (step.imports ?? []).filter((pkg) => !environment?.packages.includes(pkg.toLowerCase()));
  if (missing.length > 0) return failingInit(`ModuleNotFoundError: No module named '${missing[0]}'`);
  if (!step.model) return passThrough;
  const { name, version } = step.model;
  const found: ModelVersion | undefined = resolveModelVersion(ws, name, version);
  if (!found) return failingInit(`ModelNotFoundException: model ${name} version ${String(version)} is not registered in workspace ${ws.name}`);
  if (!found.bytes) return failingInit(`FileNotFoundError: model ${name}:${found.version} has no model file in this workspace`);
  return createOnnxEntryScript(found.bytes, {
    requiresGpu: found.requires_gpu,
    ...(found.threshold !== undefined && { threshold: found.threshold }),
    ort: sharedOrt,
  });
}

/** The append_row results as scored rows, read from the kept results (no line is formatted); others are skipped. */
function scoredRows(output: OutputFile | null): ScoredRecord[] {
  const rows: ScoredRecord[] = [];
  for (const part of output?.parts ?? []) {
    if (isScoredColumns(part)) {
      for (let i = 0; i < part.rows.length; i++) rows.push({ id: rowIdOf(part.ids, part.rows[i]!), score: round6(part.scores[i]!), label: part.labels[i]! });
      continue;
    }
    for (const value of part) {
      const row = value as Partial<ScoredRecord> | null;
      // not a scored row (e.g. a pass-through id line)
      if (typeof row?.id !== 'string' || typeof row.score !== 'number') continue;
      rows.push(isScoredRecord(row) ? row : { id: row.id, score: row.score, label: row.label ?? 0 });
    }
  }
  return rows;
}

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/**
 * True when the row already is exactly a ScoredRecord (id, score, label and
 * nothing else), as the ONNX script's rows are: it is kept instead of copied,
 * which spares an object per scored row. Nothing writes into either.
 */
function isScoredRecord(row: Partial<ScoredRecord>): row is ScoredRecord {
  if (typeof row.label !== 'number' || Object.getPrototypeOf(row) !== Object.prototype) return false;
  let keys = 0;
  for (const key in row) if (Object.hasOwn(row, key)) keys++;
  return keys === 3;
}

export interface ParallelStepOutcome {
  simulation?: ParallelRunSimulation;
  scores: ScoredRecord[];
  error?: string;
}

export async function runParallelStep(
  ws: Workspace,
  step: PipelineStep,
  cluster: ComputeCluster,
  environment: Environment | undefined,
  inputs: ScriptInput[],
  seed: number,
): Promise<ParallelStepOutcome> {
  const items = inputs.flatMap((i) => (i.artifact.kind === 'dataset' ? i.artifact.dataset.items : []));
  const dataset: Dataset = { kind: 'tabular', items };
  let simulation: ParallelRunSimulation;
  const compute: ComputeSpec = { vmSize: cluster.vm_size, priority: cluster.tier === 'low_priority' ? 'lowpriority' : 'dedicated', maxNodes: cluster.max_nodes };
  const parsed = parseParallelRunConfig(step.parallel_run_config ?? {}, dataset, compute);
  if (!parsed.ok) return { scores: [], error: parsed.message };
  try {
    simulation = await simulateParallelRun({ dataset, config: parsed.config, entryScript: entryScriptFor(ws, step, environment), compute, seed });
  } catch (error) {
    return { scores: [], error: error instanceof Error ? error.message : String(error) };
  }
  const scores = scoredRows(simulation.output);
  if (simulation.status !== 'Failed') return { simulation, scores };
  const reason = simulation.failureReason ?? 'the ParallelRunStep job failed';
  const first = firstLoggedError(simulation);
  return { simulation, scores, error: first ? `${reason}. First error: ${first}` : reason };
}

/** The first line of logs/job_error.txt without its timestamp: usually the real cause. */
function firstLoggedError(simulation: ParallelRunSimulation): string | undefined {
  const text = simulation.logs[LOG_PATHS.errors];
  const line = text?.split('\n').find((l) => l.trim() !== '');
  return line?.replace(/^\[[^\]]*\]\s*/, '');
}

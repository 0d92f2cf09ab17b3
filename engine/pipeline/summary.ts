// A compact, JSON-friendly view of a run for the HTTP API and run lists: no
// logs, no mini-batch lists, at most a few rows of the results.
import type { RunCounts } from '../types';
import { bandedPreview } from './banded-rows';
import type { PipelineRun, RiskBand, ScoredRecord, StepRun, Workspace } from './types';

export const DEFAULT_PREVIEW_ROWS = 5;
const round3 = (x: number): number => Math.round(x * 1000) / 1000;

export interface StepSummary extends Pick<StepRun, 'name' | 'type' | 'status' | 'compute' | 'nodes' | 'start' | 'end' | 'startupSeconds' | 'costUsd' | 'outputs' | 'written'> {
  error?: string;
  reusedFrom?: StepRun['reusedFrom'];
  /** The job's own figures; on a warm cluster the step's start, end and cost exclude node start-up. */
  warmStartSavedSeconds?: number;
  parallelRun?: { status: 'Completed' | 'Failed'; counts: RunCounts; durationSeconds: number; costUsd: number; failureReason?: string };
}

export interface RunSummary extends Omit<PipelineRun, 'steps' | 'options'> {
  steps: StepSummary[];
  results?: { riskBands?: RiskBand[]; preview: (ScoredRecord & { band?: string })[] };
}

function summarizeStep(step: StepRun): StepSummary {
  const { name, type, status, compute, nodes, start, end, startupSeconds, costUsd, outputs, written } = step;
  const out: StepSummary = { name, type, status, compute, nodes, start, end, startupSeconds, costUsd, outputs, written };
  if (step.error !== undefined) out.error = step.error;
  if (step.reusedFrom) out.reusedFrom = step.reusedFrom;
  if (step.warmStartSavedSeconds !== undefined) out.warmStartSavedSeconds = round3(step.warmStartSavedSeconds);
  const prs = step.parallelRun;
  if (prs) {
    out.parallelRun = { status: prs.status, counts: prs.counts, durationSeconds: round3(prs.durationSeconds), costUsd: Math.round(prs.costUsd * 1e6) / 1e6 };
    if (prs.failureReason !== undefined) out.parallelRun.failureReason = prs.failureReason;
  }
  return out;
}

/** The last risk-band or score output of the run that is still stored, cut to a preview. */
function results(ws: Workspace, run: PipelineRun, previewRows: number): RunSummary['results'] {
  const ids = run.steps.flatMap((s) => Object.values(s.outputs).map((o) => o.id));
  for (const id of ids.reverse()) {
    const artifact = ws.artifacts[id];
    if (artifact?.kind === 'risk_bands') return { riskBands: artifact.bands, preview: bandedPreview(artifact, previewRows) };
    if (artifact?.kind === 'scores') return { preview: artifact.rows.slice(0, previewRows) };
  }
  return undefined;
}

export function summarizeRun(ws: Workspace, run: PipelineRun, previewRows = DEFAULT_PREVIEW_ROWS): RunSummary {
  const rest: Partial<PipelineRun> = { ...run };
  delete rest.steps;
  delete rest.options;
  const summary: RunSummary = { ...(rest as Omit<PipelineRun, 'steps' | 'options'>), steps: run.steps.map(summarizeStep) };
  const found = results(ws, run, previewRows);
  if (found) summary.results = found;
  return summary;
}

// The worker's logic without the worker: builds datasets, runs the engine,
// reduces results to views and runs the what-if sweeps. Loading of the model,
// the file bundle and onnxruntime is injected, so Node tests drive it directly.
import {
  planMiniBatches,
  readOnnxMetadata,
  simulateDialectJob,
  simulateParallelRun,
  type Dataset,
  type FaultPlan,
  type ParallelRunConfig,
  type ParallelRunSimulation,
} from '@/engine/index';
import { toComputeSpec, toEngineConfig } from '@/app/_features/lab/model/config';
import { buildLabView, firstNodeReadyAt } from '@/app/_features/lab/model/lab-view';
import { buildQuality } from '@/app/_features/lab/model/lab-output';
import type { SweepKind, SweepPoint } from '@/app/_features/lab/model/protocol';
import type { ScenarioSpec } from '@/app/_features/lab/model/scenario';
import type { LabSettings } from '@/app/_features/lab/model/settings';
import { creditRiskData, datasetKey, inSourceFiles, sensorData, type PreparedData } from './lab-data';
import { toDialectConfig } from '@/app/_features/lab/model/sdk';
import { INVALID_SWEEP_OUTCOME, SweepCache, type SweepOutcome } from './sweep-cache';
import { sweepValues } from '@/app/_features/lab/model/sweeps';
import { StaleRequest } from '@/app/_platform/worker/newest';
import { cooperative, labEntryScript, type Cooperation } from './entry-scripts';
import type { RunHooks, RunnerDeps, RunOutcome } from './runner-types';

export type { RunHooks, RunnerDeps, RunOutcome } from './runner-types';

const YIELD_MS = 15;

/** The engine's fault plan for a scenario: its own faults plus a datastore that refuses access. */
function scenarioFaults(scenario: ScenarioSpec): FaultPlan | undefined {
  if (!scenario.datastoreAccess) return scenario.faults;
  return { ...scenario.faults, datastoreAccess: scenario.datastoreAccess };
}

// The platform's one stale-request rule; re-exported for the runner's callers.
export { StaleRequest };

/** The engine's config for these settings; invalid settings throw the engine's own message, as a simulation of them would. */
function engineConfig(settings: LabSettings, dataset: Dataset): ParallelRunConfig {
  const parsed = toEngineConfig(settings, dataset);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.config;
}

/** Bytes of each mini-batch as the job cut them, in id order (the splitter draws them). */
function batchBytesOf(result: ParallelRunSimulation, dataset: Dataset): number[] {
  const table = dataset.table;
  return result.miniBatches.map((batch) => {
    let sum = 0;
    for (let i = batch.firstItem; i < batch.firstItem + batch.itemCount; i++) sum += table ? table.bytes[i]! : dataset.items[i]!.bytes;
    return sum;
  });
}

export class LabRunner {
  private data: PreparedData | undefined;
  private model: Promise<{ bytes: Uint8Array; threshold: number }> | undefined;
  private bundle: Promise<unknown> | undefined;
  /** onnxruntime with a session for the model, started as soon as the model bytes are there (see warmRuntime). */
  private runtime: Promise<void> | undefined;
  private runtimeReady = false;
  private readonly sweepCache = new SweepCache();

  constructor(private readonly deps: RunnerDeps) {}

  async run(settings: LabSettings, scenario: ScenarioSpec, hooks: RunHooks): Promise<RunOutcome> {
    const started = this.now();
    const prepared = await this.prepare(settings, hooks);
    if (settings.dataset === 'tabular' && !this.runtimeReady) {
      hooks.progress('runtime', null);
      await this.startRuntime((await this.loadModel()).bytes);
      await this.runtime;
      if (hooks.isStale()) throw new StaleRequest();
    }
    const prepareDone = this.now();
    // v1 plans its mini-batches up front (for the progress bar); a v2 dialect's plan is the engine's own, read from its result.
    const v1Config = settings.sdk === 'v1' ? engineConfig(settings, prepared.dataset) : undefined;
    const planned = v1Config ? planMiniBatches(prepared.dataset, v1Config) : null;
    const total = Math.max(1, planned?.length ?? 1);
    let calls = 0;
    let lastReport = -Infinity;
    hooks.progress('simulate', planned ? 0 : null);
    const co = this.cooperation(hooks, () => {
      calls++;
      const t = this.now();
      if (!planned || t - lastReport < 100) return;
      lastReport = t;
      hooks.progress('simulate', Math.min(0.99, calls / total));
    });
    const result = await this.simulate(settings, scenario, prepared.dataset, co, v1Config);
    if (hooks.isStale()) throw new StaleRequest();
    const simulated = this.now();
    hooks.progress('view', 1);
    const { rowLabels } = prepared;
    const batchBytes = batchBytesOf(result, prepared.dataset);
    const view = buildLabView(result, settings.dataset, batchBytes);
    return {
      view,
      output: result.output,
      timings: { data: prepareDone - started, simulate: simulated - prepareDone, view: this.now() - simulated },
      quality: async () => {
        if (!result.output || !rowLabels) return null;
        const model = await this.loadModel();
        return buildQuality(result.output, rowLabels, model.threshold);
      },
    };
  }

  /** One what-if sweep: the same job at each swept value, summary_only (the output file changes nothing measured here). */
  async sweep(kind: SweepKind, settings: LabSettings, scenario: ScenarioSpec, hooks: RunHooks): Promise<SweepPoint[]> {
    const prepared = await this.prepare(settings, hooks);
    const values = sweepValues(kind, settings);
    const points: SweepPoint[] = [];
    for (const [i, entry] of values.entries()) {
      await hooks.yieldNow();
      if (hooks.isStale()) throw new StaleRequest();
      hooks.progress('sweep', i / values.length);
      const variant: LabSettings = { ...settings, [kind]: entry.raw, output_action: 'summary_only', append_row_file_name: '' };
      const base = { label: entry.label, value: entry.value, current: entry.current };
      points.push({ ...base, ...(await this.sweepPoint(variant, scenario, prepared.dataset, hooks)) });
    }
    return points;
  }

  /** One job of a sweep; the same settings and scenario always give the same job, so it is run once. */
  private async sweepPoint(variant: LabSettings, scenario: ScenarioSpec, dataset: Dataset, hooks: RunHooks): Promise<SweepOutcome> {
    const key = JSON.stringify([variant, scenario]);
    const cached = this.sweepCache.get(key);
    if (cached) return cached;
    let outcome: SweepOutcome;
    try {
      const result = await this.simulate(variant, scenario, dataset, this.cooperation(hooks, () => {}));
      if (hooks.isStale()) throw new StaleRequest();
      outcome = {
        status: result.status,
        durationSeconds: result.durationSeconds,
        costUsd: result.costUsd,
        failedItems: result.counts.itemsFailed,
        miniBatches: result.counts.miniBatches,
        startupSeconds: firstNodeReadyAt(result) ?? result.durationSeconds,
      };
    } catch (error) {
      if (error instanceof StaleRequest) throw error;
      outcome = INVALID_SWEEP_OUTCOME;
    }
    this.sweepCache.set(key, outcome);
    return outcome;
  }

  private now(): number {
    return this.deps.now?.() ?? 0;
  }

  /** Lets the thread take messages every YIELD_MS of simulation, so a newer request can make this one stale. */
  private cooperation(hooks: RunHooks, onRun: () => void): Cooperation {
    let since = this.now();
    return {
      onRun,
      shouldYield: () => {
        if (this.now() - since < YIELD_MS) return false;
        since = this.now();
        return true;
      },
      yieldNow: hooks.yieldNow,
      isStale: hooks.isStale,
    };
  }

  /** The job in the settings' dialect; invalid settings throw the engine's own message, in that dialect's names. */
  private async simulate(settings: LabSettings, scenario: ScenarioSpec, dataset: Dataset, co: Cooperation, v1Config?: ParallelRunConfig): Promise<ParallelRunSimulation> {
    const model = settings.dataset === 'tabular' ? await this.loadModel() : undefined;
    const entry = labEntryScript({ kind: settings.dataset, scenario, ...(model && { modelBytes: model.bytes }), ...(this.deps.ort && { ort: this.deps.ort }) });
    const compute = toComputeSpec(settings, scenario.computeModel);
    const faults = scenarioFaults(scenario);
    const common = { entryScript: cooperative(entry, co), compute, seed: settings.seed, ...(faults && { faults }) };
    if (settings.sdk === 'v1') return simulateParallelRun({ ...common, dataset, config: v1Config ?? engineConfig(settings, dataset) });
    // A batch deployment reads a folder of files: the rows arrive as CSV files of ROWS_PER_FILE rows.
    const input = settings.sdk === 'v2-batch-deployment' && settings.dataset === 'tabular' ? inSourceFiles(dataset) : dataset;
    return simulateDialectJob({ ...common, dialect: settings.sdk, config: toDialectConfig(settings.sdk, settings, settings.dataset), dataset: input });
  }

  /**
   * Loads onnxruntime and opens a session for the model (the shared-session
   * wrapper hands the same one to every simulated process later). Resolves
   * once the runtime's code is in and its wasm download has begun, so the
   * first run's data can be generated while the wasm arrives; `runtime` then
   * settles when the session is open. A failure is left to the entry script's
   * init(), which reports it the way the job would.
   */
  private startRuntime(bytes: Uint8Array): Promise<void> {
    const source = this.deps.ort;
    if (!source || this.runtime) return Promise.resolve();
    return (async () => {
      const ort = typeof source === 'function' ? await source() : source;
      this.runtime = ort.InferenceSession.create(bytes, { executionProviders: ['wasm'] }).then(
        () => {
          this.runtimeReady = true;
        },
        () => {
          this.runtime = undefined;
        },
      );
    })().catch(() => undefined);
  }

  private loadModel(): Promise<{ bytes: Uint8Array; threshold: number }> {
    this.model ??= this.deps.loadModel().then((bytes) => {
      const threshold = Number(readOnnxMetadata(bytes).threshold);
      return { bytes, threshold: Number.isFinite(threshold) ? threshold : 0.5 };
    });
    this.model.catch(() => (this.model = undefined));
    return this.model;
  }

  /** The dataset for these settings; the last one is kept, so most what-if changes reuse it. */
  private async prepare(settings: LabSettings, hooks: RunHooks): Promise<PreparedData> {
    if (this.data?.key === datasetKey(settings)) return this.data;
    if (settings.dataset === 'tabular') {
      hooks.progress('model', null);
      await this.startRuntime((await this.loadModel()).bytes);
      hooks.progress('data', 0);
      this.data = await creditRiskData(settings, async (fraction) => {
        hooks.progress('data', fraction);
        await hooks.yieldNow();
        if (hooks.isStale()) throw new StaleRequest();
      });
    } else {
      hooks.progress('data', null);
      this.data = await sensorData(settings, () => this.sensorBundle());
    }
    return this.data;
  }

  private sensorBundle(): Promise<unknown> {
    this.bundle ??= this.deps.loadSensorBundle();
    this.bundle.catch(() => (this.bundle = undefined));
    return this.bundle;
  }
}

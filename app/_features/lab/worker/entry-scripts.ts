// Entry scripts the lab runs, built from the engine's own scripts plus the few
// behaviours a preset needs. Wrappers only: scoring and parsing stay in the engine.
import {
  createOnnxEntryScript,
  createSensorEntryScript,
  parseSensorFile,
  type DataItem,
  type EntryScript,
  type EntryScriptFactory,
  type OrtModule,
  type OrtSource,
  type RunContext,
  type ScoredColumns,
  type TableRows,
  sharingSessions,
} from '@/engine/index';
import type { ScenarioSpec } from '@/app/_features/lab/model/scenario';

/** onnxruntime loaded once, with one real session per model shared by every simulated process (the engine's sharingSessions). */
export function sharedSessionOrt(load: () => Promise<OrtModule>): () => Promise<OrtModule> {
  let wrapped: Promise<OrtModule> | undefined;
  return () => (wrapped ??= load().then(sharingSessions));
}

function namedError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

/** The script's run() and, when it has one, its columnar runRows(), unchanged. */
function passThrough(script: EntryScript): Pick<EntryScript, 'run' | 'runRows'> {
  const calls: Pick<EntryScript, 'run' | 'runRows'> = { run: (items, ctx) => script.run(items, ctx) };
  if (script.runRows) calls.runRows = (rows, ctx) => script.runRows!(rows, ctx);
  return calls;
}

/** init() raises the scenario's error (a missing package, an unknown model version). */
function failingInit(inner: EntryScriptFactory, failure: { name: string; message: string }): EntryScriptFactory {
  return () => {
    const script = inner();
    return {
      ...passThrough(script),
      init() {
        throw namedError(failure.name, failure.message);
      },
    };
  };
}

/** init() first spends virtual time (loading weights, asking the registry), then does what the script does. */
function slowInit(inner: EntryScriptFactory, seconds: number): EntryScriptFactory {
  return () => {
    const script = inner();
    return {
      ...passThrough(script),
      init(ctx) {
        ctx.spend(seconds);
        return script.init?.(ctx);
      },
    };
  };
}

/** The first, naive version of a file script: one unreadable file fails the whole mini-batch. */
function strictSensorScript(): EntryScriptFactory {
  const lenient = createSensorEntryScript();
  return () => {
    const script = lenient();
    return {
      run(items, ctx) {
        for (const item of items) {
          const parsed = parseSensorFile(item.id, typeof item.value === 'string' ? item.value : '');
          if (!parsed.ok) throw namedError('ValueError', `could not parse ${item.id}: ${parsed.reason}`);
        }
        return script.run(items, ctx);
      },
    };
  };
}

export interface Cooperation {
  /** Called before each run() call (progress). */
  onRun(): void;
  /** True when the thread has worked long enough to let queued messages in. */
  shouldYield(): boolean;
  yieldNow(): Promise<void>;
  /** True once a newer request made this simulation pointless. */
  isStale(): boolean;
}

/**
 * Wraps an entry script so a long simulation shares the worker: now and then
 * a run() call first lets queued messages in, and once a newer request has
 * arrived every call returns at once without scoring. The engine cannot be
 * cancelled, but its remaining bookkeeping then takes only milliseconds; the
 * result is thrown away anyway.
 */
export function cooperative(inner: EntryScriptFactory, co: Cooperation): EntryScriptFactory {
  return () => {
    const script: EntryScript = inner();
    const call = (items: DataItem[], ctx: RunContext) => (co.isStale() ? [] : script.run(items, ctx));
    const wrapped: EntryScript = {
      run(items, ctx) {
        co.onRun();
        if (!co.shouldYield()) return call(items, ctx);
        return co.yieldNow().then(() => call(items, ctx));
      },
    };
    const runRows = script.runRows?.bind(script);
    if (runRows) {
      const callRows = (rows: TableRows, ctx: RunContext) => (co.isStale() ? noRows(rows) : runRows(rows, ctx));
      wrapped.runRows = (rows, ctx) => {
        co.onRun();
        if (!co.shouldYield()) return callRows(rows, ctx);
        return co.yieldNow().then(() => callRows(rows, ctx));
      };
    }
    if (script.init) wrapped.init = (ctx) => (co.isStale() ? undefined : script.init?.(ctx));
    return wrapped;
  };
}

/** A stale run's answer: nothing scored (the result is thrown away anyway). */
function noRows(rows: TableRows): ScoredColumns {
  return { kind: 'scored_rows', ids: rows.table.ids, rows: new Uint32Array(0), scores: new Float32Array(0), labels: new Uint8Array(0) };
}

export interface EntryScriptInputs {
  kind: 'tabular' | 'file';
  scenario: ScenarioSpec;
  modelBytes?: Uint8Array;
  ort?: OrtSource;
}

export function labEntryScript({ kind, scenario, modelBytes, ort }: EntryScriptInputs): EntryScriptFactory {
  let factory: EntryScriptFactory;
  if (kind === 'file') {
    factory = scenario.strictFiles ? strictSensorScript() : createSensorEntryScript();
  } else {
    if (!modelBytes) throw new Error('the credit-risk model is not loaded');
    factory = createOnnxEntryScript(modelBytes, { ...(ort && { ort }), ...(scenario.requiresGpu && { requiresGpu: true }) });
  }
  if (scenario.initError) factory = failingInit(factory, scenario.initError);
  return scenario.initSeconds ? slowInit(factory, scenario.initSeconds) : factory;
}

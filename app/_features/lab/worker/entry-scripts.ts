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
} from '@/engine/index';
import type { InferenceSession } from 'onnxruntime-web';
import type { ScenarioSpec } from '@/app/_features/lab/model/scenario';

/**
 * Every simulated process calls init(), which opens an InferenceSession, as
 * each Azure process loads its own model copy. The bytes are identical, so one
 * real session serves them all: the engine still charges each process its
 * virtual init() time, while the browser stops paying ~ms per fake process.
 */
export function sharedSessionOrt(load: () => Promise<OrtModule>): () => Promise<OrtModule> {
  let wrapped: Promise<OrtModule> | undefined;
  return () =>
    (wrapped ??= load().then((ort) => {
      const sessions = new Map<unknown, Promise<InferenceSession>>();
      const create = (model: unknown, options?: InferenceSession.SessionOptions): Promise<InferenceSession> => {
        let session = sessions.get(model);
        if (!session) {
          session = (ort.InferenceSession.create as (m: unknown, o?: InferenceSession.SessionOptions) => Promise<InferenceSession>)(model, options);
          sessions.set(model, session);
        }
        return session;
      };
      return { InferenceSession: { create }, Tensor: ort.Tensor, env: ort.env } as unknown as OrtModule;
    }));
}

function namedError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

/** init() raises the scenario's error (a missing package, an unknown model version). */
function failingInit(inner: EntryScriptFactory, failure: { name: string; message: string }): EntryScriptFactory {
  return () => {
    const script = inner();
    return {
      init() {
        throw namedError(failure.name, failure.message);
      },
      run: (items, ctx) => script.run(items, ctx),
    };
  };
}

/** init() first spends virtual time (loading weights, asking the registry), then does what the script does. */
function slowInit(inner: EntryScriptFactory, seconds: number): EntryScriptFactory {
  return () => {
    const script = inner();
    return {
      init(ctx) {
        ctx.spend(seconds);
        return script.init?.(ctx);
      },
      run: (items, ctx) => script.run(items, ctx),
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
    if (script.init) wrapped.init = (ctx) => (co.isStale() ? undefined : script.init?.(ctx));
    return wrapped;
  };
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

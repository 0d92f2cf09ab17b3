// Finds onnxruntime-web without pulling it into every bundle that imports the
// engine: it is loaded on first use, and callers may inject their own build.
import type * as Ort from 'onnxruntime-web';
import type { InferenceSession } from 'onnxruntime-web';

export type OrtModule = Pick<typeof Ort, 'InferenceSession' | 'Tensor' | 'env'>;
/** A module object, or a function that loads one (e.g. `() => import('onnxruntime-web/wasm')`). */
export type OrtSource = OrtModule | (() => Promise<OrtModule>);

let defaultOrt: Promise<OrtModule> | undefined;

function isNode(): boolean {
  return typeof process !== 'undefined' && typeof process.versions?.node === 'string';
}

/**
 * The package's Node build is the only one that runs under Node (the wasm-only
 * bundle cannot load its runtime there), while browsers want the wasm-only entry
 * (the default browser entry ships a 28 MB WebGPU build). The Node import is
 * hidden from bundlers so browser builds never include it.
 */
export function loadOrt(source?: OrtSource): Promise<OrtModule> {
  if (source) return typeof source === 'function' ? source() : Promise.resolve(source);
  defaultOrt ??= isNode()
    ? import(/* webpackIgnore: true */ /* turbopackIgnore: true */ 'onnxruntime-web')
    : import('onnxruntime-web/wasm');
  return defaultOrt;
}

/**
 * The same onnxruntime, but InferenceSession.create hands out one session per
 * model object. Every simulated process opens its model in init(), as each
 * Azure process loads its own copy; the bytes are identical, so one real
 * session serves them all. Virtual time still charges each process its own
 * init(), and run() calls never overlap, so the sharing cannot be seen in a
 * result. Sessions are kept while their model bytes are alive.
 */
export function sharingSessions(ort: OrtModule): OrtModule {
  const sessions = new WeakMap<Uint8Array, Promise<InferenceSession>>();
  const create = (model: Uint8Array, options?: InferenceSession.SessionOptions): Promise<InferenceSession> => {
    let session = sessions.get(model);
    if (!session) {
      session = ort.InferenceSession.create(model, options ?? {});
      sessions.set(model, session);
    }
    return session;
  };
  // InferenceSession is a class with overloaded statics; callers here only ever
  // call create(model bytes, options), so the wrapper offers that alone.
  return { Tensor: ort.Tensor, env: ort.env, InferenceSession: { create } as unknown as OrtModule['InferenceSession'] };
}

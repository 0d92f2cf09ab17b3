// Finds onnxruntime-web without pulling it into every bundle that imports the
// engine: it is loaded on first use, and callers may inject their own build.
import type * as Ort from 'onnxruntime-web';

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

// onnxruntime-web as the workers use it, set up in one place.
import type { OrtModule } from '@/engine/index';

let loaded: Promise<OrtModule> | undefined;

/**
 * The wasm-only build (the default entry would pull a WebGPU build that a
 * plain page cannot use here anyway), asked for one thread: threads need
 * cross-origin isolation, which the site does not have, and ORT would try and
 * warn. The engine's own `import('onnxruntime-web/wasm')` gets this same
 * module, so the setting holds for it too. Loaded once per worker.
 */
export function loadWasmOrt(): Promise<OrtModule> {
  loaded ??= import('onnxruntime-web/wasm').then((ort: OrtModule) => {
    ort.env.wasm.numThreads = 1;
    return ort;
  });
  return loaded;
}

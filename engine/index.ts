// The engine's public face: the UI, the worker, API routes, scripts and tests import from here alone.
export * from './types';
export * from './random';
export * from './parallel-run/index';
export * from './dataset/index';
export * from './onnx/index';
export * from './schedule/index';
export * from './pipeline/index';
export * from './realtime/index';

// The engine's public face, by room: each room's index.ts names what callers may use (as zustand offers
// zustand/vanilla beside zustand/middleware); this file re-exports the rooms for the UI, workers, API routes, scripts
// and tests. Import a room (e.g. '@/engine/schedule/index') where only that room is needed.
export * from './types';
export * from './random';
export * from './parallel-run/index';
export * from './dataset/index';
export * from './onnx/index';
export * from './schedule/index';
export * from './pipeline/index';
export * from './realtime/index';
export * from './dialects/index';

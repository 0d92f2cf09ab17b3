// The worker's global scope, typed as one. The project compiles with both the
// DOM and the webworker libraries (pages and workers share modules), so `self`
// is typed as a Window; inside a dedicated worker it is this scope instead.
/// <reference lib="webworker" />

export function workerScope(): DedicatedWorkerGlobalScope {
  // The one cast TypeScript cannot avoid here: the library types cannot know which kind of global runs this module.
  return self as unknown as DedicatedWorkerGlobalScope;
}

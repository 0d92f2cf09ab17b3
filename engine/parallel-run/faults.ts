// Turns a FaultPlan into yes/no answers during the run. Every random answer
// comes from a dedicated stream of the job's seed, drawn in event order, so a
// seed reproduces the same faults.
import type { MiniBatch } from '../types';
import type { Random } from '../random';
import type { DatastoreAccessFault, FaultPlan } from './sim-types';
import { miniBatchItemId, miniBatchLength } from './partition';

export interface FaultInjector {
  /** Extra virtual seconds of slow items in each mini-batch, or null when none are slow. */
  readonly slowSeconds: Float64Array | null;
  attemptThrows(miniBatchId: number, attempt: number): boolean;
  initFails(node: number): boolean;
  /** Seconds until the next seeded preemption of a node, or Infinity. */
  preemptionDelay(): number;
  readonly explicitPreemptions: readonly { node: number; time: number }[];
  readonly maxPreemptions: number;
  readonly datastoreAccess: DatastoreAccessFault | null;
}

export const DEFAULT_MAX_PREEMPTIONS = 20;

export function createFaultInjector(plan: FaultPlan | undefined, batches: MiniBatch[], rng: Random): FaultInjector {
  const attemptRng = rng.fork('attempts');
  const initRng = rng.fork('init');
  const preemptRng = rng.fork('preemption');
  const failing = new Map<number, number>();
  for (const entry of plan?.failingMiniBatches ?? []) failing.set(entry.id, entry.attempts ?? Infinity);
  const exceptionRate = plan?.exceptionRate ?? 0;
  const initPlan = plan?.initFailure;
  const failingNodes = new Set(initPlan?.nodes ?? []);
  const preemptRate = plan?.preemption?.ratePerNodeHour ?? 0;

  return {
    slowSeconds: slowSecondsPerBatch(plan, batches, rng.fork('slow')),
    attemptThrows(miniBatchId, attempt) {
      if (attempt <= (failing.get(miniBatchId) ?? 0)) return true;
      return exceptionRate > 0 && attemptRng.next() < exceptionRate;
    },
    initFails(node) {
      if (!initPlan) return false;
      if (initPlan.always || failingNodes.has(node)) return true;
      return (initPlan.rate ?? 0) > 0 && initRng.next() < (initPlan.rate ?? 0);
    },
    preemptionDelay() {
      if (preemptRate <= 0) return Infinity;
      return (-Math.log(1 - preemptRng.next()) / preemptRate) * 3600;
    },
    explicitPreemptions: plan?.preemption?.at ?? [],
    maxPreemptions: plan?.preemption?.max ?? DEFAULT_MAX_PREEMPTIONS,
    datastoreAccess: plan?.datastoreAccess ?? null,
  };
}

function slowSecondsPerBatch(plan: FaultPlan | undefined, batches: MiniBatch[], rng: Random): Float64Array | null {
  const slow = plan?.slowItems;
  if (!slow || slow.seconds <= 0 || (!slow.ids?.length && !(slow.rate && slow.rate > 0))) return null;
  const ids = new Set(slow.ids ?? []);
  const rate = slow.rate ?? 0;
  const seconds = new Float64Array(batches.length);
  for (const batch of batches) {
    const id = miniBatchItemId(batch);
    const size = miniBatchLength(batch);
    let extra = 0;
    for (let i = 0; i < size; i++) {
      const drawn = rate > 0 && rng.next() < rate;
      if (drawn || (ids.size > 0 && ids.has(id(i)))) extra += slow.seconds;
    }
    seconds[batch.id] = extra;
  }
  return seconds;
}

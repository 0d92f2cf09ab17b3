// The DAG behind a pipeline: which step produces each named output, which
// steps a step depends on, a stable topological order and any cycle.
import type { PipelineStep } from './types';

export interface PipelineGraph {
  /** Output name → the first step that declares it. */
  producers: Map<string, string>;
  /** Step name → names of the steps whose outputs it consumes (deduplicated, in input order). */
  dependencies: Map<string, string[]>;
  /** Steps in an order where every step comes after its dependencies (only when acyclic). */
  order: string[];
  /** One cycle as a closed walk (first name repeated at the end), or null. */
  cycle: string[] | null;
}

export function buildGraph(steps: readonly PipelineStep[]): PipelineGraph {
  const producers = new Map<string, string>();
  for (const step of steps) for (const output of step.outputs) if (!producers.has(output)) producers.set(output, step.name);
  const dependencies = new Map<string, string[]>();
  for (const step of steps) {
    if (dependencies.has(step.name)) continue; // duplicates are reported elsewhere
    const deps: string[] = [];
    for (const input of step.inputs) {
      const producer = producers.get(input);
      if (producer !== undefined && !deps.includes(producer)) deps.push(producer);
    }
    dependencies.set(step.name, deps);
  }
  const order = topologicalOrder(dependencies);
  return { producers, dependencies, order, cycle: order.length < dependencies.size ? findCycle(dependencies) : null };
}

/** Kahn's algorithm, always taking the earliest-declared ready step, so the order is stable. */
function topologicalOrder(dependencies: Map<string, string[]>): string[] {
  const names = [...dependencies.keys()];
  const remaining = new Map(names.map((n) => [n, new Set(dependencies.get(n))]));
  const order: string[] = [];
  let progressed = true;
  while (progressed) {
    progressed = false;
    for (const name of names) {
      const deps = remaining.get(name);
      if (!deps || deps.size > 0) continue;
      order.push(name);
      remaining.delete(name);
      for (const other of remaining.values()) other.delete(name);
      progressed = true;
      break;
    }
  }
  return order;
}

function findCycle(dependencies: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (name: string): string[] | null => {
    state.set(name, 'visiting');
    stack.push(name);
    for (const dep of dependencies.get(name) ?? []) {
      if (state.get(dep) === 'visiting') {
        // Reverse so the walk reads in data-flow order: producer → consumer.
        return [...stack.slice(stack.indexOf(dep)), dep].reverse();
      }
      if (!state.has(dep)) {
        const found = visit(dep);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(name, 'done');
    return null;
  };
  for (const name of dependencies.keys()) {
    if (state.has(name)) continue;
    const found = visit(name);
    if (found) return found;
  }
  return null;
}

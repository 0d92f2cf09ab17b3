// Nodes of each cluster during one pipeline run. A cluster scales from zero:
// a step that needs more nodes than are idle pays node start-up; a node a
// finished step released stays warm for idle_seconds_before_scaledown, so the
// next step on that cluster starts at once. Steps that do not fit beside the
// ones already running on the cluster wait in Queued.
import type { ComputeCluster } from './types';

interface ClusterState {
  cluster: ComputeCluster;
  inUse: number;
  /** When each idle node was released, oldest first. */
  idleSince: number[];
}

export interface Acquired {
  /** Nodes that had to be started from cold. */
  cold: number;
  warm: number;
}

export class ClusterPool {
  private readonly states = new Map<string, ClusterState>();

  constructor(clusters: Record<string, ComputeCluster>) {
    for (const cluster of Object.values(clusters)) this.states.set(cluster.name, { cluster, inUse: 0, idleSince: [] });
  }

  private state(name: string): ClusterState {
    const state = this.states.get(name);
    if (!state) throw new Error(`Unknown compute ${name}`);
    return state;
  }

  canStart(name: string, nodes: number): boolean {
    const state = this.state(name);
    return state.inUse + nodes <= state.cluster.max_nodes;
  }

  /** True when no amount of waiting lets the step start (more nodes than max_nodes). */
  neverFits(name: string, nodes: number): boolean {
    return nodes > this.state(name).cluster.max_nodes;
  }

  acquire(name: string, nodes: number, now: number): Acquired {
    const state = this.state(name);
    const limit = state.cluster.idle_seconds_before_scaledown;
    // Nodes idle for longer than the scale-down delay are gone.
    state.idleSince = state.idleSince.filter((since) => now - since <= limit);
    const warm = Math.min(nodes, state.idleSince.length);
    // Take the most recently released nodes first.
    state.idleSince.splice(state.idleSince.length - warm, warm);
    state.inUse += nodes;
    return { cold: nodes - warm, warm };
  }

  release(name: string, nodes: number, now: number): void {
    const state = this.state(name);
    state.inUse -= nodes;
    for (let i = 0; i < nodes; i++) state.idleSince.push(now);
  }
}

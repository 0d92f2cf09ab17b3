// The three documented init() failure rules, as bookkeeping the job loop
// consults. They are kept apart from the loop because they are the part a
// learner is most likely to ask about.
//  1. Per node: after 3 × process_count_per_node init() failures on a node,
//     its processes stop retrying.
//  2. Job-wide: once the job has run for 2 minutes, 2 × node_count ×
//     process_count_per_node failures in total stop it.
//  3. No progress: if every process is stuck in init() for more than
//     3 × run_invocation_timeout + 30 seconds, the job fails.
// Both time windows are measured from when the first node is ready, i.e.
// when the job's driver is running (Microsoft does not say which clock).
import { V1_NAMES, type SettingNames } from './rules';
import type { SimNode } from './workers';

export const JOB_WIDE_GRACE_SECONDS = 120;

export type Verdict = { fail: string } | { checkAt: number } | null;

export class InitFailureRules {
  readonly perNodeLimit: number;
  readonly jobWideLimit: number;
  readonly stuckLimit: number;
  /** Processes past init(): idle or working. */
  readyCount = 0;
  private failures = 0;
  private startedAt: number | null = null;
  private stuckEpoch = 0;
  private stuckOpen = false;
  private jobWideQueued = false;

  constructor(nodeCount: number, processCountPerNode: number, runInvocationTimeout: number, private readonly names: SettingNames = V1_NAMES) {
    this.perNodeLimit = 3 * processCountPerNode;
    this.jobWideLimit = 2 * nodeCount * processCountPerNode;
    this.stuckLimit = 3 * runInvocationTimeout + 30;
  }

  /** Marks the job as running (first node ready); later calls are ignored. */
  jobStarted(now: number): boolean {
    if (this.startedAt !== null) return false;
    this.startedAt = now;
    return true;
  }

  /** A process begins init(). Returns a no-progress check to schedule, if a stuck window opens now. */
  initStarting(now: number): { at: number; epoch: number } | null {
    if (this.readyCount > 0 || this.stuckOpen) return null;
    this.stuckOpen = true;
    return { at: now + this.stuckLimit, epoch: this.stuckEpoch };
  }

  processReady(): void {
    if (this.readyCount === 0 && this.stuckOpen) {
      this.stuckOpen = false;
      this.stuckEpoch++;
    }
    this.readyCount++;
  }

  processLeftReady(): void {
    this.readyCount--;
  }

  /** Nobody is in init() any more (their node was preempted): nothing is stuck. */
  nobodyStarting(): void {
    if (!this.stuckOpen) return;
    this.stuckOpen = false;
    this.stuckEpoch++;
  }

  /** Counts a failure; true when the node has now reached its limit. */
  recordFailure(node: SimNode): boolean {
    node.initFailures++;
    this.failures++;
    return node.initFailures >= this.perNodeLimit;
  }

  jobWideVerdict(now: number): Verdict {
    if (this.startedAt === null || this.failures < this.jobWideLimit) return null;
    const runningFor = now - this.startedAt;
    if (runningFor >= JOB_WIDE_GRACE_SECONDS) {
      return {
        fail: `${this.failures} init() failures job-wide after ${Math.round(runningFor)} s, reaching 2 × ${this.names.nodeCount} × ${this.names.processCountPerNode} = ${this.jobWideLimit} with the job running for 2 minutes or more`,
      };
    }
    if (this.jobWideQueued) return null;
    this.jobWideQueued = true;
    return { checkAt: this.startedAt + JOB_WIDE_GRACE_SECONDS };
  }

  noProgressVerdict(epoch: number): string | null {
    if (epoch !== this.stuckEpoch || !this.stuckOpen || this.readyCount > 0) return null;
    return `no progress: every process has been in init() for more than 3 × ${this.names.runInvocationTimeout} + 30 = ${this.stuckLimit} s`;
  }

  perNodeMessage(): string {
    return `every node stopped retrying init() after 3 × ${this.names.processCountPerNode} = ${this.perNodeLimit} failures each; no process is left to run mini-batches`;
  }
}

// The compute side of the simulation: a small VM catalogue and the model that
// turns work into virtual seconds and dollars.
//
// PRICES AND START-UP TIMES ARE ILLUSTRATIVE. Microsoft's pages used for this
// project give no per-VM prices (only that low priority is "reduced price")
// and no node start-up time. The figures below are round numbers of a
// plausible order of magnitude, chosen so that comparisons (more nodes, GPU vs
// CPU, dedicated vs low priority) come out the right way round. Never quote
// them as Azure prices.

export type VmPriority = 'dedicated' | 'lowpriority';

export interface VmSize {
  name: string;
  cores: number;
  memoryGiB: number;
  /** Physical GPUs; 0 on CPU sizes. */
  gpus: number;
  gpu: boolean;
  /** Illustrative USD per node-hour, dedicated. */
  pricePerHourDedicated: number;
  /** Illustrative USD per node-hour, low priority. */
  pricePerHourLowPriority: number;
  /** Illustrative seconds from request to a node ready to run processes. */
  startupSeconds: number;
  /** Relative speed of one process on this size (1 = Standard_DS3_v2 core). */
  speed: number;
}

export const VM_SIZES: Readonly<Record<string, VmSize>> = {
  Standard_DS3_v2: vm('Standard_DS3_v2', 4, 14, 0, 0.3, 0.06, 240, 1),
  Standard_D13_v2: vm('Standard_D13_v2', 8, 56, 0, 0.75, 0.15, 240, 1),
  Standard_F16s_v2: vm('Standard_F16s_v2', 16, 32, 0, 0.7, 0.14, 240, 1.25),
  Standard_NC6: vm('Standard_NC6', 6, 56, 1, 0.9, 0.18, 420, 1),
  Standard_NC6s_v3: vm('Standard_NC6s_v3', 6, 112, 1, 3.1, 0.62, 420, 1.1),
};

function vm(
  name: string,
  cores: number,
  memoryGiB: number,
  gpus: number,
  pricePerHourDedicated: number,
  pricePerHourLowPriority: number,
  startupSeconds: number,
  speed: number,
): VmSize {
  return { name, cores, memoryGiB, gpus, gpu: gpus > 0, pricePerHourDedicated, pricePerHourLowPriority, startupSeconds, speed };
}

/** The simulator's default: the v2 YAML default size, a cheap CPU node. */
export const DEFAULT_VM_SIZE = 'Standard_DS3_v2';

/**
 * How work becomes virtual time. A run() call costs a fixed overhead plus a
 * share per item and per megabyte, so tiny mini-batches pay the overhead many
 * times and more workers finish the same work sooner.
 */
export interface CostTimeModel {
  /** Fixed seconds per run() call: fetching the mini-batch, calling into the script. */
  runCallSeconds: number;
  /** Seconds of work per item. */
  itemSeconds: number;
  /** Seconds per MiB read (1 MiB = 1024*1024 bytes). */
  megabyteSeconds: number;
  /** Seconds a process needs to start and call init(), before any spend(). */
  initSeconds: number;
  /** Seconds to bring a crashed (out-of-memory) process back up. */
  restartSeconds: number;
  /** In-memory size of a mini-batch as a multiple of its bytes on disk (parsing, DataFrame overhead). */
  memoryExpansionFactor: number;
  /** Item work runs this many times faster in a process that has a GPU. */
  gpuItemSpeedup: number;
  /** Relative jitter of node start-up time (0.1 = ±10 %), drawn from the seed. */
  startupJitter: number;
}

export const DEFAULT_COST_TIME_MODEL: Readonly<CostTimeModel> = {
  runCallSeconds: 0.25,
  itemSeconds: 0.0005,
  megabyteSeconds: 0.02,
  initSeconds: 5,
  restartSeconds: 15,
  memoryExpansionFactor: 10,
  gpuItemSpeedup: 8,
  startupJitter: 0.1,
};

export interface ComputeSpec {
  /** A key of VM_SIZES; defaults to Standard_DS3_v2. */
  vmSize?: string | undefined;
  priority?: VmPriority | undefined;
  /** The cluster's max_nodes; node_count must not exceed it (SDK check). */
  maxNodes?: number | undefined;
  /** Overrides for the time model, e.g. a slower per-item cost. */
  model?: Partial<CostTimeModel> | undefined;
}

export interface ResolvedCompute {
  vm: VmSize;
  priority: VmPriority;
  model: CostTimeModel;
  pricePerHour: number;
}

/** Fills in defaults; throws on a VM size the catalogue does not know. */
export function resolveCompute(spec: ComputeSpec | undefined): ResolvedCompute {
  const name = spec?.vmSize ?? DEFAULT_VM_SIZE;
  const vmSize = VM_SIZES[name];
  if (!vmSize) throw new Error(`Unknown VM size ${JSON.stringify(name)}; known sizes: ${Object.keys(VM_SIZES).join(', ')}`);
  const priority = spec?.priority ?? 'dedicated';
  const pricePerHour = priority === 'lowpriority' ? vmSize.pricePerHourLowPriority : vmSize.pricePerHourDedicated;
  return { vm: vmSize, priority, model: { ...DEFAULT_COST_TIME_MODEL, ...spec?.model }, pricePerHour };
}

/** v1 default when process_count_per_node is unset: 1 on a GPU size, one per core on a CPU size. */
export function defaultProcessCountPerNode(vmSize: VmSize): number {
  return vmSize.gpu ? 1 : vmSize.cores;
}

/** Bytes of memory each process may use: the node's memory shared evenly. */
export function processMemoryBytes(vmSize: VmSize, processCountPerNode: number): number {
  return (vmSize.memoryGiB * 1024 ** 3) / processCountPerNode;
}

/** Base virtual seconds of one run() call, before anything the script spends. */
export function baseRunSeconds(
  compute: ResolvedCompute,
  itemCount: number,
  bytes: number,
  hasGpu: boolean,
): number {
  const { model, vm: size } = compute;
  const itemWork = (itemCount * model.itemSeconds) / (hasGpu ? model.gpuItemSpeedup : 1);
  return model.runCallSeconds + (itemWork + (bytes / 1048576) * model.megabyteSeconds) / size.speed;
}

/** Illustrative dollars for node-seconds at the resolved price. */
export function costUsd(compute: ResolvedCompute, nodeSeconds: number): number {
  return (nodeSeconds / 3600) * compute.pricePerHour;
}

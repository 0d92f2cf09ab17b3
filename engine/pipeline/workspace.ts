// createWorkspace: the chapter's workspace, built in memory. The engine does
// no I/O, so model bytes are handed in by the caller; the sample data comes
// from the seeded credit-risk generator.
import { VM_SIZES } from '../parallel-run/compute';
import { formatIso, generatedBlobBytes, parseIso } from './datastore';
import type {
  ComputeCluster,
  Datastore,
  DatastoreBlob,
  Environment,
  GeneratedBlobSource,
  ModelVersion,
  RegisteredModel,
  Workspace,
} from './types';

export interface WorkspaceSpec {
  name?: string;
  /** The credit-risk ONNX file. Without it the registry still validates, but scoring fails at init(). */
  modelBytes?: Uint8Array;
  /** Rows in each of the two sample blobs (default 1000, so 2000 in all). */
  sampleRows?: number;
  sampleSeed?: number;
  /** Virtual start time, ISO UTC (kept to the second); callers may pass the real time. */
  clock?: string;
  /** Extra or replacement clusters, by name. */
  computes?: (Partial<ComputeCluster> & { name: string })[];
  /** Extra or replacement environments, by name. */
  environments?: Environment[];
}

export const DEFAULT_WORKSPACE_CLOCK = '2025-03-03T08:00:00Z';
export const SAMPLE_DATA_FOLDER = 'credit-risk/applicants/';
export const DEFAULT_DATASTORE = 'workspaceblobstore';
/** A second store whose container the compute identity may not read (the datastore_access case). */
export const RESTRICTED_DATASTORE = 'partnerblobstore';
/** v1 AmlCompute default; v2 documents 120 s instead (fact sheet §7). */
export const DEFAULT_IDLE_SECONDS = 1800;

const DEFAULT_COMPUTES: ComputeCluster[] = [
  cluster('cpu-cluster', 'Standard_DS3_v2', 4, 'dedicated'),
  cluster('gpu-cluster', 'Standard_NC6s_v3', 2, 'dedicated'),
  cluster('lowpri-cluster', 'Standard_DS3_v2', 4, 'low_priority'),
];

const DEFAULT_ENVIRONMENTS: Environment[] = [
  { name: 'scoring-env', packages: ['python', 'azureml-defaults', 'pandas', 'numpy', 'onnxruntime'] },
  // Deliberately lacks onnxruntime: the missing_package case.
  { name: 'basic-env', packages: ['python', 'azureml-defaults', 'pandas', 'numpy'] },
];

function cluster(name: string, vm_size: string, max_nodes: number, tier: ComputeCluster['tier']): ComputeCluster {
  return { name, vm_size, max_nodes, tier, idle_seconds_before_scaledown: DEFAULT_IDLE_SECONDS };
}

function generatedBlob(source: GeneratedBlobSource, modified: string): DatastoreBlob {
  return { generator: source, modified, bytes: generatedBlobBytes(source) };
}

function sampleStores(rows: number, seed: number, clock: string): Record<string, Datastore> {
  const blob = (n: number): DatastoreBlob => generatedBlob({ kind: 'credit-risk', rows, seed: seed + n }, clock);
  return {
    [DEFAULT_DATASTORE]: {
      name: DEFAULT_DATASTORE,
      type: 'AzureBlob',
      can_read: true,
      blobs: {
        [`${SAMPLE_DATA_FOLDER}applicants-001.csv`]: blob(1),
        [`${SAMPLE_DATA_FOLDER}applicants-002.csv`]: blob(2),
      },
    },
    [RESTRICTED_DATASTORE]: {
      name: RESTRICTED_DATASTORE,
      type: 'AzureBlob',
      can_read: false,
      blobs: { [`${SAMPLE_DATA_FOLDER}applicants-partner.csv`]: blob(3) },
    },
  };
}

function sampleModels(bytes: Uint8Array | undefined, clock: string): Record<string, RegisteredModel> {
  const version = (v: number, description: string, extra: Partial<ModelVersion> = {}): ModelVersion => ({
    version: v,
    requires_gpu: false,
    ...(bytes && { bytes }),
    description,
    registered: clock,
    ...extra,
  });
  return {
    'credit-risk': {
      name: 'credit-risk',
      versions: [
        version(1, 'Logistic regression with the untuned 0.5 decision threshold', { threshold: 0.5 }),
        version(2, 'Same weights; threshold tuned on held-out data (Youden)'),
      ],
    },
    // Stands in for a CUDA-only network: same graph, but registered as needing a GPU.
    'credit-risk-dnn': {
      name: 'credit-risk-dnn',
      versions: [version(1, 'Deep model packaged for CUDA only; init() fails without a GPU', { requires_gpu: true })],
    },
  };
}

function byName<T extends { name: string }>(items: T[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const item of items) out[item.name] = item;
  return out;
}

function mergeComputes(extra: WorkspaceSpec['computes'] = []): Record<string, ComputeCluster> {
  const computes = byName(DEFAULT_COMPUTES.map((c) => ({ ...c })));
  for (const spec of extra) {
    const merged = { ...cluster(spec.name, 'Standard_DS3_v2', 4, 'dedicated'), ...computes[spec.name], ...spec };
    if (!VM_SIZES[merged.vm_size]) {
      throw new Error(`Compute ${merged.name}: vm_size ${JSON.stringify(merged.vm_size)} is not in the catalogue (${Object.keys(VM_SIZES).join(', ')})`);
    }
    computes[spec.name] = merged;
  }
  return computes;
}

/** The default workspace of the chapter, or one adjusted by `spec`. */
export function createWorkspace(spec: WorkspaceSpec = {}): Workspace {
  const clock = spec.clock === undefined ? DEFAULT_WORKSPACE_CLOCK : formatIso(parseIso(spec.clock));
  const environments = byName([...DEFAULT_ENVIRONMENTS.map((e) => ({ ...e, packages: [...e.packages] })), ...(spec.environments ?? [])]);
  return {
    name: spec.name ?? 'batch-inference-lab',
    computes: mergeComputes(spec.computes),
    datastores: sampleStores(spec.sampleRows ?? 1000, spec.sampleSeed ?? 4100, clock),
    models: sampleModels(spec.modelBytes, clock),
    environments,
    default_environment: 'basic-env',
    published: {},
    reuse: {},
    artifacts: {},
    clock,
    runCount: 0,
  };
}

/** A model version from the registry: 'latest' (or omitted) is the newest; numbers may come as text. */
export function resolveModelVersion(ws: Workspace, name: string, version: unknown): ModelVersion | undefined {
  const model = ws.models[name];
  if (!model) return undefined;
  if (version === undefined || version === 'latest') return model.versions[model.versions.length - 1];
  const wanted = typeof version === 'string' && /^\d+$/.test(version) ? Number(version) : version;
  return model.versions.find((v) => v.version === wanted);
}

/** Adds a new version of a model (next number) and returns it. */
export function registerModelVersion(
  ws: Workspace,
  name: string,
  version: Omit<ModelVersion, 'version' | 'registered'>,
): ModelVersion {
  const model = (ws.models[name] ??= { name, versions: [] });
  const last = model.versions[model.versions.length - 1];
  const added: ModelVersion = { ...version, version: (last?.version ?? 0) + 1, registered: ws.clock };
  model.versions.push(added);
  return added;
}

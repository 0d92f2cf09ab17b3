// Types of the pipeline layer: a workspace (compute, datastores, model
// registry, environments, reuse memory, published pipelines), pipelines as
// plain objects a learner can edit, and the run report. Field names follow
// SDK v1 in snake_case where SDK v1 has a name for the thing.
// This file holds the workspace and re-exports the other two: types-pipeline.ts
// (definitions) and types-run.ts (runs and publishing).
import type { Artifact } from './types-pipeline';
import type { PublishedPipeline } from './types-run';

export type * from './types-pipeline';
export type * from './types-run';

// ---- workspace -------------------------------------------------------------

export type ComputeTier = 'dedicated' | 'low_priority';

export interface ComputeCluster {
  name: string;
  /** A key of VM_SIZES (the parallel-run compute catalogue). */
  vm_size: string;
  max_nodes: number;
  tier: ComputeTier;
  /** Seconds an idle node stays up; the v1 AmlCompute default is 1800 (v2 docs say 120). */
  idle_seconds_before_scaledown: number;
}

/** A blob made on demand by a seeded generator instead of stored text. */
export interface GeneratedBlobSource {
  kind: 'credit-risk';
  rows: number;
  seed: number;
  corruptShare?: number;
  skew?: number;
}

export interface DatastoreBlob {
  /** CSV text; exactly one of content and generator is set. */
  content?: string;
  generator?: GeneratedBlobSource;
  /** Virtual UTC time of the last write, ISO `YYYY-MM-DDTHH:MM:SSZ`. */
  modified: string;
  bytes: number;
}

export interface Datastore {
  name: string;
  type: 'AzureBlob';
  /** False models a compute identity without read permission on the container. */
  can_read: boolean;
  /** Blob path (no leading slash) → blob. */
  blobs: Record<string, DatastoreBlob>;
}

export interface ModelVersion {
  version: number;
  requires_gpu: boolean;
  /** The ONNX file; absent when the workspace was made without model bytes. */
  bytes?: Uint8Array;
  /** Decision threshold override; omitted means the model's own metadata. */
  threshold?: number;
  description: string;
  registered: string;
}

export interface RegisteredModel {
  name: string;
  /** Ascending by version. */
  versions: ModelVersion[];
}

export interface Environment {
  name: string;
  /** Package names as pip knows them (lower case). */
  packages: string[];
}

export interface ReuseEntry {
  key: string;
  runId: string;
  stepRunId: string;
  /** Output name → output identity. */
  outputs: Record<string, string>;
}

export interface Workspace {
  name: string;
  computes: Record<string, ComputeCluster>;
  datastores: Record<string, Datastore>;
  models: Record<string, RegisteredModel>;
  environments: Record<string, Environment>;
  /** Used by steps that name no environment. */
  default_environment: string;
  published: Record<string, PublishedPipeline>;
  /** Completed step runs by reuse key, oldest first (capped). */
  reuse: Record<string, ReuseEntry>;
  /** Step outputs by identity, kept while a reuse entry refers to them. */
  artifacts: Record<string, Artifact>;
  /** Virtual wall clock, ISO UTC; runs and blob writes move it forward. */
  clock: string;
  runCount: number;
}

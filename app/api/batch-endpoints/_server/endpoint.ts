// The one batch endpoint this server hosts, "credit-risk", and its model
// deployment, written the way `az ml batch-deployment create -f` reads it
// (the engine's v2-batch-deployment config shape). Per-job overrides are laid
// over this YAML, then checked by the engine's own schema.
import type { ComputeSpec } from '@/engine/index';

export const ENDPOINT_NAME = 'credit-risk';

export interface DeploymentDefinition {
  name: string;
  description: string;
  compute: ComputeSpec & { name: string };
  /** The deployment YAML as JSON (type: model). */
  yaml: {
    type: 'model';
    name: string;
    endpoint_name: string;
    model: string;
    compute: string;
    resources: { instance_count: number };
    settings: {
      max_concurrency_per_instance: number;
      mini_batch_size: number;
      error_threshold: number;
      logging_level: string;
      retry_settings: { max_retries: number; timeout: number };
      output_action: string;
      output_file_name: string;
    };
  };
}

const CLUSTER = { name: 'cpu-cluster', vmSize: 'Standard_DS3_v2', maxNodes: 8 } as const;

export const DEPLOYMENTS: readonly DeploymentDefinition[] = [
  {
    name: 'credit-risk-onnx',
    description: 'The credit-risk logistic regression exported to ONNX (public/models/credit-risk.onnx), scored with onnxruntime',
    compute: CLUSTER,
    yaml: {
      type: 'model',
      name: 'credit-risk-onnx',
      endpoint_name: ENDPOINT_NAME,
      model: 'azureml:credit-risk:1',
      compute: `azureml:${CLUSTER.name}`,
      resources: { instance_count: 2 },
      settings: {
        max_concurrency_per_instance: 2,
        mini_batch_size: 10,
        error_threshold: -1,
        logging_level: 'info',
        retry_settings: { max_retries: 3, timeout: 30 },
        output_action: 'append_row',
        output_file_name: 'predictions.csv',
      },
    },
  },
];

export const DEFAULT_DEPLOYMENT = 'credit-risk-onnx';

export function findDeployment(name: string): DeploymentDefinition | undefined {
  return DEPLOYMENTS.find((d) => d.name === name);
}

/** Where a job's outputs go when the request names no output_path: a folder of its own, as Azure does. */
export function defaultOutputPath(jobId: string): string {
  return `azureml://datastores/workspaceblobstore/paths/azureml/${jobId}/score/`;
}

/** The generated input: credit-risk applicants split into CSV files. */
export const INPUT_LIMITS = {
  rows: { min: 1000, max: 200_000, default: 10_000 },
  files: { min: 1, max: 1000, default: 10 },
  corrupt: { min: 0, max: 0.3, default: 0.015 },
  seed: { min: 0, max: 2 ** 31 - 1, default: 20261207 },
} as const;

/** The request field of each per-job override, and where it sits in the deployment YAML. */
export const OVERRIDE_PATHS = {
  instance_count: 'resources.instance_count',
  max_concurrency_per_instance: 'settings.max_concurrency_per_instance',
  mini_batch_size: 'settings.mini_batch_size',
  error_threshold: 'settings.error_threshold',
  logging_level: 'settings.logging_level',
  max_retries: 'settings.retry_settings.max_retries',
  timeout: 'settings.retry_settings.timeout',
  output_action: 'settings.output_action',
  output_file_name: 'settings.output_file_name',
} as const;

export type OverrideField = keyof typeof OVERRIDE_PATHS;

export const OVERRIDE_FIELDS = Object.keys(OVERRIDE_PATHS) as OverrideField[];

// "Show me the code" for a batch endpoint: the endpoint and its model
// deployment as CLI v2 YAML, with the deployment's settings from the lab's
// slots, and the command that starts a scoring job.
import { toDialectConfig } from '../sdk';
import type { LabSettings } from '../settings';
import { NAMES, yamlValue } from './names';

export const BATCH_NAMES = { endpoint: 'credit-risk', deployment: 'credit-risk-onnx', model: 'credit-risk' } as const;

export interface BatchFiles {
  endpoint: string;
  deployment: string;
  invoke: string;
}

export function yamlBatch(settings: LabSettings): BatchFiles {
  return { endpoint: endpointYaml(), deployment: deploymentYaml(settings), invoke: invokeCommand(settings) };
}

function endpointYaml(): string {
  return [
    '# endpoint.yml: az ml batch-endpoint create --file endpoint.yml',
    '$schema: https://azuremlschemas.azureedge.net/latest/batchEndpoint.schema.json',
    `name: ${BATCH_NAMES.endpoint}`,
    'description: Scores credit applicants in batches.',
    'auth_mode: aad_token',
    '',
  ].join('\n');
}

/** Nested YAML of the settings the slots set; the rest keep the deployment's defaults (named in comments). */
function deploymentYaml(settings: LabSettings): string {
  const config = toDialectConfig('v2-batch-deployment', settings, settings.dataset);
  const lines = [
    '# deployment.yml: az ml batch-deployment create --file deployment.yml --set-default',
    '$schema: https://azuremlschemas.azureedge.net/latest/modelBatchDeployment.schema.json',
    `name: ${BATCH_NAMES.deployment}`,
    `endpoint_name: ${BATCH_NAMES.endpoint}`,
    'type: model',
    `model: azureml:${BATCH_NAMES.model}@latest`,
    'code_configuration:',
    `  code: ./${NAMES.sourceDirectory}`,
    `  scoring_script: ${NAMES.entryScript}`,
    `environment: azureml:${NAMES.environment}@latest`,
    `compute: azureml:${NAMES.cluster}`,
    ...yamlLines(config.resources, 'resources', 0),
    ...yamlLines(config.settings, 'settings', 0),
    '# Unset settings keep their defaults: instance_count 1, max_concurrency_per_instance 1, mini_batch_size 10,',
    '# error_threshold -1, retry_settings 3 tries and 30 s, output_action append_row, output_file_name predictions.csv.',
  ];
  return `${lines.join('\n')}\n`;
}

function yamlLines(value: unknown, key: string, depth: number): string[] {
  if (value === undefined) return [];
  const pad = '  '.repeat(depth);
  if (value === null || typeof value !== 'object') return [`${pad}${key}: ${yamlValue(value)}`];
  return [`${pad}${key}:`, ...Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => yamlLines(v, k, depth + 1))];
}

function invokeCommand(settings: LabSettings): string {
  const input = settings.dataset === 'file' ? NAMES.fileInput.dataset : NAMES.tabularInput.dataset;
  return [
    `az ml batch-endpoint invoke --name ${BATCH_NAMES.endpoint} \\`,
    `  --deployment-name ${BATCH_NAMES.deployment} \\`,
    `  --input azureml:${input}@latest --input-type uri_folder`,
    '',
  ].join('\n');
}

// "Show me the code", v2: the cluster as an amlCompute YAML and the job as a
// pipeline with one `type: parallel` step. v1 names map to v2 keys as the
// chapter's table shows; v2 has no error_threshold or allowed_failed_percent
// keys, so those travel as program_arguments.
import { toLooseConfig } from '../config';
import { MAX_NODES, type LabSettings } from '../settings';
import { NAMES, yamlValue } from './names';

export interface YamlFiles {
  compute: string;
  job: string;
}

export function yamlV2(settings: LabSettings): YamlFiles {
  return { compute: computeYaml(settings), job: jobYaml(settings) };
}

function computeYaml(settings: LabSettings): string {
  return [
    `# ${NAMES.cluster}.yml: az ml compute create --file ${NAMES.cluster}.yml`,
    '$schema: https://azuremlschemas.azureedge.net/latest/amlCompute.schema.json',
    `name: ${NAMES.cluster}`,
    'type: amlcompute',
    `size: ${settings.vm_size}`,
    `tier: ${settings.low_priority ? 'low_priority' : 'dedicated'}`,
    'min_instances: 0',
    `max_instances: ${MAX_NODES}`,
    '',
  ].join('\n');
}

function jobYaml(settings: LabSettings): string {
  const config = toLooseConfig(settings);
  const file = settings.dataset === 'file';
  const appendRow = String(config.output_action ?? '').toLowerCase() === 'append_row';
  const input = file ? NAMES.fileInput : NAMES.tabularInput;
  const lines: string[] = [
    `# ${NAMES.pipeline}.yml: az ml job create --file ${NAMES.pipeline}.yml`,
    '$schema: https://azuremlschemas.azureedge.net/latest/pipelineJob.schema.json',
    'type: pipeline',
    `display_name: ${NAMES.pipeline}`,
    `experiment_name: ${NAMES.experiment}`,
    'settings:',
    `  default_compute: azureml:${NAMES.cluster}`,
    'inputs:',
    `  ${input.variable}:`,
    `    type: ${file ? 'uri_folder' : 'mltable'}`,
    `    path: azureml:${input.dataset}@latest`,
    `    mode: ${file ? 'ro_mount' : 'direct'}`,
    'jobs:',
    '  score_items:',
    '    type: parallel',
    `    compute: azureml:${NAMES.cluster}`,
    '    inputs:',
    `      ${input.variable}: \${{parent.inputs.${input.variable}}}`,
  ];
  if (appendRow) {
    lines.push('    outputs:', `      ${NAMES.output}:`, '        type: uri_file', '        mode: rw_mount');
    if (config.append_row_file_name !== undefined) {
      // v2 has no append_row_file_name: the uri_file output's path names the file.
      lines.push(`        path: azureml://datastores/workspaceblobstore/paths/${NAMES.pipeline}/${String(config.append_row_file_name)}`);
    }
  }
  lines.push(`    input_data: \${{inputs.${input.variable}}}`);
  if (config.mini_batch_size !== undefined) lines.push(`    mini_batch_size: ${yamlValue(config.mini_batch_size)}`);
  if (config.node_count !== undefined) lines.push('    resources:', `      instance_count: ${yamlValue(config.node_count)}`);
  if (config.process_count_per_node !== undefined) lines.push(`    max_concurrency_per_instance: ${yamlValue(config.process_count_per_node)}`);
  if (config.allowed_failed_count !== undefined) lines.push(`    mini_batch_error_threshold: ${yamlValue(config.allowed_failed_count)}`);
  const retry: string[] = [];
  if (config.run_max_try !== undefined) retry.push(`      max_retries: ${yamlValue(config.run_max_try)}`);
  if (config.run_invocation_timeout !== undefined) retry.push(`      timeout: ${yamlValue(config.run_invocation_timeout)}`);
  if (retry.length > 0) lines.push('    retry_settings:', ...retry);
  // error_threshold is required in v1; in a parallel job it may be left to its default (-1).
  const args = config.error_threshold === undefined ? [] : [`--error_threshold ${String(config.error_threshold)}`];
  if (config.allowed_failed_percent !== undefined) args.push(`--allowed_failed_percent ${String(config.allowed_failed_percent)}`);
  lines.push(
    '    task:',
    '      type: run_function',
    `      code: ./${NAMES.sourceDirectory}`,
    `      entry_script: ${NAMES.entryScript}`,
    `      environment: azureml:${NAMES.environment}@latest`,
  );
  if (args.length > 0) lines.push('      program_arguments: >-', ...args.map((arg) => `        ${arg}`));
  if (appendRow) lines.push(`      append_row_to: \${{outputs.${NAMES.output}}}`);
  else lines.push('      # summary_only: no append_row_to, so nothing is gathered; score.py writes its own files.');
  return `${lines.join('\n')}\n`;
}

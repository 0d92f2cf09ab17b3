// "Show me the code": the lab's settings as an SDK v1 script (ParallelRunConfig,
// ParallelRunStep, Pipeline, Schedule). Unset optional parameters are left
// out, exactly as a learner would leave them out.
import { toLooseConfig } from '../config';
import { MAX_NODES, type LabSettings } from '../settings';
import { NAMES, pyValue } from './names';

function keywordLines(pairs: [string, string | undefined][], indent: string): string[] {
  return pairs.filter((pair): pair is [string, string] => pair[1] !== undefined).map(([key, value]) => `${indent}${key}=${value},`);
}

export function pythonV1(settings: LabSettings): string {
  const config = toLooseConfig(settings);
  const file = settings.dataset === 'file';
  const appendRow = String(config.output_action ?? '').toLowerCase() === 'append_row';
  const input = file ? NAMES.fileInput : NAMES.tabularInput;
  const datasetLine = `${input.variable} = Dataset.get_by_name(ws, name=${pyValue(input.dataset)})  # ${file ? 'FileDataset' : 'TabularDataset'}`;
  const inputExpr = `${input.variable}.as_named_input(${pyValue(input.variable)})${file ? '.as_mount()' : ''}`;
  const setOnly = (key: string) => (config[key] === undefined ? undefined : pyValue(config[key]));

  const configArgs = keywordLines(
    [
      ['environment', 'env'],
      ['entry_script', pyValue(NAMES.entryScript)],
      ['source_directory', pyValue(NAMES.sourceDirectory)],
      ['error_threshold', setOnly('error_threshold')],
      ['output_action', setOnly('output_action')],
      ['compute_target', 'cluster'],
      ['node_count', setOnly('node_count')],
      ['process_count_per_node', setOnly('process_count_per_node')],
      ['mini_batch_size', setOnly('mini_batch_size')],
      ['allowed_failed_count', setOnly('allowed_failed_count')],
      ['allowed_failed_percent', setOnly('allowed_failed_percent')],
      ['run_invocation_timeout', setOnly('run_invocation_timeout')],
      ['run_max_try', setOnly('run_max_try')],
      ['append_row_file_name', appendRow ? setOnly('append_row_file_name') : undefined],
    ],
    '    ',
  );

  const outputLines = appendRow
    ? [`${NAMES.output} = OutputFileDatasetConfig(name=${pyValue(NAMES.output)})`]
    : ['# summary_only: nothing is gathered, so the step needs no output; score.py writes its own files.'];
  const stepArgs = keywordLines(
    [
      ['name', pyValue(NAMES.stepName)],
      ['parallel_run_config', 'parallel_run_config'],
      ['inputs', `[${inputExpr}]`],
      ['output', appendRow ? NAMES.output : undefined],
      ['allow_reuse', 'True'],
    ],
    '    ',
  );

  return [
    '# Generated from the lab settings: Azure ML SDK v1 (azureml-core, azureml-pipeline-*).',
    'from azureml.core import Dataset, Environment, Experiment, Workspace',
    'from azureml.core.compute import AmlCompute, ComputeTarget',
    ...(appendRow ? ['from azureml.data import OutputFileDatasetConfig'] : []),
    'from azureml.pipeline.core import Pipeline, Schedule, ScheduleRecurrence',
    'from azureml.pipeline.core.schedule import TimeZone',
    'from azureml.pipeline.steps import ParallelRunConfig, ParallelRunStep',
    '',
    'ws = Workspace.from_config()',
    '',
    '# vm_size and priority belong to the cluster, not to ParallelRunConfig.',
    'cluster = ComputeTarget.create(',
    '    ws,',
    `    ${pyValue(NAMES.cluster)},`,
    '    AmlCompute.provisioning_configuration(',
    `        vm_size=${pyValue(settings.vm_size)},`,
    `        vm_priority=${pyValue(settings.low_priority ? 'lowpriority' : 'dedicated')},`,
    '        min_nodes=0,',
    `        max_nodes=${MAX_NODES},`,
    '    ),',
    ')',
    'cluster.wait_for_completion(show_output=True)',
    '',
    `env = Environment.get(ws, name=${pyValue(NAMES.environment)})`,
    datasetLine,
    '',
    'parallel_run_config = ParallelRunConfig(',
    ...configArgs,
    ')',
    ...outputLines,
    'score_step = ParallelRunStep(',
    ...stepArgs,
    ')',
    '',
    'pipeline = Pipeline(workspace=ws, steps=[score_step])',
    `run = Experiment(ws, ${pyValue(NAMES.experiment)}).submit(pipeline)`,
    'run.wait_for_completion(show_output=True)',
    '',
    'published = run.publish_pipeline(',
    `    name=${pyValue(NAMES.pipeline)},`,
    `    description=${pyValue('ParallelRunStep job from Batch Inference Lab')},`,
    `    version=${pyValue('1.0')},`,
    ')',
    'schedule = Schedule.create(',
    '    workspace=ws,',
    `    name=${pyValue(`${NAMES.pipeline}-nightly`)},`,
    '    pipeline_id=published.id,',
    `    experiment_name=${pyValue(NAMES.experiment)},`,
    `    recurrence=ScheduleRecurrence(frequency="Day", interval=1, time_of_day="02:00", time_zone=TimeZone.UTC),`,
    ')',
    '',
  ].join('\n');
}

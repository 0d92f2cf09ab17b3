'use client';
// Every setting of the full lab, grouped the way the chapter explains them.
import { DATASET_LIMITS, MAX_CORRUPT, MAX_NODES } from '@/app/_features/lab/model/settings';
import { useLab } from '@/app/_features/lab/use-lab';
import { defaultProcessCountPerNode, VM_SIZES } from '@/engine/parallel-run/compute';
import { SIMULATOR_MAX_PROCESSES_PER_NODE } from '@/engine/parallel-run/validate-config';
import { formatCount } from '../format';
import { CheckField, RangeField, SelectField, TextField } from './inputs';
import { TryThis } from './TryThis';
import { SdkSwitch } from './SdkSwitch';
import { SlotText, useSdkField } from './sdk-field';

export const VM_OPTIONS = Object.values(VM_SIZES).map((vm) => ({
  value: vm.name,
  label: `${vm.name}: ${vm.cores} cores, ${vm.memoryGiB} GiB${vm.gpu ? `, ${vm.gpus} GPU` : ', CPU only'}`,
}));

// Two decimals: the default 0.05 % must not read as 0.1 %.
const percent = (share: number) => `${Number((share * 100).toFixed(2))} %`;

export function DataControls() {
  const settings = useLab((s) => s.settings);
  const set = useLab((s) => s.set);
  const limits = DATASET_LIMITS[settings.dataset];
  const unit = settings.dataset === 'file' ? 'files' : 'rows';
  return (
    <fieldset className="lab-group">
      <legend>Data</legend>
      <SelectField
        name="dataset"
        hint="Tabular credit-risk rows scored by the ONNX model, or a FileDataset of sensor logs."
        value={settings.dataset}
        options={[
          { value: 'tabular', label: 'TabularDataset: credit-risk rows' },
          { value: 'file', label: 'FileDataset: sensor log files' },
        ]}
        onChange={(v) => set('dataset', v === 'file' ? 'file' : 'tabular')}
      />
      <RangeField
        name="dataset size"
        hint={`How many ${unit} the job reads.`}
        value={settings.rows}
        min={limits.minRows}
        max={limits.maxRows}
        step={limits.stepRows}
        format={(n) => `${formatCount(n)} ${unit}`}
        onChange={(v) => set('rows', v)}
      />
      <RangeField
        name="corrupted share"
        hint={`Share of ${unit} that cannot be read; each is one failed item.`}
        value={settings.corrupt}
        min={0}
        max={MAX_CORRUPT}
        step={0.0005}
        format={percent}
        onChange={(v) => set('corrupt', v)}
      />
      <RangeField
        name="data skew"
        hint={settings.dataset === 'tabular' ? 'Drifts the applicants (lower income, more late payments): watch the model quality.' : 'Only the tabular data can drift.'}
        value={settings.skew}
        min={0}
        max={1}
        step={0.05}
        disabled={settings.dataset !== 'tabular'}
        format={(v) => v.toFixed(2)}
        onChange={(v) => set('skew', v)}
      />
    </fieldset>
  );
}

export function ComputeControls() {
  const settings = useLab((s) => s.settings);
  const problems = useLab((s) => s.problems);
  const set = useLab((s) => s.set);
  const vm = VM_SIZES[settings.vm_size];
  const serviceDefault = vm ? defaultProcessCountPerNode(vm) : undefined;
  const processes = settings.process_count_per_node;
  const nodes = useSdkField('node_count', `Nodes the step runs on (this cluster's max_nodes is ${MAX_NODES}).`) ?? { name: 'node_count', hint: '' };
  const perNode = useSdkField('process_count_per_node', 'Worker processes per node; 0 leaves it unset so the service picks (1 per GPU size, one per core on CPU).') ?? { name: 'process_count_per_node', hint: '' };
  return (
    <fieldset className="lab-group">
      <legend>Compute</legend>
      <TryThis />
      <RangeField
        name={nodes.name}
        hint={nodes.hint}
        problems={problems.node_count}
        value={Number(settings.node_count)}
        display={settings.node_count === '' ? 'not set' : settings.node_count}
        min={1}
        max={MAX_NODES}
        onChange={(v) => set('node_count', String(v))}
      />
      <RangeField
        name={perNode.name}
        hint={perNode.hint}
        problems={problems.process_count_per_node}
        value={processes === '' ? 0 : Number(processes)}
        display={processes === '' ? `not set (service default ${serviceDefault ?? '?'})` : processes}
        min={0}
        max={SIMULATOR_MAX_PROCESSES_PER_NODE}
        onChange={(v) => set('process_count_per_node', v === 0 ? '' : String(v))}
      />
      <SelectField
        name="vm_size"
        hint="The cluster's VM size: cores, memory and GPUs per node (prices are illustrative)."
        problems={problems.vm_size}
        value={settings.vm_size}
        options={VM_OPTIONS}
        onChange={(v) => set('vm_size', v)}
      />
      <CheckField
        name="vm_priority"
        label={settings.low_priority ? 'lowpriority' : 'dedicated'}
        hint="Low priority is cheaper, but nodes can be taken back mid-job (a preset shows it)."
        checked={settings.low_priority}
        onChange={(v) => set('low_priority', v)}
      />
    </fieldset>
  );
}

export function MiniBatchControl() {
  const settings = useLab((s) => s.settings);
  const problems = useLab((s) => s.problems);
  const set = useLab((s) => s.set);
  const file = settings.dataset === 'file';
  const field = useSdkField('mini_batch_size', file ? 'Files per run() call, e.g. 10 (empty: SDK default 10).' : 'Approximate data per run() call, e.g. "32KB" or "1MB" (empty: SDK default 1MB).', file ? '10' : '1MB');
  if (!field) return null;
  const counts = file || settings.sdk === 'v2-batch-deployment';
  return (
    <TextField
      name={field.name}
      hint={field.hint}
      problems={problems.mini_batch_size}
      value={settings.mini_batch_size}
      placeholder={field.placeholder}
      numeric={counts}
      onChange={(v) => set('mini_batch_size', v)}
    />
  );
}

export function ThresholdControls({ withRetries = true }: { withRetries?: boolean }) {
  const settings = useLab((s) => s.settings);
  const problems = useLab((s) => s.problems);
  const set = useLab((s) => s.set);
  const tries = useSdkField('run_max_try', 'Tries per mini-batch before it counts as failed; no backoff between tries.');
  const v2Default = settings.sdk === 'v2-parallel' ? 2 : 3;
  return (
    <fieldset className="lab-group">
      <legend>Failure handling</legend>
      <SlotText slot="error_threshold" hint="Failed items (rows or files) tolerated over the whole input; -1 ignores them all. Required." />
      <SlotText slot="allowed_failed_count" hint="Failed mini-batches tolerated; empty leaves it unset, -1 ignores them." placeholder="not set" />
      <SlotText slot="allowed_failed_percent" hint="Failed mini-batches as a percentage (0–100), checked once all are scheduled; empty: unset." placeholder="not set" />
      {withRetries && tries && (
        <>
          <RangeField
            name={tries.name}
            hint={tries.hint}
            problems={problems.run_max_try}
            value={Number(settings.run_max_try === '' ? (settings.sdk === 'v1' ? 3 : v2Default) : settings.run_max_try)}
            display={settings.run_max_try === '' ? `not set (default ${settings.sdk === 'v1' ? 3 : v2Default})` : settings.run_max_try}
            min={1}
            max={10}
            onChange={(v) => set('run_max_try', String(v))}
          />
          <SlotText slot="run_invocation_timeout" hint="Seconds one run() call may take before it counts as timed out (default 60)." placeholder="60" />
        </>
      )}
    </fieldset>
  );
}

const OUTPUT_OPTIONS = {
  v1: [
    { value: 'append_row', label: 'append_row' },
    { value: 'summary_only', label: 'summary_only' },
  ],
  'v2-parallel': [
    { value: 'append_row', label: 'set to ${{outputs.job_output_file}}: append_row' },
    { value: 'summary_only', label: 'unset: summary_only' },
  ],
  'v2-batch-deployment': [
    { value: '', label: 'not set (default append_row)' },
    { value: 'append_row', label: 'append_row' },
    { value: 'summary_only', label: 'summary_only' },
  ],
} as const;

export function OutputControls() {
  const settings = useLab((s) => s.settings);
  const problems = useLab((s) => s.problems);
  const set = useLab((s) => s.set);
  const action = useSdkField('output_action', 'append_row gathers every run() result into one file; summary_only only counts them. Required.');
  const appendRow = settings.output_action.toLowerCase() !== 'summary_only';
  return (
    <fieldset className="lab-group">
      <legend>Output and seed</legend>
      {action && (
        <SelectField
          name={action.name}
          hint={action.hint}
          problems={problems.output_action}
          value={settings.output_action}
          options={[...OUTPUT_OPTIONS[settings.sdk]]}
          onChange={(v) => set('output_action', v)}
        />
      )}
      <SlotText slot="append_row_file_name" hint="Name of the gathered file (empty: parallel_run_step.txt). Used with append_row only." placeholder="parallel_run_step.txt" disabled={!appendRow} />
      <RangeField
        name="seed"
        hint="Same settings and seed, same run: it drives start-up times, faults and the generated rows."
        value={settings.seed}
        display={String(settings.seed)}
        min={0}
        max={999}
        onChange={(v) => set('seed', v)}
      />
    </fieldset>
  );
}

export function ControlPanel() {
  return (
    <div className="lab-controls">
      <SdkSwitch />
      <DataControls />
      <ComputeControls />
      <fieldset className="lab-group">
        <legend>Mini-batches</legend>
        <MiniBatchControl />
      </fieldset>
      <ThresholdControls />
      <OutputControls />
    </div>
  );
}

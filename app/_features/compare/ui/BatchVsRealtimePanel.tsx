'use client';
// The batch-vs-real-time widget: controls, verdict, charts and table. The
// sweep runs in the compare worker (the engine never runs on this thread);
// the settings live in the page's link under "compare." keys.
import { useId, useState } from 'react';
import { VM_SIZES } from '@/engine/parallel-run/compute';
import { describedBy, Field } from '@/app/_platform/ui/Field';
import { UrlNotes } from '@/app/_platform/ui/UrlNotes';
import { formatRows, verdictFor } from '../model/format';
import { ROWS_PER_REQUEST_CHOICES, RUNS_PER_DAY_CHOICES, VOLUME_STEPS } from '../model/settings';
import { MAX_CONCURRENT, MAX_NODE_COUNT } from '../model/url';
import { useCompareSettings, useComparison } from '../use-comparison';
import { sharedCompareClient, type CompareClient } from '../worker/client';
import CompareChart from './CompareChart';
import { CompareTable } from './CompareTable';

interface Props {
  /** Tests hand in a client over a stand-in worker. */
  client?: CompareClient;
}

export default function BatchVsRealtimePanel({ client: given }: Props) {
  const id = useId();
  const [client] = useState(() => given ?? sharedCompareClient());
  const { notes, settings, update, options, problems, valid } = useCompareSettings();
  const { comparison, busy, error } = useComparison(options, valid, client);
  const rows = options.rows;
  const requestsPerDay = Math.ceil(rows / settings.rowsPerRequest);
  const control = (name: string) => ({
    id: `${id}-${name}`,
    'aria-describedby': describedBy(`${id}-${name}`, problems[name]),
    'aria-invalid': problems[name] ? true : undefined,
  });
  const verdict = comparison && valid ? verdictFor(comparison.current) : null;

  return (
    <div className="widget bvr" role="group" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="widget-title">
        Batch vs real-time: the same rows scored both ways
      </p>
      <UrlNotes notes={notes} />
      <div className="widget-controls">
        <Field id={`${id}-rows`} label={<>rows per day (<code>rows_per_day</code>): <output htmlFor={`${id}-rows`}>{formatRows(rows)}</output></>} hint="How many rows need a score each day." problems={problems.rows_per_day}>
          <input
            {...control('rows')}
            type="range"
            min={0}
            max={VOLUME_STEPS.length - 1}
            step={1}
            value={settings.rowsIndex}
            aria-valuetext={`${formatRows(rows)} rows per day`}
            onChange={(e) => update({ rowsIndex: Number(e.target.value) })}
          />
        </Field>
        <Field id={`${id}-rows_per_request`} label={<>rows per request (<code>rows_per_request</code>, the request body size)</>} hint={`≈ ${formatRows(requestsPerDay)} requests a day, ${(requestsPerDay / 86_400).toPrecision(3)} a second on average.`} problems={problems.rows_per_request}>
          <select {...control('rows_per_request')} value={settings.rowsPerRequest} onChange={(e) => update({ rowsPerRequest: Number(e.target.value) })}>
            {ROWS_PER_REQUEST_CHOICES.map((n) => (
              <option key={n} value={n}>
                {formatRows(n)}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${id}-vm_size`} label={<><code>vm_size</code> (cluster nodes and endpoint <code>instance_type</code>)</>} hint="One size for both sides, so each row costs the same model work." problems={problems.vm_size}>
          <select {...control('vm_size')} value={settings.vmSize} onChange={(e) => update({ vmSize: e.target.value })}>
            {Object.values(VM_SIZES).map((vm) => (
              <option key={vm.name} value={vm.name}>
                {vm.name} ({vm.gpu ? 'GPU' : `${vm.cores} cores`}, ${vm.pricePerHourDedicated.toFixed(2)}/h)
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${id}-node_count`} label={<><code>node_count</code> (batch)</>} hint="Nodes the batch job scales out to; each pays start-up." problems={problems.node_count}>
          <input {...control('node_count')} type="number" min={1} max={MAX_NODE_COUNT} step={1} inputMode="numeric" value={settings.nodeCount} onChange={(e) => update({ nodeCount: e.target.value })} />
        </Field>
        <Field id={`${id}-runs_per_day`} label={<>batch runs per day (<code>runs_per_day</code>, the schedule)</>} hint="Each run is a cold start: nodes start, score, and scale back to zero." problems={problems.runs_per_day}>
          <select {...control('runs_per_day')} value={settings.runsPerDay} onChange={(e) => update({ runsPerDay: Number(e.target.value) })}>
            {RUNS_PER_DAY_CHOICES.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id={`${id}-max_concurrent_requests_per_instance`}
          label={<><code>max_concurrent_requests_per_instance</code> (real-time)</>}
          hint="Requests one instance works on at once; default 1."
          problems={problems.max_concurrent_requests_per_instance}
        >
          <input
            {...control('max_concurrent_requests_per_instance')}
            type="number"
            min={1}
            max={MAX_CONCURRENT}
            step={1}
            inputMode="numeric"
            value={settings.maxConcurrent}
            onChange={(e) => update({ maxConcurrent: e.target.value })}
          />
        </Field>
      </div>
      <div className="bvr-verdict" role="status" aria-label="Verdict" aria-busy={busy && valid}>
        {!valid && <p>Fix the setting marked above to see the comparison.</p>}
        {valid && error && <p className="form-error">{error}</p>}
        {valid && !comparison && !error && <p>Scoring every volume both ways…</p>}
        {verdict && (
          <>
            <p className="bvr-headline">{verdict.headline}</p>
            <p>{verdict.waiting}</p>
            <p className="bvr-cue">{verdict.cue}</p>
          </>
        )}
      </div>
      {comparison && (
        <>
          <CompareChart comparison={comparison} tableId={`${id}-table`} />
          <CompareTable comparison={comparison} id={`${id}-table`} />
        </>
      )}
      <p className="field-hint">
        Prices, start-up times and latencies are illustrative round numbers, not Azure quotes. The endpoint is sized for the day&rsquo;s average rate at 70 % utilisation and never
        drops below one instance; batch cost counts only node time while a run is up.
      </p>
    </div>
  );
}

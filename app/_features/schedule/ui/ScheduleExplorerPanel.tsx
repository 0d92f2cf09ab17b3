'use client';

import { useId, useMemo, useState } from 'react';
import { UrlNotes } from '../shared/UrlNotes';
import { useQuerySync } from '../shared/use-query-sync';
import { describedBy, Field } from './Field';
import { computeRunTimes, problemsByField, type RecurrenceFormState } from './recurrence-form';
import { RecurrencePanel } from './RecurrencePanel';
import { decodeSchedule, encodeSchedule, SCHEDULE_PREFIX } from './schedule-url';
import { TriggerPanel } from './TriggerPanel';
import { simulateArrivals, type TriggerFormState } from './trigger-sim';

/**
 * The whole explorer: a fixed "now", a recurrence panel and a blob-arrival
 * panel. It starts from the page's link (the widget only mounts in the
 * browser, so reading the address here never differs from a server render)
 * and writes every change back to it.
 */
export default function ScheduleExplorerPanel() {
  const id = useId();
  const [linked] = useState(() => decodeSchedule(typeof window === 'undefined' ? '' : window.location.search));
  const [recurrence, setRecurrence] = useState<RecurrenceFormState>(linked.recurrence);
  const [trigger, setTrigger] = useState<TriggerFormState>(linked.trigger);
  useQuerySync(SCHEDULE_PREFIX, useMemo(() => encodeSchedule({ recurrence, trigger }), [recurrence, trigger]));
  const runTimes = useMemo(() => computeRunTimes(recurrence), [recurrence]);
  const arrivals = useMemo(() => simulateArrivals(trigger, recurrence.now), [trigger, recurrence.now]);
  const nowProblems = [
    ...(problemsByField(runTimes.problems).after ?? []),
    ...arrivals.problems.filter((p) => p.field === 'from').map((p) => p.message),
  ];

  return (
    <div className="widget schedx" role="group" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="widget-title">
        Schedule explorer
      </p>
      <UrlNotes notes={linked.notes} />
      <Field id={`${id}-now`} label="now (the explorer's fixed reference instant, ISO with Z)" hint="Never your clock: the same inputs always list the same times." problems={nowProblems}>
        <input
          id={`${id}-now`}
          type="text"
          spellCheck={false}
          autoComplete="off"
          value={recurrence.now}
          aria-describedby={describedBy(`${id}-now`, nowProblems)}
          aria-invalid={nowProblems.length > 0 ? true : undefined}
          onChange={(e) => setRecurrence((f) => ({ ...f, now: e.target.value }))}
        />
      </Field>
      <RecurrencePanel form={recurrence} result={runTimes} onChange={(patch) => setRecurrence((f) => ({ ...f, ...patch }))} />
      <TriggerPanel form={trigger} result={arrivals} now={recurrence.now} onChange={(patch) => setTrigger((f) => ({ ...f, ...patch }))} />
    </div>
  );
}

'use client';

import { useId } from 'react';
import { describedBy, Field } from '@/app/_platform/ui/Field';
import { UrlNotes } from '@/app/_platform/ui/UrlNotes';
import { useScheduleExplorer } from '../use-schedule';
import { RecurrencePanel } from './RecurrencePanel';
import { TriggerPanel } from './TriggerPanel';

/**
 * The whole explorer: a fixed "now", a recurrence panel and a blob-arrival
 * panel. It starts from the page's link and writes every change back to it
 * (see use-schedule.ts).
 */
export default function ScheduleExplorerPanel() {
  const id = useId();
  const { notes, recurrence, trigger, runTimes, arrivals, nowProblems, updateRecurrence, updateTrigger } = useScheduleExplorer();

  return (
    <div className="widget schedx" role="group" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="widget-title">
        Schedule explorer
      </p>
      <UrlNotes notes={notes} />
      <Field id={`${id}-now`} label="now (the explorer's fixed reference instant, ISO with Z)" hint="Never your clock: the same inputs always list the same times." problems={nowProblems}>
        <input
          id={`${id}-now`}
          type="text"
          spellCheck={false}
          autoComplete="off"
          value={recurrence.now}
          aria-describedby={describedBy(`${id}-now`, nowProblems)}
          aria-invalid={nowProblems.length > 0 ? true : undefined}
          onChange={(e) => updateRecurrence({ now: e.target.value })}
        />
      </Field>
      <RecurrencePanel form={recurrence} result={runTimes} onChange={updateRecurrence} />
      <TriggerPanel form={trigger} result={arrivals} now={recurrence.now} onChange={updateTrigger} />
    </div>
  );
}

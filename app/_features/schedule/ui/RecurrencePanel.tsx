'use client';

import { useId } from 'react';
import { FREQUENCIES, TIME_ZONE_DEFAULTS, WEEK_DAYS, type WeekDay } from '@/engine/schedule/index';
import { problemsByField } from '@/app/_platform/ui/field-problems';
import { describedBy, Field } from '@/app/_platform/ui/Field';
import { toggledWeekDays } from '../model/explorer';
import { COMMON_TIME_ZONES, type RecurrenceFormState, type RunTimesResult } from '../model/recurrence-form';
import { RunTimesView } from './RunTimesView';

interface Props {
  form: RecurrenceFormState;
  result: RunTimesResult;
  onChange: (patch: Partial<RecurrenceFormState>) => void;
}

/** Builds a ScheduleRecurrence from SDK-named controls and lists its next run times. */
export function RecurrencePanel({ form, result, onChange }: Props) {
  const id = useId();
  const byField = problemsByField(result.problems);
  const control = (name: string) => ({
    id: `${id}-${name}`,
    'aria-describedby': describedBy(`${id}-${name}`, byField[name]),
    'aria-invalid': byField[name] ? true : undefined,
  });
  const text = (name: 'startTime' | 'hours' | 'minutes' | 'timeOfDay', field: string) => ({
    ...control(field),
    type: 'text',
    value: form[name],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => onChange({ [name]: e.target.value }),
    spellCheck: false,
    autoComplete: 'off',
  });
  const toggleDay = (day: WeekDay, on: boolean) => onChange({ weekDays: toggledWeekDays(form.weekDays, day, on) });

  return (
    <section className="schedx-panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="widget-heading">
        ScheduleRecurrence: the next 10 run times
      </h3>
      <div className="widget-controls">
        <Field id={`${id}-frequency`} label={<code>frequency</code>} hint="The unit the schedule counts in." problems={byField.frequency}>
          <select {...control('frequency')} value={form.frequency} onChange={(e) => onChange({ frequency: e.target.value })}>
            {FREQUENCIES.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${id}-interval`} label={<code>interval</code>} hint="How many of those units between runs (1 or more)." problems={byField.interval}>
          <input {...control('interval')} type="number" min={1} step={1} inputMode="numeric" value={form.interval} onChange={(e) => onChange({ interval: e.target.value })} />
        </Field>
        <Field id={`${id}-start_time`} label={<code>start_time</code>} hint="Naive local time YYYY-MM-DDThh:mm:ss in time_zone; empty = first run at once." problems={byField.start_time}>
          <input {...text('startTime', 'start_time')} placeholder="2026-11-24T00:00:00" />
        </Field>
        <Field id={`${id}-time_zone`} label={<code>time_zone</code>} hint="IANA zone the wall-clock times are read in." problems={byField.time_zone}>
          <select {...control('time_zone')} value={form.timeZone} onChange={(e) => onChange({ timeZone: e.target.value })}>
            <option value="">(omitted)</option>
            {COMMON_TIME_ZONES.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${id}-hours`} label={<code>hours</code>} hint="Day and Week only: hours 0–23, comma-separated." problems={byField.hours}>
          <input {...text('hours', 'hours')} inputMode="numeric" placeholder="e.g. 6, 18" />
        </Field>
        <Field id={`${id}-minutes`} label={<code>minutes</code>} hint="Day and Week only: minutes 0–59, comma-separated." problems={byField.minutes}>
          <input {...text('minutes', 'minutes')} inputMode="numeric" placeholder="e.g. 0, 30" />
        </Field>
        <Field id={`${id}-time_of_day`} label={<code>time_of_day</code>} hint='Day and Week only: "hh:mm"; never together with hours or minutes.' problems={byField.time_of_day}>
          <input {...text('timeOfDay', 'time_of_day')} placeholder="02:30" />
        </Field>
        <fieldset className="field field-wide" aria-describedby={describedBy(`${id}-week_days`, byField.week_days)}>
          <legend className="field-label">
            <code>week_days</code>
          </legend>
          <div className="schedx-days">
            {WEEK_DAYS.map((day) => (
              <label key={day} className="schedx-day">
                <input type="checkbox" checked={form.weekDays.includes(day)} onChange={(e) => toggleDay(day, e.target.checked)} aria-invalid={byField.week_days ? true : undefined} />
                <span className="visually-hidden">week_days </span>
                {day}
              </label>
            ))}
          </div>
          <p id={`${id}-week_days-hint`} className="field-hint">
            Week only: the days it runs on; none ticked = the day of start_time.
          </p>
          {byField.week_days && (
            <ul id={`${id}-week_days-error`} className="field-error">
              {byField.week_days.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          )}
        </fieldset>
      </div>
      <TimeZoneNote form={form} defaultsDiffer={result.defaultsDiffer} onChange={onChange} />
      <RunTimesView times={result.times} zone={result.zone} now={form.now} problemCount={result.problems.length} />
    </section>
  );
}

function TimeZoneNote({ form, defaultsDiffer, onChange }: { form: RecurrenceFormState; defaultsDiffer: number | null; onChange: Props['onChange'] }) {
  const id = useId();
  return (
    <div className="schedx-note">
      <p>
        <strong>Default time zone, docs versus code.</strong> With <code>time_zone</code> omitted, the v1 documentation says the schedule runs in{' '}
        {TIME_ZONE_DEFAULTS.documented}. The v1 SDK code instead fills in &ldquo;{TIME_ZONE_DEFAULTS.v1Code.windows}&rdquo; (UK time,{' '}
        {TIME_ZONE_DEFAULTS.v1Code.iana}, with summer time) whenever <code>start_time</code> is set. Set <code>time_zone</code> explicitly.
      </p>
      <label className="schedx-check" htmlFor={`${id}-v1`}>
        <input id={`${id}-v1`} type="checkbox" checked={form.v1CodeDefault} onChange={(e) => onChange({ v1CodeDefault: e.target.checked })} />
        <span>
          With <code>time_zone</code> omitted, follow the v1 code&rsquo;s fallback instead of the documented UTC
        </span>
      </label>
      {defaultsDiffer !== null && (
        <p className="field-hint">
          {defaultsDiffer === 0
            ? 'For these 10 runs both defaults give the same UTC times (UK winter time equals UTC).'
            : `${defaultsDiffer} of these 10 runs fall at a different UTC time under the other default.`}
        </p>
      )}
    </div>
  );
}

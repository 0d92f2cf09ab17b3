// The explorer's small rules that are not the engine's: which messages belong
// to the shared "now" field, which trigger problems have no field of their
// own, and the edits the controls make to the forms.
import type { ConfigProblem } from '@/engine/index';
import { WEEK_DAYS, type WeekDay } from '@/engine/schedule/index';
import { problemsByField } from '@/app/_platform/ui/field-problems';
import type { RunTimesResult } from './recurrence-form';
import type { TriggerFormState, TriggerResult } from './trigger-sim';

/** Messages for "now": the recurrence's `after` and the trigger window's `from` both read it. */
export function nowProblems(runTimes: RunTimesResult, arrivals: TriggerResult): string[] {
  return [...(problemsByField(runTimes.problems).after ?? []), ...arrivals.problems.filter((p) => p.field === 'from').map((p) => p.message)];
}

/** Fields the trigger panel shows its problems beside; anything else is listed under the panel. */
const TRIGGER_FIELDS = /^(polling_interval|path_on_datastore|data_path_parameter_name|window|from|to|arrivals\[)/;

export function generalTriggerProblems(problems: ConfigProblem[]): ConfigProblem[] {
  return problems.filter((p) => !TRIGGER_FIELDS.test(p.field));
}

/** week_days with `day` ticked or not, kept in the week's order. */
export function toggledWeekDays(days: WeekDay[], day: WeekDay, on: boolean): WeekDay[] {
  return WEEK_DAYS.filter((d) => (d === day ? on : days.includes(d)));
}

export function withArrival(form: TriggerFormState, time: string, path: string): TriggerFormState['arrivals'] {
  const key = Math.max(0, ...form.arrivals.map((a) => a.key)) + 1;
  return [...form.arrivals, { key, time, path }];
}

export function withoutArrival(form: TriggerFormState, key: number): TriggerFormState['arrivals'] {
  return form.arrivals.filter((a) => a.key !== key);
}

/** The run's value for the data-path parameter, when the trigger passes one. */
export function passedParameter(parameters: Record<string, string> | undefined, parameterName: string): { name: string; value: string } | null {
  const name = parameterName.trim();
  if (!parameters || name === '' || parameters[name] === undefined) return null;
  return { name, value: parameters[name] };
}

// Where each validation message is shown: beside the parameter it is about
// when the step's problem comes from a parameter value, otherwise beside the
// step, otherwise in a general list. Placement only: the messages are the
// engine's, unchanged.
import type { PipelineErrorCode } from '@/engine/index';
import type { DefinitionView, ErrorView } from './protocol';

/** Step problems that a parameter value causes when the step refers to that parameter. */
const CAUSED_BY: Partial<Record<PipelineErrorCode, string>> = {
  model_not_found: 'model_version',
  missing_input: 'input_path',
  datastore_access: 'input_path',
  node_count_exceeds_max: 'node_count',
};

export interface PlacedErrors {
  byParameter: Record<string, ErrorView[]>;
  byStep: Record<string, ErrorView[]>;
  /** Step name → parameters whose messages concern it (the step shows a pointer to them). */
  stepPointers: Record<string, string[]>;
  general: ErrorView[];
}

const mentions = (message: string, name: string) => new RegExp(`\\b${name}\\b`).test(message);

function push<T>(map: Record<string, T[]>, key: string, value: T): void {
  (map[key] ??= []).push(value);
}

export function placeErrors(errors: readonly ErrorView[], definition: DefinitionView | null): PlacedErrors {
  const placed: PlacedErrors = { byParameter: {}, byStep: {}, stepPointers: {}, general: [] };
  const declared = definition?.parameters.map((p) => p.name) ?? [];
  for (const error of errors) {
    if (error.step === undefined) {
      const name = /^Parameter (\S+)/.exec(error.message)?.[1];
      if (name !== undefined && declared.includes(name)) push(placed.byParameter, name, error);
      else placed.general.push(error);
      continue;
    }
    const refs = definition?.steps.find((s) => s.name === error.step)?.parameterRefs ?? [];
    const cause = refs.find((p) => mentions(error.message, p)) ?? refs.find((p) => CAUSED_BY[error.code] === p);
    if (cause === undefined) {
      push(placed.byStep, error.step, error);
    } else {
      push(placed.byParameter, cause, error);
      if (!placed.stepPointers[error.step]?.includes(cause)) push(placed.stepPointers, error.step, cause);
    }
  }
  return placed;
}

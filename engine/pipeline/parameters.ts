// Pipeline parameters: types, per-run values and `{name}` references in step
// fields. A field that is exactly `{name}` takes the parameter's typed value;
// a reference inside longer text is replaced by the value as text.
import type { ParameterType, ParameterValue, Pipeline, PipelineError, PipelineStep } from './types';

/** Filled in when the step runs, like OutputFileDatasetConfig's `{run-id}`; never a pipeline parameter. */
export const BUILT_IN_PLACEHOLDERS = ['run-id'] as const;

const REFERENCE = /\{([A-Za-z_][A-Za-z0-9_-]*)\}/g;
const WHOLE_REFERENCE = /^\{([A-Za-z_][A-Za-z0-9_-]*)\}$/;

export const PARAMETER_TYPE_NAMES: Record<ParameterType, string> = {
  string: 'a string',
  int: 'an integer',
  float: 'a number',
  bool: 'a boolean (true or false)',
};

export function inferParameterType(value: ParameterValue): ParameterType {
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isSafeInteger(value) ? 'int' : 'float';
  return 'string';
}

export function matchesParameterType(type: ParameterType, value: unknown): value is ParameterValue {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'int':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'float':
      return typeof value === 'number' && Number.isFinite(value);
    case 'bool':
      return typeof value === 'boolean';
  }
}

export function parameterType(pipeline: Pipeline, name: string): ParameterType | undefined {
  const spec = pipeline.parameters?.[name];
  return spec ? (spec.type ?? inferParameterType(spec.default)) : undefined;
}

const describe = (value: unknown): string => (typeof value === 'string' ? JSON.stringify(value) : `${value} (${typeof value})`);

/** Problems with the declared parameters and with the per-run values. */
export function checkParameterValues(pipeline: Pipeline, values: Record<string, unknown> = {}): PipelineError[] {
  const errors: PipelineError[] = [];
  const declared = pipeline.parameters ?? {};
  for (const [name, spec] of Object.entries(declared)) {
    const type = spec.type ?? inferParameterType(spec.default);
    if (!matchesParameterType(type, spec.default)) {
      errors.push({ code: 'invalid_parameter_value', message: `Parameter ${name}: its default ${describe(spec.default)} is not ${PARAMETER_TYPE_NAMES[type]}; change the default or the type` });
    }
  }
  const known = Object.keys(declared);
  for (const [name, value] of Object.entries(values)) {
    const type = parameterType(pipeline, name);
    if (type === undefined) {
      errors.push({ code: 'unknown_parameter', message: `Parameter ${name} is not declared by the pipeline; declared parameters: ${known.join(', ') || 'none'}` });
    } else if (!matchesParameterType(type, value)) {
      errors.push({ code: 'invalid_parameter_value', message: `Parameter ${name} must be ${PARAMETER_TYPE_NAMES[type]}, got ${describe(value)}` });
    }
  }
  return errors;
}

/** Defaults with the per-run values laid over them (values assumed checked). */
export function effectiveParameters(pipeline: Pipeline, values: Record<string, ParameterValue> = {}): Record<string, ParameterValue> {
  const out: Record<string, ParameterValue> = {};
  for (const [name, spec] of Object.entries(pipeline.parameters ?? {})) out[name] = values[name] ?? spec.default;
  return out;
}

export interface Resolution<T> {
  value: T;
  /** Names referenced but not declared (built-in placeholders excluded). */
  unknown: string[];
}

function resolveString(text: string, values: Record<string, ParameterValue>, unknown: Set<string>): ParameterValue {
  const whole = WHOLE_REFERENCE.exec(text);
  if (whole) {
    const name = whole[1]!;
    if (name in values) return values[name]!;
    if (!(BUILT_IN_PLACEHOLDERS as readonly string[]).includes(name)) unknown.add(name);
    return text;
  }
  return text.replace(REFERENCE, (match, name: string) => {
    if (name in values) return String(values[name]);
    if (!(BUILT_IN_PLACEHOLDERS as readonly string[]).includes(name)) unknown.add(name);
    return match;
  });
}

function resolveDeep(value: unknown, values: Record<string, ParameterValue>, unknown: Set<string>): unknown {
  if (typeof value === 'string') return resolveString(value, values, unknown);
  if (Array.isArray(value)) return value.map((v) => resolveDeep(v, values, unknown));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = resolveDeep(v, values, unknown);
    return out;
  }
  return value;
}

/** The step with every parameter reference filled in; name, type and outputs are never parameterised. */
export function resolveStep(step: PipelineStep, values: Record<string, ParameterValue>): Resolution<PipelineStep> {
  const unknown = new Set<string>();
  const { name, type, outputs, ...rest } = step;
  const resolved = resolveDeep(rest, values, unknown) as Omit<PipelineStep, 'name' | 'type' | 'outputs'>;
  return { value: { name, type, outputs, ...resolved }, unknown: [...unknown] };
}

/** Fills in the run-time placeholders (`{run-id}`). */
export function fillBuiltIns(text: string, runId: string): string {
  return text.replace(/\{run-id\}/g, runId);
}

// Turning the widget's edits into what the engine takes: typed parameter
// values for a run, and a copy of the pipeline with the learner's allow_reuse
// choices. Text that does not fit a parameter's type is passed through as
// text, so the engine's own validation names the problem.
import type { ParameterType, ParameterValue, Pipeline } from '@/engine/index';
import type { PipelineEdits } from './protocol';

const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The typed value for a field's text, or the text itself when it does not parse. */
export function typedValue(type: ParameterType, text: string): ParameterValue {
  const trimmed = text.trim();
  switch (type) {
    case 'int':
      return INTEGER.test(trimmed) ? Number(trimmed) : text;
    case 'float':
      return NUMBER.test(trimmed) ? Number(trimmed) : text;
    case 'bool':
      return trimmed === 'true' ? true : trimmed === 'false' ? false : text;
    case 'string':
      return text;
  }
}

function declaredType(pipeline: Pipeline, name: string): ParameterType {
  const spec = pipeline.parameters?.[name];
  if (!spec) return 'string';
  if (spec.type) return spec.type;
  return typeof spec.default === 'number' ? 'int' : typeof spec.default === 'boolean' ? 'bool' : 'string';
}

/** Per-run parameter values from the fields' text. */
export function parameterValues(pipeline: Pipeline, edits: PipelineEdits): Record<string, ParameterValue> {
  const values: Record<string, ParameterValue> = {};
  for (const [name, text] of Object.entries(edits.parameters)) values[name] = typedValue(declaredType(pipeline, name), text);
  return values;
}

/** A copy of the pipeline with allow_reuse set as the learner chose. */
export function applyEdits(pipeline: Pipeline, edits: PipelineEdits): Pipeline {
  return {
    ...pipeline,
    steps: pipeline.steps.map((step) => {
      const choice = edits.allowReuse[step.name];
      return choice === undefined ? step : { ...step, allow_reuse: choice };
    }),
  };
}

/** Request-body assignments: the fields' typed values that differ from the defaults, plus node_count. */
export function changedAssignments(
  parameters: { name: string; type: ParameterType; default: ParameterValue }[],
  texts: Record<string, string>,
): Record<string, ParameterValue> {
  const out: Record<string, ParameterValue> = {};
  for (const p of parameters) {
    const text = texts[p.name];
    if (text === undefined) continue;
    const value = typedValue(p.type, text);
    if (value !== p.default || p.name === 'node_count') out[p.name] = value;
  }
  return out;
}

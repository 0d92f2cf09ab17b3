// A dialect's config schema as data: which dotted paths exist, how each value
// is checked, and which mappings (resources, retry_settings, ...) may hold
// them. One walker reads a YAML-shaped object against it and collects every
// problem at once, as the v1 validator does.
import type { ConfigProblem } from '../types';
import { show, type Check } from './checks';

export interface FieldSpec {
  /** Dotted path as written in the SDK's YAML, e.g. "retry_settings.max_retries". */
  path: string;
  check: Check;
  /** False for keys that describe the job (code, environment, inputs) but change nothing in the simulation. */
  simulated: boolean;
}

export interface Schema {
  /** "a parallel job setting", for unknown-key messages. */
  noun: string;
  /** Paths whose value must be a mapping of further keys. */
  mappings: readonly string[];
  fields: readonly FieldSpec[];
  /** Names people bring from another dialect, with a hint at this dialect's name. */
  lookalikes: Readonly<Record<string, string>>;
}

export interface SchemaReading {
  problems: ConfigProblem[];
  /** Every known path that was given, with its value. */
  values: Map<string, unknown>;
}

const isMapping = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function readSchema(schema: Schema, raw: unknown): SchemaReading {
  const reading: SchemaReading = { problems: [], values: new Map() };
  if (!isMapping(raw)) {
    reading.problems.push({ field: '(config)', message: `the config is ${show(raw)}; it must be a mapping of ${schema.noun}s` });
    return reading;
  }
  walk(schema, raw, '', reading);
  for (const field of schema.fields) {
    if (!reading.values.has(field.path)) continue;
    const issue = field.check(reading.values.get(field.path));
    if (issue !== null) reading.problems.push({ field: field.path, message: `${field.path} ${issue}` });
  }
  return reading;
}

function walk(schema: Schema, object: Record<string, unknown>, prefix: string, reading: SchemaReading): void {
  for (const [key, value] of Object.entries(object)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value === undefined) continue; // an absent optional key, as exactOptionalPropertyTypes callers may pass
    if (schema.mappings.includes(path)) {
      if (isMapping(value)) walk(schema, value, path, reading);
      else reading.problems.push({ field: path, message: `${path} is ${show(value)}; it must be a mapping of further settings` });
    } else if (schema.fields.some((f) => f.path === path)) {
      reading.values.set(path, value);
    } else {
      const hint = schema.lookalikes[path];
      reading.problems.push({ field: path, message: `${path} is not ${schema.noun}${hint ? `; ${hint}` : ''}` });
    }
  }
}

/** The given values of keys that the simulation does not use, for the parsed config's notes. */
export function unsimulatedValues(schema: Schema, values: Map<string, unknown>): { field: string; value: unknown }[] {
  return schema.fields.filter((f) => !f.simulated && values.has(f.path)).map((f) => ({ field: f.path, value: values.get(f.path) }));
}

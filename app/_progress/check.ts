// The few checks saved progress needs, written out instead of taken from zod:
// the progress store loads on every page, and zod cost about 31 kB gzipped of
// each page's first load (issue 13); these cost well under 1 kB. Types are
// inferred from the checks, as zod's were, so a schema and its type cannot drift.

export type Path = readonly (string | number)[];

/** One problem: where it is, and what it says after the field's name ("is missing", "is invalid: …"). */
export interface Issue {
  path: Path;
  message: string;
}

export type ParseResult<T> = { success: true; data: T } | { success: false; issues: Issue[] };

export interface Schema<T> {
  /** Adds an issue for every problem of `value` (found at `path`) and says whether there was none. */
  check(value: unknown, path: Path, issues: Issue[]): value is T;
  safeParse(value: unknown): ParseResult<T>;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value as the learner would recognise it in their file, cut short. */
function show(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (isRecord(value)) return 'an object';
  return JSON.stringify(value).slice(0, 60);
}

/** Records a problem; `rule` says what is allowed, e.g. "must be a whole number". */
function fail(issues: Issue[], path: Path, value: unknown, rule: string): false {
  issues.push({ path, message: value === undefined ? 'is missing' : `is invalid: ${show(value)} (${rule})` });
  return false;
}

function schema<T>(check: (value: unknown, path: Path, issues: Issue[]) => boolean): Schema<T> {
  return {
    check: check as Schema<T>['check'],
    safeParse(value) {
      const issues: Issue[] = [];
      // Values come from JSON.parse (storage or a file): fresh objects, safe to keep as they are.
      return check(value, [], issues) ? { success: true, data: value as T } : { success: false, issues };
    },
  };
}

export type Rule<T> = readonly [ok: (value: T) => boolean, rule: string];

/** A value of one kind (`is`, else `kind` is reported) that also meets every rule, checked in order. */
export function value<T>(is: (v: unknown) => v is T, kind: string, ...rules: Rule<T>[]): Schema<T> {
  return schema<T>((v, path, issues) => {
    if (!is(v)) return fail(issues, path, v, kind);
    const broken = rules.find(([ok]) => !ok(v));
    return broken ? fail(issues, path, v, broken[1]) : true;
  });
}

// JSON has no NaN or Infinity, but a number is checked as finite anyway, as zod did.
export const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
export const isString = (v: unknown): v is string => typeof v === 'string';
export const boolean = value((v): v is boolean => typeof v === 'boolean', 'must be true or false');

export function oneOf<const T extends readonly string[]>(values: T): Schema<T[number]> {
  return value((v): v is T[number] => values.includes(v as string), `must be one of ${values.map((x) => `"${x}"`).join(', ')}`);
}

export function nullable<T>(inner: Schema<T>): Schema<T | null> {
  return schema((v, path, issues) => v === null || inner.check(v, path, issues));
}

/** A list whose every entry is checked (all problems are reported, not just the first). */
export function list<T>(item: Schema<T>, min = 0): Schema<T[]> {
  return schema((v, path, issues) => {
    if (!Array.isArray(v)) return fail(issues, path, v, 'must be a list');
    if (v.length < min) return fail(issues, path, v, `must have at least ${min} ${min === 1 ? 'entry' : 'entries'}`);
    return v.map((x, i) => item.check(x, [...path, i], issues)).every(Boolean);
  });
}

/**
 * An object used as a map: every key and every value is checked. "__proto__"
 * is refused as a key, so copying the map can never change an object's prototype.
 */
export function record<T>(key: Schema<string>, item: Schema<T>): Schema<Record<string, T>> {
  return schema((v, path, issues) => {
    if (!isRecord(v)) return fail(issues, path, v, 'must be an object');
    return Object.entries(v)
      .map(([k, x]) => (k === '__proto__' ? fail(issues, [...path, k], x, 'this name is not allowed') : key.check(k, [...path, k], issues) && item.check(x, [...path, k], issues)))
      .every(Boolean);
  });
}

type Shape = Record<string, Schema<unknown>>;
type ShapeOf<S extends Shape> = { [K in keyof S]: Infer<S[K]> };

/**
 * An object with exactly these fields: a missing one and an unknown one are
 * both problems. `cross` checks one field against the others once every field
 * is valid, and names the field and rule when it fails.
 */
export function object<S extends Shape>(shape: S, cross?: (o: ShapeOf<S>) => readonly [field: string, rule: string] | null): Schema<ShapeOf<S>> {
  return schema((v, path, issues) => {
    if (!isRecord(v)) return fail(issues, path, v, 'must be an object');
    let ok = Object.entries(shape).map(([k, s]) => s.check(v[k], [...path, k], issues)).every(Boolean);
    for (const k of Object.keys(v)) {
      if (Object.hasOwn(shape, k)) continue;
      issues.push({ path: [...path, k], message: 'is not a field this app knows' });
      ok = false;
    }
    const broken = ok && cross ? cross(v as ShapeOf<S>) : null;
    return broken ? fail(issues, [...path, broken[0]], v[broken[0]], broken[1]) : ok;
  });
}

import type { ZodError } from 'zod';

/** A content problem that must fail the build, naming the file and the field. */
export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`Invalid content in ${file}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ContentError';
  }
}

/** Turns zod issues into "field: message (got value)" lines. */
export function describeZodError(error: ZodError, data: unknown, label: (path: PropertyKey[]) => string = defaultLabel): string[] {
  return error.issues.map((issue) => {
    const value = valueAt(data, issue.path);
    const got = value === undefined ? '' : ` (got ${JSON.stringify(value)?.slice(0, 80)})`;
    return `${label(issue.path)}: ${issue.message}${got}`;
  });
}

function defaultLabel(path: PropertyKey[]): string {
  return path.length ? path.map(String).join('.') : '(root)';
}

function valueAt(data: unknown, path: PropertyKey[]): unknown {
  let cur: unknown = data;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

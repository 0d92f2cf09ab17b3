// Small value checks that word their messages as the v1 validator does: the
// field (prefixed by the caller), the value it got, and what is allowed.
export type Check = (value: unknown) => string | null;

export const show = (value: unknown): string =>
  value === undefined ? 'missing' : typeof value === 'string' ? JSON.stringify(value) : typeof value === 'object' ? JSON.stringify(value) : String(value);

export const isInt = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value);

/** An integer from `min` (to `max`, when given); `meaning` follows the bound, e.g. " (-1 ignores all; default -1)". */
export function intInRange(min: number, meaning: string, max?: { value: number; why: string }): Check {
  return (value) => {
    if (!isInt(value)) return `is ${show(value)}; it must be an integer of at least ${min}${meaning}`;
    if (value < min) return `is ${value}; it must be an integer of at least ${min}${meaning}, so ${value} is below the minimum`;
    if (max && value > max.value) return `is ${value}; it must be an integer from ${min} to ${max.value}${meaning}, so ${value} is above the maximum (${max.why})`;
    return null;
  };
}

/** A finite number above 0 (and at most `max`, when given). */
export function secondsAbove0(meaning: string, max?: number): Check {
  return (value) => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return `is ${show(value)}; it must be a number of seconds greater than 0${max ? ` and at most ${max}` : ''}${meaning}`;
    if (max !== undefined && value > max) return `is ${value}; it must be a number of seconds greater than 0 and at most ${max}${meaning}, so ${value} is above the maximum`;
    return null;
  };
}

export function numberFrom0To100(meaning: string): Check {
  return (value) =>
    typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100
      ? null
      : `is ${show(value)}; it must be a number from 0 to 100${meaning}`;
}

/** One of `allowed`, compared without regard to case. */
export function oneOf(allowed: readonly string[], meaning: string): Check {
  return (value) =>
    typeof value === 'string' && allowed.includes(value.toLowerCase())
      ? null
      : `is ${show(value)}; it must be one of ${allowed.map((a) => `'${a}'`).join(', ')}${meaning} (case does not matter)`;
}

export function exactly(expected: string): Check {
  return (value) => (value === expected ? null : `is ${show(value)}; it must be '${expected}'`);
}

export const anyString: Check = (value) => (typeof value === 'string' && value.length > 0 ? null : `is ${show(value)}; it must be a non-empty string`);

/** Accepted as it is: keys of a YAML file that describe the job but not how it runs here. */
export const anything: Check = () => null;

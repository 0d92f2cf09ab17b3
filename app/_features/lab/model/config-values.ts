// How the lab reads a typed value, shared by the v1 config and the v2 dialects.

// Plain decimals and exponent notation ("1e9" is a number, too large, not a word).
export const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/** '' → not set; a number as text → that number; anything else stays text for the validator to name. */
export function parseRaw(raw: string): number | string | undefined {
  const text = raw.trim();
  if (text === '') return undefined;
  return NUMBER.test(text) ? Number(text) : text;
}

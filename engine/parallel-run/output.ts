// The append_row output file: every element run() returned, one per line, in
// mini-batch order. v1 writes complex values as text rather than expanding
// them into columns; here an object becomes one JSON line and a string is
// written as it is.

export function formatOutputLine(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Lines of every returned list, in mini-batch order; lists are undefined for batches without output. */
export function formatOutputLines(returned: readonly (readonly unknown[] | undefined)[]): string[] {
  let total = 0;
  for (const list of returned) total += list?.length ?? 0;
  const lines = new Array<string>(total);
  let at = 0;
  for (const list of returned) {
    if (!list) continue;
    for (const value of list) lines[at++] = formatOutputLine(value);
  }
  return lines;
}

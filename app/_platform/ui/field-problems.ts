// The engine's validation problems, grouped by the control they belong to.
import type { ConfigProblem } from '@/engine/index';

/** Messages grouped by the field they name; `recurrence.hours` and `hours` both land on hours. */
export function problemsByField(problems: ConfigProblem[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const p of problems) {
    const field = p.field.replace(/^recurrence\./, '');
    (out[field] ??= []).push(p.message);
  }
  return out;
}

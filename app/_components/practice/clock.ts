// The only places the practice UI reads the wall clock or draws a seed; the pure
// logic in app/_quiz always receives these values as parameters.

/** A fresh 32-bit seed for a quiz attempt or a drill round. */
export function newSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0] ?? 0;
}

export function nowIso(): string {
  return new Date().toISOString();
}

/** The learner's local calendar day, YYYY-MM-DD: cards fall due by local days. */
export function localDay(date: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function formatDate(iso: string | null): string {
  if (!iso) return 'date unknown';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? 'date unknown' : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

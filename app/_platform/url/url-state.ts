// A widget's settings in the page's query string, under its own key prefix
// ("schedule.", "compare."), so several widgets share one URL without
// touching each other's keys. Reading never throws: a value the widget cannot
// use falls back to its default and leaves a note naming the key and what it
// accepts, for the widget to show.

export interface UrlNote {
  /** The full query key, prefix included, e.g. "schedule.frequency". */
  param: string;
  /** The value as it came in the link. */
  value: string;
  /** What the key accepts, in words. */
  allowed: string;
  /** The default used instead, in words. */
  fallback: string;
}

export type QueryEntries = [key: string, value: string][];

/** Whether the query holds any key of this widget. */
export function hasPrefixedKeys(search: string, prefix: string): boolean {
  return [...new URLSearchParams(search).keys()].some((key) => key.startsWith(prefix));
}

/** `search` with every `prefix` key replaced by `entries` (keys without the prefix); other keys are kept as they were. */
export function withPrefixedEntries(search: string, prefix: string, entries: QueryEntries): string {
  const params = new URLSearchParams(search);
  for (const key of [...new Set(params.keys())]) if (key.startsWith(prefix)) params.delete(key);
  for (const [key, value] of entries) params.append(prefix + key, value);
  return params.toString();
}

/**
 * Replaces the address without a navigation: no reload, no scroll, no new
 * history entry. Handing back the current history state (Next's own marker
 * included) keeps the App Router from treating it as a route change.
 */
export function replaceQuery(query: string): void {
  const { pathname, hash } = window.location;
  window.history.replaceState(window.history.state, '', `${pathname}${query ? `?${query}` : ''}${hash}`);
}

const MAX_TEXT = 200;
const listed = (values: readonly (string | number)[]) => values.map(String).join(', ');

/** Typed reads of one widget's keys, collecting a note for every value it cannot use. */
export class PrefixedReader {
  readonly notes: UrlNote[] = [];
  private readonly params: URLSearchParams;

  constructor(
    search: string,
    readonly prefix: string,
  ) {
    this.params = new URLSearchParams(search);
  }

  has(key: string): boolean {
    return this.params.has(this.prefix + key);
  }

  raw(key: string): string | null {
    return this.params.get(this.prefix + key);
  }

  all(key: string): string[] {
    return this.params.getAll(this.prefix + key);
  }

  note(key: string, value: string, allowed: string, fallback: string): void {
    this.notes.push({ param: this.prefix + key, value, allowed, fallback });
  }

  /** One of a fixed set of choices (compared as text), or the fallback. */
  oneOf<T extends string | number>(key: string, choices: readonly T[], fallback: T, describe: (v: T) => string = String): T {
    const value = this.raw(key);
    if (value === null) return fallback;
    const found = choices.find((c) => String(c) === value);
    if (found !== undefined) return found;
    this.note(key, value, `one of ${choices.map(describe).join(', ')}`, describe(fallback));
    return fallback;
  }

  /** A whole number in [min, max] kept as the field's text; `emptyAllowed` lets '' through (a field left blank on purpose). */
  wholeText(key: string, min: number, max: number, fallback: string, emptyAllowed = false): string {
    const value = this.raw(key);
    if (value === null) return fallback;
    if (emptyAllowed && value === '') return value;
    if (/^\d+$/.test(value) && Number(value) >= min && Number(value) <= max) return String(Number(value));
    this.note(key, value, `a whole number from ${min} to ${max}${emptyAllowed ? ', or empty' : ''}`, fallback === '' ? 'empty' : fallback);
    return fallback;
  }

  /**
   * Free text, as the learner could type it into the field: the engine's own
   * message beside the control explains a wrong value. Only text no field
   * would hold (too long, control characters) is refused.
   */
  text(key: string, fallback: string, maxLength = MAX_TEXT): string {
    const value = this.raw(key);
    if (value === null) return fallback;
    if (value.length <= maxLength && !/[\u0000-\u001f\u007f]/.test(value)) return value;
    this.note(key, value.length > 60 ? `${value.slice(0, 57)}…` : value, `text of at most ${maxLength} characters on one line`, fallback === '' ? 'empty' : fallback);
    return fallback;
  }

  flag(key: string, fallback: boolean): boolean {
    const value = this.raw(key);
    if (value === null) return fallback;
    if (value === '1' || value === 'true') return true;
    if (value === '0' || value === 'false') return false;
    this.note(key, value, '1 (on) or 0 (off)', fallback ? '1' : '0');
    return fallback;
  }

  /** A comma-separated subset of `choices`; any unknown member refuses the whole list. */
  subset<T extends string>(key: string, choices: readonly T[], fallback: T[]): T[] {
    const value = this.raw(key);
    if (value === null) return fallback;
    const parts = value.split(',').map((p) => p.trim()).filter((p) => p !== '');
    if (parts.every((p) => (choices as readonly string[]).includes(p))) return choices.filter((c) => parts.includes(c));
    this.note(key, value, `a comma-separated list of ${listed(choices)} (or empty)`, fallback.length === 0 ? 'none' : fallback.join(','));
    return fallback;
  }
}

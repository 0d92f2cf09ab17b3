// Builders shared by the dialect tests.
import type { DataItem, Dataset, EntryScriptFactory } from '@/engine/types';

/** `count` rows of `bytes` each, from the source file `source`. */
export function rowsOf(source: string, count: number, bytes = 100): DataItem[] {
  return Array.from({ length: count }, (_, i) => ({ id: `${source}#${i}`, bytes, value: i, source }));
}

export const tabular = (...groups: DataItem[][]): Dataset => ({ kind: 'tabular', items: groups.flat() });

export function files(sizes: number[]): Dataset {
  return { kind: 'file', items: sizes.map((bytes, i) => ({ id: `file${i}.csv`, bytes, value: i })) };
}

export const echo: EntryScriptFactory = () => ({ run: (items) => items.map((item) => ({ id: item.id })) });

/** Returns one result fewer than it was given (a short return). */
export const dropsOne: EntryScriptFactory = () => ({ run: (items) => items.slice(1).map((item) => ({ id: item.id })) });

/** Returns three rows per input, as a scoring script that explodes a file into rows. */
export const threePerInput: EntryScriptFactory = () => ({ run: (items) => items.flatMap((item) => [1, 2, 3].map((k) => `${item.id},${k}`)) });

/** Spends `seconds` of virtual time in every run() call. */
export const slow = (seconds: number): EntryScriptFactory => () => ({
  run: (items, ctx) => {
    ctx.spend(seconds);
    return items.map((item) => item.id);
  },
});

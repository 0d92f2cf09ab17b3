// The comparison's settings as a vanilla zustand store: started from the
// page's link, with the options the engine takes and the engine's problems
// with them kept in step. The sweep itself runs in the compare worker; the
// React binding (use-comparison.ts) asks for it once the settings settle.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { validateCompareOptions } from '@/engine/realtime/validate';
import { problemsByField } from '@/app/_platform/ui/field-problems';
import type { UrlNote } from '@/app/_platform/url/url-state';
import type { SweepOptions } from './model/protocol';
import { toOptions, type Settings } from './model/settings';
import { decodeCompare } from './model/url';

export interface CompareState {
  /** Settings in the page's link that could not be used. */
  notes: UrlNote[];
  settings: Settings;
  options: SweepOptions;
  /** The engine's problems with `options`, by field. */
  problems: Record<string, string[]>;
  valid: boolean;
  update(patch: Partial<Settings>): void;
}

export type CompareStore = StoreApi<CompareState>;

function checked(settings: Settings): Pick<CompareState, 'settings' | 'options' | 'problems' | 'valid'> {
  const options = toOptions(settings);
  const problems = problemsByField(validateCompareOptions(options));
  return { settings, options, problems, valid: Object.keys(problems).length === 0 };
}

/** `search` is the page's query string, from which the settings start. */
export function createCompareStore(search: string): CompareStore {
  const linked = decodeCompare(search);
  return createStore<CompareState>()((set, get) => ({
    notes: linked.notes,
    ...checked(linked.settings),
    update: (patch) => set(checked({ ...get().settings, ...patch })),
  }));
}

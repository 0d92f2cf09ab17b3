// The lab's whole state as a query string, so a link reproduces a run. SDK
// parameters keep their SDK names and their raw text (an invalid value in a
// link is shown with the engine's message, not silently fixed); the lab's own
// knobs are parsed and clamped.
import { isPresetId, type PresetId } from './presets';
import { isLabSdk, sdkSlotDefaults, type LabSdk } from './sdk';
import { DEFAULT_SETTINGS, SDK_FIELDS, datasetDefaults, sanitizeSettings, type DatasetKind, type LabSettings } from './settings';

export interface LabUrlState {
  settings: LabSettings;
  preset: PresetId | null;
}

const KEYS = {
  sdk: 'sdk',
  dataset: 'dataset',
  rows: 'rows',
  corrupt: 'corrupt',
  skew: 'skew',
  vm_size: 'vm_size',
  low_priority: 'low_priority',
  seed: 'seed',
  preset: 'preset',
} as const;

/** What the lab starts from for a dialect and a kind of data. */
export function labBase(sdk: LabSdk, kind: DatasetKind): LabSettings {
  const base: LabSettings = { ...DEFAULT_SETTINGS, ...datasetDefaults(kind), sdk };
  return sdk === 'v1' ? base : { ...base, ...sdkSlotDefaults(sdk, kind) };
}

/** Every value, defaults included: a link must not depend on today's defaults. */
export function encodeLabState({ settings, preset }: LabUrlState): string {
  const params = new URLSearchParams();
  // v1 is the lab's default for good (the chapter's SDK), so links to it stay as they were.
  if (settings.sdk !== 'v1') params.set(KEYS.sdk, settings.sdk);
  params.set(KEYS.dataset, settings.dataset);
  params.set(KEYS.rows, String(settings.rows));
  params.set(KEYS.corrupt, String(settings.corrupt));
  if (settings.dataset === 'tabular') params.set(KEYS.skew, String(settings.skew));
  params.set(KEYS.vm_size, settings.vm_size);
  params.set(KEYS.low_priority, settings.low_priority ? '1' : '0');
  const base = labBase(settings.sdk, settings.dataset);
  // An empty value says "not set" where the lab would otherwise fill in a default.
  for (const field of SDK_FIELDS) if (settings[field] !== '' || base[field] !== '') params.set(field, settings[field]);
  params.set(KEYS.seed, String(settings.seed));
  if (preset) params.set(KEYS.preset, preset);
  return params.toString();
}

/** Every query key the lab reads. */
export const LAB_URL_KEYS: readonly string[] = [...Object.values(KEYS), ...SDK_FIELDS];
const isLabKey = (key: string): boolean => LAB_URL_KEYS.includes(key);

/**
 * `search` with the lab's keys replaced by `state`'s. Keys of the chapter's
 * other widgets (schedule.*, compare.*) stay as they are, so one link keeps
 * every widget's settings.
 */
export function withLabState(search: string, state: LabUrlState): string {
  const params = new URLSearchParams(search);
  for (const key of [...new Set(params.keys())]) if (isLabKey(key)) params.delete(key);
  for (const [key, value] of new URLSearchParams(encodeLabState(state))) params.append(key, value);
  return params.toString();
}

const numberOr = (text: string | null, fallback: number): number => {
  if (text === null || text.trim() === '') return fallback;
  const value = Number(text);
  return Number.isFinite(value) ? value : fallback;
};

/**
 * Reads a query string. Without any lab key it returns null, so a page opened
 * without a link starts from the defaults and leaves its URL alone.
 */
export function decodeLabState(search: string): LabUrlState | null {
  const params = new URLSearchParams(search);
  if (![...params.keys()].some(isLabKey)) return null;
  const kind: DatasetKind = params.get(KEYS.dataset) === 'file' ? 'file' : 'tabular';
  const sdk = params.get(KEYS.sdk);
  const base = labBase(isLabSdk(sdk) ? sdk : 'v1', kind);
  const settings: LabSettings = {
    ...base,
    rows: numberOr(params.get(KEYS.rows), base.rows),
    corrupt: numberOr(params.get(KEYS.corrupt), base.corrupt),
    skew: numberOr(params.get(KEYS.skew), base.skew),
    vm_size: params.get(KEYS.vm_size) ?? base.vm_size,
    low_priority: ['1', 'true'].includes(params.get(KEYS.low_priority) ?? ''),
    seed: numberOr(params.get(KEYS.seed), base.seed),
  };
  // A present key means "this exact text" (empty: not set); an absent one keeps the lab's default.
  for (const field of SDK_FIELDS) settings[field] = params.get(field) ?? base[field];
  const preset = params.get(KEYS.preset);
  return { settings: sanitizeSettings(settings), preset: isPresetId(preset) ? preset : null };
}

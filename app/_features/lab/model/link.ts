// A "see it in the lab" link from a quiz question or drill: a compact lab
// state (a preset and/or the lab's own URL keys), what to watch, and what the
// lab should highlight. The state is checked with the lab's own URL decoding
// and the engine's validation, so a link that the lab would not run as written
// fails the build.
import { validateSettings } from './config';
import { PRESETS_BY_ID, isPresetId } from './presets';
import { LAB_SDKS, isLabSdk } from './sdk';
import { DEFAULT_SETTINGS, SDK_FIELDS } from './settings';
import { decodeLabState, encodeLabState, labBase, LAB_URL_KEYS, type LabUrlState } from './url';

export interface LinkProblem {
  /** The URL key at fault, or "state" for the link as a whole. */
  field: string;
  message: string;
}

const NUMERIC_KNOBS = ['rows', 'corrupt', 'skew', 'seed'] as const;

/**
 * A link's state on top of its preset's settings (or the lab's defaults), as
 * the lab would decode it. Settings the link does not name keep the preset's.
 */
export function resolveLabLink(state: string): { resolved: LabUrlState; problems: LinkProblem[] } {
  const given = new URLSearchParams(state);
  const problems = unknownKeys(given);
  const presetId = given.get('preset');
  if (presetId !== null && !isPresetId(presetId)) problems.push({ field: 'preset', message: `"${presetId}" is not a lab preset` });
  const preset = isPresetId(presetId) ? (PRESETS_BY_ID.get(presetId) ?? null) : null;
  const sdk = given.get('sdk');
  if (sdk !== null && !isLabSdk(sdk)) problems.push({ field: 'sdk', message: `"${sdk}" is not an SDK dialect; allowed: ${LAB_SDKS.join(', ')}` });
  if (preset && sdk !== null && sdk !== 'v1') problems.push({ field: 'sdk', message: `the presets are ParallelRunStep (v1) cases; "${sdk}" cannot be combined with preset=${preset.id}` });
  // Without a preset, the dialect's and the data kind's own defaults, as the lab itself starts from them.
  const base = preset?.settings ?? labBase(isLabSdk(sdk) ? sdk : 'v1', given.get('dataset') === 'file' ? 'file' : 'tabular');
  const merged = new URLSearchParams(encodeLabState({ settings: base, preset: preset?.id ?? null }));
  for (const [key, value] of given) merged.set(key, value);
  const resolved = decodeLabState(merged.toString()) ?? { settings: DEFAULT_SETTINGS, preset: null };
  problems.push(...changedByDecoding(given, resolved), ...settingProblems(resolved));
  return { resolved, problems };
}

function unknownKeys(given: URLSearchParams): LinkProblem[] {
  return [...new Set(given.keys())]
    .filter((key) => !LAB_URL_KEYS.includes(key))
    .map((key) => ({ field: key, message: `"${key}" is not a lab setting; allowed: ${LAB_URL_KEYS.join(', ')}` }));
}

/** The lab clamps its own knobs silently; a link must not rely on that. */
function changedByDecoding(given: URLSearchParams, { settings }: LabUrlState): LinkProblem[] {
  const problems: LinkProblem[] = [];
  for (const key of NUMERIC_KNOBS) {
    const raw = given.get(key);
    if (raw !== null && Number(raw) !== settings[key]) problems.push({ field: key, message: `${raw} is not a value the lab keeps (it would become ${settings[key]})` });
  }
  const dataset = given.get('dataset');
  if (dataset !== null && dataset !== settings.dataset) problems.push({ field: 'dataset', message: `"${dataset}" is not a dataset kind; allowed: tabular, file` });
  const low = given.get('low_priority');
  if (low !== null && !['0', '1'].includes(low)) problems.push({ field: 'low_priority', message: `"${low}" is not allowed; use 0 or 1` });
  return problems;
}

function settingProblems({ settings }: LabUrlState): LinkProblem[] {
  return Object.entries(validateSettings(settings)).flatMap(([field, messages]) => (messages ?? []).map((message) => ({ field, message: `${message} (value "${fieldValue(settings, field)}")` })));
}

function fieldValue(settings: LabUrlState['settings'], field: string): string {
  return (SDK_FIELDS as readonly string[]).includes(field) || field === 'vm_size' ? String(settings[field as keyof typeof settings]) : '';
}

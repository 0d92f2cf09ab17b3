// Changing the lab's SDK dialect: the engine's own mapping (convertConfig)
// carries each stated setting to its counterpart, and names every one it
// cannot carry, with the reason; nothing is dropped silently.
import { convertConfig } from '@/engine/dialects/convert';
import type { SettingNote } from '@/engine/dialects/dialect';
import { toLooseConfig } from './config';
import { SDK_FIELD_NAMES, slotsFromConfig, toDialectConfig, type LabSdk } from './sdk';
import type { LabSettings, SdkField } from './settings';

export interface SdkSwitch {
  settings: LabSettings;
  /** Each carried setting: its name before and after. */
  carried: { from: string; to: string; value: string }[];
  /** Settings the new dialect cannot hold, by their old names, each with why. */
  dropped: SettingNote[];
  /** Carried settings whose meaning shifts (a threshold that counts rows on one side and files on the other). */
  caveats: SettingNote[];
}

function configOf(settings: LabSettings): Record<string, unknown> {
  return settings.sdk === 'v1' ? { ...toLooseConfig(settings) } : toDialectConfig(settings.sdk, settings, settings.dataset);
}

export function switchSdk(settings: LabSettings, to: LabSdk): SdkSwitch {
  const from = settings.sdk;
  if (from === to) return { settings, carried: [], dropped: [], caveats: [] };
  const converted = convertConfig(from, to, configOf(settings), { dataset: { kind: settings.dataset, items: [] } });
  if (!converted.ok) {
    // Invalid settings cannot be mapped; the new dialect starts from what it can read, and says so.
    return { settings: { ...settings, sdk: to }, carried: [], dropped: [{ field: 'the settings', value: '', reason: `not carried over, because they are not valid as they are: ${converted.message}` }], caveats: [] };
  }
  const slots = slotsFromConfig(to, converted.config);
  const next: LabSettings = { ...settings, ...slots, sdk: to };
  const carried = (Object.keys(slots) as SdkField[])
    .filter((slot) => slots[slot] !== '' && SDK_FIELD_NAMES[from][slot] !== undefined)
    .map((slot) => ({ from: SDK_FIELD_NAMES[from][slot] as string, to: SDK_FIELD_NAMES[to][slot] as string, value: slots[slot] }));
  return { settings: next, carried, dropped: converted.unmapped, caveats: converted.caveats };
}

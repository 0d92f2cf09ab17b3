'use client';
// A slot's control in the chosen SDK dialect: its name there and what it
// means (model/sdk.ts, model/sdk-hints.ts), or nothing where the dialect lacks it.
import { sdkName } from '@/app/_features/lab/model/sdk';
import { V2_HINTS, v2NamesHint } from '@/app/_features/lab/model/sdk-hints';
import type { SdkField } from '@/app/_features/lab/model/settings';
import { useLab } from '@/app/_features/lab/use-lab';
import { TextField } from './inputs';

/** A slot's control in the chosen dialect: its name there, and what it means; null where the dialect has no such setting. */
export function useSdkField(slot: SdkField, v1Hint: string, v1Placeholder?: string): { name: string; hint: string; placeholder: string | undefined } | null {
  const sdk = useLab((s) => s.settings.sdk);
  const name = sdkName(sdk, slot);
  if (!name) return null;
  if (sdk === 'v1') return { name, hint: `${v1Hint} ${v2NamesHint(sdkName('v2-parallel', slot), sdkName('v2-batch-deployment', slot))}`, placeholder: v1Placeholder };
  const v2 = V2_HINTS[sdk][slot];
  return { name, hint: v2?.hint ?? '', placeholder: v2?.placeholder ?? v1Placeholder };
}

/** A text control for a slot, named and explained in the chosen dialect; nothing where the dialect lacks the setting. */
export function SlotText({ slot, hint, placeholder, disabled = false }: { slot: SdkField; hint: string; placeholder?: string; disabled?: boolean }) {
  const settings = useLab((s) => s.settings);
  const problems = useLab((s) => s.problems);
  const set = useLab((s) => s.set);
  const field = useSdkField(slot, hint, placeholder);
  if (!field) return null;
  const numeric = slot !== 'append_row_file_name';
  return (
    <TextField
      name={field.name}
      hint={field.hint}
      problems={problems[slot]}
      value={settings[slot]}
      placeholder={field.placeholder}
      numeric={numeric}
      disabled={disabled}
      onChange={(v) => set(slot, v)}
    />
  );
}

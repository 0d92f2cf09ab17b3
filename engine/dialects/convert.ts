// convertConfig: a pure mapping of a config from one dialect to another.
// Only what the source states is carried over (a setting left to its default
// takes the target's default, which is part of the lesson), except the
// target's required parameters and the output action, which get the source's
// value in effect: whether a job writes a file at all is not a tuning default.
// Anything that cannot be carried is returned by name with the reason.
import type { ConfigProblem, Dataset } from '../types';
import { DIALECT_TITLES, type CommonKey, type CommonSettings, type Dialect, type SettingNote } from './dialect';
import { invalidMessage } from './parse';
import { DIALECT_SPECS } from './registry';
import type { DialectSpec } from './spec';

export type ConvertedConfig =
  | {
      ok: true;
      from: Dialect;
      to: Dialect;
      config: Record<string, unknown>;
      /** Settings that could not be carried, by the source's name, each with why. */
      unmapped: SettingNote[];
      /** Settings carried over whose value now counts something else, by the target's name. */
      caveats: SettingNote[];
    }
  | { ok: false; from: Dialect; to: Dialect; problems: ConfigProblem[]; message: string };

export interface ConvertContext {
  /** What mini_batch_size means in v1 and a parallel job depends on it (files, or bytes of tabular data). */
  dataset?: Dataset | undefined;
}

export function convertConfig(from: Dialect, to: Dialect, raw: unknown, context: ConvertContext = {}): ConvertedConfig {
  const source = DIALECT_SPECS[from];
  const target = DIALECT_SPECS[to];
  const reading = source.read(raw, { dataset: context.dataset });
  if (!reading.ok) return { ok: false, from, to, problems: reading.problems, message: invalidMessage(from, reading.problems) };
  if (from === to) return { ok: true, from, to, config: { ...(raw as Record<string, unknown>) }, unmapped: [], caveats: [] };
  const unmapped: SettingNote[] = reading.dialectOnly.map((n) => ({ ...n, reason: `not carried over to a ${DIALECT_TITLES[to]}: ${n.reason}` }));
  const carried = carryOver(source, target, reading.explicit, context.dataset?.kind, unmapped);
  for (const key of [...target.required, 'outputAction' as const]) if (carried[key] === undefined) setCommon(carried, key, reading.settings[key]);
  return finish(from, to, carried, unmapped, caveatsOf(source, target, carried, context.dataset?.kind));
}

/** The item threshold counts rows of tabular data in v1 and a parallel job, but whole files in a batch deployment. */
function caveatsOf(source: DialectSpec, target: DialectSpec, carried: Partial<CommonSettings>, kind: Dataset['kind'] | undefined): SettingNote[] {
  const value = carried.itemErrorThreshold;
  if (value === undefined || value === -1 || kind === 'file' || source.rules.distribution === target.rules.distribution) return [];
  const field = target.fieldOf.itemErrorThreshold as string;
  const [was, now] = target.rules.distribution === 'files' ? ['failed rows (records) of tabular data', 'failed files'] : ['failed files', 'failed rows (records) of tabular data'];
  return [{ field, value, reason: `counted ${was} in the ${DIALECT_TITLES[source.dialect]}, and counts ${now} here` }];
}

function carryOver(source: DialectSpec, target: DialectSpec, explicit: Partial<CommonSettings>, kind: Dataset['kind'] | undefined, unmapped: SettingNote[]): Partial<CommonSettings> {
  const carried: Partial<CommonSettings> = {};
  for (const [key, value] of Object.entries(explicit) as [CommonKey, CommonSettings[CommonKey]][]) {
    const field = source.fieldOf[key] as string;
    const reason = target.fieldOf[key] === undefined ? (target.missingBecause[key] ?? 'it has no counterpart') : sizeMismatch(key, value, source, target, kind);
    if (reason === null) setCommon(carried, key, value);
    else unmapped.push({ field, value, reason: `a ${DIALECT_TITLES[target.dialect]} has no equivalent: ${reason}` });
  }
  return carried;
}

/** mini_batch_size counts files in a batch deployment but may be bytes in v1 and a parallel job. */
function sizeMismatch(key: CommonKey, value: unknown, source: DialectSpec, target: DialectSpec, kind: Dataset['kind'] | undefined): string | null {
  if (key !== 'miniBatchSize' || kind === 'file') return null;
  const toFiles = target.rules.distribution === 'files' && source.rules.distribution !== 'files';
  const fromFiles = source.rules.distribution === 'files' && target.rules.distribution !== 'files';
  if (toFiles && (typeof value === 'string' || kind === 'tabular')) return `${String(value)} is a size in bytes, and a batch deployment counts whole files per run()`;
  if (fromFiles && kind === 'tabular') return `${String(value)} counts files, and for tabular data the target takes a size in bytes`;
  return null;
}

/** Writes the target config; a value the target's schema refuses is moved to unmapped with the schema's message. */
function finish(from: Dialect, to: Dialect, carried: Partial<CommonSettings>, unmapped: SettingNote[], caveats: SettingNote[]): ConvertedConfig {
  const target = DIALECT_SPECS[to];
  let config = target.write(carried);
  const reading = target.read(config, {});
  if (reading.ok) return { ok: true, from, to, config, unmapped, caveats };
  for (const problem of reading.problems) {
    const key = (Object.keys(target.fieldOf) as CommonKey[]).find((k) => target.fieldOf[k] === problem.field);
    if (key === undefined || target.required.includes(key)) return { ok: false, from, to, problems: reading.problems, message: invalidMessage(to, reading.problems) };
    const field = DIALECT_SPECS[from].fieldOf[key] as string;
    unmapped.push({ field, value: carried[key], reason: `out of range for a ${DIALECT_TITLES[to]}: ${problem.message}` });
    delete carried[key];
  }
  config = target.write(carried);
  return { ok: true, from, to, config, unmapped, caveats };
}

function setCommon<K extends CommonKey>(target: Partial<CommonSettings>, key: K, value: CommonSettings[K]): void {
  target[key] = value;
}

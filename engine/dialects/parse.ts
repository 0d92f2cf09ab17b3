// The typed seam of every dialect, as parseParallelRunConfig is for v1: a
// loose config (a form, a URL, YAML read as JSON) goes in, and either the
// settings in effect or every problem comes out.
import type { ConfigProblem } from '../types';
import { describeProblems } from '../parallel-run/validate-config';
import { DIALECT_TITLES, type CommonKey, type CommonSettings, type Dialect, type SettingNote } from './dialect';
import { DIALECT_SPECS } from './registry';
import type { DialectContext } from './spec';

export type ParsedDialectConfig =
  | {
      ok: true;
      dialect: Dialect;
      /** The settings in effect, defaults applied, under neutral names. */
      settings: CommonSettings;
      /** Which of them the config states itself. */
      explicit: CommonKey[];
      /** Accepted settings the simulation does not act on, each with why. */
      notSimulated: SettingNote[];
    }
  | { ok: false; dialect: Dialect; problems: ConfigProblem[]; message: string };

export function parseDialectConfig(dialect: Dialect, raw: unknown, context: DialectContext = {}): ParsedDialectConfig {
  const reading = DIALECT_SPECS[dialect].read(raw, context);
  if (!reading.ok) return { ok: false, dialect, problems: reading.problems, message: invalidMessage(dialect, reading.problems) };
  return {
    ok: true,
    dialect,
    settings: reading.settings,
    explicit: Object.keys(reading.explicit) as CommonKey[],
    notSimulated: reading.notSimulated,
  };
}

export function invalidMessage(dialect: Dialect, problems: ConfigProblem[]): string {
  const count = `${problems.length} problem${problems.length > 1 ? 's' : ''}`;
  return `Invalid config for a ${DIALECT_TITLES[dialect]} (${count}):\n${describeProblems(problems)}`;
}

/** The dialect's own name for a setting of the common shape, or null where it has none. */
export function dialectFieldName(dialect: Dialect, key: CommonKey): string | null {
  return DIALECT_SPECS[dialect].fieldOf[key] ?? null;
}

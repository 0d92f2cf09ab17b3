// A parallel job's task.program_arguments: one string of "--name value" pairs
// that mixes the parallel driver's own arguments (--error_threshold,
// --allowed_failed_percent, the timeouts) with the entry script's. The
// driver's are checked and typed; the script's are kept as they are.
import type { ConfigProblem } from '../types';
import { intInRange, numberFrom0To100, secondsAbove0, show, type Check } from './checks';

export interface DriverArgument {
  name: string;
  /** The default in effect when the argument is not passed; undefined: worked out by the service. */
  fallback: number | boolean | undefined;
  check: Check;
  parse: (text: string) => number | boolean;
  /** True when the simulator acts on it (the thresholds); the timeouts are only checked and shown. */
  simulated: boolean;
}

const numberOf = (text: string): number => (/^-?\d+(\.\d+)?$/.test(text) ? Number(text) : NaN);
const boolOf = (text: string): boolean => text.toLowerCase() === 'true';
const boolCheck: Check = (value) => (typeof value === 'boolean' ? null : `is ${show(value)}; it must be True or False (default False)`);

/** The driver's arguments the facts sheet documents, with their defaults (see DIALECT_CONFLICTS for --task_overhead_timeout). */
export const DRIVER_ARGUMENTS: readonly DriverArgument[] = [
  { name: '--error_threshold', fallback: -1, check: intInRange(-1, ' failed items (-1 ignores every failed item; default -1)'), parse: numberOf, simulated: true },
  { name: '--allowed_failed_percent', fallback: 100, check: numberFrom0To100(' (a percentage of failed mini-batches; 100 ignores them all; default 100)'), parse: numberOf, simulated: true },
  { name: '--task_overhead_timeout', fallback: 600, check: secondsAbove0(' (default 600)'), parse: numberOf, simulated: false },
  { name: '--progress_update_timeout', fallback: undefined, check: secondsAbove0(' (by default the service works it out)'), parse: numberOf, simulated: false },
  { name: '--first_task_creation_timeout', fallback: 600, check: secondsAbove0(' (default 600)'), parse: numberOf, simulated: false },
  { name: '--resource_monitor_interval', fallback: 600, check: intInRange(0, ' seconds (0 turns monitoring off; default 600)'), parse: numberOf, simulated: false },
  { name: '--copy_logs_to_parent', fallback: false, check: boolCheck, parse: boolOf, simulated: false },
];

export interface ProgramArguments {
  /** Driver arguments that were passed, parsed. */
  driver: Map<string, number | boolean>;
  /** The entry script's own arguments, name to raw value (null for a bare flag). */
  script: { name: string; value: string | null }[];
  problems: ConfigProblem[];
}

export function parseProgramArguments(text: string): ProgramArguments {
  const out: ProgramArguments = { driver: new Map(), script: [], problems: [] };
  const tokens = text.trim() === '' ? [] : text.trim().split(/\s+/);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    if (!token.startsWith('--')) {
      out.problems.push({ field: 'task.program_arguments', message: `task.program_arguments has ${show(token)} without an --argument name before it; write arguments as "--name value"` });
      continue;
    }
    const [name, inline] = splitInline(token);
    const next = tokens[i + 1];
    const value = inline ?? (next !== undefined && !next.startsWith('--') ? (i++, next) : null);
    addArgument(out, name, value);
  }
  return out;
}

function splitInline(token: string): [string, string | undefined] {
  const eq = token.indexOf('=');
  return eq < 0 ? [token, undefined] : [token.slice(0, eq), token.slice(eq + 1)];
}

function addArgument(out: ProgramArguments, name: string, value: string | null): void {
  const driver = DRIVER_ARGUMENTS.find((d) => d.name === name);
  if (!driver) {
    out.script.push({ name, value });
    return;
  }
  const parsed = value === null ? undefined : driver.parse(value);
  const issue = driver.check(Number.isNaN(parsed) ? value : parsed);
  if (issue !== null) out.problems.push({ field: name, message: `${name} ${issue}` });
  else out.driver.set(name, parsed as number | boolean);
}

/** Back to one string, driver arguments first, in a stable order. */
export function formatProgramArguments(driver: ReadonlyMap<string, number | boolean>, script: ProgramArguments['script'] = []): string {
  const parts: string[] = [];
  for (const d of DRIVER_ARGUMENTS) {
    const value = driver.get(d.name);
    if (value !== undefined) parts.push(`${d.name} ${typeof value === 'boolean' ? (value ? 'True' : 'False') : value}`);
  }
  for (const s of script) parts.push(s.value === null ? s.name : `${s.name} ${s.value}`);
  return parts.join(' ');
}

// allow_reuse. A step's key hashes what Azure hashes: its definition (script,
// source, imports, config, compute, environment), the parameter values it was
// resolved with, and the IDENTITIES of its inputs — a datastore path as
// written, or the step run that produced an upstream output. Never the data
// itself: new content under the same path leaves the key unchanged, which is
// the documented gotcha. A model asked for as 'latest' is keyed as 'latest'
// for the same reason: the version is only looked up when the script runs.
import type { Artifact, Environment, PipelineStep, ReuseEntry, Workspace } from './types';

/** Oldest entries are forgotten beyond this, so a long-lived server stays bounded. */
export const MAX_REUSE_ENTRIES = 64;

/** JSON with object keys sorted, so equal values always give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** cyrb53: a 53-bit string hash, shown as 14 hex digits. Collisions are negligible at this scale. */
export function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

export interface ReuseKeyParts {
  step: PipelineStep;
  compute: string;
  environment: Environment | undefined;
  /** One identity per input, in input order. */
  inputIdentities: string[];
}

export function reuseKey({ step, compute, environment, inputIdentities }: ReuseKeyParts): string {
  return hash53(
    canonicalJson({
      name: step.name,
      type: step.type,
      script: step.script ?? null,
      source: step.source ?? null,
      imports: [...(step.imports ?? [])].sort(),
      compute,
      environment: environment ? { name: environment.name, packages: [...environment.packages].sort() } : null,
      arguments: step.arguments ?? null,
      model: step.model ?? null,
      parallel_run_config: step.parallel_run_config ?? null,
      inputs: inputIdentities,
      outputs: step.outputs,
    }),
  );
}

/** The remembered run for a key, if all its outputs are still stored. */
export function findReusable(ws: Workspace, key: string): ReuseEntry | undefined {
  const entry = ws.reuse[key];
  if (!entry) return undefined;
  return Object.values(entry.outputs).every((id) => ws.artifacts[id] !== undefined) ? entry : undefined;
}

/** Remembers a completed step run (replacing an older one with the same key) and its outputs. */
export function rememberStepRun(ws: Workspace, entry: ReuseEntry, artifacts: Record<string, Artifact>): void {
  delete ws.reuse[entry.key];
  ws.reuse[entry.key] = entry;
  for (const id of Object.values(entry.outputs)) {
    const artifact = artifacts[id];
    if (artifact) ws.artifacts[id] = artifact;
  }
  const keys = Object.keys(ws.reuse);
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_REUSE_ENTRIES))) delete ws.reuse[old];
  // Outputs of forgotten or replaced runs can no longer be reused: drop them.
  const live = new Set(Object.values(ws.reuse).flatMap((e) => Object.values(e.outputs)));
  for (const id of Object.keys(ws.artifacts)) if (!live.has(id)) delete ws.artifacts[id];
}

/** A stored step output by identity (for the UI: rows of a reused step's output). */
export function readArtifact(ws: Workspace, id: string): Artifact | undefined {
  return ws.artifacts[id];
}

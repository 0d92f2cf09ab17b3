// What a "see it in the lab" link asks the lab to point at, carried in the
// lab's URL beside its settings. No engine imports: the quiz, the drills and
// the content schema read this too.

/** The parts of the lab a link can point at. */
export const WATCH_TARGETS = [
  'status',
  'failed-mini-batches',
  'retries',
  'duration',
  'cost',
  'preemptions',
  'timeline',
  'node_count-sweep',
  'mini_batch_size-sweep',
  'output',
  'log',
] as const;
export type WatchTarget = (typeof WATCH_TARGETS)[number];

export const isWatchTarget = (value: unknown): value is WatchTarget => typeof value === 'string' && (WATCH_TARGETS as readonly string[]).includes(value);

/** The claims a link's run is checked against (see test/content/lab-links.test.ts). */
export const LINK_FAILURES = ['error_threshold', 'allowed_failed_count', 'allowed_failed_percent', 'init_per_node', 'init_job_wide', 'init_no_progress', 'datastore_access', 'output_exists'] as const;
export const LINK_SWEEP_CLAIMS = ['more-nodes-faster-costlier', 'some-size-fails'] as const;

export interface LinkClaim {
  status?: 'Completed' | 'Failed' | undefined;
  failure?: (typeof LINK_FAILURES)[number] | undefined;
  failedMiniBatches?: 'none' | 'some' | undefined;
  retries?: 'none' | 'some' | undefined;
  timeouts?: 'none' | 'some' | undefined;
  preemptions?: 'none' | 'some' | undefined;
  output?: 'file' | 'none' | undefined;
  /** The link's log line is in the named log file. */
  log?: true | undefined;
  sweep?: (typeof LINK_SWEEP_CLAIMS)[number] | undefined;
  /** node_count × process_count_per_node: the lanes of the timeline. */
  workers?: number | undefined;
  /** The first node was ready only after more than this many virtual seconds (start-up paid before any row is scored). */
  startupOver?: number | undefined;
}

export interface LabLink {
  /** After loading: the full lab query string (content files may give just a preset and the keys that differ). */
  state: string;
  /** One sentence: what to watch in the run. */
  watch: string;
  show: WatchTarget;
  /** For show "log": the file to open and the text of the line to mark. */
  log?: { file: string; find: string } | undefined;
  expect: LinkClaim;
}

/** What the lab reads from its URL when it was opened from a link. */
export interface LabWatch {
  sentence: string;
  show: WatchTarget;
  log: { file: string; find: string } | null;
  /** Where "Back to the question" goes: a path on this site, or null. */
  back: string | null;
}

const WATCH_KEYS = { sentence: 'watch', show: 'show', file: 'log', find: 'find', back: 'back' } as const;

/** Only paths on this site, so a crafted link cannot send the learner elsewhere. */
export function safeBackPath(path: string | null): string | null {
  if (!path || !path.startsWith('/') || path.startsWith('//') || path.includes('\\')) return null;
  return /^\/(chapters|drills|progress)(\/|\?|#|$)/.test(path) ? path : null;
}

/** The lab page's address for a link, with the way back to where it was followed from. */
export function labLinkHref(link: LabLink, back: string | null): string {
  const params = new URLSearchParams(link.state);
  params.set(WATCH_KEYS.sentence, link.watch);
  params.set(WATCH_KEYS.show, link.show);
  if (link.log) {
    params.set(WATCH_KEYS.file, link.log.file);
    params.set(WATCH_KEYS.find, link.log.find);
  }
  const safe = safeBackPath(back);
  if (safe) params.set(WATCH_KEYS.back, safe);
  return `/lab?${params.toString()}`;
}

export function readWatch(search: string): LabWatch | null {
  const params = new URLSearchParams(search);
  const sentence = params.get(WATCH_KEYS.sentence)?.trim();
  const show = params.get(WATCH_KEYS.show);
  if (!sentence || !isWatchTarget(show)) return null;
  const file = params.get(WATCH_KEYS.file);
  const find = params.get(WATCH_KEYS.find);
  return { sentence: sentence.slice(0, 400), show, log: file && find ? { file, find } : null, back: safeBackPath(params.get(WATCH_KEYS.back)) };
}

/** The first line of a log that contains the text (case-insensitive), or -1. */
export function findLogLine(lines: readonly string[], find: string): number {
  const needle = find.toLowerCase();
  return lines.findIndex((line) => line.toLowerCase().includes(needle));
}

import type { Issue } from './check';
import { migrateProgress } from './migrate';
import { PROGRESS_VERSION, progressDataSchema, type ProgressData } from './schema';

// Export and import of progress as a JSON file. Import is all or nothing: a file
// with any problem is refused with a message naming the field, and nothing changes.

export const EXPORT_APP = 'batch-inference-lab';

export interface ProgressFile {
  app: typeof EXPORT_APP;
  version: number;
  exportedAt: string;
  progress: ProgressData;
}

export function serializeProgress(progress: ProgressData, exportedAt: string): string {
  const file: ProgressFile = { app: EXPORT_APP, version: PROGRESS_VERSION, exportedAt, progress };
  return JSON.stringify(file, null, 2);
}

export type ImportResult = { ok: true; progress: ProgressData } | { ok: false; message: string };

const refuse = (reason: string): ImportResult => ({ ok: false, message: `This file was not imported: ${reason}. Your progress has not changed.` });

/** ["attempts", "095-x", 0, "correct"] → progress.attempts["095-x"][0].correct */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    const k = String(key);
    return /^[A-Za-z_][\w]*$/.test(k) ? `${acc}.${k}` : `${acc}["${k}"]`;
  }, 'progress');
}

function describeIssues(issues: readonly Issue[]): string {
  const lines = issues.slice(0, 3).map((issue) => `the field ${fieldName(issue.path)} ${issue.message}`);
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more problems)` : '';
  return lines.join('; ') + more;
}

export function parseProgressFile(text: string): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return refuse('it is not valid JSON');
  }
  if (typeof data !== 'object' || data === null || (data as { app?: unknown }).app !== EXPORT_APP) {
    return refuse(`it is not a Batch Inference Lab progress file (the field "app" must be "${EXPORT_APP}")`);
  }
  const { version, progress } = data as { version?: unknown; progress?: unknown };
  if (!Number.isInteger(version) || (version as number) < 0) return refuse('the field "version" must be a whole number');
  if ((version as number) > PROGRESS_VERSION) return refuse(`it was saved by a newer version of the app (version ${String(version)}; this one reads up to ${PROGRESS_VERSION})`);
  if (progress === undefined) return refuse('the field "progress" is missing');
  const parsed = progressDataSchema.safeParse(migrateProgress(progress, version as number));
  return parsed.success ? { ok: true, progress: parsed.data } : refuse(describeIssues(parsed.issues));
}

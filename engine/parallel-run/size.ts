// Mini-batch sizes as ParallelRunConfig accepts them: a whole number of bytes,
// or a string such as "1024", "64KB" or "1mb". Units are binary (KB = 1024).

/** The pattern the v1 SDK checks strings against. */
export const MINI_BATCH_SIZE_PATTERN = /^\d+([kKmMgG][bB])*$/;

const UNIT_FACTORS: Record<string, number> = { kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/**
 * Bytes for a size value, or null when the value is not a valid size.
 * The SDK's pattern tolerates stacked units ("1KBMB") but its conversion then
 * fails, so such strings are rejected here as well. Zero is not a usable size.
 */
export function parseSize(value: unknown): number | null {
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) && value >= 1 ? value : null;
  }
  if (typeof value !== 'string' || !MINI_BATCH_SIZE_PATTERN.test(value)) return null;
  const digits = /^\d+/.exec(value)?.[0] ?? '';
  const unit = value.slice(digits.length).toLowerCase();
  const factor = unit === '' ? 1 : UNIT_FACTORS[unit];
  if (factor === undefined) return null;
  const bytes = Number(digits) * factor;
  return Number.isSafeInteger(bytes) && bytes >= 1 ? bytes : null;
}

/** Human-readable binary size for logs and messages ("1.5 MB"). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number(value.toFixed(1))} ${units[unit]}`;
}

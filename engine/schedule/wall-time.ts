// Conversions between naive local wall times and UTC instants.
//
// A naive wall time is a luxon DateTime in the 'utc' zone whose fields are read
// as local clock fields; calendar steps on it (plus days, months) never meet a
// DST change. Only wallToInstant knows about the real zone.
//
// DST rule (the same as RFC 5545 §3.3.5 and Temporal's 'compatible'):
// - a wall time inside a spring-forward gap is read with the offset in force
//   before the gap, so it moves forward by the gap's length
//   (02:30 on the New York spring-forward day becomes 03:30 EDT);
// - a wall time that occurs twice at fall-back means its first occurrence
//   (01:30 on the New York fall-back day is 01:30 EDT, not EST).
// luxon itself picks the second occurrence for ambiguous times, hence this code.
import { DateTime, IANAZone } from 'luxon';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const NAIVE_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;
const ZONE_SUFFIX = /(Z|[+-]\d{2}(:?\d{2})?)$/i;
const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

export function hasZoneSuffix(text: string): boolean {
  return /T/.test(text) && ZONE_SUFFIX.test(text);
}

/** `YYYY-MM-DDThh:mm:ss` as a naive wall time, or null when malformed or not a real date. */
export function parseNaive(text: string): DateTime | null {
  if (!NAIVE_PATTERN.test(text)) return null;
  const parsed = DateTime.fromISO(text, { zone: 'utc' });
  return parsed.isValid ? parsed : null;
}

/** An ISO instant that states its offset (Z or ±hh:mm), as epoch ms; null otherwise. */
export function parseInstant(text: string): number | null {
  if (!INSTANT_PATTERN.test(text)) return null;
  const parsed = DateTime.fromISO(text, { setZone: true });
  return parsed.isValid ? parsed.toMillis() : null;
}

export function zoneFor(name: string): IANAZone {
  return IANAZone.create(name);
}

export function instantToWall(ms: number, zone: IANAZone): DateTime {
  return DateTime.fromMillis(ms + zone.offset(ms) * MINUTE_MS, { zone: 'utc' });
}

export function wallToInstant(wall: DateTime, zone: IANAZone): number {
  const wallMs = wall.toMillis();
  const offsetBefore = zone.offset(wallMs - DAY_MS);
  const candidates = new Set([offsetBefore, zone.offset(wallMs + DAY_MS), zone.offset(wallMs)]);
  const fitting: number[] = [];
  for (const offset of candidates) {
    const instant = wallMs - offset * MINUTE_MS;
    if (zone.offset(instant) === offset) fitting.push(instant);
  }
  // Ambiguous: several offsets fit and the earliest instant is the first occurrence.
  if (fitting.length > 0) return Math.min(...fitting);
  // In the gap no offset fits: keep the one from before the change.
  return wallMs - offsetBefore * MINUTE_MS;
}

/** UTC `YYYY-MM-DDTHH:MM:SSZ`. */
export function formatUtc(ms: number): string {
  return DateTime.fromMillis(ms, { zone: 'utc' }).toFormat("yyyy-MM-dd'T'HH:mm:ss'Z'");
}

/** Rounds up to a whole second: run times are printed to the second and must not fall before `after`. */
export function ceilToSecond(ms: number): number {
  return Math.ceil(ms / 1000) * 1000;
}

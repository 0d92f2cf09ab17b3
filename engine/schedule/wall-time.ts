// Conversions between naive local wall times and UTC instants.
//
// A naive wall time is "the local clock fields read as if they were UTC": either
// a luxon DateTime in the 'utc' zone (for calendar steps such as plus months) or
// its epoch-ms number (in hot loops). Steps on it never meet a DST change; only
// wallToInstant knows about the real zone.
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
const INSTANT_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):?(\d{2}))$/i;

export function hasZoneSuffix(text: string): boolean {
  return /T/.test(text) && ZONE_SUFFIX.test(text);
}

/** `YYYY-MM-DDThh:mm:ss` as a naive wall time, or null when malformed or not a real date. */
export function parseNaive(text: string): DateTime | null {
  if (!NAIVE_PATTERN.test(text)) return null;
  const parsed = DateTime.fromISO(text, { zone: 'utc' });
  return parsed.isValid ? parsed : null;
}

/**
 * An ISO instant that states its offset (Z or ±hh:mm) as epoch ms, or null.
 * Hand-parsed because Date.parse accepts Feb 30 and luxon's parser is slow on
 * long arrival lists. Sub-millisecond fractions round up, never down.
 */
export function parseInstant(text: string): number | null {
  const m = INSTANT_PATTERN.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number];
  const second = Number(m[6] ?? 0);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) return null;
  const fractionMs = m[7] ? Math.ceil(Number(`0.${m[7]}`) * 1000) : 0;
  const offsetMinutes = m[8] ? 0 : (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11]));
  if (!m[8] && (Number(m[10]) > 23 || Number(m[11]) > 59)) return null;
  return Date.UTC(year, month - 1, day, hour, minute, second) + fractionMs - offsetMinutes * MINUTE_MS;
}

export function zoneFor(name: string): IANAZone {
  return IANAZone.create(name);
}

/** zone.offset goes through Intl and costs ~25 µs; schedules ask for the same days over and over. */
const boundaryOffsets = new Map<string, number>();
const MAX_CACHED = 100_000;

function offsetAtDayBoundary(zone: IANAZone, dayIndex: number): number {
  const key = `${zone.name}|${dayIndex}`;
  let offset = boundaryOffsets.get(key);
  if (offset === undefined) {
    if (boundaryOffsets.size >= MAX_CACHED) boundaryOffsets.clear();
    offset = zone.offset(dayIndex * DAY_MS);
    boundaryOffsets.set(key, offset);
  }
  return offset;
}

/**
 * Offset in minutes at an instant. When both UTC midnights around the instant
 * have the same offset the whole day has it (no zone changes its offset and
 * back within one day); only transition days pay for the exact lookup.
 */
export function offsetAt(zone: IANAZone, ms: number): number {
  const day = Math.floor(ms / DAY_MS);
  const start = offsetAtDayBoundary(zone, day);
  return start === offsetAtDayBoundary(zone, day + 1) ? start : zone.offset(ms);
}

export function instantToWall(ms: number, zone: IANAZone): DateTime {
  return DateTime.fromMillis(ms + offsetAt(zone, ms) * MINUTE_MS, { zone: 'utc' });
}

/** `wallMs` is a naive wall time as epoch ms. */
export function wallToInstant(wallMs: number, zone: IANAZone): number {
  const offsetBefore = offsetAt(zone, wallMs - DAY_MS);
  const offsetAfter = offsetAt(zone, wallMs + DAY_MS);
  // Fast path: the same offset a day either side means no change in between (no zone
  // changes and reverts within 48 hours), so the wall time is unique.
  if (offsetBefore === offsetAfter) return wallMs - offsetBefore * MINUTE_MS;
  const fitting: number[] = [];
  for (const offset of new Set([offsetBefore, offsetAfter, offsetAt(zone, wallMs)])) {
    const instant = wallMs - offset * MINUTE_MS;
    if (offsetAt(zone, instant) === offset) fitting.push(instant);
  }
  // Ambiguous: several offsets fit and the earliest instant is the first occurrence.
  if (fitting.length > 0) return Math.min(...fitting);
  // In the gap no offset fits: keep the one from before the change.
  return wallMs - offsetBefore * MINUTE_MS;
}

/** UTC `YYYY-MM-DDTHH:MM:SSZ`. */
export function formatUtc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** Rounds up to a whole second: run times are printed to the second and must not fall before `after`. */
export function ceilToSecond(ms: number): number {
  return Math.ceil(ms / 1000) * 1000;
}

// Showing engine instants (UTC "YYYY-MM-DDTHH:MM:SSZ") to a reader, in a zone.
import { DateTime } from 'luxon';

/** "Thu 26 Nov 2026, 09:30:00 (UTC+00:00)": English, 24-hour, offset spelled out. */
export function formatInZone(utc: string, zone: string): string {
  const t = DateTime.fromISO(utc, { zone: 'utc' }).setZone(zone).setLocale('en-GB');
  return `${t.toFormat('ccc d LLL yyyy, HH:mm:ss')} (UTC${t.toFormat('ZZ')})`;
}

/** "Thu 26 Nov 2026, 09:30:00 UTC". */
export function formatUtc(utc: string): string {
  return `${DateTime.fromISO(utc, { zone: 'utc' }).setLocale('en-GB').toFormat('ccc d LLL yyyy, HH:mm:ss')} UTC`;
}

/** Epoch ms of an ISO instant, or null. Only for placing marks on a timeline. */
export function instantMs(iso: string): number | null {
  const t = DateTime.fromISO(iso, { setZone: true });
  return t.isValid ? t.toMillis() : null;
}

/** An ISO instant `minutes` after `iso`, in UTC with Z, or '' when `iso` is not an instant. */
export function addMinutes(iso: string, minutes: number): string {
  const t = DateTime.fromISO(iso, { setZone: true });
  return t.isValid ? `${t.toUTC().plus({ minutes }).toISO({ suppressMilliseconds: true })}`.replace('+00:00', 'Z') : '';
}

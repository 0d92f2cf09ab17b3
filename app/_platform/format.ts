// Durations and dollars as the simulators show them. One set of formatters,
// each with a named style, because the widgets show different ranges on
// purpose: the lab's virtual clock in tenths, the pipeline's step times in
// whole seconds, and the comparison's spans from milliseconds to days.
// The style is required, so a formatter handed to a chart as a callback
// cannot take the chart's second argument for it.

/**
 * - `tenths`: "0.0 s", "566.4 s" (always tenths, never minutes: the lab's virtual clock)
 * - `whole`: "0 s", "24 s", "9 min", "9 min 26 s" (rounded to the second)
 * - `span`: "850 ms", "2.4 s", "24 s", "9 min 26 s", "3.5 h", "2.1 days"
 */
export type SecondsStyle = 'tenths' | 'whole' | 'span';

/**
 * - `exact`: "$0.0000", "$1.2345" (always four decimals)
 * - `sub-cent`: "$0", "$0.0012", "$3.40" (four decimals under a dollar, cents above)
 * - `rounded`: "$0.0012", "$3.40", "$1,234" (two significant digits under a dollar, whole grouped dollars from $100)
 */
export type UsdStyle = 'exact' | 'sub-cent' | 'rounded';

const grouped = new Intl.NumberFormat('en-GB');

function minutesAndSeconds(minutes: number, rest: number): string {
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

export function formatSeconds(seconds: number, style: SecondsStyle): string {
  if (style === 'tenths') return `${seconds.toFixed(1)} s`;
  if (style === 'whole') {
    const whole = Math.round(seconds);
    return whole < 60 ? `${whole} s` : minutesAndSeconds(Math.floor(whole / 60), whole % 60);
  }
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`;
  if (seconds < 3600) {
    const m = Math.floor(seconds / 60);
    return minutesAndSeconds(m, Math.round(seconds - m * 60));
  }
  const hours = seconds / 3600;
  return hours < 48 ? `${hours.toFixed(1)} h` : `${(hours / 24).toFixed(1)} days`;
}

export function formatUsd(usd: number, style: UsdStyle): string {
  if (style === 'exact') return `$${usd.toFixed(4)}`;
  if (style === 'sub-cent') {
    if (usd === 0) return '$0';
    return usd < 1 ? `$${usd.toFixed(4)}` : `$${usd.toFixed(2)}`;
  }
  if (usd >= 100) return `$${grouped.format(Math.round(usd))}`;
  if (usd >= 1) return `$${usd.toFixed(2)}`;
  return `$${usd.toPrecision(2)}`;
}

/** An ISO UTC time as "2026-12-07 10:15:30 UTC" (to the second). */
export function formatUtc(iso: string): string {
  return iso.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC');
}

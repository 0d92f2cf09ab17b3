// Number formats shared by the lab's panels and charts (exact, with units).
import { formatSeconds as seconds, formatUsd as dollars } from '@/app/_platform/format';

export const formatSeconds = (s: number): string => seconds(s, 'tenths');
export const formatUsd = (usd: number): string => dollars(usd, 'exact');
export const formatPercent = (share: number): string => `${(share * 100).toFixed(1)} %`;

/**
 * A count as en-US writes it ("20,000"; at most three decimals), without
 * Intl: the first toLocaleString on a page loads the locale data, a long task
 * of its own on a slow machine, and the lab formats numbers in its first render.
 */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? 'NaN' : n > 0 ? '∞' : '-∞';
  const rounded = Math.round(n * 1000) / 1000;
  const [whole = '0', fraction] = String(Math.abs(rounded)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${rounded < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

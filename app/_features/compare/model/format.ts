// Numbers for people: rows and latencies as the comparison shows them, and the
// verdict in words. Durations and dollars use the platform's 'span' and
// 'rounded' styles.
import type { ComparisonPoint } from '@/engine/index';
import { formatSeconds, formatUsd } from '@/app/_platform/format';

const grouped = new Intl.NumberFormat('en-GB');

export function formatRows(rows: number): string {
  return grouped.format(rows);
}

/** "10k", "3M": for axis ticks only. */
export function formatRowsShort(rows: number): string {
  if (rows >= 1e6) return `${rows / 1e6}M`;
  if (rows >= 1e3) return `${rows / 1e3}k`;
  return String(rows);
}

/** Short labels for the time axis ticks (powers of ten, then minutes, hours, days). */
export function formatTimeTick(seconds: number): string {
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${seconds / 60} min`;
  if (seconds < 86_400) return `${seconds / 3600} h`;
  if (seconds < 7 * 86_400) return `${seconds / 86_400} day${seconds === 86_400 ? '' : 's'}`;
  return `${seconds / (7 * 86_400)} wk`;
}

export function formatMs(ms: number): string {
  return ms < 1000 ? `${ms.toFixed(ms < 10 ? 1 : 0)} ms` : formatSeconds(ms / 1000, 'span');
}

export function latencyText(point: ComparisonPoint): string {
  const latency = point.realtime.latency;
  return latency ? `${formatMs(latency.p50Ms)} / ${formatMs(latency.p95Ms)}` : 'overloaded';
}

export interface Verdict {
  headline: string;
  waiting: string;
  cue: string;
}

/** Plain-language reading of one comparison point. */
export function verdictFor(point: ComparisonPoint): Verdict {
  const { batch, realtime } = point;
  const rows = formatRows(point.rowsPerDay);
  const runs = `${batch.runsPerDay} run${batch.runsPerDay === 1 ? '' : 's'} of ${formatSeconds(batch.durationSeconds, 'span')}`;
  const endpoint = `${formatUsd(realtime.costPerDayUsd, 'rounded')} for ${realtime.instanceCount} always-on instance${realtime.instanceCount === 1 ? '' : 's'}`;
  const headline =
    point.cheaper === 'batch'
      ? `At ${rows} rows a day, batch is cheaper: ${formatUsd(batch.costPerDayUsd, 'rounded')} a day (${runs}) against ${endpoint}.`
      : point.cheaper === 'realtime'
        ? `At ${rows} rows a day, the endpoint is cheaper: ${endpoint} against ${formatUsd(batch.costPerDayUsd, 'rounded')} for ${runs}, each paying node start-up.`
        : `At ${rows} rows a day, both cost about the same: ${formatUsd(batch.costPerDayUsd, 'rounded')} for batch, ${endpoint}.`;
  const latency = realtime.latency;
  const waiting = !latency
    ? `The endpoint as sized cannot keep up (utilisation ${Math.round(realtime.utilisation * 100)} %): requests would queue without end.`
    : `The endpoint answers a request in about ${formatMs(latency.p50Ms)} (p95 ${formatMs(latency.p95Ms)})${realtime.exceedsTimeout ? `, beyond request_timeout_ms ${realtime.requestTimeoutMs}, so callers get errors` : ''}; a row handed to batch can wait up to ${formatSeconds(batch.worstCaseWaitSeconds, 'span')} for its score.`;
  const cue =
    point.cheaper === 'realtime'
      ? 'Cue: "answer while the user waits" → real-time. Here it is even the cheaper choice, because so many cold-start batch runs a day cost more than one standing instance.'
      : 'Cue: "nightly, millions of rows" → batch: nobody waits, so pay only while the job runs. Cue: "answer while the user waits" → real-time, and the always-on price is what buys that answer.';
  return { headline, waiting, cue };
}

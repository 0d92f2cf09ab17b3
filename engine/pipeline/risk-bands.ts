// Post-processing: scored rows into risk bands by score cut-offs, with the
// observed default rate per band when ground-truth labels are joined in.
import { formatCsvCell } from '../dataset/csv';
import type { RiskBand, ScoredRecord } from './types';

const NAMES: Record<number, string[]> = {
  1: ['low', 'high'],
  2: ['low', 'medium', 'high'],
  3: ['low', 'medium', 'high', 'very_high'],
};

/** Throws (like the script's ValueError) unless the cut-offs rise strictly inside (0, 1). */
export function checkBandThresholds(value: unknown): number[] {
  const ok =
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((t, i) => typeof t === 'number' && t > 0 && t < 1 && (i === 0 || t > (value[i - 1] as number)));
  if (!ok) throw new Error(`ValueError: band_thresholds must be rising numbers between 0 and 1, got ${JSON.stringify(value)}`);
  return value as number[];
}

export function bandNames(thresholds: readonly number[]): string[] {
  return NAMES[thresholds.length] ?? Array.from({ length: thresholds.length + 1 }, (_, i) => `band_${i + 1}`);
}

/** Index of the band a score falls in: [cut[i-1], cut[i]). */
function bandIndex(score: number, thresholds: readonly number[]): number {
  let i = 0;
  while (i < thresholds.length && score >= thresholds[i]!) i++;
  return i;
}

const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;

/** Band numbers and per-band figures, in one pass over the scores. */
export function bandFigures(scores: readonly ScoredRecord[], thresholds: readonly number[], labels?: ReadonlyMap<string, number>): { band: Uint32Array; bands: RiskBand[] } {
  const names = bandNames(thresholds);
  const counts = names.map(() => ({ n: 0, scoreSum: 0, labelled: 0, defaults: 0 }));
  const band = new Uint32Array(scores.length);
  for (let r = 0; r < scores.length; r++) {
    const row = scores[r]!;
    const i = bandIndex(row.score, thresholds);
    band[r] = i;
    const c = counts[i]!;
    c.n++;
    c.scoreSum += row.score;
    const label = labels?.get(row.id);
    if (label !== undefined) {
      c.labelled++;
      c.defaults += label === 1 ? 1 : 0;
    }
  }
  const bands = names.map((name, i): RiskBand => {
    const c = counts[i]!;
    return {
      band: name,
      from: i === 0 ? 0 : thresholds[i - 1]!,
      to: i === thresholds.length ? 1 : thresholds[i]!,
      count: c.n,
      share: scores.length === 0 ? 0 : round4(c.n / scores.length),
      meanScore: c.n === 0 ? null : round4(c.scoreSum / c.n),
      observedDefaultRate: c.labelled === 0 ? null : round4(c.defaults / c.labelled),
    };
  });
  return { band, bands };
}

export function assignRiskBands(
  rows: readonly ScoredRecord[],
  thresholds: readonly number[],
  labels?: ReadonlyMap<string, number>,
): { bands: RiskBand[]; rows: (ScoredRecord & { band: string })[] } {
  const names = bandNames(thresholds);
  const { band, bands } = bandFigures(rows, thresholds, labels);
  return { bands, rows: rows.map((row, i) => ({ ...row, band: names[band[i]!]! })) };
}

export function riskBandsCsv(bands: readonly RiskBand[]): string {
  const lines = ['band,from,to,count,share,mean_score,observed_default_rate'];
  for (const b of bands) lines.push([b.band, b.from, b.to, b.count, b.share, b.meanScore ?? '', b.observedDefaultRate ?? ''].join(','));
  return `${lines.join('\n')}\n`;
}

export function scoredRowsCsv(rows: readonly (ScoredRecord & { band: string })[]): string {
  const lines = ['id,score,label,band'];
  for (const r of rows) lines.push(`${formatCsvCell(r.id)},${r.score},${r.label},${r.band}`);
  return `${lines.join('\n')}\n`;
}

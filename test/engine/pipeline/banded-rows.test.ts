// Risk bands kept as band numbers against assignRiskBands and scoredRowsCsv,
// which make an object per row: same figures, rows, preview and CSV text.
import { describe, expect, it } from 'vitest';
import type { ScoredRecord } from '@/engine/index';
import { bandedArtifact, bandedPreview, bandedRowCount, bandedRowsCsv, scoresCsv } from '@/engine/pipeline/banded-rows';
import { assignRiskBands, scoredRowsCsv } from '@/engine/pipeline/risk-bands';

/** More rows than one CSV slice (2,048), ids that need quoting now and then, scores on the cut-offs. */
function scores(n: number): ScoredRecord[] {
  return Array.from({ length: n }, (_, i) => ({ id: i % 1000 === 7 ? `x,${i}` : `cr-${i}`, score: i % 10 === 0 ? 0.15 : ((i * 7919) % 10007) / 10007, label: i % 3 === 0 ? 1 : 0 }));
}

const THRESHOLDS = [0.15, 0.2887, 0.5];

describe('bandedArtifact', () => {
  it('gives the bands and rows assignRiskBands gives, labels joined by id', () => {
    const rows = scores(5000);
    const labels = new Map(rows.filter((_, i) => i % 4 !== 0).map((r, i) => [r.id, i % 5 === 0 ? 1 : 0]));
    const expected = assignRiskBands(rows, THRESHOLDS, labels);
    const artifact = bandedArtifact(rows, THRESHOLDS, labels);
    expect(artifact.bands).toEqual(expected.bands);
    expect(bandedRowCount(artifact)).toBe(5000);
    expect(artifact.rows).toEqual(expected.rows);
  });

  it('matches without labels and with many bands', () => {
    const rows = scores(300);
    const many = Array.from({ length: 9 }, (_, i) => (i + 1) / 10);
    expect(bandedArtifact(rows, many).bands).toEqual(assignRiskBands(rows, many).bands);
    expect(bandedArtifact(rows, many).rows).toEqual(assignRiskBands(rows, many).rows);
    expect(bandedArtifact([], THRESHOLDS)).toMatchObject({ bands: assignRiskBands([], THRESHOLDS).bands, rows: [] });
  });

  it('previews the first rows without making the rest', () => {
    const rows = scores(50);
    const artifact = bandedArtifact(rows, THRESHOLDS);
    expect(bandedPreview(artifact, 5)).toEqual(assignRiskBands(rows, THRESHOLDS).rows.slice(0, 5));
    expect(bandedPreview(artifact, 500)).toHaveLength(50);
  });

  it('writes the scored_applicants.csv text scoredRowsCsv writes', () => {
    const rows = scores(5000);
    const artifact = bandedArtifact(rows, THRESHOLDS);
    const text = bandedRowsCsv(artifact);
    expect(text).toBe(scoredRowsCsv(assignRiskBands(rows, THRESHOLDS).rows));
    expect(text).toContain('"x,7",');
    expect(bandedRowsCsv(bandedArtifact([], THRESHOLDS))).toBe(scoredRowsCsv([]));
  });

  it('is not used for a risk_bands artifact made elsewhere', () => {
    const rows = scores(10);
    const plain = { kind: 'risk_bands' as const, ...assignRiskBands(rows, THRESHOLDS) };
    expect(bandedRowsCsv(plain)).toBeUndefined();
    expect(bandedRowCount(plain)).toBe(10);
    expect(bandedPreview(plain, 3)).toEqual(plain.rows.slice(0, 3));
  });
});

describe('scoresCsv', () => {
  it('writes the lines of scoredRowsCsv with the band each row is given', () => {
    const rows = scores(4097);
    expect(scoresCsv(rows, () => '')).toBe(scoredRowsCsv(rows.map((r) => ({ ...r, band: '' }))));
    expect(scoresCsv(rows.slice(0, 2048), (i) => `b${i}`)).toBe(scoredRowsCsv(rows.slice(0, 2048).map((r, i) => ({ ...r, band: `b${i}` }))));
  });
});

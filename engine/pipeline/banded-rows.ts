// Risk bands kept as one band number per scored row instead of a new object
// per row: the risk_bands artifact's `rows` are made only when read, and the
// scored_applicants.csv text is written straight from the scores and band
// numbers. Same figures, rows and text as assignRiskBands and scoredRowsCsv.
import { formatCsvCell } from '../dataset/csv';
import { bandFigures, bandNames } from './risk-bands';
import type { Artifact, ScoredRecord } from './types';

type BandedArtifact = Extract<Artifact, { kind: 'risk_bands' }>;

interface BandedData {
  scores: readonly ScoredRecord[];
  /** Index into `names` of each scored row's band. */
  band: Uint32Array;
  names: string[];
}

const banded = new WeakMap<BandedArtifact, BandedData>();

/** The risk_bands artifact of the scores; its `rows` (score plus band name) are made on first read. */
export function bandedArtifact(scores: readonly ScoredRecord[], thresholds: readonly number[], labels?: ReadonlyMap<string, number>): BandedArtifact {
  const names = bandNames(thresholds);
  const { band, bands } = bandFigures(scores, thresholds, labels);
  let rows: (ScoredRecord & { band: string })[] | undefined;
  const artifact: BandedArtifact = {
    kind: 'risk_bands',
    bands,
    get rows() {
      return (rows ??= scores.map((row, i) => ({ ...row, band: names[band[i]!]! })));
    },
  };
  banded.set(artifact, { scores, band, names });
  return artifact;
}

/** Rows of the artifact, without making them. */
export function bandedRowCount(artifact: BandedArtifact): number {
  return banded.get(artifact)?.scores.length ?? artifact.rows.length;
}

/** The first `count` banded rows, without making the rest. */
export function bandedPreview(artifact: BandedArtifact, count: number): (ScoredRecord & { band: string })[] {
  const data = banded.get(artifact);
  if (!data) return artifact.rows.slice(0, count);
  return data.scores.slice(0, count).map((row, i) => ({ ...row, band: data.names[data.band[i]!]! }));
}

/** scored_applicants.csv of the artifact: the text scoredRowsCsv(artifact.rows) gives. */
export function bandedRowsCsv(artifact: BandedArtifact): string | undefined {
  const data = banded.get(artifact);
  return data && scoresCsv(data.scores, (i) => data.names[data.band[i]!]!);
}

/** Lines joined a slice at a time, so no long chain of partial strings outlives the loop. */
const CSV_SLICE = 2048;

/** id,score,label,band lines with the band of row i from `bandOf`, header first, newline-terminated. */
export function scoresCsv(rows: readonly ScoredRecord[], bandOf: (i: number) => string): string {
  const slices = ['id,score,label,band\n'];
  const lines: string[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    lines.push(`${formatCsvCell(r.id)},${r.score},${r.label},${bandOf(i)}\n`);
    if (lines.length === CSV_SLICE || i === rows.length - 1) {
      slices.push(lines.join(''));
      lines.length = 0;
    }
  }
  return slices.join('');
}

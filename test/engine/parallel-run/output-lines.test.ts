// The append_row file keeps results as returned (lists or scored columns) and
// formats lines only when read. Whatever is read (all lines, a range, chunks)
// must be the lines formatting every returned element would give, and a
// scored row's line must be exactly formatOutputLine of {id, score, label}.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rowIdOf } from '@/engine/dataset/index';
import { formatOutputLine, formatOutputLines, isScoredColumns, outputChunks, outputFile, outputLines, partLength } from '@/engine/parallel-run/output';
import type { OutputPart, RowIds, ScoredColumns } from '@/engine/types';

/** The rounding the scored-row contract names: six decimals, as run() rounds a score. */
const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

function scored(ids: RowIds, rows: number[], scores: number[], labels: number[]): ScoredColumns {
  return { kind: 'scored_rows', ids, rows: Uint32Array.from(rows), scores: Float32Array.from(scores), labels: Uint8Array.from(labels) };
}

/** The reference: each element of a part formatted as the item path formats it. */
function expectedLines(parts: readonly (OutputPart | undefined)[]): string[] {
  return parts.flatMap((part) => {
    if (!part) return [];
    if (!isScoredColumns(part)) return part.map(formatOutputLine);
    return [...part.rows].map((row, i) => formatOutputLine({ id: rowIdOf(part.ids, row), score: round6(part.scores[i]!), label: part.labels[i]! }));
  });
}

const safeIds = fc.record({ prefix: fc.stringMatching(/^[a-z0-9_-]{0,6}$/), width: fc.integer({ min: 1, max: 7 }) });
const scoredPart = fc
  .array(fc.tuple(fc.nat(200_000), fc.float(), fc.integer({ min: 0, max: 1 })), { maxLength: 12 })
  .chain((cells) => safeIds.map((ids) => scored(ids, cells.map((c) => c[0]), cells.map((c) => c[1]), cells.map((c) => c[2]))));
// List elements as entry scripts return them; strings without newlines so a line is one line.
const element = fc.oneof(fc.stringMatching(/^[^\n\r]*$/), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.record({ id: fc.string(), n: fc.integer() }));
const listPart = fc.array(element, { maxLength: 12 });
const parts = fc.array(fc.option(fc.oneof(scoredPart, listPart), { nil: undefined }), { maxLength: 8 });

describe('a scored row line', () => {
  it('is formatOutputLine of {id, score rounded to 6 decimals, label}, for any float32 score', () => {
    fc.assert(
      fc.property(safeIds, fc.nat(1_000_000), fc.float(), fc.integer({ min: 0, max: 1 }), (ids, row, score, label) => {
        const part = scored(ids, [row], [score], [label]);
        expect(outputLines({ parts: [part] })).toEqual([formatOutputLine({ id: rowIdOf(ids, row), score: round6(part.scores[0]!), label })]);
      }),
    );
  });

  it('writes a non-finite score as JSON null, as JSON.stringify does', () => {
    const part = scored({ prefix: 'cr-', width: 5 }, [0, 1], [NaN, Infinity], [0, 1]);
    expect(outputLines({ parts: [part] })).toEqual(['{"id":"cr-00001","score":null,"label":0}', '{"id":"cr-00002","score":null,"label":1}']);
  });

  // RowIds.prefix may be any string, so the id is escaped exactly as formatOutputLine would.
  it('escapes the id as JSON does when the prefix needs it', () => {
    const ids = { prefix: 'a"b\\', width: 2 };
    const part = scored(ids, [0], [0.25], [0]);
    expect(outputLines({ parts: [part] })).toEqual([formatOutputLine({ id: rowIdOf(ids, 0), score: 0.25, label: 0 })]);
  });
});

describe('isScoredColumns and partLength', () => {
  it('tells scored columns from lists and other values', () => {
    const part = scored({ prefix: 'r', width: 1 }, [4, 7], [0.1, 0.2], [0, 0]);
    expect(isScoredColumns(part)).toBe(true);
    for (const other of [[], ['scored_rows'], null, undefined, 'scored_rows', 3, { kind: 'rows' }]) expect(isScoredColumns(other)).toBe(false);
    expect(partLength(part)).toBe(2);
    expect(partLength(['a', 'b', 'c'])).toBe(3);
  });
});

describe('outputFile', () => {
  it('keeps the non-empty parts in order, counts their lines and flags a partial file', () => {
    fc.assert(
      fc.property(parts, fc.boolean(), (returned, partial) => {
        const file = outputFile('out.txt', returned, partial);
        expect(file.fileName).toBe('out.txt');
        expect(file.parts).toEqual(returned.filter((p) => p && partLength(p) > 0));
        expect(file.lineCount).toBe(expectedLines(returned).length);
        expect(file.partial).toBe(partial ? true : undefined);
        expect('partial' in file).toBe(partial);
      }),
    );
  });
});

describe('outputLines', () => {
  it('reads every line by default, each formatted as its element would be', () => {
    fc.assert(
      fc.property(parts, (returned) => {
        expect(outputLines(outputFile('f', returned, false))).toEqual(expectedLines(returned));
        expect(formatOutputLines(returned)).toEqual(expectedLines(returned));
      }),
    );
  });

  it('reads lines start .. end - 1 of the file for any range', () => {
    fc.assert(
      fc.property(parts, fc.nat(80), fc.nat(80), (returned, start, end) => {
        const file = outputFile('f', returned, false);
        expect(outputLines(file, start, end)).toEqual(expectedLines(returned).slice(start, end));
        expect(outputLines(file, start)).toEqual(expectedLines(returned).slice(start));
      }),
    );
  });
});

describe('outputChunks', () => {
  it('gives the file text, newline-terminated lines, in chunks of exactly linesPerChunk lines but the last', () => {
    fc.assert(
      fc.property(parts, fc.integer({ min: 1, max: 9 }), (returned, perChunk) => {
        const lines = expectedLines(returned);
        const chunks = [...outputChunks(outputFile('f', returned, false), perChunk)];
        expect(chunks.join('')).toBe(lines.map((l) => l + '\n').join(''));
        expect(chunks).toHaveLength(Math.ceil(lines.length / perChunk));
        chunks.forEach((chunk, k) => {
          expect(chunk.endsWith('\n')).toBe(true);
          const count = chunk.split('\n').length - 1;
          if (k < chunks.length - 1) expect(count).toBe(perChunk);
          else expect(count).toBe(lines.length - perChunk * k);
        });
      }),
    );
  });

  it('gives no chunk for an empty file', () => {
    expect([...outputChunks(outputFile('f', [undefined, []], false))]).toEqual([]);
  });
});

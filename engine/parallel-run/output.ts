// The append_row output file: every element run() returned, one per line, in
// mini-batch order. v1 writes complex values as text rather than expanding
// them into columns; here an object becomes one JSON line and a string is
// written as it is. The file is kept as the results came back (lists, or
// scored columns) and a line is formatted only when someone reads it.
import { rowIdOf } from '../dataset/row-table';
import type { OutputFile, OutputPart, ScoredColumns } from '../types';

export function formatOutputLine(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/** What formatOutputLine gives for the row object {id, score, label} (JSON.stringify's number text is String's). */
function scoredLine(part: ScoredColumns, i: number): string {
  const score = round6(part.scores[i]!);
  const text = Number.isFinite(score) ? String(score) : 'null';
  return `{"id":"${rowIdOf(part.ids, part.rows[i]!)}","score":${text},"label":${part.labels[i]!}}`;
}

export function isScoredColumns(value: unknown): value is ScoredColumns {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'scored_rows';
}

export function partLength(part: OutputPart): number {
  return isScoredColumns(part) ? part.rows.length : part.length;
}

function partLine(part: OutputPart, i: number): string {
  return isScoredColumns(part) ? scoredLine(part, i) : formatOutputLine(part[i]);
}

/** Output of a job from each mini-batch's results (undefined for batches without output), in id order. */
export function outputFile(fileName: string, returned: readonly (OutputPart | undefined)[], partial: boolean): OutputFile {
  const parts: OutputPart[] = [];
  let lineCount = 0;
  for (const part of returned) {
    if (!part || partLength(part) === 0) continue;
    parts.push(part);
    lineCount += partLength(part);
  }
  return partial ? { fileName, lineCount, parts, partial: true } : { fileName, lineCount, parts };
}

/** Lines start .. end - 1 of the file (all of them by default): only these are formatted. */
export function outputLines(file: Pick<OutputFile, 'parts'>, start = 0, end = Infinity): string[] {
  const lines: string[] = [];
  let offset = 0;
  for (const part of file.parts) {
    const length = partLength(part);
    const from = Math.max(start - offset, 0);
    const to = Math.min(end - offset, length);
    for (let i = from; i < to; i++) lines.push(partLine(part, i));
    offset += length;
    if (offset >= end) break;
  }
  return lines;
}

/**
 * The file's text in chunks of about `linesPerChunk` lines, each line ending
 * in a newline, so a million-line file is written without one giant string.
 */
export function* outputChunks(file: Pick<OutputFile, 'parts'>, linesPerChunk = 20_000): Generator<string> {
  let chunk: string[] = [];
  for (const part of file.parts) {
    const length = partLength(part);
    for (let i = 0; i < length; i++) {
      chunk.push(partLine(part, i));
      if (chunk.length === linesPerChunk) {
        yield chunk.join('\n') + '\n';
        chunk = [];
      }
    }
  }
  if (chunk.length > 0) yield chunk.join('\n') + '\n';
}

/** Lines of every returned list, in mini-batch order; lists are undefined for batches without output. */
export function formatOutputLines(returned: readonly (OutputPart | undefined)[]): string[] {
  return outputLines(outputFile('', returned, false));
}

// Small builders shared by the parallel-run tests.
import type { DataItem, Dataset, EntryScriptFactory, OutputFile, ParallelRunConfig } from '@/engine/types';
import { outputLines } from '@/engine/parallel-run/output';

export function rows(count: number, bytes = 100, source?: string, prefix = 'r'): DataItem[] {
  return Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i}`, bytes, value: i, ...(source ? { source } : {}) }));
}

export const tabular = (items: DataItem[]): Dataset => ({ kind: 'tabular', items });
export const files = (items: DataItem[]): Dataset => ({ kind: 'file', items });

/** A valid config: 10 rows of 100 bytes per mini-batch, one node with two processes. */
export function config(overrides: Partial<ParallelRunConfig> = {}): ParallelRunConfig {
  return {
    mini_batch_size: 1000,
    error_threshold: -1,
    output_action: 'append_row',
    node_count: 1,
    process_count_per_node: 2,
    ...overrides,
  };
}

/** An entry script that returns one `{ id }` per input. */
export const echo: EntryScriptFactory = () => ({ run: (items) => items.map((item) => ({ id: item.id })) });

/** A result's append_row file as it reads: its name, every line formatted, and the partial flag. */
export function outputOf(result: { output: OutputFile | null }): { fileName: string; lines: string[]; partial?: boolean } | null {
  const file = result.output;
  if (!file) return null;
  const lines = outputLines(file);
  return file.partial ? { fileName: file.fileName, lines, partial: true } : { fileName: file.fileName, lines };
}

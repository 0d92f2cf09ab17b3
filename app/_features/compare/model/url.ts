// The comparison's settings as "compare."-prefixed query keys named after the
// parameters they set. Every control here is a choice or a bounded number, so
// a value the control cannot hold falls back to the default with a note.
import { VM_SIZES } from '@/engine/parallel-run/compute';
import { PrefixedReader, type QueryEntries, type UrlNote } from '@/app/_platform/url/url-state';
import { DEFAULT_SETTINGS, ROWS_PER_REQUEST_CHOICES, RUNS_PER_DAY_CHOICES, VOLUME_STEPS, type Settings } from './settings';

export const COMPARE_PREFIX = 'compare.';
/** The bounds of the number fields (the engine itself only asks for 1 or more). */
export const MAX_NODE_COUNT = 50;
export const MAX_CONCURRENT = 16;

export function encodeCompare(s: Settings): QueryEntries {
  return [
    ['rows_per_day', String(VOLUME_STEPS[s.rowsIndex] ?? VOLUME_STEPS[DEFAULT_SETTINGS.rowsIndex])],
    ['rows_per_request', String(s.rowsPerRequest)],
    ['vm_size', s.vmSize],
    ['node_count', s.nodeCount],
    ['runs_per_day', String(s.runsPerDay)],
    ['max_concurrent_requests_per_instance', s.maxConcurrent],
  ];
}

export function decodeCompare(search: string): { settings: Settings; notes: UrlNote[] } {
  const read = new PrefixedReader(search, COMPARE_PREFIX);
  const d = DEFAULT_SETTINGS;
  const rows = read.oneOf('rows_per_day', VOLUME_STEPS, VOLUME_STEPS[d.rowsIndex]!);
  const settings: Settings = {
    rowsIndex: VOLUME_STEPS.indexOf(rows),
    rowsPerRequest: read.oneOf('rows_per_request', ROWS_PER_REQUEST_CHOICES, d.rowsPerRequest as (typeof ROWS_PER_REQUEST_CHOICES)[number]),
    vmSize: read.oneOf('vm_size', Object.keys(VM_SIZES), d.vmSize),
    nodeCount: read.wholeText('node_count', 1, MAX_NODE_COUNT, d.nodeCount),
    runsPerDay: read.oneOf(
      'runs_per_day',
      RUNS_PER_DAY_CHOICES.map((c) => c.value),
      d.runsPerDay as (typeof RUNS_PER_DAY_CHOICES)[number]['value'],
    ),
    maxConcurrent: read.wholeText('max_concurrent_requests_per_instance', 1, MAX_CONCURRENT, d.maxConcurrent),
  };
  return { settings, notes: read.notes };
}

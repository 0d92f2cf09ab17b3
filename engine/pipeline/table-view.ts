// The pipeline's datasets kept as columns: a view is a list of segments, each
// some rows of a RowTable (a generated blob), in order. Steps concatenate and
// filter segments instead of DataItems; `items` is made only when something
// reads it (the parallel step, a test), and then exactly as the item path made
// it. The view is never the Dataset's `table`: ids repeat across blobs and a
// filtered view's ids are not derived from row numbers, which the engine's
// table path would assume.
import type { DataItem, Dataset } from '../types';
import { CREDIT_RISK_FEATURE_NAMES, CREDIT_RISK_FEATURES, isValidFeatureRow } from '../dataset/credit-risk-schema';
import { attachFeatureMatrix } from '../dataset/columnar';
import { rowIdOf, type RowTable } from '../dataset/row-table';
import { recordMaker } from './row-records';

export interface Segment {
  table: RowTable;
  /** Rows of the table, ascending; null means all of them. */
  rows: Uint32Array | null;
}

/**
 * `raw`: items tagged with their blob path, linked to their blob's matrix (as
 * read from the datastore). `clean`: items without a source over one fresh
 * matrix (as buildTabularDataset makes them after preprocessing).
 */
export interface TableView {
  kind: 'raw' | 'clean';
  segments: Segment[];
  /** Blob path of each segment (raw views only). */
  sources: string[];
}

const views = new WeakMap<Dataset, TableView>();
/** Items already made for a view's dataset. */
const made = new WeakMap<Dataset, DataItem[]>();

export function viewOf(dataset: Dataset): TableView | undefined {
  return views.get(dataset);
}

/** The dataset's items if they are already there (always, for a dataset that is not a view). */
export function itemsIfMade(dataset: Dataset): DataItem[] | undefined {
  return views.has(dataset) ? made.get(dataset) : dataset.items;
}

export const segmentLength = (s: Segment): number => (s.rows ? s.rows.length : s.table.rows);
export const segmentRow = (s: Segment, i: number): number => (s.rows ? s.rows[i]! : i);

export function viewLength(view: TableView): number {
  return view.segments.reduce((sum, s) => sum + segmentLength(s), 0);
}

/** Bytes of the view's CSV lines, as the items' byte sizes add up. */
export function viewBytes(view: TableView): number {
  let bytes = 0;
  for (const s of view.segments) for (let i = 0, n = segmentLength(s); i < n; i++) bytes += s.table.bytes[segmentRow(s, i)]!;
  return bytes;
}

/** A Dataset over the view whose `items` are made once, on first read. */
export function viewDataset(view: TableView): Dataset {
  const dataset: Dataset = {
    kind: 'tabular',
    get items() {
      let items = made.get(dataset);
      if (!items) made.set(dataset, (items = view.kind === 'raw' ? rawItems(view) : cleanItems(view)));
      return items;
    },
  };
  views.set(dataset, view);
  return dataset;
}

/** What readBlobDataset gave per blob: the table's items tagged with the path, linked to its matrix. */
function rawItems(view: TableView): DataItem[] {
  const out: DataItem[] = [];
  view.segments.forEach((s, k) => {
    const { table } = s;
    const items: DataItem[] = new Array(table.rows);
    const record = recordMaker(table);
    for (let r = 0; r < table.rows; r++) items[r] = { id: rowIdOf(table.ids, r), bytes: table.bytes[r]!, value: record(r), source: view.sources[k]! };
    attachFeatureMatrix({ columns: table.columns, data: table.data, rows: table.rows, items });
    for (let i = 0, n = segmentLength(s); i < n; i++) out.push(items[segmentRow(s, i)]!);
  });
  return out;
}

/**
 * What preprocess gave (buildTabularDataset over the kept rows' records):
 * items without a source over one fresh matrix, whose cells are the records'
 * numbers (text cells NaN). Built directly, without a row object per item.
 */
function cleanItems(view: TableView): DataItem[] {
  const columns = [...CREDIT_RISK_FEATURE_NAMES];
  const f = columns.length;
  const items: DataItem[] = new Array(viewLength(view));
  const data = new Float32Array(items.length * f);
  let k = 0;
  for (const s of view.segments) {
    const record = recordMaker(s.table);
    for (let i = 0, n = segmentLength(s); i < n; i++, k++) {
      const r = segmentRow(s, i);
      const value = record(r);
      items[k] = { id: rowIdOf(s.table.ids, r), bytes: s.table.bytes[r]!, value };
      for (let c = 0; c < f; c++) {
        const v = value[columns[c]!];
        data[k * f + c] = typeof v === 'number' ? v : NaN;
      }
    }
  }
  attachFeatureMatrix({ columns, data, rows: items.length, items });
  return items;
}

/** The views of every dataset, concatenated as raw; undefined unless each one is a raw view. */
export function concatRawViews(datasets: readonly Dataset[]): TableView | undefined {
  const found = datasets.map(viewOf);
  if (found.some((v) => v?.kind !== 'raw')) return undefined;
  const list = found as TableView[];
  return { kind: 'raw', segments: list.flatMap((v) => v.segments), sources: list.flatMap((v) => v.sources) };
}

const sameNames = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((n, i) => n === b[i]);

/** True when a raw view's validity can be read off its tables' matrices (as readFeatureRow would). */
export function hasCreditRiskColumns(view: TableView): boolean {
  return view.segments.every((s) => sameNames(s.table.columns, CREDIT_RISK_FEATURE_NAMES));
}

/** The training-time cleaning rule over a raw view: rows with every feature finite and in range. */
export function cleanView(view: TableView): TableView {
  const f = CREDIT_RISK_FEATURE_NAMES.length;
  const segments = view.segments.map((s): Segment => {
    const n = segmentLength(s);
    const kept = new Uint32Array(n);
    let k = 0;
    for (let i = 0; i < n; i++) {
      const r = segmentRow(s, i);
      if (isValidFeatureRow(s.table.data, r * f, CREDIT_RISK_FEATURES)) kept[k++] = r;
    }
    return { table: s.table, rows: kept.slice(0, k) };
  });
  return { kind: 'clean', segments, sources: [] };
}

/** Adds ground-truth labels by id, as the items' records hold them (a later row with the same id wins: ids repeat across blobs). */
export function addViewLabels(view: TableView, labels: Map<string, number>): void {
  for (const s of view.segments) {
    const { table } = s;
    for (let i = 0, n = segmentLength(s); i < n; i++) {
      const r = segmentRow(s, i);
      const written = table.cells.get(r);
      const label = written && 'label' in written ? written.label : table.labels?.[r];
      if (label === 0 || label === 1) labels.set(rowIdOf(table.ids, r), label);
    }
  }
}

/** Rows of a dataset, without making its items when it is a view. */
export function datasetRows(dataset: Dataset): number {
  const view = viewOf(dataset);
  return view ? viewLength(view) : dataset.items.length;
}

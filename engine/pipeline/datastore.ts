// The virtual blob store: path references, listing, reading blobs as
// datasets and writing files. Reading never checks freshness — identity, not
// content, is what reuse looks at, exactly as in Azure.
import type { Dataset, DataItem } from '../types';
import { generateCreditRiskTable } from '../dataset/credit-risk-table';
import type { RowTable } from '../dataset/row-table';
import { parseCsvDataset } from '../dataset/parse-csv-dataset';
import { CREDIT_RISK_COLUMNS, CREDIT_RISK_FEATURE_NAMES } from '../dataset/credit-risk-schema';
import { viewDataset, type TableView } from './table-view';
import type { Datastore, DatastoreBlob, GeneratedBlobSource, Workspace } from './types';

export interface DatastoreRef {
  datastore: string;
  /** Folder (ending in /) or blob path, without a leading slash; '' is the container root. */
  path: string;
}

/** `workspaceblobstore/credit-risk/applicants/` → { datastore, path }. */
export function parseDatastoreRef(text: string): DatastoreRef {
  const trimmed = text.replace(/^\/+/, '');
  const slash = trimmed.indexOf('/');
  if (slash < 0) return { datastore: trimmed, path: '' };
  return { datastore: trimmed.slice(0, slash), path: trimmed.slice(slash + 1).replace(/^\/+/, '') };
}

/** Blob paths the reference covers: the blob itself, or everything under the folder, sorted. */
export function listBlobs(store: Datastore, path: string): string[] {
  const names = Object.keys(store.blobs).sort();
  if (path === '') return names;
  if (store.blobs[path] !== undefined) return [path];
  const folder = path.endsWith('/') ? path : `${path}/`;
  return names.filter((name) => name.startsWith(folder));
}

const MS_PER_SECOND = 1000;

/** ISO UTC to the second, the format the engine uses for virtual times. */
export function formatIso(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

export function parseIso(text: string): number {
  const ms = new Date(text).getTime();
  if (!Number.isFinite(ms)) throw new Error(`Not an ISO date-time: ${JSON.stringify(text)}`);
  return ms;
}

/** Moves the workspace's virtual clock forward and returns the new time. */
export function advanceClock(ws: Workspace, seconds: number): string {
  ws.clock = formatIso(parseIso(ws.clock) + Math.ceil(seconds) * MS_PER_SECOND);
  return ws.clock;
}

/**
 * Moves the virtual clock up to a time the caller supplies, such as the real
 * time of a request (the engine never reads a wall clock itself). Never moves
 * it back. Returns the new clock.
 */
export function syncClock(ws: Workspace, iso: string): string {
  const at = parseIso(iso);
  if (at > parseIso(ws.clock)) ws.clock = formatIso(at);
  return ws.clock;
}

export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Sizes already computed, by source: each workspace would otherwise generate every blob just to size it. */
const blobSizes = new Map<string, number>();
const MAX_REMEMBERED_SIZES = 256;

const sourceKey = (source: GeneratedBlobSource): string => JSON.stringify([source.kind, source.rows, source.seed, source.corruptShare, source.skew]);

/** Size of a generated blob as CSV: header plus every record with its line break. */
export function generatedBlobBytes(source: GeneratedBlobSource): number {
  const key = sourceKey(source);
  const known = blobSizes.get(key);
  if (known !== undefined) return known;
  const header = CREDIT_RISK_COLUMNS.join(',').length + 1;
  const bytes = generatedTable(source).bytes.reduce((sum, b) => sum + b, header);
  if (blobSizes.size >= MAX_REMEMBERED_SIZES) blobSizes.clear();
  blobSizes.set(key, bytes);
  return bytes;
}

/**
 * Recently generated tables, newest last. A blob is sized when the workspace
 * is made and read again by every run that does not reuse its step; the
 * generator is deterministic and nothing writes into a table, so keeping a
 * few saves drawing the same rows again. Bounded by rows (about 43 bytes each).
 */
const tables = new Map<string, RowTable>();
const MAX_CACHED_ROWS = 400_000;

function generatedTable(source: GeneratedBlobSource): RowTable {
  const key = sourceKey(source);
  const known = tables.get(key);
  if (known) {
    tables.delete(key);
    tables.set(key, known);
    return known;
  }
  const table = generateCreditRiskTable(source.rows, source.seed, {
    ...(source.corruptShare !== undefined && { corruptShare: source.corruptShare }),
    ...(source.skew !== undefined && { skew: source.skew }),
  });
  tables.set(key, table);
  let rows = 0;
  for (const t of tables.values()) rows += t.rows;
  for (const [k, t] of tables) {
    if (rows <= MAX_CACHED_ROWS || k === key) break;
    tables.delete(k);
    rows -= t.rows;
  }
  return table;
}

/** A generated blob as a raw view: the (shared, read-only) table tagged with the blob path. */
function blobView(path: string, source: GeneratedBlobSource): TableView {
  return { kind: 'raw', segments: [{ table: generatedTable(source), rows: null }], sources: [path] };
}

/** One blob as tabular items, each tagged with the blob path as its source. */
export function readBlobDataset(path: string, blob: DatastoreBlob): Dataset {
  if (blob.generator) return viewDataset(blobView(path, blob.generator));
  return parseCsvDataset(blob.content ?? '', { source: path, featureColumns: CREDIT_RISK_FEATURE_NAMES });
}

/** Every blob under the reference, concatenated (blobs in path order). */
export function readDatastoreItems(store: Datastore, path: string): { items: DataItem[]; bytes: number; blobs: string[] } {
  const { dataset, bytes, blobs } = readDatastoreDataset(store, path);
  return { items: dataset.items, bytes, blobs };
}

/**
 * Every blob under the reference as one dataset. When every blob is generated
 * it stays columnar (a raw view: no item is made until one is read); a blob
 * of CSV text is parsed into items, and then the whole dataset is items.
 */
export function readDatastoreDataset(store: Datastore, path: string): { dataset: Dataset; bytes: number; blobs: string[] } {
  const blobs = listBlobs(store, path);
  const bytes = blobs.reduce((sum, name) => sum + store.blobs[name]!.bytes, 0);
  if (blobs.every((name) => store.blobs[name]!.generator)) {
    const parts = blobs.map((name) => blobView(name, store.blobs[name]!.generator!));
    const view: TableView = { kind: 'raw', segments: parts.flatMap((v) => v.segments), sources: [...blobs] };
    return { dataset: viewDataset(view), bytes, blobs };
  }
  const items: DataItem[] = [];
  for (const name of blobs) for (const item of readBlobDataset(name, store.blobs[name]!).items) items.push(item);
  return { dataset: { kind: 'tabular', items }, bytes, blobs };
}

/**
 * Replaces (or creates) a blob's content and stamps it with the virtual clock.
 * Reuse does not notice: a step reading this path keeps returning its old
 * outputs until it is forced to run (regenerate_outputs or allow_reuse false).
 */
export function updateDatastoreBlob(ws: Workspace, datastore: string, path: string, content: string | GeneratedBlobSource): DatastoreBlob {
  const store = ws.datastores[datastore];
  if (!store) throw new Error(`Datastore ${JSON.stringify(datastore)} does not exist; known: ${Object.keys(ws.datastores).join(', ')}`);
  const clean = path.replace(/^\/+/, '');
  if (clean === '' || clean.endsWith('/')) throw new Error(`A blob path must name a file, not a folder: ${JSON.stringify(path)}`);
  const modified = advanceClock(ws, 1);
  const blob: DatastoreBlob =
    typeof content === 'string'
      ? { content, modified, bytes: utf8Bytes(content) }
      : { generator: { ...content }, modified, bytes: generatedBlobBytes(content) };
  store.blobs[clean] = blob;
  return blob;
}

/** Grants or removes the compute identity's read permission on a datastore. */
export function setDatastoreReadAccess(ws: Workspace, datastore: string, canRead: boolean): void {
  const store = ws.datastores[datastore];
  if (!store) throw new Error(`Datastore ${JSON.stringify(datastore)} does not exist`);
  store.can_read = canRead;
}

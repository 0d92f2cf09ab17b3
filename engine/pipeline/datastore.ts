// The virtual blob store: path references, listing, reading blobs as
// datasets and writing files. Reading never checks freshness — identity, not
// content, is what reuse looks at, exactly as in Azure.
import type { Dataset, DataItem } from '../types';
import { generateCreditRiskDataset } from '../dataset/credit-risk-generator';
import { parseCsvDataset } from '../dataset/parse-csv-dataset';
import { CREDIT_RISK_COLUMNS, CREDIT_RISK_FEATURE_NAMES } from '../dataset/credit-risk-schema';
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

/** Size of a generated blob as CSV: header plus every record with its line break. */
export function generatedBlobBytes(source: GeneratedBlobSource): number {
  const key = JSON.stringify([source.kind, source.rows, source.seed, source.corruptShare, source.skew]);
  const known = blobSizes.get(key);
  if (known !== undefined) return known;
  const header = CREDIT_RISK_COLUMNS.join(',').length + 1;
  const bytes = generateBlobDataset(source).items.reduce((sum, item) => sum + item.bytes, header);
  if (blobSizes.size >= MAX_REMEMBERED_SIZES) blobSizes.clear();
  blobSizes.set(key, bytes);
  return bytes;
}

function generateBlobDataset(source: GeneratedBlobSource): Dataset {
  return generateCreditRiskDataset(source.rows, source.seed, {
    ...(source.corruptShare !== undefined && { corruptShare: source.corruptShare }),
    ...(source.skew !== undefined && { skew: source.skew }),
  });
}

/** One blob as tabular items, each tagged with the blob path as its source. */
export function readBlobDataset(path: string, blob: DatastoreBlob): Dataset {
  if (blob.generator) {
    const dataset = generateBlobDataset(blob.generator);
    for (const item of dataset.items) item.source = path;
    return dataset;
  }
  return parseCsvDataset(blob.content ?? '', { source: path, featureColumns: CREDIT_RISK_FEATURE_NAMES });
}

/** Every blob under the reference, concatenated (blobs in path order). */
export function readDatastoreItems(store: Datastore, path: string): { items: DataItem[]; bytes: number; blobs: string[] } {
  const blobs = listBlobs(store, path);
  const items: DataItem[] = [];
  let bytes = 0;
  for (const name of blobs) {
    const blob = store.blobs[name]!;
    for (const item of readBlobDataset(name, blob).items) items.push(item);
    bytes += blob.bytes;
  }
  return { items, bytes, blobs };
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

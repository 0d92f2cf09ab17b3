// A tabular mini-batch is "about mini_batch_size bytes of rows". The batch
// side of the comparison hands the simulator one file per mini-batch, each
// standing for that many rows, so millions of rows need no million objects.

export interface RowChunks {
  rowsPerChunk: number;
  chunks: number;
  /** Rows in the last chunk (equal to rowsPerChunk when the rows divide evenly). */
  lastChunkRows: number;
}

export function planRowChunks(rows: number, rowBytes: number, miniBatchBytes: number): RowChunks {
  const rowsPerChunk = Math.max(1, Math.floor(miniBatchBytes / rowBytes));
  const chunks = Math.ceil(rows / rowsPerChunk);
  return { rowsPerChunk, chunks, lastChunkRows: rows - (chunks - 1) * rowsPerChunk };
}

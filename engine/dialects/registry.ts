// The dialect modules by id.
import type { Dialect } from './dialect';
import type { DialectSpec } from './spec';
import { V1_DIALECT } from './v1';
import { V2_BATCH_DIALECT } from './v2-batch-deployment';
import { V2_PARALLEL_DIALECT } from './v2-parallel';

export const DIALECT_SPECS: Readonly<Record<Dialect, DialectSpec>> = {
  v1: V1_DIALECT,
  'v2-parallel': V2_PARALLEL_DIALECT,
  'v2-batch-deployment': V2_BATCH_DIALECT,
};

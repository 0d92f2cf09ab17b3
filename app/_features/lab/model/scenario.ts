// What a preset adds on top of the controls: faults and entry-script
// behaviour the engine exposes as hooks. Plain data, so it crosses to the
// worker and survives in the URL as a preset id.
import type { CostTimeModel, DatastoreAccessFault, FaultPlan } from '@/engine/index';

export interface ScenarioSpec {
  faults?: FaultPlan;
  /**
   * init() raises this error in every process. `name` is the Python exception
   * class the learner would see in the logs.
   */
  initError?: { name: string; message: string };
  /** Virtual seconds init() works before it returns or raises (loading a model, asking the model registry). */
  initSeconds?: number;
  /** The cluster's identity may not use a datastore: the mount fails before any process starts. */
  datastoreAccess?: DatastoreAccessFault;
  /** The ONNX entry script refuses to start without a GPU (engine option requiresGpu). */
  requiresGpu?: boolean;
  /** The file entry script raises on the first unreadable file instead of skipping it. */
  strictFiles?: boolean;
  /** Overrides of the engine's time model, e.g. a heavier model per row. */
  computeModel?: Partial<CostTimeModel>;
}

export const NO_SCENARIO: ScenarioSpec = {};

// Pipelines (issue 4): a workspace with compute, datastores, a model registry
// and environments; pipelines as DAGs with validation, per-step compute,
// reuse and parameters; publishing as a REST endpoint. Schedules and data
// triggers live in ../schedule and accept this workspace as it is.
export type * from './types';
export {
  createWorkspace,
  resolveModelVersion,
  registerModelVersion,
  DEFAULT_WORKSPACE_CLOCK,
  DEFAULT_DATASTORE,
  RESTRICTED_DATASTORE,
  SAMPLE_DATA_FOLDER,
  DEFAULT_IDLE_SECONDS,
  type WorkspaceSpec,
} from './workspace';
export {
  updateDatastoreBlob,
  syncClock,
  setDatastoreReadAccess,
  parseDatastoreRef,
  listBlobs,
  readBlobDataset,
  type DatastoreRef,
} from './datastore';
export { chapterPipeline, DEFAULT_BAND_THRESHOLDS } from './chapter-pipeline';
export { validatePipeline, RUNTIME_CHECK_CODES, STEP_NAME_PATTERN, type ValidateOptions } from './validate';
export { runPipeline, PipelineValidationError } from './run-pipeline';
export { PYTHON_JOB_PREP_SECONDS } from './step-execution';
export { reuseKey, readArtifact, canonicalJson, MAX_REUSE_ENTRIES } from './reuse';
export { BUILT_IN_PLACEHOLDERS, inferParameterType, matchesParameterType } from './parameters';
export { assignRiskBands, bandNames, riskBandsCsv, scoredRowsCsv } from './risk-bands';
export { buildGraph, type PipelineGraph } from './graph';
export {
  publishPipeline,
  invokePublishedPipeline,
  listPublishedPipelines,
  findPublishedPipeline,
  checkRunRequest,
  publishedEndpoint,
  PipelineInvocationError,
  PUBLISHED_ID_PATTERN,
  EXPERIMENT_NAME_PATTERN,
  MAX_DESCRIPTION_LENGTH,
  MAX_TAGS,
  MAX_TAG_LENGTH,
  type InvocationErrorCode,
  type InvocationProblem,
  type PublishOptions,
} from './publish';
export { summarizeRun, DEFAULT_PREVIEW_ROWS, type RunSummary, type StepSummary } from './summary';

// The pipeline worker's state: one workspace, the chapter pipeline, and a
// handler per request. Kept apart from the worker file so it can be tested in
// Node with the real engine.
import {
  chapterPipeline,
  createWorkspace,
  listBlobs,
  parseDatastoreRef,
  PipelineValidationError,
  publishPipeline,
  runPipeline,
  syncClock,
  updateDatastoreBlob,
  validatePipeline,
  DEFAULT_DATASTORE,
  SAMPLE_DATA_FOLDER,
  type Pipeline,
  type Workspace,
  type WorkspaceSpec,
} from '@/engine/index';
import { applyEdits, parameterValues } from '../model/edits';
import { shownErrors, validationFor, withFault } from './inject-fault';
import type { DataChangeView, PipelineEdits, PipelineRequest, PipelineResponse } from '../model/protocol';
import { definitionView, errorViews, publishedView, runView } from './views';

export interface SessionDeps {
  /** The credit-risk ONNX file (fetched once). */
  loadModel(): Promise<Uint8Array>;
  /** Workspace settings other than the model (tests use fewer rows). */
  workspace?: Omit<WorkspaceSpec, 'modelBytes'>;
  /**
   * The real time, ISO UTC (default: the browser's clock). The engine reads no
   * wall clock, so runs are stamped with this, as the server route stamps its runs.
   */
  now?: () => string;
}

const wallClock = (): string => new Date().toISOString();

/** Seeds of the replacement data: new applicants, same path. Fixed so a session is reproducible. */
const REPLACEMENT_SEED_BASE = 7300;
const DEFAULT_ROWS = 1000;

export class PipelineSession {
  private ws: Workspace | undefined;
  private model: Promise<Uint8Array> | undefined;
  private readonly pipeline: Pipeline = chapterPipeline();
  private dataVersion = 0;

  constructor(private readonly deps: SessionDeps) {}

  async handle(request: PipelineRequest): Promise<PipelineResponse> {
    try {
      switch (request.type) {
        case 'init':
          return await this.ready(this.ws ?? (await this.fresh()));
        case 'reset':
          return await this.ready(await this.fresh());
        case 'validate':
          return { type: 'validated', errors: this.validate(await this.workspace(), request.edits) };
        case 'run':
          return await this.run(request.edits);
        case 'change-data':
          return { type: 'data-changed', change: this.changeData(await this.workspace(), request.edits) };
        case 'publish':
          return await this.publish(request.edits, request.id);
      }
    } catch (error) {
      if (error instanceof PipelineValidationError) return { type: 'invalid', errors: errorViews(error.errors) };
      return { type: 'error', message: error instanceof Error ? error.message : String(error) };
    }
  }

  private async fresh(): Promise<Workspace> {
    // A failed fetch is retried by the next request instead of being remembered.
    this.model ??= this.deps.loadModel().catch((error: unknown) => {
      this.model = undefined;
      throw error;
    });
    this.ws = createWorkspace({ clock: this.now(), ...this.deps.workspace, modelBytes: await this.model });
    this.dataVersion = 0;
    return this.ws;
  }

  private now(): string {
    return (this.deps.now ?? wallClock)();
  }

  private async workspace(): Promise<Workspace> {
    return this.ws ?? (await this.fresh());
  }

  private ready(ws: Workspace): PipelineResponse {
    return { type: 'ready', definition: definitionView(ws, this.pipeline), errors: errorViews(validatePipeline(ws, this.pipeline)) };
  }

  private validate(ws: Workspace, edits: PipelineEdits) {
    const pipeline = withFault(applyEdits(this.pipeline, edits), edits.fault);
    return shownErrors(errorViews(validatePipeline(ws, pipeline, { parameters: parameterValues(this.pipeline, edits) })), edits.fault);
  }

  /** A fault is submitted like a pipeline sent without validate(): workspace problems fail the step at run time. */
  private async run(edits: PipelineEdits): Promise<PipelineResponse> {
    const ws = await this.workspace();
    const run = await runPipeline(ws, withFault(applyEdits(this.pipeline, edits), edits.fault), {
      parameters: parameterValues(this.pipeline, edits),
      regenerate_outputs: edits.regenerateOutputs,
      validation: validationFor(edits.fault),
      submittedAt: this.now(),
    });
    return { type: 'ran', run: runView(run) };
  }

  /** The first blob the current input_path covers, or the first sample blob when it covers none. */
  private targetBlob(ws: Workspace, edits: PipelineEdits): { datastore: string; path: string } {
    const text = edits.parameters.input_path;
    if (text !== undefined) {
      const ref = parseDatastoreRef(text);
      const store = ws.datastores[ref.datastore];
      const first = store && listBlobs(store, ref.path)[0];
      if (first) return { datastore: ref.datastore, path: first };
    }
    return { datastore: DEFAULT_DATASTORE, path: listBlobs(ws.datastores[DEFAULT_DATASTORE]!, SAMPLE_DATA_FOLDER)[0]! };
  }

  /** Rewrites one blob with different applicants under the very same path. */
  private changeData(ws: Workspace, edits: PipelineEdits): DataChangeView {
    const { datastore, path } = this.targetBlob(ws, edits);
    const old = ws.datastores[datastore]!.blobs[path];
    this.dataVersion += 1;
    // The rewrite happens now, or just after the last run's virtual end if that is later.
    syncClock(ws, this.now());
    const blob = updateDatastoreBlob(ws, datastore, path, {
      ...(old?.generator ?? { kind: 'credit-risk', rows: DEFAULT_ROWS }),
      seed: REPLACEMENT_SEED_BASE + this.dataVersion,
    });
    return { datastore, path, modified: blob.modified, bytes: blob.bytes, version: this.dataVersion };
  }

  private async publish(edits: PipelineEdits, id: string | undefined): Promise<PipelineResponse> {
    const ws = await this.workspace();
    syncClock(ws, this.now());
    const published = publishPipeline(ws, applyEdits(this.pipeline, edits), id === undefined ? {} : { id });
    return { type: 'published', published: publishedView(published) };
  }
}

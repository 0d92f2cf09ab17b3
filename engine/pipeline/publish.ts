// Publishing: a validated snapshot of a pipeline with an id and a REST path,
// and invoking it with a PublishedPipeline REST body. Bodies are checked
// field by field so a caller learns exactly which name or type was wrong.
import { PARAMETER_TYPE_NAMES, inferParameterType, matchesParameterType } from './parameters';
import { PipelineValidationError, runPipeline } from './run-pipeline';
import type { ParameterValue, Pipeline, PipelineRun, PipelineRunRequest, PublishedPipeline, Workspace } from './types';
import { validatePipeline } from './validate';

export type InvocationErrorCode = 'not_found' | 'invalid_body' | 'unknown_parameter' | 'invalid_parameter_value' | 'invalid_run';

export interface InvocationProblem {
  /** Dotted path into the body, e.g. "ParameterAssignments.node_count". */
  path: string;
  code: InvocationErrorCode;
  message: string;
}

export class PipelineInvocationError extends Error {
  readonly code: InvocationErrorCode;
  readonly details: InvocationProblem[];

  constructor(code: InvocationErrorCode, message: string, details: InvocationProblem[] = []) {
    super(message);
    this.name = 'PipelineInvocationError';
    this.code = code;
    this.details = details;
  }
}

export const PUBLISHED_ID_PATTERN = /^[a-z0-9]([-a-z0-9]{0,62}[a-z0-9])?$/;
export const EXPERIMENT_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,254}$/;
export const MAX_DESCRIPTION_LENGTH = 1000;
export const MAX_TAGS = 50;
export const MAX_TAG_LENGTH = 256;
const REQUEST_KEYS = ['ExperimentName', 'ParameterAssignments', 'Description', 'Tags'];
/** Real PublishedPipeline body keys this simulator does not model. */
const UNSUPPORTED_KEYS = ['DataSetDefinitionValueAssignments', 'DataPathAssignments', 'RunSource'];

export function publishedEndpoint(id: string): string {
  return `/api/pipelines/${id}/runs`;
}

export interface PublishOptions {
  /** A stable id (re-publishing under it replaces the old snapshot); generated from the name otherwise. */
  id?: string;
  name?: string;
  description?: string;
  version?: string;
}

function slug(text: string): string {
  const s = text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48).replace(/-+$/, '');
  return s === '' ? 'pipeline' : s;
}

function newId(ws: Workspace, name: string): string {
  const base = slug(name);
  for (let n = 1; ; n++) {
    const id = `${base}-${n}`;
    if (!Object.hasOwn(ws.published, id)) return id;
  }
}

/** Validates the pipeline with its defaults and stores a snapshot in the workspace. */
export function publishPipeline(ws: Workspace, pipeline: Pipeline, options: PublishOptions = {}): PublishedPipeline {
  const errors = validatePipeline(ws, pipeline);
  if (errors.length > 0) throw new PipelineValidationError(errors);
  if (options.id !== undefined && !PUBLISHED_ID_PATTERN.test(options.id)) {
    throw new Error(`Published pipeline id ${JSON.stringify(options.id)} must be 1 to 64 lower-case letters, digits and inner hyphens`);
  }
  const name = options.name ?? pipeline.name;
  const id = options.id ?? newId(ws, name);
  const published: PublishedPipeline = {
    id,
    name,
    endpoint: publishedEndpoint(id),
    parameters: Object.entries(pipeline.parameters ?? {}).map(([paramName, spec]) => ({
      name: paramName,
      type: spec.type ?? inferParameterType(spec.default),
      default: spec.default,
      ...(spec.description !== undefined && { description: spec.description }),
    })),
    published: ws.clock,
    pipeline: structuredClone(pipeline),
  };
  const description = options.description ?? pipeline.description;
  if (description !== undefined) published.description = description;
  if (options.version !== undefined) published.version = options.version;
  ws.published[id] = published;
  return published;
}

/** The published pipelines without their snapshots, for listings. */
export function listPublishedPipelines(ws: Workspace): Omit<PublishedPipeline, 'pipeline'>[] {
  return Object.values(ws.published).map((published) => {
    const listed: Partial<PublishedPipeline> = { ...published };
    delete listed.pipeline;
    return listed as Omit<PublishedPipeline, 'pipeline'>;
  });
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function unknownKeyMessage(key: string): string {
  if (UNSUPPORTED_KEYS.includes(key)) return `${key} is a real PublishedPipeline field that this simulator does not model; pass paths as ParameterAssignments instead`;
  const near = REQUEST_KEYS.find((k) => k.toLowerCase() === key.toLowerCase() || `${k.toLowerCase()}s` === key.toLowerCase() || k.toLowerCase() === `${key.toLowerCase()}s`);
  return `${key} is not a field of the request body${near ? `; did you mean ${near}? (names are case-sensitive)` : ''}; allowed: ${REQUEST_KEYS.join(', ')}`;
}

function checkStrings(body: Record<string, unknown>, problems: InvocationProblem[]): void {
  const experiment = body.ExperimentName;
  if (experiment !== undefined && (typeof experiment !== 'string' || !EXPERIMENT_NAME_PATTERN.test(experiment))) {
    problems.push({ path: 'ExperimentName', code: 'invalid_body', message: 'ExperimentName must be a string of 1 to 255 letters, digits, hyphens and underscores, starting with a letter or digit' });
  }
  const description = body.Description;
  if (description !== undefined && (typeof description !== 'string' || description.length > MAX_DESCRIPTION_LENGTH)) {
    problems.push({ path: 'Description', code: 'invalid_body', message: `Description must be a string of at most ${MAX_DESCRIPTION_LENGTH} characters` });
  }
  const tags = body.Tags;
  if (tags === undefined) return;
  if (!isPlainObject(tags) || Object.keys(tags).length > MAX_TAGS) {
    problems.push({ path: 'Tags', code: 'invalid_body', message: `Tags must be an object of at most ${MAX_TAGS} string values` });
    return;
  }
  for (const [key, value] of Object.entries(tags)) {
    if (typeof value !== 'string' || value.length > MAX_TAG_LENGTH || key.length > MAX_TAG_LENGTH) {
      problems.push({ path: `Tags.${key}`, code: 'invalid_body', message: `tag ${key} must be a string of at most ${MAX_TAG_LENGTH} characters` });
    }
  }
}

function checkAssignments(assignments: unknown, pipeline: PublishedPipeline, problems: InvocationProblem[]): void {
  if (assignments === undefined) return;
  if (!isPlainObject(assignments)) {
    problems.push({ path: 'ParameterAssignments', code: 'invalid_body', message: 'ParameterAssignments must be an object mapping parameter names to values' });
    return;
  }
  const declared = new Map(pipeline.parameters.map((p) => [p.name, p]));
  for (const [name, value] of Object.entries(assignments)) {
    const param = declared.get(name);
    if (!param) {
      const known = pipeline.parameters.map((p) => `${p.name} (${p.type})`).join(', ');
      problems.push({ path: `ParameterAssignments.${name}`, code: 'unknown_parameter', message: `unknown parameter ${name}; this pipeline takes ${known || 'no parameters'}` });
    } else if (!matchesParameterType(param.type, value)) {
      const got = value === null ? 'null' : Array.isArray(value) ? 'an array' : `${typeof value} ${JSON.stringify(value)}`;
      problems.push({ path: `ParameterAssignments.${name}`, code: 'invalid_parameter_value', message: `parameter ${name} must be ${PARAMETER_TYPE_NAMES[param.type]} (type ${param.type}), got ${got}` });
    }
  }
}

/** Every problem with a run request body for this published pipeline. */
export function checkRunRequest(body: unknown, pipeline: PublishedPipeline): InvocationProblem[] {
  if (!isPlainObject(body)) return [{ path: '', code: 'invalid_body', message: 'the body must be a JSON object such as {"ParameterAssignments": {"node_count": 2}}' }];
  const problems: InvocationProblem[] = [];
  for (const key of Object.keys(body)) if (!REQUEST_KEYS.includes(key)) problems.push({ path: key, code: 'invalid_body', message: unknownKeyMessage(key) });
  checkStrings(body, problems);
  checkAssignments(body.ParameterAssignments, pipeline, problems);
  return problems;
}

/** The most specific code: parameter problems first, since they name what to fix. */
function firstCode(problems: InvocationProblem[]): InvocationErrorCode {
  return (
    problems.find((p) => p.code === 'unknown_parameter')?.code ??
    problems.find((p) => p.code === 'invalid_parameter_value')?.code ??
    'invalid_body'
  );
}

export function findPublishedPipeline(ws: Workspace, id: string): PublishedPipeline | undefined {
  return Object.hasOwn(ws.published, id) ? ws.published[id] : undefined;
}

/**
 * POST <endpoint> with a PublishedPipeline body. Rejects with a
 * PipelineInvocationError (not_found, a bad body, or parameters the pipeline
 * cannot run with); otherwise resolves to the finished run.
 */
export async function invokePublishedPipeline(ws: Workspace, id: string, body: unknown, options: { seed?: number; submittedAt?: string } = {}): Promise<PipelineRun> {
  const published = findPublishedPipeline(ws, id);
  if (!published) {
    throw new PipelineInvocationError('not_found', `No published pipeline has id ${JSON.stringify(id)}; published: ${Object.keys(ws.published).join(', ') || 'none'}`);
  }
  const problems = checkRunRequest(body, published);
  if (problems.length > 0) {
    throw new PipelineInvocationError(firstCode(problems), `The request body is not valid: ${problems.map((p) => p.message).join('; ')}`, problems);
  }
  const request = body as PipelineRunRequest;
  try {
    return await runPipeline(ws, published.pipeline, {
      parameters: (request.ParameterAssignments ?? {}) as Record<string, ParameterValue>,
      experiment: request.ExperimentName ?? published.name,
      ...(request.Description !== undefined && { description: request.Description }),
      ...(request.Tags !== undefined && { tags: request.Tags }),
      ...(options.seed !== undefined && { seed: options.seed }),
      ...(options.submittedAt !== undefined && { submittedAt: options.submittedAt }),
    });
  } catch (error) {
    if (!(error instanceof PipelineValidationError)) throw error;
    const details = error.errors.map((e): InvocationProblem => ({ path: e.step ? `steps.${e.step}` : '', code: 'invalid_run', message: e.message }));
    throw new PipelineInvocationError('invalid_run', `The pipeline cannot run with these parameters: ${details.map((d) => d.message).join('; ')}`, details);
  }
}

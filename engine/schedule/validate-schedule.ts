// validateSchedule: the Schedule.create checks of SDK v1 for the three kinds of
// trigger, against a workspace that only needs to expose its datastores.
import type { ConfigProblem } from '../types';
import type { Schedule, TriggerWorkspace } from './types';
import { validateRecurrence } from './validate-recurrence';

const KINDS = ['recurrence', 'datastore', 'event'];
const FIELDS_BY_KIND: Record<string, string[]> = {
  recurrence: ['kind', 'recurrence', 'pipeline_parameters'],
  datastore: ['kind', 'datastore', 'polling_interval', 'path_on_datastore', 'data_path_parameter_name', 'pipeline_parameters'],
  event: ['kind', 'datastore', 'path_on_datastore', 'data_path_parameter_name', 'pipeline_parameters'],
};
/** Why a field is wrong for a kind, in the SDK's terms. */
const MISPLACED: Record<string, string> = {
  recurrence: 'a schedule takes either a recurrence or a datastore, never both; use kind "recurrence" for time-based runs',
  datastore: 'a schedule takes either a recurrence or a datastore, never both; use kind "datastore" to react to new blobs',
  polling_interval: 'only datastore schedules poll; event triggers fire as soon as the blob is created',
  path_on_datastore: 'only valid for datastore schedules (and event triggers)',
  data_path_parameter_name: 'only valid for datastore schedules (and event triggers)',
};
const PARAMETER_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

type Rec = Record<string, unknown>;
const show = (value: unknown): string => JSON.stringify(value) ?? String(value);
const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The workspace is checked at run time too, so plain JSON from the UI can be passed. */
export function validateSchedule(workspace: TriggerWorkspace | unknown, schedule: Schedule | unknown): ConfigProblem[] {
  if (!isRecord(schedule)) return [{ field: 'schedule', message: `schedule must be an object with a kind, got ${show(schedule)}` }];
  const kind = schedule.kind;
  if (typeof kind !== 'string' || !KINDS.includes(kind)) {
    return [{ field: 'kind', message: `kind ${show(kind)} is not allowed; use one of ${KINDS.join(', ')}` }];
  }
  const problems = [...misplacedFields(schedule, kind), ...checkPipelineParameters(schedule)];
  if (kind === 'recurrence') {
    const inner = validateRecurrence(schedule.recurrence);
    return [...problems, ...inner.map((p) => ({ field: p.field === 'recurrence' ? p.field : `recurrence.${p.field}`, message: p.message }))];
  }
  return [...problems, ...checkDatastore(workspace, schedule.datastore), ...checkDataFields(schedule)];
}

function misplacedFields(schedule: Rec, kind: string): ConfigProblem[] {
  const allowed = FIELDS_BY_KIND[kind] ?? [];
  return Object.keys(schedule)
    .filter((key) => !allowed.includes(key))
    .map((key) => ({
      field: key,
      message: `${key} does not belong in a "${kind}" schedule: ${MISPLACED[key] ?? `not a schedule field; allowed: ${allowed.join(', ')}`}`,
    }));
}

function checkDatastore(workspace: unknown, name: unknown): ConfigProblem[] {
  if (typeof name !== 'string' || name === '') {
    return [{ field: 'datastore', message: `datastore is required: the name of an Azure Blob datastore in the workspace, got ${show(name)}` }];
  }
  const stores = isRecord(workspace) ? workspace.datastores : undefined;
  if (!isRecord(stores)) return [{ field: 'workspace.datastores', message: 'the workspace has no datastores map to look the datastore up in' }];
  const store = Object.hasOwn(stores, name) ? stores[name] : undefined;
  if (!isRecord(store)) {
    return [{ field: 'datastore', message: `datastore "${name}" is not registered in the workspace; known: ${Object.keys(stores).join(', ') || 'none'}` }];
  }
  if (store.type !== 'AzureBlob') {
    return [{ field: 'datastore', message: `datastore "${name}" is of type ${show(store.type)}; data triggers only watch AzureBlob datastores` }];
  }
  return [];
}

function checkDataFields(schedule: Rec): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const interval = schedule.polling_interval;
  if (interval !== undefined && (typeof interval !== 'number' || !Number.isInteger(interval) || interval < 1)) {
    problems.push({ field: 'polling_interval', message: `polling_interval ${show(interval)} is not allowed; use whole minutes, 1 or more (default 5)` });
  }
  const path = schedule.path_on_datastore;
  if (path !== undefined && (typeof path !== 'string' || path.split('/').includes('..') || /[*?]/.test(path))) {
    problems.push({ field: 'path_on_datastore', message: `path_on_datastore ${show(path)} must be a folder path inside the container, without wildcards or ".."; omit it to watch the container root` });
  }
  const name = schedule.data_path_parameter_name;
  if (name !== undefined && (typeof name !== 'string' || !PARAMETER_NAME.test(name))) {
    problems.push({ field: 'data_path_parameter_name', message: `data_path_parameter_name ${show(name)} must be a pipeline parameter name: letters, digits and _, not starting with a digit` });
  }
  return problems;
}

function checkPipelineParameters(schedule: Rec): ConfigProblem[] {
  const params = schedule.pipeline_parameters;
  if (params === undefined) return [];
  if (!isRecord(params) || Object.values(params).some((v) => typeof v !== 'string')) {
    return [{ field: 'pipeline_parameters', message: `pipeline_parameters must map parameter names to string values, got ${show(params)}` }];
  }
  const dataName = schedule.data_path_parameter_name;
  if (typeof dataName === 'string' && Object.hasOwn(params, dataName)) {
    return [{ field: 'pipeline_parameters', message: `pipeline_parameters sets "${dataName}", which data_path_parameter_name fills with the changed blob path; remove one of them` }];
  }
  return [];
}

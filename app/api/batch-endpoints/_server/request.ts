// The body of POST /api/batch-endpoints/<endpoint>/jobs. Two layers, on
// purpose: zod checks the request's own shape (which fields exist, the
// generated input, output_path), and the per-job overrides are laid over the
// deployment's YAML and checked by the engine's v2-batch-deployment schema,
// so a bad mini_batch_size gets the message the simulator gives everywhere
// else, in the deployment's names (settings.mini_batch_size).
import { z } from 'zod';
import { dialectFieldName, parseDialectConfig, type CommonKey, type CommonSettings } from '@/engine/index';
import { withoutReservedKeys, type ErrorDetail } from '../../_server/http';
import { DEFAULT_DEPLOYMENT, DEPLOYMENTS, findDeployment, INPUT_LIMITS, OVERRIDE_FIELDS, OVERRIDE_PATHS, type DeploymentDefinition, type OverrideField } from './endpoint';

/** A job request needs a few numbers; 8 KB leaves room for long output paths and file names. */
export const JOB_BODY_LIMIT = { bytes: 8 * 1024, hint: 'a job request only needs a few settings' } as const;

const MAX_OUTPUT_PATH = 512;
const MAX_FILE_NAME = 255;

const show = (value: unknown): string => {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 80 ? `${text.slice(0, 77)}...` : text;
};

/** A number field of the generated input, with a message naming the value, the range and the default. */
function inputNumber(name: keyof typeof INPUT_LIMITS, integer: boolean) {
  const { min, max, default: fallback } = INPUT_LIMITS[name];
  const kind = integer ? 'a whole number' : 'a number';
  return z.unknown().transform((value, ctx) => {
    const ok = typeof value === 'number' && Number.isFinite(value) && (!integer || Number.isInteger(value)) && value >= min && value <= max;
    if (!ok) {
      ctx.addIssue({ code: 'custom', message: `input.${name} is ${show(value)}; it must be ${kind} from ${min} to ${max} (default ${fallback})` });
      return z.NEVER;
    }
    return value as number;
  });
}

const INPUT_FIELDS = 'rows, files, corrupt, seed';

const inputSchema = withoutReservedKeys(
  z.strictObject(
    {
      rows: inputNumber('rows', true).optional(),
      files: inputNumber('files', true).optional(),
      corrupt: inputNumber('corrupt', false).optional(),
      seed: inputNumber('seed', true).optional(),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `unknown input field(s) ${issue.keys.join(', ')}; input may only have ${INPUT_FIELDS}`
          : issue.code === 'invalid_type'
            ? `input must be an object such as {"rows": 10000, "files": 10}, with ${INPUT_FIELDS} all optional`
            : undefined,
    },
  ),
);

const SEGMENT = /^[A-Za-z0-9._-]+$/;

/** azureml://datastores/<datastore>/paths/<folder>/, the --output-path form of `az ml batch-endpoint invoke`. */
const outputPathSchema = z.unknown().transform((value, ctx) => {
  const shape = 'azureml://datastores/<datastore>/paths/<folder>/ (letters, digits, . _ - in each part, no "." or ".." folders)';
  if (typeof value !== 'string' || value.length > MAX_OUTPUT_PATH) {
    ctx.addIssue({ code: 'custom', message: `output_path is ${show(value)}; it must be a string of at most ${MAX_OUTPUT_PATH} characters like ${shape}` });
    return z.NEVER;
  }
  const match = /^azureml:\/\/datastores\/([^/]+)\/paths\/(.+?)\/?$/.exec(value);
  const folders = match?.[2]?.split('/') ?? [];
  const fine = match !== null && SEGMENT.test(match[1]!) && folders.every((f) => SEGMENT.test(f) && f !== '.' && f !== '..');
  if (!fine) {
    ctx.addIssue({ code: 'custom', message: `output_path is ${show(value)}; it must look like ${shape}` });
    return z.NEVER;
  }
  // One spelling per folder, so "a/b" and "a/b/" are the same place.
  return `azureml://datastores/${match[1]}/paths/${folders.join('/')}/`;
});

const TOP_FIELDS = ['deployment', 'input', 'output_path', ...OVERRIDE_FIELDS];

const overrideShape = Object.fromEntries(OVERRIDE_FIELDS.map((f) => [f, z.unknown().optional()])) as Record<OverrideField, z.ZodOptional<z.ZodUnknown>>;

export const jobRequestSchema = withoutReservedKeys(
  z.strictObject(
    {
      deployment: z.string({ error: (issue) => `deployment is ${show(issue.input)}; it must be the name of one of the endpoint's deployments, e.g. "${DEFAULT_DEPLOYMENT}"` }).max(64, { error: (issue) => `deployment is ${show(issue.input)}; deployment names are at most 64 characters (the endpoint's: ${DEPLOYMENTS.map((d) => d.name).join(', ')})` }).optional(),
      input: inputSchema.optional(),
      output_path: outputPathSchema.optional(),
      ...overrideShape,
    },
    {
      error: (issue) => {
        if (issue.code === 'unrecognized_keys') {
          const nested = issue.keys.some((k) => k === 'settings' || k === 'resources' || k === 'retry_settings');
          const hint = nested ? ' (give overrides flat, e.g. {"mini_batch_size": 5}, not nested as in the deployment YAML)' : '';
          return `unknown field(s) ${issue.keys.join(', ')}; the body may only have ${TOP_FIELDS.join(', ')} (names are case-sensitive)${hint}`;
        }
        if (issue.code === 'invalid_type') return 'the body must be a JSON object such as {"input": {"rows": 10000}, "mini_batch_size": 5}; every field is optional';
        return undefined;
      },
    },
  ),
);

export interface JobInput {
  rows: number;
  files: number;
  corrupt: number;
  seed: number;
}

export interface JobSpec {
  deployment: DeploymentDefinition;
  input: JobInput;
  /** Null: the job gets a folder of its own. */
  outputPath: string | null;
  /** The deployment YAML with the overrides laid over it, as the engine reads it. */
  config: DeploymentDefinition['yaml'];
  settings: CommonSettings;
  /** The settings in effect under the deployment's names, e.g. { "settings.mini_batch_size": 10 }. */
  settingsInEffect: Record<string, unknown>;
  /** The deployment names of the settings this request overrode. */
  overridden: string[];
}

export type ResolvedJobRequest = { ok: true; spec: JobSpec } | { ok: false; status: 400 | 404; error: string; details?: ErrorDetail[] };

const COMMON_KEYS: readonly CommonKey[] = ['nodes', 'processesPerNode', 'miniBatchSize', 'itemErrorThreshold', 'maxTries', 'timeoutSeconds', 'outputAction', 'outputFileName', 'loggingLevel'];

/** Sets a dotted path inside the copied YAML (the paths are the fixed ones of OVERRIDE_PATHS). */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let at = target;
  for (const key of keys.slice(0, -1)) at = at[key] as Record<string, unknown>;
  at[keys.at(-1)!] = value;
}

function fieldOfPath(path: string): string {
  const found = OVERRIDE_FIELDS.find((f) => OVERRIDE_PATHS[f] === path);
  return found ?? path;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The deployment YAML with the overrides laid over it, and the engine's verdict on it. */
function checkOverrides(deployment: DeploymentDefinition, overrides: Partial<Record<OverrideField, unknown>>) {
  const config = structuredClone(deployment.yaml);
  const overridden: string[] = [];
  for (const field of OVERRIDE_FIELDS) {
    if (!Object.hasOwn(overrides, field) || overrides[field] === undefined) continue;
    setPath(config as unknown as Record<string, unknown>, OVERRIDE_PATHS[field], overrides[field]);
    overridden.push(OVERRIDE_PATHS[field]);
  }
  const checked = parseDialectConfig('v2-batch-deployment', config, { compute: deployment.compute });
  const problems: ErrorDetail[] = checked.ok ? [] : checked.problems.map((p) => ({ path: fieldOfPath(p.field), message: p.message }));
  return { config, overridden, checked, problems };
}

/** The parsed body (any JSON value) as a job to run, or the 4xx to answer. */
export function resolveJobRequest(body: unknown): ResolvedJobRequest {
  const parsed = jobRequestSchema.safeParse(body);
  if (!parsed.success) {
    // The overrides are still checked, so one answer lists every problem, not only the request-level ones.
    const overrides = isPlainObject(body) ? Object.fromEntries(OVERRIDE_FIELDS.filter((f) => Object.hasOwn(body, f)).map((f) => [f, body[f]])) : {};
    const engine = checkOverrides(DEPLOYMENTS[0]!, overrides).problems;
    return {
      ok: false,
      status: 400,
      error: 'The request body does not match the batch job request schema',
      details: [...parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })), ...engine],
    };
  }
  const request = parsed.data;
  const name = request.deployment ?? DEFAULT_DEPLOYMENT;
  const deployment = findDeployment(name);
  if (!deployment) {
    return {
      ok: false,
      status: 404,
      error: `Endpoint credit-risk has no deployment ${show(name)}; its deployments are ${DEPLOYMENTS.map((d) => d.name).join(', ')} (omit "deployment" for the default, ${DEFAULT_DEPLOYMENT})`,
      details: [{ path: 'deployment', message: `is ${show(name)}; allowed: ${DEPLOYMENTS.map((d) => d.name).join(', ')}` }],
    };
  }
  const { config, overridden, checked, problems } = checkOverrides(deployment, request);
  if (!checked.ok) {
    return {
      ok: false,
      status: 400,
      error: `The job's settings are not valid for the batch deployment ${deployment.name} (${problems.length} problem${problems.length > 1 ? 's' : ''}); each message names the deployment YAML setting the request field overrides`,
      details: problems,
    };
  }
  // Checks of this server's own, beyond the SDK's: the file name becomes a URL segment and a download name.
  const fileName = checked.settings.outputFileName;
  if (fileName.length > MAX_FILE_NAME || fileName === '.' || fileName === '..' || /[\u0000-\u001f\u007f]/.test(fileName)) {
    return {
      ok: false,
      status: 400,
      error: 'The job request has an output_file_name this endpoint cannot serve',
      details: [{ path: 'output_file_name', message: `settings.output_file_name is ${show(fileName)}; it must be at most ${MAX_FILE_NAME} characters, not "." or "..", and without control characters` }],
    };
  }
  const settingsInEffect: Record<string, unknown> = {};
  for (const key of COMMON_KEYS) {
    const field = dialectFieldName('v2-batch-deployment', key);
    if (field === null) continue;
    const value = checked.settings[key];
    settingsInEffect[field] = key === 'loggingLevel' ? String(value).toLowerCase() : value;
  }
  const input = request.input ?? {};
  return {
    ok: true,
    spec: {
      deployment,
      input: {
        rows: input.rows ?? INPUT_LIMITS.rows.default,
        files: input.files ?? INPUT_LIMITS.files.default,
        corrupt: input.corrupt ?? INPUT_LIMITS.corrupt.default,
        seed: input.seed ?? INPUT_LIMITS.seed.default,
      },
      outputPath: request.output_path ?? null,
      config,
      settings: checked.settings,
      settingsInEffect,
      overridden,
    },
  };
}

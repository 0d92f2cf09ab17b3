// The zod schema of a pipeline run request. The request plumbing it relies on
// (JSON errors, the capped body reader, content-type checks) is shared with
// the batch-endpoint routes in app/api/_server/http.ts and re-exported here,
// so the pipeline routes and their tests keep their imports.
import { z } from 'zod';
import { EXPERIMENT_NAME_PATTERN, MAX_DESCRIPTION_LENGTH, MAX_TAG_LENGTH, MAX_TAGS } from '@/engine/index';
import { withoutReservedKeys } from '../../_server/http';

export {
  MAX_BODY_BYTES,
  checkContentType,
  checkDeclaredLength,
  json,
  jsonError,
  readJsonBody,
  zodDetails,
  type BodyResult,
  type ErrorDetail,
} from '../../_server/http';

const MAX_PARAMETERS = 50;
const MAX_PARAMETER_TEXT = 2048;
const REQUEST_FIELDS = 'ExperimentName, ParameterAssignments, Description, Tags';

const parameterValue = z.union([z.string().max(MAX_PARAMETER_TEXT), z.number(), z.boolean()], {
  error: 'a parameter value must be a string, a number or a boolean',
});

export const runRequestSchema = z.strictObject(
  {
    ExperimentName: z.string().regex(EXPERIMENT_NAME_PATTERN, 'use 1 to 255 letters, digits, hyphens and underscores, starting with a letter or digit').optional(),
    ParameterAssignments: withoutReservedKeys(
      z.record(z.string().max(128), parameterValue).refine((o) => Object.keys(o).length <= MAX_PARAMETERS, `at most ${MAX_PARAMETERS} parameters`),
    ).optional(),
    Description: z.string().max(MAX_DESCRIPTION_LENGTH).optional(),
    Tags: withoutReservedKeys(
      z.record(z.string().max(MAX_TAG_LENGTH), z.string().max(MAX_TAG_LENGTH)).refine((o) => Object.keys(o).length <= MAX_TAGS, `at most ${MAX_TAGS} tags`),
    ).optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown field(s) ${issue.keys.join(', ')}; the body may only have ${REQUEST_FIELDS} (names are case-sensitive)`
        : issue.code === 'invalid_type'
          ? 'the body must be a JSON object such as {"ParameterAssignments": {"node_count": 2}}'
          : undefined,
  },
);


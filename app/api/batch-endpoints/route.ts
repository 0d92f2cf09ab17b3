// GET /api/batch-endpoints: the batch endpoints this server hosts (one), with
// their deployments and the route to submit jobs to.
import { json, methodNotAllowed } from '../_server/http';
import { DEFAULT_DEPLOYMENT, DEPLOYMENTS, ENDPOINT_NAME } from './_server/endpoint';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const notAllowed = methodNotAllowed(['GET']);
export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE, notAllowed as POST };

export function GET(): Response {
  return json(200, {
    endpoints: [
      {
        name: ENDPOINT_NAME,
        jobs: `/api/batch-endpoints/${ENDPOINT_NAME}/jobs`,
        default_deployment: DEFAULT_DEPLOYMENT,
        deployments: DEPLOYMENTS.map((d) => ({ name: d.name, description: d.description, compute: d.yaml.compute, yaml: d.yaml })),
      },
    ],
  });
}

import { endpoint } from '#lib/server/http/api';
import { pilotModelInput } from '#lib/server/programs/pilot-inputs';
import { createModel, listModels } from '#lib/server/programs/pilot-service';

export const GET = endpoint({}, async ({ db, p }) => ({ items: await listModels(db, p) }));
export const POST = endpoint({ body: pilotModelInput, status: 201 }, ({ db, p, body }) => createModel(db, p, body));

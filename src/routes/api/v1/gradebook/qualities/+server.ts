import { endpoint } from '#lib/server/http/api';
import { qualitiesInput, qualitiesQuery } from '#lib/server/gradebook/inputs';
import { getQualities, saveQualities, type QualityEdit } from '#lib/server/gradebook/primary';

export const GET = endpoint({ query: qualitiesQuery }, ({ db, p, query }) => getQualities(db, p, query));
export const PUT = endpoint({ body: qualitiesInput }, ({ db, p, body }) => saveQualities(db, p, { ...body, rows: body.rows as QualityEdit[] }));

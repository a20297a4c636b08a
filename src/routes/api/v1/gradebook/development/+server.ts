import { endpoint } from '#lib/server/http/api';
import { developmentInput, developmentQuery } from '#lib/server/gradebook/inputs';
import { getDevelopment, saveDevelopment } from '#lib/server/gradebook/preschool';

export const GET = endpoint({ query: developmentQuery }, ({ db, p, query }) => getDevelopment(db, p, query));
export const PUT = endpoint({ body: developmentInput }, ({ db, p, body }) => saveDevelopment(db, p, body));

import { endpoint } from '#lib/server/http/api';
import { figuresQuery } from '#lib/server/programs/report-inputs';
import { figuresFor } from '#lib/server/programs/report-service';

export const GET = endpoint({ query: figuresQuery }, async ({ db, p, query }) => ({ items: await figuresFor(db, p, { path: query.path, from: new Date(query.from), to: new Date(query.to), template: query.template }) }));

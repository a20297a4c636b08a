import { endpoint } from '#lib/server/http/api';
import { gridQuery } from '#lib/server/gradebook/inputs';
import { getGrid } from '#lib/server/gradebook/service';

export const GET = endpoint({ query: gridQuery }, ({ db, p, query }) => getGrid(db, p, query));

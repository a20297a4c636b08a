import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { spaceQuery } from '#lib/server/community/inputs';
import { getSpace } from '#lib/server/community/forums';

export const GET = endpoint({ query: spaceQuery }, ({ db, p, event, query }) => getSpace(db, p, parse(idParam, event.params).id, query));

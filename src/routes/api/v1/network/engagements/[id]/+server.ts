import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { getEngagement } from '#lib/server/network/service';

export const GET = endpoint({}, ({ db, p, event }) => getEngagement(db, p, parse(idParam, event.params).id));

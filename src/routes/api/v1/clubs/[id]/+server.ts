import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { getClub } from '#lib/server/community/clubs';

export const GET = endpoint({}, ({ db, p, event }) => getClub(db, p, parse(idParam, event.params).id));

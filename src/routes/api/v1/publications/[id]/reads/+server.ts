import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { publicationReadsOf } from '#lib/server/programs/publication-service';

export const GET = endpoint({}, ({ db, p, event }) => publicationReadsOf(db, p, parse(idParam, event.params).id));

import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { publicationPatch } from '#lib/server/programs/publication-inputs';
import { editPublication, openPublication } from '#lib/server/programs/publication-service';

export const GET = endpoint({}, ({ db, p, event }) => openPublication(db, p, parse(idParam, event.params).id));
export const PATCH = endpoint({ body: publicationPatch }, ({ db, p, event, body }) => editPublication(db, p, parse(idParam, event.params).id, body));

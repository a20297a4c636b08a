import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { listClassLearners } from '#lib/server/organisations/service';

/** The class list in Vietnamese order (given name, then family name). */
export const GET = endpoint({}, async ({ db, p, event }) => ({ items: await listClassLearners(db, p, parse(idParam, event.params).id) }));

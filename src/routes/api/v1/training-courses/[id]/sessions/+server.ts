import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { sessionInput } from '#lib/server/programs/training-inputs';
import { addSession, getCourse } from '#lib/server/programs/training-service';

export const GET = endpoint({}, async ({ db, p, event }) => ({ items: (await getCourse(db, p, parse(idParam, event.params).id)).sessions }));
export const POST = endpoint({ body: sessionInput, status: 201 }, ({ db, p, event, body }) => addSession(db, p, parse(idParam, event.params).id, body));

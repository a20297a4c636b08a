import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { registrationInput } from '#lib/server/events/inputs';
import { listRegistrations, register } from '#lib/server/events/service';

export const GET = endpoint({}, async ({ db, p, event }) => ({ items: await listRegistrations(db, p, parse(idParam, event.params).id) }));
export const POST = endpoint({ body: registrationInput, status: 201 }, ({ db, p, event, body }) => register(db, p, parse(idParam, event.params).id, body.personId));

import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { enrolInput } from '#lib/server/programs/training-inputs';
import { enrol, listEnrolments } from '#lib/server/programs/training-service';

export const GET = endpoint({}, async ({ db, p, event }) => ({ items: await listEnrolments(db, p, parse(idParam, event.params).id) }));
export const POST = endpoint({ body: enrolInput, status: 201 }, ({ db, p, event, body }) => enrol(db, p, parse(idParam, event.params).id, body));

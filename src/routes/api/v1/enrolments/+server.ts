import { endpoint } from '#lib/server/http/api';
import { classIdQuery } from '#lib/server/http/queries';
import { enrolmentInput } from '#lib/server/organisations/inputs';
import { enrol, listClassLearners } from '#lib/server/organisations/service';

export const GET = endpoint({ query: classIdQuery }, async ({ db, p, query }) => ({ items: await listClassLearners(db, p, query.classId) }));
export const POST = endpoint({ body: enrolmentInput, status: 201 }, ({ db, p, body }) => enrol(db, p, body));

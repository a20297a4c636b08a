import { endpoint } from '#lib/server/http/api';
import { schoolIdQuery } from '#lib/server/http/queries';
import { subjectInput } from '#lib/server/organisations/inputs';
import { createSubject, listSubjects } from '#lib/server/organisations/service';

export const GET = endpoint({ query: schoolIdQuery }, ({ db, p, query }) => listSubjects(db, p, query.schoolId));
export const POST = endpoint({ body: subjectInput, status: 201 }, ({ db, p, body }) => createSubject(db, p, body));

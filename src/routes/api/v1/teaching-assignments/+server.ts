import { endpoint } from '#lib/server/http/api';
import { assignmentInput, assignmentsQuery } from '#lib/server/gradebook/inputs';
import { assignTeacher, listAssignments } from '#lib/server/gradebook/service';

export const GET = endpoint({ query: assignmentsQuery }, async ({ db, p, query }) => ({ items: await listAssignments(db, p, query) }));
export const POST = endpoint({ body: assignmentInput, status: 201 }, ({ db, p, body }) => assignTeacher(db, p, body));

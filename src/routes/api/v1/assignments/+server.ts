import { endpoint } from '#lib/server/http/api';
import { assignmentInput, assignmentsQuery } from '#lib/server/learning/assignment-inputs';
import { createAssignment, listAssignments } from '#lib/server/learning/assignments';

export const GET = endpoint({ query: assignmentsQuery }, async ({ db, p, query }) => ({ items: await listAssignments(db, p, query) }));
export const POST = endpoint({ body: assignmentInput, status: 201 }, ({ db, p, body }) => createAssignment(db, p, body));

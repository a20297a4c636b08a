import { endpoint } from '#lib/server/http/api';
import { subjectGroupInput } from '#lib/server/organisations/inputs';
import { createSubjectGroup } from '#lib/server/organisations/service';

export const POST = endpoint({ body: subjectGroupInput, status: 201 }, ({ db, p, body }) => createSubjectGroup(db, p, body));

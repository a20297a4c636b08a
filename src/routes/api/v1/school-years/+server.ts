import { endpoint } from '#lib/server/http/api';
import { schoolIdQuery } from '#lib/server/http/queries';
import { schoolYearInput } from '#lib/server/organisations/inputs';
import { createSchoolYear, listSchoolYears } from '#lib/server/organisations/service';

export const GET = endpoint({ query: schoolIdQuery }, async ({ db, p, query }) => ({ items: await listSchoolYears(db, p, query.schoolId) }));
export const POST = endpoint({ body: schoolYearInput, status: 201 }, ({ db, p, body }) => createSchoolYear(db, p, body));

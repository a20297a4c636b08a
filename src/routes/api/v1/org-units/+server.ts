import { endpoint } from '#lib/server/http/api';
import { orgUnitInput } from '#lib/server/organisations/inputs';
import { createOrgUnit, listOrgUnits } from '#lib/server/organisations/service';

export const GET = endpoint({}, async ({ db, p }) => ({ items: await listOrgUnits(db, p) }));
export const POST = endpoint({ body: orgUnitInput, status: 201 }, ({ db, p, body }) => createOrgUnit(db, p, body));

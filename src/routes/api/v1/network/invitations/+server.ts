import { endpoint } from '#lib/server/http/api';
import { invitationInput } from '#lib/server/network/inputs';
import { invite } from '#lib/server/network/service';

export const POST = endpoint({ body: invitationInput, status: 201 }, ({ db, p, body }) => invite(db, p, body));

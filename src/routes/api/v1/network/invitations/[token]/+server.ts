import { endpoint } from '#lib/server/http/api';
import { invitationAcceptInput } from '#lib/server/network/inputs';
import { acceptInvitation, invitation } from '#lib/server/network/service';

export const GET = endpoint({ public: true }, ({ db, event }) => invitation(db, event.params.token!));
export const POST = endpoint({ body: invitationAcceptInput, public: true, status: 201 }, ({ db, event, body }) => acceptInvitation(db, event.params.token!, body));

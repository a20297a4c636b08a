import { endpoint } from '#lib/server/http/api';
import { projectChannelInput } from '#lib/server/messaging/inputs';
import { createProjectChannel } from '#lib/server/messaging/service';

export const POST = endpoint({ body: projectChannelInput, status: 201 }, ({ db, p, body }) => createProjectChannel(db, p, body));

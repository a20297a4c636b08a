import { endpoint } from '#lib/server/http/api';
import { announcementInput } from '#lib/server/messaging/inputs';
import { createAnnouncement } from '#lib/server/messaging/service';

export const POST = endpoint({ body: announcementInput, status: 201 }, ({ db, p, body }) => createAnnouncement(db, p, body));

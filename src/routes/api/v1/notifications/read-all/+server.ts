import { endpoint } from '#lib/server/http/api';
import { markAllRead } from '#lib/server/notifications/service';

export const POST = endpoint({}, async ({ db, p }) => ({ marked: await markAllRead(db, p.personId) }));

import { endpoint } from '#lib/server/http/api';
import { contactChoices } from '#lib/server/messaging/service';

export const GET = endpoint({}, async ({ db, p }) => ({ items: await contactChoices(db, p) }));

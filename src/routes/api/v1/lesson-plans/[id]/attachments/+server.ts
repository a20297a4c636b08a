import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { addPlanAttachments, listPlanAttachments } from '#lib/server/learning/attachments';

export const GET = endpoint({}, async ({ db, p, event }) => ({ items: await listPlanAttachments(db, p, parse(idParam, event.params).id) }));
export const POST = endpoint({ status: 201 }, async ({ db, p, event }) => ({ items: await addPlanAttachments(db, p, parse(idParam, event.params).id, event.request) }));

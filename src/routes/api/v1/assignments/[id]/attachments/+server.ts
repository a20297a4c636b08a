import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { addAssignmentAttachments } from '#lib/server/learning/assignments';

export const POST = endpoint({ status: 201 }, async ({ db, p, event }) => ({ items: await addAssignmentAttachments(db, p, parse(idParam, event.params).id, event.request) }));

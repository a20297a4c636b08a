import { endpoint } from '#lib/server/http/api';
import { parse } from '#lib/server/http/validate';
import { idParam } from '#lib/server/http/queries';
import { sendToGradebookInput } from '#lib/server/learning/assignment-inputs';
import { gradebookTargets, sendToGradebook } from '#lib/server/learning/assignments';

export const GET = endpoint({}, async ({ db, p, event }) => ({ items: await gradebookTargets(db, p, parse(idParam, event.params).id) }));
export const POST = endpoint({ body: sendToGradebookInput }, ({ db, p, event, body }) => sendToGradebook(db, p, parse(idParam, event.params).id, body));

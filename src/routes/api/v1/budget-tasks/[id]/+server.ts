import { endpoint } from '#lib/server/http/api';
import { idOr404 } from '#lib/server/organisations/views';
import { taskPatch } from '#lib/server/programs/budget-inputs';
import { getTask, plain, updateTask } from '#lib/server/programs/budget-service';

export const GET = endpoint({}, async ({ db, p, event }) => plain(await getTask(db, p, idOr404(event.params.id!))));
export const PATCH = endpoint({ body: taskPatch }, async ({ db, p, body, event }) => plain(await updateTask(db, p, idOr404(event.params.id!), body)));

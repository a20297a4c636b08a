import { endpoint } from '#lib/server/http/api';
import { taskInput } from '#lib/server/programs/budget-inputs';
import { createTask, listTasks, plain } from '#lib/server/programs/budget-service';

export const GET = endpoint({}, async ({ db, p }) => ({ items: await listTasks(db, p) }));
export const POST = endpoint({ body: taskInput, status: 201 }, async ({ db, p, body }) => plain(await createTask(db, p, body)));

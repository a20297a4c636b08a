import { endpoint } from '#lib/server/http/api';
import { idOr404 } from '#lib/server/organisations/views';
import { getTask, plain } from '#lib/server/programs/budget-service';

export const GET = endpoint({}, async ({ db, p, event }) => plain(await getTask(db, p, idOr404(event.params.id!))));

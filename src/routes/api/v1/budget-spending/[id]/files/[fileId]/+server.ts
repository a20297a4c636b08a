import { endpoint } from '#lib/server/http/api';
import { idOr404 } from '#lib/server/organisations/views';
import { spendingFile } from '#lib/server/programs/budget-service';

export const GET = endpoint({}, ({ db, p, event }) => spendingFile(db, p, idOr404(event.params.id!), idOr404(event.params.fileId!)));

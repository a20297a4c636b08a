import { endpoint } from '#lib/server/http/api';
import { idOr404 } from '#lib/server/organisations/views';
import { responseFile } from '#lib/server/programs/survey-service';

export const GET = endpoint({}, ({ db, p, event }) => responseFile(db, p, idOr404(event.params.id!), idOr404(event.params.fileId!)));

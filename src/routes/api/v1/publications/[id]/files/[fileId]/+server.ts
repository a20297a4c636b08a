import { endpoint } from '#lib/server/http/api';
import { idOr404 } from '#lib/server/organisations/views';
import { publicationDocument, removeDocument } from '#lib/server/programs/publication-service';

export const GET = endpoint({}, ({ db, p, event }) => publicationDocument(db, p, idOr404(event.params.id!), idOr404(event.params.fileId!)));
export const DELETE = endpoint({}, ({ db, p, event }) => removeDocument(db, p, idOr404(event.params.id!), idOr404(event.params.fileId!)));

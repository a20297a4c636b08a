import { endpoint } from '#lib/server/http/api';
import { idOr404 } from '#lib/server/organisations/views';
import { courseDocument, removeCourseDocument } from '#lib/server/programs/training-service';

export const GET = endpoint({}, ({ db, p, event }) => courseDocument(db, p, idOr404(event.params.id!), idOr404(event.params.fileId!)));
export const DELETE = endpoint({}, ({ db, p, event }) => removeCourseDocument(db, p, idOr404(event.params.id!), idOr404(event.params.fileId!)));

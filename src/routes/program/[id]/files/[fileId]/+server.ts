import type { RequestHandler } from './$types';
import { getContext } from '#lib/server/context';
import { idOr404, orErrorPage } from '#lib/server/organisations/views';
import { publicDocument } from '#lib/server/programs/publication-service';

/** Public, no sign-in: a document of a news item or value statement shown on /program; anything else is a 404. */
export const GET: RequestHandler = (event) => orErrorPage(() => publicDocument(getContext().db, idOr404(event.params.id), idOr404(event.params.fileId)));

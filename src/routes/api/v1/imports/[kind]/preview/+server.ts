import { NotFoundError } from '#lib/server/errors';
import { m } from '#lib/paraglide/messages.js';
import { endpoint } from '#lib/server/http/api';
import { importKind, readImportRequest } from '#lib/server/imports/http';
import { previewImport } from '#lib/server/imports/service';

/** Parses and validates every row of the uploaded list; writes nothing. */
export const POST = endpoint({}, async ({ db, p, event }) => {
	const kind = importKind(event.params.kind);
	if (!kind) throw new NotFoundError(m.error_not_found());
	const { fields, upload } = await readImportRequest(event);
	return previewImport(db, p, kind, fields, upload);
});

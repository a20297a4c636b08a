import { NotFoundError } from '#lib/server/errors';
import { m } from '#lib/paraglide/messages.js';
import { endpoint } from '#lib/server/http/api';
import { importKind, readImportRequest } from '#lib/server/imports/http';
import { commitImport } from '#lib/server/imports/service';

/** Imports every row in one transaction, or nothing: 400 with the error list when any row is wrong. */
export const POST = endpoint({ status: 201 }, async ({ db, p, event }) => {
	const kind = importKind(event.params.kind);
	if (!kind) throw new NotFoundError(m.error_not_found());
	const { fields, upload } = await readImportRequest(event);
	return commitImport(db, p, kind, fields, upload);
});

import { NotFoundError } from '#lib/server/errors';
import { m } from '#lib/paraglide/messages.js';
import { endpoint } from '#lib/server/http/api';
import { importKind } from '#lib/server/imports/http';
import { buildTemplate, templateFileName, XLSX_TYPE } from '#lib/server/imports/templates';

/** The .xlsx template of a list, in the layout schools keep. */
export const GET = endpoint({}, async ({ event }) => {
	const kind = importKind(event.params.kind);
	if (!kind) throw new NotFoundError(m.error_not_found());
	const bytes = await buildTemplate(kind);
	return new Response(bytes as BodyInit, {
		headers: { 'content-type': XLSX_TYPE, 'content-disposition': `attachment; filename="${templateFileName(kind)}"`, 'cache-control': 'private, max-age=3600' }
	});
});
